package textproc

import (
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/kljensen/snowball/english"
)

// Tokenize splits text into word, numeral and punctuation tokens, with their
// lowercased form, stem and stop-word flag.
func Tokenize(text string) []Token {
	// About one token per five bytes of news prose: one allocation, mostly.
	return tokenize(make([]Token, 0, len(text)/5+1), text, asciiLower(text), true, nil)
}

// wordMemo is a small direct-mapped cache of lookupWord in front of the
// shared stem cache: a document repeats its words ("the", names, the
// topic's terms), and so do the documents after it, and a probe of this
// table costs a fraction of one of the large shared maps. With 256 slots
// kept for one document, two words in three still went to the maps on
// the pair of BenchmarkCompare; kept from one document to the next, 4096
// slots (160 KB) let few words collide. A word's entry holds the stem
// cache's own copy of the word, never a document's text, so that a memo
// waiting in wordMemos keeps no article alive.
type wordMemo [4096]struct {
	word string
	info wordInfo
}

// wordMemos recycles wordMemos from one analysis to the next.
var wordMemos sync.Pool

// lookup is lookupWord(word) through the memo.
func (m *wordMemo) lookup(word string) wordInfo {
	h := fnv32(word)
	e := &m[h%uint32(len(m))]
	if e.word == word && word != "" {
		return e.info
	}
	info, key := lookupWordHash(word, h)
	if key != "" {
		e.word, e.info = key, info
	}
	return info
}

// tokenize appends the tokens of text to dst; without stems it leaves
// Stem and Stop empty (for the quick looks around a quote). low is text
// with its ASCII letters lowercased (asciiLower), or "" to lowercase each
// token on its own: an ASCII token's Lower is then a slice of low instead
// of a new string.
func tokenize(toks []Token, text, low string, stems bool, memo *wordMemo) []Token {
	// In an ASCII text, nearly every sentence of news prose, every token's
	// Lower is its slice of low: one look at the text's bytes instead of
	// one at each token's.
	ascii := low != "" && isASCII(text)
	scanTokens(text, func(s string, kind TokenKind, start int) {
		var lw string
		if ascii {
			lw = low[start : start+len(s)]
		} else {
			lw = lowerAt(s, low, start)
		}
		if stems {
			toks = append(toks, makeToken(s, lw, kind, start, memo))
			return
		}
		toks = append(toks, Token{Text: s, Lower: lw, Kind: kind, Span: Span{start, start + len(s)}})
	})
	return toks
}

// Scan calls fn for each token of text, in order: the tokens Tokenize
// returns, with their lowercased form, but without the stem and stop-word
// flag that Tokenize looks up for every word. It is for callers that need
// the words alone, many times a second (fingerprinting an ingest), and
// stem only the few words they keep.
func Scan(text string, fn func(token, lower string, kind TokenKind)) {
	scanTokens(text, func(s string, kind TokenKind, _ int) {
		if kind == Punct {
			fn(s, s, kind)
			return
		}
		// Word by word: most words are lowercase ASCII already, and a
		// lowered copy of the whole text would cost more than it saves.
		fn(s, lower(s), kind)
	})
}

// scanTokens cuts text into words, numerals and punctuation and calls fn
// for each with its kind and byte offset.
func scanTokens(text string, fn func(s string, kind TokenKind, start int)) {
	i := 0
	for i < len(text) {
		// ASCII, most of a news text, by its class (the same answers
		// as the unicode tests below), without decoding a rune.
		if c := text[i]; c < utf8.RuneSelf {
			switch asciiClass[c] {
			case asciiSpace:
				i++
			case asciiLetter:
				end := max(scanWord(text, i), i+1)
				if code := currencyCode(text, i, end); code > i {
					// "R6.8", "Rs450": the code, then the figure.
					end = code
				}
				fn(text[i:end], Word, i)
				i = end
			case asciiDigit:
				end := max(scanNumeral(text, i), i+1)
				fn(text[i:end], Numeral, i)
				i = end
			default:
				fn(text[i:i+1], Punct, i)
				i++
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			i += n
		case unicode.IsLetter(r):
			end := max(scanWord(text, i), i+n)
			fn(text[i:end], Word, i)
			i = end
		case unicode.IsDigit(r):
			// Non-ASCII digits ("۸") are numerals of one rune each.
			end := max(scanNumeral(text, i), i+n)
			fn(text[i:end], Numeral, i)
			i = end
		default:
			fn(text[i:i+n], Punct, i)
			i += n
		}
	}
}

// lowerAt is lower(s) for the token s at byte start of a text whose
// ASCII-lowercased form is low (see tokenize): for an ASCII token the two
// are the same bytes, so it is sliced from low without allocating.
func lowerAt(s, low string, start int) string {
	if low == "" {
		return lower(s)
	}
	for k := 0; k < len(s); k++ {
		if s[k] >= utf8.RuneSelf {
			return lower(s)
		}
	}
	return low[start : start+len(s)]
}

// asciiLower returns s with its ASCII letters lowercased and every other
// byte as it is; s itself when it has no upper-case ASCII letter. Byte
// offsets into s hold in the result.
func asciiLower(s string) string {
	low, _ := asciiLowerIn(nil, s, 0)
	return low
}

// asciiLowerIn is asciiLower with the copy, when one is needed, made in
// buf's spare capacity (a new array of at least size bytes when too little
// is left); it returns the copy and buf grown by it. Pieces of buf are
// never written again once returned.
func asciiLowerIn(buf []byte, s string, size int) (string, []byte) {
	i := 0
	for i < len(s) && (s[i] < 'A' || s[i] > 'Z') {
		i++
	}
	if i == len(s) {
		return s, buf
	}
	if cap(buf)-len(buf) < len(s) {
		buf = make([]byte, 0, max(size, len(s)))
	}
	l := len(buf)
	buf = append(buf, s...)
	b := buf[l:]
	for k := i; k < len(b); k++ {
		if c := b[k]; c >= 'A' && c <= 'Z' {
			b[k] = c + 'a' - 'A'
		}
	}
	// b is never written again: share it as a string without a copy.
	return unsafe.String(&b[0], len(b)), buf
}

// ASCII byte classes for the scanners' fast path.
const (
	asciiPunct = iota
	asciiSpace
	asciiLetter
	asciiDigit
)

// asciiClass classes each ASCII byte as unicode.IsSpace, IsLetter and
// IsDigit do (TestASCIIClass checks it).
var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
			t[c] = asciiLetter
		case c >= '0' && c <= '9':
			t[c] = asciiDigit
		case c == ' ', c >= '\t' && c <= '\r':
			t[c] = asciiSpace
		}
	}
	return t
}()

// scanWord returns the end of the word starting at i: letters and digits,
// joined by inner apostrophes and hyphens ("don't", "build-up", "COVID-19"),
// or an abbreviation of single letters with dots ("U.S.", "a.m.").
func scanWord(text string, i int) int {
	if end, ok := scanInitials(text, i); ok {
		return end
	}
	j := i
	for j < len(text) {
		if c := text[j]; c < utf8.RuneSelf && asciiClass[c] >= asciiLetter {
			j++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[j:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\u0301' {
			j += n
			continue
		}
		if r == '\'' || r == '’' || r == '-' || r == '‑' {
			if k := j + n; k < len(text) {
				r2, _ := utf8.DecodeRuneInString(text[k:])
				if unicode.IsLetter(r2) || (r != '\'' && r != '’' && unicode.IsDigit(r2)) {
					j = k
					continue
				}
			}
		}
		break
	}
	return j
}

// currencyCode returns the end of a currency code written in letters
// (letterCurrencies) that the word text[i:end] starts with when a figure
// follows it inside the word ("R6.8", "KSh1.2", "Rs450"); i when none. A
// code of one letter also names roads and models ("the R445"): it counts
// only before a figure written as money is, with decimals or thousands
// ("R6.8", "R9,000") or a magnitude glued to it ("R2bn", "R50m").
func currencyCode(text string, i, end int) int {
	j := i
	for j < end && text[j] < utf8.RuneSelf && asciiClass[text[j]] == asciiLetter && j-i < 3 {
		j++
	}
	if j == end || text[j] < '0' || text[j] > '9' || letterCurrencies[text[i:j]] == "" {
		return i
	}
	if j-i > 1 {
		return j
	}
	k := scanNumeral(text, j)
	if strings.ContainsAny(text[j:k], ".,") || k < end && magnitudes[strings.ToLower(text[k:end])] != 0 {
		return j
	}
	return i
}

// scanInitials matches a run of single letters each followed by a dot
// ("U.S.", "U.K.", "a.m.", "D.C."), at least two of them.
func scanInitials(text string, i int) (int, bool) {
	j, count := i, 0
	for j+1 < len(text) {
		r, n := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsLetter(r) || j+n >= len(text) || text[j+n] != '.' {
			break
		}
		// The letter must stand alone: the next byte after the dot is not a
		// letter continuing a word on the same letter run.
		j += n + 1
		count++
		if j < len(text) {
			r2, _ := utf8.DecodeRuneInString(text[j:])
			if !unicode.IsLetter(r2) {
				break
			}
			// Another initial must be a single letter followed by a dot.
			_, n2 := utf8.DecodeRuneInString(text[j:])
			if j+n2 >= len(text) || text[j+n2] != '.' {
				break
			}
		}
	}
	return j, count >= 2
}

// scanNumeral returns the end of the numeral at i: digits with inner "," or
// "." followed by a digit ("1,000", "2.5"), and an ordinal or unit suffix
// glued to it is left to the next token.
func scanNumeral(text string, i int) int {
	j := i
	for j < len(text) {
		c := text[j]
		if c >= '0' && c <= '9' {
			j++
			continue
		}
		if (c == ',' || c == '.') && j+1 < len(text) && text[j+1] >= '0' && text[j+1] <= '9' {
			j++
			continue
		}
		break
	}
	return j
}

func makeToken(text, lower string, kind TokenKind, start int, memo *wordMemo) Token {
	t := Token{Text: text, Lower: lower, Kind: kind, Span: Span{start, start + len(text)}}
	switch kind {
	case Word:
		var w wordInfo
		if memo != nil {
			w = memo.lookup(t.Lower)
		} else {
			w = lookupWord(t.Lower)
		}
		t.Stop, t.Stem, t.StemID, t.StemHash = w.stop, w.stem, w.id, w.hash
	default:
		t.Stem, t.StemHash = t.Lower, Hash(t.Lower)
	}
	return t
}

// Hash is the 64-bit FNV-1a hash of s, the hash Token.StemHash holds of
// a token's stem.
func Hash(s string) uint64 {
	h := uint64(14695981039346656037)
	for k := 0; k < len(s); k++ {
		h ^= uint64(s[k])
		h *= 1099511628211
	}
	return h
}

// lower lowercases s and straightens curly apostrophes and non-breaking
// hyphens.
func lower(s string) string {
	if isASCIILower(s) {
		return s
	}
	s = strings.ToLower(s)
	if strings.ContainsAny(s, "’‑") {
		s = strings.NewReplacer("’", "'", "‑", "-").Replace(s)
	}
	return s
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func isASCIILower(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || (c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

// Stem returns the Snowball English stem of a lowercased word. A possessive
// "'s" is dropped first, and hyphens are removed so that "build-up" and
// "buildup" share a stem.
func Stem(word string) string {
	return lookupWord(word).stem
}

// wordInfo is what a word token needs from its lowercased text: its stem,
// the stem's number (see stemID) and whether it is a stop word, looked up
// together in one cache probe.
type wordInfo struct {
	stem string
	hash uint64 // Hash(stem)
	id   uint32
	stop bool
}

// lookupWord returns the stem and stop-word flag of a lowercased word,
// from the cache when it is there.
func lookupWord(word string) wordInfo {
	w, _ := lookupWordHash(word, fnv32(word))
	return w
}

// lookupWordHash is lookupWord for a word whose fnv32 hash is h. It also
// returns the stem cache's own copy of word, "" when the cache is full
// and does not hold it.
func lookupWordHash(word string, h uint32) (wordInfo, string) {
	sh := &stemCache[h&15]
	sh.mu.RLock()
	w, ok := sh.m[word]
	sh.mu.RUnlock()
	if ok {
		return w.wordInfo, w.key
	}
	w.wordInfo = wordInfo{stem: stem(word), stop: IsStop(word)}
	w.id, w.hash = stemID(w.stem), Hash(w.stem)
	if stemCacheLen.Load() < stemCacheMax {
		sh.mu.Lock()
		if c, ok := sh.m[word]; ok {
			w.key = c.key
		} else {
			// Clone: word may be a slice of a whole article's text.
			w.key = strings.Clone(word)
			sh.m[w.key] = w
			stemCacheLen.Add(1)
		}
		sh.mu.Unlock()
	}
	return w.wordInfo, w.key
}

// stemCache memoises Stem and IsStop: the Snowball stemmer takes about a
// microsecond a word, most of the time of Analyze, and news reuses its
// words. It is sharded so that concurrent analyses rarely wait on one
// lock, and stops growing at stemCacheMax words (a few MB), which covers
// the working vocabulary of a news corpus; rarer words are stemmed each
// time.
var (
	stemCache    [16]stemShard
	stemCacheLen atomic.Int64
)

type stemShard struct {
	mu sync.RWMutex
	m  map[string]cachedWord
}

// cachedWord is a word's entry in the stem cache: its wordInfo and the
// cache's own copy of the word (its key).
type cachedWord struct {
	wordInfo
	key string
}

func init() {
	for k := range stemCache {
		stemCache[k].m = make(map[string]cachedWord)
	}
}

const stemCacheMax = 1 << 17

// stemIDs numbers the stems of words from 1 in the order this process
// first meets them (Token.StemID), so that a StemMap finds a token's stem
// by index instead of hashing it. It stops growing at maxStemIDs stems,
// as stemCache does: a stem first met after that keeps 0 for good, so
// that one stem never has two numbers.
var stemIDs = struct {
	mu  sync.RWMutex
	ids map[string]uint32
}{ids: map[string]uint32{}}

const maxStemIDs = stemCacheMax

// stemID returns the number of a word stem, giving it the next one when
// it has none and there is room; 0 when there is none.
func stemID(stem string) uint32 {
	stemIDs.mu.RLock()
	id, ok := stemIDs.ids[stem]
	n := len(stemIDs.ids)
	stemIDs.mu.RUnlock()
	if ok || n >= maxStemIDs {
		return id
	}
	stemIDs.mu.Lock()
	defer stemIDs.mu.Unlock()
	if id, ok := stemIDs.ids[stem]; ok || len(stemIDs.ids) >= maxStemIDs {
		return id
	}
	id = uint32(len(stemIDs.ids)) + 1
	// Clone: stem may be a slice of a whole article's text.
	stemIDs.ids[strings.Clone(stem)] = id
	return id
}

// knownStemID is the number of stem, 0 when it has none; unlike stemID
// it never gives one.
func knownStemID(stem string) uint32 {
	stemIDs.mu.RLock()
	defer stemIDs.mu.RUnlock()
	return stemIDs.ids[stem]
}

// fnv32 is the FNV-1a hash of a word's bytes; its low bits pick a shard
// of the stem cache and a slot of a wordMemo.
func fnv32(w string) uint32 {
	h := uint32(2166136261)
	for k := 0; k < len(w); k++ {
		h = (h ^ uint32(w[k])) * 16777619
	}
	return h
}

func stem(word string) string {
	word = strings.TrimSuffix(word, "'s")
	if strings.Contains(word, "-") {
		word = strings.ReplaceAll(word, "-", "")
	}
	if strings.Contains(word, ".") {
		return word
	}
	return english.Stem(word, false)
}

// IsStop reports whether a lowercased word is an English stop word (the
// Snowball list plus contractions and a few function words).
func IsStop(word string) bool {
	if english.IsStopWord(word) {
		return true
	}
	// A switch, not a map: the compiler's search over sixteen constants
	// costs less than hashing the word, which an ingest does for every
	// distinct word of every article.
	switch word {
	case "also", "would", "could", "may", "might", "must",
		"shall", "us", "upon", "yet", "via", "among",
		"it's", "he's", "she's", "'s":
		return true
	}
	return false
}

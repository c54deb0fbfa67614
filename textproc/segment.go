package textproc

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Segment splits text into sentence spans. A sentence ends at ".", "!" or
// "?" (with any closing quotes and brackets after it) followed by space and
// the start of a new sentence. It does not end after a title or month
// abbreviation ("Mr.", "Gen.", "Jan. 5"), after "No." before a number,
// inside a decimal ("2.5"), or after initials ("U.S.") or a company suffix
// ("Inc.") unless the next word is one that starts sentences ("The", "He").
// Spans are trimmed of surrounding space; empty text yields no spans.
//
// Text that lost the usual sentence shape is still split: in lower-cased
// text (almost no capitals) a sentence may start with a small letter;
// paragraphs glued without a space ("night.The") break before the capital;
// and a run of more than maxWords words without a sentence mark is cut at
// clause boundaries (see splitLong).
func Segment(text string) []Span {
	var spans []Span
	lowered := loweredText{text: text}
	start := skipSpace(text, 0)
	i := start
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf && !sentenceMark[c] {
			// Most of a text: one table lookup a byte.
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(text[i:])
			i += n
			// Ideographic stops end a sentence with no space after them.
			if r == '。' || r == '！' || r == '？' {
				end := skipClosers(text, i)
				if next := skipSpace(text, end); next < len(text) {
					spans = append(spans, Span{start, trimRight(text, start, end)})
					start, i = next, next
				}
			}
			continue
		}
		// Extend over repeated terminators and closing quotes/brackets.
		end := i + 1
		for end < len(text) && (text[end] == '.' || text[end] == '!' || text[end] == '?') {
			end++
		}
		end = skipClosers(text, end)
		next := skipSpace(text, end)
		if next == end && next < len(text) && !glued(text, start, i, end) {
			// No space after: "2.5", "U.S.-led", "example.com".
			i = end
			continue
		}
		if next >= len(text) {
			break
		}
		if c == '.' && !breaksAfter(text, start, i, next) {
			i = end
			continue
		}
		if !startsSentence(text, next) && !(startsLower(text, next) && lowered.is()) {
			i = end
			continue
		}
		spans = splitLong(spans, text, start, trimRight(text, start, end), &lowered)
		start = next
		i = next
	}
	if e := trimRight(text, start, len(text)); e > start {
		spans = splitLong(spans, text, start, e, &lowered)
	}
	return spans
}

// loweredText is isLowered of a text, read on first use: a pass over
// the whole text that most texts never need (their sentences start with
// capitals and are short).
type loweredText struct {
	text      string
	done, low bool
}

func (l *loweredText) is() bool {
	if !l.done {
		l.low, l.done = isLowered(l.text), true
	}
	return l.low
}

// sentenceMark marks the ASCII bytes that may end a sentence.
var sentenceMark = [utf8.RuneSelf]bool{'.': true, '!': true, '?': true}

// isLowered reports whether text was lower-cased as a whole: at least
// loweredMinLetters letters and under one capital in a hundred (news prose
// has about one in twenty-five: sentence starts and names), or most of its
// sentence marks followed by a small letter (a lower-cased body under a
// title that kept its capitals).
func isLowered(text string) bool {
	letters, upper, smallStarts, starts := 0, 0, 0, 0
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c >= 'a' && c <= 'z':
			letters++
		case c >= 'A' && c <= 'Z':
			letters++
			upper++
		case (c == '.' || c == '?' || c == '!') && i+2 < len(text) && text[i+1] == ' ':
			if n := text[i+2]; isLowerASCII(n) {
				smallStarts++
				starts++
			} else if isUpperASCII(n) {
				starts++
			}
		}
	}
	if letters < loweredMinLetters {
		return false
	}
	return upper*100 < letters || smallStarts >= 3 && 3*smallStarts >= 2*starts
}

// loweredMinLetters: a short line ("read more here") is lower-case without
// being lower-cased text.
const loweredMinLetters = 100

// startsLower reports whether a small letter opens the text at i (a
// sentence start in lower-cased text).
func startsLower(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsLower(r)
}

// glued reports whether the sentence mark at i, with no space before the
// text at end, ends a sentence glued to the next: a word of two or more
// small letters, the mark, then a capitalised word ("night.The"), as
// paragraphs joined without a break leave them. "U.S.-led", "2.5",
// "example.com" and "St.Louis" (a title abbreviation) stay whole.
func glued(text string, start, i, end int) bool {
	if end+1 >= len(text) || !isUpperASCII(text[end]) || !isLowerASCII(text[end+1]) {
		return false
	}
	w := i
	for w > start && isLowerASCII(text[w-1]) {
		w--
	}
	if i-w < 2 || w > start && (isUpperASCII(text[w-1]) || text[w-1] == '.') {
		return false
	}
	return !titleAbbrev[text[w:i]] && !companyAbbrev[text[w:i]] && !monthAbbrev[text[w:i]]
}

func isLowerASCII(c byte) bool { return c >= 'a' && c <= 'z' }
func isUpperASCII(c byte) bool { return c >= 'A' && c <= 'Z' }

// Long runs without sentence marks: a span of more than maxWords words
// (maxWordsLowered in lower-cased text, whose marks were mostly dropped)
// is cut into pieces of about targetWords words, each at the clause
// boundary (a comma, semicolon, colon or dash, else before a conjunction)
// nearest the target. News sentences average 20-25 words; one of over 60
// is almost always several run together.
const (
	maxWords        = 60
	maxWordsLowered = 40
	targetWords     = 25
)

// splitLong appends the span [start, end) of text to spans, cut into
// clauses when it is too long to be one sentence.
func splitLong(spans []Span, text string, start, end int, lowered *loweredText) []Span {
	// Most sentences are short: count their words before listing where
	// each starts, which only a sentence to cut needs. A span of n bytes
	// holds at most (n+1)/2 words (one letter and a space each), so the
	// shortest need no count at all; and one within the lower of the
	// two limits needs no look at the whole text.
	if (end-start+1)/2 <= maxWordsLowered {
		return append(spans, Span{start, end})
	}
	n := wordStarts(nil, text, start, end) + 1
	if n <= maxWordsLowered {
		return append(spans, Span{start, end})
	}
	limit := maxWords
	if lowered.is() {
		limit = maxWordsLowered
	}
	if (end-start+1)/2 <= limit || n <= limit {
		return append(spans, Span{start, end})
	}
	var words []int
	wordStarts(&words, text, start, end)
	from, w := start, 0 // w: index in words of the first word after from
	for len(words)-w+1 > limit {
		// Candidates between targetWords/2 and targetWords*3/2 words on.
		best, bestScore := -1, math.MinInt
		for k := w + targetWords/2; k < len(words) && k <= w+targetWords*3/2; k++ {
			score := boundaryScore(text, words[k])*100 - abs(k-(w+targetWords))
			if score > bestScore {
				best, bestScore = k, score
			}
		}
		if best < 0 {
			break
		}
		cut := trimRight(text, from, words[best])
		spans = append(spans, Span{from, cut})
		from, w = words[best], best+1
	}
	return append(spans, Span{from, end})
}

// wordStarts counts the words of text[start:end] after the first (a word
// is a run of bytes other than space, newline and tab) and, when words is
// not nil, appends the byte offset of each to *words.
func wordStarts(words *[]int, text string, start, end int) int {
	n := 0
	inWord := false
	for k := start; k < end; k++ {
		space := text[k] == ' ' || text[k] == '\n' || text[k] == '\t'
		if !space && !inWord && k > start {
			n++
			if words != nil {
				*words = append(*words, k)
			}
		}
		inWord = !space
	}
	return n
}

// boundaryScore rates a cut before the word at k: 2 after a clause mark,
// 1 before a conjunction that opens a clause, 0 elsewhere.
func boundaryScore(text string, k int) int {
	j := trimRight(text, 0, k)
	if j > 0 {
		switch text[j-1] {
		case ',', ';', ':', '-':
			return 2
		}
	}
	if clauseOpener[strings.ToLower(firstWord(text[k:]))] {
		return 1
	}
	return 0
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// clauseOpener are words that open a new clause: a cut before one keeps
// each piece readable.
var clauseOpener = setOf("and", "but", "while", "as", "which", "who", "because",
	"after", "before", "when", "where", "although", "though", "so", "or", "since", "according")

func skipSpace(text string, i int) int {
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += n
	}
	return i
}

func trimRight(text string, start, end int) int {
	for end > start {
		r, n := utf8.DecodeLastRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= n
	}
	return end
}

// skipClosers moves past closing quotation marks and brackets.
func skipClosers(text string, i int) int {
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch r {
		case '"', '\'', '”', '’', ')', ']', '»', '」', '』', '）':
			i += n
		default:
			return i
		}
	}
	return i
}

// startsSentence reports whether the text at i can open a sentence: an
// upper-case letter, a digit, or an opening quote or bracket before one.
func startsSentence(text string, i int) bool {
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '"' || r == '“' || r == '‘' || r == '\'' || r == '(' || r == '[' || r == '«' || r == '-' || r == '—' || r == '–':
			i += n
		case unicode.IsUpper(r) || unicode.IsDigit(r) || r == '$' || r == '€' || r == '£':
			return true
		case unicode.IsLetter(r) && !unicode.IsLower(r):
			// Scripts without case (Hangul, Han, Arabic): any letter.
			return true
		default:
			return false
		}
	}
	return false
}

// breaksAfter decides whether the period at dot (the sentence started at
// start, the next one would start at next) ends a sentence, by looking at
// the word it closes.
func breaksAfter(text string, start, dot, next int) bool {
	w := start
	for j := dot; j > start; {
		r, n := utf8.DecodeLastRuneInString(text[start:j])
		if unicode.IsSpace(r) || r == '(' || r == '"' || r == '“' {
			break
		}
		j -= n
		w = j
	}
	word := strings.ToLower(strings.TrimLeft(text[w:dot], "\"“'‘(["))
	nextWord := firstWord(text[next:])
	switch {
	case word == "":
		return true
	case titleAbbrev[word]:
		// "Gen. Smith", "Mr. Lee": titles come before a name, never at the
		// end of a sentence in news prose.
		return false
	case monthAbbrev[word]:
		// "Jan. 5" continues; "... in Jan. The" ends.
		return !startsDigit(nextWord) && sentenceStarter[strings.ToLower(nextWord)]
	case word == "no" || word == "nos" || word == "art" || word == "vol" || word == "p" || word == "pp":
		return !startsDigit(nextWord)
	case strings.Count(word, ".") >= 1 && isInitials(word+"."):
		// "U.S. officials" continues; "... with the U.S. The talks" ends.
		return sentenceStarter[strings.ToLower(nextWord)]
	case len(word) == 1 && unicode.IsUpper(rune(text[w])):
		// A middle initial: "George W. Bush".
		return false
	case companyAbbrev[word]:
		return sentenceStarter[strings.ToLower(nextWord)]
	}
	return true
}

func isInitials(s string) bool {
	_, ok := scanInitials(s, 0)
	return ok
}

func startsDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

// firstWord returns the first run of letters or digits in s, skipping
// opening quotes.
func firstWord(s string) string {
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			break
		}
		i += n
	}
	j := i
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			break
		}
		j += n
	}
	return s[i:j]
}

// titleAbbrev are abbreviations that stand before a name.
var titleAbbrev = setOf("mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col",
	"maj", "capt", "cmdr", "adm", "sgt", "cpl", "pvt", "sen", "rep", "gov",
	"pres", "rev", "fr", "hon", "st", "mt", "ft", "messrs", "supt", "insp", "gens")

var monthAbbrev = setOf("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
	"sept", "oct", "nov", "dec")

var companyAbbrev = setOf("inc", "corp", "co", "ltd", "plc", "llc", "bros",
	"jr", "sr", "vs", "etc", "approx", "est", "dept", "univ", "assn", "ave", "blvd")

// sentenceStarter are words that, capitalised after an abbreviation's
// period, show that a new sentence began (a name after "U.S." does not).
var sentenceStarter = setOf("the", "a", "an", "he", "she", "it", "they", "we",
	"i", "this", "that", "these", "those", "there", "but", "and", "in", "on",
	"at", "after", "before", "when", "while", "his", "her", "its", "their",
	"our", "as", "if", "however", "meanwhile", "also", "some", "many", "most",
	"both", "no", "not", "so", "yet", "for", "from", "to", "with", "by",
	"one", "two", "officials", "last", "earlier", "later", "since", "what",
	"who", "which", "why", "how", "such", "other", "more", "all", "each", "of")

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// keyShapes tells, by a word's first byte and length, whether it may be a
// key of a word list: shapes[b] has bit n set when a key of n bytes (31
// for 31 or more) starts with b. Most words are turned away by one array
// index and a shift instead of a lookup.
type keyShapes [256]uint32

// shapesOf returns the keyShapes of m's keys.
func shapesOf[V any](m map[string]V) *keyShapes {
	var s keyShapes
	for w := range m {
		if w != "" {
			s[w[0]] |= 1 << min(len(w), 31)
		}
	}
	return &s
}

// may reports whether w may be a key: false means it is none.
func (s *keyShapes) may(w string) bool {
	return w != "" && s[w[0]]&(1<<min(len(w), 31)) != 0
}

// dateline recognises a wire dateline at the start of a paragraph:
// "WASHINGTON (Reuters) - ", "TOKYO, Jan 5 (AP) — ", "LONDON — ". It returns
// the place, the agency (may be empty), and the byte length to skip; n is 0
// when there is none.
func dateline(para string) (place, agency string, n int) {
	i := 0
	// The place: upper-case words (with spaces, dots, commas, apostrophes
	// and hyphens), at least two letters.
	letters := 0
	for i < len(para) {
		r, sz := utf8.DecodeRuneInString(para[i:])
		if unicode.IsUpper(r) {
			letters++
		} else if !(r == ' ' || r == '.' || r == '\'' || r == '-' && i+1 < len(para) && para[i+1] != ' ') {
			break
		}
		i += sz
	}
	if letters < 2 {
		return "", "", 0
	}
	place = strings.TrimSpace(para[:i])
	j := i
	// An optional ", Jan 5" date after a comma.
	if j < len(para) && para[j] == ',' {
		k := strings.IndexAny(para[j:], "(-—–")
		if k < 0 || k > 20 {
			return "", "", 0
		}
		j += k
	}
	j = skipSpace(para, j)
	if j < len(para) && para[j] == '(' {
		k := strings.IndexByte(para[j:], ')')
		if k < 0 || k > 40 {
			return "", "", 0
		}
		agency = strings.TrimSpace(para[j+1 : j+k])
		j = skipSpace(para, j+k+1)
	}
	dash := false
	for j < len(para) {
		r, sz := utf8.DecodeRuneInString(para[j:])
		if r == '-' || r == '—' || r == '–' {
			dash = true
			j += sz
			continue
		}
		break
	}
	if !dash && agency == "" {
		return "", "", 0
	}
	if !dash {
		// "WASHINGTON (Reuters) Japan ..." without a dash is rare but seen.
		if j >= len(para) || !unicode.IsUpper(rune(para[j])) {
			return "", "", 0
		}
	}
	j = skipSpace(para, j)
	if j >= len(para) || !startsSentence(para, j) {
		return "", "", 0
	}
	// A place is a name, not a shouted sentence: at most four words.
	if strings.Count(place, " ") > 3 || len(place) < 2 {
		return "", "", 0
	}
	return strings.TrimRight(place, " ,."), agency, j
}

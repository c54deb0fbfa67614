package fingerprint

import (
	"strings"
	"sync"

	"github.com/cespare/xxhash/v2"
	"unicode"
	"unicode/utf8"

	"github.com/wiretrace/wiretrace/textproc"
)

// token is one word or numeral of a text, as textproc.Tokenize would cut
// it, without the stem that Tokenize computes for every token.
type token struct {
	text, lower string
	num         bool
	// initial reports the first word of a sentence, whose capital says
	// nothing about being a name.
	initial bool
}

// scan cuts text into words and numerals by the rules of textproc.Words
// (TestScanMatchesTextproc holds the two together). It exists because
// Tokenize stems every token with Snowball, which was 56% of the time of
// Of in BenchmarkOf, and the ingest must fingerprint thousands of articles
// a second; fingerprint stems only the distinct candidate terms, through
// a cache.
func scan(text string, emit func(token)) {
	initial := true
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			i += n
		case unicode.IsLetter(r):
			end := scanWord(text, i)
			w := text[i:end]
			emit(token{text: w, lower: lower(w), initial: initial})
			initial = false
			i = end
		case unicode.IsDigit(r):
			end := scanNumeral(text, i)
			emit(token{text: text[i:end], lower: text[i:end], num: true, initial: initial})
			initial = false
			i = end
		default:
			switch r {
			case '.', '!', '?', '"', '“', '”', ':', '—', '-', '(':
				initial = true
			}
			i += n
		}
	}
}

func scanWord(text string, i int) int {
	if end, ok := scanInitials(text, i); ok {
		return end
	}
	j := i
	for j < len(text) {
		// ASCII letters and digits, most of a word, skip the decoding
		// and the Unicode tables (same answers as the tests below).
		if c := text[j]; c < 0x80 && ('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
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

// scanInitials matches single letters each followed by a dot ("U.S."),
// at least two of them.
func scanInitials(text string, i int) (int, bool) {
	j, count := i, 0
	for j+1 < len(text) {
		r, n := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsLetter(r) || j+n >= len(text) || text[j+n] != '.' {
			break
		}
		j += n + 1
		count++
		if j < len(text) {
			r2, n2 := utf8.DecodeRuneInString(text[j:])
			if !unicode.IsLetter(r2) || j+n2 >= len(text) || text[j+n2] != '.' {
				break
			}
		}
	}
	return j, count >= 2
}

func scanNumeral(text string, i int) int {
	j := i
	for j < len(text) {
		r, n := utf8.DecodeRuneInString(text[j:])
		// Any script's digits ("٣", "２") make a numeral, as
		// unicode.IsDigit let scan start one: stopping short of them
		// would leave scan where it was, forever.
		if unicode.IsDigit(r) {
			j += n
			continue
		}
		if r == ',' || r == '.' {
			if next, _ := utf8.DecodeRuneInString(text[j+n:]); j+n < len(text) && unicode.IsDigit(next) {
				j += n
				continue
			}
		}
		break
	}
	return j
}

var apostrophes = strings.NewReplacer("’", "'", "‑", "-")

func lower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || (c >= 'A' && c <= 'Z') {
			s = strings.ToLower(s)
			if strings.ContainsAny(s, "’‑") {
				s = apostrophes.Replace(s)
			}
			return s
		}
	}
	return s
}

// stemCache remembers textproc.Stem results, in shards so that the
// ingest workers rarely wait on each other. News vocabulary is large but
// its frequent part is small; the cap bounds memory on a corpus of odd
// tokens (about 40 MB at the cap).
var stemCache [64]struct {
	sync.RWMutex
	m map[string]string
}

const stemCacheCap = 1 << 13 // per shard

func stem(w string) string {
	sh := &stemCache[xxhash.Sum64String(w)%uint64(len(stemCache))]
	sh.RLock()
	s, ok := sh.m[w]
	sh.RUnlock()
	if ok {
		return s
	}
	s = textproc.Stem(w)
	sh.Lock()
	if sh.m == nil {
		sh.m = make(map[string]string)
	}
	if len(sh.m) < stemCacheCap {
		sh.m[strings.Clone(w)] = s
	}
	sh.Unlock()
	return s
}

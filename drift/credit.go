package drift

import (
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/textproc"
)

// copyrightLine finds a copyright credit in body text ("© Lakeport Wire
// 2026", "(c) Reuters 2025"), for articles whose extractor left the credit
// in the body instead of Article.Credit.
var copyrightLine = regexp.MustCompile(`(?:©|\([cC]\)|Copyright)\s*(?:\d{4}\s+)?([A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,3})`)

// Credits returns the names an article gives for where it came from: its
// agency credit, the agency in its dateline, a copyright line in its body,
// and its site. Names are as written; empty names are dropped.
func Credits(a *article.Article, d *textproc.Doc) []string {
	var out []string
	add := func(s string) {
		s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "."))
		if len(s) < 2 {
			return
		}
		for _, o := range out {
			if strings.EqualFold(o, s) {
				return
			}
		}
		out = append(out, s)
	}
	if a != nil {
		add(a.Credit)
	}
	if d != nil {
		add(d.DatelineAgency)
	}
	if a != nil {
		for _, p := range a.Paragraphs {
			// The regexp backtracks; most paragraphs have no notice at all.
			if !strings.Contains(p, "©") && !strings.Contains(p, "(c)") && !strings.Contains(p, "(C)") && !strings.Contains(p, "Copyright") {
				continue
			}
			for _, m := range copyrightLine.FindAllStringSubmatch(p, -1) {
				add(trimYear(m[1]))
			}
		}
	}
	return out
}

func trimYear(s string) string {
	f := strings.Fields(s)
	for len(f) > 0 {
		last := f[len(f)-1]
		if len(last) == 4 && last[0] >= '0' && last[0] <= '9' {
			f = f[:len(f)-1]
			continue
		}
		break
	}
	return strings.Join(f, " ")
}

// CreditsSource reports whether derived credits src: whether any of the
// names src gives for its origin (see Credits: its agency, dateline agency,
// copyright holder) or src's site appears in derived's credit, the outlets
// it credits beside parts of its text (Article.Credits), its dateline or
// its text. An article that names the agency anywhere ("..., Meridian Press
// reported") credits it; a rewrite that drops every mention does not.
func CreditsSource(src *article.Article, srcDoc *textproc.Doc, derived *article.Article, derivedDoc *textproc.Doc) bool {
	names := Credits(src, srcDoc)
	if src != nil && src.Site != "" {
		names = append(names, src.Site)
	}
	if h := webHost(src); h != "" {
		// A credit by address ("harbourline-news.com"), as a page that
		// names its original only by its link is credited.
		names = append(names, h)
	}
	if len(names) == 0 || derived == nil {
		return false
	}
	// The derived article's credit, dateline agency and paragraphs, each
	// lowercased on its own: a name without a line break is found in one
	// of them or nowhere (the pieces are read as joined by line breaks,
	// which are no letters), without joining the whole text first.
	pieces := make([]string, 0, len(derived.Paragraphs)+len(derived.Credits)+2)
	pieces = append(pieces, derived.Credit)
	pieces = append(pieces, derived.Credits...)
	if derivedDoc != nil {
		pieces = append(pieces, derivedDoc.DatelineAgency)
	}
	pieces = append(pieces, derived.Paragraphs...)
	var low []string
	var lb *lowerBuf
	defer func() {
		if lb != nil {
			lb.release()
		}
	}()
	has := func(needle string) bool {
		if strings.Contains(needle, "\n") {
			return containsWord(strings.ToLower(strings.Join(pieces, "\n")+"\n"), needle)
		}
		if low == nil {
			lb = newLowerBuf()
			low = make([]string, len(pieces))
			for k, p := range pieces {
				low[k] = lb.lower(p)
			}
		}
		for _, p := range low {
			if containsWord(p, needle) {
				return true
			}
		}
		return false
	}
	for _, n := range names {
		if has(strings.ToLower(n)) {
			return true
		}
		// "Thomson Reuters" is credited by "Reuters": the last word of an
		// agency's name is how other outlets usually cite it.
		if f := strings.Fields(n); len(f) > 1 && len(f[len(f)-1]) > 4 && !genericAgencyWord[strings.ToLower(f[len(f)-1])] {
			if has(strings.ToLower(f[len(f)-1])) {
				return true
			}
		}
	}
	return false
}

// webHost returns the host of a's web address without "www.", "" for an
// address with no host name (a file's, none).
func webHost(a *article.Article) string {
	if a == nil {
		return ""
	}
	if h := article.Host(a.URL); strings.Contains(h, ".") {
		return h
	}
	return ""
}

// lowerBuf holds CreditsSource's lowercased copies of a derived
// article's text, which never outlive the call: made afresh, they were a
// twentieth of the garbage of a comparison.
type lowerBuf struct{ b []byte }

// lowerBufs recycles lowerBufs (see release).
var lowerBufs sync.Pool

// maxPooledLower is the most bytes a lowerBuf may hold to be recycled.
const maxPooledLower = 1 << 20

func newLowerBuf() *lowerBuf {
	lb, _ := lowerBufs.Get().(*lowerBuf)
	if lb == nil {
		lb = &lowerBuf{}
	}
	lb.b = lb.b[:0]
	return lb
}

// release puts lb back for the next call; no string lower returned may
// be used afterwards.
func (lb *lowerBuf) release() {
	if cap(lb.b) <= maxPooledLower {
		lowerBufs.Put(lb)
	}
}

// lower is strings.ToLower(s). An ASCII text, nearly all news prose, is
// lowered into lb's array (which stays lb's: the result is valid until
// release); other text gets a string of its own.
func (lb *lowerBuf) lower(s string) string {
	if s == "" {
		return ""
	}
	if cap(lb.b)-len(lb.b) < len(s) {
		// A new array: the strings cut from the old one stay as they are.
		lb.b = make([]byte, 0, max(2*cap(lb.b), len(s)))
	}
	l := len(lb.b)
	lb.b = append(lb.b, s...)
	b := lb.b[l:]
	for i, c := range b {
		if c >= utf8.RuneSelf {
			lb.b = lb.b[:l]
			return strings.ToLower(s)
		}
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return unsafe.String(&b[0], len(b))
}

// genericAgencyWord are last words of agency names too common to credit
// the agency alone ("Meridian Press" is not credited by "press").
var genericAgencyWord = map[string]bool{"press": true, "news": true, "wire": true, "media": true,
	"service": true, "times": true, "post": true, "agency": true, "group": true, "daily": true}

// containsWord reports whether needle occurs in text bounded by non-letters.
func containsWord(text, needle string) bool {
	if needle == "" {
		return false
	}
	for i := 0; ; {
		k := strings.Index(text[i:], needle)
		if k < 0 {
			return false
		}
		start, end := i+k, i+k+len(needle)
		if (start == 0 || !isLetter(text[start-1])) && (end == len(text) || !isLetter(text[end])) {
			return true
		}
		i = start + 1
	}
}

func isLetter(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

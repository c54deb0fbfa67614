package extract

import (
	"strings"

	"golang.org/x/net/html"
)

// walk visits n and its descendants in document order without recursion,
// so that a page nested a million levels deep cannot exhaust the stack.
// visit returns false to skip a node's children.
func walk(n *html.Node, visit func(*html.Node) bool) {
	if n == nil {
		return
	}
	root := n
	for n != nil {
		if visit(n) && n.FirstChild != nil {
			n = n.FirstChild
			continue
		}
		for n != root && n.NextSibling == nil {
			n = n.Parent
		}
		if n == root {
			return
		}
		n = n.NextSibling
	}
}

// attr returns the value of the named attribute of n, or "".
func attr(n *html.Node, name string) string {
	for _, a := range n.Attr {
		if a.Key == name {
			return a.Val
		}
	}
	return ""
}

// skipText lists elements whose content is never readable text.
var skipText = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true,
	"svg": true, "math": true, "iframe": true, "object": true, "head": true,
}

// blockish lists elements that break a line of text, so that their text is
// not glued to the neighbours' ("Home" "News" → "Home News").
var blockish = map[string]bool{
	"p": true, "div": true, "br": true, "li": true, "ul": true, "ol": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"tr": true, "td": true, "th": true, "table": true, "section": true,
	"article": true, "header": true, "footer": true, "blockquote": true,
	"dd": true, "dt": true, "dl": true, "figure": true, "figcaption": true,
	"aside": true, "nav": true, "form": true, "pre": true, "address": true,
}

// textOf returns the readable text of n with runs of white space collapsed
// to one space.
func textOf(n *html.Node) string {
	var b strings.Builder
	walk(n, func(c *html.Node) bool {
		switch c.Type {
		case html.TextNode:
			b.WriteString(c.Data)
		case html.ElementNode:
			if skipText[c.Data] {
				return false
			}
			if blockish[c.Data] {
				b.WriteByte(' ')
			}
		}
		return true
	})
	return collapse(b.String())
}

// collapse trims s and turns each run of white space into one space.
func collapse(s string) string {
	// Fast path: most strings have no runs to fold.
	clean := true
	prevSpace := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		sp := c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
		if sp && (prevSpace || c != ' ') {
			clean = false
			break
		}
		prevSpace = sp
	}
	if clean && !prevSpace && !strings.ContainsRune(s, '\u00a0') {
		return s
	}
	// The words of s (split at any white space, no-break space included)
	// joined by single spaces, without the slice of strings.Fields.
	var b strings.Builder
	b.Grow(len(s))
	for w := range strings.FieldsSeq(s) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}

// classID returns the lower-cased class and id of n, joined, for the hint
// tests that look at both.
func classID(n *html.Node) string {
	return strings.ToLower(classNames(n))
}

// classNames returns the class and id of n, joined, as written: the form
// nameTokens splits, camel-case humps included ("articleTimestamp").
func classNames(n *html.Node) string {
	c, id := attr(n, "class"), attr(n, "id")
	if c == "" && id == "" {
		return ""
	}
	// Real class lists stay under a few hundred bytes; a longer one is
	// generated noise, and reading all of it for every test would make
	// crafted pages slow.
	if len(c) > 512 {
		c = c[:512]
	}
	if len(id) > 128 {
		id = id[:128]
	}
	return c + " " + id
}

// flattenHTML turns markup into plain text, one line per block element,
// without building a tree: the fallback for pages the parser refuses.
func flattenHTML(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	skip := 0
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return b.String()
		case html.TextToken:
			if skip == 0 {
				b.Write(z.Text())
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			tag := string(name)
			if skipText[tag] && tag != "head" {
				if tt == html.StartTagToken {
					skip++
				} else if tt == html.EndTagToken && skip > 0 {
					skip--
				}
				continue
			}
			if blockish[tag] {
				b.WriteByte('\n')
			}
		}
	}
}

// containsFold reports whether s contains sub, ignoring ASCII case; sub
// must be lower case. It does not allocate, unlike lower-casing s first,
// which matters in the per-element tests of a page pass. A sub opening
// with a byte that has no case ("<template") is looked for by that byte
// (strings.IndexByte), as fast as a plain search over a whole page.
func containsFold(s, sub string) bool {
	n := len(sub)
	if n == 0 {
		return true
	}
	first := sub[0]
	cased := 'a' <= first && first <= 'z'
	for i := 0; i+n <= len(s); i++ {
		if !cased {
			k := strings.IndexByte(s[i:len(s)-n+1], first)
			if k < 0 {
				return false
			}
			i += k
		} else if s[i]|0x20 != first {
			continue
		}
		if hasPrefixFold(s[i+1:], sub[1:]) {
			return true
		}
	}
	return false
}

// foldWords are lower-case words looked for together in a string,
// ignoring ASCII case (in): one pass over the string instead of a
// containsFold for each word, for the tests run on every node of a page.
type foldWords struct {
	// opening holds, for each byte, the words that may start there: those
	// whose first byte it is, in either case.
	opening [256][]string
	// pairs has a bit for each two bytes a word may open with, in either
	// case: most places of a string open no word, and one bit tells.
	pairs [1 << 16 / 64]uint64
}

// newFoldWords returns the set of words, each lower case and at least
// two bytes long.
func newFoldWords(words ...string) *foldWords {
	f := &foldWords{}
	cases := func(c byte) []byte {
		if 'a' <= c && c <= 'z' {
			return []byte{c, c - ('a' - 'A')}
		}
		return []byte{c}
	}
	for _, w := range words {
		if len(w) < 2 {
			panic("extract: a fold word of fewer than two bytes: " + w)
		}
		for _, c := range cases(w[0]) {
			f.opening[c] = append(f.opening[c], w)
			for _, d := range cases(w[1]) {
				k := int(c)<<8 | int(d)
				f.pairs[k/64] |= 1 << (k % 64)
			}
		}
	}
	return f
}

// in reports whether s holds one of the words (containsFold of any).
func (f *foldWords) in(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if k := int(s[i])<<8 | int(s[i+1]); f.pairs[k/64]&(1<<(k%64)) == 0 {
			continue
		}
		for _, w := range f.opening[s[i]] {
			if hasPrefixFold(s[i:], w) {
				return true
			}
		}
	}
	return false
}

// hasPrefixFold reports whether s starts with prefix, ignoring ASCII case;
// prefix must be lower case.
func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

package extract

import "strings"

// stripInert removes from markup the parts that hold no readable text and
// that the extractor never reads: scripts (except JSON-LD, which carries
// metadata), style sheets, inline SVG drawings and comments. On news pages
// they are most of the bytes (60% on the extraction benchmark's pages), and
// building tree nodes for them was a third of the parse time. The cut
// follows the tokenizer's own rule for where each ends (the first
// "</script", "</style", "</svg" or "-->"), so the text that remains
// parses as it would have.
func stripInert(s string) string {
	var b strings.Builder
	last := 0
	for i := 0; i < len(s); {
		j := strings.IndexByte(s[i:], '<')
		if j < 0 {
			break
		}
		j += i
		end := inertEnd(s, j)
		if end == noTagEnd {
			break
		}
		if end < 0 {
			i = j + 1
			continue
		}
		if b.Cap() == 0 {
			b.Grow(len(s) / 2)
		}
		b.WriteString(s[last:j])
		last, i = end, end
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// noTagEnd tells stripInert that no ">" follows, so nothing more can be
// cut.
const noTagEnd = -2

// inertEnd returns where the inert element or comment opening at s[j]
// ends, or -1 when s[j] opens something else (or a JSON-LD script).
func inertEnd(s string, j int) int {
	rest := s[j+1:]
	if strings.HasPrefix(rest, "!--") {
		k := strings.Index(s[j+4:], "-->")
		if k < 0 {
			return len(s)
		}
		if boundaryComment(s[j+4 : j+4+k]) {
			return -1
		}
		return j + 4 + k + 3
	}
	for _, name := range []string{"script", "style", "svg"} {
		if !hasTagPrefix(rest, name) {
			continue
		}
		gt := strings.IndexByte(s[j:], '>')
		if gt < 0 {
			// No tag closes anywhere after this one: nothing further can
			// be cut, and looking again for each later "<" would be
			// quadratic.
			return noTagEnd
		}
		if name == "script" && containsFold(s[j:j+gt], "ld+json") {
			return -1
		}
		if s[j+gt-1] == '/' && name == "svg" {
			return j + gt + 1 // <svg ... />
		}
		k := indexCloseTag(s[j+gt+1:], name)
		if k < 0 {
			return len(s)
		}
		k += j + gt + 1
		close := strings.IndexByte(s[k:], '>')
		if close < 0 {
			return len(s)
		}
		return k + close + 1
	}
	return -1
}

// hasTagPrefix reports whether s starts with the tag name (any case)
// followed by the end of the name.
func hasTagPrefix(s, name string) bool {
	if len(s) <= len(name) {
		return false
	}
	for i := 0; i < len(name); i++ {
		if s[i]|0x20 != name[i] {
			return false
		}
	}
	switch s[len(name)] {
	case ' ', '\t', '\n', '\r', '\f', '>', '/':
		return true
	}
	return false
}

// indexCloseTag returns the index of "</name" (any case) in s, or -1.
func indexCloseTag(s, name string) int {
	for i := 0; i < len(s); {
		k := strings.Index(s[i:], "</")
		if k < 0 {
			return -1
		}
		k += i
		if hasTagPrefix(s[k+2:], name) {
			return k
		}
		i = k + 2
	}
	return -1
}

// boundaryComment reports the comments that mark where a streamed
// boundary's content begins and ends ("$", "$?", "$!", "/$"; see
// revealStreamed): kept, so that its fallback can be told from the page.
func boundaryComment(c string) bool {
	switch c {
	case "$", "$?", "$!", "/$":
		return true
	}
	return false
}

package extract

import "strings"

// nameTokens splits one class name or id into lower-case word tokens, the
// way people write them: at "-", "_", "--", "__" and other punctuation, and
// at camel-case humps ("authorDateBlock_authorName__N6j3Y" → author, date,
// block, author, name, n6j3y). Hints match whole tokens, never substrings:
// "ad" is not in "header", nor "promo" in "promoted".
func nameTokens(name string, out []string) []string {
	start := -1
	flush := func(i int) {
		if start >= 0 && i > start {
			out = append(out, strings.ToLower(name[start:i]))
		}
		start = -1
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9', c >= 0x80:
			if start < 0 {
				start = i
			}
		case 'A' <= c && c <= 'Z':
			// A hump starts a token, unless it continues a run of
			// capitals ("URLPath" → url, path; "HTML" → html).
			prevUpper := i > 0 && 'A' <= name[i-1] && name[i-1] <= 'Z'
			nextLower := i+1 < len(name) && 'a' <= name[i+1] && name[i+1] <= 'z'
			if start >= 0 && (!prevUpper || nextLower) {
				flush(i)
			}
			if start < 0 {
				start = i
			}
		default:
			flush(i)
		}
	}
	flush(len(name))
	return out
}

// nameIsState reports a class name that says what state an element is in
// or which taxonomy terms it carries, not what it is: "is-promoted",
// "has-share-float", "tag-social-media", "category-comments". Content
// systems put such names on the article element itself.
func nameIsState(name string) bool {
	lower := strings.ToLower(name)
	for _, p := range []string{"is-", "has-", "is_", "has_", "tag-", "tag_", "category-", "category_", "cat-", "topic-", "term-", "format-", "post_tag-"} {
		if strings.HasPrefix(lower, p) {
			return true
		}
	}
	return false
}

// nameBlock cuts a BEM modifier off a class name: "node--promoted" is a
// node, "field--label-hidden" a field; the modifier names a state.
func nameBlock(name string) string {
	if i := strings.Index(name, "--"); i > 0 {
		return name[:i]
	}
	return name
}

// moduleLocal cuts the hash a CSS-modules build appends to a class name
// off it: "Author_author__7tQx2" is "Author_author", "_authorName_9k3v2_51"
// is "_authorName". The hash is a last "_" or "__" part of 5 to 8
// letters and digits holding a digit or a capital inside (a BEM element,
// "box__name", is a lower-case word), and a line number after it.
func moduleLocal(name string) string {
	cut := func(s string) (string, bool) {
		i := strings.LastIndexByte(s, '_')
		if i <= 0 {
			return s, false
		}
		return s[:i], true
	}
	rest, ok := cut(name)
	if !ok {
		return name
	}
	if tail := name[len(rest)+1:]; tail != "" && allDigits(tail) {
		name = rest
		if rest, ok = cut(name); !ok {
			return name
		}
	}
	tail := name[len(rest)+1:]
	if len(tail) < 5 || len(tail) > 8 || !moduleHash(tail) {
		return name
	}
	return strings.TrimRight(rest, "_")
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// moduleHash reports a CSS-modules hash: letters and digits, a digit or a
// capital after the first character among them.
func moduleHash(s string) bool {
	marked := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case '0' <= c && c <= '9', 'A' <= c && c <= 'Z':
			marked = marked || i > 0 || c <= '9'
		case 'a' <= c && c <= 'z', c == '-':
		default:
			return false
		}
	}
	return marked
}

package extract

import (
	"encoding/json"
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// scriptString matches a long JSON string literal in a script: where pages
// that render in the browser keep their article (JSON-LD articleBody, a
// framework's page state such as Next.js __NEXT_DATA__, an API response
// cached for hydration).
var scriptString = regexp.MustCompile(`"((?:[^"\\]|\\.){400,})"`)

// scriptBlock matches a key and its string value in a script's JSON,
// the value long enough to be a paragraph: one block of an article kept as
// a list of them.
var scriptBlock = regexp.MustCompile(`"([A-Za-z_][A-Za-z0-9_]{0,30})"\s*:\s*"((?:[^"\\]|\\.){40,})"`)

// blockProse reports a block string that reads as a paragraph: mostly
// letters and spaces (tags aside), ending as a sentence does.
func blockProse(s string) bool {
	t := strings.TrimSpace(s)
	if strings.HasPrefix(t, "<") {
		return strings.Contains(t, "</p>")
	}
	if t == "" || !strings.ContainsAny(t[len(t)-1:], ".!?\"”’") {
		return false
	}
	letters, total := 0, 0
	for _, r := range t {
		total++
		if unicode.IsLetter(r) || unicode.IsSpace(r) {
			letters++
		}
	}
	return float64(letters) >= scriptMinProse*float64(total)
}

// scriptMinProse is the share of letters and spaces a string must have to
// read as prose, not code, styles or an encoded image.
const scriptMinProse = 0.8

// scriptBody returns the article paragraphs a page keeps only in its
// script data: the longest prose (or HTML holding prose) among the long
// strings of its scripts. It is the fallback for a body the markup does
// not hold, too costly to run on every page.
// The page is read as markup text: the parse drops scripts (stripInert).
func scriptBody(page string) []string {
	var best []string
	for rest := page; ; {
		i := strings.Index(rest, "<script")
		if i < 0 {
			break
		}
		rest = rest[i+len("<script"):]
		end := strings.Index(rest, "</script")
		if end < 0 {
			end = len(rest)
		}
		for _, m := range scriptString.FindAllStringSubmatch(rest[:end], -1) {
			var s string
			if json.Unmarshal([]byte(`"`+m[1]+`"`), &s) != nil {
				continue
			}
			if paras := stringParagraphs(s); bodyChars(paras) > bodyChars(best) {
				best = paras
			}
		}
		// An article kept as a list of blocks, each a short string
		// ("blocks":[{"html":"The city will…"},…]): the strings of one
		// key read together, in order, the key that holds the most
		// prose (a teaser list's "description"s hold less).
		byKey := map[string]*strings.Builder{}
		var keys []string
		for _, m := range scriptBlock.FindAllStringSubmatch(rest[:end], -1) {
			var s string
			if json.Unmarshal([]byte(`"`+m[2]+`"`), &s) != nil || !blockProse(s) {
				continue
			}
			b := byKey[m[1]]
			if b == nil {
				b = &strings.Builder{}
				byKey[m[1]] = b
				keys = append(keys, m[1])
			}
			b.WriteString(s)
			b.WriteString("\n")
		}
		for _, k := range keys {
			if paras := stringParagraphs(byKey[k].String()); bodyChars(paras) > bodyChars(best) {
				best = paras
			}
		}
		rest = rest[end:]
	}
	return best
}

// stringParagraphs reads a script string as article paragraphs: HTML is
// parsed and its blocks chosen as a page's are; plain text splits at line
// breaks. A string that does not read as prose gives nothing.
func stringParagraphs(s string) []string {
	var paras []string
	if strings.Contains(s, "</p>") || strings.Contains(s, "<br") {
		frag, err := html.Parse(strings.NewReader(s))
		if err != nil {
			return nil
		}
		paras, _ = chooseBody(bodySegment(frag, false, nil))
	} else {
		for _, l := range strings.Split(s, "\n") {
			if l = collapse(l); l != "" {
				paras = append(paras, l)
			}
		}
	}
	text := strings.Join(paras, " ")
	if len(text) < bodyFallbackChars || !readsAsProse(text) {
		return nil
	}
	return paras
}

// readsAsProse reports text that is mostly letters and spaces with
// sentences in it.
func readsAsProse(s string) bool {
	letters, total := 0, 0
	for _, r := range s {
		total++
		if unicode.IsLetter(r) || unicode.IsSpace(r) {
			letters++
		}
	}
	return total > 0 && float64(letters) >= scriptMinProse*float64(total) && strings.Count(s, ". ") >= 2
}

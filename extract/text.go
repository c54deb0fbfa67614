package extract

import (
	"strings"

	"github.com/wiretrace/wiretrace/article"
)

// fromText extracts the article of a plain-text page dump.
func fromText(text string, opts Options) *article.Article {
	a := &article.Article{URL: opts.URL, Site: hostOf(opts.URL)}
	for _, l := range strings.Split(text, "\n") {
		if l = collapse(l); l != "" {
			a.Paragraphs = append(a.Paragraphs, l)
		}
	}
	return a
}

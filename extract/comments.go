package extract

import (
	"golang.org/x/net/html"

	"github.com/wiretrace/wiretrace/article"
)

// htmlComments returns the reader comments of a page.
func htmlComments(root *html.Node, m *pageMeta) []article.Comment {
	var out []article.Comment
	for _, c := range m.ld.comments {
		out = append(out, article.Comment{Author: c.author, Text: c.text, Score: c.score})
	}
	return out
}

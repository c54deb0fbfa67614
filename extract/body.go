package extract

import (
	"strings"

	"golang.org/x/net/html"
)

// htmlBody returns the article body paragraphs of a parsed page.
// (Placeholder: every <p> text; DOM scoring lands next.)
func htmlBody(root *html.Node) []string {
	var out []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "p" {
			var b strings.Builder
			var text func(*html.Node)
			text = func(c *html.Node) {
				if c.Type == html.TextNode {
					b.WriteString(c.Data)
				}
				for k := c.FirstChild; k != nil; k = k.NextSibling {
					text(k)
				}
			}
			text(n)
			if s := strings.Join(strings.Fields(b.String()), " "); s != "" {
				out = append(out, s)
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return out
}

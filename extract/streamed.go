package extract

import (
	"strings"

	"golang.org/x/net/html"
)

// Pages rendered by streaming server-side rendering (React 18 and later:
// Next.js, Remix and the like) send each part of the page that was not
// ready in time as a placeholder: an empty <template id="B:n"> (a
// boundary, followed by its fallback, "Loading…" or a grey skeleton, up to
// the comment "/$") or <template id="P:n"> (a postponed part), and later in
// the same document the finished part in a <div hidden id="S:n">, which a
// script moves into place. Without the script, the article sits hidden at
// the end of the page and a skeleton stands where it belongs.
// revealStreamed does what the script does: for each placeholder whose
// finished part the page holds, it drops the fallback and moves the part's
// content in place of the placeholder.
func revealStreamed(root *html.Node) {
	var parts map[string]*html.Node
	var holders []*html.Node
	walk(root, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return true
		}
		id := attr(n, "id")
		switch {
		case n.Data == "div" && strings.HasPrefix(id, "S:") && hasAttr(n, "hidden"):
			if parts == nil {
				parts = map[string]*html.Node{}
			}
			parts[id[2:]] = n
		case n.Data == "template" && (strings.HasPrefix(id, "B:") || strings.HasPrefix(id, "P:")):
			holders = append(holders, n)
		}
		return true
	})
	if parts == nil {
		return
	}
	for _, t := range holders {
		id := attr(t, "id")
		part := parts[id[2:]]
		if part == nil || t.Parent == nil || isAncestor(part, t) {
			continue
		}
		delete(parts, id[2:])
		if id[0] == 'B' {
			dropFallback(t)
		}
		for c := part.FirstChild; c != nil; c = part.FirstChild {
			part.RemoveChild(c)
			t.Parent.InsertBefore(c, t)
		}
		t.Parent.RemoveChild(t)
		if part.Parent != nil {
			part.Parent.RemoveChild(part)
		}
	}
}

// dropFallback removes the fallback that follows a boundary's placeholder
// t: its siblings up to the comment "/$" that closes the boundary
// (stripInert keeps the boundary comments); when the page was stored
// without them, the next element, if it reads as a placeholder (at most
// fallbackWords words: "Loading…", a skeleton of empty boxes).
func dropFallback(t *html.Node) {
	depth, seen := 0, 0
	for n := t.NextSibling; n != nil && seen < maxFallbackNodes; n, seen = n.NextSibling, seen+1 {
		if n.Type != html.CommentNode {
			continue
		}
		switch n.Data {
		case "$", "$?", "$!":
			depth++
		case "/$":
			if depth > 0 {
				depth--
				continue
			}
			for c := t.NextSibling; c != n; c = t.NextSibling {
				t.Parent.RemoveChild(c)
			}
			return
		}
	}
	n := t.NextSibling
	for n != nil && n.Type == html.TextNode && strings.TrimSpace(n.Data) == "" {
		n = n.NextSibling
	}
	if n != nil && n.Type == html.ElementNode && wordCount(textOf(n)) <= fallbackWords {
		t.Parent.RemoveChild(n)
	}
}

// maxFallbackNodes is how many siblings after a placeholder are searched
// for the comment that closes its boundary: a fallback is a few elements,
// and a page of thousands of placeholders must not cost a search of every
// sibling for each.
const maxFallbackNodes = 256

// fallbackWords is the most words a fallback read without its boundary
// comments may hold: a loading notice ("Loading related articles…"), not
// a paragraph of the page.
const fallbackWords = 6

// isAncestor reports whether n is an ancestor of d.
func isAncestor(n, d *html.Node) bool {
	for p := d.Parent; p != nil; p = p.Parent {
		if p == n {
			return true
		}
	}
	return false
}

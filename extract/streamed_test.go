package extract

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// streamedArticle is an article's paragraphs, long enough to be a body.
var streamedArticle = `<p>The county council voted on Tuesday to rebuild the footbridge over the river Alder, closed since the spring floods undermined its eastern pier.</p>
<p>Engineers told the meeting that the new span would rest on piles driven twelve metres into the riverbed, well below the gravel the floods had scoured away.</p>
<p>Work is due to start in March and to take about nine months, during which a temporary crossing will carry walkers and cyclists a few hundred metres downstream.</p>`

// TestRevealStreamed checks pages rendered by streaming: the article sent
// late in a hidden part is read in place of its fallback, with the
// boundary comments or without them (a page stored with its comments
// stripped), and in a postponed part; a hidden part with no placeholder
// stays hidden, and text after a boundary that has no fallback stays.
func TestRevealStreamed(t *testing.T) {
	tests := []struct {
		name, body string
		want, not  []string
	}{
		{"boundary", `<main><!--$?--><template id="B:0"></template><div class="skeleton">Loading article…</div><!--/$--></main>
<footer>Contact us</footer><div hidden id="S:0"><article>` + streamedArticle + `</article></div>`,
			[]string{"footbridge", "temporary crossing"}, []string{"Loading article"}},
		{"boundary without comments", `<main><template id="B:0"></template><div>Loading paragraph...</div></main>
<div hidden id="S:0"><article>` + streamedArticle + `</article></div>`,
			[]string{"footbridge"}, []string{"Loading paragraph"}},
		{"postponed part", `<main><article><template id="P:3"></template></article></main>
<div hidden id="S:3">` + streamedArticle + `</div>`,
			[]string{"footbridge"}, nil},
		{"no placeholder", `<main><article>` + streamedArticle + `</article></main>
<div hidden id="S:9"><p>A hidden teaser about another story, never shown to readers of this page at all.</p></div>`,
			[]string{"footbridge"}, []string{"hidden teaser"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Page([]byte(`<html><head><title>Footbridge to be rebuilt</title></head><body>`+tt.body+`</body></html>`), Options{})
			if err != nil {
				t.Fatal(err)
			}
			text := a.Text()
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("body lacks %q:\n%s", w, text)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(text, w) {
					t.Errorf("body holds %q:\n%s", w, text)
				}
			}
		})
	}
}

// TestDropFallback checks where a boundary's fallback ends: at the
// comment that closes it, past a nested boundary's; without comments,
// the next element only when it reads as a placeholder.
func TestDropFallback(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"comments", `<!--$?--><template id="B:0"></template><div>a</div><!--$--><p>b</p><!--/$--><p>c</p><!--/$--><p>kept</p>`, "kept"},
		{"no comments, placeholder", `<template id="B:0"></template><div>Loading…</div><p>kept</p>`, "kept"},
		{"no comments, text", `<template id="B:0"></template><p>A paragraph of the page that is no placeholder at all.</p>`,
			"A paragraph of the page that is no placeholder at all."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, err := html.Parse(strings.NewReader(`<body>` + stripInert(tt.in) + `</body>`))
			if err != nil {
				t.Fatal(err)
			}
			var tmpl *html.Node
			walk(root, func(n *html.Node) bool {
				if n.Type == html.ElementNode && n.Data == "template" {
					tmpl = n
				}
				return true
			})
			dropFallback(tmpl)
			if got := textOf(tmpl.Parent); got != tt.want {
				t.Errorf("after the fallback = %q, want %q", got, tt.want)
			}
		})
	}
}

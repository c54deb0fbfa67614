package extract

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// bodyBenchPage builds a news page of realistic size and shape: a large
// menu, an article of 40 paragraphs cut by adverts, a sidebar of teasers,
// a comment thread of 60 comments and a footer (about 120 KB of HTML).
func bodyBenchPage() string {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html><head><title>Bench</title><style>body{margin:0}</style><script>window.x = 1;</script></head><body><header><nav class="main-menu"><ul>`)
	for i := 0; i < 120; i++ {
		fmt.Fprintf(&b, `<li class="menu-item"><a href="/section/%d">Section number %d</a></li>`, i, i)
	}
	b.WriteString(`</ul></nav></header><main><article class="post"><h1>Bench headline for the article</h1><div class="byline">By A. Writer</div><div class="article-body">`)
	for i := 0; i < 40; i++ {
		if i%8 == 7 {
			b.WriteString(`<div class="ad-slot"><span>Advertisement</span><script>ads.push(1)</script></div>`)
		}
		fmt.Fprintf(&b, `<p>Paragraph %d of the article says something worth reading, with a <a href="/l/%d">link</a>, some <em>emphasis</em>, numbers like 3.5%% and 1,200, and a quote: "we will see," she said.</p>`, i, i)
		if i%10 == 5 {
			fmt.Fprintf(&b, `<h2>Subheading %d</h2><ul><li>First point of the list.</li><li>Second point of the list.</li></ul>`, i)
		}
	}
	b.WriteString(`</div></article><aside class="sidebar"><h3>Most read</h3><ul>`)
	for i := 0; i < 30; i++ {
		fmt.Fprintf(&b, `<li><a href="/story/%d"><img src="/i/%d.jpg">Teaser headline number %d about the news</a><p class="excerpt">A short excerpt of teaser %d.</p></li>`, i, i, i, i)
	}
	b.WriteString(`</ul></aside><section id="comments"><h3>Comments</h3>`)
	for i := 0; i < 60; i++ {
		fmt.Fprintf(&b, `<div class="comment"><span class="author">reader%d</span><p>Comment %d: I think the article misses the point entirely, but thanks for writing it.</p><a href="#reply">Reply</a></div>`, i, i)
	}
	b.WriteString(`</section></main><footer><p>Copyright. All rights reserved.</p></footer></body></html>`)
	return b.String()
}

func BenchmarkHTMLBody(b *testing.B) {
	page := bodyBenchPage()
	root, err := html.Parse(strings.NewReader(page))
	if err != nil {
		b.Fatal(err)
	}
	if got := htmlBody(root); len(got) < 40 {
		b.Fatalf("bench page body has %d paragraphs, want at least 40", len(got))
	}
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		htmlBody(root)
	}
}

// BenchmarkHTMLBodyParse includes parsing, which dominates the cost of
// extraction, to put the body step in proportion.
func BenchmarkHTMLBodyParse(b *testing.B) {
	page := bodyBenchPage()
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		root, err := html.Parse(strings.NewReader(page))
		if err != nil {
			b.Fatal(err)
		}
		htmlBody(root)
	}
}

package extract_test

import (
	"errors"
	"fmt"

	"github.com/wiretrace/wiretrace/extract"
)

func ExamplePage() {
	page := []byte(`<html lang="en"><head>
<title>Port reopens after storm | Example Post</title>
<meta property="og:site_name" content="Example Post">
<meta property="article:published_time" content="2025-03-04T08:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Port reopens after storm</h1>
<p class="byline">By Ana Ruiz</p>
<p>VALENCIA (Reuters) - The port of Valencia reopened on Tuesday after a storm closed it for two days, the port authority said.</p>
<p>Ships that had waited at anchor began to berth in the morning, and officials said the backlog would clear by the weekend.</p>
</article>
<footer>© 2025 Example Post</footer>
</body></html>`)
	a, err := extract.Page(page, extract.Options{URL: "https://example.com/port"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.Title)
	fmt.Println(a.Site, "|", a.Byline, "|", a.Published, "|", a.Dateline, "|", a.Credit, "|", a.Language)
	fmt.Println(len(a.Paragraphs), "paragraphs")
	// Output:
	// Port reopens after storm
	// Example Post | Ana Ruiz | 2025-03-04T08:00:00Z | VALENCIA | Reuters | en
	// 2 paragraphs
}

func ExamplePage_textDump() {
	dump := []byte(`Example Gazette
Home | World | Sport

Harbour town votes to keep its lighthouse lit

PORTHAVEN

The town council voted on Tuesday to keep paying for the lighthouse, which the coast guard stopped using in 2019.

Councillors said the light was part of the town's identity and drew visitors all year.

© Example Wire 2025.
© 2025 Example Gazette Ltd.

1 Comment
Good decision, it is part of who we are.

+5 ( +6 / -1 )
`)
	a, err := extract.Page(dump, extract.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.Title)
	fmt.Println(a.Dateline, "|", a.Credit, "|", len(a.Paragraphs), "paragraphs")
	for _, c := range a.Comments {
		fmt.Println(*c.Score, c.Text)
	}
	// Output:
	// Harbour town votes to keep its lighthouse lit
	// PORTHAVEN | Example Wire | 2 paragraphs
	// 5 Good decision, it is part of who we are.
}

func ExamplePage_errors() {
	_, err := extract.Page([]byte("\x89PNG\r\n\x1a\n\x00\x00"), extract.Options{})
	fmt.Println(errors.Is(err, extract.ErrBinary))
	fmt.Println(err)
	// Output:
	// true
	// extract: looks like a PNG image: binary data, not a page
}

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/ingest"
)

// runExtract runs `wiretrace extract [--json] [--max-bytes N] [--url URL]
// PAGE|-|URL`: it reads one page (HTML in any common charset or a text
// dump, possibly gzip-compressed) from a file, stdin or the web, and prints
// the article in it.
func runExtract(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "extract", "[--json] [--max-bytes N] [--url URL] PAGE|-|URL")
	asJSON := fs.Bool("json", false, "print the article as JSON")
	maxBytes := fs.Int64("max-bytes", ingest.DefaultMaxBytes, "largest page to read, in bytes, before and after gzip decompression")
	pageURL := fs.String("url", "", "the address the page was fetched from, when the page does not say")
	names, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(names) != 1 {
		return usagef("extract takes one PAGE (a file, - for stdin, or an http(s) URL), got %d", len(names))
	}
	if err := checkMaxBytes(*maxBytes); err != nil {
		return err
	}
	a, err := ingest.Read(ctx, names[0], ingest.Options{MaxBytes: *maxBytes, Stdin: e.stdin, URL: *pageURL})
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(a)
	}
	return writeArticle(e.stdout, a)
}

// writeArticle prints an article for reading: the title, one line per
// known metadata field, the paragraphs, then the comments.
func writeArticle(w io.Writer, a *article.Article) error {
	var b strings.Builder
	title := a.Title
	if title == "" {
		title = "(no title)"
	}
	b.WriteString(title + "\n")
	b.WriteString(strings.Repeat("=", min(len([]rune(title)), 72)) + "\n")
	for _, f := range []struct{ name, value string }{
		{"By", a.Byline}, {"Published", a.Published}, {"Dateline", a.Dateline},
		{"Credit", a.Credit}, {"Site", a.Site}, {"URL", a.URL}, {"Language", a.Language},
	} {
		if f.value != "" {
			fmt.Fprintf(&b, "%-10s %s\n", f.name+":", f.value)
		}
	}
	b.WriteString("\n")
	if len(a.Paragraphs) == 0 {
		b.WriteString("(no article body found)\n")
	}
	for _, p := range a.Paragraphs {
		b.WriteString(p + "\n\n")
	}
	if len(a.Comments) > 0 {
		fmt.Fprintf(&b, "--- %d comments ---\n\n", len(a.Comments))
		for i, c := range a.Comments {
			head := fmt.Sprintf("[%d]", i+1)
			if c.Author != "" {
				head += " " + c.Author
			}
			if c.Score != nil {
				head += fmt.Sprintf(" (score %+d)", *c.Score)
			}
			b.WriteString(head + "\n")
			for _, line := range strings.Split(c.Text, "\n") {
				if line == "" {
					b.WriteString("\n")
				} else {
					b.WriteString("    " + line + "\n")
				}
			}
			b.WriteString("\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/extract"
	"github.com/wiretrace/wiretrace/source"
)

// runExtract runs `wiretrace extract [--json] [--max-bytes N] [--url URL]
// PAGE|-|URL`: it reads one page (HTML in any common charset or a text
// dump, possibly gzip-compressed) from a file, stdin or the web, and prints
// the article in it.
func runExtract(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "extract", "[--json] [--max-bytes N] [--url URL] PAGE|-|URL")
	asJSON := fs.Bool("json", false, "print the article as JSON")
	maxBytes := fs.Int64("max-bytes", defaultMaxPage, "largest page to read, in bytes, before and after gzip decompression")
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
	name := names[0]
	opts := extract.Options{URL: *pageURL, MaxBytes: *maxBytes}
	var data []byte
	if strings.HasPrefix(name, "http://") || strings.HasPrefix(name, "https://") {
		data, err = fetchPage(ctx, name, &opts)
	} else {
		data, err = readPage(e, name, *maxBytes)
	}
	if err != nil {
		return err
	}
	a, err := extract.Page(data, opts)
	if err != nil {
		return pageError{name: name, err: err}
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(a)
	}
	return writeArticle(e.stdout, a)
}

// fetchPage fetches a page with the source package's polite fetcher
// (robots.txt, a delay per host, a size limit) and fills in the address
// it came from and the server's Content-Type.
func fetchPage(ctx context.Context, rawURL string, opts *extract.Options) ([]byte, error) {
	for it, err := range source.Items(ctx, []string{rawURL}, source.Options{MaxItemBytes: opts.MaxBytes}) {
		if err != nil {
			return nil, err
		}
		if opts.URL == "" {
			opts.URL = it.URL
		}
		opts.ContentType = it.ContentType
		return it.Data, nil
	}
	return nil, fmt.Errorf("fetch %s: no page in the response", rawURL)
}

// pageError names the page an extraction failed on, without repeating
// the package's own "extract:" prefix after the command's name.
type pageError struct {
	name string
	err  error
}

func (p pageError) Error() string {
	return p.name + ": " + strings.TrimPrefix(p.err.Error(), "extract: ")
}

func (p pageError) Unwrap() error { return p.err }

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

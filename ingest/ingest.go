// Package ingest is the one path from an input to articles: a page file,
// "-" for standard input, an http(s) URL, a folder, a WARC file or a feed
// becomes articles with the same fields, and so the same id, whichever
// command reads it. Index runs that path into an index.Index with one
// pool of workers and one cancel path (the context).
package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/extract"
	"github.com/wiretrace/wiretrace/source"
)

// DefaultMaxBytes is the largest page read when Options.MaxBytes is zero:
// 32 MiB. Real news pages, scripts and inline images included, stay well
// under 10 MiB; the limit keeps an endless stream or a 100 MB file from
// taking unbounded memory.
const DefaultMaxBytes = 32 << 20

// Options tunes Read and Index. The zero value is ready to use.
type Options struct {
	// MaxBytes is the largest page, WARC record or feed read, in bytes,
	// before and after decompression; 0 means DefaultMaxBytes.
	MaxBytes int64
	// Stdin is read for the input "-"; nil means os.Stdin.
	Stdin io.Reader
	// HostDelay is the least time between two requests to one host when
	// inputs are URLs; 0 means source.DefaultHostDelay.
	HostDelay time.Duration
	// URL, when set, is the address Read's page was fetched from, for a
	// page that does not say it.
	URL string
}

func (o Options) maxBytes() int64 {
	if o.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return o.MaxBytes
}

func (o Options) source() source.Options {
	return source.Options{MaxItemBytes: o.maxBytes(), Stdin: o.Stdin, HostDelay: o.HostDelay}
}

// Read reads one page — a file path or file:// URL, "-" for standard
// input, or an http or https URL fetched politely — and extracts its article (see Article for
// the fields it completes). A WARC file or a feed given in its place is
// read for the one page it holds, and refused with an error when it holds
// more (it is not a page: its records would be read as one). It returns
// ctx's error when ctx ends first.
func Read(ctx context.Context, name string, opts Options) (*article.Article, error) {
	if scheme, _, ok := strings.Cut(name, "://"); ok && !isURL(name) && !strings.ContainsAny(scheme, `/\.`) {
		if _, err := os.Stat(name); err != nil {
			// A file:// URL (as traces name files) is its path; other
			// schemes are not fetched.
			u, perr := url.Parse(name)
			if perr != nil || !strings.EqualFold(scheme, "file") || u.Host != "" && u.Host != "localhost" {
				return nil, fmt.Errorf("read %s: %s URLs are not fetched (only http and https)", name, scheme)
			}
			name = u.Path
		}
	}
	if !isURL(name) {
		data, err := readPage(name, opts)
		if err != nil {
			return nil, err
		}
		if !source.Collection(data) {
			return Article(data, source.Item{Name: name, URL: opts.URL}, opts.maxBytes())
		}
		// A WARC file or a feed: its one page, if it holds one.
		return only(ctx, name, source.ItemsOf(ctx, name, data, opts.source()), opts)
	}
	return only(ctx, name, source.Items(ctx, []string{name}, opts.source()), opts)
}

// only returns the article of the one page items yields, refusing an
// input that holds more than one.
func only(ctx context.Context, name string, items iter.Seq2[source.Item, error], opts Options) (*article.Article, error) {
	var a *article.Article
	for it, err := range items {
		if err != nil {
			return nil, err
		}
		if a != nil {
			return nil, fmt.Errorf("read %s: it holds more than one page (a WARC file or a feed): index it (wiretrace index %s) and trace its pages, or give one page", name, name)
		}
		if opts.URL != "" {
			it.URL = opts.URL
		}
		if a, err = Article(it.Data, it, opts.maxBytes()); err != nil {
			return nil, err
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if a == nil {
		return nil, fmt.Errorf("%s: no page in it", name)
	}
	return a, nil
}

// Article extracts the article of one item's page and completes it with
// what the input knew and the page did not say: the address (a WARC
// record's or a feed entry's URL; for a file, its file:// URL, so that a
// trace names the file), a feed entry's title, author and date. Every
// command makes its articles here, so the same input gets the same id
// everywhere. A panic of the extractor becomes an error, so that one page
// that trips a bug costs only itself in a run over millions.
func Article(data []byte, it source.Item, maxBytes int64) (*article.Article, error) {
	return articleOf(data, it, extract.Options{URL: it.URL, ContentType: it.ContentType, MaxBytes: maxBytes})
}

// articleOf is Article with the extraction options given.
func articleOf(data []byte, it source.Item, opts extract.Options) (a *article.Article, err error) {
	defer func() {
		if p := recover(); p != nil {
			a, err = nil, fmt.Errorf("%s: panic in extract (a bug, please report it): %v", it.Name, p)
		}
	}()
	a, err = extract.Page(data, opts)
	if err != nil {
		return nil, pageError{name: it.Name, err: err}
	}
	if a.URL == "" {
		a.URL = it.URL
	}
	if a.URL == "" {
		a.URL = fileURL(it.Name)
	}
	if a.Title == "" {
		a.Title = it.Title
	}
	if a.Byline == "" {
		a.Byline = it.Author
	}
	if a.Published == "" && !it.Published.IsZero() {
		a.Published = it.Published.UTC().Format(time.RFC3339)
	}
	if a.Modified == "" && !it.Modified.IsZero() {
		// Kept only when after the publication the article ended up with
		// (the page's own, when it gives one).
		m := it.Modified.UTC().Format(time.RFC3339)
		if order, ok := article.ComparePublished(a.Published, m); ok && order < 0 {
			a.Modified = m
		}
	}
	return a, nil
}

// fileURL is the file:// URL of a page file named by its path, "" for
// standard input, a WARC record or a feed entry (named path@offset,
// path#n: their URL comes from the input) and for no name.
func fileURL(name string) string {
	if name == "" || name == "-" || strings.ContainsAny(name, "@#") {
		return ""
	}
	abs, err := filepath.Abs(name)
	if err != nil {
		return ""
	}
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
}

// pageError names the page an extraction failed on, without repeating
// the extract package's own "extract:" prefix.
type pageError struct {
	name string
	err  error
}

func (p pageError) Error() string {
	msg := strings.TrimPrefix(p.err.Error(), "extract: ")
	if p.name == "" {
		return msg
	}
	return p.name + ": " + msg
}

func (p pageError) Unwrap() error { return p.err }

func isURL(name string) bool {
	return strings.HasPrefix(name, "http://") || strings.HasPrefix(name, "https://")
}

// Page extracts the article of a page that arrived as bytes (an upload, a
// request body), as Article does; url is the address it came from, when
// known, and maxBytes 0 means DefaultMaxBytes. A WARC file or a feed is
// refused: its records are no one page.
func Page(data []byte, url string, maxBytes int64) (*article.Article, error) {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	if source.Collection(data) {
		return nil, pageError{err: errCollection}
	}
	return Article(data, source.Item{URL: url}, maxBytes)
}

// errCollection refuses a WARC file or a feed where one page is wanted.
var errCollection = errors.New("a WARC file or a feed, which holds many pages, not one page: index it and trace its pages")

// Text extracts the article of a page that arrived as Unicode text, not
// bytes — a JSON string, a form's text field, a page's source pasted in —
// as Page does, but reads it as UTF-8 whatever charset it declares: the
// declaration describes bytes that were decoded already.
func Text(text string, url string, maxBytes int64) (*article.Article, error) {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	return articleOf([]byte(text), source.Item{URL: url}, extract.Options{URL: url, MaxBytes: maxBytes, Decoded: true})
}

// Package extract turns page bytes into an article.Article: the article body
// without the page's boilerplate, its metadata, and reader comments.
package extract

import (
	"bytes"
	"errors"
	"fmt"

	"golang.org/x/net/html"

	"github.com/wiretrace/wiretrace/article"
)

// Options tunes Page. The zero value is ready to use.
type Options struct {
	// URL is where the page was fetched from, when known.
	URL string
}

// ErrEmpty reports a page with no content at all.
var ErrEmpty = errors.New("empty page")

// Page extracts the article from a page. (Placeholder entry point: the
// format detection, charset decoding, text dumps and metadata land next.)
func Page(data []byte, opts Options) (*article.Article, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, ErrEmpty
	}
	root, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("parse html: %w", err)
	}
	return &article.Article{URL: opts.URL, Paragraphs: htmlBody(root)}, nil
}

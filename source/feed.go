package source

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/mmcdole/gofeed"
)

// isFeed reports whether the first bytes of a stream are those of an RSS,
// RDF or Atom feed (by its root element) or of a JSON Feed (by its version
// URL, since any JSON object starts with a brace).
func isFeed(head []byte) bool {
	trimmed := bytes.TrimLeft(head, "\xef\xbb\xbf\r\n \t")
	if len(trimmed) == 0 {
		return false
	}
	switch trimmed[0] {
	case '<':
		t := gofeed.DetectFeedType(bytes.NewReader(head))
		return t == gofeed.FeedTypeRSS || t == gofeed.FeedTypeAtom
	case '{':
		return bytes.Contains(head, []byte("jsonfeed.org/version"))
	}
	return false
}

// feed yields the entries of a feed document.
func (w *walker) feed(name string, r io.Reader) bool {
	data, err := readLimited(r, w.limit)
	if err != nil {
		return w.fail(name, fmt.Errorf("read feed %s: %w", name, err))
	}
	f, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		return w.fail(name, fmt.Errorf("parse feed %s: %w", name, err))
	}
	for i, e := range f.Items {
		if err := w.ctx.Err(); err != nil {
			w.yield(Item{}, err)
			return false
		}
		if e == nil {
			continue
		}
		loc := fmt.Sprintf("%s#%d", name, i+1)
		// Full-text feeds put the article in content:encoded (RSS) or
		// <content> (Atom); summary feeds only have a description, which
		// is still the best text the feed offers.
		content := e.Content
		if strings.TrimSpace(content) == "" {
			content = e.Description
		}
		if strings.TrimSpace(content) == "" {
			if !w.fail(loc, fmt.Errorf("read feed %s: entry %d (%s) has no content", name, i+1, e.Link)) {
				return false
			}
			continue
		}
		it := Item{
			Name:        loc,
			URL:         strings.TrimSpace(e.Link),
			Title:       strings.TrimSpace(e.Title),
			ContentType: "text/html",
			Data:        []byte(content),
		}
		for _, a := range e.Authors {
			if a != nil && strings.TrimSpace(a.Name) != "" {
				it.Author = strings.TrimSpace(a.Name)
				break
			}
		}
		switch {
		case e.PublishedParsed != nil:
			it.Published = *e.PublishedParsed
		case e.UpdatedParsed != nil:
			it.Published = *e.UpdatedParsed
		}
		if !w.yield(it, nil) {
			return false
		}
	}
	return true
}

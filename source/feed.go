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
	if d := xmlDepth(data, maxFeedDepth); d > maxFeedDepth {
		return w.fail(name, fmt.Errorf("parse feed %s: elements nested over %d deep: %w", name, maxFeedDepth, ErrNotPage))
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
			if e.UpdatedParsed != nil && e.UpdatedParsed.After(it.Published) {
				it.Modified = *e.UpdatedParsed
			}
		case e.UpdatedParsed != nil:
			it.Published = *e.UpdatedParsed
		}
		if !w.yield(it, nil) {
			return false
		}
	}
	return true
}

// maxFeedDepth bounds how deeply a feed's elements may nest. Real feeds
// nest under ten levels (rss > channel > item > field), and XHTML content a
// few dozen more; the parser's tree of a document nested millions deep
// takes a hundred times the document's size in memory.
const maxFeedDepth = 256

// xmlDepth returns the deepest element nesting of an XML document, or a
// value over limit as soon as it passes limit. It reads bytes only, skipping
// comments, CDATA, processing instructions and declarations, so that
// checking costs no allocation.
func xmlDepth(data []byte, limit int) int {
	depth, deepest := 0, 0
	for i := 0; i < len(data); i++ {
		if data[i] != '<' || i+1 >= len(data) {
			continue
		}
		switch {
		case bytes.HasPrefix(data[i:], []byte("<!--")):
			end := bytes.Index(data[i+4:], []byte("-->"))
			if end < 0 {
				return deepest
			}
			i += 4 + end + 2
		case bytes.HasPrefix(data[i:], []byte("<![CDATA[")):
			end := bytes.Index(data[i+9:], []byte("]]>"))
			if end < 0 {
				return deepest
			}
			i += 9 + end + 2
		case data[i+1] == '?' || data[i+1] == '!':
			// Processing instructions and declarations do not nest.
		case data[i+1] == '/':
			depth--
		default:
			end := bytes.IndexByte(data[i:], '>')
			if end < 0 {
				return deepest
			}
			if data[i+end-1] != '/' {
				depth++
				if depth > deepest {
					deepest = depth
					if deepest > limit {
						return deepest
					}
				}
			}
			i += end
		}
	}
	return deepest
}

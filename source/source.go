package source

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// DefaultMaxItemBytes is the size limit of one item when
// Options.MaxItemBytes is zero: 32 MiB, the CLI's default page limit. Real
// news pages, scripts and inline images included, stay well under 10 MiB;
// the limit keeps a runaway record or an endless stream from taking
// unbounded memory.
const DefaultMaxItemBytes = 32 << 20

// ErrTooLarge reports an item (a page, a WARC record's content, a feed
// document, or the decompressed form of any of them) larger than
// Options.MaxItemBytes. The item is skipped; the walk goes on.
var ErrTooLarge = errors.New("larger than the size limit")

// ErrTruncated reports an input cut short: a WARC record that ends before
// its Content-Length says it should, or a gzip stream or response body
// that ends early. The part that arrived is not the item and is not
// yielded, so that half an article never passes for a whole one.
var ErrTruncated = errors.New("truncated")

// ErrNotPage reports an input given by name whose bytes are not a page, a
// WARC file or a feed (an image, say).
var ErrNotPage = errors.New("not a page")

// Item is one document read from an input: a page, a WARC response record
// or a feed entry.
type Item struct {
	// Name says where the item came from: the file path ("-" for standard
	// input); for a WARC record the path, "@" and the record's byte offset
	// (in a .warc.gz, the offset of the gzip member that holds it, which is
	// what CC-NEWS indexes use); for a feed entry the path, "#" and the
	// entry's 1-based position in the feed.
	Name string
	// URL is the page's address when the input says it: a WARC record's
	// WARC-Target-URI, a feed entry's link. Empty for plain files.
	URL string
	// Title and Author are a feed entry's title and first author; empty
	// for other items, whose page says them itself.
	Title  string
	Author string
	// Published is when the article was published, when the input says so
	// (a feed entry's published or updated date); zero otherwise.
	Published time.Time
	// Modified is when a feed entry says it was last updated, when that is
	// after its publication; zero otherwise.
	Modified time.Time
	// Fetched is when the page was fetched (a WARC record's WARC-Date);
	// zero when unknown. It is not the publication time: a crawler fetches
	// pages days or years after they appear.
	Fetched time.Time
	// ContentType is the media type as declared (an HTTP Content-Type
	// header with its parameters, so a charset is kept) or, failing that,
	// detected: "text/html", "text/plain; charset=utf-8". A feed entry's
	// content is "text/html".
	ContentType string
	// Data is the page: HTML or text, decompressed, with a WARC record's
	// HTTP headers and transfer coding removed; a feed entry's HTML
	// content. The caller owns it.
	Data []byte
}

// Options tunes Items. The zero value is ready to use.
type Options struct {
	// MaxItemBytes is the largest item accepted, in bytes, after
	// decompression; 0 means DefaultMaxItemBytes. A whole feed document
	// counts as one item. Larger items are skipped with ErrTooLarge.
	MaxItemBytes int64
	// Stdin is read for the input "-"; nil means os.Stdin.
	Stdin io.Reader

	// Client fetches http and https inputs; nil means a client with a
	// 30 s timeout. Its CheckRedirect is replaced by one that follows at
	// most 5 redirects, each allowed by its site's robots.txt.
	Client *http.Client
	// UserAgent names wiretrace to the sites it fetches from; its first
	// word is the token matched against robots.txt groups. "" means
	// DefaultUserAgent.
	UserAgent string
	// HostDelay is the least time between two requests to one host; 0
	// means DefaultHostDelay. A longer robots.txt Crawl-delay wins.
	HostDelay time.Duration

	// OnRead, when set, is called with the number of bytes just read from
	// an input (a file, standard input, a response body) as stored, so
	// before decompression, from the goroutine that ranges over Items.
	// Beside Measure's Bytes it gives a progress bar for inputs whose
	// number of items is unknown, like WARC files.
	OnRead func(n int64)
}

func (o Options) limit() int64 {
	if o.MaxItemBytes <= 0 {
		return DefaultMaxItemBytes
	}
	return o.MaxItemBytes
}

// Items reads the inputs in order and yields their items: a file path, a
// folder (walked recursively in lexical order, hidden entries and files
// that are not pages by their name skipped), "-" for standard input, or an
// http or https URL, fetched politely: robots.txt honoured, one request at
// a time and at least Options.HostDelay apart per host.
//
// A failed item is yielded as a zero Item but for its Name, together with
// an error that names the input; the walk then goes on. When ctx is done,
// Items yields ctx.Err() once and stops. Only one item is held at a time;
// the iterator is not safe for concurrent use.
func Items(ctx context.Context, inputs []string, opts Options) iter.Seq2[Item, error] {
	return func(yield func(Item, error) bool) {
		w := &walker{ctx: ctx, opts: opts, limit: opts.limit(), yield: yield}
		for _, in := range inputs {
			if !w.input(in) {
				return
			}
		}
	}
}

// Size is what Measure learns of a list of inputs without reading them,
// for a progress bar and its ETA.
type Size struct {
	// Items is how many items Items will yield, when ItemsKnown: inputs
	// that are only page files and folders of them. A WARC file or a
	// feed (by its name), standard input or a URL makes it unknown.
	Items      int
	ItemsKnown bool
	// Bytes is the total size of the input files as stored (compressed,
	// for gzip files), when BytesKnown: every input is a file or a
	// folder. Options.OnRead reports the same bytes as they are read.
	Bytes      int64
	BytesKnown bool
}

// Measure walks inputs as Items would, without opening any file, and
// counts the items and bytes to come.
func Measure(ctx context.Context, inputs []string) Size {
	sz := Size{ItemsKnown: true, BytesKnown: true}
	add := func(path string, size int64) {
		sz.Bytes += size
		switch kindOfName(path) {
		case nameWARC, nameFeed:
			sz.ItemsKnown = false
		case namePage, nameUnknown:
			sz.Items++
		}
	}
	for _, in := range inputs {
		if ctx.Err() != nil {
			return Size{}
		}
		if in == "-" || isURL(in) {
			sz.ItemsKnown, sz.BytesKnown = false, false
			continue
		}
		info, err := os.Stat(in)
		if err != nil {
			// Items yields one error for it.
			sz.Items++
			continue
		}
		if !info.IsDir() {
			if kindOfName(in) == nameOther {
				// Named on the command line, it is read all the same.
				sz.Items++
				sz.Bytes += info.Size()
				continue
			}
			add(in, info.Size())
			continue
		}
		err = filepath.WalkDir(in, func(path string, d fs.DirEntry, err error) error {
			if err != nil || ctx.Err() != nil {
				return filepath.SkipAll
			}
			if path != in && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() || !isFile(path, d) || kindOfName(path) == nameOther {
				return nil
			}
			info, err := os.Stat(path)
			if err != nil {
				return nil
			}
			add(path, info.Size())
			return nil
		})
		if err != nil || ctx.Err() != nil {
			return Size{}
		}
	}
	if !sz.ItemsKnown {
		sz.Items = 0
	}
	if !sz.BytesKnown {
		sz.Bytes = 0
	}
	return sz
}

// walker carries one Items walk.
type walker struct {
	ctx     context.Context
	opts    Options
	limit   int64
	yield   func(Item, error) bool
	fetcher *fetcher // made on the first URL input
}

// fail yields a failed item; it reports whether to go on.
func (w *walker) fail(name string, err error) bool {
	return w.yield(Item{Name: name}, err)
}

// input reads one input; it reports false when the walk must stop.
func (w *walker) input(in string) bool {
	if err := w.ctx.Err(); err != nil {
		w.yield(Item{}, err)
		return false
	}
	if in == "-" {
		r := w.opts.Stdin
		if r == nil {
			r = os.Stdin
		}
		return w.stream(in, r, false, Item{})
	}
	if isURL(in) {
		return w.fetch(in)
	}
	info, err := os.Stat(in)
	if err != nil {
		// A *fs.PathError names the input already.
		return w.fail(in, err)
	}
	if !info.IsDir() {
		return w.file(in, false)
	}
	goOn := true
	walkErr := filepath.WalkDir(in, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if !w.fail(path, err) { // a *fs.PathError, naming path
				goOn = false
				return filepath.SkipAll
			}
			if d != nil && d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if path != in && strings.HasPrefix(d.Name(), ".") {
			// Hidden files and folders (.git, editor backups) are never
			// pages of the corpus.
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || !isFile(path, d) {
			return nil
		}
		k := kindOfName(path)
		if k == nameOther {
			return nil
		}
		// Files met in a walk that turn out not to be pages (a README
		// without extension, a sitemap.xml) are skipped silently.
		if !w.file(path, k == nameUnknown || k == nameFeed) {
			goOn = false
			return filepath.SkipAll
		}
		return nil
	})
	if walkErr != nil && goOn {
		goOn = w.fail(in, fmt.Errorf("walk %s: %w", in, walkErr))
	}
	return goOn
}

// file reads one file. quiet skips it silently when it turns out not to be
// a page (an extensionless file met in a folder walk).
func (w *walker) file(path string, quiet bool) bool {
	f, err := os.Open(path)
	if err != nil {
		return w.fail(path, err)
	}
	defer f.Close()
	return w.stream(path, f, quiet, Item{})
}

// sniffLen is how much of a stream is inspected to tell its format: the
// root element of a feed comes within its first few kilobytes (gofeed peeks
// the same 4 KiB).
const sniffLen = 4096

// bufSize is the read buffer of a stream, and so the longest WARC header
// line accepted.
const bufSize = 64 << 10

// stream reads one input stream, detecting its format from its bytes.
// base holds what is known of a page read whole (the URL, fetch time and
// Content-Type of a fetched page); WARC records and feed entries carry
// their own.
func (w *walker) stream(name string, r io.Reader, quiet bool, base Item) bool {
	cnt := &counter{r: r, onRead: w.opts.OnRead}
	br := bufio.NewReaderSize(cnt, bufSize)
	if head, _ := br.Peek(2); isGzip(head) {
		return w.gzip(name, cnt, br, quiet, base)
	}
	offset := func() int64 { return cnt.n - int64(br.Buffered()) }
	return w.decoded(name, br, offset, quiet, base)
}

// decoded reads an uncompressed stream. offset reports the stream position
// for WARC record names.
func (w *walker) decoded(name string, br *bufio.Reader, offset func() int64, quiet bool, base Item) bool {
	head, _ := br.Peek(sniffLen)
	switch sniff(head) {
	case nameWARC:
		goOn, _ := w.records(name, br, offset)
		return goOn
	case nameFeed:
		return w.feed(name, br)
	}
	return w.page(name, br, quiet, base)
}

// gzip reads a gzip stream. A WARC file inside is read member by member,
// as CC-NEWS writes it (one record per member), so that a damaged member
// costs only its own records; anything else is decompressed as one stream
// of all members.
func (w *walker) gzip(name string, cnt *counter, br *bufio.Reader, quiet bool, base Item) bool {
	memberAt := func() int64 { return cnt.n - int64(br.Buffered()) }
	off := memberAt()
	// br is a *bufio.Reader, so the decompressor reads exactly the
	// compressed bytes of a member and memberAt stays exact.
	zr, err := gzip.NewReader(br)
	if err != nil {
		return w.fail(name, fmt.Errorf("read %s: gzip header: %w", name, err))
	}
	zr.Multistream(false)
	mr := bufio.NewReaderSize(zr, bufSize)
	head, _ := mr.Peek(sniffLen)
	if sniff(head) != nameWARC {
		rest := &laterMembers{zr: zr, br: br}
		all := bufio.NewReaderSize(io.MultiReader(mr, rest), bufSize)
		// Offsets inside a gzip file that is not a WARC file are not
		// needed: only WARC records carry one in their name.
		return w.decoded(name, all, func() int64 { return 0 }, quiet, base)
	}
	for {
		goOn, err := w.records(name, mr, func() int64 { return off })
		if !goOn {
			return false
		}
		if err != nil {
			// The rest of this member cannot be framed; skip to the next
			// member, which starts a record again. Discarding is bounded
			// by the member's size and takes no memory.
			if _, derr := io.Copy(io.Discard, mr); derr != nil {
				// The member's compressed data is damaged too. Report it
				// unless the record's error already did, and look for
				// the next member header.
				if !errors.Is(err, derr) && !w.fail(fmt.Sprintf("%s@%d", name, off), fmt.Errorf("read %s: gzip member at offset %d: %w", name, off, derr)) {
					return false
				}
				if !resync(br) {
					return true
				}
			}
		}
		for {
			off = memberAt()
			err := zr.Reset(br)
			if err == nil {
				break
			}
			if err == io.EOF {
				return true
			}
			if !w.fail(fmt.Sprintf("%s@%d", name, off), fmt.Errorf("read %s: gzip member at offset %d: %w", name, off, err)) {
				return false
			}
			// Not a member header (trailing garbage, damage): skip a
			// byte and look for the next header.
			br.Discard(1)
			if !resync(br) {
				return true
			}
		}
		zr.Multistream(false)
		mr.Reset(zr)
	}
}

// gzipMagic starts every gzip member: ID1, ID2 and the deflate method.
var gzipMagic = []byte{0x1f, 0x8b, 0x08}

// resync skips br to the next gzip member header after a damaged member,
// so that one corrupt member of a CC-NEWS file (one record per member)
// costs its record and not the rest of the file. It reports false at the
// end of the stream. A header found inside damaged data fails to decode
// and is skipped in turn.
func resync(br *bufio.Reader) bool {
	for {
		buf, err := br.Peek(bufSize)
		if i := bytes.Index(buf, gzipMagic); i >= 0 {
			br.Discard(i)
			return true
		}
		if err != nil || len(buf) < len(gzipMagic) {
			return false
		}
		// Keep the last bytes: a header may straddle two windows.
		br.Discard(len(buf) - (len(gzipMagic) - 1))
	}
}

// laterMembers reads the gzip members after the first one, as one stream.
type laterMembers struct {
	zr      *gzip.Reader
	br      *bufio.Reader
	started bool
}

func (m *laterMembers) Read(p []byte) (int, error) {
	if !m.started {
		m.started = true
		// Reset turns multistream reading back on.
		if err := m.zr.Reset(m.br); err != nil {
			return 0, err
		}
	}
	return m.zr.Read(p)
}

// page reads a whole stream as one page.
func (w *walker) page(name string, r io.Reader, quiet bool, base Item) bool {
	data, err := io.ReadAll(io.LimitReader(r, w.limit+1))
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return w.fail(name, fmt.Errorf("read %s: %w: the data ends early (%w)", name, ErrTruncated, err))
	}
	if err != nil {
		return w.fail(name, fmt.Errorf("read %s: %w", name, err))
	}
	if int64(len(data)) > w.limit {
		return w.fail(name, fmt.Errorf("read %s: %w (%d bytes)", name, ErrTooLarge, w.limit))
	}
	// A server's Content-Type is kept for its charset; one that does not
	// name a page (application/octet-stream, the type of a .gz archive
	// around the page) is replaced by what the bytes say.
	ctype := base.ContentType
	if !isPageType(ctype) {
		ctype = contentType(name, data)
	}
	if quiet && !isHTMLType(ctype) {
		// An extensionless file in a folder (a README, a LICENSE, a
		// binary) is taken only when its bytes are HTML.
		return true
	}
	if !isPageType(ctype) {
		return w.fail(name, fmt.Errorf("read %s: %w: detected %s", name, ErrNotPage, ctype))
	}
	return w.yield(Item{Name: name, URL: base.URL, Fetched: base.Fetched, ContentType: ctype, Data: data}, nil)
}

// isFile reports whether a walked entry is a regular file or a symbolic
// link to one. Links to folders are not followed, so a walk cannot loop.
func isFile(path string, d fs.DirEntry) bool {
	if d.Type().IsRegular() {
		return true
	}
	if d.Type()&fs.ModeSymlink == 0 {
		return false
	}
	info, err := os.Stat(path)
	return err == nil && info.Mode().IsRegular()
}

// contentType is a page's media type: from its name when that says it,
// else detected from its bytes.
func contentType(name string, data []byte) string {
	switch strings.ToLower(filepath.Ext(strings.TrimSuffix(strings.ToLower(name), ".gz"))) {
	case ".html", ".htm", ".xhtml", ".shtml":
		return "text/html"
	case ".txt":
		return "text/plain"
	}
	return http.DetectContentType(data)
}

// isPageType reports whether a media type is one extract reads: HTML or
// text (a page dump). XML is let through because XHTML is sniffed as XML.
func isPageType(ctype string) bool {
	mt, _, _ := strings.Cut(ctype, ";")
	mt = strings.ToLower(strings.TrimSpace(mt))
	switch mt {
	case "text/html", "text/plain", "application/xhtml+xml", "text/xml", "application/xml":
		return true
	}
	return false
}

func isGzip(head []byte) bool {
	return len(head) >= 2 && head[0] == 0x1f && head[1] == 0x8b
}

// counter counts the bytes read through it.
type counter struct {
	r      io.Reader
	n      int64
	onRead func(int64) // Options.OnRead
}

func (c *counter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	if c.onRead != nil && n > 0 {
		c.onRead(int64(n))
	}
	return n, err
}

// nameKind is what a file's name says it is.
type nameKind int

const (
	nameUnknown nameKind = iota // no extension: read it and sniff
	namePage                    // .html, .txt and the like
	nameWARC                    // .warc
	nameFeed                    // .rss, .atom, .xml
	nameOther                   // anything else: images, scripts, data
)

// kindOfName classifies a file by its extension, looking through one .gz.
func kindOfName(path string) nameKind {
	base := strings.ToLower(filepath.Base(path))
	base = strings.TrimSuffix(base, ".gz")
	ext := filepath.Ext(base)
	switch ext {
	case "":
		return nameUnknown
	case ".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx", ".jsp", ".txt":
		return namePage
	case ".warc":
		return nameWARC
	case ".rss", ".atom", ".xml", ".rdf":
		return nameFeed
	}
	return nameOther
}

// ItemsOf yields the items of data, the whole content of the input named
// name (a WARC file or a feed a caller has read already), as Items would
// yield them from name, without reading it again.
func ItemsOf(ctx context.Context, name string, data []byte, opts Options) iter.Seq2[Item, error] {
	return func(yield func(Item, error) bool) {
		w := &walker{ctx: ctx, opts: opts, limit: opts.limit(), yield: yield}
		w.stream(name, bytes.NewReader(data), false, Item{})
	}
}

// Collection reports whether data, gzip-compressed or not, is a WARC
// file or a feed: an input that holds many pages, which a command that
// reads one page must not take for one.
func Collection(data []byte) bool {
	head := data[:min(len(data), 4096)]
	if isGzip(data) {
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return false
		}
		head = make([]byte, 4096)
		n, _ := io.ReadFull(zr, head)
		head = head[:n]
	}
	return sniff(head) != namePage
}

// sniff tells a WARC file and a feed from a page by their first bytes.
func sniff(head []byte) nameKind {
	trimmed := bytes.TrimLeft(head, "\r\n \t")
	if bytes.HasPrefix(trimmed, []byte("WARC/")) {
		return nameWARC
	}
	if isFeed(head) {
		return nameFeed
	}
	return namePage
}

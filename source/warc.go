package source

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/http/httputil"
	"strconv"
	"strings"
	"time"
)

// maxHeaderLines bounds the header lines of a WARC record or of the HTTP
// response inside it. Real records have about twenty; a few hundred covers
// any crawler's extras, and the bound keeps garbage from being read as an
// endless header.
const maxHeaderLines = 512

// errFraming marks a record whose framing is broken: the stream cannot be
// read past it.
var errFraming = errors.New("bad WARC record")

// records yields the HTML response records (and HTML resource records) of
// a WARC stream until its end.
// offset reports where the next record starts, for item names. It returns
// false when the walk must stop, and an error when the stream could not be
// framed to its end (already yielded).
func (w *walker) records(name string, br *bufio.Reader, offset func() int64) (bool, error) {
	for {
		if err := w.ctx.Err(); err != nil {
			w.yield(Item{}, err)
			return false, err
		}
		// The offset is taken past the blank lines that end the
		// previous record, where this one's version line starts.
		skipBlank(br)
		off := offset()
		loc := fmt.Sprintf("%s@%d", name, off)
		hdr, block, err := readRecord(br, w.limit)
		if err == io.EOF {
			return true, nil
		}
		if err != nil {
			err = fmt.Errorf("read %s: record at offset %d: %w", name, off, err)
			if !w.fail(loc, err) {
				return false, err
			}
			if errors.Is(err, ErrTooLarge) {
				continue
			}
			return true, err
		}
		if block == nil {
			continue
		}
		var it Item
		var keep bool
		if hdr.isResource() {
			it, keep = resourceItem(hdr, block), true
		} else {
			it, keep, err = responseItem(hdr, block, w.limit)
		}
		if err != nil {
			if !w.fail(loc, fmt.Errorf("read %s: record at offset %d (%s): %w", name, off, hdr.targetURI, err)) {
				return false, nil
			}
			continue
		}
		if !keep {
			continue
		}
		it.Name = loc
		if !w.yield(it, nil) {
			return false, nil
		}
	}
}

// isResource reports whether a record is a resource record of an HTML
// page: the page itself, without HTTP headers, as archivers write files
// they did not fetch over HTTP.
func (h recordHeader) isResource() bool {
	return strings.EqualFold(h.typ, "resource") && isHTMLType(h.contentType)
}

// resourceItem is the item of an HTML resource record.
func resourceItem(hdr recordHeader, block []byte) Item {
	it := Item{URL: hdr.targetURI, ContentType: hdr.contentType, Data: block}
	if t, err := time.Parse(time.RFC3339Nano, hdr.date); err == nil {
		it.Fetched = t
	}
	return it
}

// skipBlank consumes the line ends between two records.
func skipBlank(br *bufio.Reader) {
	for {
		b, err := br.Peek(1)
		if err != nil || (b[0] != '\r' && b[0] != '\n') {
			return
		}
		br.Discard(1)
	}
}

// recordHeader holds the WARC header fields wiretrace uses.
type recordHeader struct {
	typ           string
	contentType   string
	targetURI     string
	date          string
	contentLength int64
}

// readRecord reads the next WARC record from br. It returns io.EOF at a
// clean end of the stream, and a nil block for a record that is not an
// HTTP response (skipped). A response larger than limit is skipped with
// ErrTooLarge after its content is discarded, so reading can go on.
func readRecord(br *bufio.Reader, limit int64) (recordHeader, []byte, error) {
	var hdr recordHeader
	// Records are separated by two CRLFs; tolerate any number of blank
	// lines (and a missing separator) between them.
	var line []byte
	for {
		l, err := readLine(br)
		if err == io.EOF && len(bytes.TrimSpace(l)) == 0 {
			return hdr, nil, io.EOF
		}
		if err != nil && err != io.EOF {
			return hdr, nil, err
		}
		if len(bytes.TrimSpace(l)) > 0 {
			line = l
			if err == io.EOF {
				return hdr, nil, fmt.Errorf("%w: header ends after its version line", ErrTruncated)
			}
			break
		}
	}
	if !bytes.HasPrefix(line, []byte("WARC/")) {
		return hdr, nil, fmt.Errorf("%w: expected a WARC version line, found %q", errFraming, clip(line, 32))
	}
	hdr.contentLength = -1
	for n := 0; ; n++ {
		if n == maxHeaderLines {
			return hdr, nil, fmt.Errorf("%w: more than %d header lines", errFraming, maxHeaderLines)
		}
		l, err := readLine(br)
		if err == io.EOF {
			return hdr, nil, fmt.Errorf("%w: record header has no end", ErrTruncated)
		}
		if err != nil {
			return hdr, nil, err
		}
		l = bytes.TrimRight(l, "\r\n")
		if len(l) == 0 {
			break
		}
		k, v, ok := bytes.Cut(l, []byte(":"))
		if !ok {
			// Continuation lines and junk carry nothing we use.
			continue
		}
		key := string(bytes.TrimSpace(k))
		val := string(bytes.TrimSpace(v))
		switch {
		case strings.EqualFold(key, "WARC-Type"):
			hdr.typ = val
		case strings.EqualFold(key, "Content-Type"):
			hdr.contentType = val
		case strings.EqualFold(key, "WARC-Target-URI"):
			// WARC 1.0 wrote the URI in angle brackets.
			hdr.targetURI = strings.TrimSuffix(strings.TrimPrefix(val, "<"), ">")
		case strings.EqualFold(key, "WARC-Date"):
			hdr.date = val
		case strings.EqualFold(key, "Content-Length"):
			n, err := strconv.ParseInt(val, 10, 64)
			if err != nil || n < 0 {
				return hdr, nil, fmt.Errorf("%w: bad Content-Length %q", errFraming, clip([]byte(val), 32))
			}
			hdr.contentLength = n
		}
	}
	if hdr.contentLength < 0 {
		return hdr, nil, fmt.Errorf("%w: no Content-Length", errFraming)
	}
	n := hdr.contentLength
	response := strings.EqualFold(hdr.typ, "response") && hasPrefixFold(hdr.contentType, "application/http") ||
		hdr.isResource()
	if !response || n > limit {
		// Discarding reads through the content without holding it.
		got, err := io.CopyN(io.Discard, br, n)
		if got < n {
			return hdr, nil, truncated(got, n, err)
		}
		if response {
			return hdr, nil, fmt.Errorf("%s: %w (%d of %d bytes)", hdr.targetURI, ErrTooLarge, n, limit)
		}
		return hdr, nil, nil
	}
	// Up to 1 MiB (nearly every news page) the buffer is allocated at
	// once from Content-Length; beyond, it grows as the bytes come, so
	// that a truncated file does not cost a buffer of the size it claims.
	var block []byte
	var err error
	if n <= 1<<20 {
		block = make([]byte, n)
		var got int
		got, err = io.ReadFull(br, block)
		block = block[:got]
	} else {
		block, err = io.ReadAll(io.LimitReader(br, n))
	}
	if int64(len(block)) < n {
		return hdr, nil, truncated(int64(len(block)), n, err)
	}
	if block == nil {
		block = []byte{}
	}
	return hdr, block, nil
}

func truncated(got, want int64, err error) error {
	if err != nil && err != io.EOF {
		return fmt.Errorf("%w: content has %d of %d bytes: %w", ErrTruncated, got, want, err)
	}
	return fmt.Errorf("%w: content has %d of %d bytes", ErrTruncated, got, want)
}

// readLine reads one line of at most the reader's buffer size.
func readLine(br *bufio.Reader) ([]byte, error) {
	l, err := br.ReadSlice('\n')
	if err == bufio.ErrBufferFull {
		return nil, fmt.Errorf("%w: header line longer than %d bytes", errFraming, br.Size())
	}
	return l, err
}

// responseItem turns the block of a WARC response record (an HTTP response)
// into an item. keep is false for responses that are not HTML pages:
// redirects, errors, images, scripts.
func responseItem(hdr recordHeader, block []byte, limit int64) (Item, bool, error) {
	statusLine, rest, ok := bytes.Cut(block, []byte("\n"))
	if !ok {
		return Item{}, false, errors.New("HTTP response has no header")
	}
	proto, status, _ := strings.Cut(strings.TrimSpace(string(statusLine)), " ")
	if !strings.HasPrefix(proto, "HTTP/") {
		return Item{}, false, fmt.Errorf("HTTP response starts with %q", clip(statusLine, 32))
	}
	code, _, _ := strings.Cut(strings.TrimSpace(status), " ")
	if len(code) != 3 || code[0] < '1' || code[0] > '5' {
		return Item{}, false, fmt.Errorf("HTTP response has status %q", clip([]byte(status), 32))
	}
	var ctype, transfer, encoding string
	body := []byte(nil)
	for n := 0; ; n++ {
		if n == maxHeaderLines || len(rest) == 0 {
			return Item{}, false, errors.New("HTTP response header has no end")
		}
		var l []byte
		l, rest, _ = bytes.Cut(rest, []byte("\n"))
		l = bytes.TrimRight(l, "\r")
		if len(l) == 0 {
			body = rest
			break
		}
		k, v, ok := bytes.Cut(l, []byte(":"))
		if !ok {
			continue
		}
		key := string(bytes.TrimSpace(k))
		val := string(bytes.TrimSpace(v))
		switch {
		case strings.EqualFold(key, "Content-Type"):
			ctype = val
		case strings.EqualFold(key, "Transfer-Encoding"):
			transfer = strings.ToLower(val)
		case strings.EqualFold(key, "Content-Encoding"):
			encoding = strings.ToLower(val)
		}
	}
	if code[0] != '2' {
		return Item{}, false, nil
	}
	if ctype != "" && !isHTMLType(ctype) {
		return Item{}, false, nil
	}
	var err error
	// Common Crawl removes transfer and content codings and renames the
	// headers (X-Crawler-Transfer-Encoding); other crawlers keep the bytes
	// as they came, so undo the codings the headers still declare.
	//
	// Some tools decode the body but keep the headers; so a body that
	// does not look chunked or gzipped is taken as it is.
	if strings.Contains(transfer, "chunked") && looksChunked(body) {
		body, err = readLimited(httputil.NewChunkedReader(bytes.NewReader(body)), limit)
		if err != nil {
			return Item{}, false, fmt.Errorf("decode chunked body: %w", err)
		}
	}
	switch encoding {
	case "", "identity", "none":
	case "gzip", "x-gzip":
		if !isGzip(body) {
			break
		}
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			return Item{}, false, fmt.Errorf("decode gzip body: %w", err)
		}
		body, err = readLimited(zr, limit)
		if err != nil {
			return Item{}, false, fmt.Errorf("decode gzip body: %w", err)
		}
	default:
		return Item{}, false, fmt.Errorf("unsupported Content-Encoding %q", clip([]byte(encoding), 32))
	}
	if ctype == "" {
		ctype = http.DetectContentType(body)
		if !isHTMLType(ctype) {
			return Item{}, false, nil
		}
	}
	it := Item{URL: hdr.targetURI, ContentType: ctype, Data: body}
	if t, err := time.Parse(time.RFC3339Nano, hdr.date); err == nil {
		it.Fetched = t
	}
	return it, true, nil
}

// looksChunked reports whether body starts like a chunked transfer coding:
// a hexadecimal chunk size, optional extensions, then CRLF.
func looksChunked(body []byte) bool {
	line, _, ok := bytes.Cut(body, []byte("\n"))
	if !ok {
		return false
	}
	size, _, _ := bytes.Cut(bytes.TrimRight(line, "\r"), []byte(";"))
	size = bytes.TrimSpace(size)
	if len(size) == 0 || len(size) > 16 {
		return false
	}
	for _, c := range size {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// readLimited reads r to its end, refusing more than limit bytes.
func readLimited(r io.Reader, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%w (%d bytes)", ErrTooLarge, limit)
	}
	return data, nil
}

// isHTMLType reports whether a Content-Type names an HTML page.
func isHTMLType(ctype string) bool {
	mt, _, err := mime.ParseMediaType(ctype)
	if err != nil {
		mt, _, _ = strings.Cut(ctype, ";")
		mt = strings.ToLower(strings.TrimSpace(mt))
	}
	return mt == "text/html" || mt == "application/xhtml+xml"
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// clip shortens b for an error message.
func clip(b []byte, n int) string {
	if len(b) > n {
		b = b[:n]
	}
	return string(b)
}

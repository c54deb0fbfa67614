package extract

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/unicode"
)

// gunzip returns data decompressed when it starts with the gzip magic
// number, and data itself otherwise. It refuses to produce more than max
// bytes, so that a small "gzip bomb" cannot take unbounded memory.
func gunzip(data []byte, max int64) ([]byte, error) {
	// Pages are sometimes compressed twice (a .gz of a file a server had
	// already gzipped); two layers is the most seen in practice, and the
	// bound keeps a crafted nest of layers from looping long.
	for layer := 0; layer < 3 && len(data) >= 2 && data[0] == 0x1f && data[1] == 0x8b; layer++ {
		// The gzip trailer states the decompressed size (mod 4 GiB): an
		// honest stream is read into one allocation. It is only a hint
		// (trailers lie, and multi-member files state the last member),
		// so the limited read below still decides.
		var size int64
		if len(data) >= 18 {
			size = int64(binary.LittleEndian.Uint32(data[len(data)-4:]))
		}
		if size > max {
			size = max
		}
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("decompress gzip: %w: %w", ErrBinary, err)
		}
		out, err := readBounded(zr, size, max)
		switch {
		case err == nil:
		case errors.Is(err, io.ErrUnexpectedEOF) && len(bytes.TrimSpace(out)) > 0:
			// An interrupted download or a copy cut short. What arrived
			// is the start of a page, not the page: reading it as the
			// page would compare half an article as if it were all of
			// it. Index refuses such a file too. (A stream that ends
			// before yielding any text is junk after a header: binary.)
			return nil, fmt.Errorf("decompress gzip: %w: the data ends before the compressed stream does (%d bytes decompressed)", ErrTruncated, len(out))
		case errors.Is(err, ErrTooLarge):
			return nil, fmt.Errorf("decompress gzip: %w", err)
		default:
			// A corrupt stream is bytes that are not a page.
			return nil, fmt.Errorf("decompress gzip: %w: %w", ErrBinary, err)
		}
		data = out
	}
	return data, nil
}

// readBounded reads r to the end into one buffer sized by hint, growing
// it at most to max+1 bytes: the allocations stay within twice the limit
// whatever the stream holds. It fails with ErrTooLarge past max bytes;
// on a read error it returns what it read with the error.
func readBounded(r io.Reader, hint, max int64) ([]byte, error) {
	buf := make([]byte, 0, min(hint, max)+1)
	for {
		if len(buf) == cap(buf) {
			if int64(len(buf)) > max {
				return nil, fmt.Errorf("over the %d-byte limit: %w", max, ErrTooLarge)
			}
			grown := make([]byte, len(buf), min(2*int64(cap(buf))+4096, max+1))
			copy(grown, buf)
			buf = grown
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			if int64(len(buf)) > max {
				return nil, fmt.Errorf("over the %d-byte limit: %w", max, ErrTooLarge)
			}
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
}

// binaryMagic lists the leading bytes of common non-text formats that are
// sometimes saved under a page's name (images, archives, documents), each
// named with its article for the error message.
var binaryMagic = []struct {
	magic []byte
	name  string
}{
	{[]byte("\x89PNG"), "a PNG image"},
	{[]byte("\xff\xd8\xff"), "a JPEG image"},
	{[]byte("GIF8"), "a GIF image"},
	{[]byte("RIFF"), "a RIFF media file"},
	{[]byte("%PDF-"), "a PDF document"},
	{[]byte("PK\x03\x04"), "a ZIP archive"},
	{[]byte("\x28\xb5\x2f\xfd"), "a zstd stream"},
	{[]byte("BZh"), "a bzip2 stream"},
	{[]byte("\xfd7zXZ\x00"), "an xz stream"},
	{[]byte("\x7fELF"), "an ELF executable"},
	{[]byte("\x00asm"), "a WebAssembly module"},
}

// checkBinary reports ErrBinary when data is not text in any encoding this
// package decodes. UTF-16 is recognised first, since its ASCII text is half
// NUL bytes.
func checkBinary(data []byte) error {
	for _, m := range binaryMagic {
		if bytes.HasPrefix(data, m.magic) {
			return fmt.Errorf("looks like %s: %w", m.name, ErrBinary)
		}
	}
	if utf16Order(data) != nil {
		return nil
	}
	sample := data
	if len(sample) > 8192 {
		sample = sample[:8192]
	}
	ctrl := 0
	for _, c := range sample {
		switch {
		case c == 0:
			// Text never holds NUL; one NUL in the sample is enough to
			// call it binary (the same rule as git and grep).
			return fmt.Errorf("NUL byte in the first %d bytes: %w", len(sample), ErrBinary)
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b:
			ctrl++
		}
	}
	// Real pages hold a few stray control characters (a pasted \x0b,
	// \x1c); random bytes have about 12% of them. 2% separates the two
	// with a wide margin on either side.
	if ctrl*50 > len(sample) {
		return fmt.Errorf("%d control bytes in the first %d: %w", ctrl, len(sample), ErrBinary)
	}
	return nil
}

// utf16Order recognises UTF-16 text without a byte order mark by the
// zero high bytes of its ASCII characters: markup and Latin text put a NUL
// at every other position. It returns nil when data is not UTF-16 by that
// test (a BOM is handled by the caller).
func utf16Order(data []byte) encoding.Encoding {
	n := len(data) &^ 1
	if n > 4096 {
		n = 4096
	}
	if n < 8 {
		return nil
	}
	var evenZero, oddZero int
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			evenZero++
		}
		if data[i+1] == 0 {
			oddZero++
		}
	}
	pairs := n / 2
	// 40%: even CJK text in UTF-16 carries markup and spaces enough to
	// pass it, while other text has no NULs at all.
	switch {
	case oddZero*10 >= pairs*4 && evenZero*10 < pairs:
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	case evenZero*10 >= pairs*4 && oddZero*10 < pairs:
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	}
	return nil
}

// metaCharset finds a charset declared in <meta charset> or
// <meta http-equiv="Content-Type" content="...; charset=...">. It looks at
// the first 16 KiB: the HTML standard's prescan stops at 1 KiB, but real
// pages put the declaration after long scripts and link lists.
var metaCharset = regexp.MustCompile(`(?i)<meta[^>]{0,512}?charset\s*=\s*["']?\s*([a-zA-Z0-9_:.+-]+)`)

// headerCharset returns the charset parameter of a Content-Type value,
// or "".
func headerCharset(contentType string) string {
	i := indexFold([]byte(contentType), "charset=")
	if i < 0 {
		return ""
	}
	v := strings.TrimSpace(contentType[i+len("charset="):])
	if j := strings.IndexAny(v, "; "); j >= 0 {
		v = v[:j]
	}
	return strings.Trim(v, `"'`)
}

// xmlCharset finds the encoding of an XML declaration (XHTML pages).
var xmlCharset = regexp.MustCompile(`(?i)^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([a-zA-Z0-9_:.+-]+)`)

// decodeText turns page bytes into UTF-8 text. isHTML tells whether
// in-document declarations may be trusted. It returns the charset name
// used.
func decodeText(data []byte, isHTML bool, contentType string) (string, string, error) {
	enc, name := detectCharset(data, isHTML, contentType)
	return decodeAs(data, enc, name)
}

// decodeAs turns data in enc (nil: UTF-8) into valid UTF-8 text.
func decodeAs(data []byte, enc encoding.Encoding, name string) (string, string, error) {
	if enc == nil {
		return toValidUTF8(data), "utf-8", nil
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return "", name, fmt.Errorf("decode %s: %w: %w", name, ErrUndecodable, err)
	}
	return toValidUTF8(out), name, nil
}

// toValidUTF8 returns data as a string with invalid sequences replaced by
// U+FFFD, so that every later step may assume valid UTF-8.
func toValidUTF8(data []byte) string {
	if utf8.Valid(data) {
		return string(data)
	}
	return strings.ToValidUTF8(string(data), "\uFFFD")
}

// detectCharset chooses the encoding of data: a byte order mark first,
// then UTF-16 by its NUL pattern, then a declaration (HTML only), then
// UTF-8 when the bytes are valid UTF-8, then a guess between Shift_JIS,
// EUC-JP and windows-1252 by which decodes cleanly. A nil encoding means
// UTF-8.
func detectCharset(data []byte, isHTML bool, contentType string) (encoding.Encoding, string) {
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		return nil, "utf-8"
	case bytes.HasPrefix(data, []byte("\xff\xfe")):
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), "utf-16le"
	case bytes.HasPrefix(data, []byte("\xfe\xff")):
		return unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), "utf-16be"
	}
	if e := utf16Order(data); e != nil {
		if data[0] == 0 {
			return e, "utf-16be"
		}
		return e, "utf-16le"
	}
	valid := utf8.Valid(data)
	if label := headerCharset(contentType); label != "" {
		if e, name := charset.Lookup(label); e != nil {
			switch {
			case name == "utf-8" && (valid || mostlyUTF8(data)):
				return nil, name
			case name == "utf-8":
				// Declared UTF-8, but the bytes are not: a legacy page
				// whose template says otherwise. Sniff below.
			case strings.HasPrefix(name, "utf-16"):
				return e, name
			case valid && hasHighBit(data) && isSingleByte(name):
				// Servers label UTF-8 pages Latin-1 by default; valid
				// multi-byte UTF-8 is the stronger evidence.
				return nil, "utf-8"
			default:
				return e, name
			}
		}
	}
	if isHTML {
		head := data
		if len(head) > 16384 {
			head = head[:16384]
		}
		label := ""
		if m := xmlCharset.FindSubmatch(head); m != nil {
			label = string(m[1])
		} else if i := indexFold(head, "charset"); i >= 0 {
			// The regexp runs only on the window that can hold the
			// declaration, not over 16 KiB of scripts.
			lo := max(i-600, 0)
			if m := metaCharset.FindSubmatch(head[lo:min(i+80, len(head))]); m != nil {
				label = string(m[1])
			}
		}
		if label != "" {
			e, name := charset.Lookup(label)
			switch {
			case e == nil:
				// An unknown label: fall through to sniffing.
			case strings.HasPrefix(name, "utf-16"):
				// The HTML standard: a UTF-16 declaration in a page
				// without a BOM is a mistake; the bytes are ASCII-compatible.
			case name == "utf-8" && (valid || mostlyUTF8(data)):
				return nil, name
			case name == "utf-8":
				// Declared UTF-8, but the bytes are not: sniff below.
			case valid && hasHighBit(data) && isSingleByte(name):
				// A page declared as Latin-1 or windows-1252 whose bytes
				// are valid multi-byte UTF-8 was re-served without fixing
				// the declaration; random Latin-1 text is almost never
				// valid UTF-8.
				return nil, "utf-8"
			default:
				return e, name
			}
		}
	}
	if valid {
		return nil, "utf-8"
	}
	return sniffLegacy(data)
}

// mostlyUTF8 reports whether nearly all multi-byte sequences in data are
// valid UTF-8: a UTF-8 page with a few corrupt bytes (a truncated
// character, a pasted Latin-1 symbol) is still UTF-8. 95% of the
// sequences must decode.
func mostlyUTF8(data []byte) bool {
	var good, bad int
	for i := 0; i < len(data); {
		if data[i] < 0x80 {
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			bad++
			i++
			continue
		}
		good++
		i += n
	}
	return good+bad == 0 || bad*20 <= good+bad
}

func hasHighBit(data []byte) bool {
	for _, c := range data {
		if c >= 0x80 {
			return true
		}
	}
	return false
}

func isSingleByte(name string) bool {
	return strings.HasPrefix(name, "windows-125") || strings.HasPrefix(name, "iso-8859") || name == "macintosh"
}

// sniffLegacy guesses among the legacy encodings this package supports by
// decoding a sample: Japanese double-byte encodings decode real text
// without errors and into mostly kana and kanji; windows-1252 decodes
// anything, so it is the fallback.
func sniffLegacy(data []byte) (encoding.Encoding, string) {
	sample := data
	if len(sample) > 16384 {
		sample = sample[:16384]
	}
	for _, c := range []struct {
		enc  encoding.Encoding
		name string
	}{
		{japanese.ShiftJIS, "shift_jis"},
		{japanese.EUCJP, "euc-jp"},
	} {
		out, err := c.enc.NewDecoder().Bytes(sample)
		if err != nil {
			continue
		}
		if looksJapanese(out) {
			return c.enc, c.name
		}
	}
	e, name := charset.Lookup("windows-1252")
	return e, name
}

// looksJapanese reports whether decoded text has few replacement
// characters and most of its non-ASCII characters are kana, kanji or
// full-width forms.
func looksJapanese(b []byte) bool {
	var jp, other, bad int
	for _, r := range string(b) {
		switch {
		case r < 0x80:
		case r == utf8.RuneError:
			bad++
		case r >= 0x3000 && r <= 0x30ff, r >= 0x4e00 && r <= 0x9fff, r >= 0xff00 && r <= 0xffef:
			jp++
		default:
			other++
		}
	}
	// 80%: a wrong guess spreads characters over unrelated blocks; a
	// right one leaves only the odd symbol outside these.
	return jp > 0 && bad*100 <= jp && jp*10 >= (jp+other)*8
}

// undecodable reports whether decoded text is mostly replacement
// characters, that is bytes no supported encoding explains.
func undecodable(s string) bool {
	if !strings.Contains(s, "\uFFFD") {
		return false
	}
	var bad, n int
	for _, r := range s {
		n++
		if r == utf8.RuneError {
			bad++
		}
	}
	// 10%: a page with a few broken bytes is still worth reading; a
	// tenth of its characters lost means the guess was wrong.
	return n > 0 && bad*10 > n
}

// looksHTML reports whether the text is markup rather than a plain-text
// dump of a page: it starts with a tag, a doctype or a comment, or its
// first 4 KiB hold structural tags.
func looksHTML(s string) bool {
	head := s
	if len(head) > 4096 {
		head = head[:4096]
	}
	t := strings.TrimLeft(head, " \t\r\n\uFEFF")
	if len(t) > 1 && t[0] == '<' {
		c := t[1]
		if c == '!' || c == '?' || c == '/' || (c|0x20 >= 'a' && c|0x20 <= 'z') {
			return true
		}
	}
	return htmlTag.MatchString(head)
}

var htmlTag = regexp.MustCompile(`(?i)<(html|head|body|div|p|article|section|meta|title|script|span|a\s+href)[\s>/]`)

// indexFold returns the index of the first occurrence of sub (lower-case
// ASCII) in b, ignoring ASCII case, or -1.
func indexFold(b []byte, sub string) int {
	for i := 0; i+len(sub) <= len(b); i++ {
		if b[i]|0x20 != sub[0] {
			continue
		}
		j := 1
		for ; j < len(sub); j++ {
			if b[i+j]|0x20 != sub[j] {
				break
			}
		}
		if j == len(sub) {
			return i
		}
	}
	return -1
}

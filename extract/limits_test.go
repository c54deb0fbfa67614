package extract

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"runtime"
	"strings"
	"testing"
)

// TestPageRefusesHugeInput checks the size limit on a 100 MB page, plain
// and as a gzip bomb (100 MB of zeros in about 100 KB), and that refusing
// the bomb costs memory bounded by the limit, not by the stream.
func TestPageRefusesHugeInput(t *testing.T) {
	const hundredMB = 100 << 20
	plain := bytes.Repeat([]byte("<p>a</p>"), hundredMB/8)
	if _, err := Page(plain, Options{}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("100 MB page: err = %v, want ErrTooLarge", err)
	}
	plain = nil

	var bomb bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&bomb, gzip.BestSpeed)
	if _, err := io.CopyN(zw, zeros{}, hundredMB); err != nil {
		t.Fatal(err)
	}
	zw.Close()
	t.Logf("gzip bomb: %d bytes for %d", bomb.Len(), hundredMB)

	for _, limit := range []int64{0, 1 << 20} {
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		_, err := Page(bomb.Bytes(), Options{MaxBytes: limit})
		runtime.ReadMemStats(&after)
		if !errors.Is(err, ErrTooLarge) {
			t.Errorf("gzip bomb, limit %d: err = %v, want ErrTooLarge", limit, err)
		}
		if limit == 0 {
			limit = DefaultMaxBytes
		}
		// The buffer is sized by the bomb's trailer (100 MB, capped at
		// the limit) and never grows past the limit; the decompressor
		// keeps its own small window. Twice the limit plus 1 MiB bounds
		// it, where reading the whole stream would take 100 MB or more.
		if got := after.TotalAlloc - before.TotalAlloc; got > uint64(2*limit)+(1<<20) {
			t.Errorf("gzip bomb, limit %d: allocated %d bytes, want under %d", limit, got, 2*limit+(1<<20))
		}
	}
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// TestPageHostileShapes runs page shapes that make naive extractors
// quadratic or recursive (deep nesting past the parser's limit, nested
// comment look-alikes, one huge line, thousands of vote lines) and
// checks that each yields an article or a sentinel error.
func TestPageHostileShapes(t *testing.T) {
	// 20000 repeats make a quadratic step show as seconds instead of
	// milliseconds; under -race (ten times slower) or -short, 4000 keep
	// the package within its time budget, and the plain run keeps the
	// full size.
	n := 20000
	if testing.Short() || raceDetector {
		n = 4000
	}
	for name, page := range map[string]string{
		"unclosed divs":       strings.Repeat("<div>", n) + "Some text that is a sentence here.",
		"unclosed spans":      strings.Repeat("<span>word ", n),
		"formatting elements": strings.Repeat("<b><i><u>", n) + "x",
		"nested comments":     "<div class=comments>" + strings.Repeat("<div class=comment><span class=score>1</span>a b c. ", n),
		"nested comments under the parser's depth limit":         "<div class=comments>" + strings.Repeat("<div class=comment><span class=score>1</span>"+strings.Repeat("<p>a b c.</p>", n/400), 400),
		"many comment sections":                                  strings.Repeat("<section class=comments><h2>Comments</h2><div class=comment><span class=comment-author>Ann</span><p>a b c.</p></div></section>", n/4),
		"comment sections nested under the parser's depth limit": strings.Repeat("<div class=comments><h3>Replies</h3><div class=comment><span class=comment-author>Ann</span><p>a b c.</p>", 400) + strings.Repeat("<p>More prose here.</p>", n),
		"nested bylines":                                         strings.Repeat("<div class=byline>", 400) + strings.Repeat("x", n),
		"copyright everywhere":                                   "<div>" + strings.Repeat("<span>© AFP</span>", n),
		"long class":                                             `<div class="` + strings.Repeat("comment ", n) + `"><div class=comment>` + strings.Repeat("<p>x</p>", n),
		"many paragraphs":                                        strings.Repeat("<p>Some sentence here that is prose.</p>", n),
		"one long text line":                                     strings.Repeat("word ", 10*n),
		"many text lines":                                        strings.Repeat("A line that is prose and ends here.\n", n),
		"many vote lines":                                        strings.Repeat("a comment.\n-3 ( +3 / -6 )\n", n),
		"many title lines":                                       strings.Repeat("Short Title Case Line\n", n),
		"unclosed script tags":                                   strings.Repeat("<script", n) + "<p>x.</p>",
		"unclosed comments":                                      "<p>x.</p>" + strings.Repeat("<!-- a", n),
		"unclosed close tags":                                    strings.Repeat("<style>a</styl", n),
		"deep json-ld":                                           `<script type="application/ld+json">` + strings.Repeat(`{"@graph":[`, n) + `</script><p>x.</p>`,
		"nested anchored headings":                               strings.Repeat(`<h2 id="share-the-cost"><div><a href="#share-the-cost">`, n/40) + strings.Repeat("<p>Share the cost of it.</p>", n),
	} {
		t.Run(name, func(t *testing.T) {
			a, err := Page([]byte(page), Options{})
			if err != nil {
				t.Fatalf("err = %v", err)
			}
			if a.Paragraphs == nil || a.Comments == nil {
				t.Error("nil paragraphs or comments")
			}
		})
	}
}

package source

import (
	"context"
	"errors"
	"io"
	"runtime"
	"strings"
	"testing"
)

// endless repeats a pattern forever.
type endless struct {
	pattern string
	off     int
}

func (e *endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = e.pattern[e.off]
		e.off = (e.off + 1) % len(e.pattern)
	}
	return len(p), nil
}

// TestEndlessPage checks that an endless stream on stdin is refused at the
// limit instead of read until memory runs out.
func TestEndlessPage(t *testing.T) {
	opts := Options{MaxItemBytes: 1 << 20, Stdin: &endless{pattern: "<p>more</p>"}}
	n := 0
	for _, err := range Items(context.Background(), []string{"-"}, opts) {
		n++
		if !errors.Is(err, ErrTooLarge) {
			t.Fatalf("got %v, want ErrTooLarge", err)
		}
	}
	if n != 1 {
		t.Fatalf("got %d items, want one error", n)
	}
}

// TestEndlessWARC reads 20,000 records of an endless WARC stream and
// checks that the heap does not grow with the number of records read.
func TestEndlessWARC(t *testing.T) {
	rec := response("https://ferries.example/skarholm", pageA+strings.Repeat(" ", 2000))
	opts := Options{Stdin: &endless{pattern: rec}}
	heap := func() uint64 {
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return ms.HeapAlloc
	}
	var at1000 uint64
	n := 0
	for it, err := range Items(context.Background(), []string{"-"}, opts) {
		if err != nil {
			t.Fatalf("record %d: %v", n, err)
		}
		if it.URL != "https://ferries.example/skarholm" {
			t.Fatalf("record %d: URL %q", n, it.URL)
		}
		n++
		if n == 1000 {
			at1000 = heap()
		}
		if n == 20000 {
			break
		}
	}
	// 19,000 more records of 2.5 KB are 47 MB; a leak of even one
	// record in ten would show as several megabytes.
	if grown := int64(heap()) - int64(at1000); grown > 1<<20 {
		t.Errorf("heap grew by %d bytes over 19,000 records", grown)
	}
}

var _ io.Reader = (*endless)(nil)

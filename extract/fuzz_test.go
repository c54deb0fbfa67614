package extract

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzPage feeds arbitrary bytes to Page, on the HTML path and on the
// plain-text path (the committed corpus in testdata/fuzz/FuzzPage holds
// seeds of both, and the fixtures are added at start). Page must not
// panic, must return either an article or one of its sentinel errors, and
// an article must be valid UTF-8 throughout.
func FuzzPage(f *testing.F) {
	pages, _ := filepath.Glob("testdata/pages/*")
	for _, p := range pages {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("WASHINGTON (Reuters) - A sentence that is long enough to be prose.\n\n© Reuters 2025.\n\nA comment here.\n\n-3 ( +3 / -6 )\n"))
	f.Add([]byte(`<html><body><main><!--$?--><template id="B:0"></template><div>Loading…</div><!--/$--><template id="P:1"></template></main><div hidden id="S:0"><p>Published 5. März 2024, 2024年3月5日</p><template id="B:1"></template></div><div hidden id="S:1"><p>x</p></div></body></html>`))
	f.Add([]byte("<html><body><div class=comments><div class=comment><p>x</p><span class=score>-1</span></div></div></body></html>"))
	f.Add([]byte("# Title\n\n**Bold** on *Dec. 17*, a [link](https://x.example \"t\") and `code`.\n\n- item\n1. item\n\n---\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := Page(data, Options{MaxBytes: 1 << 20})
		if err != nil {
			if !errors.Is(err, ErrEmpty) && !errors.Is(err, ErrBinary) && !errors.Is(err, ErrTooLarge) && !errors.Is(err, ErrUndecodable) && !errors.Is(err, ErrTruncated) {
				t.Fatalf("error outside the documented set: %v", err)
			}
			return
		}
		if a.Paragraphs == nil || a.Comments == nil {
			t.Fatal("nil paragraphs or comments: JSON would print null")
		}
		fields := append([]string{a.URL, a.Site, a.Title, a.Byline, a.Published, a.Dateline, a.Credit, a.Language}, a.Paragraphs...)
		for _, c := range a.Comments {
			fields = append(fields, c.Author, c.Text)
		}
		for _, s := range fields {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 in output: %q", s)
			}
		}
		for _, p := range a.Paragraphs {
			if strings.TrimSpace(p) == "" {
				t.Fatalf("empty paragraph in %q", a.Paragraphs)
			}
		}
		if a.Published != "" {
			if _, ok := a.PublishedTime(); !ok {
				t.Fatalf("published %q is not in a form article.PublishedTime reads", a.Published)
			}
		}
	})
}

// FuzzHasControl checks the byte scan of hasControl against decoding the
// runes and asking isControl, on any bytes (invalid UTF-8 included).
func FuzzHasControl(f *testing.F) {
	for _, s := range []string{"plain text\n", "tab\tfeed\f", "esc\x1b[31m", "del\x7f", "c1 \u0085 next line", "\xc2", "\xe0\xc2\x80", "\xc2\xa0 nbsp", "\xc3\x82\x85"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := hasControl(s), strings.IndexFunc(s, isControl) >= 0; got != want {
			t.Fatalf("hasControl(%q) = %v, want %v", s, got, want)
		}
	})
}

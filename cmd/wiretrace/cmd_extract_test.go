package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"

	"github.com/wiretrace/wiretrace/article"
)

// extractFixture is a page of the extract package's own fixtures.
func extractFixture(name string) string {
	return filepath.Join("..", "..", "extract", "testdata", "pages", name)
}

func runExtractCLI(t *testing.T, stdin []byte, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdin: bytes.NewReader(stdin), stdout: &out, stderr: &errb}
	code = run(context.Background(), e, append([]string{"extract"}, args...))
	return code, out.String(), errb.String()
}

func TestExtractCommandJSON(t *testing.T) {
	for _, tc := range []struct {
		name, page, title, credit string
		comments                  int
	}{
		{"wire site", "wire-site.html", "Kenya opens second rail link to Ugandan border", "Reuters", 0},
		{"gzip", "modern-jsonld-gzip.html.gz", "Drought pushes Spanish olive oil prices to a two-year high", "AP", 0},
		{"blog with comments", "blog-comments.html", "The night the harbour lights went out", "", 3},
		{"text dump", "text-dump.txt", "Ferry operator cancels winter crossings after engine fault", "", 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// Flags after the page, as people type them.
			code, out, errs := runExtractCLI(t, nil, extractFixture(tc.page), "--json")
			if code != 0 {
				t.Fatalf("exit %d, stderr %q", code, errs)
			}
			var a article.Article
			if err := json.Unmarshal([]byte(out), &a); err != nil {
				t.Fatalf("output is not JSON: %v\n%s", err, out)
			}
			if a.Title != tc.title || a.Credit != tc.credit || len(a.Comments) != tc.comments || len(a.Paragraphs) == 0 {
				t.Errorf("got title %q credit %q, %d paragraphs, %d comments", a.Title, a.Credit, len(a.Paragraphs), len(a.Comments))
			}
			// The JSON contract: every key present, lists never null.
			for _, key := range []string{`"url"`, `"site"`, `"title"`, `"byline"`, `"published"`, `"dateline"`, `"credit"`, `"language"`, `"paragraphs": [`, `"comments": [`} {
				if !strings.Contains(out, key) {
					t.Errorf("JSON lacks %s", key)
				}
			}
		})
	}
}

func TestExtractCommandText(t *testing.T) {
	data, err := os.ReadFile(extractFixture("text-dump.txt"))
	if err != nil {
		t.Fatal(err)
	}
	code, out, errs := runExtractCLI(t, data, "-")
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	for _, want := range []string{
		"Ferry operator cancels winter crossings after engine fault\n===",
		"By:        Ruth Calloway\n",
		"Dateline:  PORTWENNA\n",
		"Published: 2025-01-12\n",
		"About 900 people live on Carrick",
		"--- 3 comments ---",
		"[1] islandmum (score +14)",
		"[3] (score -4)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if errs != "" {
		t.Errorf("stderr = %q, want nothing", errs)
	}
}

// TestExtractCommandURL fetches a page from a local server: the server's
// charset header decides the decoding, and the address is reported.
func TestExtractCommandURL(t *testing.T) {
	page, err := charmap.Windows1252.NewEncoder().String(`<html><head><meta charset="utf-8"><title>Café fees rise | Example</title></head>` +
		`<body><article><h1>Café fees rise</h1><p>LYON — Terrace fees will rise to €95 a square metre next year, the council said on Monday.</p>` +
		`<p>Owners said they would appeal against the decision in court before the summer.</p></article></body></html>`)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/story" {
			http.NotFound(w, r) // robots.txt too: no rules
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=windows-1252")
		io.WriteString(w, page)
	}))
	defer srv.Close()
	code, out, errs := runExtractCLI(t, nil, "--json", srv.URL+"/story")
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	var a article.Article
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatal(err)
	}
	if a.Title != "Café fees rise" || a.URL != srv.URL+"/story" || a.Dateline != "LYON" || !strings.Contains(a.Text(), "€95") {
		t.Errorf("got title %q url %q dateline %q body %q", a.Title, a.URL, a.Dateline, a.Text())
	}
	code, _, errs = runExtractCLI(t, nil, srv.URL+"/missing")
	if code != 1 || !strings.Contains(errs, "404") {
		t.Errorf("missing page: exit %d, stderr %q", code, errs)
	}
}

func TestExtractCommandErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	empty := write("empty.html", nil)
	binary := write("image.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"))
	for _, tc := range []struct {
		name  string
		stdin []byte
		args  []string
		code  int
		msg   string
	}{
		{"no page", nil, nil, 2, "takes one PAGE"},
		{"two pages", nil, []string{empty, empty}, 2, "takes one PAGE"},
		{"unknown flag", nil, []string{"--frobnicate", empty}, 2, "frobnicate"},
		{"bad max", nil, []string{"--max-bytes", "0", empty}, 2, "--max-bytes"},
		{"missing file", nil, []string{filepath.Join(dir, "nope.html")}, 1, "no such file"},
		{"empty file", nil, []string{empty}, 1, "empty page"},
		{"empty stdin", nil, []string{"-"}, 1, "-: empty page"},
		{"binary", nil, []string{binary}, 1, "binary data"},
		{"over the limit", nil, []string{"--max-bytes", "100", extractFixture("wire-site.html")}, 1, "larger than 100 bytes"},
		{"gzip over the limit", nil, []string{"--max-bytes", "2000", extractFixture("modern-jsonld-gzip.html.gz")}, 1, "limit"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := runExtractCLI(t, tc.stdin, tc.args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tc.code, errs)
			}
			if !strings.Contains(errs, tc.msg) {
				t.Errorf("stderr %q lacks %q", errs, tc.msg)
			}
			if tc.code == 1 {
				if n := strings.Count(errs, "\n"); n != 1 || !strings.HasPrefix(errs, "wiretrace extract: ") {
					t.Errorf("want one error line, got %q", errs)
				}
				if out != "" {
					t.Errorf("stdout = %q, want nothing", out)
				}
			}
		})
	}
}

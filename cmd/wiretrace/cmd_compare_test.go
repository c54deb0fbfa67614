package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wiretrace/wiretrace/examples"
	"github.com/wiretrace/wiretrace/report"
)

// writeExample copies an embedded example page to a file and returns its
// path.
func writeExample(t *testing.T, path string) string {
	t.Helper()
	data, err := examples.FS.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), filepath.Base(path))
	if err := os.WriteFile(out, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return out
}

func runCompareCLI(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb}
	code = run(context.Background(), e, append([]string{"compare"}, args...))
	return code, out.String(), errb.String()
}

func TestCompareCommand(t *testing.T) {
	orig := writeExample(t, "wildfire/original.html")
	rewrite := writeExample(t, "wildfire/rewrite.html")

	code, out, errs := runCompareCLI(t, "", orig, rewrite)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"Relation: rewrite", "A is the original", "Drifts (3)", "Thursday", "Unsupported in B"} {
		if !strings.Contains(out, want) {
			t.Errorf("text report lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "\x1b[") {
		t.Errorf("text report to a non-terminal has colour codes")
	}

	code, out, errs = runCompareCLI(t, "", "--json", orig, rewrite)
	if code != 0 {
		t.Fatalf("--json: exit %d: %s", code, errs)
	}
	var r struct {
		Relation      string            `json:"relation"`
		Source        string            `json:"source"`
		Drifts        []json.RawMessage `json:"drifts"`
		CreditsSource bool              `json:"credits_source"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("--json output is not JSON: %v\n%s", err, out)
	}
	if r.Relation != "rewrite" || r.Source != "a" || len(r.Drifts) != 3 || r.CreditsSource {
		t.Errorf("--json: %+v", r)
	}

	// A page from stdin, and the HTML page.
	data, _ := os.ReadFile(orig)
	code, out, errs = runCompareCLI(t, string(data), "--html", "-", rewrite)
	if code != 0 {
		t.Fatalf("--html: exit %d: %s", code, errs)
	}
	if !strings.HasPrefix(out, "<!DOCTYPE html>") || !strings.Contains(out, "Rewrite") {
		t.Errorf("--html output is not the report page: %.200s", out)
	}
	// The page carries the web UI's own stylesheet: one palette.
	if !strings.Contains(out, report.CSS) {
		t.Errorf("--html does not use the web UI's stylesheet")
	}

	// Flags after the pages, as people type them.
	code, out, errs = runCompareCLI(t, "", orig, rewrite, "--json")
	if code != 0 || !json.Valid([]byte(out)) {
		t.Errorf("compare PAGE_A PAGE_B --json: exit %d, %s %.100s", code, errs, out)
	}
	// "--" ends the flags: a page whose name starts with a dash.
	dashed := filepath.Join(filepath.Dir(rewrite), "-rewrite.html")
	data, _ = os.ReadFile(rewrite)
	if err := os.WriteFile(dashed, data, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(filepath.Dir(dashed))
	code, out, errs = runCompareCLI(t, "", "--json", "--", orig, "-rewrite.html")
	if code != 0 || !json.Valid([]byte(out)) {
		t.Errorf("compare --json -- PAGE_A -PAGE_B: exit %d, %s %.100s", code, errs, out)
	}
}

func TestCompareCommandErrors(t *testing.T) {
	orig := writeExample(t, "rate-decision/original.html")
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"one page", []string{orig}, 2},
		{"three pages", []string{orig, orig, orig}, 2},
		{"json and html", []string{"--json", "--html", orig, orig}, 2},
		{"stdin twice", []string{"-", "-"}, 2},
		{"bad colour", []string{"--color", "pink", orig, orig}, 2},
		{"missing file", []string{orig, filepath.Join(t.TempDir(), "missing.html")}, 1},
		{"empty page", []string{orig, writeEmpty(t)}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errs := runCompareCLI(t, "", tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tt.code, errs)
			}
			if code != 0 && strings.Count(strings.TrimSpace(errs), "\n") > 0 && tt.code == 1 {
				t.Errorf("error is not one line: %q", errs)
			}
		})
	}
}

func writeEmpty(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "empty.html")
	if err := os.WriteFile(p, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestCompareCommandURL compares a page served over HTTP (loopback) with a
// file.
func TestCompareCommandURL(t *testing.T) {
	data, err := examples.FS.ReadFile("earnings/original.html")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(data)
	}))
	defer srv.Close()
	code, out, errs := runCompareCLI(t, "", "--json", srv.URL+"/story", writeExample(t, "earnings/verbatim.html"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, `"relation": "duplicate"`) {
		t.Errorf("URL page against its copy: %.300s", out)
	}
}

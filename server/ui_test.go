package server

import (
	"net/http"
	"strings"
	"testing"
)

func TestUIPages(t *testing.T) {
	s := New(Options{})
	tests := []struct {
		name, path  string
		status      int
		contentType string
		contains    string
	}{
		{"home", "/", http.StatusOK, "text/html", `action="/trace"`},
		{"compare form", "/compare", http.StatusOK, "text/html", `name="b_file"`},
		{"stylesheet", "/static/app.css", http.StatusOK, "text/css", "--verbatim"},
		{"script", "/static/app.js", http.StatusOK, "javascript", "data-pairs"},
		{"missing page", "/no/such/page", http.StatusNotFound, "text/html", "There is no page at /no/such/page"},
		{"missing asset", "/static/nothing.js", http.StatusNotFound, "text/plain", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, body := do(t, s, "GET", tt.path, "")
			if res.StatusCode != tt.status {
				t.Fatalf("status = %d, want %d", res.StatusCode, tt.status)
			}
			if ct := res.Header.Get("Content-Type"); !strings.Contains(ct, tt.contentType) {
				t.Errorf("Content-Type = %q, want %q", ct, tt.contentType)
			}
			if !strings.Contains(body, tt.contains) {
				t.Errorf("body lacks %q", tt.contains)
			}
			if res.Header.Get("Content-Security-Policy") == "" {
				t.Errorf("no Content-Security-Policy")
			}
		})
	}
}

func TestUIHasNoInlineScriptOrStyle(t *testing.T) {
	// The CSP forbids inline code; a template that used it would break in
	// the browser, so the rendered pages must not contain any.
	s := New(Options{})
	for _, path := range []string{"/", "/compare", "/nothing"} {
		_, body := do(t, s, "GET", path, "")
		for _, bad := range []string{"<script>", "style=", "onclick=", "onload=", "<style", "http://", "https://"} {
			if strings.Contains(body, bad) {
				t.Errorf("%s contains %q", path, bad)
			}
		}
	}
}

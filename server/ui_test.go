package server

import (
	"bytes"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
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
		{"script", "/static/app.js", http.StatusOK, "javascript", "upload"},
		{"report stylesheet", "/static/report.css", http.StatusOK, "text/css", "--drift"},
		{"report script", "/static/report.js", http.StatusOK, "javascript", "data-pairs"},
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

func TestUIUploadAndLimits(t *testing.T) {
	s := New(Options{Index: demoIndex(t), MaxBody: 256 << 10})
	orig := examplePage(t, "earnings/original.html")
	rewrite := examplePage(t, "earnings/rewrite.txt")

	// Uploaded files take the place of the text fields.
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for _, f := range []struct{ field, name, data string }{{"a_file", "original.html", orig}, {"b_file", "rewrite.txt", rewrite}} {
		w, err := mw.CreateFormFile(f.field, f.name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, f.data)
	}
	mw.WriteField("a", "")
	mw.Close()
	req := httptest.NewRequest("POST", "/compare", &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	res, body := serve(t, s, req)
	if res.StatusCode != http.StatusOK || !strings.Contains(body, `class="sides"`) {
		t.Fatalf("compare of uploads: status %d", res.StatusCode)
	}
	if !strings.Contains(body, "relation rewrite") {
		t.Errorf("the uploaded rewrite is not reported as a rewrite")
	}

	// A urlencoded form works too.
	form := url.Values{"page": {rewrite}}
	req = httptest.NewRequest("POST", "/trace", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	res, body = serve(t, s, req)
	if res.StatusCode != http.StatusOK || !strings.Contains(body, `class="match"`) {
		t.Errorf("trace of a urlencoded form: status %d", res.StatusCode)
	}
	if !strings.Contains(body, "Most likely source") {
		t.Errorf("the trace of a rewrite does not name its source")
	}

	// Over the limit: 413 as an error page.
	res, body = serve(t, s, formPost(t, "/trace", map[string]string{"page": strings.Repeat("x", 300<<10)}))
	if res.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(body, `role="alert"`) {
		t.Errorf("oversized form: status %d", res.StatusCode)
	}
	// An empty page: 400 as an error page.
	res, _ = serve(t, s, formPost(t, "/trace", map[string]string{"page": "  "}))
	if res.StatusCode != http.StatusBadRequest {
		t.Errorf("empty page: status %d, want 400", res.StatusCode)
	}
	// Compare of two stored documents by id; an unknown id is 404.
	res, _ = do(t, s, "GET", "/compare?a=0000000000000000&b=0000000000000001", "")
	if res.StatusCode != http.StatusNotFound {
		t.Errorf("compare of unknown ids: status %d, want 404", res.StatusCode)
	}
	res, _ = do(t, s, "GET", "/documents/0000000000000000", "")
	if res.StatusCode != http.StatusNotFound {
		t.Errorf("unknown document page: status %d, want 404", res.StatusCode)
	}
}

func TestUIHomeOffersExamples(t *testing.T) {
	s := New(Options{Index: demoIndex(t)})
	res, body := do(t, s, "GET", "/", "")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d", res.StatusCode)
	}
	if n := strings.Count(body, `href="/compare?a=`); n < 3 {
		t.Errorf("the demo home offers %d example comparisons, want one per derived page", n)
	}
	// Every offered comparison opens.
	i := strings.Index(body, `href="/compare?a=`)
	link := strings.ReplaceAll(body[i+len(`href="`):i+strings.Index(body[i+6:], `"`)+6], "&amp;", "&")
	res, body = do(t, s, "GET", link, "")
	if res.StatusCode != http.StatusOK || !strings.Contains(body, `class="sides"`) {
		t.Errorf("%s: status %d", link, res.StatusCode)
	}
}

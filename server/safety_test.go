package server

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
)

// scriptPage is our own fixture: an article whose title and text contain
// markup (<script>, an <img onerror>) as literal text, inside a page that
// also carries real <script> elements.
func scriptPage(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile("testdata/script-page.html")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// formPost builds a multipart form post of fields.
func formPost(t *testing.T, path string, fields map[string]string) *http.Request {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, v := range fields {
		if err := mw.WriteField(k, v); err != nil {
			t.Fatal(err)
		}
	}
	if err := mw.Close(); err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest("POST", path, &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return req
}

func serve(t *testing.T, h http.Handler, req *http.Request) (*http.Response, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result(), rec.Body.String()
}

// wantEscaped checks that an HTML body shows the page's markup as text: no
// raw tag from the page, and the escaped form present.
func wantEscaped(t *testing.T, body string) {
	t.Helper()
	for _, raw := range []string{`<script>alert`, `<img src=x`} {
		if strings.Contains(body, raw) {
			t.Errorf("the page's markup %q reached the HTML unescaped", raw)
		}
	}
	if !strings.Contains(body, `&lt;script&gt;alert(&#34;xss&#34;)&lt;/script&gt;`) {
		t.Errorf("the page's <script> text is not shown escaped")
	}
}

func TestScriptTextIsEscapedInAPI(t *testing.T) {
	s := New(Options{Index: demoIndex(t)})
	page := `{"page":` + jsonString(scriptPage(t)) + `}`
	for _, path := range []string{"/v1/extract", "/v1/trace", "/v1/documents"} {
		t.Run(path, func(t *testing.T) {
			res, body := do(t, s, "POST", path, page)
			if res.StatusCode >= 300 {
				t.Fatalf("status %d: %s", res.StatusCode, body)
			}
			if !strings.HasPrefix(res.Header.Get("Content-Type"), "application/json") || res.Header.Get("X-Content-Type-Options") != "nosniff" {
				t.Errorf("headers %v: a browser could sniff the JSON as HTML", res.Header)
			}
			if strings.Contains(body, "<script") || strings.Contains(body, "<img") {
				t.Errorf("raw markup in the JSON: %s", body)
			}
		})
	}
	res, body := do(t, s, "POST", "/v1/compare", `{"a":`+jsonString(scriptPage(t))+`,"b":`+jsonString(scriptPage(t))+`}`)
	if res.StatusCode != http.StatusOK || !strings.Contains(body, `\u003cscript\u003ealert(\"xss\")`) {
		t.Errorf("compare: %d; the script text is not in the report as escaped JSON", res.StatusCode)
	}
}

func TestScriptTextIsEscapedInUI(t *testing.T) {
	ix := demoIndex(t)
	s := New(Options{Index: ix})
	page := scriptPage(t)

	res, body := serve(t, s, formPost(t, "/trace", map[string]string{"page": page}))
	if res.StatusCode != http.StatusOK {
		t.Fatalf("trace: status %d", res.StatusCode)
	}
	wantEscaped(t, body)

	res, body = serve(t, s, formPost(t, "/compare", map[string]string{"a": page, "b": page}))
	if res.StatusCode != http.StatusOK {
		t.Fatalf("compare: status %d", res.StatusCode)
	}
	wantEscaped(t, body)

	res, body = do(t, s, "POST", "/v1/documents", `{"page":`+jsonString(page)+`}`)
	if res.StatusCode != http.StatusCreated {
		t.Fatalf("add: %d %s", res.StatusCode, body)
	}
	id := decode[documentResponse](t, body).ID
	for _, path := range []string{"/documents/" + id, "/documents", "/search?q=xss+alert"} {
		res, body := do(t, s, "GET", path, "")
		if res.StatusCode != http.StatusOK {
			t.Fatalf("%s: status %d", path, res.StatusCode)
		}
		for _, raw := range []string{`<script>alert`, `<img src=x`} {
			if strings.Contains(body, raw) {
				t.Errorf("%s: the page's markup %q reached the HTML unescaped", path, raw)
			}
		}
		if !strings.Contains(body, "&lt;script&gt;") {
			t.Errorf("%s: the title's <script> text is not shown escaped", path)
		}
	}
	// A search query is reflected in the page: it is escaped too.
	_, body = do(t, s, "GET", "/search?q=%3Cscript%3Ealert(1)%3C/script%3E", "")
	if strings.Contains(body, "<script>alert(1)") {
		t.Errorf("the search query is reflected unescaped")
	}
}

package server

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// api reports whether the route belongs to the JSON API described by
// openapi.json (the UI pages and static files do not).
func (rt route) api() bool {
	_, path, _ := strings.Cut(rt.pattern, " ")
	return strings.HasPrefix(path, "/v1/") || path == "/healthz" || path == "/metrics"
}

// do sends one request to h and returns the response with its body read.
func do(t *testing.T, h http.Handler, method, path, body string, header ...string) (*http.Response, string) {
	t.Helper()
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	res := rec.Result()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatalf("read body: %v", err)
	}
	return res, string(b)
}

// jsonString returns s encoded as a JSON string literal.
func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// wantError checks that a response is a JSON error with the given status.
func wantError(t *testing.T, res *http.Response, body string, status int) {
	t.Helper()
	if res.StatusCode != status {
		t.Errorf("status = %d, want %d; body %s", res.StatusCode, status, body)
	}
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("Content-Type = %q, want application/json", ct)
	}
	var e errorBody
	if err := json.Unmarshal([]byte(body), &e); err != nil || e.Error == "" {
		t.Errorf("body %q is not {\"error\": ...}: %v", body, err)
	}
}

const simplePage = `<html><head><title>Harbour cranes stall</title></head><body>
<article><h1>Harbour cranes stall</h1>
<p>Dock workers in Port Avery stopped three cranes on Tuesday after a power fault, the harbour authority said.</p>
<p>The authority expects the cranes to run again by Thursday morning.</p></article></body></html>`

func TestExtract(t *testing.T) {
	s := New(Options{MaxBody: 4096})
	tests := []struct {
		name   string
		body   string
		status int
		says   string // the error names what was wrong, in the request's terms
	}{
		{"page", `{"page":` + jsonString(simplePage) + `,"url":"https://example.invalid/cranes"}`, http.StatusOK, ""},
		{"malformed JSON", `{"page": "x"`, http.StatusBadRequest, "malformed JSON"},
		{"not an object", `["x"]`, http.StatusBadRequest, "got a JSON array, want an object"},
		{"wrong type", `{"page": 123}`, http.StatusBadRequest, `field "page": got a JSON number, want a string`},
		{"unknown field", `{"pgae": "x"}`, http.StatusBadRequest, `unknown field "pgae"`},
		{"trailing data", `{"page": "x"} {}`, http.StatusBadRequest, "after the JSON object"},
		{"empty body", ``, http.StatusBadRequest, "empty body"},
		{"empty page", `{"page": "   "}`, http.StatusBadRequest, ""},
		{"too large", `{"page":"` + strings.Repeat("a", 5000) + `"}`, http.StatusRequestEntityTooLarge, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, body := do(t, s, "POST", "/v1/extract", tt.body)
			if tt.status != http.StatusOK {
				wantError(t, res, body, tt.status)
				if msg := decode[errorBody](t, body).Error; !strings.Contains(msg, tt.says) || strings.Contains(msg, "Go struct") {
					t.Errorf("error %q does not say %q", msg, tt.says)
				}
				return
			}
			if res.StatusCode != http.StatusOK {
				t.Fatalf("status = %d; body %s", res.StatusCode, body)
			}
			var a struct {
				URL        string   `json:"url"`
				Paragraphs []string `json:"paragraphs"`
			}
			if err := json.Unmarshal([]byte(body), &a); err != nil {
				t.Fatalf("decode %s: %v", body, err)
			}
			if a.URL != "https://example.invalid/cranes" {
				t.Errorf("url = %q", a.URL)
			}
			if !strings.Contains(strings.Join(a.Paragraphs, " "), "Port Avery") {
				t.Errorf("paragraphs %q miss the body", a.Paragraphs)
			}
		})
	}
}

func TestTooLargeByContentLengthStreamed(t *testing.T) {
	// A body sent without Content-Length (chunked) is cut at the limit too.
	s := New(Options{MaxBody: 1024})
	srv := httptest.NewServer(s)
	defer srv.Close()
	pr, pw := io.Pipe()
	go func() {
		_, _ = io.WriteString(pw, `{"page":"`+strings.Repeat("b", 4096)+`"}`)
		pw.Close()
	}()
	res, err := http.Post(srv.URL+"/v1/extract", "application/json", pr)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	wantError(t, res, string(b), http.StatusRequestEntityTooLarge)
}

func TestRoutingErrorsAreJSON(t *testing.T) {
	s := New(Options{})
	tests := []struct {
		name, method, path string
		status             int
		allow              string
	}{
		{"wrong method", "GET", "/v1/extract", http.StatusMethodNotAllowed, "POST"},
		{"unknown endpoint", "GET", "/v1/nothing", http.StatusNotFound, ""},
		{"wrong content type", "POST", "/v1/extract", http.StatusUnsupportedMediaType, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var res *http.Response
			var body string
			if tt.status == http.StatusUnsupportedMediaType {
				res, body = do(t, s, tt.method, tt.path, "", "Content-Type", "text/plain")
			} else {
				res, body = do(t, s, tt.method, tt.path, "")
			}
			wantError(t, res, body, tt.status)
			if got := res.Header.Get("Allow"); got != tt.allow {
				t.Errorf("Allow = %q, want %q", got, tt.allow)
			}
		})
	}
}

func TestHealthzAndHeaders(t *testing.T) {
	s := New(Options{})
	res, body := do(t, s, "GET", "/healthz", "")
	if res.StatusCode != http.StatusOK || !strings.Contains(body, `"ok"`) {
		t.Fatalf("healthz: %d %s", res.StatusCode, body)
	}
	csp := res.Header.Get("Content-Security-Policy")
	for _, want := range []string{"script-src 'self'", "default-src 'none'", "frame-ancestors 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("CSP %q lacks %q", csp, want)
		}
	}
	if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "http") {
		t.Errorf("CSP %q allows inline code or another host", csp)
	}
	if res.Header.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("missing nosniff")
	}
}

func TestMetricsCountRoutes(t *testing.T) {
	s := New(Options{})
	do(t, s, "GET", "/healthz", "")
	do(t, s, "POST", "/v1/extract", `{"page":`+jsonString(simplePage)+`}`)
	do(t, s, "POST", "/v1/extract", `{bad`)
	_, body := do(t, s, "GET", "/metrics", "")
	for _, want := range []string{
		`wiretrace_http_requests_total{code="200",method="GET",route="GET /healthz"} 1`,
		`wiretrace_http_requests_total{code="200",method="POST",route="POST /v1/extract"} 1`,
		`wiretrace_http_requests_total{code="400",method="POST",route="POST /v1/extract"} 1`,
		`wiretrace_http_request_duration_seconds_count{route="POST /v1/extract"} 2`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
}

func TestIndexGauge(t *testing.T) {
	ix := demoIndex(t)
	n, err := ix.Count(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	s := New(Options{Index: ix})
	_, body := do(t, s, "GET", "/metrics", "")
	if want := fmt.Sprintf("wiretrace_index_documents %d\n", n); !strings.Contains(body, want) {
		t.Errorf("metrics lack %q", want)
	}
}

func TestOpenAPICoversRoutes(t *testing.T) {
	s := New(Options{})
	res, body := do(t, s, "GET", "/v1/openapi.json", "")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d", res.StatusCode)
	}
	var doc struct {
		OpenAPI string                                `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal([]byte(body), &doc); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Errorf("openapi = %q, want 3.x", doc.OpenAPI)
	}
	var described, served []string
	for path, ops := range doc.Paths {
		for method := range ops {
			described = append(described, strings.ToUpper(method)+" "+path)
		}
	}
	for _, rt := range s.routes {
		if rt.api() {
			served = append(served, rt.pattern)
		}
	}
	sort.Strings(described)
	sort.Strings(served)
	if strings.Join(described, "\n") != strings.Join(served, "\n") {
		t.Errorf("openapi.json describes\n%s\nbut the server serves\n%s", strings.Join(described, "\n"), strings.Join(served, "\n"))
	}
}

func TestNoOutboundRequest(t *testing.T) {
	// The url given with a page is metadata: the server must not fetch it.
	var hits atomic.Int32
	origin := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits.Add(1) }))
	defer origin.Close()
	s := New(Options{})
	res, body := do(t, s, "POST", "/v1/extract", `{"page":`+jsonString(simplePage)+`,"url":`+jsonString(origin.URL+"/story")+`}`)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", res.StatusCode, body)
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("the server made %d request(s) to the page's url", n)
	}
}

func TestHeavyRequestsWaitForAWorker(t *testing.T) {
	s := New(Options{Workers: 1})
	s.work <- struct{}{} // the one worker is busy
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	req := httptest.NewRequest("POST", "/v1/compare", strings.NewReader(`{"a":"x","b":"y"}`)).WithContext(ctx)
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	res := rec.Result()
	wantError(t, res, rec.Body.String(), http.StatusServiceUnavailable)

	<-s.work // the worker is free again
	res, body := do(t, s, "POST", "/v1/compare", `{"a":`+jsonString(simplePage)+`,"b":`+jsonString(simplePage)+`}`)
	if res.StatusCode != http.StatusOK {
		t.Errorf("status %d with a free worker: %s", res.StatusCode, body)
	}
	// Light requests never wait.
	s.work <- struct{}{}
	if res, _ := do(t, s, "POST", "/v1/extract", `{"page":`+jsonString(simplePage)+`}`); res.StatusCode != http.StatusOK {
		t.Errorf("extract waited for a worker: status %d", res.StatusCode)
	}
}

func TestSlowUploadHoldsNoWorker(t *testing.T) {
	s := New(Options{Workers: 1})
	srv := httptest.NewServer(s)
	defer srv.Close()
	// A client that starts a trace upload and never finishes it.
	pr, pw := io.Pipe()
	defer pw.Close()
	go func() {
		req, _ := http.NewRequest("POST", srv.URL+"/v1/compare", pr)
		req.Header.Set("Content-Type", "application/json")
		if res, err := http.DefaultClient.Do(req); err == nil {
			res.Body.Close()
		}
	}()
	_, _ = io.WriteString(pw, `{"a": "`)
	time.Sleep(50 * time.Millisecond)

	done := make(chan int, 1)
	go func() {
		res, err := http.Post(srv.URL+"/v1/compare", "application/json",
			strings.NewReader(`{"a":`+jsonString(simplePage)+`,"b":`+jsonString(simplePage)+`}`))
		if err != nil {
			done <- 0
			return
		}
		res.Body.Close()
		done <- res.StatusCode
	}()
	select {
	case code := <-done:
		if code != http.StatusOK {
			t.Errorf("compare beside a stalled upload: status %d", code)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("a stalled upload held the only worker")
	}
}

func TestOpenAPIRefsResolve(t *testing.T) {
	var doc map[string]any
	if err := json.Unmarshal(openapiJSON, &doc); err != nil {
		t.Fatal(err)
	}
	var walk func(v any)
	n := 0
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				if ref, ok := x.(string); k == "$ref" && ok {
					n++
					var at any = doc
					for _, part := range strings.Split(strings.TrimPrefix(ref, "#/"), "/") {
						m, _ := at.(map[string]any)
						at = m[part]
					}
					if at == nil {
						t.Errorf("$ref %s does not resolve", ref)
					}
				}
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(doc)
	if n == 0 {
		t.Fatal("openapi.json has no $ref: the walk is broken")
	}
}

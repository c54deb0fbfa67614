package server

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/wiretrace/wiretrace/index"
)

// FuzzMarkWords checks that highlighting never loses or invents text and
// never splits a UTF-8 sequence, whatever the text and query.
func FuzzMarkWords(f *testing.F) {
	f.Add("Evacuation centers opened at Cedar Hollow.", "evacuation cedar")
	f.Add("Ünïcødé wörds ünd Zahlen 2,4 %", "wörds 2")
	f.Add("\xff\xfeinvalid bytes", "invalid")
	f.Fuzz(func(t *testing.T, text, q string) {
		segs := markWords(text, index.SearchWords(q))
		var b strings.Builder
		for _, s := range segs {
			b.WriteString(s.Text)
			if s.Mark && utf8.ValidString(text) && !utf8.ValidString(s.Text) {
				t.Errorf("marked segment %q splits a character", s.Text)
			}
		}
		if b.String() != text {
			t.Errorf("segments join to %q, want %q", b.String(), text)
		}
	})
}

// FuzzAPI sends arbitrary request bodies and queries to the JSON API's
// read-only routes over a real store holding the bundled examples: every
// answer is JSON, a success or an {"error": ...} with a 4xx status; no
// input gives a 5xx or a panic.
func FuzzAPI(f *testing.F) {
	s := New(Options{Index: demoIndex(f), MaxBody: 1 << 16})
	f.Add(uint8(0), `{"page":"<p>Dock workers stopped three cranes.</p>","url":"https://example.invalid/a"}`, "")
	f.Add(uint8(1), `{"a":"Fares rise on Monday.","b":"On Monday fares rise."}`, "")
	f.Add(uint8(2), `{"page":"<html><body><article><p>Evacuation centers opened at Cedar Hollow.</p></article></body></html>"}`, "")
	f.Add(uint8(3), ``, "q=Halvorsen&limit=5")
	f.Add(uint8(4), ``, "min_size=1&limit=x")
	f.Add(uint8(1), `{"a":"\xff\xfe","b":"{}"}`, "")
	f.Add(uint8(0), `{"page": 7}`, "")
	f.Fuzz(func(t *testing.T, route uint8, body, query string) {
		routes := []struct{ method, path string }{
			{"POST", "/v1/extract"}, {"POST", "/v1/compare"}, {"POST", "/v1/trace"},
			{"GET", "/v1/search"}, {"GET", "/v1/clusters"},
		}
		rt := routes[int(route)%len(routes)]
		u := &url.URL{Path: rt.path, RawQuery: url.Values{"q": {query}}.Encode()}
		if rt.method == "GET" {
			if v, err := url.ParseQuery(query); err == nil {
				u.RawQuery = v.Encode()
			}
			body = ""
		}
		res, got := do(t, s, rt.method, u.String(), body)
		if res.StatusCode >= 500 {
			t.Fatalf("%s %s with %q: status %d: %s", rt.method, u, body, res.StatusCode, got)
		}
		if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
			t.Fatalf("%s %s: Content-Type %q", rt.method, u, ct)
		}
		if !json.Valid([]byte(got)) {
			t.Fatalf("%s %s: body is not JSON: %.200q", rt.method, u, got)
		}
		if res.StatusCode >= 400 {
			var e errorBody
			if err := json.Unmarshal([]byte(got), &e); err != nil || e.Error == "" {
				t.Fatalf("%s %s: status %d without an error message: %.200q", rt.method, u, res.StatusCode, got)
			}
		}
	})
}

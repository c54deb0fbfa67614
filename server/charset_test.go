package server

import (
	"bytes"
	"compress/gzip"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"golang.org/x/text/encoding/japanese"
)

// sjisPage is a page that declares Shift_JIS, as its source reads when
// pasted from a browser's "view source": Unicode text.
const (
	sjisTitle = "航路再開"
	sjisBody  = "港湾局は火曜日、嵐の後に北部航路の運航を再開したと発表した。"
	sjisPage  = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"><title>` + sjisTitle + `</title></head>` +
		`<body><article><h1>` + sjisTitle + `</h1><p>` + sjisBody + `</p><p>` + sjisBody + `</p></article></body></html>`
)

// upload builds a multipart post of one file field.
func upload(t *testing.T, path, field, name string, data []byte) *http.Request {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	w, err := mw.CreateFormFile(field, name)
	if err != nil {
		t.Fatal(err)
	}
	w.Write(data)
	mw.Close()
	req := httptest.NewRequest("POST", path, &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return req
}

// TestTextIgnoresDeclaredCharset checks that a page sent as Unicode text
// (a JSON string, a form's text field) is read as that text whatever
// charset it declares, while an uploaded file is bytes whose declaration
// holds. Decoding the text as Shift_JIS a second time made mojibake.
func TestTextIgnoresDeclaredCharset(t *testing.T) {
	s := New(Options{Index: demoIndex(t)})
	sjis, err := japanese.ShiftJIS.NewEncoder().String(sjisPage)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		req  func() *http.Request
		// titleOnly: the response shows the title, not the text.
		titleOnly bool
	}{
		{"POST /v1/extract", func() *http.Request {
			r := httptest.NewRequest("POST", "/v1/extract", strings.NewReader(`{"page":`+jsonString(sjisPage)+`}`))
			r.Header.Set("Content-Type", "application/json")
			return r
		}, false},
		{"POST /v1/compare", func() *http.Request {
			r := httptest.NewRequest("POST", "/v1/compare", strings.NewReader(`{"a":`+jsonString(sjisPage)+`,"b":`+jsonString(sjisPage)+`}`))
			r.Header.Set("Content-Type", "application/json")
			return r
		}, false},
		{"POST /v1/trace", func() *http.Request {
			r := httptest.NewRequest("POST", "/v1/trace", strings.NewReader(`{"page":`+jsonString(sjisPage)+`}`))
			r.Header.Set("Content-Type", "application/json")
			return r
		}, true},
		{"UI trace, pasted", func() *http.Request { return formPost(t, "/trace", map[string]string{"page": sjisPage}) }, false},
		{"UI compare, pasted", func() *http.Request {
			return formPost(t, "/compare", map[string]string{"a": sjisPage, "b": sjisPage})
		}, false},
		{"UI trace, uploaded Shift_JIS bytes", func() *http.Request { return upload(t, "/trace", "file", "page.html", []byte(sjis)) }, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, body := serve(t, s, tc.req())
			if res.StatusCode != http.StatusOK {
				t.Fatalf("status %d: %.300s", res.StatusCode, body)
			}
			if !strings.Contains(body, sjisTitle) || !tc.titleOnly && !strings.Contains(body, "嵐の後に") {
				t.Errorf("response lacks the page's title and text (mojibake?): %.400s", body)
			}
		})
	}
}

// TestTruncatedGzipUpload checks that the UI refuses an uploaded page
// whose gzip stream was cut short, as index and the CLI do, instead of
// tracing the part that arrived as if it were the page.
func TestTruncatedGzipUpload(t *testing.T) {
	s := New(Options{Index: demoIndex(t)})
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	io.WriteString(zw, examplePage(t, "earnings/original.html"))
	zw.Close()
	cut := z.Bytes()[:z.Len()/2]
	res, body := serve(t, s, upload(t, "/trace", "file", "page.html.gz", cut))
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "truncated") {
		t.Errorf("trace of a truncated .gz upload: status %d, want 422 saying truncated: %.300s", res.StatusCode, body)
	}
}

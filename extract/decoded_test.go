package extract

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/japanese"
)

// TestPageDecoded checks that a page given as Unicode text (a JSON string,
// a pasted page source) that still declares a legacy charset is read as
// the text it is, while the same page as bytes in that charset keeps its
// declaration.
func TestPageDecoded(t *testing.T) {
	const body = "港湾局は火曜日、嵐の後に北部航路の運航を再開したと発表した。"
	page := `<html><head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"><title>航路再開</title></head>` +
		`<body><article><h1>航路再開</h1><p>` + body + `</p><p>` + body + `</p></article></body></html>`
	sjis, err := japanese.ShiftJIS.NewEncoder().String(page)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		data string
		opts Options
	}{
		{"text with the declaration", page, Options{Decoded: true}},
		{"text, declared in a header too", page, Options{Decoded: true, ContentType: "text/html; charset=Shift_JIS"}},
		{"Shift_JIS bytes", sjis, Options{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, err := Page([]byte(tc.data), tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != "航路再開" || !strings.Contains(a.Text(), body) {
				t.Errorf("title %q, body %q; want %q and %q", a.Title, a.Text(), "航路再開", body)
			}
		})
	}
}

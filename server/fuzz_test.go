package server

import (
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

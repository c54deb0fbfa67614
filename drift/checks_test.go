package drift

import (
	"strings"
	"testing"

	"github.com/wiretrace/wiretrace/textproc"
)

func TestCoordinated(t *testing.T) {
	for _, tc := range []struct {
		text, x, y string
		want       bool
	}{
		{"Arlen and Brisk met.", "Arlen", "Brisk", true},
		{"Arlen, Brisk and Corr met.", "Arlen", "Brisk", true},
		{"Arlen, and Brisk met.", "Arlen", "Brisk", true},
		{"Arlen or Brisk will win.", "Arlen", "Brisk", true},
		{"Arlen beat Brisk.", "Arlen", "Brisk", false},
		{"Arlen told Brisk and Corr.", "Arlen", "Brisk", false},
		{"Arlen and then Brisk spoke.", "Arlen", "Brisk", false},
	} {
		x := strings.Index(tc.text, tc.x)
		y := strings.Index(tc.text, tc.y)
		sx := textproc.Span{Start: x, End: x + len(tc.x)}
		sy := textproc.Span{Start: y, End: y + len(tc.y)}
		if got := Coordinated(tc.text, sx, sy); got != tc.want {
			t.Errorf("Coordinated(%q, %s, %s) = %v, want %v", tc.text, tc.x, tc.y, got, tc.want)
		}
		if got := Coordinated(tc.text, sy, sx); got != tc.want {
			t.Errorf("Coordinated(%q, %s, %s) reversed = %v, want %v", tc.text, tc.y, tc.x, got, tc.want)
		}
	}
}

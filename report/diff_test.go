package report

import (
	"strings"
	"testing"
)

func TestWordDiff(t *testing.T) {
	for _, tc := range []struct {
		name, a, b   string
		wantA, wantB string // changed runs, joined by |
	}{
		{"same", "The court ruled on Tuesday.", "The court ruled on Tuesday.", "", ""},
		{"one word", "The fine was 45 million crowns.", "The fine was 54 million crowns.", "45", "54"},
		{"case only", "the Court ruled", "The court ruled", "", ""},
		{"insert", "Prices rose.", "Prices rose sharply again.", "", "sharply again"},
		{"delete", "He said on Monday that it was over.", "He said that it was over.", "on Monday", ""},
		{"empty", "", "A new sentence.", "", "A new sentence."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pa, pb := wordDiff(tc.a, tc.b)
			for _, side := range []struct {
				parts      []Part
				text, want string
			}{{pa, tc.a, tc.wantA}, {pb, tc.b, tc.wantB}} {
				var joined strings.Builder
				var changed []string
				for _, p := range side.parts {
					joined.WriteString(p.Text)
					if p.Changed {
						changed = append(changed, p.Text)
					}
				}
				if joined.String() != side.text {
					t.Errorf("parts join to %q, want %q", joined.String(), side.text)
				}
				if got := strings.Join(changed, "|"); got != side.want {
					t.Errorf("changed %q, want %q", got, side.want)
				}
			}
		})
	}
}

func FuzzWordDiff(f *testing.F) {
	f.Add("The fine was 45 million crowns.", "The fine was 54 million crowns.")
	f.Add("ÄÖÜ  ß", "\xff ß")
	f.Fuzz(func(t *testing.T, a, b string) {
		pa, pb := wordDiff(a, b)
		for _, side := range []struct {
			parts []Part
			text  string
		}{{pa, a}, {pb, b}} {
			var joined strings.Builder
			for _, p := range side.parts {
				joined.WriteString(p.Text)
			}
			if joined.String() != side.text {
				t.Errorf("parts join to %q, want %q", joined.String(), side.text)
			}
		}
	})
}

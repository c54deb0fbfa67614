package drift

import (
	"math"
	"testing"

	"github.com/wiretrace/wiretrace/textproc"
)

func TestClockTimes(t *testing.T) {
	tests := []struct {
		text   string
		minute []int
		zone   []string
	}{
		{"The launch is at 4:17 p.m. Eastern time.", []int{16*60 + 17}, []string{"eastern"}},
		{"Gates open at 9am and close at 6.30 P.M. on Friday.", []int{9 * 60, 18*60 + 30}, []string{"", ""}},
		{"It docked at 0315 GMT after a 16:50 start.", []int{3*60 + 15, 16*60 + 50}, []string{"gmt", ""}},
		{"The deadline is 6 p.m. CST Thursday.", []int{18 * 60}, []string{"cst"}},
		{"Shares rose 12 percent.", nil, nil},
	}
	for _, tt := range tests {
		s := textproc.AnalyzeSentence(tt.text)
		got := clockTimes(&s)
		if len(got) != len(tt.minute) {
			t.Errorf("%q: got %+v, want minutes %v", tt.text, got, tt.minute)
			continue
		}
		for k, c := range got {
			if c.minute != tt.minute[k] || c.zone != tt.zone[k] {
				t.Errorf("%q: time %d is %d %q, want %d %q", tt.text, k, c.minute, c.zone, tt.minute[k], tt.zone[k])
			}
		}
	}
}

func TestFigures(t *testing.T) {
	tests := []struct {
		text string
		want map[string]float64 // figure text → its value; absent: not a figure
	}{
		{"The probe lands at 4:17 p.m. carrying 12 tonnes.", map[string]float64{"12 tonnes": 12}},
		{"The jug holds 3 1/2 cups, not 12/24 of one.", map[string]float64{"3 1/2": 3.5, "12/24": 0.5}},
		{"The repairs took five and a half weeks.", map[string]float64{"five and a half": 5.5}},
		{"The stock gained 165-1/4 pence after 2 ½ days.", map[string]float64{"165-1/4": 165.25, "2 ½": 2.5}},
		{"About 1 1/2 million visitors came, up 3.5 percent.", map[string]float64{"1 1/2 million": 1.5e6, "3.5 percent": 3.5}},
	}
	for _, tt := range tests {
		s := textproc.AnalyzeSentence(tt.text)
		got := map[string]float64{}
		for _, n := range newChecker(&textproc.Doc{}, &textproc.Doc{}).figures(&s) {
			got[n.Text] = n.Value
		}
		if len(got) != len(tt.want) {
			t.Errorf("%q: figures %v, want %v", tt.text, got, tt.want)
			continue
		}
		for text, v := range tt.want {
			if g, ok := got[text]; !ok || math.Abs(g-v) > 1e-9*v {
				t.Errorf("%q: figure %q = %v (found %v), want %v", tt.text, text, g, ok, v)
			}
		}
	}
}

func TestIsAge(t *testing.T) {
	tests := []struct {
		text, figure string
		want         bool
	}{
		{"Maria Reyes, 18, was among the injured.", "18", true},
		{"The driver, Tom Hale, 64, was unhurt.", "64", true},
		// A count after a date and a comma is no age.
		{"By the end of February, 512,000 patients had waited a year.", "512,000", false},
		{"By Friday, 130 had left the town.", "130", false},
		{"The company hired 18 engineers.", "18", false},
	}
	for _, tt := range tests {
		s := textproc.AnalyzeSentence(tt.text)
		found := false
		for _, n := range s.Numbers {
			if n.Text == tt.figure {
				found = true
				if got := isAge(&s, n); got != tt.want {
					t.Errorf("%q: isAge(%q) = %v, want %v", tt.text, tt.figure, got, tt.want)
				}
			}
		}
		if !found {
			t.Errorf("%q: no figure %q among %+v", tt.text, tt.figure, s.Numbers)
		}
	}
}

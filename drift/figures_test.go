package drift

import (
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

func TestQuantity(t *testing.T) {
	tests := []struct {
		text string
		want map[string]bool // figure text → whether it is a quantity
	}{
		{"The probe lands at 4:17 p.m. carrying 12 tonnes.", map[string]bool{"4": false, "17": false, "12 tonnes": true}},
		{"The jug holds 3 1/2 cups, not 12/24 of one.", map[string]bool{"3": false, "1": false, "2": false, "12": true, "24": true}},
		{"The repairs took five and a half weeks.", map[string]bool{"five": true, "half": false}},
	}
	for _, tt := range tests {
		s := textproc.AnalyzeSentence(tt.text)
		for _, n := range s.Numbers {
			want, ok := tt.want[n.Text]
			if !ok {
				continue
			}
			if got := newChecker(&textproc.Doc{}, &textproc.Doc{}).quantity(&s, n); got != want {
				t.Errorf("%q: quantity(%q) = %v, want %v", tt.text, n.Text, got, want)
			}
		}
	}
}

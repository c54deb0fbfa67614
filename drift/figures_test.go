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
		{"The launch is at 3:49 p.m. Eastern time.", []int{15*60 + 49}, []string{"eastern"}},
		{"Doors open at 8am and close at 7.00 P.M. on Sunday.", []int{8 * 60, 19 * 60}, []string{"", ""}},
		{"It landed at 0240 GMT after a 14:20 start.", []int{2*60 + 40, 14*60 + 20}, []string{"gmt", ""}},
		{"The deadline is 7 p.m. EST Sunday.", []int{19 * 60}, []string{"est"}},
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
		{"The probe lands at 3:49 p.m. carrying 12 tonnes.", map[string]bool{"3": false, "49": false, "12 tonnes": true}},
		{"It holds 2 1/2 servings, not 16/32 of one.", map[string]bool{"2": false, "1": false, "16": true, "32": true}},
		{"She was five and a half months pregnant.", map[string]bool{"five": true, "half": false}},
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

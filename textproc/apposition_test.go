package textproc

import (
	"fmt"
	"strings"
	"testing"
)

// TestAppositionRoles checks the titles set off by a comma beside a name,
// and the phrases that are not such titles.
func TestAppositionRoles(t *testing.T) {
	for _, tc := range []struct {
		text string
		want string // title/holder; ...
	}{
		{"Ines Marlowe, chief medical officer of Lyrant, spoke on Monday.", "chief/Ines Marlowe"},
		{"Oskar Brandt, the company's chief executive, spoke.", "chief executive/Oskar Brandt"},
		{"Lyrant's head of research, Ines Marlowe, spoke.", "head/Ines Marlowe"},
		{"Marta Ilves, general secretary of the federation, spoke.", "secretary/Marta Ilves"},
		{"Kyi, a regional envoy says, will be freed.", ""},
		{"Leaders met Otto Brenn, Vice President Ilka Marr and others.", ""},
		{"In a statement on Tuesday, Oskar Brandt said so.", ""},
	} {
		t.Run(tc.text, func(t *testing.T) {
			var got []string
			s := sentence(t, tc.text)
			for _, r := range AppositionRoles(&s) {
				got = append(got, fmt.Sprintf("%s/%s", r.Title, r.Holder))
			}
			if g := strings.Join(got, "; "); g != tc.want {
				t.Errorf("got %q, want %q", g, tc.want)
			}
		})
	}
}

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
		{"Ines Marlowe, chief medical officer of Lyrant, spoke on Monday.", "officer/Ines Marlowe"},
		{"The council's senior planning officer, Ines Varro, refused the permit.", "officer/Ines Varro"},
		{"Tomas Edel, regional organiser of the drivers' union, said so.", "organiser/Tomas Edel"},
		{"Oskar Brandt, the company's chief executive, spoke.", "chief executive/Oskar Brandt"},
		{"Lyrant's head of research, Ines Marlowe, spoke.", "head/Ines Marlowe"},
		{"Marta Ilves, general secretary of the federation, spoke.", "secretary/Marta Ilves"},
		{"Kyi, a regional envoy says, will be freed.", ""},
		{"Leaders met Otto Brenn, Vice President Ilka Marr and others.", ""},
		{"In a statement on Tuesday, Oskar Brandt said so.", ""},
		{"Priya Halle, the foundation's acting executive director, said so.", "director/Priya Halle"},
		{"Peter Brann, who is stepping down as chairman, will stay.", ""},
		{"Dean Harrow, vice-chair of the trust, objected.", "vice chair/Dean Harrow"},
		// A clause running on into the title: an owner in the
		// possessive starts the role phrase; without one, no role.
		{"The permit for the quarry north of the ring road was refused by the district council's chief planning officer, Ines Varro.", "officer/Ines Varro"},
		{"Work on the bridge stopped when the site engineer resigned in protest last week, Ines Varro said.", ""},
		// A verb after the name's comma opens the name's own clause:
		// the title after it is another person's.
		{"The mill's spokeswoman, Edda Runhall, said the mayor backed the sale.", "spokeswoman/Edda Runhall"},
		{"Edda Runhall, according to the mayor, backed the sale.", ""},
		// A relative clause that states a title, as well as the
		// apposition before the name; one that states none.
		{"The group's leader, Edda Runhall, who is also the council's deputy leader, abstained.", "leader/Edda Runhall; leader/Edda Runhall"},
		{"Edda Runhall, who is stepping down as chair, abstained.", ""},
		// A comma before a name that opens its own speech clause.
		{"The council's general reserves, Edda Runhall said, stand at £9m.", ""},
		{"Edda Runhall, was the mayor told, backed the sale.", ""},
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

// TestAppositionRoleText checks that an apposition's role phrase starts at
// its first modifier or the lower-case words that qualify its title, as
// Role.Text promises: a report quoting it shows "deputy chief executive"
// and "country manager", not "chief executive" and "manager".
func TestAppositionRoleText(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"Its deputy chief executive, Dr Ilse Marr, said so.", "deputy chief executive"},
		{"Ilse Marr, the former chief executive of the bank, said so.", "former chief executive of the bank"},
		{"Ilse Marr, the chief executive, said so.", "chief executive"},
		{"Ilse Marr, Hopcar's country manager, said so.", "country manager"},
		{"The union's regional secretary, Irena Castell, said so.", "regional secretary"},
	} {
		s := sentence(t, tc.text)
		roles := AppositionRoles(&s)
		if len(roles) != 1 {
			t.Errorf("%q: %d roles, want 1", tc.text, len(roles))
			continue
		}
		if roles[0].Text != tc.want || s.Text[roles[0].Start:roles[0].End] != tc.want {
			t.Errorf("%q: role phrase %q (span %q), want %q", tc.text, roles[0].Text, s.Text[roles[0].Start:roles[0].End], tc.want)
		}
	}
}

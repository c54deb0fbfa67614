package extract

import (
	"strings"
	"testing"
)

func TestUnwrap(t *testing.T) {
	wrapped := strings.Join([]string{
		"   Menu",
		"",
		"   The county board voted 5-2 on Monday to build a second bridge over",
		"   the river, ending a debate that has divided the town for more than",
		"   a decade.",
		"",
		"   The two-lane bridge will cost about $48 million and connect the park",
		"   on the east bank with the highway, sparing residents the trucks that",
		"   now cross the old bridge at all hours.",
		"     * [3]A related headline",
	}, "\n")
	got := unwrap(wrapped)
	for _, want := range []string{
		"\nThe county board voted 5-2 on Monday to build a second bridge over the river, ending a debate that has divided the town for more than a decade.\n",
		"\nThe two-lane bridge will cost about $48 million and connect the park on the east bank with the highway, sparing residents the trucks that now cross the old bridge at all hours.\n",
		"\n* [3]A related headline",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("unwrap lacks %q:\n%s", want, got)
		}
	}
	// Dumps with one paragraph per line, and short-line lists, pass as
	// they are.
	for _, same := range []string{
		strings.Repeat("A paragraph that runs on and on well past any wrapping width a text browser would use, because it was never wrapped at all.\n\n", 6),
		strings.Repeat("Short Headline Number One\nAnother Short Headline Here\n", 10),
	} {
		if got := unwrap(same); got != same {
			t.Errorf("unwrap changed an unwrapped dump:\n%s", got)
		}
	}
}

func TestTextTitle(t *testing.T) {
	body := "\n\nThe council voted on Tuesday to keep the lighthouse lit, officials said after the meeting.\n\nThe vote was close, and the mayor said the matter would come back next year.\n"
	for _, tc := range []struct{ name, dump, want string }{
		{"headline alone", "Example Gazette\nHome | News\n\nTown votes to keep its lighthouse lit" + body, "Town votes to keep its lighthouse lit"},
		{"headline and standfirst", "Example Gazette\n\nTown votes to keep its lighthouse lit\nThe light has shone for 150 years without a break" + body, "Town votes to keep its lighthouse lit"},
		{"headline then a list of other stories", "Town votes to keep its lighthouse lit\n\nFerry timetable changes from Monday\nNew bakery opens on the quay today\nSchool wins the regional chess title" + body, "Town votes to keep its lighthouse lit"},
		{"no headline", strings.TrimLeft(body, "\n"), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, err := Page([]byte(tc.dump), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != tc.want {
				t.Errorf("title = %q, want %q", a.Title, tc.want)
			}
		})
	}
}

func TestPromoLine(t *testing.T) {
	for line, want := range map[string]bool{
		"Follow Newsbeat on Instagram, Facebook, Twitter and YouTube.": true,
		"Sign up for our daily newsletter.":                            true,
		"Have a news tip? Email us.":                                   true,
		"Like many residents, she moved to the city for work.":         false,
		"Watch out for ice on the roads to the north, officials said.": false,
		"Join the queue at the gate before nine to get in.":            false,
	} {
		if got := promoLine.MatchString(line); got != want {
			t.Errorf("promoLine(%q) = %v, want %v", line, got, want)
		}
	}
}

// TestTextBodyWords checks that story sentences opening with words that
// also open boilerplate lines stay in the body.
func TestTextBodyWords(t *testing.T) {
	dump := "Town votes to keep its lighthouse lit\n\n" +
		"The council voted on Tuesday to keep the lighthouse lit, officials said after the meeting.\n\n" +
		"Register offices in the town hall will close early on Friday for the celebrations, the clerk said.\n\n" +
		"Copyright lawyers for the lighthouse trust said its name could not be used by the souvenir shops.\n\n" +
		"Subscribers to the town newsletter will get a printed history of the light next month.\n\n" +
		"© Example Gazette 2025\n"
	a, err := Page([]byte(dump), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Paragraphs) != 4 {
		t.Errorf("got %d paragraphs, want 4: %q", len(a.Paragraphs), a.Paragraphs)
	}
}

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

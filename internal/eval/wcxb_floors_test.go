package eval

import (
	"testing"

	"github.com/wiretrace/wiretrace/internal/sharedtest"
)

// TestWCXBFloors scores wiretrace's extractor on the check part of the
// WCXB dev set (the part no rule was studied on) and holds its figures at
// their floors. Only the check part is extracted, which keeps the test to
// a few seconds.
func TestWCXBFloors(t *testing.T) {
	t.Parallel()
	set, err := LoadWCXB(sharedtest.Dir(t, "eval", "wcxb-dev"))
	if err != nil {
		t.Fatal(err)
	}
	check := set.Pages[:0:0]
	for _, p := range set.Pages {
		if p.Part() == Check {
			check = append(check, p)
		}
	}
	set.Pages = check
	r, err := set.ScoreWiretrace()
	if err != nil {
		t.Fatal(err)
	}
	checkFloor(t, "wcxb.check.f1", r.Check.F1)
	checkFloor(t, "wcxb.check.title", r.Check.Title)
	checkFloor(t, "wcxb.check.author", r.Check.Author)
	checkFloor(t, "wcxb.check.date", r.Check.Date)
}

package eval

import (
	"math"
	"testing"

	"github.com/wiretrace/wiretrace/internal/sharedtest"
)

func TestWCXBBody(t *testing.T) {
	for _, tc := range []struct {
		name, truth, pred string
		p, r              float64
	}{
		{"both empty", "", "", 1, 1},
		{"empty prediction", "a b", "", 0, 0},
		{"identical but case and punctuation", "The cat, the dog.", "the CAT the dog", 1, 1},
		{"extra words", "a b", "a b c d", 0.5, 1},
		{"multiset counts repeats once each", "a a b", "a b b", 2.0 / 3, 2.0 / 3},
		{"nothing shared", "a", "b", 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, r, f := WCXBBody(tc.truth, tc.pred)
			wantF := 0.0
			if tc.p+tc.r > 0 {
				wantF = 2 * tc.p * tc.r / (tc.p + tc.r)
			}
			if math.Abs(p-tc.p) > 1e-9 || math.Abs(r-tc.r) > 1e-9 || math.Abs(f-wantF) > 1e-9 {
				t.Errorf("WCXBBody(%q, %q) = %.3f %.3f %.3f, want %.3f %.3f %.3f", tc.truth, tc.pred, p, r, f, tc.p, tc.r, wantF)
			}
		})
	}
}

func TestWCXBFields(t *testing.T) {
	for _, tc := range []struct {
		name, field, truth, pred string
		want                     bool
	}{
		{"title equal after normalising", "title", "Ten Tips: Saving Money!", "ten tips saving money", true},
		{"title full-width folds under NFKC", "title", "ＡＢＣ news", "abc news", true},
		{"title prediction with site suffix contains truth", "title", "How to bake bread", "How to bake bread | Kitchen Notes", true},
		{"title too short a part", "title", "How to bake bread at home today", "bake bread", false},
		{"title other", "title", "Bread", "Cake", false},
		{"author one name", "author", "Jane Doe", "By Jane Doe", true},
		{"author every name", "author", "Jane Doe, Sam Roe and Ana Poe", "Jane Doe, Sam Roe, Ana Poe", true},
		{"author a name missing", "author", "Jane Doe & Sam Roe", "Jane Doe", false},
		{"author empty prediction", "author", "Jane Doe", "", false},
		{"date first ten characters", "date", "2025-03-04T10:00:00Z", "2025-03-04", true},
		{"date other day", "date", "2025-03-04", "2025-03-05", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got bool
			switch tc.field {
			case "title":
				got = WCXBTitle(tc.truth, tc.pred)
			case "author":
				got = WCXBAuthor(tc.truth, tc.pred)
			case "date":
				got = WCXBDate(tc.truth, tc.pred)
			}
			if got != tc.want {
				t.Errorf("%s(%q, %q) = %v, want %v", tc.field, tc.truth, tc.pred, got, tc.want)
			}
		})
	}
}

// TestWCXBLoad checks the set as SOURCE.md describes it: 700 pages, about
// 70 % of them in the fit part.
func TestWCXBLoad(t *testing.T) {
	set, err := LoadWCXB(sharedtest.Dir(t, "eval", "wcxb-dev"))
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Pages) != 700 {
		t.Errorf("%d pages, want 700", len(set.Pages))
	}
	r := set.Score(nil)
	if r.Fit.Pages+r.Check.Pages != len(set.Pages) || r.Fit.Pages < 450 || r.Fit.Pages > 530 {
		t.Errorf("fit %d, check %d pages", r.Fit.Pages, r.Check.Pages)
	}
	if r.All.F1 > 0.01 || r.All.Empty < 690 { // two pages have an empty true body
		t.Errorf("no predictions scored %+v", r.All)
	}
}

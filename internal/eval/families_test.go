package eval

import (
	"context"
	"testing"

	"github.com/wiretrace/wiretrace/cluster"
	"github.com/wiretrace/wiretrace/examples"

	"github.com/wiretrace/wiretrace/trace"
)

// TestHeldOutFamilies holds Compare's answers on the held-out story
// families (nothing is fitted on them) at their floors: the share of
// pairs given the right relation and source, of planted drifts found, of
// pages that plant no drift and get none, and of padding sentences found
// unsupported, and of the story's pages the story clusters put with the
// original and of unrelated pages they keep apart. The bundled families
// are held to every answer by trace's TestExampleFamilies and cluster's.
func TestHeldOutFamilies(t *testing.T) {
	fams, err := HeldOutFamilies()
	if err != nil {
		t.Fatal(err)
	}
	if len(fams) < 3 {
		t.Fatalf("%d held-out families, want at least 3", len(fams))
	}
	s, err := EvalFamilies(context.Background(), "held-out", fams, trace.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	if s.Right.N < 20 || s.Drifts.N < 10 || s.Quiet.N < 10 {
		t.Fatalf("held-out families: %d pairs, %d planted drifts, %d drift-free pages; want at least 20, 10, 10", s.Right.N, s.Drifts.N, s.Quiet.N)
	}
	checkFloor(t, "families.heldout.relation", s.Relation.Value())
	checkFloor(t, "families.heldout.source", s.Source.Value())
	checkFloor(t, "families.heldout.drifts_found", s.Drifts.Value())
	checkFloor(t, "families.heldout.quiet", s.Quiet.Value())
	checkFloor(t, "families.heldout.padding", s.Padding.Value())
	checkFloor(t, "families.heldout.clustered", s.Together.Value())
	checkFloor(t, "families.heldout.apart", s.Apart.Value())
	checkFloor(t, "families.heldout.kept", s.Kept.Value())
	checkFloor(t, "families.heldout.cross", s.Cross.Value())
}

// TestRestyledFamilies holds Compare's answers on the restyled stories'
// check part (nothing is fitted on it, and only the fit part is ever
// studied) at their floors: every restyling judged derived, with the
// right relation, its original as the source and its credit read; the
// pages that plant no drift and get none; the story's pages clustered
// with the original.
func TestRestyledFamilies(t *testing.T) {
	fams, err := RestyledFamilies(Check)
	if err != nil {
		t.Fatal(err)
	}
	s, err := EvalFamilies(context.Background(), "restyled check", fams, trace.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	if len(fams) < 5 || s.Derived.N < 25 || len(s.Styles) < 5 {
		t.Fatalf("restyled check part: %d stories, %d restyled pages, %d styles; want at least 5, 25, 5", len(fams), s.Derived.N, len(s.Styles))
	}
	checkFloor(t, "families.restyled.relation", s.Relation.Value())
	checkFloor(t, "families.restyled.derived", s.Derived.Value())
	checkFloor(t, "families.restyled.source", s.Source.Value())
	checkFloor(t, "families.restyled.credit", s.Credit.Value())
	checkFloor(t, "families.restyled.quiet", s.Quiet.Value())
	checkFloor(t, "families.restyled.clustered", s.Together.Value())
	checkFloor(t, "families.restyled.kept", s.Kept.Value())
	checkFloor(t, "families.restyled.cross", s.Cross.Value())
}

// TestManipulatedFamilies holds Compare's answers on the manipulated
// retellings' check part, on the held-out families' manipulated
// retellings, on the retold stories' check part and on the blind sets
// (all written blind; nothing is fitted on them) at their floors: every retelling judged derived from its
// original, with the manifest's relation; the planted drifts found;
// every manipulated page given at least one drift and the faithful ones
// none.
func TestManipulatedFamilies(t *testing.T) {
	type familySet struct {
		name, floor string
		load        func() ([]examples.Family, error)
		// The set's size: stories, planted drifts and manipulated pages
		// (three a story but in the reports set, one).
		stories, drifts, manipulated int
	}
	sets := []familySet{
		{"manipulated check", "manipulated", func() ([]examples.Family, error) { return ManipulatedFamilies(Check) }, 5, 50, 15},
		{"manipulated held", "manipulated_heldout", HeldOutManipulated, 5, 40, 15},
		{"retold check", "retold", func() ([]examples.Family, error) { return RetoldFamilies(Check) }, 2, 20, 6},
		{"blind check", "blind", func() ([]examples.Family, error) { return BlindFamilies(Check) }, 6, 60, 18},
	}
	// The size of each blind set besides the fit and check parts.
	sizes := map[string][3]int{"targeted": {4, 40, 12}, "late": {15, 180, 45}, "second": {15, 180, 45}, "aimed": {6, 72, 18},
		"third": {15, 180, 45}, "fourth": {15, 180, 45}, "aimed2": {9, 108, 27}, "fifth": {15, 180, 45}, "reports": {15, 75, 15},
		"aimed3": {8, 56, 16}, "aimed4a": {8, 56, 16}, "aimed4b": {8, 56, 16}, "aimed5": {8, 56, 16},
		"aimed6": {8, 56, 16}, "aimed7": {8, 56, 16}, "aimed8": {8, 56, 16}, "aimed9": {8, 40, 16}, "aimed10": {8, 40, 16}, "aimed11": {8, 40, 16}, "aimed12": {8, 40, 16}, "aimed13": {8, 40, 16}, "aimed14": {8, 40, 16}, "aimed15": {8, 40, 16}, "aimed16": {8, 40, 16}, "aimed17": {8, 40, 16}, "aimed18": {8, 40, 16}, "aimed19": {8, 40, 16}, "aimed20": {8, 40, 16}, "aimed21": {8, 40, 16}, "aimed22": {8, 40, 16}, "aimed23": {8, 40, 16}}
	for _, b := range BlindSets {
		size, ok := sizes[b.Dir]
		if !ok {
			t.Fatalf("blind set %s: no size to check it against", b.Dir)
		}
		sets = append(sets, familySet{b.Name, "blind_" + b.Dir, b.Families, size[0], size[1], size[2]})
	}
	for _, set := range sets {
		fams, err := set.load()
		if err != nil {
			t.Fatal(err)
		}
		s, err := EvalFamilies(context.Background(), set.name, fams, trace.DefaultOptions())
		if err != nil {
			t.Fatal(err)
		}
		if len(fams) < set.stories || s.Drifts.N < set.drifts || s.Flagged.N < set.manipulated || s.Quiet.N < set.stories {
			t.Fatalf("%s: %d stories, %d planted drifts, %d manipulated pages, %d faithful ones; want at least %d, %d, %d, %d",
				set.name, len(fams), s.Drifts.N, s.Flagged.N, s.Quiet.N, set.stories, set.drifts, set.manipulated, set.stories)
		}
		figures := []familyFigure{{"derived", s.Derived}, {"relation", s.Relation}, {"source", s.Source}, {"drifts_found", s.Drifts}, {"flagged", s.Flagged}, {"quiet", s.Quiet}}
		if s.Kept.N > 0 {
			// Sets with independent reports and unrelated stories.
			figures = append(figures, familyFigure{"kept", s.Kept}, familyFigure{"cross", s.Cross})
		}
		for _, f := range figures {
			checkFloor(t, "families."+set.floor+"."+f.name, f.r.Value())
		}
	}
}

// TestRunnerUpJoins clusters the restyled stories' fit part with and
// without reading the shortlist's runner-up (cluster.Options
// RunnerUpThreshold): a plain-language retelling whose best-scored
// candidate is another story's plain-language version joins its own
// story, and the restylings after it with it, only when the runner-up is
// read.
func TestRunnerUpJoins(t *testing.T) {
	fams, err := RestyledFamilies(Fit)
	if err != nil {
		t.Fatal(err)
	}
	pages, err := familyPages(fams)
	if err != nil {
		t.Fatal(err)
	}
	together := func(opts cluster.Options) int {
		var s FamilyScore
		s.cluster(fams, pages, opts)
		return s.Together.Hit
	}
	off, on := together(cluster.Options{RunnerUpThreshold: 2}), together(cluster.Options{})
	if on <= off {
		t.Errorf("story pages with their original: %d reading runners-up, %d without; want more with", on, off)
	}
	t.Logf("story pages with their original: %d reading runners-up, %d without", on, off)
}

// TestSplitFamilies holds Compare's answers on the check parts of the
// sets split by story at their floors: on the independent set, each
// original's rewrites judged derived, its reports by other outlets not
// (kept), and neither kind judged made from the other (cross); on the
// partial set, the pages that reprint part of an original among their own
// text judged partial (relation), with the original named (source) and
// its credit seen (credit), none given a drift (quiet), and the report of
// the event by another outlet not derived.
func TestSplitFamilies(t *testing.T) {
	for _, set := range []struct {
		floor                  string
		load                   func(Part) ([]examples.Family, error)
		quiet                  bool
		stories, derived, kept int
	}{
		{"independent", IndependentFamilies, false, 4, 12, 12},
		{"partial", PartialFamilies, true, 4, 16, 4},
	} {
		fams, err := set.load(Check)
		if err != nil {
			t.Fatal(err)
		}
		s, err := EvalFamilies(context.Background(), set.floor+" check", fams, trace.DefaultOptions())
		if err != nil {
			t.Fatal(err)
		}
		if len(fams) < set.stories || s.Derived.N < set.derived || s.Kept.N < set.kept {
			t.Fatalf("%s check part: %d stories, %d pages made from the original, %d not; want at least %d, %d, %d",
				set.floor, len(fams), s.Derived.N, s.Kept.N, set.stories, set.derived, set.kept)
		}
		figures := []familyFigure{{"relation", s.Relation}, {"derived", s.Derived}, {"kept", s.Kept}, {"cross", s.Cross}}
		if set.quiet {
			figures = append(figures, familyFigure{"quiet", s.Quiet}, familyFigure{"source", s.Source}, familyFigure{"credit", s.Credit})
		}
		for _, f := range figures {
			checkFloor(t, "families."+set.floor+"."+f.name, f.r.Value())
		}
	}
}

// familyFigure is one figure of a FamilyScore held at its floor.
type familyFigure struct {
	name string
	r    Ratio
}

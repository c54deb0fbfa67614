package eval

import (
	"context"
	"testing"

	"github.com/wiretrace/wiretrace/internal/sharedtest"
	"github.com/wiretrace/wiretrace/trace"
)

// TestRewritesFloors compares the check part of the llm-rewrites set (its
// pairs, hard negatives and same-event negatives) and holds the figures of
// `wiretrace eval rewrites` to their floors.
func TestRewritesFloors(t *testing.T) {
	t.Parallel()
	pairs, err := LoadRewrites(sharedtest.Dir(t, "eval", "llm-rewrites"))
	if err != nil {
		t.Fatal(err)
	}
	var check []LabelledPair
	for _, p := range RewritePairs(pairs) {
		if p.Part == Check {
			check = append(check, p)
		}
	}
	res, err := EvalRewrites(context.Background(), check, trace.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if n := res.Row("all", Check).N; n < 400 {
		t.Fatalf("only %d check pairs; the set has about 450", n)
	}
	checkFloor(t, "rewrites.check.derived_faithful", res.Row("faithful", Check).Derived)
	checkFloor(t, "rewrites.check.derived_manipulated", res.Row("manipulated", Check).Derived)
	checkFloor(t, "rewrites.check.source_named", res.Row("all", Check).SourceNamed)
	checkFloor(t, "rewrites.check.open_ended_loose", res.Row("open_ended", Check).Derived)
	checkFloor(t, "rewrites.check.hard_negatives_not_derived", res.Negative(HardNegatives, Check).NotDerived)
	checkFloor(t, "rewrites.check.same_event_not_derived", res.Negative(SameEvent, Check).NotDerived)
}

// TestRewritePairsNegatives checks the negative sets on articles written
// for the test: the hard negative of an original is a rewrite of the other
// original that shares the most rare words with it, never of itself.
func TestRewritePairsNegatives(t *testing.T) {
	mk := func(id, orig, rw string) RewritePair {
		return RewritePair{ID: id + "-p", OrigID: id, Kind: "paraphrase", Original: orig, Rewrite: rw}
	}
	// Three originals of one part (keys a and c are both fit, see
	// TestPartOfIsFixed): a and c share rare words, x is off topic.
	pairs := []RewritePair{
		mk("a", "The Korsvik harbour flooded after the Tamsel dam failed. Fishing boats sank, warehouses filled with water and ferries stopped running.",
			"Water from the failed Tamsel dam flooded Korsvik harbour."),
		mk("c", "Engineers inspected the Tamsel dam and the Korsvik locks. Their report praised the concrete, criticised the sluice gates and urged repairs before winter.",
			"The Tamsel dam and Korsvik locks were inspected by engineers."),
	}
	got := RewritePairs(pairs)
	hard := 0
	for _, p := range got {
		if p.Set == HardNegatives {
			hard++
			if p.A.Paragraphs[0] == pairs[0].Original && p.B.Paragraphs[0] != pairs[1].Rewrite {
				t.Errorf("hard negative of a is %q, want c's rewrite", p.B.Paragraphs[0])
			}
		}
	}
	if hard != 2 {
		t.Errorf("%d hard negatives, want one per original (2)", hard)
	}
}

// TestFitPairScores scores fit-part pairs only, in order, each with its
// label and what Compare said: a copy is derived with positive log-odds,
// two unrelated texts are not.
func TestFitPairScores(t *testing.T) {
	story := RewriteArticle("The harbour board of Kellmouth approved a 40 million euro plan to dredge the channel on Tuesday.\n\n" +
		"Board chair Ilse Varga said the work would start in March and take two years.\n\n" +
		"Fishing crews had warned that silt was closing the east berths, forcing boats to wait for high tide.")
	other := RewriteArticle("A new bakery opened on the corner of Lime Street, selling rye loaves and seed buns.\n\n" +
		"Its owner, a former teacher, bakes through the night and sells out by ten.")
	pairs := []LabelledPair{
		{ID: "copy", Set: "rewrites", Kind: "rewrite", Part: Fit, A: story, B: story, Derived: true},
		{ID: "held", Set: "rewrites", Kind: "rewrite", Part: Check, A: story, B: story, Derived: true},
		{ID: "apart", Set: HardNegatives, Kind: "rewrite", Part: Fit, A: story, B: other},
	}
	got, err := FitPairScores(context.Background(), pairs, trace.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].ID != "copy" || got[1].ID != "apart" {
		t.Fatalf("scored %+v, want the fit part's copy and apart pairs in order", got)
	}
	if c := got[0]; !c.Derived || c.Relation != string(trace.Duplicate) || c.DerivedOdds <= 0 || c.WordsA != c.WordsB {
		t.Errorf("copy scored %+v, want a duplicate with positive log-odds", c)
	}
	if a := got[1]; a.Derived || a.Relation == string(trace.Duplicate) || a.DerivedOdds >= 0 || a.Set != HardNegatives {
		t.Errorf("unrelated pair scored %+v, want not derived with negative log-odds", a)
	}
}

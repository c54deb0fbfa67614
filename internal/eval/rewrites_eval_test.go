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

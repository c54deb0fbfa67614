package eval

import (
	"context"
	"testing"

	"github.com/wiretrace/wiretrace/internal/sharedtest"
)

// TestRewritesTraceFloors traces every check-part LLM rewrite
// among every original of the llm-rewrites set and the distractor pages,
// and holds how often the original comes first (trace) and among the first
// ten candidates (retrieval); and the check part's story family pages among
// all the families' pages, how often their original comes first.
func TestRewritesTraceFloors(t *testing.T) {
	t.Parallel()
	dir := sharedtest.Dir(t, "eval")
	r, err := TraceRewrites(context.Background(), dir, RewriteTraceOptions{Part: Check})
	if err != nil {
		t.Fatal(err)
	}
	all, ok := r.Row("all", Check)
	if !ok || all.N < 480 {
		t.Fatalf("traced %d check-part rewrites, want about 490", all.N)
	}
	if r.Originals < 1200 || r.Distractors < 850 {
		t.Fatalf("indexed %d originals and %d distractors, want 1,222 and 879", r.Originals, r.Distractors)
	}
	t.Logf("%d check-part rewrites: top-1 %.6f, top-10 %.6f", all.N, all.Top1, all.Top10)
	checkFloor(t, "rewrites.check.trace_top1", all.Top1)
	checkFloor(t, "rewrites.check.trace_top10", all.Top10)
	// The story families' retellings, each traced among every page of the
	// families (the original and its other retellings) and the distractors.
	for _, set := range []struct {
		name string
		min  int
	}{{"held-out", 20}, {"restyled", 20}, {"manipulated", 20}, {"manipulated-held-out", 20}, {"retold", 8}} {
		row, ok := r.Row("family:"+set.name, Check)
		if !ok || row.N < set.min {
			t.Fatalf("traced %d check-part %s family pages, want at least %d", row.N, set.name, set.min)
		}
		t.Logf("%s family pages: top-1 %.4f of %d", set.name, row.Top1, row.N)
		checkFloor(t, "rewrites.check.trace_family_"+set.name+"_top1", row.Top1)
	}
	if len(r.Hidden) != 1 || r.Hidden[0].Part != Check || r.Hidden[0].N != all.N {
		t.Fatalf("hidden-original rows %+v, want one for the %d check-part rewrites", r.Hidden, all.N)
	}
	// Held as a floor of its complement: the share of traces without
	// their original that the index's evidence adds no match to.
	h := r.Hidden[0]
	t.Logf("with the original hidden: by index %.6f, any match %.6f", h.ByIndex, h.Matched)
	checkFloor(t, "rewrites.check.trace_hidden_no_story", 1-h.ByIndex)
}

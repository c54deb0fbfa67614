package eval

import (
	"context"
	"testing"

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
	if s.Pairs < 20 || s.Planted < 10 || s.Quiet < 10 {
		t.Fatalf("held-out families: %d pairs, %d planted drifts, %d drift-free pages; want at least 20, 10, 10", s.Pairs, s.Planted, s.Quiet)
	}
	checkFloor(t, "families.heldout.relation", s.RelationRate())
	checkFloor(t, "families.heldout.source", rate(s.SourceRight, s.Pairs))
	checkFloor(t, "families.heldout.drifts_found", s.DriftRecall())
	checkFloor(t, "families.heldout.quiet", s.QuietRate())
	checkFloor(t, "families.heldout.padding", rate(s.PaddingFound, s.Padding))
	checkFloor(t, "families.heldout.clustered", rate(s.Together, s.Storied))
	checkFloor(t, "families.heldout.apart", rate(s.Apart, s.Unrelated))
}

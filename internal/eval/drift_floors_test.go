package eval

import (
	"context"
	"testing"

	"github.com/wiretrace/wiretrace/drift"
	"github.com/wiretrace/wiretrace/internal/sharedtest"
	"github.com/wiretrace/wiretrace/trace"
)

// TestDriftFloors measures drift on the check part (the perturbation
// benchmark's recall per edit and precision per kind, the llm-rewrites
// rates as Compare reports them and on the plain alignment, over every
// pair) with MRPC's paraphrases and the example copies, and holds each
// figure at its floor. Lower-is-better rates are held as
// their complement ("quiet" shares).
func TestDriftFloors(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("skipping the drift benchmark in -short mode")
	}
	r, err := EvalDrift(context.Background(), sharedtest.Dir(t, "eval"), trace.Options{}, Check)
	if err != nil {
		t.Fatal(err)
	}
	p := r.Perturb[Check]
	if p == nil || p.Cases < 1000 {
		t.Fatalf("perturbation benchmark: %+v, want the check part's cases", p)
	}
	for _, e := range Edits {
		checkFloor(t, "drift.perturb.recall."+string(e), p.Recall[e].Value())
	}
	for _, k := range []drift.Kind{drift.Number, drift.Role, drift.Quote, drift.Date, drift.Negation, drift.Entity} {
		checkFloor(t, "drift.perturb.precision."+string(k), p.Precision[k].Value())
	}
	checkFloor(t, "drift.perturb.controls_quiet", p.ControlsQuiet.Value())
	reported := r.RewritesReported[Check]
	checkFloor(t, "drift.rewrites_reported.manipulated_flagged", reported.Manipulated.Value())
	checkFloor(t, "drift.rewrites_reported.faithful_quiet", 1-reported.Faithful.Value())
	checkFloor(t, "drift.rewrites_reported.auc", reported.AUC)
	all := r.RewritesAll[Check]
	checkFloor(t, "drift.rewrites_all.manipulated_flagged", all.Manipulated.Value())
	checkFloor(t, "drift.rewrites_all.faithful_quiet", 1-all.Faithful.Value())
	checkFloor(t, "drift.rewrites_all.auc", all.AUC)
	checkFloor(t, "drift.mrpc_quiet", r.MRPC.All.Value())
	checkFloor(t, "drift.mrpc.check_quiet", r.MRPC.Parts[Check].Value())
	if r.CopyDrifts != 0 {
		t.Errorf("%d drifts on the example families' verbatim copies, want 0", r.CopyDrifts)
	}
}

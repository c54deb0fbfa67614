package main

import (
	"context"

	"github.com/wiretrace/wiretrace/internal/eval"
	"github.com/wiretrace/wiretrace/trace"
)

// evalDrift runs `wiretrace eval drift`: the perturbation benchmark, the
// llm-rewrites drift rates, MRPC's false drifts and the example copies
// (internal/eval.EvalDrift), fit and check parts side by side.
func evalDrift(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "eval drift", "[--json] [--data DIR] [--examples N]")
	asJSON := fs.Bool("json", false, "print the result as JSON")
	data := fs.String("data", defaultEvalDir(), "the shared eval folder")
	examples := fs.Int("examples", 0, "also print up to N missed edits and false drifts per edit of the fit part")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("eval drift takes no arguments, got %q", fs.Args())
	}
	r, err := eval.EvalDrift(ctx, *data, trace.Options{})
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(e.stdout, r)
	}
	r.WriteExamples(e.stdout, *examples)
	r.Write(e.stdout)
	return ctx.Err()
}

package main

import (
	"context"
	"encoding/json"

	"github.com/wiretrace/wiretrace/internal/eval"
)

// evalTitle runs `wiretrace eval title`: extract's title chooser refitted
// on the WCXB set's fit part and cross-validated there, beside the fixed
// rules and the check part; the way to judge a title feature on the fit
// part before looking at the check part.
func evalTitle(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "eval title", "[--json] [--data DIR]")
	asJSON := fs.Bool("json", false, "print the result as JSON")
	data := fs.String("data", defaultEvalDir(), "the shared eval folder (or its wcxb-dev/ folder)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("eval title takes no arguments, got %q", fs.Args())
	}
	f, err := eval.EvalTitleChooser(ctx, eval.SetDir(*data, "wcxb-dev", "ground-truth.json"))
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(f)
	}
	eval.WriteTitleChooser(e.stdout, f)
	return nil
}

package main

import (
	"context"
	"io"

	"github.com/wiretrace/wiretrace/internal/eval"
)

// evalChooser returns the job of `wiretrace eval NAME` for one of
// extract's fitted choosers (the date's, the title's): the chooser
// refitted on the WCXB set's fit part and cross-validated there (measure),
// beside the fixed rules and the check part, written by write; the way to
// judge a feature on the fit part before looking at the check part.
func evalChooser(name string, measure func(context.Context, string) (eval.ChooserFigures, error), write func(io.Writer, eval.ChooserFigures)) job {
	return func(ctx context.Context, e *env, args []string) error {
		fs := newFlags(e, "eval "+name, "[--json] [--data DIR]")
		asJSON := fs.Bool("json", false, "print the result as JSON")
		data := fs.String("data", defaultEvalDir(), "the shared eval folder (or its wcxb-dev/ folder)")
		if err := parseFlags(fs, args); err != nil {
			return err
		}
		if fs.NArg() > 0 {
			return usagef("eval %s takes no arguments, got %q", name, fs.Args())
		}
		f, err := measure(ctx, eval.SetDir(*data, "wcxb-dev", "ground-truth.json"))
		if err != nil {
			return err
		}
		if *asJSON {
			return writeJSON(e.stdout, f)
		}
		write(e.stdout, f)
		return nil
	}
}

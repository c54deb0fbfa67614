package main

import (
	"context"

	"github.com/wiretrace/wiretrace/internal/eval"
)

// evalComments runs `wiretrace eval comments`; the work is eval.RunComments.
func evalComments(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "eval comments", "[--json] [--misses]")
	run := eval.CommentsRun{}
	fs.BoolVar(&run.JSON, "json", false, "print the result as JSON")
	fs.BoolVar(&run.Misses, "misses", false, "list the fit part's wrong answers (never the check part's)")
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("eval comments takes no arguments, got %q", rest)
	}
	return eval.RunComments(ctx, e.stdout, run)
}

package main

import (
	"context"

	"github.com/wiretrace/wiretrace/internal/eval"
	"github.com/wiretrace/wiretrace/trace"
)

// evalRewrites runs `wiretrace eval rewrites`: compare on the llm-rewrites
// pairs, per kind and part, and on their hard negatives (eval.EvalRewrites).
func evalRewrites(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "eval rewrites", "[--json] [--data DIR]")
	asJSON := fs.Bool("json", false, "print the result as JSON")
	data := fs.String("data", defaultEvalDir(), "the shared eval folder (or its llm-rewrites/ folder)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("eval rewrites takes no arguments, got %q", fs.Args())
	}
	dir := eval.SetDir(*data, "llm-rewrites", eval.RewritesFile)
	pairs, err := eval.LoadRewrites(dir)
	if err != nil {
		return err
	}
	res, err := eval.EvalRewrites(ctx, eval.RewritePairs(pairs), trace.Options{})
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(e.stdout, res)
	}
	return res.WriteText(e.stdout)
}

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/wiretrace/wiretrace/internal/eval"
	"github.com/wiretrace/wiretrace/trace"
)

// evalRewrites runs `wiretrace eval rewrites`: compare on the llm-rewrites
// pairs, per kind and part, and on their hard negatives (eval.EvalRewrites).
func evalRewrites(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "eval rewrites", "[--json] [--data DIR] [--pairs OUTFILE]")
	asJSON := fs.Bool("json", false, "print the result as JSON")
	pairsFile := fs.String("pairs", "", "write every fit-part pair's relation, source and derived log-odds to this file, one JSON object a line")
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
	labelled := eval.RewritePairs(pairs)
	res, err := eval.EvalRewrites(ctx, labelled, trace.Options{})
	if err != nil {
		return err
	}
	if *pairsFile != "" {
		if err := writePairScores(ctx, *pairsFile, labelled); err != nil {
			return err
		}
	}
	if *asJSON {
		return writeJSON(e.stdout, res)
	}
	return res.WriteText(e.stdout)
}

// writePairScores writes eval.FitPairScores of pairs to path as JSON lines.
func writePairScores(ctx context.Context, path string, pairs []eval.LabelledPair) error {
	scores, err := eval.FitPairScores(ctx, pairs, trace.Options{})
	if err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("write pair scores: %w", err)
	}
	enc := json.NewEncoder(f)
	for _, s := range scores {
		if err := enc.Encode(s); err != nil {
			f.Close()
			return fmt.Errorf("write pair scores to %s: %w", path, err)
		}
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write pair scores to %s: %w", path, err)
	}
	return nil
}

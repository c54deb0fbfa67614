package main

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/wiretrace/wiretrace/internal/eval"
	"github.com/wiretrace/wiretrace/trace"
)

// evalShortAnswers runs `wiretrace eval short-answers`: it compares each
// answer of the Clough & Stevenson corpus of plagiarised short answers with
// its Wikipedia source and reports, per reuse class, the relations found
// and the mean source coverage, which should order the classes non < heavy
// < light < cut, and how well "derived" separates reused answers from
// independent ones.
func evalShortAnswers(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "eval short-answers", "[--json] [--data DIR]")
	asJSON := fs.Bool("json", false, "print the result as JSON")
	data := fs.String("data", defaultEvalDir(), "the shared eval folder (or its short-answers/ folder)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("eval short-answers takes no arguments, got %q", fs.Args())
	}
	dir := eval.SetDir(*data, "short-answers", "file_information.csv")
	res, err := eval.EvalShortAnswers(ctx, dir, trace.DefaultOptions())
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(e.stdout, res)
	}
	fmt.Fprintf(e.stdout, "short answers (Clough & Stevenson) from %s\n", res.Data)
	fmt.Fprintf(e.stdout, "%-6s %4s %8s %9s %8s %10s  relations\n", "class", "n", "derived", "coverage", "support", "similarity")
	for _, c := range res.Classes {
		var rels []string
		for r, n := range c.Relations {
			rels = append(rels, fmt.Sprintf("%s %d", r, n))
		}
		sort.Strings(rels)
		fmt.Fprintf(e.stdout, "%-6s %4d %8.2f %9.3f %8.3f %10.3f  %s\n", c.Class, c.N, c.Derived, c.SourceCoverage, c.DerivedSupport, c.Similarity, strings.Join(rels, ", "))
	}
	fmt.Fprintf(e.stdout, "reused vs non: accuracy %.3f  precision %.3f  recall %.3f  F1 %.3f\n", res.Accuracy, res.Precision, res.Recall, res.F1)
	fmt.Fprintf(e.stdout, "accuracy by part (the relation trains on fit): fit %s, check %s\n", res.PartAccuracy[eval.Fit], res.PartAccuracy[eval.Check])
	fmt.Fprintf(e.stdout, "non < heavy < light < cut by mean coverage: %v, by mean support: %v\n", res.OrderedByCoverage, res.OrderedBySupport)
	return nil
}

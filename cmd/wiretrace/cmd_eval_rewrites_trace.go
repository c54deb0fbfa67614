package main

import (
	"context"
	"fmt"

	"github.com/wiretrace/wiretrace/internal/eval"
)

// evalRewritesTrace runs `wiretrace eval rewrites-trace`: it traces every
// LLM rewrite of the llm-rewrites set among all its originals and the
// distractor pages (the extraction benchmark's and WCXB dev's), and prints
// how often the original comes first, by kind, on the fit and check parts.
func evalRewritesTrace(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "eval rewrites-trace", "[--json] [--data DIR] [--misses]")
	asJSON := fs.Bool("json", false, "print the result as JSON")
	data := fs.String("data", defaultEvalDir(), "the shared eval folder")
	misses := fs.Bool("misses", false, "list the fit part's misses (never the check part's)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("eval rewrites-trace takes no arguments, got %q", fs.Args())
	}
	r, err := eval.TraceRewrites(ctx, *data, eval.RewriteTraceOptions{Misses: *misses})
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(e.stdout, r)
	}
	w := e.stdout
	fmt.Fprintf(w, "trace of LLM rewrites among %d originals and %d distractor pages (%s); family: rows trace the story families' derived pages among their %d pages and the distractors\n", r.Originals, r.Distractors, r.Data, r.Families)
	fmt.Fprintf(w, "%-24s %-5s %5s %7s %7s %11s\n", "kind", "part", "n", "top-1", "top-10", "candidate-1")
	for _, x := range r.Rows {
		fmt.Fprintf(w, "%-24s %-5s %5d %7.4f %7.4f %11.4f\n", x.Kind, x.Part, x.N, x.Top1, x.Top10, x.Candidate1)
	}
	fmt.Fprintln(w, "\nthe same rewrites traced with their original hidden (a source not indexed):")
	fmt.Fprintf(w, "%-5s %5s %9s %9s\n", "part", "n", "by index", "any match")
	for _, h := range r.Hidden {
		fmt.Fprintf(w, "%-5s %5d %9.4f %9.4f\n", h.Part, h.N, h.ByIndex, h.Matched)
	}
	for _, m := range r.Misses {
		fmt.Fprintf(w, "miss %s %s: original at candidate rank %d (%s), first %q (%s)\n", m.Pair, m.Kind, m.Rank, m.Original, m.First, m.Relation)
	}
	return nil
}

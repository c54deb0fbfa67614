package main

import (
	"context"
	"fmt"
	"maps"
	"slices"

	"github.com/wiretrace/wiretrace/examples"
	"github.com/wiretrace/wiretrace/internal/eval"
	"github.com/wiretrace/wiretrace/trace"
)

// evalFamilies runs `wiretrace eval families`: Compare on the bundled
// example families (the relation and cluster models train on them) and on
// the held-out, restyled, manipulated, retold and blind families (nothing is
// fitted on the held-out ones or on a check part), each original against
// each of its pages, checked against the manifests.
func evalFamilies(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "eval families", "[--json] [--misses]")
	asJSON := fs.Bool("json", false, "print the result as JSON")
	misses := fs.Bool("misses", false, "list the wrong answers on the bundled families and the restyled and manipulated fit parts (never the held-out ones' or a check part's)")
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("eval families takes no arguments, got %q", rest)
	}
	type familySet struct {
		name string
		load func() ([]examples.Family, error)
		// studied: its wrong answers may be listed (--misses).
		studied bool
	}
	inPart := func(load func(eval.Part) ([]examples.Family, error), part eval.Part) func() ([]examples.Family, error) {
		return func() ([]examples.Family, error) { return load(part) }
	}
	sets := []familySet{{"bundled", examples.Families, true}, {"held-out", eval.HeldOutFamilies, false},
		{"restyled fit", inPart(eval.RestyledFamilies, eval.Fit), true}, {"restyled check", inPart(eval.RestyledFamilies, eval.Check), false},
		{"manipulated fit", inPart(eval.ManipulatedFamilies, eval.Fit), true}, {"manipulated check", inPart(eval.ManipulatedFamilies, eval.Check), false},
		{"manipulated held", eval.HeldOutManipulated, false},
		{"retold fit", inPart(eval.RetoldFamilies, eval.Fit), true}, {"retold check", inPart(eval.RetoldFamilies, eval.Check), false},
		{"blind fit", inPart(eval.BlindFamilies, eval.Fit), true}, {"blind check", inPart(eval.BlindFamilies, eval.Check), false},
		{"independent fit", inPart(eval.IndependentFamilies, eval.Fit), true}, {"independent check", inPart(eval.IndependentFamilies, eval.Check), false},
		{"partial fit", inPart(eval.PartialFamilies, eval.Fit), true}, {"partial check", inPart(eval.PartialFamilies, eval.Check), false}}
	for _, b := range eval.BlindSets {
		sets = append(sets, familySet{b.Name, b.Families, b.Studied})
	}
	opts := trace.DefaultOptions()
	var scores []eval.FamilyScore
	for _, set := range sets {
		fams, err := set.load()
		if err != nil {
			return fmt.Errorf("loading the %s families: %w", set.name, err)
		}
		s, err := eval.EvalFamilies(ctx, set.name, fams, opts)
		if err != nil {
			return err
		}
		if !set.studied {
			s.Mismatches = nil
		}
		scores = append(scores, s)
	}
	if *asJSON {
		return writeJSON(e.stdout, scores)
	}
	fmt.Fprintf(e.stdout, "story families, each original against each of its pages, and the pages' story clusters (derived: pages made from the original judged derived, whichever relation; clustered: pages of the story in the original's cluster; apart: unrelated pages out of it; kept: pages not made from the original judged not derived; cross: a page made from the original against each page not made from it, both ways, judged not derived). bundled: the relation and cluster models train on them; held-out and every check part: nothing is fitted on them; the restyled, manipulated and retold fit parts train the direction's page stage and the drift model; nothing is fitted on the blind sets: fit, second, third, fourth and aimed4a are studied (their misses read), the others measured only; the independent and partial sets' fit parts may be studied and fitted on, their check parts are measured only\n")
	fmt.Fprintf(e.stdout, "%-17s %5s %6s %9s %8s %7s %9s %7s %14s %6s %11s %8s %9s %9s %7s %9s\n", "set", "pairs", "right", "relation", "derived", "source", "reversed", "credit", "drifts found", "false", "quiet pages", "padding", "clustered", "apart", "kept", "cross")
	for _, s := range scores {
		fmt.Fprintf(e.stdout, "%-17s %5d %6d %9s %8s %7s %9s %7s %14s %6d %11s %8s %9s %9s %7s %9s\n", s.Set, s.Right.N, s.Right.Hit,
			frac(s.Relation), frac(s.Derived), frac(s.Source), frac(s.Reversed), frac(s.Credit), frac(s.Drifts), s.FalseDrifts,
			frac(s.Quiet), frac(s.Padding), frac(s.Together), frac(s.Apart), frac(s.Kept), frac(s.Cross))
	}
	for _, s := range scores {
		if len(s.Styles) == 0 {
			continue
		}
		fmt.Fprintf(e.stdout, "\n%s, relation right by style:", s.Set)
		for _, st := range slices.Sorted(maps.Keys(s.Styles)) {
			fmt.Fprintf(e.stdout, " %s %s", st, frac(s.Styles[st]))
		}
		fmt.Fprintln(e.stdout)
	}
	for _, s := range scores {
		if len(s.Kinds) == 0 {
			continue
		}
		fmt.Fprintf(e.stdout, "\n%s, planted drifts found by kind:", s.Set)
		for _, k := range slices.Sorted(maps.Keys(s.Kinds)) {
			fmt.Fprintf(e.stdout, " %s %s", k, frac(s.Kinds[k]))
		}
		fmt.Fprintf(e.stdout, "; pages with planted drifts flagged %s, pages without quiet %s\n", frac(s.Flagged), frac(s.Quiet))
	}
	if *misses {
		for _, s := range scores {
			for _, m := range s.Mismatches {
				fmt.Fprintln(e.stdout, "miss", s.Set, m)
			}
		}
	}
	return nil
}

// frac writes a ratio as hits/cases, as the table's cells are.
func frac(r eval.Ratio) string { return fmt.Sprintf("%d/%d", r.Hit, r.N) }

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
	bundled, err := examples.Families()
	if err != nil {
		return err
	}
	held, err := eval.HeldOutFamilies()
	if err != nil {
		return err
	}
	restyledFit, err := eval.RestyledFamilies(eval.Fit)
	if err != nil {
		return err
	}
	restyledCheck, err := eval.RestyledFamilies(eval.Check)
	if err != nil {
		return err
	}
	manipulatedFit, err := eval.ManipulatedFamilies(eval.Fit)
	if err != nil {
		return err
	}
	manipulatedCheck, err := eval.ManipulatedFamilies(eval.Check)
	if err != nil {
		return err
	}
	manipulatedHeld, err := eval.HeldOutManipulated()
	if err != nil {
		return err
	}
	retoldFit, err := eval.RetoldFamilies(eval.Fit)
	if err != nil {
		return err
	}
	retoldCheck, err := eval.RetoldFamilies(eval.Check)
	if err != nil {
		return err
	}
	blindFit, err := eval.BlindFamilies(eval.Fit)
	if err != nil {
		return err
	}
	blindCheck, err := eval.BlindFamilies(eval.Check)
	if err != nil {
		return err
	}
	blindTargeted, err := eval.BlindTargetedFamilies()
	if err != nil {
		return err
	}
	blindLate, err := eval.BlindLateFamilies()
	if err != nil {
		return err
	}
	blindSecond, err := eval.BlindSecondFamilies()
	if err != nil {
		return err
	}
	blindAimed, err := eval.BlindAimedFamilies()
	if err != nil {
		return err
	}
	blindThird, err := eval.BlindThirdFamilies()
	if err != nil {
		return err
	}
	blindFourth, err := eval.BlindFourthFamilies()
	if err != nil {
		return err
	}
	blindAimed2, err := eval.BlindAimed2Families()
	if err != nil {
		return err
	}
	blindFifth, err := eval.BlindFifthFamilies()
	if err != nil {
		return err
	}
	opts := trace.DefaultOptions()
	var scores []eval.FamilyScore
	for _, set := range []struct {
		name string
		fams []examples.Family
		// studied: its wrong answers may be listed (--misses).
		studied bool
	}{{"bundled", bundled, true}, {"held-out", held, false}, {"restyled fit", restyledFit, true}, {"restyled check", restyledCheck, false},
		{"manipulated fit", manipulatedFit, true}, {"manipulated check", manipulatedCheck, false},
		{"manipulated held", manipulatedHeld, false}, {"retold fit", retoldFit, true}, {"retold check", retoldCheck, false},
		{"blind fit", blindFit, true}, {"blind check", blindCheck, false}, {"blind targeted", blindTargeted, false},
		{"blind late", blindLate, false}, {"blind second", blindSecond, true},
		{"blind aimed", blindAimed, false}, {"blind third", blindThird, true}, {"blind fourth", blindFourth, true},
		{"blind aimed2", blindAimed2, false}, {"blind fifth", blindFifth, false}} {
		s, err := eval.EvalFamilies(ctx, set.name, set.fams, opts)
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
	fmt.Fprintf(e.stdout, "story families, each original against each of its pages, and the pages' story clusters (derived: pages made from the original judged derived, whichever relation; clustered: pages of the story in the original's cluster; apart: unrelated pages out of it). bundled: the relation and cluster models train on them; held-out and every check part: nothing is fitted on them; the restyled, manipulated and retold fit parts train the direction's page stage and the drift model; nothing is fitted on the blind sets: fit, second, third and fourth are studied (their misses read), the others measured only\n")
	fmt.Fprintf(e.stdout, "%-17s %5s %6s %9s %8s %7s %9s %7s %14s %6s %11s %8s %9s %9s\n", "set", "pairs", "right", "relation", "derived", "source", "reversed", "credit", "drifts found", "false", "quiet pages", "padding", "clustered", "apart")
	for _, s := range scores {
		fmt.Fprintf(e.stdout, "%-17s %5d %6d %9s %8s %7s %9s %7s %14s %6d %11s %8s %9s %9s\n", s.Set, s.Right.N, s.Right.Hit,
			frac(s.Relation), frac(s.Derived), frac(s.Source), frac(s.Reversed), frac(s.Credit), frac(s.Drifts), s.FalseDrifts,
			frac(s.Quiet), frac(s.Padding), frac(s.Together), frac(s.Apart))
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

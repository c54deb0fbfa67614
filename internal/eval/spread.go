package eval

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
)

// A bagged model (fitBagged) is the mean of models each fitted without
// one bag of its examples; which example falls in which bag is arbitrary,
// and another dealing gives another model with other figures. The spread
// reports below refit such a model with its examples dealt n other ways
// (deal) and print each figure's value for the shipped dealing beside
// its mean, least and greatest over all: how far a refit alone moves a
// figure, to read a change's effect against. A change that moves the
// examples refits the model, and a floor set at the best value reached
// may fall by this spread with no change in what the model knows.

// RelationSpread writes the spread report of the relation's derived
// model (`wiretrace train relation --spread n`): per set and part, the
// share of pairs decided right and of the derived ones judged derived
// the share whose original is named, and the decision threshold.
func RelationSpread(ctx context.Context, w io.Writer, rewritesDir, shortAnswersDir string, n int) error {
	ex, err := relationExamples(ctx, rewritesDir, shortAnswersDir)
	if err != nil {
		return err
	}
	var runs [][]relationCount
	var thresholds []float64
	for a := 0; a <= n; a++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		fit := fitRelation(ex, a)
		runs = append(runs, relationCounts(ex, fit))
		thresholds = append(thresholds, fit.Threshold)
	}
	fmt.Fprintf(w, "the derived model refitted with its examples dealt to its %d bags %d ways (the shipped dealing first)\n", bags, n+1)
	fmt.Fprintf(w, "%-26s %5s  %-34s  %s\n", "set part", "pairs", "derived decided right", "original named")
	fmt.Fprintf(w, "%-26s %5s  %-34s  %s\n", "", "", spreadHeader, spreadHeader)
	for i, c := range runs[0] {
		right := make([]float64, len(runs))
		named := make([]float64, len(runs))
		for k, r := range runs {
			right[k], named[k] = r[i].right(), r[i].originals()
		}
		originals := "" // no derived pair judged derived: no original to name
		if c.found > 0 {
			originals = spreadCells(named)
		}
		fmt.Fprintln(w, strings.TrimRight(fmt.Sprintf("%-26s %5d  %-34s  %s", c.key, c.n, spreadCells(right), originals), " "))
	}
	fmt.Fprintf(w, "%-32s  %s\n", "threshold", spreadCells(thresholds))
	return nil
}

// DriftSpread writes the spread report of the drift model (`wiretrace
// train drift --spread n`): per part, the shares of the manipulated and
// the faithful rewrites judged derived that are reported with a drift,
// the AUC of the drift score, and the threshold.
func DriftSpread(ctx context.Context, w io.Writer, rewritesDir string, n int) error {
	d, err := driftExamples(ctx, rewritesDir)
	if err != nil {
		return err
	}
	var runs []map[Part]*RewriteRates
	var thresholds []float64
	for a := 0; a <= n; a++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		fit := d.fit(a)
		runs = append(runs, fit.rates(d.outs, fit.Threshold, nil))
		thresholds = append(thresholds, fit.Threshold)
	}
	fmt.Fprintf(w, "the drift model refitted with its examples dealt to its %d bags %d ways (the shipped dealing first); pairs judged derived\n", bags, n+1)
	fmt.Fprintf(w, "%-32s  %s\n", "figure", spreadHeader)
	for _, part := range []Part{Fit, Check} {
		for _, fig := range []struct {
			name string
			of   func(*RewriteRates) float64
		}{
			{"manipulated with a drift", func(r *RewriteRates) float64 { return r.Manipulated.Value() }},
			{"faithful with a drift", func(r *RewriteRates) float64 { return r.Faithful.Value() }},
			{"AUC", func(r *RewriteRates) float64 { return r.AUC }},
		} {
			vs := make([]float64, len(runs))
			for k, r := range runs {
				if r[part] != nil {
					vs[k] = fig.of(r[part])
				}
			}
			fmt.Fprintf(w, "%-32s  %s\n", string(part)+" "+fig.name, spreadCells(vs))
		}
	}
	fmt.Fprintf(w, "%-32s  %s\n", "threshold", spreadCells(thresholds))
	return nil
}

// spreadHeader heads the cells spreadCells writes.
const spreadHeader = "shipped   mean    min     max"

// spreadCells writes vs's first value (the shipped dealing's), mean,
// least and greatest.
func spreadCells(vs []float64) string {
	mean := 0.0
	for _, v := range vs {
		mean += v
	}
	mean /= float64(len(vs))
	return fmt.Sprintf("%.4f    %.4f  %.4f  %.4f", vs[0], mean, slices.Min(vs), slices.Max(vs))
}

package eval

import (
	"bytes"
	"context"
	"fmt"
	"go/format"
	"math"

	"github.com/wiretrace/wiretrace/drift"
	"github.com/wiretrace/wiretrace/trace"
)

// faithfulTarget is the ceiling on the share of faithful
// rewrites (judged derived) reported with a drift, on pairs the model was
// not fitted on; faithfulZ is the one-sided 97.5% normal quantile. The
// threshold is the lowest of about a hundred that keeps the bound, which
// favours one whose fit-part share came out low by chance, so the bound
// is wider than a single threshold's 95% one: with 1.645, the rule
// took the threshold from 0.65 to 0.55 once Find reported fewer false
// drifts, and the check part's faithful share rose to 0.155, above the
// ceiling the rule is there to hold.
const (
	faithfulTarget = 0.15
	faithfulZ      = 1.96
)

// faithfulBound is the one-sided 97.5% upper bound on the faithful share
// that a threshold reaching share p on n fit-part faithful pairs will
// show on a held-out part of the size the split keeps out
// (n·(100-fitShare)/fitShare): p plus faithfulZ standard errors of the
// difference of two independent shares. The threshold is the lowest at
// which the bound stays at or under faithfulTarget, so the rule reads the
// fit part alone.
func faithfulBound(p float64, n int) float64 {
	if n == 0 {
		return 1
	}
	held := float64(n) * (100 - fitShare) / fitShare
	return p + faithfulZ*math.Sqrt(p*(1-p)*(1/float64(n)+1/held))
}

// driftDepth is the depth of the drift model's trees: stumps, one signal
// each (depth two reached the same check AUC, 0.9117).
const driftDepth = 1

// driftSigns holds every stump of the drift model to its signal's side:
// more facts the source lacks, more unbacked sentences, more changed
// figures can never make a rewrite look more faithful.
var driftSigns = []int8{+1, +1, +1, +1, +1, +1, +1, +1, +1, +1}

// DriftFit is the outcome of FitDrift: the drift model, its threshold,
// and the figures they reach on each part of llm-rewrites.
type DriftFit struct {
	Model     trace.Trees
	Threshold float64
	// Figures are lines "part: measure value" for the weights' comment.
	Figures []string
}

// FitDrift compares every llm-rewrites pair (RunRewrites) and fits the
// drift model, boosted stumps (fitBagged, depth one: a sum of one step
// function of each signal, each monotone by driftSigns), on the fit
// part's pairs judged derived (but those Compare reads with the rewrite
// as source): the review's signals (drift.SignalNames), manipulated
// rewrites against faithful ones, with the story sets' fit-part pages
// beside them (storyDriftExamples). The threshold is the lowest, on a 0.01 grid, at
// which the share of the fit part's faithful pairs reported with a drift
// (a found drift, or a suspected one at or above it) keeps faithfulBound
// at or under faithfulTarget. The check part is measured, never fitted.
func FitDrift(ctx context.Context, rewritesDir string) (*DriftFit, error) {
	d, err := driftExamples(ctx, rewritesDir)
	if err != nil {
		return nil, err
	}
	return d.fit(0), nil
}

// driftData is what the drift model is fitted on: every llm-rewrites
// pair compared, and the examples (signals, manipulated or not).
type driftData struct {
	outs []RewriteOutcome
	// xOf is the example of each of outs (an index into X), -1 for the
	// outcomes not fitted on.
	xOf []int
	X   [][]float64
	y   []bool
}

// driftExamples compares every llm-rewrites pair and gathers FitDrift's
// examples.
func driftExamples(ctx context.Context, rewritesDir string) (*driftData, error) {
	pairs, err := LoadRewrites(rewritesDir)
	if err != nil {
		return nil, err
	}
	outs, err := RunRewrites(ctx, pairs, trace.Options{})
	if err != nil {
		return nil, err
	}
	var X [][]float64
	var y []bool
	xOf := make([]int, len(outs))
	// The pairs whose drift Compare reads with the original as source:
	// judged derived with the original named, or with the direction
	// unknown (Compare then reads a, the original, as the source), so the
	// examples stay the same when the direction names more originals.
	for k, o := range outs {
		xOf[k] = -1
		if o.Relation.Derived() && o.Source != trace.SourceB && o.Pair.Part() == Fit {
			xOf[k] = len(X)
			X = append(X, o.Review.Signals)
			y = append(y, *o.Pair.Manipulated)
		}
	}
	if len(X) == 0 {
		return nil, fmt.Errorf("fit drift model on %s: no fit-part pair judged derived", rewritesDir)
	}
	// The story sets' fit-part pages beside them, one example each: full
	// pages with a few planted changes, where the llm-rewrites'
	// manipulated retellings change much.
	sx, sy, err := storyDriftExamples()
	if err != nil {
		return nil, err
	}
	return &driftData{outs: outs, xOf: xOf, X: append(X, sx...), y: append(y, sy...)}, nil
}

// fit fits the drift model and its threshold, the examples dealt to the
// model's bags by dealing (see deal). The threshold is read from the fit
// part's scores out of fold (outOfFold, thresholdDealings ways): a
// model's score on the pairs it was fitted on flatters the faithful ones,
// so a threshold chosen on them moved whenever Find's reports changed
// what the model had learnt.
func (d *driftData) fit(dealing int) *DriftFit {
	ones := make([]float64, len(d.X))
	for i := range ones {
		ones[i] = 1
	}
	// Stumps read each signal's steps (a first changed figure counts more
	// than a fifth) where a logistic model weighs it linearly: check AUC
	// 0.9001 -> 0.9116 with the same signals and examples.
	fit := &DriftFit{Model: fitBagged(d.X, d.y, ones, driftSigns, driftDepth, dealing)}
	oof := outOfFold(d.X, d.y, ones, driftSigns, driftDepth, thresholdDealings)
	heldOut := func(k int, o RewriteOutcome) float64 {
		if i := d.xOf[k]; i >= 0 {
			return oof[i]
		}
		return fit.Model.Score(o.Review.Signals)
	}
	fit.Threshold = 0.99
	for t := 0.01; t < 0.99; t += 0.01 {
		if r := fit.rates(d.outs, t, heldOut)[Fit]; faithfulBound(r.Faithful.Value(), r.Faithful.N) <= faithfulTarget {
			fit.Threshold = float64(int(t*100+0.5)) / 100
			break
		}
	}
	for _, part := range []Part{Fit, Check} {
		r := fit.rates(d.outs, fit.Threshold, nil)[part]
		fit.Figures = append(fit.Figures, fmt.Sprintf("%-6s manipulated with a drift %s, faithful %s, AUC %.4f",
			part+":", r.Manipulated, r.Faithful, r.AUC))
	}
	return fit
}

// thresholdDealings is how many ways outOfFold deals the drift examples
// to its folds for the threshold's scores.
const thresholdDealings = 3

// rates scores the outcomes judged derived as Compare would with the
// fitted model and threshold t; score, when not nil, gives the k-th
// outcome's score instead of the model.
func (f *DriftFit) rates(outs []RewriteOutcome, t float64, score func(k int, o RewriteOutcome) float64) map[Part]*RewriteRates {
	scored := make([]RewriteOutcome, 0, len(outs))
	for k, o := range outs {
		if !o.Derived {
			continue
		}
		if score != nil {
			o.Score = score(k, o)
		} else {
			o.Score = f.Model.Score(o.Review.Signals)
		}
		o.Drifts = o.Review.Drifts(o.Score >= t, o.Relation == trace.Partial)
		scored = append(scored, o)
	}
	return ScoreRewrites(scored, false)
}

// GoSource returns drift_weights.go for package trace: the fitted drift
// model and threshold with the figures they reached and the command that
// fits them.
func (f *DriftFit) GoSource() ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("// Code generated by `wiretrace train drift`; DO NOT EDIT.\n\npackage trace\n\n")
	fmt.Fprintf(&b, "// The drift model: boosted stumps (%d rounds, step %.1f, Newton steps on\n", treeRounds, treeRate)
	fmt.Fprintf(&b, "// the logistic loss, the mean of %d models each fitted without 1/%d of the\n", bags, bags)
	b.WriteString("// examples, every stump monotone in its signal) over drift.Examine's\n")
	b.WriteString("// signals, fitted on the fit part of ../shared/eval/llm-rewrites (pairs\n")
	b.WriteString("// Compare judges derived), rewrites told to change facts against rewrites\n")
	b.WriteString("// told to keep them, and on the fit parts of the story sets (restyled,\n")
	b.WriteString("// manipulated, retold: pages judged derived, with planted changes against\n")
	b.WriteString("// pages without). Refit with:\n")
	b.WriteString("//\n//\twiretrace train drift > trace/drift_weights.go\n//\n")
	b.WriteString("// Figures reached (pairs judged derived; a pair is reported with a drift\n")
	b.WriteString("// when Find found one or the score reaches the threshold and a fact only\n")
	b.WriteString("// the rewrite states is there to report):\n//\n")
	for _, l := range f.Figures {
		fmt.Fprintf(&b, "//\t%s\n", l)
	}
	b.WriteString("var (\n")
	writeTrees(&b, "", "driftModel", "scores a rewrite as having changed its source's facts", drift.SignalNames, &f.Model)
	fmt.Fprintf(&b, "\t// driftThreshold is the lowest score at which the share of the fit\n")
	fmt.Fprintf(&b, "\t// part's faithful rewrites reported with a drift, plus %.3f standard\n", faithfulZ)
	fmt.Fprintf(&b, "\t// errors of its difference from a held-out part's, is at most %.2f.\n", faithfulTarget)
	fmt.Fprintf(&b, "\tdriftThreshold = %.2f\n)\n", f.Threshold)
	return format.Source(b.Bytes())
}

// storyDriftExamples returns the drift signals of the story sets' fit-part
// pages (familyPairs) judged derived from their original, each labelled
// by whether changes were planted in it.
func storyDriftExamples() ([][]float64, []bool, error) {
	pairs, err := familyPairs()
	if err != nil {
		return nil, nil, fmt.Errorf("fit drift model: %w", err)
	}
	var X [][]float64
	var y []bool
	for _, p := range pairs {
		if p.Set != storySet || p.Part != Fit || p.drifts == nil {
			continue
		}
		if r := trace.Compare(p.A, p.B, trace.Options{}); r.Relation.Derived() {
			X = append(X, r.DriftReview().Signals)
			y = append(y, len(p.drifts) > 0)
		}
	}
	return X, y, nil
}

package eval

// newFactWeight is how much one new fact (drift.NewFacts) counts in
// DriftScore against one drift. Fitted by `wiretrace eval drift --fit`
// (FitDriftScore) on the fit part of llm-rewrites, pairs judged derived,
// for the highest AUC of manipulated against faithful pairs: 32, fit AUC
// 0.5870 (1 gave 0.5776; check part with 32: see floors.txt,
// drift.rewrites_all.auc).
var newFactWeight = 32.0

// DriftScore is the per-pair drift score of a rewrite: its drifts and the
// facts it brings in that its original states nowhere (weighted by
// newFactWeight), per sentence of the rewrite.
func DriftScore(o RewriteOutcome) float64 {
	return (float64(len(o.Drifts)) + newFactWeight*float64(o.NewFacts)) / float64(max(1, o.Sentences))
}

// FitDriftScore picks newFactWeight on the fit part of llm-rewrites (pairs
// judged derived): the weight of a grid, doubling from 1/8 to 64, whose
// DriftScore separates manipulated from faithful pairs with the highest
// AUC. It returns the weight and that AUC; newFactWeight is left as it
// was.
func FitDriftScore(outs []RewriteOutcome) (weight, auc float64) {
	saved := newFactWeight
	defer func() { newFactWeight = saved }()
	var fit []RewriteOutcome
	for _, o := range outs {
		if o.Pair.Part() == Fit {
			fit = append(fit, o)
		}
	}
	for w := 0.125; w <= 64; w *= 2 {
		newFactWeight = w
		if a := ScoreRewrites(fit, DriftScore, false)[Fit].AUC; a > auc {
			weight, auc = w, a
		}
	}
	return weight, auc
}

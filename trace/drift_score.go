package trace

import "github.com/wiretrace/wiretrace/drift"

// ScoreDrift is the drift model's probability that a rewrite changed its
// source's facts, read from the review's signals (drift.SignalNames):
// boosted stumps fitted by `wiretrace train drift` on llm-rewrites
// rewrites told to change facts against those told to keep them and on
// the story sets' fit-part pages (see drift_weights.go).
func ScoreDrift(rv drift.Review) float64 { return driftModel.Score(rv.Signals) }

// Changed reports whether a drift score says the rewrite changed facts,
// so that its suspected drifts are reported too.
func Changed(score float64) bool { return score >= driftThreshold }

package eval

// DriftScore is the per-pair drift score of a rewrite: its drifts per
// sentence of the rewrite.
func DriftScore(o RewriteOutcome) float64 {
	return float64(len(o.Drifts)) / float64(max(1, o.Sentences))
}

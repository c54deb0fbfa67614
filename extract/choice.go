package extract

// linearModel is a fitted linear score over a candidate's features.
type linearModel struct {
	W []float64
}

func (l linearModel) score(x []float64) float64 {
	s := 0.0
	for i, w := range l.W {
		if i < len(x) {
			s += w * x[i]
		}
	}
	return s
}

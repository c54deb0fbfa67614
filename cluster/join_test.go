package cluster

import (
	"math/rand/v2"
	"testing"
)

// TestSharedSet checks that every added word slot is found with its
// weight, marks start cleared, and a slot never added is not found.
func TestSharedSet(t *testing.T) {
	var s sharedSet
	r := rand.New(rand.NewPCG(1, 2))
	for round := range 3 {
		s.reset()
		in := map[int32]float32{}
		for len(in) < sharedSetSize {
			sl, w := r.Int32N(1<<20), r.Float32()
			if _, ok := in[sl]; !ok {
				in[sl] = w
				s.add(sl, w)
			}
		}
		for sl, w := range in {
			i := s.find(sl)
			if i < 0 || s.w[i] != w || s.mark[i] {
				t.Fatalf("round %d: slot %d: index %d, want weight %v unmarked", round, sl, i, w)
			}
			s.mark[i] = true
		}
		for range 1000 {
			sl := r.Int32N(1 << 20)
			if _, ok := in[sl]; !ok && s.find(sl) >= 0 {
				t.Fatalf("round %d: slot %d found but never added", round, sl)
			}
		}
	}
}

// TestJoinModelSigns checks that the fitted model rises with the score and
// the margin and falls as the shared words are another cluster's too.
func TestJoinModelSigns(t *testing.T) {
	base := JoinFeatures{featScore: 0.3, featMargin: 0.1, featQueryShare: 0.2, featShared: 2, featWithOther: 0.3}
	p := JoinModel.Probability(base)
	for k, delta := range map[int]float64{featScore: 0.2, featMargin: 0.2, featWithOther: -0.3} {
		f := base
		f[k] += delta
		if q := JoinModel.Probability(f); q <= p {
			t.Errorf("%s %+.1f: probability %.3f, not above %.3f", JoinFeatureNames[k], delta, q, p)
		}
	}
}

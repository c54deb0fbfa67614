package cluster

import (
	"math/rand/v2"
	"slices"
	"testing"
)

func TestRarest(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, tc := range []struct{ n, k, m, values int }{
		{0, 4, 2, 10}, {3, 4, 2, 10}, {4, 4, 4, 10}, {5, 4, 2, 10}, {100, 1, 1, 1000},
		{300, 128, 64, 1000},
		{300, 128, 64, 3}, // many ties
		{1000, 999, 500, 50},
	} {
		xs := make([]uint64, tc.n)
		for i := range xs {
			xs[i] = uint64(r.IntN(tc.values))
		}
		want := slices.Sorted(slices.Values(xs))
		got := rarest(xs, tc.k, tc.m)
		if len(got) != min(tc.n, tc.k) {
			t.Fatalf("rarest(%d, %d) of %d: %d values", tc.k, tc.m, tc.n, len(got))
		}
		first := slices.Sorted(slices.Values(got[:min(len(got), tc.m)]))
		all := slices.Sorted(slices.Values(got))
		if !slices.Equal(all, want[:len(got)]) || !slices.Equal(first, want[:len(first)]) {
			t.Errorf("rarest(%d, %d) of %d = %v, want the smallest of %v", tc.k, tc.m, tc.n, got, want)
		}
	}
}

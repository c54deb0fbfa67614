package eval

import (
	"context"
	"math"
	"testing"

	"github.com/wiretrace/wiretrace/cluster"
	"github.com/wiretrace/wiretrace/internal/sharedtest"
)

func TestAdjustedRand(t *testing.T) {
	for _, tc := range []struct {
		name       string
		gold, pred []string
		want       float64
	}{
		{"same", []string{"a", "a", "b", "b"}, []string{"x", "x", "y", "y"}, 1},
		{"renamed", []string{"a", "a", "b"}, []string{"2", "2", "1"}, 1},
		// The sklearn documentation's example: 0.571...
		{"partial", []string{"0", "0", "1", "1"}, []string{"0", "0", "1", "2"}, 0.5714285714285715},
		{"all apart against one story", []string{"a", "a", "a", "a"}, []string{"1", "2", "3", "4"}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := AdjustedRand(tc.gold, tc.pred); math.Abs(got-tc.want) > 1e-9 {
				t.Errorf("ARI = %v, want %v", got, tc.want)
			}
		})
	}
}

// TestClusterFloors clusters the story-clustering set as `wiretrace eval
// clusters` does (its 3,575 items, a few seconds, most of them
// fingerprinting) and holds the check part's ARI and share of originals
// clustered with all their rewrites.
func TestClusterFloors(t *testing.T) {
	t.Parallel()
	items, err := LoadClusterSet(sharedtest.Dir(t, "eval"))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	r, err := EvalClusters(ctx, items, cluster.Options{}, ClusterFingerprints(items))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("check: %+v", r.Check)
	checkFloor(t, "clusters.check.ari", r.Check.ARI)
	checkFloor(t, "clusters.check.originals_with_all_rewrites", r.Check.OriginalsWithAll)
}

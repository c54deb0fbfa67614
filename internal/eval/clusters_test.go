package eval

import (
	"context"
	"math"
	"slices"
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

// TestClusterFloors clusters the check part of the story-clustering set
// alone (its 1,076 items, a few seconds) by the index's candidates and
// holds its ARI and the share of originals clustered with all their
// rewrites (`wiretrace eval clusters --linked` clusters both parts
// together, so its check figures differ a little).
func TestClusterFloors(t *testing.T) {
	items, err := LoadClusterSet(sharedtest.Dir(t, "eval"))
	if err != nil {
		t.Fatal(err)
	}
	items = slices.DeleteFunc(items, func(it ClusterItem) bool { return it.Part != Check })
	ctx := context.Background()
	cands, err := ClusterCandidates(ctx, items)
	if err != nil {
		t.Fatal(err)
	}
	r, err := EvalClusters(ctx, items, cluster.Options{Linked: true}, cands)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("check: %+v", r.Check)
	checkFloor(t, "clusters.check.ari", r.Check.ARI)
	checkFloor(t, "clusters.check.originals_with_all_rewrites", r.Check.OriginalsWithAll)
}

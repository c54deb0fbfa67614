package index_test

import (
	"context"
	"math"
	"testing"

	"github.com/wiretrace/wiretrace/index"
	"github.com/wiretrace/wiretrace/internal/benchindex"
)

// TestCommonKeysChangeNothing checks that remembering the terms whose
// lists reached their limit returns what a fresh Index returns, before
// and after a deletion.
func TestCommonKeysChangeNothing(t *testing.T) {
	ctx := context.Background()
	st := openStore(t, t.TempDir())
	warm := index.New(st)
	c := benchindex.Corpus{Seed: 3}
	n, queries := 1500, 20
	if testing.Short() || raceEnabled {
		queries = 4
	}
	if _, err := warm.Ingest(ctx, feed(c, 0, n), index.Options{NoExistCheck: true}); err != nil {
		t.Fatal(err)
	}
	same := func(stage string) {
		t.Helper()
		for j := range queries {
			q, _, _ := c.Query(j, n)
			got, err := warm.Candidates(ctx, q, index.QueryOptions{})
			if err != nil {
				t.Fatal(err)
			}
			want, err := index.New(st).Candidates(ctx, q, index.QueryOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(want) {
				t.Fatalf("%s, query %d: %d candidates, a fresh index %d", stage, j, len(got), len(want))
			}
			for i := range got {
				if got[i].ID != want[i].ID || math.Abs(got[i].Score-want[i].Score) > 1e-9 {
					t.Errorf("%s, query %d, candidate %d: %s %.6f, a fresh index %s %.6f",
						stage, j, i, got[i].ID, got[i].Score, want[i].ID, want[i].Score)
				}
			}
		}
	}
	same("first pass")
	if terms, _ := warm.CommonKeys(); terms == 0 {
		t.Fatal("no common term learned; the corpus is too small for the test")
	}
	same("second pass")
	var ids []string
	for i := range 400 {
		a, _, _ := c.Article(i)
		ids = append(ids, a.ID())
	}
	if err := warm.Delete(ctx, ids...); err != nil {
		t.Fatal(err)
	}
	if terms, bands := warm.CommonKeys(); terms+bands != 0 {
		t.Errorf("after a deletion %d terms and %d bands still known common", terms, bands)
	}
	same("after deletion")
}

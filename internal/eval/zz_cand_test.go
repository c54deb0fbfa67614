package eval

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/wiretrace/wiretrace/index"
)

func TestZZCand(t *testing.T) {
	dir := "../../../shared/eval"
	ctx := context.Background()
	pairs, err := LoadRewrites(filepath.Join(dir, "llm-rewrites"))
	if err != nil {
		t.Fatal(err)
	}
	rix, err := openRewritesIndex(ctx, dir, pairs, true)
	if err != nil {
		t.Fatal(err)
	}
	defer rix.Close()
	only := os.Getenv("ZZID")
	hist := map[string]int{}
	for _, p := range pairs {
		if p.Part() != Fit || !p.Derived() {
			continue
		}
		if only != "" && p.ID != only {
			continue
		}
		isOrig := rix.isOriginal(p)
		q := RewriteArticle(p.Rewrite)
		cands, err := rix.ix.Candidates(ctx, q, index.QueryOptions{K: 30, MinScore: 1e-9})
		if err != nil {
			t.Fatal(err)
		}
		r := 1 + slices.IndexFunc(cands, func(c index.Candidate) bool { return isOrig(c.ID) })
		b := "none"
		switch {
		case r == 1:
			b = "1"
		case r > 1 && r <= 5:
			b = "2-5"
		case r > 5:
			b = "6-30"
		}
		hist[b]++
		if r != 1 && (only != "" || os.Getenv("ZZSHOW") != "") {
			fmt.Printf("%s %s rank %d\n", p.ID, p.Kind, r)
			for i, c := range cands[:min(6, len(cands))] {
				fmt.Printf("   %d orig=%v score=%.3f sim=%.3f ts=%.3f sup=%.3f bands=%d terms=%d\n", i+1, isOrig(c.ID), c.Score, c.Similarity, c.TermScore, c.Support, c.Bands, c.Terms)
			}
			if r > 6 {
				c := cands[r-1]
				fmt.Printf("   %d orig=%v score=%.3f sim=%.3f ts=%.3f sup=%.3f bands=%d terms=%d\n", r, true, c.Score, c.Similarity, c.TermScore, c.Support, c.Bands, c.Terms)
			}
		}
	}
	fmt.Println(hist)
}

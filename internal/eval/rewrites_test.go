package eval

import (
	"path/filepath"
	"testing"

	"github.com/wiretrace/wiretrace/internal/sharedtest"
)

func TestLoadRewritesSplitsByOriginal(t *testing.T) {
	dir := sharedtest.Dir(t, "eval", "llm-rewrites")
	pairs, err := LoadRewrites(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(pairs) < 1000 {
		t.Fatalf("loaded %d pairs, want the whole set (1,649)", len(pairs))
	}
	partOf := map[string]Part{"a": Fit, "b": Check, "c": Fit, "f": Check}
	fit := 0
	for _, p := range pairs {
		if q, ok := partOf[p.OrigID]; ok && q != p.Part() {
			t.Fatalf("original %s has pairs in both parts", p.OrigID)
		}
		partOf[p.OrigID] = p.Part()
		if p.Part() == Fit {
			fit++
		}
	}
	share := float64(fit) / float64(len(pairs))
	if share < 0.6 || share > 0.8 {
		t.Errorf("fit part holds %.2f of the pairs, want about 0.70", share)
	}
	if _, err := LoadRewrites(filepath.Join(dir, "missing")); err == nil {
		t.Error("loading a missing folder succeeded")
	}
}

func TestPartOfIsFixed(t *testing.T) {
	// The rule must never change: a key that moves between parts leaks the
	// check part into fitting. These keys were placed by the rule as written.
	for key, want := range map[string]Part{"a": Fit, "b": Check, "c": Fit, "f": Check} {
		if got := PartOf(key); got != want {
			t.Errorf("PartOf(%q) = %s, want %s", key, got, want)
		}
	}
}

package trace

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wiretrace/wiretrace/align"
	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/extract"
	"github.com/wiretrace/wiretrace/internal/sharedtest"
	"github.com/wiretrace/wiretrace/wordnet"
)

func seedPage(t testing.TB, prefix string) *article.Article {
	t.Helper()
	dir := sharedtest.Dir(t, "seeds")
	m, err := filepath.Glob(filepath.Join(dir, prefix+"_*.txt"))
	if err != nil || len(m) != 1 {
		t.Fatalf("seed %s: want one file, got %v (%v)", prefix, m, err)
	}
	data, err := os.ReadFile(m[0])
	if err != nil {
		t.Fatal(err)
	}
	a, err := extract.Page(data, extract.Options{})
	if err != nil {
		t.Fatalf("extract seed %s: %v", prefix, err)
	}
	return a
}

// TestSeedPair holds every compare item of ../shared/seeds/README.md: 001
// is a rewrite of 000; each of the source's facts is aligned; the padding
// is unsupported; "former" is a role drift; the credit is missing.
func TestSeedPair(t *testing.T) {
	src, der := seedPage(t, "000"), seedPage(t, "001")
	t.Run("builtin", func(t *testing.T) { checkSeed(t, Compare(src, der, Options{})) })
	t.Run("wordnet", func(t *testing.T) {
		wn, err := wordnet.LoadDefault()
		if errors.Is(err, wordnet.ErrNotInstalled) {
			t.Skip("skipping: WordNet is not installed (Debian package wordnet-base)")
		}
		if err != nil {
			t.Fatal(err)
		}
		checkSeed(t, Compare(src, der, Options{Align: align.Options{Thesaurus: align.Thesauri{wn, align.Fallback}}}))
	})
}

func checkSeed(t *testing.T, r Report) {
	if r.Relation != Rewrite {
		t.Errorf("relation %s, want rewrite", r.Relation)
	}
	if r.Source != SourceA {
		t.Fatalf("source %s, want a (000)", r.Source)
	}
	if r.SourceCoverage < 0.8 {
		t.Errorf("source_coverage %.2f, want ≥ 0.8", r.SourceCoverage)
	}
	if r.CreditsSource {
		t.Errorf("credits_source true, want false")
	}
	aligned := map[int]bool{}
	for _, p := range r.Pairs {
		for _, i := range p.Source {
			aligned[i] = true
		}
	}
	// Each fact of the source, by words of the sentences that carry it.
	for _, fact := range [][]string{{"Rubio", "Waltz"}, {"Kitamura"}, {"China", "North Korea"}, {"defense spending"}, {"build-up"}} {
		found := false
		for i, s := range r.A.Sentences {
			if hasAll(s, fact) {
				found = true
				if !aligned[i] {
					t.Errorf("source sentence %d with %q is not aligned: %s", i, fact, s)
				}
			}
		}
		if !found {
			t.Errorf("no source sentence has %q", fact)
		}
	}
	for _, pad := range []string{"Indo-Pacific", "The meeting reaffirmed"} {
		j := sentenceWith(r.B.Sentences, pad)
		if j < 0 {
			t.Errorf("no derived sentence has %q", pad)
			continue
		}
		if !contains(r.Unsupported, j) {
			t.Errorf("padding %d (%q) is not unsupported", j, pad)
		}
	}
	role := false
	for _, d := range r.Drifts {
		if d.Kind == "role" && strings.Contains(d.DerivedSpan, "former") {
			role = true
		}
	}
	if !role {
		t.Errorf("no role drift on \"former\"; drifts: %+v", r.Drifts)
	}
	// The README names one distortion; the dropped weekday is an
	// omission, not a drift.
	if len(r.Drifts) != 1 {
		t.Errorf("%d drifts, want only the role drift: %+v", len(r.Drifts), r.Drifts)
	}
}

func hasAll(s string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(s, w) {
			return false
		}
	}
	return true
}

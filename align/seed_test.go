package align

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/extract"
	"github.com/wiretrace/wiretrace/internal/sharedtest"
	"github.com/wiretrace/wiretrace/textproc"
	"github.com/wiretrace/wiretrace/wordnet"
)

// seedArticle extracts the article from a seed page dump with
// extract.Page, as `wiretrace compare` does.
func seedArticle(t *testing.T, name string) *article.Article {
	t.Helper()
	dir := sharedtest.Dir(t, "seeds")
	matches, err := filepath.Glob(filepath.Join(dir, name+"_*.txt"))
	if err != nil || len(matches) != 1 {
		t.Fatalf("seed %s: want one file, got %v (%v)", name, matches, err)
	}
	data, err := os.ReadFile(matches[0])
	if err != nil {
		t.Fatal(err)
	}
	a, err := extract.Page(data, extract.Options{})
	if err != nil {
		t.Fatalf("extract seed %s: %v", name, err)
	}
	if len(a.Paragraphs) == 0 {
		t.Fatalf("seed %s: no paragraphs", name)
	}
	return a
}

// TestAlignSeedPair checks the seed pair (../shared/seeds): a wire story
// and an AI-paraphrased rewrite of it. Each of the source's facts must align
// with the rewrite's sentences that carry it, and the rewrite's generic
// padding must stay unsupported.
func TestAlignSeedPair(t *testing.T) {
	src := textproc.Analyze(seedArticle(t, "000"))
	der := textproc.Analyze(seedArticle(t, "001"))
	t.Run("built-in thesaurus", func(t *testing.T) { checkSeedAlignment(t, src, der, Options{}) })
	t.Run("with WordNet", func(t *testing.T) {
		wn, err := wordnet.LoadDefault()
		if errors.Is(err, wordnet.ErrNotInstalled) {
			t.Skip("skipping: WordNet is not installed (apt-get install wordnet-base)")
		}
		if err != nil {
			t.Fatal(err)
		}
		checkSeedAlignment(t, src, der, Options{Thesaurus: Thesauri{wn, Fallback}})
	})
}

func checkSeedAlignment(t *testing.T, src, der *textproc.Doc, opts Options) {
	al := Align(src, der, opts)
	for _, p := range al.Pairs {
		t.Logf("pair %v %v %.3f %s", p.Source, p.Derived, p.Score, p.Kind)
	}
	pairOf := func(i int) *Pair {
		for k := range al.Pairs {
			for _, x := range al.Pairs[k].Source {
				if x == i {
					return &al.Pairs[k]
				}
			}
		}
		return nil
	}
	find := func(d *textproc.Doc, part string) int {
		t.Helper()
		for i, s := range d.Sentences {
			if strings.Contains(s.Text, part) {
				return i
			}
		}
		t.Fatalf("no sentence contains %q", part)
		return -1
	}
	// Each fact: a word that finds the source sentence, and one that the
	// derived sentence carrying it must contain.
	for _, fact := range []struct{ name, inSource, inDerived string }{
		{"meeting with Rubio and Waltz", "Waltz on Tuesday", "Rubio"},
		{"China and North Korea concerns", "North Korea", "North Korea"},
		{"spokesperson", "Kitamura", "Kitamura"},
		{"pressure on allies' defence spending", "defense spending", "spending"},
		{"historic build-up", "build-up", "build-up"},
	} {
		i := find(src, fact.inSource)
		p := pairOf(i)
		if p == nil {
			t.Errorf("%s: source sentence %d is not aligned (best %.3f with %d)", fact.name, i, al.SourceBest[i], al.SourceMatch[i])
			continue
		}
		carried := false
		for _, j := range p.Derived {
			carried = carried || strings.Contains(der.Sentences[j].Text, fact.inDerived)
		}
		if !carried {
			t.Errorf("%s: source sentence %d aligned with %v, none of which mentions %q", fact.name, i, p.Derived, fact.inDerived)
		}
	}
	unsupported := map[int]bool{}
	for _, j := range al.Unsupported() {
		unsupported[j] = true
	}
	for _, pad := range []string{"Indo-Pacific", "reaffirmed"} {
		if j := find(der, pad); !unsupported[j] {
			t.Errorf("padding sentence %d (%q) is aligned (best %.3f with %d)", j, pad, al.DerivedBest[j], al.DerivedMatch[j])
		}
	}
	for _, j := range al.Unsupported() {
		t.Logf("unsupported %d: best %.3f", j, al.DerivedBest[j])
	}
	if c := al.SourceCoverage(); c < 0.8 {
		t.Errorf("source coverage %.2f, want at least 0.8", c)
	}
}

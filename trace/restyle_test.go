package trace

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/examples"
	"github.com/wiretrace/wiretrace/extract"
)

// exampleOriginal returns the original of the example family name.
func exampleOriginal(t *testing.T, name string) *article.Article {
	t.Helper()
	fams, err := examples.Families()
	if err != nil {
		t.Fatal(err)
	}
	for _, fam := range fams {
		if fam.Name == name {
			return loadExample(t, fam.Original())
		}
	}
	t.Fatalf("no %s family among the examples", name)
	return nil
}

// restyled reads a restyling written for these tests, as a page.
func restyled(t *testing.T, path string) *article.Article {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	b, err := extract.Page(data, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestRestylings compares the wildfire family's original with faithful
// restylings of it written for this test, in forms a language model is
// asked for (a list of key points, questions and answers, a three-line
// brief, a tabloid retelling with generic padding, an explainer in
// Markdown with bold phrases and a link): each is a rewrite of
// the original, the original is named as the source, and nothing drifts.
func TestRestylings(t *testing.T) {
	orig := exampleOriginal(t, "wildfire")
	paths, err := filepath.Glob("testdata/restyle/*.txt")
	if err != nil || len(paths) < 4 {
		t.Fatalf("restylings: %v (%d files)", err, len(paths))
	}
	for _, p := range paths {
		t.Run(filepath.Base(p), func(t *testing.T) {
			b := restyled(t, p)
			r := Compare(orig, b, Options{})
			if r.Relation != Rewrite || r.Source != SourceA {
				t.Errorf("relation %s, source %s; want rewrite with the original (a) as source", r.Relation, r.Source)
			}
			if back := Compare(b, orig, Options{}); back.Relation != r.Relation || back.Source != SourceB {
				t.Errorf("reversed: relation %s, source %s; want %s with the original (b) as source", back.Relation, back.Source, r.Relation)
			}
			for _, d := range r.Drifts {
				t.Errorf("drift on a faithful restyling: %s %q -> %q", d.Kind, d.SourceSpan, d.DerivedSpan)
			}
		})
	}
}

// TestRestyledCopy compares the court family's original with a restyling
// written for this test that keeps most of its wording but turns its
// sentences into the passive voice: most of each side is copied from most
// of the other, which is a rewrite, not an excerpt (partial). Its
// direction is not asserted: the evidence is balanced.
func TestRestyledCopy(t *testing.T) {
	orig := exampleOriginal(t, "court-ruling")
	b := restyled(t, "testdata/restyle-court/formal.txt")
	if r := Compare(orig, b, Options{}); r.Relation != Rewrite {
		t.Errorf("relation %s, want rewrite", r.Relation)
	}
}

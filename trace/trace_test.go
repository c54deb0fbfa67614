package trace

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/examples"
	"github.com/wiretrace/wiretrace/extract"
	"github.com/wiretrace/wiretrace/index"
	"github.com/wiretrace/wiretrace/internal/sharedtest"
	"github.com/wiretrace/wiretrace/store/pebble"
)

// traceIndex opens an index in a temporary Pebble store holding arts.
func traceIndex(t *testing.T, arts ...*article.Article) *index.Index {
	t.Helper()
	st, err := pebble.Open(t.TempDir(), pebble.Options{CacheSize: 8 << 20, MemTableSize: 4 << 20})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	ix := index.New(st)
	if _, err := ix.Add(context.Background(), arts...); err != nil {
		t.Fatal(err)
	}
	return ix
}

func examplePage(t *testing.T, f examples.File) *article.Article {
	t.Helper()
	data, err := f.Read()
	if err != nil {
		t.Fatal(err)
	}
	a, err := extract.Page(data, extract.Options{})
	if err != nil {
		t.Fatalf("extract %s: %v", f.Path, err)
	}
	return a
}

// TestTraceExamples indexes every example page and traces each: a page
// derived from its family's original finds that original first, as the
// source; independent reporting is never labelled derived from it; an
// unrelated story is tied to nothing.
func TestTraceExamples(t *testing.T) {
	fams, err := examples.Families()
	if err != nil {
		t.Fatal(err)
	}
	pages := map[string]*article.Article{}
	var all []*article.Article
	for _, fam := range fams {
		for _, f := range fam.Files {
			a := examplePage(t, f)
			pages[f.Path] = a
			all = append(all, a)
		}
	}
	ix := traceIndex(t, all...)
	ctx := context.Background()
	checked := 0
	for _, fam := range fams {
		orig := pages[fam.Original().Path].ID()
		for _, f := range fam.Files {
			if f.Role == "original" {
				continue
			}
			checked++
			t.Run(f.Path, func(t *testing.T) {
				res, err := Trace(ctx, ix, pages[f.Path], Options{})
				if err != nil {
					t.Fatal(err)
				}
				if !res.Document.Indexed {
					t.Error("the traced page is indexed but Document.Indexed is false")
				}
				for _, m := range res.Matches {
					if m.ID == res.Document.ID {
						t.Error("the page matched itself")
					}
				}
				if f.Role == "unrelated" {
					// A story of its own: nothing in the index is its
					// source, and the index's evidence ties it to none.
					for _, m := range res.Matches {
						if m.Relation.Derived() || m.ByIndex {
							t.Errorf("unrelated story matched %q as %s (by index %v)", m.Title, m.Relation, m.ByIndex)
						}
					}
					return
				}
				if f.Role == "independent" {
					for _, m := range res.Matches {
						if m.ID == orig && m.Relation.Derived() {
							t.Errorf("independent report labelled %s of the original", m.Relation)
						}
					}
					return
				}
				if len(res.Matches) == 0 {
					t.Fatal("no matches")
				}
				first := res.Matches[0]
				if first.ID != orig {
					t.Errorf("first match %q (%s), want the original %q; matches: %s", first.Title, first.Relation, pages[fam.Original().Path].Title, summary(res))
				}
				if first.Original != OriginalMatch || string(first.Relation) != f.Relation {
					t.Errorf("first match: relation %s, original %s; want %s, match", first.Relation, first.Original, f.Relation)
				}
			})
		}
	}
	if checked < 16 {
		t.Fatalf("only %d example pages traced", checked)
	}
}

func summary(r Result) string {
	var b strings.Builder
	for _, m := range r.Matches {
		b.WriteString("[" + m.Title + " " + string(m.Relation) + " " + m.Original + " " + m.Published + "] ")
	}
	return b.String()
}

// TestTraceSeed traces the seed rewrite to its source.
func TestTraceSeed(t *testing.T) {
	dir := sharedtest.Dir(t, "seeds")
	load := func(prefix string) *article.Article {
		m, _ := filepath.Glob(filepath.Join(dir, prefix+"_*.txt"))
		if len(m) != 1 {
			t.Fatalf("seed %s: %v", prefix, m)
		}
		data, err := os.ReadFile(m[0])
		if err != nil {
			t.Fatal(err)
		}
		a, err := extract.Page(data, extract.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	src, der := load("000"), load("001")
	ix := traceIndex(t, src)
	res, err := Trace(context.Background(), ix, der, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Document.Indexed {
		t.Error("Document.Indexed true for a page not in the index")
	}
	if len(res.Matches) == 0 || res.Matches[0].ID != src.ID() || res.Matches[0].Relation != Rewrite {
		t.Fatalf("matches %s; want the source first as a rewrite", summary(res))
	}
	if m := res.Matches[0]; m.Original != OriginalMatch || !strings.Contains(m.Title, "Japan") {
		t.Errorf("first match original %s title %q", m.Original, m.Title)
	}
	// The JSON shape of DESIGN.md.
	js, err := json.Marshal(res)
	if err != nil {
		t.Fatal(err)
	}
	var shape struct {
		Document map[string]any   `json:"document"`
		Matches  []map[string]any `json:"matches"`
	}
	if err := json.Unmarshal(js, &shape); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"id", "url", "title", "published", "relation", "similarity", "report"} {
		if _, ok := shape.Matches[0][k]; !ok {
			t.Errorf("match JSON lacks %q", k)
		}
	}
	if _, ok := shape.Document["title"]; !ok {
		t.Error("document JSON lacks title")
	}
}

func TestTraceEmptyIndex(t *testing.T) {
	ix := traceIndex(t)
	res, err := Trace(context.Background(), ix, &article.Article{Title: "x", Paragraphs: []string{"Some words here."}}, Options{})
	if err != nil || len(res.Matches) != 0 || res.Matches == nil {
		t.Errorf("Trace on an empty index = %+v, %v; want no matches (an empty list)", res, err)
	}
}

// TestRankMatches checks the order of rankMatches: the derived sources of
// known date first, the earliest first, then the rest by the ranking
// model's score, whatever their relation.
func TestRankMatches(t *testing.T) {
	// rank gives a match features that score s·1 on every feature: the
	// score grows with s when the weights sum above zero.
	rank := func(s float64) []float64 {
		x := make([]float64, len(RankFeatureNames))
		for k := range x {
			x[k] = s
		}
		return x
	}
	if rankModel.Score(rank(1)) <= rankModel.Score(rank(0)) {
		t.Skip("the fitted weights sum to at most zero; the test's features do not order the matches")
	}
	ms := []Match{
		{ID: "same", Relation: SameStory, rank: rank(0.5)},
		{ID: "later-copy", Relation: Duplicate, Original: OriginalMatch, Published: "2026-01-02T00:00:00Z", rank: rank(1)},
		{ID: "derived-from-doc", Relation: NearDuplicate, Original: OriginalDocument, Published: "2025-01-01T00:00:00Z", rank: rank(0.2)},
		{ID: "first-source", Relation: NearDuplicate, Original: OriginalMatch, Published: "2026-01-01T00:00:00Z", rank: rank(0)},
		{ID: "undated-source", Relation: Rewrite, Original: OriginalMatch, rank: rank(0.9)},
		{ID: "unknown-direction", Relation: Rewrite, Original: OriginalUnknown, rank: rank(0.1)},
	}
	rankMatches(ms)
	var got []string
	for _, m := range ms {
		got = append(got, m.ID)
	}
	want := "first-source later-copy undated-source same derived-from-doc unknown-direction"
	if strings.Join(got, " ") != want {
		t.Errorf("ranked %v, want %s", got, want)
	}
}

// TestTraceRetoldStory indexes a story with its ten retellings (a
// restyled story of internal/eval's fit part: tabloid, plain-language,
// summary, explainer, key points, rewrites, an independent report) and
// traces each retelling: the original comes first, though a retelling's
// nearest candidates are other retellings that push it out of the first
// DefaultReports.
func TestTraceRetoldStory(t *testing.T) {
	dir := "../internal/eval/testdata/restyled/fit/central-bank-rates"
	names, err := filepath.Glob(filepath.Join(dir, "*.html"))
	if err != nil || len(names) < 8 {
		t.Fatalf("%d pages in %s (%v), want the story's original and retellings", len(names), dir, err)
	}
	pages := map[string]*article.Article{}
	var arts []*article.Article
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		a, err := extract.Page(data, extract.Options{})
		if err != nil {
			t.Fatalf("extract %s: %v", name, err)
		}
		a.URL = "https://example.org/" + filepath.Base(name)
		pages[filepath.Base(name)] = a
		arts = append(arts, a)
	}
	ix := traceIndex(t, arts...)
	orig := pages["original.html"].ID()
	for name, a := range pages {
		if name == "original.html" || name == "independent.html" {
			continue
		}
		r, err := Trace(context.Background(), ix, a, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Matches) == 0 || r.Matches[0].ID != orig {
			t.Errorf("%s: first match %v, want the original", name, summary(r))
		}
	}
}

package eval

import (
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/examples"
	"github.com/wiretrace/wiretrace/extract"
	"github.com/wiretrace/wiretrace/fingerprint"
	"github.com/wiretrace/wiretrace/index"
	"github.com/wiretrace/wiretrace/internal/sharedtest"
	"github.com/wiretrace/wiretrace/store"
	"github.com/wiretrace/wiretrace/store/pebble"
	"github.com/wiretrace/wiretrace/textproc"
	"github.com/wiretrace/wiretrace/trace"
)

// indexCorpus is the trace floor's corpus: the extraction benchmark's
// pages, every example page and the seed source.
type indexCorpus struct {
	ix *index.Index
	// st is the store under ix, read directly only to measure LSH's band
	// postings, which the index does not expose.
	st       store.Store
	bench    []*article.Article
	pages    map[string]*article.Article // example path → article
	seedSrc  *article.Article
	seedCopy *article.Article
}

func loadIndexCorpus(t *testing.T) *indexCorpus {
	t.Helper()
	set, err := LoadExtraction(sharedtest.Dir(t, "eval", "extraction"))
	if err != nil {
		t.Fatal(err)
	}
	c := &indexCorpus{pages: map[string]*article.Article{}}
	var all []*article.Article
	for _, p := range set.Pages {
		data, err := set.HTML(p.ID)
		if err != nil {
			t.Fatal(err)
		}
		a, err := extract.Page(data, extract.Options{URL: p.URL})
		if err != nil {
			continue // a page without an article is no part of the corpus
		}
		c.bench = append(c.bench, a)
	}
	if len(c.bench) < 170 {
		t.Fatalf("only %d of %d benchmark pages extracted", len(c.bench), len(set.Pages))
	}
	all = append(all, c.bench...)
	fams, err := examples.Families()
	if err != nil {
		t.Fatal(err)
	}
	for _, fam := range fams {
		for _, f := range fam.Files {
			data, err := f.Read()
			if err != nil {
				t.Fatal(err)
			}
			a, err := extract.Page(data, extract.Options{})
			if err != nil {
				t.Fatalf("extract %s: %v", f.Path, err)
			}
			c.pages[f.Path] = a
			all = append(all, a)
		}
	}
	seeds := sharedtest.Dir(t, "seeds")
	for _, prefix := range []string{"000", "001"} {
		m, _ := filepath.Glob(filepath.Join(seeds, prefix+"_*.txt"))
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
		if prefix == "000" {
			c.seedSrc = a
			all = append(all, a)
		} else {
			c.seedCopy = a
		}
	}
	st, err := pebble.Open(t.TempDir(), pebble.Options{CacheSize: 16 << 20, MemTableSize: 8 << 20})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	c.ix, c.st = index.New(st), st
	if _, err := c.ix.Add(context.Background(), all...); err != nil {
		t.Fatal(err)
	}
	return c
}

// TestIndexFloors builds the corpus once and holds the trace and LSH
// floors on it.
func TestIndexFloors(t *testing.T) {
	t.Parallel()
	c := loadIndexCorpus(t)
	t.Run("Trace", func(t *testing.T) { testTraceFloors(t, c) })
	t.Run("LSH", func(t *testing.T) { testLSHFloors(t, c) })
}

// testTraceFloors traces the seed rewrite and every example page against
// the corpus of the 181 benchmark pages, the example families and the
// seed source.
func testTraceFloors(t *testing.T, c *indexCorpus) {
	ctx := context.Background()

	res, err := trace.Trace(ctx, c.ix, c.seedCopy, trace.Options{})
	if err != nil {
		t.Fatal(err)
	}
	seedOK := 0.0
	if len(res.Matches) > 0 && res.Matches[0].ID == c.seedSrc.ID() && res.Matches[0].Relation == trace.Rewrite {
		seedOK = 1
	} else {
		t.Errorf("seed 001: matches %+v; want 000 first as a rewrite", matchLine(res))
	}
	checkFloor(t, "trace.seed_source_first", seedOK)

	fams, err := examples.Families()
	if err != nil {
		t.Fatal(err)
	}
	derived, first, indep, indepOK := 0, 0, 0, 0
	for _, fam := range fams {
		orig := c.pages[fam.Original().Path].ID()
		for _, f := range fam.Files {
			if f.Role == "original" || f.Role == "unrelated" {
				continue
			}
			res, err := trace.Trace(ctx, c.ix, c.pages[f.Path], trace.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if f.Role == "independent" {
				indep++
				ok := true
				for _, m := range res.Matches {
					if m.ID == orig && m.Relation.Derived() {
						ok = false
						t.Errorf("%s: labelled %s of the original", f.Path, m.Relation)
					}
				}
				if ok {
					indepOK++
				}
				continue
			}
			derived++
			if len(res.Matches) > 0 && res.Matches[0].ID == orig && res.Matches[0].Original == trace.OriginalMatch {
				first++
			} else {
				t.Errorf("%s: original not first: %s", f.Path, matchLine(res))
			}
		}
	}
	if derived < 12 || indep < 3 {
		t.Fatalf("only %d derived and %d independent example pages", derived, indep)
	}
	checkFloor(t, "trace.fixture_original_first", float64(first)/float64(derived))
	checkFloor(t, "trace.independent_not_derived", float64(indepOK)/float64(indep))
}

func matchLine(r trace.Result) string {
	var b strings.Builder
	for _, m := range r.Matches {
		b.WriteString("[" + m.Title + " | " + string(m.Relation) + " | " + m.Original + "] ")
	}
	return b.String()
}

// testLSHFloors plants an edited copy of every benchmark article at a
// word-shingle Jaccard drawn from 0.5 to 0.9 and checks that the LSH
// band postings alone retrieve its original (recall), and how many other
// articles they bring along (the false-candidate rate, logged, and the
// candidate precision, held).
func testLSHFloors(t *testing.T, c *indexCorpus) {
	ctx := context.Background()
	r := rand.New(rand.NewPCG(2026, 11))
	var vocab []string
	for _, a := range c.bench {
		vocab = append(vocab, strings.Fields(a.Text())...)
	}
	planted, found, candidates, falseCands := 0, 0, 0, 0
	for _, a := range c.bench {
		if len(textproc.Words(a.Text())) < 80 {
			continue // too short to edit to a chosen Jaccard
		}
		target := 0.5 + 0.4*r.Float64()
		ed, j := plantEdit(r, a, target, vocab)
		if j < 0.5 || j > 0.9 {
			continue
		}
		planted++
		fp := fingerprint.Of(ed, fingerprint.Options{})
		lists, err := c.st.BandPostings(ctx, fp.Bands, 0)
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for _, l := range lists {
			for _, id := range l {
				seen[id] = true
			}
		}
		if seen[a.ID()] {
			found++
		} else {
			t.Logf("missed a planted copy at Jaccard %.2f: %q", j, a.Title)
		}
		candidates += len(seen)
		for id := range seen {
			if id != a.ID() {
				falseCands++
			}
		}
	}
	if planted < 150 {
		t.Fatalf("only %d planted copies", planted)
	}
	n, _ := c.ix.Count(ctx)
	t.Logf("LSH: %d planted copies, %d found; %d false candidates in all (%.4f per query, %.5f of the %d indexed articles)",
		planted, found, falseCands, float64(falseCands)/float64(planted), float64(falseCands)/float64(planted)/float64(n), n)
	checkFloor(t, "lsh.recall", float64(found)/float64(planted))
	prec := 1.0
	if candidates > 0 {
		prec = float64(candidates-falseCands) / float64(candidates)
	}
	checkFloor(t, "lsh.candidate_precision", prec)
}

// plantEdit returns a copy of a with random word edits (replacements,
// deletions, insertions of words from vocab) until its word-shingle
// Jaccard with a falls to target, and the Jaccard reached.
func plantEdit(r *rand.Rand, a *article.Article, target float64, vocab []string) (*article.Article, float64) {
	paras := make([][]string, len(a.Paragraphs))
	for i, p := range a.Paragraphs {
		paras[i] = strings.Fields(p)
	}
	orig := fingerprint.Shingles(textproc.Words(a.Text()))
	ed := &article.Article{Title: a.Title, URL: a.URL + "#planted"}
	j := 1.0
	words := len(orig)
	for j > target {
		// Each edit breaks up to five shingles: take big steps while far
		// from the target, single edits near it.
		for range max(1, int((j-target)*float64(words)/12)) {
			p := r.IntN(len(paras))
			if len(paras[p]) == 0 {
				continue
			}
			k := r.IntN(len(paras[p]))
			w := vocab[r.IntN(len(vocab))]
			switch r.IntN(3) {
			case 0:
				paras[p][k] = w
			case 1:
				paras[p] = append(paras[p][:k], paras[p][k+1:]...)
			default:
				paras[p] = append(paras[p][:k], append([]string{w}, paras[p][k:]...)...)
			}
		}
		ed.Paragraphs = ed.Paragraphs[:0]
		for _, ws := range paras {
			ed.Paragraphs = append(ed.Paragraphs, strings.Join(ws, " "))
		}
		j = fingerprint.Jaccard(orig, fingerprint.Shingles(textproc.Words(ed.Text())))
	}
	return ed, j
}

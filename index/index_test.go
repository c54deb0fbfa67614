package index_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/index"
	"github.com/wiretrace/wiretrace/internal/benchindex"
	"github.com/wiretrace/wiretrace/store"
	"github.com/wiretrace/wiretrace/store/pebble"
)

func openStore(t testing.TB, dir string) *pebble.Store {
	t.Helper()
	s, err := pebble.Open(dir, pebble.Options{CacheSize: 16 << 20, MemTableSize: 8 << 20})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// feed sends articles from..to of the corpus on a channel.
func feed(c benchindex.Corpus, from, to int) <-chan index.Item {
	ch := make(chan index.Item, 64)
	go func() {
		defer close(ch)
		for i := from; i < to; i++ {
			a, _, _ := c.Article(i)
			ch <- index.Item{Article: a}
		}
	}()
	return ch
}

func TestIngestIdempotent(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, t.TempDir())
	ix := index.New(s)
	c := benchindex.Corpus{Seed: 1, FamilyRate: 0.2}
	var committed int
	st, err := ix.Ingest(ctx, feed(c, 0, 300), index.Options{
		BatchSize: 50,
		OnCommit:  func(ids []string) { committed += len(ids) },
	})
	if err != nil {
		t.Fatal(err)
	}
	// Copies in the corpus have their own URL, so every item is a
	// document of its own.
	if st.Read != 300 || st.Added != 300 || committed != 300 {
		t.Errorf("first ingest: %+v, %d committed; want 300 read and added", st, committed)
	}
	for _, noCheck := range []bool{false, true} {
		st, err = ix.Ingest(ctx, feed(c, 0, 300), index.Options{NoExistCheck: noCheck})
		if err != nil {
			t.Fatal(err)
		}
		if n, _ := s.Count(ctx); n != 300 {
			t.Errorf("NoExistCheck %v: %d documents after ingesting the corpus again, want 300", noCheck, n)
		}
		if !noCheck && (st.Duplicates != 300 || st.Added != 0) {
			t.Errorf("second ingest: %+v, want 300 duplicates", st)
		}
	}
	// The same article twice in one stream is one document.
	a, _, _ := c.Article(5)
	ch := make(chan index.Item, 3)
	ch <- index.Item{Article: a}
	ch <- index.Item{Article: a}
	ch <- index.Item{Article: &article.Article{Title: "   "}}
	close(ch)
	s2 := openStore(t, t.TempDir())
	st, err = index.New(s2).Ingest(ctx, ch, index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if st.Added != 1 || st.Duplicates != 1 || st.Empty != 1 {
		t.Errorf("repeated article: %+v, want 1 added, 1 duplicate, 1 empty", st)
	}
}

func TestIngestCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	s := openStore(t, t.TempDir())
	var acked []string
	items := make(chan index.Item) // never closed: only cancel ends it
	go func() {
		c := benchindex.Corpus{Seed: 2}
		for i := 0; ; i++ {
			a, _, _ := c.Article(i)
			select {
			case items <- index.Item{Article: a}:
			case <-ctx.Done():
				return
			}
			if i == 100 {
				cancel()
			}
		}
	}()
	_, err := index.New(s).Ingest(ctx, items, index.Options{BatchSize: 16, OnCommit: func(ids []string) {
		acked = append(acked, ids...)
	}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Ingest after cancel: %v, want context.Canceled", err)
	}
	ex, err := s.Exists(context.Background(), acked)
	if err != nil {
		t.Fatal(err)
	}
	for i, ok := range ex {
		if !ok {
			t.Errorf("acknowledged %s is not stored", acked[i])
		}
	}
}

// TestIngestOnIndexed checks that OnIndexed sees every new article once,
// one at a time, that what it returns is stored in the document's meta,
// and that a cancel ends an ingest whose hook is slow.
func TestIngestOnIndexed(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, t.TempDir())
	ix := index.New(s)
	c := benchindex.Corpus{Seed: 3}
	var inside, overlaps, calls atomic.Int32
	st, err := ix.Ingest(ctx, feed(c, 0, 200), index.Options{
		Workers: 4, BatchSize: 32,
		OnIndexed: func(id string, a *article.Article, fp index.Fingerprint) map[string]string {
			if inside.Add(1) > 1 {
				overlaps.Add(1)
			}
			defer inside.Add(-1)
			calls.Add(1)
			time.Sleep(50 * time.Microsecond)
			return map[string]string{"seen": fmt.Sprint(len(fp.Vocabulary) > 0)}
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if st.Added != 200 || calls.Load() != 200 || overlaps.Load() != 0 {
		t.Errorf("%+v, %d calls, %d overlapping; want 200 added and called, none overlapping", st, calls.Load(), overlaps.Load())
	}
	a, _, _ := c.Article(7)
	e, err := ix.Get(ctx, a.ID())
	if err != nil {
		t.Fatal(err)
	}
	if e.Meta["seen"] != "true" {
		t.Errorf("meta of an ingested article %v, want seen=true (OnIndexed's, with the vocabulary)", e.Meta)
	}

	cctx, cancel := context.WithCancel(ctx)
	items := make(chan index.Item) // never closed: only cancel ends it
	go func() {
		for i := 0; ; i++ {
			a, _, _ := c.Article(1000 + i)
			select {
			case items <- index.Item{Article: a}:
			case <-cctx.Done():
				return
			}
		}
	}()
	var n atomic.Int32
	_, err = ix.Ingest(cctx, items, index.Options{OnIndexed: func(string, *article.Article, index.Fingerprint) map[string]string {
		if n.Add(1) == 50 {
			cancel()
		}
		time.Sleep(time.Millisecond)
		return nil
	}})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Ingest cancelled inside OnIndexed: %v, want context.Canceled", err)
	}
}

func TestDelete(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, t.TempDir())
	ix := index.New(s)
	c := benchindex.Corpus{Seed: 3}
	orig, _, _ := c.Article(0)
	other, _, _ := c.Article(1)
	copyOf := *orig
	copyOf.URL = "https://elsewhere.example/copy"
	ids, err := ix.Add(ctx, orig, other)
	if err != nil {
		t.Fatal(err)
	}
	cands, err := ix.Candidates(ctx, &copyOf, index.QueryOptions{})
	if err != nil || len(cands) == 0 || cands[0].ID != ids[0] {
		t.Fatalf("before delete: candidates %+v, %v; want %s first", cands, err, ids[0])
	}
	if err := ix.Delete(ctx, ids[0]); err != nil {
		t.Fatal(err)
	}
	cands, err = ix.Candidates(ctx, &copyOf, index.QueryOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, cd := range cands {
		if cd.ID == ids[0] {
			t.Errorf("deleted article still a candidate: %+v", cd)
		}
	}
	if _, err := ix.Get(ctx, ids[0]); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Get deleted: %v, want ErrNotFound", err)
	}
	e, err := ix.Get(ctx, ids[1])
	if err != nil || e.Article.Title != other.Title {
		t.Errorf("Get kept article: %+v, %v", e, err)
	}
}

// TestCandidatesFindFamilies indexes a generated corpus with many planted
// families and checks that each derived article retrieves its original
// among the first candidates, through bands for copies and edits and
// through terms for rewrites.
func TestCandidatesFindFamilies(t *testing.T) {
	ctx := context.Background()
	n := 3000
	if testing.Short() || raceEnabled {
		n = 800
	}
	s := openStore(t, t.TempDir())
	ix := index.New(s)
	c := benchindex.Corpus{Seed: 4, FamilyRate: 0.1}
	if _, err := ix.Ingest(ctx, feed(c, 0, n), index.Options{NoExistCheck: true}); err != nil {
		t.Fatal(err)
	}
	found := map[benchindex.Kind][2]int{}
	for i := range n {
		a, kind, of := c.Article(i)
		if kind == benchindex.Original {
			continue
		}
		orig, _, _ := c.Article(of)
		cands, err := ix.Candidates(ctx, a, index.QueryOptions{K: 5, Exclude: []string{a.ID()}})
		if err != nil {
			t.Fatal(err)
		}
		f := found[kind]
		f[1]++
		if slices.ContainsFunc(cands, func(cd index.Candidate) bool { return cd.ID == orig.ID() }) {
			f[0]++
		} else {
			t.Logf("%s %d: original %d not among %+v", kind, i, of, cands)
		}
		found[kind] = f
	}
	for kind, f := range found {
		recall := float64(f[0]) / float64(f[1])
		t.Logf("%s: original among the top 5 for %d of %d (%.3f)", kind, f[0], f[1], recall)
		if recall < 0.95 {
			t.Errorf("%s: recall@5 %.3f, want >= 0.95", kind, recall)
		}
	}
	if len(found) != 3 {
		t.Errorf("corpus planted kinds %v, want copy, edited and rewrite", found)
	}
}

package pebble_test

import (
	"context"
	"testing"

	"github.com/wiretrace/wiretrace/store"
	"github.com/wiretrace/wiretrace/store/pebble"
	"github.com/wiretrace/wiretrace/store/storetest"
)

func open(t *testing.T, dir string) *pebble.Store {
	t.Helper()
	s, err := pebble.Open(dir, pebble.Options{CacheSize: 8 << 20, MemTableSize: 4 << 20})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return open(t, t.TempDir()) })
}

// TestReopen checks that documents, postings and the count survive Close
// and Open.
func TestReopen(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s := open(t, dir)
	docs := []store.Document{
		{ID: "a", Article: []byte(`{"title":"A"}`), Signature: []uint32{1, 2}, Bands: []uint64{7}, Terms: []string{"x"}},
		{ID: "b", Article: []byte(`{"title":"B"}`), Bands: []uint64{7}, Terms: []string{"y"}},
	}
	if err := s.Put(ctx, docs); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(ctx, []string{"b"}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = open(t, dir)
	defer s.Close()
	if n, err := s.Count(ctx); err != nil || n != 1 {
		t.Errorf("Count after reopen = %d, %v; want 1", n, err)
	}
	lists, err := s.BandPostings(ctx, []uint64{7}, 0)
	if err != nil || len(lists[0]) != 1 || lists[0][0] != "a" {
		t.Errorf("band postings after reopen = %v, %v; want [[a]]", lists, err)
	}
	d, err := s.Get(ctx, "a")
	if err != nil || string(d.Article) != `{"title":"A"}` || len(d.Signature) != 2 {
		t.Errorf("Get after reopen = %+v, %v", d, err)
	}
}

// TestReplaceAcrossSessions checks that replacing a document removes its
// old postings whether the old version was put in this session (its id is
// known to the store's in-memory filter of written ids), put before the
// store was reopened (the filter does not cover it), or deleted and put
// again.
func TestReplaceAcrossSessions(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	doc := func(id, term string, band uint64) store.Document {
		return store.Document{ID: id, Article: []byte(`{}`), Bands: []uint64{band}, Terms: []string{term}}
	}
	put := func(s *pebble.Store, d store.Document) {
		t.Helper()
		if err := s.Put(ctx, []store.Document{d}); err != nil {
			t.Fatal(err)
		}
	}
	want := func(s *pebble.Store, step string, count int64, terms map[string]int) {
		t.Helper()
		if n, err := s.Count(ctx); err != nil || n != count {
			t.Errorf("%s: Count = %d, %v; want %d", step, n, err, count)
		}
		for term, n := range terms {
			lists, err := s.TermPostings(ctx, []string{term}, 0)
			if err != nil || len(lists[0]) != n {
				t.Errorf("%s: postings of %q = %v, %v; want %d", step, term, lists, err, n)
			}
		}
	}
	s := open(t, dir)
	put(s, doc("a", "old", 1))
	put(s, doc("a", "mid", 2))
	want(s, "replaced in session", 1, map[string]int{"old": 0, "mid": 1})
	if err := s.Delete(ctx, []string{"a"}); err != nil {
		t.Fatal(err)
	}
	put(s, doc("a", "again", 3))
	want(s, "deleted and put", 1, map[string]int{"mid": 0, "again": 1})
	if ex, err := s.Exists(ctx, []string{"a", "never"}); err != nil || !ex[0] || ex[1] {
		t.Errorf("Exists(a, never) in session = %v, %v; want [true false]", ex, err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = open(t, dir)
	defer s.Close()
	if ex, err := s.Exists(ctx, []string{"a", "never"}); err != nil || !ex[0] || ex[1] {
		t.Errorf("Exists(a, never) after reopen = %v, %v; want [true false]", ex, err)
	}
	put(s, doc("a", "new", 4))
	put(s, doc("b", "new", 4))
	want(s, "replaced after reopen", 2, map[string]int{"again": 0, "new": 2})
}

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

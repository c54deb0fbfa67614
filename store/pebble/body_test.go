package pebble

import (
	"context"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"testing"

	pdb "github.com/cockroachdb/pebble"
	"github.com/wiretrace/wiretrace/store"
)

// bodies returns the numbers of the article bodies s holds.
func bodies(t *testing.T, s *Store) []uint64 {
	t.Helper()
	it, err := s.bodies.NewIter(&pdb.IterOptions{LowerBound: []byte{prefixBody}, UpperBound: []byte{prefixBody + 1}})
	if err != nil {
		t.Fatal(err)
	}
	defer it.Close()
	var out []uint64
	for ok := it.First(); ok; ok = it.Next() {
		out = append(out, binary.BigEndian.Uint64(it.Key()[1:]))
	}
	return out
}

// openSmall opens the store in dir with a small cache and memtables, as
// the package's other tests do.
func openSmall(t *testing.T, dir string) *Store {
	t.Helper()
	s, err := Open(dir, Options{CacheSize: 8 << 20, MemTableSize: 4 << 20})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// setRaw writes keys straight into the store's database, as a store of
// an earlier layout holds them.
func setRaw(t *testing.T, s *Store, kv map[string][]byte) {
	t.Helper()
	for k, v := range kv {
		if err := s.db.Set([]byte(k), v, pdb.Sync); err != nil {
			t.Fatal(err)
		}
	}
}

// TestBodies checks the article bodies kept apart from their records, in
// the bodies database: a record written by an earlier version (recordV2, its article inside)
// still reads and is replaced and deleted cleanly; replacing or deleting
// a document leaves no body behind; body numbers keep rising across
// sessions, so that a body is never written over.
func TestBodies(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s := openSmall(t, dir)
	// A store of the previous format: the article in the record.
	setRaw(t, s, map[string][]byte{
		"dold": recordV2Bytes(`{"title":"Old"}`, []uint64{9}, []string{"o"}), "sold": encodeSig([]uint32{1}),
		string(append(bandPrefix(9), "old"...)): nil, string(append(termPrefix("o"), "old"...)): nil,
		string(countKey): binary.AppendUvarint(nil, 1),
	})
	s.count, s.complete, s.written = 1, false, nil
	get := func(id, want string) {
		t.Helper()
		d, err := s.Get(ctx, id)
		if err != nil || string(d.Article) != want {
			t.Errorf("Get(%s) = %q, %v; want %q", id, d.Article, err, want)
		}
	}
	get("old", `{"title":"Old"}`)
	if got := bodies(t, s); len(got) != 0 {
		t.Errorf("bodies before any write = %v", got)
	}
	doc := func(id, title, term string) store.Document {
		return store.Document{ID: id, Article: []byte(`{"title":"` + title + `"}`), Bands: []uint64{9}, Terms: []string{term}}
	}
	if err := s.Put(ctx, []store.Document{doc("old", "Replaced", "r"), doc("b", "B", "b")}); err != nil {
		t.Fatal(err)
	}
	get("old", `{"title":"Replaced"}`)
	get("b", `{"title":"B"}`)
	if lists, err := s.TermPostings(ctx, []string{"o", "r"}, 0); err != nil || len(lists[0]) != 0 || len(lists[1]) != 1 {
		t.Errorf("postings after replacing the old record = %v, %v", lists, err)
	}
	if err := s.Put(ctx, []store.Document{doc("b", "B2", "b")}); err != nil {
		t.Fatal(err)
	}
	if got := bodies(t, s); len(got) != 2 {
		t.Errorf("bodies after replacing b = %v; want 2, one per document", got)
	}
	if err := s.Delete(ctx, []string{"b"}); err != nil {
		t.Fatal(err)
	}
	if got := bodies(t, s); len(got) != 1 {
		t.Errorf("bodies after deleting b = %v; want 1", got)
	}
	last := s.body
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = openSmall(t, dir)
	defer s.Close()
	if s.body != last {
		t.Errorf("last body after reopen = %d; want %d", s.body, last)
	}
	if err := s.Put(ctx, []store.Document{doc("c", "C", "c")}); err != nil {
		t.Fatal(err)
	}
	get("old", `{"title":"Replaced"}`)
	get("c", `{"title":"C"}`)
	got := bodies(t, s)
	if len(got) != 2 || got[1] != last+1 {
		t.Fatalf("bodies after a put in a new session = %v; want 2, the last %d", got, last+1)
	}
	// A record whose body is gone is a corrupt store, said as such.
	if err := s.bodies.Delete(bodyKey(got[1]), pdb.Sync); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Get(ctx, "c"); !errors.Is(err, errCorrupt) {
		t.Errorf("Get of a document without its body: %v; want a corrupt-record error", err)
	}
}

// TestBodiesReadOnlyEarlierLayout opens read-only a store of the layout
// before the bodies database: no bodies folder, the article inside the
// record; it reads, and refuses writes with a clear error.
func TestBodiesReadOnlyEarlierLayout(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s := openSmall(t, dir)
	setRaw(t, s, map[string][]byte{
		"dx": recordV2Bytes(`{"title":"X"}`, nil, []string{"t"}), string(append(termPrefix("t"), "x"...)): nil, string(countKey): binary.AppendUvarint(nil, 1),
	})
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(filepath.Join(dir, bodiesDir)); err != nil {
		t.Fatal(err)
	}
	ro, err := Open(dir, Options{CacheSize: 8 << 20, ReadOnly: true})
	if err != nil {
		t.Fatalf("read-only open of a store without a bodies database: %v", err)
	}
	defer ro.Close()
	if got, err := ro.Get(ctx, "x"); err != nil || string(got.Article) != `{"title":"X"}` {
		t.Errorf("read-only Get = %q, %v", got.Article, err)
	}
	if err := ro.Put(ctx, []store.Document{{ID: "y", Article: []byte(`{}`), Terms: []string{"t"}}}); !errors.Is(err, pdb.ErrReadOnly) {
		t.Errorf("Put on a read-only store: %v; want a read-only error", err)
	}
}

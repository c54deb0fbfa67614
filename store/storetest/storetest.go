package storetest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"

	"github.com/wiretrace/wiretrace/store"
)

// Run runs the contract suite against the backend that open creates. open
// must return a new, empty store each time it is called.
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	t.Helper()
	tests := []struct {
		name string
		fn   func(t *testing.T, s store.Store)
	}{
		{"PutGetRoundTrip", testRoundTrip},
		{"GetMissing", testGetMissing},
		{"Exists", testExists},
		{"Replace", testReplace},
		{"RepeatedIDInOnePut", testRepeatedID},
		{"Delete", testDelete},
		{"BandPostings", testBandPostings},
		{"TermPostings", testTermPostings},
		{"PostingLimit", testPostingLimit},
		{"Signatures", testSignatures},
		{"CountAndScan", testCountAndScan},
		{"ScanStopsOnError", testScanStops},
		{"EmptyPut", testEmptyPut},
		{"Invalid", testInvalid},
		{"KeepsNoSlices", testKeepsNoSlices},
		{"LargeBatch", testLargeBatch},
		{"ConcurrentWriters", testConcurrent},
		{"CancelledContext", testCancelled},
		{"Closed", testClosed},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t)
			t.Cleanup(func() {
				if err := s.Close(); err != nil {
					t.Errorf("Close: %v", err)
				}
			})
			tc.fn(t, s)
		})
	}
}

// doc returns a document whose fields all derive from n, so that two
// documents differ in every field.
func doc(n int) store.Document {
	return store.Document{
		ID:        fmt.Sprintf("doc-%04d", n),
		Article:   []byte(fmt.Sprintf(`{"title":"Article %d","paragraphs":["Body of %d."]}`, n, n)),
		Meta:      map[string]string{"source": fmt.Sprintf("file-%d.html", n)},
		Signature: []uint32{uint32(n), uint32(n) * 7, 1 << 31, 0},
		Bands:     []uint64{uint64(n) << 32, uint64(n)<<32 | 1, 1<<63 | uint64(n)},
		Terms:     []string{fmt.Sprintf("term%d", n), "shared", "Ünïcode"},
	}
}

func put(t *testing.T, s store.Store, docs ...store.Document) {
	t.Helper()
	if err := s.Put(context.Background(), docs); err != nil {
		t.Fatalf("Put: %v", err)
	}
}

func equalDoc(a, b store.Document) bool {
	return a.ID == b.ID &&
		string(a.Article) == string(b.Article) &&
		len(a.Meta) == len(b.Meta) && mapsEqual(a.Meta, b.Meta) &&
		slices.Equal(a.Signature, b.Signature) &&
		sameSet(a.Bands, b.Bands) && sameSet(a.Terms, b.Terms)
}

func mapsEqual(a, b map[string]string) bool {
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// sameSet compares two lists as sets: backends may return postings and
// keys in any order.
func sameSet[T interface{ ~string | ~uint64 }](a, b []T) bool {
	x, y := slices.Clone(a), slices.Clone(b)
	slices.Sort(x)
	slices.Sort(y)
	return slices.Equal(slices.Compact(x), slices.Compact(y))
}

func testRoundTrip(t *testing.T, s store.Store) {
	ctx := context.Background()
	want := doc(1)
	bare := store.Document{ID: "bare", Article: []byte(`{}`)}
	put(t, s, want, bare)
	got, err := s.Get(ctx, want.ID)
	if err != nil {
		t.Fatalf("Get(%q): %v", want.ID, err)
	}
	if !equalDoc(got, want) {
		t.Errorf("Get(%q) = %+v, want %+v", want.ID, got, want)
	}
	got, err = s.Get(ctx, "bare")
	if err != nil {
		t.Fatalf("Get(bare): %v", err)
	}
	if !equalDoc(got, bare) {
		t.Errorf("Get(bare) = %+v, want %+v", got, bare)
	}
}

func testGetMissing(t *testing.T, s store.Store) {
	put(t, s, doc(1))
	_, err := s.Get(context.Background(), "doc-9999")
	if !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Get(missing) error = %v, want ErrNotFound", err)
	}
}

func testExists(t *testing.T, s store.Store) {
	put(t, s, doc(1), doc(3))
	got, err := s.Exists(context.Background(), []string{"doc-0001", "doc-0002", "doc-0003", "doc-0001"})
	if err != nil {
		t.Fatalf("Exists: %v", err)
	}
	if want := []bool{true, false, true, true}; !slices.Equal(got, want) {
		t.Errorf("Exists = %v, want %v", got, want)
	}
	got, err = s.Exists(context.Background(), nil)
	if err != nil || len(got) != 0 {
		t.Errorf("Exists(nil) = %v, %v; want empty, nil", got, err)
	}
}

func bandIDs(t *testing.T, s store.Store, key uint64) []string {
	t.Helper()
	lists, err := s.BandPostings(context.Background(), []uint64{key}, 0)
	if err != nil {
		t.Fatalf("BandPostings: %v", err)
	}
	if len(lists) != 1 {
		t.Fatalf("BandPostings returned %d lists for 1 key", len(lists))
	}
	return lists[0]
}

func termIDs(t *testing.T, s store.Store, term string) []string {
	t.Helper()
	lists, err := s.TermPostings(context.Background(), []string{term}, 0)
	if err != nil {
		t.Fatalf("TermPostings: %v", err)
	}
	if len(lists) != 1 {
		t.Fatalf("TermPostings returned %d lists for 1 term", len(lists))
	}
	return lists[0]
}

func count(t *testing.T, s store.Store) int64 {
	t.Helper()
	n, err := s.Count(context.Background())
	if err != nil {
		t.Fatalf("Count: %v", err)
	}
	return n
}

func testReplace(t *testing.T, s store.Store) {
	old := doc(1)
	put(t, s, old, doc(2))
	repl := doc(1)
	repl.Article = []byte(`{"title":"replaced"}`)
	repl.Meta = nil
	repl.Signature = []uint32{9, 9, 9}
	repl.Bands = []uint64{old.Bands[0], 777}
	repl.Terms = []string{"shared", "fresh"}
	put(t, s, repl)

	got, err := s.Get(context.Background(), repl.ID)
	if err != nil {
		t.Fatalf("Get: %v", err)
	}
	if !equalDoc(got, repl) {
		t.Errorf("after replace Get = %+v, want %+v", got, repl)
	}
	if n := count(t, s); n != 2 {
		t.Errorf("Count after replace = %d, want 2", n)
	}
	for _, c := range []struct {
		what string
		ids  []string
		want []string
	}{
		{"kept band", bandIDs(t, s, old.Bands[0]), []string{"doc-0001"}},
		{"new band", bandIDs(t, s, 777), []string{"doc-0001"}},
		{"dropped band", bandIDs(t, s, old.Bands[1]), nil},
		{"dropped term", termIDs(t, s, "term1"), nil},
		{"new term", termIDs(t, s, "fresh"), []string{"doc-0001"}},
		{"shared term", termIDs(t, s, "shared"), []string{"doc-0001", "doc-0002"}},
	} {
		if !sameSet(c.ids, c.want) {
			t.Errorf("%s: postings %v, want %v", c.what, c.ids, c.want)
		}
	}
}

func testRepeatedID(t *testing.T, s store.Store) {
	first, last := doc(1), doc(1)
	last.Article = []byte(`{"title":"last"}`)
	last.Bands = []uint64{42}
	last.Terms = []string{"lastterm"}
	put(t, s, first, last)
	got, err := s.Get(context.Background(), "doc-0001")
	if err != nil {
		t.Fatalf("Get: %v", err)
	}
	if !equalDoc(got, last) {
		t.Errorf("Get = %+v, want the last of the repeated id %+v", got, last)
	}
	if ids := bandIDs(t, s, first.Bands[0]); len(ids) != 0 {
		t.Errorf("band of the overridden first version still lists %v", ids)
	}
	if ids := termIDs(t, s, "term1"); len(ids) != 0 {
		t.Errorf("term of the overridden first version still lists %v", ids)
	}
	if n := count(t, s); n != 1 {
		t.Errorf("Count = %d, want 1", n)
	}
}

func testDelete(t *testing.T, s store.Store) {
	ctx := context.Background()
	d1, d2 := doc(1), doc(2)
	put(t, s, d1, d2)
	if err := s.Delete(ctx, []string{d1.ID, "never-stored"}); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	if _, err := s.Get(ctx, d1.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Get after Delete: error %v, want ErrNotFound", err)
	}
	ex, err := s.Exists(ctx, []string{d1.ID, d2.ID})
	if err != nil || !slices.Equal(ex, []bool{false, true}) {
		t.Errorf("Exists after Delete = %v, %v; want [false true]", ex, err)
	}
	sigs, err := s.Signatures(ctx, []string{d1.ID})
	if err != nil || len(sigs) != 1 || sigs[0] != nil {
		t.Errorf("Signatures after Delete = %v, %v; want [nil]", sigs, err)
	}
	for _, b := range d1.Bands {
		if ids := bandIDs(t, s, b); len(ids) != 0 {
			t.Errorf("band %x still lists %v after Delete", b, ids)
		}
	}
	if ids := termIDs(t, s, "term1"); len(ids) != 0 {
		t.Errorf("term1 still lists %v after Delete", ids)
	}
	if ids := termIDs(t, s, "shared"); !sameSet(ids, []string{d2.ID}) {
		t.Errorf("shared term lists %v after Delete, want [%s]", ids, d2.ID)
	}
	if n := count(t, s); n != 1 {
		t.Errorf("Count after Delete = %d, want 1", n)
	}
	// Deleting again, and deleting nothing, are no-ops.
	if err := s.Delete(ctx, []string{d1.ID}); err != nil {
		t.Errorf("second Delete: %v", err)
	}
	if err := s.Delete(ctx, nil); err != nil {
		t.Errorf("Delete(nil): %v", err)
	}
	if n := count(t, s); n != 1 {
		t.Errorf("Count after second Delete = %d, want 1", n)
	}
	// A deleted id can be stored again.
	put(t, s, d1)
	if ids := termIDs(t, s, "term1"); !sameSet(ids, []string{d1.ID}) {
		t.Errorf("term1 after re-put = %v", ids)
	}
}

func testBandPostings(t *testing.T, s store.Store) {
	a, b := doc(1), doc(2)
	b.Bands = append(b.Bands, a.Bands[0])
	put(t, s, a, b)
	keys := []uint64{a.Bands[0], 12345, b.Bands[1], a.Bands[2]}
	lists, err := s.BandPostings(context.Background(), keys, 0)
	if err != nil {
		t.Fatalf("BandPostings: %v", err)
	}
	want := [][]string{{a.ID, b.ID}, nil, {b.ID}, {a.ID}}
	if len(lists) != len(want) {
		t.Fatalf("BandPostings returned %d lists for %d keys", len(lists), len(keys))
	}
	for i := range want {
		if !sameSet(lists[i], want[i]) {
			t.Errorf("band %x: %v, want %v", keys[i], lists[i], want[i])
		}
	}
}

func testTermPostings(t *testing.T, s store.Store) {
	a, b := doc(1), doc(2)
	put(t, s, a, b)
	// "term1" must not match "term10"-like prefixes, and terms are
	// compared exactly, case and accents included.
	terms := []string{"shared", "term", "term1", "Ünïcode", "ünïcode", "term2"}
	lists, err := s.TermPostings(context.Background(), terms, 0)
	if err != nil {
		t.Fatalf("TermPostings: %v", err)
	}
	want := [][]string{{a.ID, b.ID}, nil, {a.ID}, {a.ID, b.ID}, nil, {b.ID}}
	if len(lists) != len(want) {
		t.Fatalf("TermPostings returned %d lists for %d terms", len(lists), len(terms))
	}
	for i := range want {
		if !sameSet(lists[i], want[i]) {
			t.Errorf("term %q: %v, want %v", terms[i], lists[i], want[i])
		}
	}
}

func testPostingLimit(t *testing.T, s store.Store) {
	var docs []store.Document
	for i := range 10 {
		d := doc(i)
		d.Bands = []uint64{99}
		d.Terms = []string{"common"}
		docs = append(docs, d)
	}
	put(t, s, docs...)
	ctx := context.Background()
	for _, limit := range []int{1, 3, 10, 11, 0, -1} {
		bl, err := s.BandPostings(ctx, []uint64{99}, limit)
		if err != nil {
			t.Fatalf("BandPostings: %v", err)
		}
		tl, err := s.TermPostings(ctx, []string{"common"}, limit)
		if err != nil {
			t.Fatalf("TermPostings: %v", err)
		}
		want := 10
		if limit > 0 && limit < 10 {
			want = limit
		}
		if len(bl[0]) != want || len(tl[0]) != want {
			t.Errorf("limit %d: band list %d ids, term list %d ids, want %d", limit, len(bl[0]), len(tl[0]), want)
		}
		if len(slices.Compact(slices.Sorted(slices.Values(bl[0])))) != len(bl[0]) {
			t.Errorf("limit %d: band list repeats ids: %v", limit, bl[0])
		}
	}
}

func testSignatures(t *testing.T, s store.Store) {
	a, b := doc(1), doc(2)
	b.Signature = nil
	put(t, s, a, b)
	sigs, err := s.Signatures(context.Background(), []string{a.ID, "missing", a.ID})
	if err != nil {
		t.Fatalf("Signatures: %v", err)
	}
	if len(sigs) != 3 || !slices.Equal(sigs[0], a.Signature) || sigs[1] != nil || !slices.Equal(sigs[2], a.Signature) {
		t.Errorf("Signatures = %v, want [%v nil %v]", sigs, a.Signature, a.Signature)
	}
	// A stored document without a signature gives an empty, not an
	// absent, entry only if the backend chooses; both are len 0.
	sigs, err = s.Signatures(context.Background(), []string{b.ID})
	if err != nil || len(sigs) != 1 || len(sigs[0]) != 0 {
		t.Errorf("Signatures(no signature) = %v, %v", sigs, err)
	}
}

func testCountAndScan(t *testing.T, s store.Store) {
	if n := count(t, s); n != 0 {
		t.Errorf("Count of an empty store = %d", n)
	}
	var want []string
	var docs []store.Document
	for i := range 25 {
		docs = append(docs, doc(i))
		want = append(want, doc(i).ID)
	}
	put(t, s, docs...)
	put(t, s, docs[:5]...) // the same documents again: still 25
	if n := count(t, s); n != 25 {
		t.Errorf("Count = %d, want 25", n)
	}
	var got []string
	err := s.Scan(context.Background(), func(id string) error {
		got = append(got, id)
		return nil
	})
	if err != nil {
		t.Fatalf("Scan: %v", err)
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("Scan saw %v, want %v", got, want)
	}
}

func testScanStops(t *testing.T, s store.Store) {
	put(t, s, doc(1), doc(2), doc(3))
	stop := errors.New("stop")
	calls := 0
	err := s.Scan(context.Background(), func(string) error {
		calls++
		return stop
	})
	if !errors.Is(err, stop) || calls != 1 {
		t.Errorf("Scan with failing fn: %v after %d calls, want stop after 1", err, calls)
	}
}

func testEmptyPut(t *testing.T, s store.Store) {
	if err := s.Put(context.Background(), nil); err != nil {
		t.Errorf("Put(nil): %v", err)
	}
	if n := count(t, s); n != 0 {
		t.Errorf("Count = %d after empty Put", n)
	}
}

func testInvalid(t *testing.T, s store.Store) {
	long := make([]byte, store.MaxIDLen+1)
	for i := range long {
		long[i] = 'x'
	}
	for name, bad := range map[string]store.Document{
		"empty id":   {ID: ""},
		"long id":    {ID: string(long)},
		"nul in id":  {ID: "a\x00b"},
		"empty term": {ID: "ok", Terms: []string{""}},
		"nul term":   {ID: "ok", Terms: []string{"a\x00"}},
	} {
		err := s.Put(context.Background(), []store.Document{doc(1), bad})
		if !errors.Is(err, store.ErrInvalid) {
			t.Errorf("%s: Put error = %v, want ErrInvalid", name, err)
		}
	}
	if n := count(t, s); n != 0 {
		t.Errorf("Count = %d after refused Puts, want 0 (nothing written)", n)
	}
}

func testKeepsNoSlices(t *testing.T, s store.Store) {
	d := doc(1)
	want := doc(1)
	put(t, s, d)
	d.Article[0] = 'X'
	d.Signature[0] = 12345
	d.Bands[0] = 1
	d.Terms[0] = "changed"
	d.Meta["source"] = "changed"
	got, err := s.Get(context.Background(), want.ID)
	if err != nil {
		t.Fatalf("Get: %v", err)
	}
	if !equalDoc(got, want) {
		t.Errorf("stored document changed with the caller's slices: %+v", got)
	}
	got.Signature[0] = 777
	again, _ := s.Get(context.Background(), want.ID)
	if !equalDoc(again, want) {
		t.Errorf("stored document changed with a returned slice: %+v", again)
	}
}

func testLargeBatch(t *testing.T, s store.Store) {
	const n = 2000
	docs := make([]store.Document, n)
	for i := range docs {
		docs[i] = doc(i)
	}
	put(t, s, docs...)
	if c := count(t, s); c != n {
		t.Errorf("Count = %d, want %d", c, n)
	}
	if ids := termIDs(t, s, "shared"); len(ids) != n {
		t.Errorf("shared term lists %d ids, want %d", len(ids), n)
	}
	ids := make([]string, n)
	for i := range ids {
		ids[i] = docs[i].ID
	}
	sigs, err := s.Signatures(context.Background(), ids)
	if err != nil {
		t.Fatalf("Signatures: %v", err)
	}
	for i := range sigs {
		if !slices.Equal(sigs[i], docs[i].Signature) {
			t.Fatalf("signature %d = %v, want %v", i, sigs[i], docs[i].Signature)
		}
	}
}

func testConcurrent(t *testing.T, s store.Store) {
	const writers, per = 8, 40
	ctx := context.Background()
	var wg sync.WaitGroup
	errs := make(chan error, writers)
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range per {
				d := doc(w*per + i)
				// Every writer also rewrites a document that all share,
				// so that replacements race with each other.
				shared := doc(100000)
				shared.Terms = []string{fmt.Sprintf("w%d", w)}
				shared.Bands = []uint64{uint64(w)}
				if err := s.Put(ctx, []store.Document{d, shared}); err != nil {
					errs <- err
					return
				}
				if _, err := s.Get(ctx, d.ID); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatalf("concurrent writer: %v", err)
	}
	if n := count(t, s); n != writers*per+1 {
		t.Errorf("Count = %d, want %d", n, writers*per+1)
	}
	// The shared document has exactly the postings of one writer's
	// version, whichever was last.
	got, err := s.Get(ctx, doc(100000).ID)
	if err != nil {
		t.Fatalf("Get shared: %v", err)
	}
	held := 0
	for w := range writers {
		if ids := termIDs(t, s, fmt.Sprintf("w%d", w)); len(ids) > 0 {
			held++
			if got.Terms[0] != fmt.Sprintf("w%d", w) {
				t.Errorf("term w%d lists the shared document, whose terms are %v", w, got.Terms)
			}
		}
	}
	if held != 1 {
		t.Errorf("%d writers' terms list the shared document, want 1", held)
	}
}

func testCancelled(t *testing.T, s store.Store) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.Put(ctx, []store.Document{doc(1)}); !errors.Is(err, context.Canceled) {
		t.Errorf("Put with a cancelled context: %v, want context.Canceled", err)
	}
	if n := count(t, s); n != 0 {
		t.Errorf("Count = %d after a cancelled Put", n)
	}
	if _, err := s.Get(ctx, "doc-0001"); !errors.Is(err, context.Canceled) {
		t.Errorf("Get with a cancelled context: %v, want context.Canceled", err)
	}
}

func testClosed(t *testing.T, s store.Store) {
	put(t, s, doc(1))
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	ctx := context.Background()
	calls := map[string]error{}
	calls["Put"] = s.Put(ctx, []store.Document{doc(2)})
	_, calls["Get"] = s.Get(ctx, "doc-0001")
	_, calls["Exists"] = s.Exists(ctx, []string{"doc-0001"})
	calls["Delete"] = s.Delete(ctx, []string{"doc-0001"})
	_, calls["Signatures"] = s.Signatures(ctx, []string{"doc-0001"})
	_, calls["BandPostings"] = s.BandPostings(ctx, []uint64{1}, 0)
	_, calls["TermPostings"] = s.TermPostings(ctx, []string{"x"}, 0)
	_, calls["Count"] = s.Count(ctx)
	calls["Scan"] = s.Scan(ctx, func(string) error { return nil })
	for name, err := range calls {
		if !errors.Is(err, store.ErrClosed) {
			t.Errorf("%s after Close: %v, want ErrClosed", name, err)
		}
	}
	// Run's cleanup closes the store a second time, which must be harmless.
}

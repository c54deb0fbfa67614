package pebble_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/wiretrace/wiretrace/store"
	"github.com/wiretrace/wiretrace/store/pebble"
)

func TestMemTableFor(t *testing.T) {
	for _, tc := range []struct {
		size int64
		want uint64
	}{
		{0, 1 << 20},
		{-1, 1 << 20},
		{12 << 20, 1 << 20},
		{16 << 20, 1 << 20},
		{16<<20 + 16, 2 << 20},
		{100 << 20, 8 << 20},
		{1 << 30, 64 << 20},
		{1 << 40, 64 << 20},
	} {
		t.Run(fmt.Sprint(tc.size), func(t *testing.T) {
			if got := pebble.MemTableFor(tc.size); got != tc.want {
				t.Errorf("memTableFor(%d) = %d MiB; want %d MiB", tc.size, got>>20, tc.want>>20)
			}
		})
	}
}

// randomDocs returns n documents of about size bytes each whose articles
// do not compress, so the store's size on disk follows the bytes put.
func randomDocs(r *rand.Rand, from, n, size int) []store.Document {
	docs := make([]store.Document, n)
	for i := range docs {
		a := make([]byte, size)
		for j := range a {
			a[j] = byte(r.Uint32())
		}
		id := fmt.Sprintf("doc-%06d", from+i)
		docs[i] = store.Document{ID: id, Article: a, Signature: []uint32{r.Uint32()}, Bands: []uint64{r.Uint64()}, Terms: []string{"t" + id}}
	}
	return docs
}

// TestSmallStoreIsSmallOnDisk checks that a store of a few MiB of pages
// takes a few MiB on disk once closed, not the hundreds of MiB of
// preallocated write-ahead log that 64 MiB memtables made (a 12 MB corpus
// took 423 MiB).
func TestSmallStoreIsSmallOnDisk(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := pebble.Open(dir, pebble.Options{CacheSize: 8 << 20})
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(1, 2))
	const batches, perBatch, size = 40, 25, 4 << 10 // 4 MiB in all
	for b := range batches {
		if err := s.Put(ctx, randomDocs(r, b*perBatch, perBatch, size)); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	got, err := pebble.DirSize(dir)
	if err != nil {
		t.Fatal(err)
	}
	data := int64(batches * perBatch * size)
	t.Logf("%d MiB of articles take %.1f MiB on disk", data>>20, float64(got)/(1<<20))
	// What the tables add to the data, and a few write-ahead log files
	// of 1.1 MiB kept for reuse.
	if limit := data + data/4 + 6<<20; got > limit {
		t.Errorf("store of %d bytes of articles takes %d bytes on disk; want at most %d", data, got, limit)
	}
	// Reopened, it holds everything.
	s, err = pebble.Open(dir, pebble.Options{CacheSize: 8 << 20})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n, err := s.Count(ctx); err != nil || n != batches*perBatch {
		t.Errorf("Count after reopen = %d, %v; want %d", n, err, batches*perBatch)
	}
}

// TestMemTablesGrowWithTheStore checks that a store opened with sized
// memtables reopens itself with larger ones as it grows past 16 MiB, and
// that reads and writes running meanwhile see every document.
func TestMemTablesGrowWithTheStore(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 24 MiB")
	}
	ctx := context.Background()
	s, err := pebble.Open(t.TempDir(), pebble.Options{CacheSize: 8 << 20})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if m := s.MemTable(); m != 1<<20 {
		t.Fatalf("new store memtable = %d MiB; want 1", m>>20)
	}
	r := rand.New(rand.NewPCG(3, 4))
	const batches, perBatch, size = 96, 16, 16 << 10 // 24 MiB in all
	if err := s.Put(ctx, randomDocs(r, 0, perBatch, size)); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	stop := make(chan struct{})
	wg.Add(1)
	go func() {
		// A reader while the store may reopen under it.
		defer wg.Done()
		for {
			select {
			case <-stop:
				return
			default:
			}
			if _, err := s.Get(ctx, "doc-000000"); err != nil {
				t.Errorf("Get during growth: %v", err)
				return
			}
		}
	}()
	for b := 1; b < batches; b++ {
		if err := s.Put(ctx, randomDocs(r, b*perBatch, perBatch, size)); err != nil {
			t.Fatal(err)
		}
	}
	close(stop)
	wg.Wait()
	if m := s.MemTable(); m < 2<<20 {
		t.Errorf("memtable after 24 MiB written = %d MiB; want it grown to 2 MiB or more", m>>20)
	}
	if n, err := s.Count(ctx); err != nil || n != batches*perBatch {
		t.Errorf("Count = %d, %v; want %d", n, err, batches*perBatch)
	}
	ok, err := s.Exists(ctx, []string{"doc-000000", fmt.Sprintf("doc-%06d", batches*perBatch-1)})
	if err != nil || !ok[0] || !ok[1] {
		t.Errorf("Exists of the first and last documents = %v, %v", ok, err)
	}
}

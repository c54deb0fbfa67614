package pebble_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/wiretrace/wiretrace/store"
)

// TestSettle checks that Settle returns once the writes' flushes are done
// (the memtable flushed by Flush leaves nothing running), and returns the
// context's error when it is cancelled.
func TestSettle(t *testing.T) {
	ctx := context.Background()
	s := open(t, t.TempDir())
	docs := make([]store.Document, 500)
	for i := range docs {
		id := fmt.Sprintf("%016x", i)
		docs[i] = store.Document{ID: id, Article: []byte(`{"title":"t` + id + `"}`), Bands: []uint64{uint64(i)}, Terms: []string{"t" + id}}
	}
	if err := s.Put(ctx, docs); err != nil {
		t.Fatal(err)
	}
	if err := s.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := s.Settle(ctx); err != nil {
		t.Fatalf("Settle: %v", err)
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if err := s.Settle(cctx); !errors.Is(err, context.Canceled) {
		t.Errorf("Settle with a cancelled context: %v, want context.Canceled", err)
	}
}

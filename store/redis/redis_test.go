package redis

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"

	goredis "github.com/redis/go-redis/v9"

	"github.com/wiretrace/wiretrace/internal/redistest"
	"github.com/wiretrace/wiretrace/store"
	"github.com/wiretrace/wiretrace/store/storetest"
)

var prefixes atomic.Int64

// openFresh opens a store under a prefix no other test uses, which makes
// it empty without restarting the servers.
func openFresh(t *testing.T, addrs string, opts Options) *Store {
	t.Helper()
	opts.Prefix = fmt.Sprintf("t%d:", prefixes.Add(1))
	s, err := Open(context.Background(), addrs, opts)
	if err != nil {
		t.Fatalf("Open(%s): %v", addrs, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestContract(t *testing.T) {
	t.Run("single server", func(t *testing.T) {
		n := redistest.Server(t)
		storetest.Run(t, func(t *testing.T) store.Store { return openFresh(t, n.Addr, Options{}) })
	})
	t.Run("cluster of 3 masters", func(t *testing.T) {
		c := redistest.NewCluster(t, 3, 0)
		addrs := strings.Join(c.Addrs(), ",")
		storetest.Run(t, func(t *testing.T) store.Store { return openFresh(t, addrs, Options{}) })
	})
}

// TestCommitRetried: a commit whose reply was lost is sent again; the
// second run must succeed although the first released the lock, and a
// commit that never held the lock must fail.
func TestCommitRetried(t *testing.T) {
	n := redistest.Server(t)
	s := openFresh(t, n.Addr, Options{})
	ctx := context.Background()
	const id, token = "0123456789abcdef", "tok"
	d := store.Document{ID: id, Article: []byte(`{}`), Terms: []string{"x"}}
	rec := encodeRecord(&d)
	ks := []string{s.k.lock(id), s.k.record(id), s.k.article(id), s.k.ids(shardOf(id))}
	run := func(script string, keys []string, args ...any) error {
		c := eval(ctx, script, keys, args...)
		return s.pipeline(ctx, []goredis.Cmder{c})
	}
	if err := run(lockScript, ks[:2], token, 1000); err != nil {
		t.Fatal(err)
	}
	for i := range 2 {
		if err := run(commitScript, ks, token, rec, packArticle(d.Article), member(id), "1"); err != nil {
			t.Fatalf("commit run %d: %v", i+1, err)
		}
	}
	if got, _ := n.Do(ctx, "EXISTS", ks[0]); got != "0" {
		t.Errorf("lock still there after a releasing commit")
	}
	other := encodeRecord(&store.Document{ID: id, Terms: []string{"y"}})
	if err := run(commitScript, ks, token, other, packArticle(d.Article), member(id), "1"); err == nil || !strings.Contains(err.Error(), "WTLOCK") {
		t.Errorf("commit of another version without the lock: %v, want WTLOCK", err)
	}
	if got, err := s.Get(ctx, id); err != nil || got.Terms[0] != "x" {
		t.Errorf("Get = %+v, %v; want the committed version", got, err)
	}
}

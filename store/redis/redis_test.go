package redis

import (
	"context"
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

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
		if err := run(commitScript, ks, token, rec, packArticle(d.Article), member(id), "1", ""); err != nil {
			t.Fatalf("commit run %d: %v", i+1, err)
		}
	}
	if got, _ := n.Do(ctx, "EXISTS", ks[0]); got != "0" {
		t.Errorf("lock still there after a releasing commit")
	}
	other := encodeRecord(&store.Document{ID: id, Terms: []string{"y"}})
	if err := run(commitScript, ks, token, other, packArticle(d.Article), member(id), "1", ""); err == nil || !strings.Contains(err.Error(), "WTLOCK") {
		t.Errorf("commit of another version without the lock: %v, want WTLOCK", err)
	}
	if got, err := s.Get(ctx, id); err != nil || got.Terms[0] != "x" {
		t.Errorf("Get = %+v, %v; want the committed version", got, err)
	}
}

// TestCommitAfterLockExpired: a write slowed past lockTTL may still commit
// when nobody changed the document since it read it under the lock, and
// must not when someone did.
func TestCommitAfterLockExpired(t *testing.T) {
	n := redistest.Server(t)
	s := openFresh(t, n.Addr, Options{})
	ctx := context.Background()
	const id = "00000000000000aa"
	ks := []string{s.k.lock(id), s.k.record(id), s.k.article(id), s.k.ids(shardOf(id))}
	run := func(script string, keys []string, args ...any) error {
		return s.pipeline(ctx, []goredis.Cmder{eval(ctx, script, keys, args...)})
	}
	rec := func(term string) []byte { return encodeRecord(&store.Document{ID: id, Terms: []string{term}}) }
	art := packArticle([]byte(`{}`))

	// New document, lock expired, nobody wrote it meanwhile: commits.
	if err := run(lockScript, ks[:2], "t1", 1); err != nil {
		t.Fatal(err)
	}
	time.Sleep(20 * time.Millisecond)
	if err := run(commitScript, ks, "t1", rec("a"), art, member(id), "0", ""); err != nil {
		t.Fatalf("commit of an unchanged document after the lock expired: %v", err)
	}
	_ = run(unlockScript, ks[:1], "t1")

	// Replacement: the record read under the lock is "a"; another writer
	// then stores "b"; the stale commit must fail.
	if err := run(lockScript, ks[:2], "t2", 1); err != nil {
		t.Fatal(err)
	}
	sum := sha1.Sum(rec("a"))
	time.Sleep(20 * time.Millisecond)
	if _, err := n.Do(ctx, "SET", ks[1], string(rec("b"))); err != nil {
		t.Fatal(err)
	}
	err := run(commitScript, ks, "t2", rec("c"), art, member(id), "1", hex.EncodeToString(sum[:]))
	if err == nil || !strings.Contains(err.Error(), "WTLOCK") {
		t.Errorf("commit over a document changed after the lock expired: %v, want WTLOCK", err)
	}
	// And while another writer holds the lock, no commit goes through.
	if err := run(lockScript, ks[:2], "t3", 10000); err != nil {
		t.Fatal(err)
	}
	sum = sha1.Sum(rec("b"))
	if err := run(commitScript, ks, "t2", rec("c"), art, member(id), "0", hex.EncodeToString(sum[:])); err == nil {
		t.Error("commit went through while another writer held the lock")
	}
}

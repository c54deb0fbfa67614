package redis

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"

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

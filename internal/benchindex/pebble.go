package benchindex

import (
	"context"
	"fmt"

	"github.com/wiretrace/wiretrace/store"
	"github.com/wiretrace/wiretrace/store/pebble"
)

// Pebble returns the Backend of a Pebble store in dir, which should be
// empty. Its size is the store's tables on disk after a flush: the data
// as it stays, without the write-ahead log that a flush makes obsolete.
func Pebble(dir string) Backend {
	return Backend{
		Name: "pebble",
		Open: func(ctx context.Context) (store.Store, error) {
			return pebble.Open(dir, pebble.Options{})
		},
		Size: func(ctx context.Context, st store.Store) (int64, error) {
			ps, err := asPebble(st)
			if err != nil {
				return 0, err
			}
			if err := ps.Flush(); err != nil {
				return 0, err
			}
			tables, _, err := ps.DiskUsage()
			return int64(tables), err
		},
		Written: func(ctx context.Context, st store.Store) (int64, error) {
			ps, err := asPebble(st)
			if err != nil {
				return 0, err
			}
			n, err := ps.Written()
			return int64(n), err
		},
		Settle: func(ctx context.Context, st store.Store) error {
			ps, err := asPebble(st)
			if err != nil {
				return err
			}
			return ps.Settle(ctx)
		},
	}
}

// asPebble returns st as the Pebble store the backend opened.
func asPebble(st store.Store) (*pebble.Store, error) {
	ps, ok := st.(*pebble.Store)
	if !ok {
		return nil, fmt.Errorf("not a pebble store: %T", st)
	}
	return ps, nil
}

package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"

	"github.com/wiretrace/wiretrace/store"
	"github.com/wiretrace/wiretrace/store/pebble"
	"github.com/wiretrace/wiretrace/store/redis"
)

// defaultStoreDir is the store used without --store: wiretrace/index under
// the user's data directory ($XDG_DATA_HOME, else ~/.local/share; the
// platform's application data folder on macOS and Windows).
func defaultStoreDir() string {
	base := os.Getenv("XDG_DATA_HOME")
	if base == "" {
		switch runtime.GOOS {
		case "darwin", "windows":
			base, _ = os.UserConfigDir()
		default:
			if home, err := os.UserHomeDir(); err == nil {
				base = filepath.Join(home, ".local", "share")
			}
		}
	}
	if base == "" {
		base = "."
	}
	return filepath.Join(base, "wiretrace", "index")
}

// openStoreNamed opens the store the --store and --redis flags name: Redis
// at redisAddrs (or $WIRETRACE_REDIS when neither flag is given), else the
// Pebble store in dir (defaultStoreDir when empty), created if needed. It
// also says which store it opened. Giving both is a usage error.
func openStoreNamed(ctx context.Context, dir, redisAddrs string) (store.Store, storeName, error) {
	if dir != "" && redisAddrs != "" {
		return nil, storeName{}, usagef("give --store or --redis, not both")
	}
	if dir == "" && redisAddrs == "" {
		redisAddrs = os.Getenv(redis.EnvAddrs)
	}
	if redisAddrs != "" {
		st, err := redis.Open(ctx, redisAddrs, redis.Options{})
		if err != nil {
			return nil, storeName{}, fmt.Errorf("open redis store %s: %w", redisAddrs, err)
		}
		return st, storeName{"redis", redisAddrs}, nil
	}
	if dir == "" {
		dir = defaultStoreDir()
	}
	st, err := openPebble(dir)
	if err != nil {
		return nil, storeName{}, err
	}
	return st, storeName{"pebble", dir}, nil
}

// storeName says which store a command uses.
type storeName struct {
	backend  string // "pebble" or "redis"
	location string // the directory, or the Redis addresses
}

func (n storeName) String() string {
	if n.backend == "redis" {
		return "redis store " + n.location
	}
	return "store " + n.location
}

// openPebble opens (creating it if needed) the Pebble store in dir. A
// folder that holds other files and no store (a folder of pages given by
// mistake) is refused, not filled with the store's files.
func openPebble(dir string) (store.Store, error) {
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return nil, fmt.Errorf("open store %s: %w", dir, err)
	}
	if state := storeState(dir); state == dirForeign {
		return nil, fmt.Errorf("open store %s: the folder holds other files and no wiretrace store; give a new or empty folder", dir)
	}
	// Pebble's errors name the store already.
	st, err := pebble.Open(dir, pebble.Options{})
	if err != nil {
		return nil, err
	}
	return st, nil
}

// dirState is what a store directory holds.
type dirState int

const (
	dirAbsent  dirState = iota // no such directory
	dirEmpty                   // an empty directory
	dirStore                   // a Pebble store (its CURRENT file)
	dirForeign                 // other files, no store
)

// storeState says what dir holds.
func storeState(dir string) dirState {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return dirAbsent
	}
	if len(entries) == 0 {
		return dirEmpty
	}
	if slices.ContainsFunc(entries, func(e os.DirEntry) bool { return e.Name() == "CURRENT" }) {
		return dirStore
	}
	return dirForeign
}

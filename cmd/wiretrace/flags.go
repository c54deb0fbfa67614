package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/wiretrace/wiretrace/store"
	"github.com/wiretrace/wiretrace/store/redis"
	"github.com/wiretrace/wiretrace/trace"
	"github.com/wiretrace/wiretrace/wordnet"
)

// newFlags returns a flag set for a subcommand that reports its errors as
// usage errors instead of exiting. It prints nothing itself: parseFlags
// prints the usage when -h asks for it, and a bad flag becomes the one
// error line that exitCode prints.
func newFlags(e *env, name, args string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "Usage: wiretrace %s %s\n", name, args)
		fs.SetOutput(e.stderr)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
	}
	return fs
}

// parseFlags parses args into fs, turning a parse failure into a usageError.
func parseFlags(fs *flag.FlagSet, args []string) error {
	usage := fs.Usage
	fs.Usage = func() {} // the flag package calls it on every error
	err := fs.Parse(args)
	fs.Usage = usage
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			usage()
			return err
		}
		return usageError{fmt.Sprintf("%v (see wiretrace %s -h)", err, fs.Name())}
	}
	return nil
}

// parseInterspersed parses flags that may come before or after the
// positional arguments ("extract page.html --json"), as users type them.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := parseFlags(fs, args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		// "--" ends the flags: the flag package drops it and stops
		// there, and what follows is positional even when it starts
		// with a dash ("compare -- a.html -b.html").
		if at := len(args) - len(rest); at > 0 && args[at-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// storeFlags are --store and --redis, which every command that opens a
// store takes.
type storeFlags struct {
	dir, redis *string
}

func addStoreFlags(fs *flag.FlagSet) storeFlags {
	return storeFlags{
		dir:   fs.String("store", "", "Pebble store directory (default "+defaultStoreDir()+")"),
		redis: fs.String("redis", "", "Redis Cluster (or single server) addresses host:port,... instead of a Pebble store (default $"+redis.EnvAddrs+")"),
	}
}

// check refuses both flags at once.
func (f storeFlags) check() error {
	if *f.dir != "" && *f.redis != "" {
		return usagef("give --store or --redis, not both")
	}
	return nil
}

// open opens the store the flags name (see openStoreNamed). With existing
// set, a Pebble directory that does not exist is an error rather than a
// new empty store, for commands that read an index.
func (f storeFlags) open(ctx context.Context, existing bool) (store.Store, storeName, error) {
	if err := f.check(); err != nil {
		return nil, storeName{}, err
	}
	if existing && *f.redis == "" && os.Getenv(redis.EnvAddrs) == "" {
		dir := *f.dir
		if dir == "" {
			dir = defaultStoreDir()
		}
		// Opening a missing or empty directory would create an empty
		// store and read nothing; say what to do instead.
		if st := storeState(dir); st == dirAbsent || st == dirEmpty {
			return nil, storeName{}, fmt.Errorf("no index at %s (build one with wiretrace index --store %s INPUT...)", dir, dir)
		}
	}
	return openStoreNamed(ctx, *f.dir, *f.redis)
}

// comparisonFlags is --wordnet, the one switch of the comparison
// configuration, taken alike by every command that compares.
type comparisonFlags struct {
	wordnet *bool
}

func addComparisonFlags(fs *flag.FlagSet) comparisonFlags {
	return comparisonFlags{wordnet: fs.Bool("wordnet", false,
		"add WordNet's synonyms (from "+wordnet.DefaultDir+") to the built-in thesaurus; every report says whether they were used")}
}

// options returns the comparison configuration: trace.DefaultOptions, with
// WordNet when --wordnet asks for it (an error when it is not installed).
func (f comparisonFlags) options() (trace.Options, error) {
	opts := trace.DefaultOptions()
	if *f.wordnet {
		wn, err := wordnet.LoadDefault()
		if err != nil {
			return opts, fmt.Errorf("--wordnet: %w", err)
		}
		opts.WordNet = wn
	}
	return opts, nil
}

package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"

	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/cluster"
	"github.com/wiretrace/wiretrace/index"
	"github.com/wiretrace/wiretrace/internal/benchindex"
	"github.com/wiretrace/wiretrace/store"
	"github.com/wiretrace/wiretrace/store/redis"
)

// familySamples is about how many derived articles `bench index --cluster`
// looks at to tell how many the clustering put with their original.
const familySamples = 3000

// benchIndex runs `wiretrace bench index`: it generates a seeded corpus,
// indexes it into a fresh Pebble store (or Redis) and prints the ingest
// rate, the trace latencies, the store size per article and the peak
// memory as a Markdown table.
func benchIndex(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "bench index", "[--store DIR|--redis ADDRS] [--n N] [--seed S] [--cluster] [--settle]")
	storeDir := fs.String("store", "", "empty or new Pebble directory to fill (default a temporary one, removed afterwards)")
	redisAddrs := fs.String("redis", "", "Redis Cluster (or single server) addresses host:port,... to fill instead of Pebble; its keys should be empty")
	n := fs.Int("n", 100000, "articles to generate and index")
	seed := fs.Uint64("seed", 1, "corpus seed: the same seed gives the same corpus")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "ingest workers")
	queries := fs.Int("queries", 1000, "traces timed for candidate retrieval")
	reportQueries := fs.Int("report-queries", 200, "traces timed with the full reports of the top --reports candidates")
	reports := fs.Int("reports", 3, "candidates compared in full per timed trace")
	quiet := fs.Bool("quiet", false, "no progress lines on stderr")
	clusters := fs.Bool("cluster", false, "cluster the articles into stories as they are ingested (the time counts as ingest)")
	settle := fs.Bool("settle", false, "after each ingest step, wait for the store's compactions and report the ingest with them (compare ingests of different speeds so; the queries then run on a settled store)")
	ingestProfile := fs.String("cpuprofile-ingest", "", "write a CPU profile of the ingest to this file (go tool pprof)")
	queryProfile := fs.String("cpuprofile-queries", "", "write a CPU profile of the timed queries to this file")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return usagef("bench index takes no arguments, got %q", fs.Args())
	}
	if *n <= 0 || *workers <= 0 || *queries <= 0 || *reportQueries <= 0 || *reports <= 0 {
		return usagef("--n, --workers, --queries, --report-queries and --reports must be positive")
	}
	if *storeDir != "" && *redisAddrs != "" {
		return usagef("give --store or --redis, not both")
	}
	var b benchindex.Backend
	switch {
	case *redisAddrs != "":
		addrs := *redisAddrs
		b = benchindex.Backend{
			Name: "redis " + addrs,
			Open: func(ctx context.Context) (store.Store, error) {
				return redis.Open(ctx, addrs, redis.Options{})
			},
			Size: func(ctx context.Context, st store.Store) (int64, error) {
				return st.(*redis.Store).UsedMemory(ctx)
			},
		}
	default:
		dir := *storeDir
		if dir == "" {
			tmp, err := os.MkdirTemp("", "wiretrace-bench-index-")
			if err != nil {
				return fmt.Errorf("bench index: %w", err)
			}
			defer os.RemoveAll(tmp)
			dir = tmp
		} else if ents, err := os.ReadDir(dir); err == nil && len(ents) > 0 {
			return fmt.Errorf("bench index: %s is not empty; the benchmark needs a new store", dir)
		}
		b = benchindex.Pebble(dir)
	}
	if !*settle {
		b.Settle = nil
	}
	cfg := benchindex.Config{
		N: *n, Seed: *seed, Workers: *workers,
		Queries: *queries, ReportQueries: *reportQueries, Reports: *reports,
	}
	if !*quiet {
		cfg.Log = e.stderr
	}
	for _, p := range []struct {
		path string
		w    *io.Writer
	}{{*ingestProfile, &cfg.IngestProfile}, {*queryProfile, &cfg.QueryProfile}} {
		if p.path == "" {
			continue
		}
		f, err := os.Create(p.path)
		if err != nil {
			return fmt.Errorf("bench index: %w", err)
		}
		defer f.Close()
		*p.w = f
	}
	var c *cluster.Clusters
	if *clusters {
		cfg.OnIndexed = func(ix *index.Index) func(string, *article.Article, index.Fingerprint) map[string]string {
			c = cluster.New(cluster.Options{Articles: ix})
			return c.OnIndexed
		}
	}
	res, err := benchindex.Run(ctx, b, cfg)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "wiretrace bench index --n %d --seed %d (%d workers, GOMAXPROCS %d)\n\n", *n, *seed, res.Workers, runtime.GOMAXPROCS(0))
	if c != nil {
		fmt.Fprintf(e.stdout, "story clustering during the ingest: %d clusters, %d joins decided by the confirm model; derived articles in their original's cluster:", len(c.Groups()), c.Confirmed())
		together := func(id, orig string) bool { return slices.Contains(c.Of(id), orig) }
		for _, t := range (benchindex.Corpus{Seed: *seed}).FamiliesTogether(*n, familySamples, together) {
			fmt.Fprintf(e.stdout, " %s %d of %d;", t.Kind, t.In, t.Of)
		}
		fmt.Fprintf(e.stdout, "\n\n")
	}
	return benchindex.WriteTable(e.stdout, res)
}

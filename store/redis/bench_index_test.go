package redis_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/wiretrace/wiretrace/internal/benchindex"
	"github.com/wiretrace/wiretrace/internal/redistest"
	"github.com/wiretrace/wiretrace/store"
	"github.com/wiretrace/wiretrace/store/redis"
)

// TestBenchIndex runs the index benchmark (internal/benchindex) on Redis
// with one master and with a cluster of three, and on Pebble beside them,
// and prints one table. It is a benchmark, not a CI test: it runs only
// when WIRETRACE_BENCH_REDIS gives the number of articles, e.g.
//
//	WIRETRACE_BENCH_REDIS=100000 go test -run TestBenchIndex -v -timeout 2h ./store/redis
func TestBenchIndex(t *testing.T) {
	v := os.Getenv("WIRETRACE_BENCH_REDIS")
	if v == "" {
		t.Skip("skipping: a benchmark; set WIRETRACE_BENCH_REDIS=N (articles) to run it")
	}
	n, err := strconv.Atoi(v)
	if err != nil || n <= 0 {
		t.Fatalf("WIRETRACE_BENCH_REDIS=%q: want a positive number of articles", v)
	}
	cfg := benchindex.Config{N: n, Seed: 1, Log: os.Stderr}
	var only map[string]bool
	if o := os.Getenv("WIRETRACE_BENCH_ONLY"); o != "" {
		only = map[string]bool{}
		for _, b := range strings.Split(o, ",") {
			only[b] = true
		}
	}
	var results []benchindex.Result
	run := func(name string, b func() benchindex.Backend) {
		if only != nil && !only[name] {
			return
		}
		res, err := benchindex.Run(context.Background(), b(), cfg)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		results = append(results, res)
		var sb strings.Builder
		benchindex.WriteTable(&sb, res)
		t.Logf("\n%s", sb.String())
	}
	run("pebble", func() benchindex.Backend { return benchindex.Pebble(filepath.Join(t.TempDir(), "pebble")) })
	cpu := map[string]time.Duration{}
	run("redis1", func() benchindex.Backend {
		node := redistest.Server(t, redis.RecommendedConfig()...)
		return redisBackend(t, "redis, 1 server", node.Addr, []*redistest.Node{node}, cpu)
	})
	run("redis3", func() benchindex.Backend {
		c := redistest.NewCluster(t, 3, 0, redis.RecommendedConfig()...)
		return redisBackend(t, "redis cluster, 3 masters", strings.Join(c.Addrs(), ","), c.Nodes, cpu)
	})
	var sb strings.Builder
	benchindex.WriteTable(&sb, results...)
	for _, r := range results {
		if strings.HasPrefix(r.Backend, "redis") && r.N > 0 {
			perArticle := cpu[r.Backend] / time.Duration(r.N)
			fmt.Fprintf(&sb, "\n%s: %.0f bytes of Redis memory per article (used_memory growth / articles); "+
				"ingest cost the servers %v of CPU, %v per article: one server core takes %.0f articles/s",
				r.Backend, float64(r.StoreBytes)/float64(r.N), cpu[r.Backend].Round(time.Millisecond), perArticle, 1/perArticle.Seconds())
		}
	}
	t.Logf("N=%d\n%s", n, sb.String())
}

// cpuTime sums the CPU time of nodes.
func cpuTime(nodes []*redistest.Node) (time.Duration, error) {
	var sum time.Duration
	for _, n := range nodes {
		d, err := n.CPUTime()
		if err != nil {
			return 0, err
		}
		sum += d
	}
	return sum, nil
}

// redisBackend measures a Redis store; its size is the growth of
// used_memory over all masters during the ingest. It also records in
// cpu[name] the CPU time the servers spent during the ingest (Size runs
// right after it, before the queries).
func redisBackend(t *testing.T, name, addrs string, nodes []*redistest.Node, cpu map[string]time.Duration) benchindex.Backend {
	var base int64
	var cpu0 time.Duration
	return benchindex.Backend{
		Name: name,
		Open: func(ctx context.Context) (store.Store, error) {
			s, err := redis.Open(ctx, addrs, redis.Options{})
			if err != nil {
				return nil, err
			}
			if base, err = s.UsedMemory(ctx); err == nil {
				cpu0, err = cpuTime(nodes)
			}
			if err != nil {
				s.Close()
				return nil, err
			}
			return s, nil
		},
		Size: func(ctx context.Context, st store.Store) (int64, error) {
			c, err := cpuTime(nodes)
			if err != nil {
				return 0, err
			}
			cpu[name] = c - cpu0
			t.Logf("%s: retried during the ingest: %+v", name, st.(*redis.Store).Retries())
			used, err := st.(*redis.Store).UsedMemory(ctx)
			return used - base, err
		},
	}
}

package benchindex

import (
	"context"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/index"
)

// TestSmoke runs the index benchmark on a 20,000-article corpus (2,000
// with -short or -race) and holds what does not depend on the machine:
// every article stored, and the originals of derived queries found.
// Speed is logged, never asserted.
func TestSmoke(t *testing.T) {
	n, q, rq := 20000, 200, 40
	if testing.Short() || raceEnabled {
		n, q, rq = 2000, 60, 12
	}
	res, err := Run(context.Background(), Pebble(t.TempDir()), Config{
		N: n, Seed: 1, Chunk: 5000, Queries: q, ReportQueries: rq,
	})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	WriteTable(&b, res)
	t.Logf("\n%s", b.String())
	if res.N != int64(n) {
		t.Errorf("%d documents stored, want %d", res.N, n)
	}
	if res.Recall < 0.95 {
		t.Errorf("original among the first 10 candidates for %.3f of derived queries, want >= 0.95", res.Recall)
	}
	if res.TraceFirst < 0.9 {
		t.Errorf("original first in trace for %.3f of copied and edited queries, want >= 0.9", res.TraceFirst)
	}
	if res.StoreBytes <= 0 || res.PeakRSS < 0 {
		t.Errorf("store %d bytes, peak RSS %d", res.StoreBytes, res.PeakRSS)
	}
	// Every table of the store was written once at least (its log too).
	if res.WrittenBytes < res.StoreBytes {
		t.Errorf("%d bytes written to disk for a store of %d", res.WrittenBytes, res.StoreBytes)
	}
	if !strings.Contains(b.String(), "disk writes per article") {
		t.Error("the table lacks the disk writes")
	}
}

// TestOnIndexedCPU holds that the CPU time spent in Config.OnIndexed is
// measured (on Linux) and shown in the table.
func TestOnIndexedCPU(t *testing.T) {
	calls := 0
	var mu sync.Mutex
	res, err := Run(context.Background(), Pebble(t.TempDir()), Config{
		N: 300, Seed: 1, Queries: 10, ReportQueries: 2,
		OnIndexed: func(*index.Index) func(string, *article.Article, index.Fingerprint) map[string]string {
			return func(string, *article.Article, index.Fingerprint) map[string]string {
				mu.Lock()
				defer mu.Unlock()
				calls++
				x := 0
				for i := range 200000 {
					x += i * i
				}
				return map[string]string{"x": strconv.Itoa(x)}
			}
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if calls != 300 {
		t.Errorf("OnIndexed called %d times, want 300", calls)
	}
	if runtime.GOOS != "linux" {
		return
	}
	if res.OnIndexedCPU <= 0 || res.OnIndexedCPU > res.IngestCPU {
		t.Errorf("OnIndexedCPU %v, IngestCPU %v: want 0 < hook <= ingest", res.OnIndexedCPU, res.IngestCPU)
	}
	var b strings.Builder
	WriteTable(&b, res)
	if !strings.Contains(b.String(), "in OnIndexed") {
		t.Errorf("no OnIndexed row in\n%s", b.String())
	}
}

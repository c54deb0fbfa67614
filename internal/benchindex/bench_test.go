package benchindex

import (
	"context"
	"strings"
	"testing"
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
}

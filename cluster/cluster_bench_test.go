package cluster

import (
	"fmt"
	"runtime"
	"testing"

	"github.com/wiretrace/wiretrace/index"
	"github.com/wiretrace/wiretrace/internal/benchindex"
)

// BenchmarkAdd measures adding one article of `wiretrace bench index`'s
// synthetic corpus to the clusters of the 10,000 before it, the work an
// ingest adds per article; compare with the ingest's own CPU per article
// (wiretrace bench index). Beside the wall time it reports the thread's
// CPU time per add (cpu-µs/op, on Linux), which a loaded machine inflates
// far less.
func BenchmarkAdd(b *testing.B) {
	const before = 10000
	corpus := benchindex.Corpus{Seed: 1}
	fps := make([]index.Fingerprint, before+b.N)
	for i := range fps {
		a, _, _ := corpus.Article(i)
		fps[i] = index.FingerprintOf(a)
	}
	c := New(Options{})
	for i := range before {
		c.AddFingerprint(fmt.Sprint(i), fps[i])
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	b.ResetTimer()
	cpu := benchindex.ThreadCPU()
	for i := range b.N {
		c.AddFingerprint(fmt.Sprint(before+i), fps[before+i])
	}
	b.ReportMetric(float64(benchindex.ThreadCPU()-cpu)/float64(b.N)/1e3, "cpu-µs/op")
}

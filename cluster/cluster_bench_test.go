package cluster

import (
	"fmt"
	"runtime"
	"testing"

	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/index"
	"github.com/wiretrace/wiretrace/internal/benchindex"
)

// BenchmarkAdd measures adding one article of `wiretrace bench index`'s
// synthetic corpus to the clusters of the 10,000 or 200,000 before it, the
// work an ingest adds per article; compare with the ingest's own CPU per
// article (wiretrace bench index). Beside the wall time it reports the
// thread's CPU time per add (cpu-µs/op, on Linux), which a loaded machine
// inflates far less. The larger corpus takes a minute to build.
func BenchmarkAdd(b *testing.B) {
	for _, before := range []int{10000, 200000} {
		b.Run(fmt.Sprint(before), func(b *testing.B) {
			corpus := benchindex.Corpus{Seed: 1}
			c := New(Options{})
			for i := range before {
				a, _, _ := corpus.Article(i)
				c.AddFingerprint(fmt.Sprint(i), a, index.FingerprintOf(a))
			}
			fps := make([]index.Fingerprint, b.N)
			arts := make([]*article.Article, b.N)
			for i := range fps {
				arts[i], _, _ = corpus.Article(before + i)
				fps[i] = index.FingerprintOf(arts[i])
			}
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			b.ResetTimer()
			cpu := benchindex.ThreadCPU()
			for i := range b.N {
				c.AddFingerprint(fmt.Sprint(before+i), arts[i], fps[i])
			}
			b.ReportMetric(float64(benchindex.ThreadCPU()-cpu)/float64(b.N)/1e3, "cpu-µs/op")
		})
	}
}

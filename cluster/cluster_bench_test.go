package cluster

import (
	"fmt"
	"testing"

	"github.com/wiretrace/wiretrace/index"
	"github.com/wiretrace/wiretrace/internal/benchindex"
)

// BenchmarkAdd measures adding one article of `wiretrace bench index`'s
// synthetic corpus to the clusters of the 10,000 before it, the work an
// ingest adds per article; compare with the ingest's own CPU per article
// (wiretrace bench index).
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
	b.ResetTimer()
	for i := range b.N {
		c.AddFingerprint(fmt.Sprint(before+i), fps[before+i])
	}
}

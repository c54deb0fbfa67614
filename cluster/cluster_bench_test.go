package cluster

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/index"
)

// BenchmarkAdd measures adding one 500-word article to clusters of 5,000,
// the work an ingest adds per article; compare with the ingest's own CPU
// per article (wiretrace bench index).
func BenchmarkAdd(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	vocab := make([]string, 20000)
	for i := range vocab {
		vocab[i] = fmt.Sprintf("w%dx", i)
	}
	mk := func() *article.Article {
		var sb strings.Builder
		for range 500 {
			// Zipf-like: small indices far more often.
			sb.WriteString(vocab[int(float64(len(vocab))*r.Float64()*r.Float64()*r.Float64())])
			sb.WriteByte(' ')
		}
		return &article.Article{Paragraphs: []string{sb.String()}}
	}
	arts := make([]*article.Article, 5000+b.N)
	fps := make([]index.Fingerprint, len(arts))
	for i := range arts {
		arts[i] = mk()
		fps[i] = index.FingerprintOf(arts[i])
	}
	c := New(Options{})
	for i := range 5000 {
		c.AddFingerprint(fmt.Sprint(i), fps[i])
	}
	b.ResetTimer()
	for i := range b.N {
		c.AddFingerprint(fmt.Sprint(5000+i), fps[5000+i])
	}
}

package index_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/index"
	"github.com/wiretrace/wiretrace/internal/benchindex"
)

// BenchmarkIngest measures the pipeline into Pebble: each iteration
// ingests 500 new articles; ns/article is the figure to compare.
func BenchmarkIngest(b *testing.B) {
	c := benchindex.Corpus{Seed: 5}
	arts := make([]*article.Article, 500)
	for i := range arts {
		arts[i], _, _ = c.Article(i)
	}
	ix := index.New(openStore(b, b.TempDir()))
	round := 0
	for b.Loop() {
		items := make(chan index.Item, len(arts))
		for _, a := range arts {
			cp := *a
			cp.URL = fmt.Sprintf("%s?round=%d", a.URL, round)
			items <- index.Item{Article: &cp}
		}
		close(items)
		if _, err := ix.Ingest(context.Background(), items, index.Options{NoExistCheck: true}); err != nil {
			b.Fatal(err)
		}
		round++
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(round*len(arts)), "ns/article")
}

// BenchmarkCandidates measures retrieval over 5,000 indexed articles.
func BenchmarkCandidates(b *testing.B) {
	ctx := context.Background()
	c := benchindex.Corpus{Seed: 6}
	ix := index.New(openStore(b, b.TempDir()))
	if _, err := ix.Ingest(ctx, feed(c, 0, 5000), index.Options{NoExistCheck: true}); err != nil {
		b.Fatal(err)
	}
	queries := make([]*article.Article, 100)
	for j := range queries {
		queries[j], _, _ = c.Query(j, 5000)
	}
	b.ResetTimer()
	j := 0
	for b.Loop() {
		if _, err := ix.Candidates(ctx, queries[j%len(queries)], index.QueryOptions{}); err != nil {
			b.Fatal(err)
		}
		j++
	}
}

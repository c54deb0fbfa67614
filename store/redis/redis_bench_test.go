package redis

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/wiretrace/wiretrace/internal/redistest"
	"github.com/wiretrace/wiretrace/store"
)

// benchDocs makes n documents shaped like wiretrace's: a 128-value
// signature, 20 band keys, 24 terms drawn from a vocabulary of 5,000.
func benchDocs(r *rand.Rand, n int) []store.Document {
	docs := make([]store.Document, n)
	for i := range docs {
		d := store.Document{
			ID:        fmt.Sprintf("%016x", r.Uint64()),
			Article:   []byte(`{"title":"t","paragraphs":["` + strings.Repeat("word ", 600) + `"]}`),
			Signature: make([]uint32, 128),
			Bands:     make([]uint64, 20),
			Terms:     make([]string, 24),
		}
		for j := range d.Signature {
			d.Signature[j] = r.Uint32()
		}
		for j := range d.Bands {
			d.Bands[j] = r.Uint64()
		}
		for j := range d.Terms {
			d.Terms[j] = fmt.Sprintf("term%d", r.IntN(5000))
		}
		docs[i] = d
	}
	return docs
}

func benchStores(b *testing.B) map[string]string {
	return map[string]string{
		"server":    redistest.Server(b).Addr,
		"3 masters": strings.Join(redistest.NewCluster(b, 3, 0).Addrs(), ","),
	}
}

// BenchmarkPut puts batches of 512 new documents, the index's batch size.
func BenchmarkPut(b *testing.B) {
	for name, addrs := range benchStores(b) {
		b.Run(name, func(b *testing.B) {
			s, err := Open(context.Background(), addrs, Options{Prefix: "bench-put:"})
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			r := rand.New(rand.NewPCG(1, 2))
			b.ResetTimer()
			for b.Loop() {
				b.StopTimer()
				docs := benchDocs(r, 512)
				b.StartTimer()
				if err := s.Put(context.Background(), docs); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N*512)/b.Elapsed().Seconds(), "docs/s")
		})
	}
}

// BenchmarkQuery reads what one trace reads: 20 band postings, 64 term
// postings and 200 signatures, over 5,000 stored documents.
func BenchmarkQuery(b *testing.B) {
	for name, addrs := range benchStores(b) {
		b.Run(name, func(b *testing.B) {
			ctx := context.Background()
			s, err := Open(ctx, addrs, Options{Prefix: "bench-query:"})
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			r := rand.New(rand.NewPCG(3, 4))
			docs := benchDocs(r, 5000)
			for i := 0; i < len(docs); i += 500 {
				if err := s.Put(ctx, docs[i:i+500]); err != nil {
					b.Fatal(err)
				}
			}
			bands := docs[0].Bands
			terms := make([]string, 64)
			for i := range terms {
				terms[i] = fmt.Sprintf("term%d", i*70)
			}
			ids := make([]string, 200)
			for i := range ids {
				ids[i] = docs[i*20].ID
			}
			for b.Loop() {
				if _, err := s.BandPostings(ctx, bands, 1000); err != nil {
					b.Fatal(err)
				}
				if _, err := s.TermPostings(ctx, terms, 256); err != nil {
					b.Fatal(err)
				}
				if _, err := s.Signatures(ctx, ids); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

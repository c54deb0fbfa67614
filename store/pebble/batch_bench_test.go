package pebble

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// BenchmarkSortBatch measures ordering the operations of one ingest
// write: 512 documents with a record, a signature, 20 band postings and
// 39 term postings each, as the index writes them.
func BenchmarkSortBatch(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	words := make([]string, 5000)
	for i := range words {
		w := make([]byte, 4+r.IntN(9))
		for j := range w {
			w[j] = byte('a' + r.IntN(26))
		}
		words[i] = string(w)
	}
	var src sortedBatch
	for d := range 512 {
		id := fmt.Sprintf("%016x", r.Uint64())
		src.Set(docKey(id), []byte("record"), nil)
		src.Set(sigKey(id), []byte("sig"), nil)
		for range 20 {
			src.Set(append(bandPrefix(r.Uint64()), id...), nil, nil)
		}
		for j := range 39 {
			src.Set(append(termPrefix(words[(d*7+j*j)%len(words)]), id...), nil, nil)
		}
	}
	var refs []opRef
	for b.Loop() {
		refs = src.order()
	}
	if !slices.IsSortedFunc(refs, func(x, y opRef) int { return bytes.Compare(src.ops[x.at].key, src.ops[y.at].key) }) {
		b.Fatal("not sorted")
	}
}

package pebble

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"testing"
)

// TestOrder checks the order of a write's ops against a comparison sort,
// on writes of every size around radixMin, with keys shorter than the
// 8-byte prefix, keys that share it, and repeated keys.
func TestOrder(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	terms := []string{"a", "ab", "harbour", "harbours", "harbourside", "lighthouse", "lighthouses", "x\xff"}
	for _, n := range []int{0, 1, 2, radixMin - 1, radixMin, radixMin + 1, 3000} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			var b sortedBatch
			for len(b.ops) < n {
				id := fmt.Sprintf("%016x", r.Uint64()%64)
				switch r.IntN(5) {
				case 0:
					b.Set(docKey(id), []byte("record"), nil)
				case 1:
					b.Delete(sigKey(id), nil)
				case 2:
					b.Set(append(bandPrefix(r.Uint64()%8<<(8*r.IntN(8))), id...), nil, nil)
				case 3:
					b.Set(append(termPrefix(terms[r.IntN(len(terms))]), id...), nil, nil)
				default:
					b.Set([]byte{prefixMeta}, nil, nil)
				}
			}
			refs := b.order()
			seen := make([]bool, len(b.ops))
			for i, r := range refs {
				if seen[r.at] {
					t.Fatalf("op %d twice", r.at)
				}
				seen[r.at] = true
				if i > 0 && bytes.Compare(b.ops[refs[i-1].at].key, b.ops[r.at].key) > 0 {
					t.Fatalf("%q before %q", b.ops[refs[i-1].at].key, b.ops[r.at].key)
				}
			}
			if len(refs) != len(b.ops) {
				t.Fatalf("%d refs for %d ops", len(refs), len(b.ops))
			}
		})
	}
}

package scratch

import (
	"math/rand/v2"
	"slices"
	"testing"
)

func TestSortShort(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 2, 7, 48, 49, 500} {
		x := make([]uint64, n)
		for i := range x {
			x[i] = r.Uint64() % 64 // repeats too
		}
		want := slices.Sorted(slices.Values(x))
		SortShort(x)
		if !slices.Equal(x, want) {
			t.Fatalf("n=%d: %v, want %v", n, x, want)
		}
	}
}

func TestResize(t *testing.T) {
	s := []int{1, 2, 3, 4}
	r := Resize(s, 3)
	if len(r) != 3 || &r[0] != &s[0] || r[0] != 0 || r[2] != 0 {
		t.Fatalf("Resize within capacity: %v (same array %v)", r, &r[0] == &s[0])
	}
	if r = Resize(s, 9); len(r) != 9 || r[8] != 0 {
		t.Fatalf("Resize beyond capacity: %v", r)
	}
}

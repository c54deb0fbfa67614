package eval

import (
	"math"
	"testing"
)

func TestAdjustedRand(t *testing.T) {
	for _, tc := range []struct {
		name       string
		gold, pred []string
		want       float64
	}{
		{"same", []string{"a", "a", "b", "b"}, []string{"x", "x", "y", "y"}, 1},
		{"renamed", []string{"a", "a", "b"}, []string{"2", "2", "1"}, 1},
		// The sklearn documentation's example: 0.571...
		{"partial", []string{"0", "0", "1", "1"}, []string{"0", "0", "1", "2"}, 0.5714285714285715},
		{"all apart against one story", []string{"a", "a", "a", "a"}, []string{"1", "2", "3", "4"}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := AdjustedRand(tc.gold, tc.pred); math.Abs(got-tc.want) > 1e-9 {
				t.Errorf("ARI = %v, want %v", got, tc.want)
			}
		})
	}
}

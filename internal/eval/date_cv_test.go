package eval

import (
	"fmt"
	"testing"
)

func TestCVFold(t *testing.T) {
	counts := make([]int, cvFolds)
	for i := 0; i < 1000; i++ {
		id := fmt.Sprintf("%04d", i)
		f := cvFold(1, id)
		if f != cvFold(1, id) {
			t.Fatalf("cvFold(1, %s) is not stable", id)
		}
		counts[f]++
	}
	for f, n := range counts {
		// 200 expected per fold; 150 is over 4 standard deviations off.
		if n < 150 {
			t.Errorf("fold %d holds %d of 1000 ids: %v", f, n, counts)
		}
	}
	moved := 0
	for i := 0; i < 1000; i++ {
		id := fmt.Sprintf("%04d", i)
		if cvFold(0, id) != cvFold(1, id) {
			moved++
		}
	}
	if moved < 600 {
		t.Errorf("only %d of 1000 ids change fold between shufflings", moved)
	}
}

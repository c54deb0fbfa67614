package eval_test

import (
	"fmt"

	"github.com/wiretrace/wiretrace/internal/eval"
)

// A prediction with a share prompt after the article keeps all the true
// shingles (recall 1) but adds three false ones.
func ExampleCompareBodies() {
	truth := "The council voted to extend the tram line."
	pred := "The council voted to extend the tram line. Share this story."
	m := eval.CompareBodies(truth, pred)
	fmt.Printf("precision %.3f recall %.3f exact %v\n", m.Precision(), m.Recall(), m.Exact)

	s := eval.SummarizeBodies([]eval.BodyMatch{m, eval.CompareBodies(truth, truth)})
	fmt.Printf("over two pages: F1 %.3f accuracy %.2f\n", s.F1, s.Accuracy)
	// Output:
	// precision 0.625 recall 1.000 exact false
	// over two pages: F1 0.897 accuracy 0.50
}

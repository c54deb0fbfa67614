package drift_test

import (
	"fmt"

	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/drift"
	"github.com/wiretrace/wiretrace/textproc"
)

func ExampleFind() {
	src := textproc.Analyze(&article.Article{Paragraphs: []string{
		"Finance Minister Tomas Ferreira said inflation eased to 2.6% in October.",
		"The board did not discuss a larger cut on Wednesday.",
	}})
	der := textproc.Analyze(&article.Article{Paragraphs: []string{
		"Inflation slowed to 2.4% in October, Prime Minister Tomas Ferreira said.",
		"On Thursday the board discussed a larger cut.",
	}})
	pairs := []drift.Pair{{Source: []int{0}, Derived: []int{0}}, {Source: []int{1}, Derived: []int{1}}}
	for _, d := range drift.Find(src, der, pairs) {
		fmt.Printf("%s: %q → %q\n", d.Kind, d.SourceSpan, d.DerivedSpan)
	}
	// Output:
	// role: "Finance Minister Tomas Ferreira" → "Prime Minister Tomas Ferreira"
	// number: "2.6%" → "2.4%"
	// date: "Wednesday" → "Thursday"
	// negation: "did not discuss" → "discussed"
}

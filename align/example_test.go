package align_test

import (
	"fmt"

	"github.com/wiretrace/wiretrace/align"
	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/textproc"
)

func ExampleAlign() {
	src := textproc.Analyze(&article.Article{Paragraphs: []string{
		"The city council approved a new budget for the harbour district on Monday.",
		"The plan adds 40 buses to the northern routes. Residents had asked for better service for years.",
	}})
	der := textproc.Analyze(&article.Article{Paragraphs: []string{
		"Residents have long demanded improved service. The harbour district's new budget was approved by the city council on Monday.",
		"Officials believe the future of transport is bright.",
	}})
	al := align.Align(src, der, align.Options{})
	for _, p := range al.Pairs {
		fmt.Println("source", p.Source, "derived", p.Derived, p.Kind)
	}
	fmt.Println("unsupported", al.Unsupported(), "omitted", al.Omitted())
	// Output:
	// source [0] derived [1] paraphrase
	// unsupported [0 2] omitted [1 2]
}

func ExampleScorePair() {
	same := align.ScorePair(
		"The council approved the harbour budget on Monday.",
		"On Monday the council approved the budget for the harbour.", align.Options{})
	other := align.ScorePair(
		"The council approved the harbour budget on Monday.",
		"Heavy rain flooded several roads in the capital.", align.Options{})
	fmt.Println(same > align.MRPCThreshold, other > align.MRPCThreshold)
	// Output: true false
}

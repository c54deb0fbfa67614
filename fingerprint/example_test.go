package fingerprint_test

import (
	"fmt"

	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/fingerprint"
)

func Example() {
	a := &article.Article{Paragraphs: []string{
		"The harbour authority of Velmora approved a new ferry terminal on Tuesday, " +
			"its chairman said, after two years of disputes over the cost of the pier.",
	}}
	b := &article.Article{Paragraphs: []string{
		"The harbour authority of Velmora approved a new ferry terminal on Wednesday, " +
			"its chairman said, after two years of disputes over the cost of the pier.",
	}}
	fa := fingerprint.Of(a, fingerprint.Options{})
	fb := fingerprint.Of(b, fingerprint.Options{})
	fmt.Printf("similarity %.1f\n", fingerprint.Similarity(fa.Signature, fb.Signature))
	fmt.Println("first term:", fa.Terms[0])
	// Output:
	// similarity 0.6
	// first term: velmora
}

package drift

import (
	"fmt"
	"testing"

	"github.com/wiretrace/wiretrace/textproc"
)

// benchDocs builds an invented 40-sentence source and a rewrite of it
// that keeps most facts and changes some (a figure, a title, a weekday, a
// negation), with sentence i of each paired.
func benchDocs() (src, der *textproc.Doc, pairs []Pair) {
	var s, d []string
	for k := 0; k < 10; k++ {
		s = append(s,
			fmt.Sprintf("The harbour council of Nordvik approved a budget of $%d.5 million on Tuesday, Mayor Elena Varga said.", k+2),
			fmt.Sprintf("\"We did not expect the costs to rise by %d percent,\" said Finance Minister Jonas Berg.", k+3),
			fmt.Sprintf("Workers at Nordhavn Logistics walked out in district %d after talks with the buyer failed.", k),
			"Residents have asked for better ferry service for years, according to a survey.")
		d = append(d,
			fmt.Sprintf("Nordvik's harbour council passed a $%d.5 million budget on Wednesday, said Mayor Elena Varga.", k+4),
			fmt.Sprintf("\"We expected the costs to rise by %d percent,\" said former Finance Minister Jonas Berg.", k+3),
			fmt.Sprintf("Staff at Nordhavn Logistics went on strike in district %d when talks with the buyer collapsed.", k),
			"For years residents have demanded a better ferry service, a survey found.")
	}
	for i := range s {
		pairs = append(pairs, Pair{Source: []int{i}, Derived: []int{i}})
	}
	return doc(s...), doc(d...), pairs
}

// BenchmarkExamine measures the review of a 40-sentence rewrite over its
// aligned pairs (analysis excluded).
func BenchmarkExamine(b *testing.B) {
	src, der, pairs := benchDocs()
	if n := len(Examine(src, der, pairs).Found); n == 0 {
		b.Fatal("the benchmark rewrite shows no drift")
	}
	b.ReportAllocs()
	for b.Loop() {
		Examine(src, der, pairs)
	}
}

package textproc

import (
	"fmt"
	"strings"
	"testing"

	"github.com/wiretrace/wiretrace/article"
)

// benchArticle is an invented 40-sentence wire story built from templates.
func benchArticle() *article.Article {
	a := &article.Article{}
	for p := 0; p < 10; p++ {
		var b strings.Builder
		for s := 0; s < 4; s++ {
			n := p*4 + s
			switch s {
			case 0:
				fmt.Fprintf(&b, "The harbour council of Nordvik approved a budget of $%d.5 million on Tuesday, Mayor Elena Varga said. ", n+2)
			case 1:
				fmt.Fprintf(&b, "\"We did not expect the costs to rise by %d percent,\" said Finance Minister Jonas Berg. ", n+3)
			case 2:
				fmt.Fprintf(&b, "Workers at Nordhavn Logistics Inc. walked out in Jan. %d after talks with the U.S. buyer failed. ", n%28+1)
			case 3:
				fmt.Fprintf(&b, "Residents of district %d have asked for better ferry service for years, according to a survey. ", n)
			}
		}
		a.Paragraphs = append(a.Paragraphs, strings.TrimSpace(b.String()))
	}
	return a
}

// BenchmarkAnalyze measures Analyze on a 40-sentence article.
func BenchmarkAnalyze(b *testing.B) {
	a := benchArticle()
	if n := len(Analyze(a).Sentences); n != 40 {
		b.Fatalf("benchmark article has %d sentences, want 40", n)
	}
	b.ReportAllocs()
	for b.Loop() {
		Analyze(a)
	}
}

// BenchmarkSegment measures sentence splitting of the 40-sentence article
// and of a lower-cased run without sentence marks (cut at clauses).
func BenchmarkSegment(b *testing.B) {
	paras := benchArticle().Paragraphs
	var run strings.Builder
	for k := 0; k < 12; k++ {
		fmt.Fprintf(&run, "the council said the budget for district %d would rise, and residents asked for more ferries while the union warned of strikes ", k)
	}
	paras = append(paras, run.String())
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range paras {
			Segment(p)
		}
	}
}

package trace_test

import (
	"fmt"

	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/trace"
)

func ExampleCompare() {
	wire := &article.Article{
		Title:     "Council approves harbour budget",
		Published: "2026-03-02T10:00:00Z",
		Paragraphs: []string{
			"PORTVALE (Meridian Press) - The city council approved a new budget for the harbour district on Monday.",
			"The plan adds 40 buses to the northern routes, Mayor Ines Varga said.",
			"Fares will stay at 2 euros until the end of 2027.",
		},
	}
	rewrite := &article.Article{
		Title:     "Harbour District Gets New Budget",
		Published: "2026-03-09",
		Paragraphs: []string{
			"On Tuesday, the city council gave its approval to a fresh budget for the harbour district.",
			"According to former Mayor Ines Varga, the plan adds 40 buses to the northern routes.",
			"Riders will keep paying 2 euros a fare through the end of 2027.",
			"Public transport remains vital to the future of every modern city.",
		},
	}
	r := trace.Compare(wire, rewrite, trace.Options{})
	fmt.Println("relation:", r.Relation, "source:", r.Source, "credits source:", r.CreditsSource)
	fmt.Println("unsupported:", r.Unsupported)
	for _, d := range r.Drifts {
		fmt.Printf("%s: %q → %q\n", d.Kind, d.SourceSpan, d.DerivedSpan)
	}
	// Output:
	// relation: rewrite source: a credits source: false
	// unsupported: [3]
	// date: "Monday" → "Tuesday"
	// role: "Mayor Ines Varga" → "former Mayor Ines Varga"
}

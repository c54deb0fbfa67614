package drift

import (
	"slices"
	"testing"
)

// TestExamine checks the article-level review: facts only the derived
// side states become suspects, reported only when the rewrite is judged
// changed, and for a partial copy only in sentences about the source's
// story.
func TestExamine(t *testing.T) {
	src := doc("The ferry service resumed on the northern route on Monday, operator Ilse Varga said.",
		"Operators cited calmer seas after a week of storms.",
		"Passengers had waited for days at the harbour.",
		"The harbour master welcomed the decision.",
		"Tickets went on sale at noon.")
	der := doc("The ferry service resumed on the northern route on Monday, operator Ilse Varga said.",
		"Operators cited calmer seas after a week of storms.",
		"Varga later admitted that 340 passengers had been stranded.",
		"\"We were told to keep quiet about the engine fault,\" said Tomas Brevik, a deckhand.",
		"The harbour master welcomed the decision.")
	pairs := []Pair{{Source: []int{0}, Derived: []int{0}}, {Source: []int{1}, Derived: []int{1}}, {Source: []int{3}, Derived: []int{4}}}
	rv := Examine(src, der, pairs)
	if len(rv.Found) != 0 {
		t.Errorf("Found = %+v, want none", rv.Found)
	}
	if len(rv.Signals) != len(SignalNames) {
		t.Fatalf("%d signals, want %d", len(rv.Signals), len(SignalNames))
	}
	kinds := func(ds []Drift) []Kind {
		var out []Kind
		for _, d := range ds {
			out = append(out, d.Kind)
		}
		return out
	}
	tests := []struct {
		name             string
		changed, partial bool
		want             []Kind
	}{
		{"faithful", false, false, nil},
		{"changed", true, false, []Kind{Number, Quote, Entity}},
		// The quote's sentence names nobody of the source's story.
		{"changed partial", true, true, []Kind{Number}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := rv.Drifts(tt.changed, tt.partial)
			if !slices.Equal(kinds(got), tt.want) {
				t.Errorf("Drifts(%v, %v) = %+v, want kinds %v", tt.changed, tt.partial, got, tt.want)
			}
			for _, d := range got {
				if d.DerivedSpan == "" || d.Explanation == "" {
					t.Errorf("drift without a span or an explanation: %+v", d)
				}
			}
		})
	}
}

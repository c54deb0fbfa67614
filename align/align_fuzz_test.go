package align

import (
	"strings"
	"testing"
)

// FuzzAlign checks Align's invariants on any pair of texts: no panic, every
// index in range, each sentence in at most one pair, pairs non-empty on
// both sides, scores and coverage within [0, 1].
func FuzzAlign(f *testing.F) {
	f.Add("The council approved the budget. Work starts in March.", "Work starts in March, the council said. It approved the budget.")
	f.Add("A. B. C.", "")
	f.Add("“Quote,” he said. No. 2 is U.S. Inc. $2.5 billion.", "He said: “Quote.” 3 percent.")
	f.Fuzz(func(t *testing.T, a, b string) {
		src := doc(strings.Split(a, "\n")...)
		der := doc(strings.Split(b, "\n")...)
		al := Align(src, der, Options{})
		seenS := make([]bool, len(src.Sentences))
		seenD := make([]bool, len(der.Sentences))
		for _, p := range al.Pairs {
			if len(p.Source) == 0 || len(p.Derived) == 0 || p.Score < 0 || p.Score > 1 {
				t.Fatalf("bad pair %+v", p)
			}
			for _, i := range p.Source {
				if i < 0 || i >= len(seenS) || seenS[i] {
					t.Fatalf("source index %d out of range or repeated in %+v", i, al.Pairs)
				}
				seenS[i] = true
			}
			for _, j := range p.Derived {
				if j < 0 || j >= len(seenD) || seenD[j] {
					t.Fatalf("derived index %d out of range or repeated in %+v", j, al.Pairs)
				}
				seenD[j] = true
			}
		}
		for _, c := range []float64{al.SourceCoverage(), al.DerivedSupport()} {
			if c < 0 || c > 1 {
				t.Fatalf("coverage %v out of [0,1]", c)
			}
		}
	})
}

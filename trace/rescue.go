package trace

import (
	"slices"

	"github.com/wiretrace/wiretrace/align"
	"github.com/wiretrace/wiretrace/textproc"
)

// Rescue thresholds. A sentence whose fact a rewrite changed scores low
// against its source sentence, because sentence similarity rightly
// penalises a clash of dates, numbers or names: in the wildfire family the
// rewrite's first sentence (weekday changed, town named) scores 0.10 against
// the source sentence it rewrites, under the alignment threshold, and its
// drift would go unseen. Among the sentences left unaligned on both sides,
// a mutual best match is paired again when it shares an anchor (a figure or
// a named person or organisation) and scores at least rescueAnchored, or
// scores rescueBare without one. Padding sentences of the fixtures and the
// seed pair score at most 0.24 against any source sentence and share no
// anchor with a leftover one.
const (
	rescueAnchored = 0.05
	rescueBare     = 0.25
	anchorBonus    = 0.2
)

// rescue adds to al the mutual best matches among unaligned sentences that
// pass the rescue thresholds, as paraphrase pairs, and returns how many it
// added.
func rescue(src, der *textproc.Doc, al *align.Alignment, opts align.Options) int {
	omitted, unsupported := al.Omitted(), al.Unsupported()
	if len(omitted) == 0 || len(unsupported) == 0 {
		return 0
	}
	th := opts.Thesaurus
	if th == nil {
		th = align.Fallback
	}
	sim := opts.Similarity
	if sim == nil {
		sim = align.Lexical{}
	}
	ctx := align.NewContext(src, der, th)
	n, m := len(omitted), len(unsupported)
	// scores rank candidates: the similarity plus anchorBonus when the two
	// sentences share an anchor, so that a changed sentence that keeps its
	// figure beats generic padding that merely repeats a topic word.
	scores := make([]float64, n*m)
	raw := make([]float64, n*m)
	anch := make([]bool, n*m)
	for a, i := range omitted {
		for b, j := range unsupported {
			k := a*m + b
			raw[k] = sim.Score(&src.Sentences[i], &der.Sentences[j], ctx)
			anch[k] = anchored(&src.Sentences[i], &der.Sentences[j])
			scores[k] = raw[k]
			if anch[k] {
				scores[k] += anchorBonus
			}
		}
	}
	bestOf := func(row []float64) int {
		best := 0
		for k := range row {
			if row[k] > row[best] {
				best = k
			}
		}
		return best
	}
	added := 0
	for b, j := range unsupported {
		col := make([]float64, n)
		for a := range omitted {
			col[a] = scores[a*m+b]
		}
		a := bestOf(col)
		if bestOf(scores[a*m:(a+1)*m]) != b {
			continue
		}
		i, s := omitted[a], raw[a*m+b]
		if s >= rescueBare || s >= rescueAnchored && anch[a*m+b] {
			al.Pairs = append(al.Pairs, align.Pair{Source: []int{i}, Derived: []int{j}, Score: s, Kind: align.Paraphrase})
			added++
		}
	}
	if added > 0 {
		slices.SortFunc(al.Pairs, func(x, y align.Pair) int { return x.Derived[0] - y.Derived[0] })
	}
	return added
}

// anchored reports whether two sentences share a figure or a named person
// or organisation (by surname for people).
func anchored(a, b *textproc.Sentence) bool {
	for _, x := range a.Numbers {
		if x.Unit == "" && x.Value < 10 {
			continue
		}
		for _, y := range b.Numbers {
			// A unit named on one side only still anchors ("12,000
			// residents" and "12,000 people").
			if x.Value == y.Value && (x.Unit == y.Unit || x.Unit == "" || y.Unit == "") {
				return true
			}
		}
	}
	names := map[string]bool{}
	for _, e := range a.Entities {
		if e.Kind == textproc.Person || e.Kind == textproc.Organization {
			names[lastWord(e.Key)] = true
		}
	}
	for _, e := range b.Entities {
		if (e.Kind == textproc.Person || e.Kind == textproc.Organization) && names[lastWord(e.Key)] {
			return true
		}
	}
	return false
}

func lastWord(s string) string {
	for k := len(s) - 1; k >= 0; k-- {
		if s[k] == ' ' {
			return s[k+1:]
		}
	}
	return s
}

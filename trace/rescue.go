package trace

import (
	"math"
	"slices"
	"strconv"

	"github.com/wiretrace/wiretrace/align"
	"github.com/wiretrace/wiretrace/textproc"
)

// A sentence whose facts a rewrite changed, or that a rewrite cut down to
// half its content, can score low as a paraphrase: sentence similarity
// (fit to tell paraphrases from non-paraphrases) rightly penalises a clash
// of dates, numbers or names and a one-sided loss of content. In the
// wildfire family the rewrite's first sentence (weekday changed, town
// named) scored 0.10 against the source sentence it rewrites, and in the
// seed pair the sentence that carries the spokesperson's name scored
// 0.00-0.21 depending on the similarity's fit; the drift would go unseen
// and a carried fact would count as dropped.
//
// rescue therefore pairs, among the sentences left unaligned on both
// sides, each derived sentence with the source sentence it shares most
// with (IDF-weighted content words, names and figures; see carry), when
// that is mutual and the overlap is at least rescueCarry, or rescueAnchored
// when the two also share an anchor (a figure, or a person or
// organisation). The values come from the fixtures and the seed pair:
// rewritten sentences the aligner left over overlap their source sentence
// by 0.21-0.39 and share an anchor (0.21: the wildfire rewrite's changed
// first sentence, anchored by its figure); padding sentences overlap any
// leftover source sentence by at most 0.25 and never shared an anchor.
// Pairs rescued between independent reports do not change their relation
// (see classify) and carry no drifts.
const (
	rescueCarry    = 0.35
	rescueAnchored = 0.15
	anchorBonus    = 0.2
)

// rescue adds the mutual best carriers among unaligned sentences to al as
// paraphrase pairs and returns how many it added.
func rescue(src, der *textproc.Doc, al *align.Alignment) int {
	omitted, unsupported := al.Omitted(), al.Unsupported()
	if len(omitted) == 0 || len(unsupported) == 0 {
		return 0
	}
	all := [2][]map[string]bool{termsOf(src), termsOf(der)}
	w := newTermWeights(all[0], all[1])
	n, m := len(omitted), len(unsupported)
	srcTerms := make([]map[string]bool, n)
	for a, i := range omitted {
		srcTerms[a] = all[0][i]
	}
	derTerms := make([]map[string]bool, m)
	for b, j := range unsupported {
		derTerms[b] = all[1][j]
	}
	// rank orders candidates: the share carried, plus anchorBonus when the
	// two share an anchor, so that a changed sentence that keeps its figure
	// or its person beats padding that merely repeats topic words.
	scores := make([]float64, n*m)
	rank := make([]float64, n*m)
	anch := make([]bool, n*m)
	for a, i := range omitted {
		for b, j := range unsupported {
			k := a*m + b
			scores[k] = w.carry(srcTerms[a], derTerms[b])
			anch[k] = anchored(&src.Sentences[i], &der.Sentences[j])
			rank[k] = scores[k]
			if anch[k] {
				rank[k] += anchorBonus
			}
		}
	}
	added := 0
	for b, j := range unsupported {
		a := 0
		for k := 1; k < n; k++ {
			if rank[k*m+b] > rank[a*m+b] {
				a = k
			}
		}
		mutual := true
		for k := 0; k < m; k++ {
			if rank[a*m+k] > rank[a*m+b] {
				mutual = false
				break
			}
		}
		if !mutual {
			continue
		}
		i, s := omitted[a], scores[a*m+b]
		if s >= rescueCarry || s >= rescueAnchored && anch[a*m+b] {
			al.Pairs = append(al.Pairs, align.Pair{Source: []int{i}, Derived: []int{j}, Score: s, Kind: align.Paraphrase})
			added++
		}
	}
	if added > 0 {
		slices.SortFunc(al.Pairs, func(x, y align.Pair) int { return x.Derived[0] - y.Derived[0] })
	}
	return added
}

// terms are what a sentence says, for rescue: content word stems, entity
// keys and figures by value.
func terms(s *textproc.Sentence) map[string]bool {
	out := map[string]bool{}
	for _, t := range s.Tokens {
		if t.Kind == textproc.Word && !t.Stop {
			out[t.Stem] = true
		}
	}
	for _, e := range s.Entities {
		out["e:"+e.Key] = true
	}
	for _, n := range s.Numbers {
		out["n:"+strconv.FormatFloat(n.Value, 'g', -1, 64)] = true
	}
	return out
}

// termWeights holds inverse document frequencies over the sentences of
// both documents: a word in every sentence says little about which
// sentence carries which.
type termWeights struct {
	df map[string]int
	n  int
}

func termsOf(d *textproc.Doc) []map[string]bool {
	out := make([]map[string]bool, len(d.Sentences))
	for i := range d.Sentences {
		out[i] = terms(&d.Sentences[i])
	}
	return out
}

func newTermWeights(docs ...[]map[string]bool) *termWeights {
	w := &termWeights{df: map[string]int{}}
	for _, d := range docs {
		for _, ts := range d {
			for t := range ts {
				w.df[t]++
			}
			w.n++
		}
	}
	return w
}

func (w *termWeights) idf(t string) float64 {
	return math.Log(1 + float64(w.n)/float64(max(1, w.df[t])))
}

// carry is the IDF-weighted overlap of two term sets (a cosine of their
// weighted indicator vectors). Terms are summed in sorted order so that equal scores come out
// bit for bit equal and ties break the same way on every run.
func (w *termWeights) carry(a, b map[string]bool) float64 {
	var wa, wb, common float64
	for _, t := range sortedKeys(a) {
		x := w.idf(t)
		wa += x
		if b[t] {
			common += x
		}
	}
	for _, t := range sortedKeys(b) {
		wb += w.idf(t)
	}
	if wa == 0 || wb == 0 {
		return 0
	}
	// The geometric mean of the two sizes, not the smaller one: a short
	// sentence ("If you are told to go, go now.") would otherwise be
	// "carried" by any sentence that repeats two of its words.
	return common / math.Sqrt(wa*wb)
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

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func lastWord(s string) string {
	for k := len(s) - 1; k >= 0; k-- {
		if s[k] == ' ' {
			return s[k+1:]
		}
	}
	return s
}

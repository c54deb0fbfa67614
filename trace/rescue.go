package trace

import (
	"math"
	"slices"
	"sync"

	"github.com/wiretrace/wiretrace/internal/scratch"

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
	w := newTermWeights(src, der)
	defer w.release()
	n, m := len(omitted), len(unsupported)
	// rank orders candidates: the overlap, plus anchorBonus when the two
	// share an anchor, so that a changed sentence that keeps its figure or
	// its person beats padding that merely repeats topic words.
	scores := make([]float64, n*m)
	rank := make([]float64, n*m)
	anch := make([]bool, n*m)
	for a, i := range omitted {
		for b, j := range unsupported {
			k := a*m + b
			scores[k] = w.carry(w.src[i], w.der[j])
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

// termWeights holds each sentence's terms (content word stems, entity keys
// and figures by value) as sorted ids, and the inverse document frequency
// of each id over the sentences of both documents: a word in every
// sentence says little about which sentence carries which.
type termWeights struct {
	src, der [][]int32
	idf      []float64
	mem      *termWeightsMem
}

// termWeightsMem is the memory of a termWeights kept for the next rescue:
// its three maps, emptied, and its arrays (a pair of news articles makes
// maps of hundreds of terms, and making them for every comparison made a
// tenth of the garbage of Compare).
type termWeightsMem struct {
	stems    textproc.StemMap
	ents     map[string]int32
	nums     map[uint64]int32
	df       []int
	backing  []int32
	src, der [][]int32
	idf      []float64
	byDF     []float64 // newTermWeights' weight of each document frequency
}

// termWeightsMems recycles termWeightsMems (see release).
var termWeightsMems sync.Pool

// release hands w's memory to the next termWeights; w must not be used
// afterwards.
func (w *termWeights) release() {
	m := w.mem
	w.mem, w.src, w.der, w.idf = nil, nil, nil, nil
	if m == nil || len(m.df) > maxPooledTerms {
		return
	}
	m.stems.Clear()
	clear(m.ents)
	clear(m.nums)
	termWeightsMems.Put(m)
}

func newTermWeights(src, der *textproc.Doc) *termWeights {
	// Stems, entity keys and figures are three kinds of term with one
	// numbering, in order of first occurrence. Each kind has its own map,
	// keyed by what the Docs already hold (a token's stem, found by its
	// StemID; an entity key; a figure's value), so interning builds no key. (A stem never equals an entity key by accident: the
	// kinds are told apart by their map.) Figures are keyed by their bits,
	// every NaN by one key: the values that format alike.
	tokens, nEnts, nNums := 0, 0, 0
	for _, d := range []*textproc.Doc{src, der} {
		for i := range d.Sentences {
			s := &d.Sentences[i]
			tokens += len(s.Tokens) + len(s.Entities) + len(s.Numbers)
			nEnts += len(s.Entities)
			nNums += len(s.Numbers)
		}
	}
	mem, _ := termWeightsMems.Get().(*termWeightsMem)
	if mem == nil {
		mem = &termWeightsMem{ents: make(map[string]int32, nEnts), nums: make(map[uint64]int32, nNums)}
	}
	stems, ents, nums := &mem.stems, mem.ents, mem.nums
	df := slices.Grow(mem.df[:0], tokens/4+16)
	// One backing array holds every sentence's ids (tokens bounds their
	// count, so it never grows); each sentence gets a capped slice of it.
	backing := slices.Grow(mem.backing[:0], tokens)
	intern := func(d *textproc.Doc, out [][]int32) [][]int32 {
		out = scratch.Resize(out, len(d.Sentences))
		for i := range d.Sentences {
			s := &d.Sentences[i]
			start := len(backing)
			for k := range s.Tokens {
				if t := &s.Tokens[k]; t.Kind == textproc.Word && !t.Stop {
					id, ok := stems.Get(t)
					if !ok {
						id = int32(len(df))
						stems.Set(t, id)
						df = append(df, 0)
					}
					backing = append(backing, id)
				}
			}
			for _, e := range s.Entities {
				backing = append(backing, internID(ents, e.Key, &df))
			}
			for _, n := range s.Numbers {
				bits := math.Float64bits(n.Value)
				if n.Value != n.Value {
					bits = math.Float64bits(math.NaN())
				}
				backing = append(backing, internID(nums, bits, &df))
			}
			ts := backing[start:len(backing):len(backing)]
			scratch.SortShort(ts)
			ts = slices.Compact(ts)
			backing = backing[:start+len(ts)]
			for _, id := range ts {
				df[id]++
			}
			out[i] = ts[:len(ts):len(ts)]
		}
		return out
	}
	w := &termWeights{src: intern(src, mem.src), der: intern(der, mem.der), mem: mem}
	mem.src, mem.der, mem.df, mem.backing = w.src, w.der, df, backing
	total := float64(len(src.Sentences) + len(der.Sentences))
	w.idf = scratch.Resize(mem.idf, len(df))
	mem.idf = w.idf
	// The weight of each document frequency (at most the number of
	// sentences), worked out once: there are far fewer than terms.
	mem.byDF = scratch.Resize(mem.byDF, int(total)+1)
	for n := range mem.byDF {
		mem.byDF[n] = math.Log(1 + total/float64(max(1, n)))
	}
	for id, n := range df {
		w.idf[id] = mem.byDF[n]
	}
	return w
}

// internID returns key's id in ids, giving it the next id of df (and a
// zero document frequency) when it is new.
func internID[K comparable](ids map[K]int32, key K, df *[]int) int32 {
	id, ok := ids[key]
	if !ok {
		id = int32(len(*df))
		ids[key] = id
		*df = append(*df, 0)
	}
	return id
}

// carry is the IDF-weighted overlap of two sentences' terms: the weight
// they share over the geometric mean of their weights (a cosine of their
// weighted indicator vectors). Not over the smaller weight: a short
// sentence ("If you are told to go, go now.") would otherwise be carried
// by any sentence that repeats two of its words. Ids are sorted, so the
// sums run in one order and equal inputs give bit-equal scores.
func (w *termWeights) carry(a, b []int32) float64 {
	var wa, wb, common float64
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || i < len(a) && a[i] < b[j]:
			wa += w.idf[a[i]]
			i++
		case i == len(a) || b[j] < a[i]:
			wb += w.idf[b[j]]
			j++
		default:
			x := w.idf[a[i]]
			wa += x
			wb += x
			common += x
			i++
			j++
		}
	}
	if wa == 0 || wb == 0 {
		return 0
	}
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
	// A few entities a side: comparing every pair beats building a set.
	for _, e := range a.Entities {
		if e.Kind != textproc.Person && e.Kind != textproc.Organization {
			continue
		}
		x := lastWord(e.Key)
		for _, f := range b.Entities {
			if (f.Kind == textproc.Person || f.Kind == textproc.Organization) && lastWord(f.Key) == x {
				return true
			}
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

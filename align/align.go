package align

import (
	"slices"

	"github.com/wiretrace/wiretrace/textproc"
)

// Kind says how a derived sentence group was made from its source group.
type Kind string

// Pair kinds.
const (
	// Verbatim: the same words (case and punctuation aside).
	Verbatim Kind = "verbatim"
	// Edited: mostly the same words, some changed, added or cut.
	Edited Kind = "edited"
	// Paraphrase: the same content in mostly different words.
	Paraphrase Kind = "paraphrase"
)

// DefaultThreshold is the score from which two sentences (or clauses) align
// when Options.Threshold is zero. It is lower than the MRPC decision
// threshold (MRPCThreshold, 0.51): MRPC asks whether two sentences mean the
// same, alignment whether a derived sentence carries a source sentence's
// content, which a rewrite that adds its own framing passes with a lower
// score. On the seed pair the true alignments score 0.33 to 0.78 and the
// padding sentences at most 0.07; 0.3 sits below the true ones.
const DefaultThreshold = 0.3

// Options tunes Align. The zero value uses Lexical, the Fallback thesaurus
// and DefaultThreshold.
type Options struct {
	// Similarity scores sentence pairs; nil means Lexical{}.
	Similarity Similarity
	// Thesaurus gives synonyms; nil means Fallback. To use WordNet, pass
	// Thesauri{wn, Fallback}.
	Thesaurus Thesaurus
	// Threshold is the least score at which two sentences align; 0 means
	// DefaultThreshold.
	Threshold float64
}

func (o Options) similarity() Similarity {
	if o.Similarity == nil {
		return Lexical{}
	}
	return o.Similarity
}

func (o Options) thesaurus() Thesaurus {
	if o.Thesaurus == nil {
		return Fallback
	}
	return o.Thesaurus
}

func (o Options) threshold() float64 {
	if o.Threshold == 0 {
		return DefaultThreshold
	}
	return o.Threshold
}

// Pair is a group of source sentences aligned with a group of derived
// sentences (one to one, one to many, many to one). Indices are into
// Doc.Sentences, ascending.
type Pair struct {
	Source  []int   `json:"source"`
	Derived []int   `json:"derived"`
	Score   float64 `json:"score"`
	Kind    Kind    `json:"kind"`
}

// Alignment is the result of Align.
type Alignment struct {
	// Pairs are the aligned groups, ordered by their first derived sentence.
	// Each sentence is in at most one pair.
	Pairs []Pair
	// SourceBest[i] is source sentence i's best score against any derived
	// sentence, and SourceMatch[i] that sentence (-1 when the derived
	// document is empty). DerivedBest and DerivedMatch are the same the other
	// way round.
	SourceBest   []float64
	SourceMatch  []int
	DerivedBest  []float64
	DerivedMatch []int
	// Threshold is the score from which sentences align.
	Threshold float64
}

// Align aligns the sentences of derived with those of src. Every pair of
// sentences is scored; a derived sentence links to its best source sentence
// and to any other whose score is within 80% of the best and above the
// threshold, and likewise a source sentence to derived ones. Then the
// sentences' clauses are scored against each other, so that a sentence
// split in two, or parts of two sentences merged into one, link too.
// Linked sentences form a Pair.
func Align(src, derived *textproc.Doc, opts Options) Alignment {
	ctx := NewContext(src, derived, opts.thesaurus())
	sim := opts.similarity()
	n, m := len(src.Sentences), len(derived.Sentences)
	al := Alignment{
		SourceBest: make([]float64, n), SourceMatch: make([]int, n),
		DerivedBest: make([]float64, m), DerivedMatch: make([]int, m),
		Threshold: opts.threshold(),
	}
	for i := range al.SourceMatch {
		al.SourceMatch[i] = -1
	}
	for j := range al.DerivedMatch {
		al.DerivedMatch[j] = -1
	}
	scores := make([]float64, n*m)
	for i := range src.Sentences {
		a := &src.Sentences[i]
		for j := range derived.Sentences {
			s := sim.Score(a, &derived.Sentences[j], ctx)
			scores[i*m+j] = s
			if al.SourceMatch[i] < 0 || s > al.SourceBest[i] {
				al.SourceBest[i], al.SourceMatch[i] = s, j
			}
			if al.DerivedMatch[j] < 0 || s > al.DerivedBest[j] {
				al.DerivedBest[j], al.DerivedMatch[j] = s, i
			}
		}
	}
	// Link, then group linked sentences with a union-find over n+m nodes
	// (source i is node i, derived j is node n+j).
	parent := make([]int, n+m)
	for k := range parent {
		parent[k] = k
	}
	find := func(x int) int {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	linked := make([]bool, n+m)
	link := func(i, j int) {
		linked[i], linked[n+j] = true, true
		parent[find(i)] = find(n + j)
	}
	// nearBest: a second link must score within 80% of the best of both
	// its sentences, so that one strong match does not drag in weak ones.
	const nearBest = 0.8
	for i := 0; i < n; i++ {
		for j := 0; j < m; j++ {
			s := scores[i*m+j]
			if s < al.Threshold {
				continue
			}
			if j == al.SourceMatch[i] || i == al.DerivedMatch[j] ||
				s >= nearBest*al.DerivedBest[j] && s >= nearBest*al.SourceBest[i] {
				link(i, j)
			}
		}
	}
	al.linkClauses(ctx, sim, src, derived, scores, link)
	groups := map[int]*Pair{}
	var roots []int
	for k := 0; k < n+m; k++ {
		if !linked[k] {
			continue
		}
		r := find(k)
		p, ok := groups[r]
		if !ok {
			p = &Pair{}
			groups[r] = p
			roots = append(roots, r)
		}
		if k < n {
			p.Source = append(p.Source, k)
		} else {
			p.Derived = append(p.Derived, k-n)
		}
	}
	for _, r := range roots {
		p := groups[r]
		for _, i := range p.Source {
			for _, j := range p.Derived {
				p.Score = max(p.Score, scores[i*m+j])
			}
		}
		p.Kind = kindOf(src, derived, p)
		al.Pairs = append(al.Pairs, *p)
	}
	slices.SortFunc(al.Pairs, func(x, y Pair) int { return x.Derived[0] - y.Derived[0] })
	return al
}

// linkClauses links sentences whose clauses match: a derived sentence that
// carries one clause of a source sentence (a split, or a merge of parts of
// two sentences) aligns with it even when the whole sentences score low.
// Clauses are scored with the same Similarity and threshold as sentences;
// only clause pairs that share at least two content terms are scored.
func (al *Alignment) linkClauses(ctx *Context, sim Similarity, src, der *textproc.Doc, scores []float64, link func(i, j int)) {
	ctx.clauses()
	m := len(der.Sentences)
	// Each sentence takes part as its clauses, or whole when it has one.
	srcUnits := units(src, ctx.srcClauses)
	derUnits := units(der, ctx.derClauses)
	// Candidates come from postings (content term -> derived units), so
	// the cost follows the words two units share, not the number of pairs.
	postings := map[uint32][]int32{}
	for k, b := range derUnits {
		for _, id := range ctx.features(b.s).ids {
			id &^= synonymFlag
			postings[id] = append(postings[id], int32(k))
		}
	}
	shared := make([]int32, len(derUnits))
	var touched []int32
	for _, a := range srcUnits {
		touched = touched[:0]
		for _, id := range ctx.features(a.s).ids {
			for _, k := range postings[id&^synonymFlag] {
				if shared[k] == 0 {
					touched = append(touched, k)
				}
				shared[k]++
			}
		}
		for _, k := range touched {
			b := derUnits[k]
			enough := shared[k] >= minSharedTerms
			shared[k] = 0
			// Whole sentences were scored already; a pair of sentences
			// already linked to each other needs no clause evidence.
			if !enough || a.whole && b.whole || scores[a.parent*m+b.parent] >= al.Threshold {
				continue
			}
			s := sim.Score(a.s, b.s, ctx)
			if s < al.Threshold {
				continue
			}
			link(a.parent, b.parent)
			k := a.parent*m + b.parent
			scores[k] = max(scores[k], s)
			if s > al.SourceBest[a.parent] {
				al.SourceBest[a.parent], al.SourceMatch[a.parent] = s, b.parent
			}
			if s > al.DerivedBest[b.parent] {
				al.DerivedBest[b.parent], al.DerivedMatch[b.parent] = s, a.parent
			}
		}
	}
}

// minSharedTerms is the fewest content terms two clauses must share to be
// scored: one shared word is what unrelated clauses of a story on one topic
// have ("Japan"), and skipping them keeps alignment fast.
const minSharedTerms = 2

type unit struct {
	s      *textproc.Sentence
	parent int
	whole  bool
}

func units(d *textproc.Doc, cl []clause) []unit {
	var out []unit
	k := 0
	for i := range d.Sentences {
		if k < len(cl) && cl[k].parent == i {
			for k < len(cl) && cl[k].parent == i {
				out = append(out, unit{s: &cl[k].Sentence, parent: i})
				k++
			}
			continue
		}
		out = append(out, unit{s: &d.Sentences[i], parent: i, whole: true})
	}
	return out
}

// kindOf tells verbatim, edited and paraphrased pairs apart by the words
// themselves: the same word sequence is verbatim; a Dice overlap of word
// bigrams of at least 0.5 is an edit (most phrasing kept); less is a
// paraphrase.
func kindOf(src, der *textproc.Doc, p *Pair) Kind {
	a := groupWords(src, p.Source)
	b := groupWords(der, p.Derived)
	if slices.Equal(a, b) {
		return Verbatim
	}
	if bigramDice(a, b) >= 0.5 {
		return Edited
	}
	return Paraphrase
}

// groupWords lists the lowercased words and numerals of some sentences,
// as textproc.Words would, from the tokens already made.
func groupWords(d *textproc.Doc, idx []int) []string {
	var w []string
	for _, i := range idx {
		for k := range d.Sentences[i].Tokens {
			if t := &d.Sentences[i].Tokens[k]; t.Kind != textproc.Punct {
				w = append(w, t.Lower)
			}
		}
	}
	return w
}

func bigramDice(a, b []string) float64 {
	if len(a) < 2 || len(b) < 2 {
		if slices.Equal(a, b) {
			return 1
		}
		return 0
	}
	count := map[string]int{}
	for k := 0; k+1 < len(a); k++ {
		count[a[k]+" "+a[k+1]]++
	}
	common := 0
	for k := 0; k+1 < len(b); k++ {
		key := b[k] + " " + b[k+1]
		if count[key] > 0 {
			count[key]--
			common++
		}
	}
	return 2 * float64(common) / float64(len(a)+len(b)-2)
}

// Omitted returns the source sentences that no derived sentence carries.
func (al *Alignment) Omitted() []int {
	return unpaired(len(al.SourceBest), al.Pairs, func(p Pair) []int { return p.Source })
}

// Unsupported returns the derived sentences that no source sentence backs.
func (al *Alignment) Unsupported() []int {
	return unpaired(len(al.DerivedBest), al.Pairs, func(p Pair) []int { return p.Derived })
}

// SourceCoverage is the share of source sentences that are in a pair; 0 for
// an empty source.
func (al *Alignment) SourceCoverage() float64 {
	if len(al.SourceBest) == 0 {
		return 0
	}
	return 1 - float64(len(al.Omitted()))/float64(len(al.SourceBest))
}

// DerivedSupport is the share of derived sentences that are in a pair; 0
// for an empty derived document.
func (al *Alignment) DerivedSupport() float64 {
	if len(al.DerivedBest) == 0 {
		return 0
	}
	return 1 - float64(len(al.Unsupported()))/float64(len(al.DerivedBest))
}

func unpaired(n int, pairs []Pair, side func(Pair) []int) []int {
	in := make([]bool, n)
	for _, p := range pairs {
		for _, k := range side(p) {
			in[k] = true
		}
	}
	out := []int{}
	for k, ok := range in {
		if !ok {
			out = append(out, k)
		}
	}
	return out
}

// ScorePair scores two sentences on their own, as a paraphrase task does,
// with the same similarity Align uses (opts.Similarity and opts.Thesaurus).
func ScorePair(a, b string, opts Options) float64 {
	da := &textproc.Doc{Sentences: []textproc.Sentence{textproc.AnalyzeSentence(a)}}
	db := &textproc.Doc{Sentences: []textproc.Sentence{textproc.AnalyzeSentence(b)}}
	ctx := NewContext(da, db, opts.thesaurus())
	return opts.similarity().Score(&da.Sentences[0], &db.Sentences[0], ctx)
}

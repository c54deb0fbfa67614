package align

import (
	"slices"

	"github.com/wiretrace/wiretrace/internal/scratch"

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
// score. On the seed pair the true alignments score 0.43 to 0.58 and the
// padding sentences at most 0.09; 0.3 sits between.
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
	// Overlap is the Dice overlap of the two sides' word bigrams: 1 for a
	// verbatim pair, at least editedOverlap for an edited one.
	Overlap float64 `json:"overlap"`
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
	sim := opts.similarity()
	// With the lexical similarity nothing keeps the Context past Align,
	// so it is recycled; another Similarity is handed a Context of its
	// own, which it may keep.
	_, lexical := sim.(Lexical)
	var ctx *Context
	if lexical {
		ctx = recycledContext(src, derived, opts.thesaurus())
		defer ctx.release()
	} else {
		ctx = NewContext(src, derived, opts.thesaurus())
	}
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
	ctx.scores = scratch.Resize(ctx.scores, n*m)
	scores := ctx.scores
	// With the lexical similarity, a pair that shares under a fifth of the
	// smaller side's weighted content is not scored (its score stays 0): on
	// the MRPC train pairs no such pair scores above 0.09, far under any
	// threshold, and the check costs a fifth of a score.
	for i := range src.Sentences {
		a := &src.Sentences[i]
		if lexical {
			ctx.spreadSource(i)
		}
		for j := range derived.Sentences {
			var s float64
			if !lexical || ctx.enoughSharedAt(i, j) {
				s = sim.Score(a, &derived.Sentences[j], ctx)
			}
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
	al.linkClauses(ctx, sim, src, derived, scores, linked, link)
	al.linkJoins(ctx, sim, src, derived, scores, linked, link)
	al.Pairs = groupPairs(n, m, linked, find)
	for k := range al.Pairs {
		p := &al.Pairs[k]
		for _, i := range p.Source {
			for _, j := range p.Derived {
				p.Score = max(p.Score, scores[i*m+j])
			}
		}
		p.Kind, p.Overlap = kindOf(src, derived, p)
	}
	slices.SortFunc(al.Pairs, func(x, y Pair) int { return x.Derived[0] - y.Derived[0] })
	return al
}

// groupPairs makes a Pair of each group of linked sentences (nodes 0 to
// n-1 are source sentences, n to n+m-1 derived ones; find gives a node's
// group), in the order of each group's first node, with its sentences in
// ascending order. Two passes, counting and then filling, let all pairs
// share one array of indices (each pair's lists cut to their length).
func groupPairs(n, m int, linked []bool, find func(int) int) []Pair {
	group := make([]int32, n+m) // root -> pair index + 1
	var pairs []Pair
	nSrc := make([]int, 0, n+m) // per pair: source and derived counts
	nDer := make([]int, 0, n+m)
	total := 0
	for k := 0; k < n+m; k++ {
		if !linked[k] {
			continue
		}
		r := find(k)
		if group[r] == 0 {
			pairs = append(pairs, Pair{})
			nSrc, nDer = append(nSrc, 0), append(nDer, 0)
			group[r] = int32(len(pairs))
		}
		if k < n {
			nSrc[group[r]-1]++
		} else {
			nDer[group[r]-1]++
		}
		total++
	}
	idx := make([]int, total)
	for g := range pairs {
		// A link joins a source and a derived sentence, so every group
		// has both; a list left empty would stay nil all the same.
		if nSrc[g] > 0 {
			pairs[g].Source = idx[:0:nSrc[g]]
		}
		idx = idx[nSrc[g]:]
		if nDer[g] > 0 {
			pairs[g].Derived = idx[:0:nDer[g]]
		}
		idx = idx[nDer[g]:]
	}
	for k := 0; k < n+m; k++ {
		if !linked[k] {
			continue
		}
		p := &pairs[group[find(k)]-1]
		if k < n {
			p.Source = append(p.Source, k)
		} else {
			p.Derived = append(p.Derived, k-n)
		}
	}
	return pairs
}

// linkClauses links sentences whose clauses match: a derived sentence that
// carries one clause of a source sentence (a split, or a merge of parts of
// two sentences) aligns with it even when the whole sentences score low.
// Clauses are scored with the same Similarity and threshold as sentences.
//
// Only sentences the sentence pass left without a link need clause
// evidence, so only pairs with at least one unlinked sentence are looked
// at, and only those that share enough weighted content (minClauseMass);
// their clauses are built on demand.
func (al *Alignment) linkClauses(ctx *Context, sim Similarity, src, der *textproc.Doc, scores []float64, linked []bool, link func(i, j int)) {
	n, m := len(src.Sentences), len(der.Sentences)
	_, lexical := sim.(Lexical)
	for i := 0; i < n; i++ {
		for j := 0; j < m; j++ {
			if linked[i] && linked[n+j] || scores[i*m+j] >= al.Threshold {
				continue
			}
			if float32(ctx.sentenceBits(i, j)) < minClauseMass || ctx.sentenceMass(i, j) < minClauseMass {
				continue
			}
			ua := ctx.clausesOf(false, i)
			ub := ctx.clausesOf(true, j)
			if len(ua) == 0 && len(ub) == 0 {
				continue // both whole, scored already
			}
			best := 0.0
			for x := 0; x < max(1, len(ua)); x++ {
				for y := 0; y < max(1, len(ub)); y++ {
					fa, fb := &ctx.srcF[i], &ctx.derF[j]
					if len(ua) > 0 {
						fa = &ua[x].f
					}
					if len(ub) > 0 {
						fb = &ub[y].f
					}
					if !enoughShared(fa, fb, minSharedShare) {
						continue
					}
					ctx.complete(fa)
					ctx.complete(fb)
					if lexical {
						// Lexical.Score without making the clauses
						// sentences: the same features, the same weights.
						best = max(best, LexicalWeights.Apply(pairFeatures(fa, fb)))
						continue
					}
					a, b := &src.Sentences[i], &der.Sentences[j]
					if len(ua) > 0 {
						a = ua[x].sentence(a)
					}
					if len(ub) > 0 {
						b = ub[y].sentence(b)
					}
					best = max(best, sim.Score(a, b, ctx))
				}
			}
			if best < al.Threshold {
				continue
			}
			link(i, j)
			scores[i*m+j] = max(scores[i*m+j], best)
			if best > al.SourceBest[i] {
				al.SourceBest[i], al.SourceMatch[i] = best, j
			}
			if best > al.DerivedBest[j] {
				al.DerivedBest[j], al.DerivedMatch[j] = best, i
			}
		}
	}
}

// joinGain is how much better a sentence must match two neighbours read as
// one than either alone to align with both: enough that the second one
// adds content, not a word or two.
const joinGain = 0.05

// linkJoins finds merges and splits that the clause pass cannot see
// because the pieces are whole sentences: a sentence that matches two
// neighbouring sentences of the other document, read as one, at or above
// the threshold and by joinGain better than either alone ("Documents are
// vectors. Each dimension is a term." rewritten as one sentence), where at
// least one of the three is not linked yet. With the lexical similarity,
// both neighbours must share content with it.
func (al *Alignment) linkJoins(ctx *Context, sim Similarity, src, der *textproc.Doc, scores []float64, linked []bool, link func(i, j int)) {
	n, m := len(src.Sentences), len(der.Sentences)
	_, lexical := sim.(Lexical)
	score := func(a, b func() *textproc.Sentence, fa, fb *features) float64 {
		if !lexical {
			ctx.complete(fa)
			ctx.complete(fb)
			return sim.Score(a(), b(), ctx)
		}
		if !enoughShared(fa, fb, minSharedShare) {
			return 0
		}
		ctx.complete(fa)
		ctx.complete(fb)
		return LexicalWeights.Apply(pairFeatures(fa, fb))
	}
	// halves: both neighbours x and y must share content with z (mx and
	// my, computed once per z), and
	// together enough for the joined pair to pass the same bound as any
	// scored pair; the join is only built when they do.
	halves := func(mx, my float32, x, y, z *features) bool {
		return !lexical || mx > 0 && my > 0 && mx+my >= minSharedShare*min(z.total, x.total+y.total)
	}
	mass := make([]float32, max(n, m))
	for j := 0; j < m; j++ {
		// An unlinked sentence tries every pair of neighbours; a linked one
		// only the two pairs around its best match whose other half is
		// still unlinked (the merge it is part of).
		lo, hi := 0, n-2
		if linked[n+j] {
			lo, hi = max(0, al.DerivedMatch[j]-1), min(n-2, al.DerivedMatch[j])
		}
		fj := &ctx.derF[j]
		for i := lo; i <= hi+1 && i < n; i++ {
			mass[i] = ctx.sentenceMass(i, j)
		}
		bestI, bestS := -1, 0.0
		for i := lo; i <= hi; i++ {
			if linked[n+j] && linked[i] && linked[i+1] {
				continue
			}
			if !halves(mass[i], mass[i+1], &ctx.srcF[i], &ctx.srcF[i+1], fj) {
				continue
			}
			jn, i := ctx.joinOf(false, i), i
			s := score(func() *textproc.Sentence { return jn.sentence(src, i) },
				func() *textproc.Sentence { return &der.Sentences[j] }, &jn.f, fj)
			if s >= al.Threshold && s > max(scores[i*m+j], scores[(i+1)*m+j])+joinGain && s > bestS {
				bestI, bestS = i, s
			}
		}
		if bestI >= 0 {
			link(bestI, j)
			link(bestI+1, j)
			al.noteJoin(scores, m, bestI, j, bestS, false)
		}
	}
	for i := 0; i < n; i++ {
		lo, hi := 0, m-2
		if linked[i] {
			lo, hi = max(0, al.SourceMatch[i]-1), min(m-2, al.SourceMatch[i])
		}
		fi := &ctx.srcF[i]
		for j := lo; j <= hi+1 && j < m; j++ {
			mass[j] = ctx.sentenceMass(i, j)
		}
		bestJ, bestS := -1, 0.0
		for j := lo; j <= hi; j++ {
			if linked[i] && linked[n+j] && linked[n+j+1] {
				continue
			}
			if !halves(mass[j], mass[j+1], &ctx.derF[j], &ctx.derF[j+1], fi) {
				continue
			}
			jn, j := ctx.joinOf(true, j), j
			s := score(func() *textproc.Sentence { return &src.Sentences[i] },
				func() *textproc.Sentence { return jn.sentence(der, j) }, fi, &jn.f)
			if s >= al.Threshold && s > max(scores[i*m+j], scores[i*m+j+1])+joinGain && s > bestS {
				bestJ, bestS = j, s
			}
		}
		if bestJ >= 0 {
			link(i, bestJ)
			link(i, bestJ+1)
			al.noteJoin(scores, m, i, bestJ, bestS, true)
		}
	}
}

// noteJoin records a join's score for the two pairs it links: source i with
// derived j and its neighbour (split), or source i and its neighbour with
// derived j (merge).
func (al *Alignment) noteJoin(scores []float64, m, i, j int, s float64, split bool) {
	pairs := [2][2]int{{i, j}, {i + 1, j}}
	if split {
		pairs = [2][2]int{{i, j}, {i, j + 1}}
	}
	for _, p := range pairs {
		k := p[0]*m + p[1]
		scores[k] = max(scores[k], s)
		if s > al.SourceBest[p[0]] {
			al.SourceBest[p[0]], al.SourceMatch[p[0]] = s, p[1]
		}
		if s > al.DerivedBest[p[1]] {
			al.DerivedBest[p[1]], al.DerivedMatch[p[1]] = s, p[0]
		}
	}
}

// minClauseMass is the least weighted content two sentences must share for
// their clauses to be compared: about two distinctive words (a distinctive
// word weighs up to 1). One shared word is what unrelated sentences of a
// story on one topic have.
const minClauseMass = 1.5

// minSharedShare is the least share of the smaller side's weighted content
// that two sentences or clauses must share to be scored; below it the
// lexical similarity stays far under the alignment threshold (at most 0.09
// on the MRPC train pairs).
const minSharedShare = 0.2

// enoughShared reports whether two feature sets share at least share of
// the smaller one's weighted content. A term weighs at most 1, so the
// shared mass is at most the number of shared terms, which the id bit sets
// bound from above (a hash collision only adds): most unrelated pairs are
// turned away by eight AND-and-count steps, before the merge.
func enoughShared(a, b *features, share float32) bool {
	need := share * min(a.total, b.total)
	if float32(a.idSet.common(&b.idSet)) < need {
		return false
	}
	return sharedMass(a, b) >= need
}

// enoughSharedAt is enoughShared for source sentence i and derived
// sentence j, with their shared mass remembered (see sentenceMass).
func (c *Context) enoughSharedAt(i, j int) bool {
	a, b := &c.srcF[i], &c.derF[j]
	need := minSharedShare * min(a.total, b.total)
	if float32(c.sentenceBits(i, j)) < need {
		return false
	}
	return c.sentenceMass(i, j) >= need
}

// sentenceBits is the number of bits the id sets of source sentence i and
// derived sentence j share, counted once per pair: the sentence pass,
// sentenceMass and the clause pass all ask for it.
func (c *Context) sentenceBits(i, j int) int {
	c.preparePairs()
	k := i*len(c.derF) + j
	if v := c.pairs[k].bits; v >= 0 {
		return int(v)
	}
	v := c.srcF[i].idSet.common(&c.derF[j].idSet)
	c.pairs[k].bits = int16(v)
	return v
}

// preparePairs sizes c.pairs for the documents' sentence pairs, every
// measure unknown, on first use.
func (c *Context) preparePairs() {
	if len(c.pairs) > 0 {
		return
	}
	c.pairs = scratch.Resize(c.pairs, len(c.srcF)*len(c.derF))
	for k := range c.pairs {
		c.pairs[k] = pairShare{bits: -1, mass: -1}
	}
}

// sentenceMass is sharedMass of source sentence i and derived sentence j,
// computed once per pair: the sentence pass, the clause pass and both join
// passes all ask for it. Two sentences whose id bit sets have no bit in
// common share no id, so their mass is 0 without the merge. sharedMass is
// symmetric (the same shared ids, in the same order, with the same
// weights), so either side may ask.
func (c *Context) sentenceMass(i, j int) float32 {
	c.preparePairs()
	k := i*len(c.derF) + j
	if v := c.pairs[k].mass; v >= 0 {
		return v
	}
	a, b := &c.srcF[i], &c.derF[j]
	var v float32
	if c.sentenceBits(i, j) > 0 {
		if i == c.spread {
			v = c.spreadMass(b)
		} else {
			v = sharedMass(a, b)
		}
	}
	c.pairs[k].mass = v
	return v
}

// spreadSource writes the weights of source sentence i into an array
// indexed by term id, for spreadMass: the sentence pass compares each
// source sentence with every derived one, and looking each derived id up
// in that array costs half a merge of the two id lists.
func (c *Context) spreadSource(i int) {
	if len(c.spreadW) < len(c.stems) {
		c.spreadW = scratch.Resize(c.spreadW, len(c.stems))
		c.spreadAt = scratch.Resize(c.spreadAt, len(c.stems))
	}
	a := &c.srcF[i]
	for k, id := range a.ids {
		c.spreadW[id&^synonymFlag] = a.w[k]
		c.spreadAt[id&^synonymFlag] = int32(i) + 1
	}
	c.spread = i
}

// spreadMass is sharedMass of the source sentence spreadSource spread out
// and b: the same shared weights, added in the same order (b's ids are
// sorted like a's), so the same float32 sum.
func (c *Context) spreadMass(b *features) float32 {
	var w float32
	at := int32(c.spread) + 1
	for k, id := range b.ids {
		if x := id &^ synonymFlag; c.spreadAt[x] == at {
			w += min(c.spreadW[x], b.w[k])
		}
	}
	return w
}

// sharedMass is the weighted content two feature sets share.
func sharedMass(a, b *features) float32 {
	var w float32
	i, j := 0, 0
	// Written like Shared, without unpredictable branches.
	for i < len(a.ids) && j < len(b.ids) {
		x, y := a.ids[i]&^synonymFlag, b.ids[j]&^synonymFlag
		if x == y {
			w += min(a.w[i], b.w[j])
		}
		if x <= y {
			i++
		}
		if x >= y {
			j++
		}
	}
	return w
}

// kindOf tells verbatim, edited and paraphrased pairs apart by the words
// themselves: the same word sequence is verbatim; a Dice overlap of word
// bigrams of at least editedOverlap is an edit (most phrasing kept); less
// is a paraphrase. It returns the overlap too.
func kindOf(src, der *textproc.Doc, p *Pair) (Kind, float64) {
	if len(p.Source) == 1 && len(p.Derived) == 1 {
		return kindOfOne(&src.Sentences[p.Source[0]], &der.Sentences[p.Derived[0]])
	}
	a := groupWords(src, p.Source)
	b := groupWords(der, p.Derived)
	if slices.Equal(a, b) {
		return Verbatim, 1
	}
	return editedOr(bigramDice(a, b))
}

// editedOverlap is the least bigram overlap of an edited pair.
const editedOverlap = 0.5

// editedOr returns Edited for an overlap of at least editedOverlap,
// Paraphrase below, and the overlap.
func editedOr(dice float64) (Kind, float64) {
	if dice >= editedOverlap {
		return Edited, dice
	}
	return Paraphrase, dice
}

// kindOfOne is kindOf for one sentence on each side, without allocating
// for the common case of a verbatim copy.
func kindOfOne(a, b *textproc.Sentence) (Kind, float64) {
	i, j := 0, 0
	for {
		for i < len(a.Tokens) && a.Tokens[i].Kind == textproc.Punct {
			i++
		}
		for j < len(b.Tokens) && b.Tokens[j].Kind == textproc.Punct {
			j++
		}
		if i == len(a.Tokens) || j == len(b.Tokens) {
			if i == len(a.Tokens) && j == len(b.Tokens) {
				return Verbatim, 1
			}
			break
		}
		if a.Tokens[i].Lower != b.Tokens[j].Lower {
			break
		}
		i++
		j++
	}
	var wa, wb [64]string
	return editedOr(bigramDice(groupWords1(wa[:0], a), groupWords1(wb[:0], b)))
}

// groupWords1 appends the lowercased words and numerals of s to w.
func groupWords1(w []string, s *textproc.Sentence) []string {
	for k := range s.Tokens {
		if t := &s.Tokens[k]; t.Kind != textproc.Punct {
			w = append(w, t.Lower)
		}
	}
	return w
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
	var ha, hb [64]uint64
	return 2 * float64(Shared(bigramHashes(ha[:0], a), bigramHashes(hb[:0], b))) / float64(len(a)+len(b)-2)
}

// bigramHashes appends the sorted hashes of a word list's bigrams to out.
func bigramHashes(out []uint64, w []string) []uint64 {
	prev := textproc.Hash(w[0])
	for k := 1; k < len(w); k++ {
		h := textproc.Hash(w[k])
		out = append(out, prev*0x9E3779B97F4A7C15^h)
		prev = h
	}
	scratch.SortShort(out)
	return out
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

package align

import (
	"math"
	"math/bits"
	"slices"
	"strings"
	"sync"

	"github.com/wiretrace/wiretrace/internal/scratch"

	"github.com/wiretrace/wiretrace/textproc"
)

// synonymFlag marks a term id that a derived sentence reached through a
// synonym or a spelling variant rather than the same stem; matches through
// it count a little less (synonymDiscount).
const synonymFlag = 1 << 31

// synonymDiscount is what a synonym or spelling-variant match counts
// relative to an exact stem match: a rewriter's "bolstering" for
// "strengthen" is evidence, but weaker than the same word.
const synonymDiscount = 0.8

// Context holds what a Similarity needs about a pair of documents, computed
// once: every sentence's weighted term ids, word bigrams, entity keys and
// numbers. Build it with NewContext; it is read-only afterwards and safe for
// concurrent use.
type Context struct {
	src, der   *textproc.Doc
	srcF, derF []features
	// srcClauses[i] are the clauses of source sentence i (derClauses
	// likewise), built on first use by clausesOf; a sentence of one clause
	// has none.
	srcClauses, derClauses [][]clause
	srcBuilt, derBuilt     []bool
	// srcJoins[i] is source sentences i and i+1 read as one (derJoins
	// likewise), built on first use by joinOf; nil until then.
	srcJoins, derJoins []*joined
	weightOf           []float32
	entIDs             map[string]uint32
	match              *matcher
	srcTerms, derTerms [][]uint32        // content term ids in token order
	stems              []string          // term id -> stem
	words              []*textproc.Token // term id -> the first token with it
	vocab              textproc.StemMap  // stem -> term id
	th                 Thesaurus
	nSrcVocab          int
	tokens             int // of both documents
	ar                 arena
	// pairs[i*len(derF)+j] holds sentenceBits(i, j) and sentenceMass(i,
	// j), each -1 until asked; empty until first asked.
	pairs []pairShare
	// spreadW[id] is the weight of term id in source sentence spread when
	// spreadAt[id] is spread+1 (see spreadSource); spread is -1 when no
	// sentence is spread out.
	spreadW  []float32
	spreadAt []int32
	spread   int
	// df and seen are the arrays of weights, idfFactor its factor by
	// document frequency, scores Align's scores of every sentence pair,
	// kept for the Context's next use.
	df, seen  []int32
	idfFactor []float32
	scores    []float64
}

// pairShare is what a source and a derived sentence share, measured on
// first use: the bits their id sets share and their shared mass.
type pairShare struct {
	bits int16 // a gramSet has 512 bits
	mass float32
}

// arena hands out slices of a few large backing arrays: a Context makes
// thousands of small slices (term ids, weights, hashes of every sentence,
// clause and joined pair), and one allocation each made allocation and
// garbage collection a third of the cost of Align. A slice it returns has
// length 0 and its capacity fixed by a full slice expression, so appending
// past that capacity reallocates instead of writing over a neighbour. The
// arrays stay with the Context for its next use (see contexts).
type arena struct {
	u32     chunks[uint32]
	f32     chunks[float32]
	u64     chunks[uint64]
	clauses chunks[clause]
	joins   chunks[joined]
}

// chunks are the arrays of one element type of an arena.
type chunks[T any] struct {
	all [][]T // each filled from its start
	k   int   // all[k] is the one being filled
}

// arenaChunk, clauseChunk and joinChunk are the least numbers of
// elements an arena allocates at once: of numbers, and of clauses and
// joins, which weigh about 750 bytes each.
const (
	arenaChunk  = 1024
	clauseChunk = 32
	joinChunk   = 16
)

// take returns an empty slice with room for n elements from the spare
// capacity of the array being filled, moving on to the next array (made
// with at least chunk elements when there is none) when too little is
// left.
func (c *chunks[T]) take(chunk, n int) []T {
	for c.k < len(c.all) && cap(c.all[c.k])-len(c.all[c.k]) < n {
		c.k++
	}
	if c.k == len(c.all) {
		c.all = append(c.all, make([]T, 0, max(chunk, n)))
	}
	buf := &c.all[c.k]
	l := len(*buf)
	*buf = (*buf)[:l+n]
	return (*buf)[l : l : l+n]
}

// reset empties the arrays for a new use, with zeros written over what
// was handed out when clear is set (for element types that hold
// pointers, so that a Context waiting for reuse keeps no article alive).
// Unless the arrays hold at least first elements in all, they are
// replaced by one of first elements.
func (c *chunks[T]) reset(first int, clearUsed bool) {
	total := 0
	for k := range c.all {
		if clearUsed {
			clear(c.all[k])
		}
		c.all[k] = c.all[k][:0]
		total += cap(c.all[k])
	}
	c.k = 0
	if first > 0 && total < first {
		c.all = append(c.all[:0], make([]T, 0, first))
	}
}

// grow empties the arena and sizes its number arrays for about tokens
// tokens.
func (a *arena) grow(tokens int) {
	a.u32.reset(max(arenaChunk, 2*tokens), false)
	a.f32.reset(max(arenaChunk, tokens), false)
	a.u64.reset(max(arenaChunk, tokens+tokens/4), false)
	a.clauses.reset(0, false)
	a.joins.reset(0, false)
}

// contexts recycles the Contexts Align makes: the arrays and maps of one
// Context for a pair of news articles weigh several hundred kilobytes,
// and making them afresh for every comparison made garbage collection a
// large part of Compare's cost. A Context is put back by release.
var contexts sync.Pool

// maxPooledTokens is the most tokens a pair may have for its Context to
// be recycled: one very long comparison should not leave its arrays in
// the pool.
const maxPooledTokens = 1 << 15

// features are one sentence's precomputed comparison data. Slices are
// sorted so that comparing two sentences is a merge, without maps or
// allocation.
type features struct {
	ids     []uint32  // canonical term ids, sorted; synonymFlag may be set
	idSet   gramSet   // the ids (flag cleared) hashed into bits, for a quick bound
	w       []float32 // weight of each id
	total   float32
	bigrams gramSet // consecutive content-term id pairs
	nBi     int
	ents    []uint32 // entity key ids, sorted, deduplicated
	nums    []uint64 // number value+unit hashes, sorted, deduplicated
	dates   []uint64 // date hashes, sorted, deduplicated
	// grams[n] are the all-word (stop words too) n+1-grams, nGrams[n]
	// how many; grams[0] stays empty, as unigrams are counted in uni.
	grams  [3]gramSet
	nGrams [3]int
	// uni is the sorted multiset of the words' hashes: unigram overlap is
	// counted with repeats ("the" twice matches "the" twice), which the
	// MRPC fit showed matters (test accuracy 0.741 with sets, 0.75 with
	// multisets).
	uni    []uint64
	chars  charSet // character 4-grams of the normalised text, hashed into bits
	nChars int     // how many 4-grams went in
	neg    bool
	words  int
	// lazy marks features whose phrasing part (everything but ids, idSet,
	// w, total, bigrams and nBi) is not made yet: complete makes it from
	// tokens [from, to) of sent, or from halves when they are a join's.
	lazy     bool
	sent     *textproc.Sentence
	from, to int
	halves   [2]*features
}

// NewContext prepares the sentences of src and derived for scoring. The
// thesaurus may be nil (no synonyms beyond spelling variants); pass
// Thesauri{wordnet, Fallback} to use both.
func NewContext(src, derived *textproc.Doc, th Thesaurus) *Context {
	c := &Context{}
	c.init(src, derived, th)
	return c
}

// recycledContext returns a Context for src and derived made in the
// arrays of one that release put back, when there is one.
func recycledContext(src, derived *textproc.Doc, th Thesaurus) *Context {
	c, _ := contexts.Get().(*Context)
	if c == nil {
		c = &Context{}
	}
	c.init(src, derived, th)
	return c
}

// release puts c back for recycledContext, with everything that refers
// to its documents cleared. c must not be used afterwards.
func (c *Context) release() {
	if c.tokens > maxPooledTokens {
		return
	}
	c.src, c.der, c.th = nil, nil, nil
	c.vocab.Clear()
	clear(c.entIDs)
	clear(c.stems)
	clear(c.words)
	clear(c.srcF)
	clear(c.derF)
	clear(c.srcClauses)
	clear(c.derClauses)
	clear(c.srcJoins)
	clear(c.derJoins)
	c.ar.clauses.reset(0, true)
	c.ar.joins.reset(0, true)
	c.match.release()
	contexts.Put(c)
}

// init prepares c for src and derived (see NewContext), in the arrays and
// maps of its last use when it had one.
func (c *Context) init(src, derived *textproc.Doc, th Thesaurus) {
	tokens := 0
	for _, d := range []*textproc.Doc{src, derived} {
		for i := range d.Sentences {
			tokens += len(d.Sentences[i].Tokens)
		}
	}
	c.src, c.der, c.th, c.tokens = src, derived, th, tokens
	if c.entIDs == nil {
		c.entIDs = map[string]uint32{}
	}
	c.ar.grow(tokens)
	c.stems = slices.Grow(c.stems[:0], tokens/3+16)
	c.words = slices.Grow(c.words[:0], tokens/3+16)
	srcTerms := scratch.Resize(c.srcTerms, len(src.Sentences))
	for i := range src.Sentences {
		srcTerms[i] = c.termIDs(&src.Sentences[i], false)
	}
	c.nSrcVocab = len(c.stems)
	m := c.newMatcher()
	derTerms := scratch.Resize(c.derTerms, len(derived.Sentences))
	for j := range derived.Sentences {
		derTerms[j] = c.termIDs(&derived.Sentences[j], true, m)
	}
	weights := c.weights(srcTerms, derTerms)
	ents := c.entIDs
	c.weightOf, c.match = weights, m
	c.srcTerms, c.derTerms = srcTerms, derTerms
	c.srcClauses, c.srcBuilt = scratch.Resize(c.srcClauses, len(src.Sentences)), scratch.Resize(c.srcBuilt, len(src.Sentences))
	c.derClauses, c.derBuilt = scratch.Resize(c.derClauses, len(derived.Sentences)), scratch.Resize(c.derBuilt, len(derived.Sentences))
	c.srcJoins, c.derJoins = scratch.Resize(c.srcJoins, len(src.Sentences)), scratch.Resize(c.derJoins, len(derived.Sentences))
	c.pairs = c.pairs[:0]
	c.spreadW, c.spreadAt, c.spread = c.spreadW[:0], c.spreadAt[:0], -1
	c.srcF = scratch.Resize(c.srcF, len(src.Sentences))
	for i := range src.Sentences {
		c.srcF[i] = c.makeFeatures(&src.Sentences[i], 0, len(src.Sentences[i].Tokens), srcTerms[i], weights, ents)
	}
	c.derF = scratch.Resize(c.derF, len(derived.Sentences))
	for j := range derived.Sentences {
		c.derF[j] = c.makeFeatures(&derived.Sentences[j], 0, len(derived.Sentences[j].Tokens), derTerms[j], weights, ents)
	}
}

// termIDs maps a sentence's content stems to ids. For a derived sentence, a
// stem the source lacks is mapped onto a source stem that is its synonym or
// spelling variant, flagged with synonymFlag.
func (c *Context) termIDs(s *textproc.Sentence, derived bool, m ...*matcher) []uint32 {
	ids := c.ar.u32.take(arenaChunk, len(s.Tokens))
	for k := range s.Tokens {
		t := &s.Tokens[k]
		if !isContent(t) {
			continue
		}
		stem := normStem(t)
		v, ok := c.vocab.GetFor(t, stem)
		id := uint32(v)
		if !ok && derived && len(m) > 0 {
			if sid, found := m[0].match(stem, t.Lower); found {
				ids = append(ids, sid|synonymFlag)
				continue
			}
		}
		if !ok {
			id = uint32(len(c.stems))
			c.vocab.SetFor(t, stem, int32(id))
			c.stems = append(c.stems, stem)
			c.words = append(c.words, t)
		}
		ids = append(ids, id)
	}
	return ids
}

// isContent reports a token that counts as a content term: a word or
// numeral, not a stop word ("US" in capitals is the country, not "us").
func isContent(t *textproc.Token) bool {
	return t.Kind != textproc.Punct && (!t.Stop || t.Text == "US")
}

// normStem is the stem used as a term: possessives and hyphens are already
// gone (textproc.Stem); country abbreviations are spelled one way.
func normStem(t *textproc.Token) string {
	switch t.Lower {
	case "u.s.", "us", "usa", "u.s.a.", "america", "american":
		if t.Lower != "us" || t.Text == "US" {
			return "united-states"
		}
	case "u.k.", "uk", "britain", "british":
		return "united-kingdom"
	}
	return t.Stem
}

// weights gives each term id its weight: the background weight of its stem
// times an inverse document frequency over the sentences of both documents,
// so that a word in every sentence of the pair ("Japan" in a story about
// Japan) counts less than one in a few. Pairs of short documents (fewer than
// 8 sentences, such as a single sentence pair) use the background alone.
func (c *Context) weights(src, der [][]uint32) []float32 {
	stems := c.stems
	w := scratch.Resize(c.weightOf, len(c.stems))
	for id, s := range stems {
		w[id] = backgroundWeight(c.words[id], s)
	}
	n := len(src) + len(der)
	if n < 8 {
		return w
	}
	c.df = scratch.Resize(c.df, len(c.stems))
	c.seen = scratch.Resize(c.seen, len(c.stems))
	df, seen := c.df, c.seen // seen[id] is the last sentence with id, plus one
	for k, sent := range src {
		countSentence(df, seen, int32(k)+1, sent)
	}
	for k, sent := range der {
		countSentence(df, seen, int32(len(src)+k)+1, sent)
	}
	// The factor of each document frequency (1 to n), worked out once:
	// there are far fewer frequencies than terms.
	logN := math.Log(float64(n) + 1)
	c.idfFactor = scratch.Resize(c.idfFactor, n+1)
	for f := 1; f <= n; f++ {
		idf := math.Log((float64(n)+1)/float64(f)) / logN
		c.idfFactor[f] = float32(0.5 + 0.5*idf)
	}
	for id := range w {
		if df[id] == 0 {
			continue
		}
		w[id] *= c.idfFactor[df[id]]
	}
	return w
}

// countSentence adds one to the document frequency df of each id of sent,
// sentence number k (from 1) of both documents; seen[id] is the last
// sentence counted for id.
func countSentence(df, seen []int32, k int32, sent []uint32) {
	for _, id := range sent {
		id &^= synonymFlag
		if seen[id] != k {
			seen[id] = k
			df[id]++
		}
	}
}

// makeFeatures computes the features of tokens [from, to) of s (a clause,
// or the whole sentence) whose content term ids are ids; annotations count
// when they lie inside those tokens.
func (c *Context) makeFeatures(s *textproc.Sentence, from, to int, ids []uint32, weights []float32, ents map[string]uint32) features {
	f := c.contentFeatures(ids, weights)
	c.phrasingFeatures(&f, s, from, to, ents)
	return f
}

// lazyFeatures is makeFeatures with the phrasing part left for complete:
// most clauses are only ever checked for shared content (enoughShared),
// which the content part answers.
func (c *Context) lazyFeatures(s *textproc.Sentence, from, to int, ids []uint32) features {
	f := c.contentFeatures(ids, c.weightOf)
	f.lazy, f.sent, f.from, f.to = true, s, from, to
	return f
}

// complete makes the phrasing part of f if it was left out (lazyFeatures,
// joinFeatures). Not safe for concurrent use, like the clauses and joins
// it serves.
func (c *Context) complete(f *features) {
	if !f.lazy {
		return
	}
	f.lazy = false
	if f.halves[0] != nil {
		c.joinPhrasing(f, f.halves[0], f.halves[1])
		return
	}
	c.phrasingFeatures(f, f.sent, f.from, f.to, c.entIDs)
}

// phrasingFeatures fills in the features of tokens [from, to) of s other
// than the content terms: negation, word and character n-grams, dates,
// entities and numbers.
func (c *Context) phrasingFeatures(f *features, s *textproc.Sentence, from, to int, ents map[string]uint32) {
	toks := s.Tokens[from:to]
	lo, hi := 0, 0
	if len(toks) > 0 {
		lo, hi = toks[0].Start, toks[len(toks)-1].End
	}
	in := func(sp textproc.Span) bool { return sp.Start >= lo && sp.End <= hi }
	for _, n := range s.Negations {
		f.neg = f.neg || in(n.Span)
	}
	var buf [64]uint64
	seq := buf[:0]
	for k := range toks {
		t := &toks[k]
		if t.Kind == textproc.Punct {
			continue
		}
		f.words++
		// Word n-grams use exact stems, stop words included: they measure
		// how much phrasing is shared, not just content. They are only
		// hashed into sets, so a string hash serves as the word's id.
		seq = append(seq, normStemHash(t))
	}
	for k := 0; k+1 < len(seq); k++ {
		h := seq[k]*0x9E3779B97F4A7C15 + seq[k+1]
		f.grams[1].add(h)
		if k+2 < len(seq) {
			f.grams[2].add(h*0x9E3779B97F4A7C15 + seq[k+2])
		}
	}
	f.nGrams[1], f.nGrams[2] = f.grams[1].count(), f.grams[2].count()
	f.uni = append(c.ar.u64.take(arenaChunk, len(seq)), seq...)
	scratch.SortShort(f.uni)
	f.nGrams[0] = len(f.uni)
	f.chars, f.nChars = charGrams(toks)
	if len(s.Dates) > 0 {
		f.dates = c.ar.u64.take(arenaChunk, len(s.Dates))
	}
	for _, d := range s.Dates {
		if !in(d.Span) {
			continue
		}
		f.dates = append(f.dates, uint64(d.Year)<<32|uint64(d.Month)<<24|uint64(d.Day)<<16|uint64(d.Weekday)<<8)
	}
	scratch.SortShort(f.dates)
	f.dates = slices.Compact(f.dates)
	if len(s.Entities) > 0 {
		f.ents = c.ar.u32.take(arenaChunk, len(s.Entities))
	}
	for _, e := range s.Entities {
		if !in(e.Span) {
			continue
		}
		id, ok := ents[e.Key]
		if !ok {
			id = uint32(len(ents))
			ents[e.Key] = id
		}
		f.ents = append(f.ents, id)
	}
	scratch.SortShort(f.ents)
	f.ents = slices.Compact(f.ents)
	if len(s.Numbers) > 0 {
		f.nums = c.ar.u64.take(arenaChunk, len(s.Numbers))
	}
	for _, n := range s.Numbers {
		if !in(n.Span) {
			continue
		}
		h := math.Float64bits(n.Value)*31 + uint64(len(n.Unit))
		if n.Unit != "" {
			h = h*131 + uint64(n.Unit[0])
		}
		f.nums = append(f.nums, h)
	}
	scratch.SortShort(f.nums)
	f.nums = slices.Compact(f.nums)
}

// contentFeatures makes the content-term part of features from the
// term ids: the sorted, deduplicated ids with their weights, their bit
// set and their bigrams.
func (c *Context) contentFeatures(ids []uint32, weights []float32) features {
	var f features
	for k := 0; k+1 < len(ids); k++ {
		a, b := uint64(ids[k]&^synonymFlag), uint64(ids[k+1]&^synonymFlag)
		f.bigrams.add(a<<32 | b)
	}
	f.nBi = f.bigrams.count()
	// Sort by id with the synonym flag ignored: key = bare id above, the
	// flagged id below, so an ordered sort of plain integers does it.
	var kbuf [64]uint64
	keys := kbuf[:0]
	if len(ids) > len(kbuf) {
		keys = make([]uint64, 0, len(ids))
	}
	for _, id := range ids {
		keys = append(keys, uint64(id&^synonymFlag)<<32|uint64(id))
	}
	scratch.SortShort(keys)
	f.ids = c.ar.u32.take(arenaChunk, len(keys))
	f.w = c.ar.f32.take(arenaChunk, len(keys))
	for k, key := range keys {
		id := uint32(key)
		if k > 0 && id&^synonymFlag == uint32(keys[k-1])&^synonymFlag {
			continue
		}
		f.ids = append(f.ids, id)
		f.idSet.add(uint64(id &^ synonymFlag))
		w := float32(1)
		if int(id&^synonymFlag) < len(weights) {
			w = weights[id&^synonymFlag]
		}
		f.w = append(f.w, w)
		f.total += w
	}
	return f
}

// matcher finds, for a derived stem the source lacks, a source stem that is
// a synonym (by the thesaurus) or a spelling variant (edit distance 1 for
// words of 5 or more letters, 2 for 9 or more: "adviser"/"advisor").
type matcher struct {
	c      *Context
	groups map[uint32]uint32 // thesaurus group -> first source term id
	// bucket maps the first 3 letters of a source word to its list in
	// buckets: the ids of the words that start so. The lists' arrays are
	// kept for the Context's next use.
	bucket  map[string]int32
	buckets [][]uint32
	words   []string         // source term id -> a lowercased word
	cache   map[string]int64 // derived stem -> source id or -1
}

// newMatcher returns c's matcher, ready for c's documents: the one of its
// last use emptied (see release), or a new one.
func (c *Context) newMatcher() *matcher {
	m := c.match
	if m == nil {
		// Sized up front from the source vocabulary: these maps grew by
		// rehashing in every Align.
		m = &matcher{c: c, groups: make(map[uint32]uint32, c.nSrcVocab), bucket: make(map[string]int32, c.nSrcVocab/2+8),
			cache: make(map[string]int64, c.nSrcVocab/2+8)}
	}
	m.words = scratch.Resize(m.words, c.nSrcVocab)
	// One pass over the source's distinct terms (in id order, so the
	// first-seen source word wins a group as before).
	used := 0
	for id := 0; id < c.nSrcVocab; id++ {
		t := c.words[id]
		if t.Kind != textproc.Word {
			continue
		}
		m.words[id] = t.Lower
		if len(t.Lower) >= 5 {
			b, ok := m.bucket[t.Lower[:3]]
			if !ok {
				if used == len(m.buckets) {
					m.buckets = append(m.buckets, nil)
				}
				b = int32(used)
				m.buckets[b] = m.buckets[b][:0]
				m.bucket[t.Lower[:3]] = b
				used++
			}
			m.buckets[b] = append(m.buckets[b], uint32(id))
		}
		if c.th != nil {
			for _, g := range c.th.Groups(t.Stem) {
				if _, dup := m.groups[g]; !dup {
					m.groups[g] = uint32(id)
				}
			}
		}
	}
	return m
}

// release empties m for its Context's next use, keeping its maps and
// arrays.
func (m *matcher) release() {
	if m == nil {
		return
	}
	clear(m.groups)
	clear(m.bucket)
	clear(m.words)
	clear(m.cache)
}

func (m *matcher) match(stem, lower string) (uint32, bool) {
	if v, ok := m.cache[stem]; ok {
		return uint32(v), v >= 0
	}
	found := int64(-1)
	if m.c.th != nil {
		for _, g := range m.c.th.Groups(stem) {
			if id, ok := m.groups[g]; ok {
				found = int64(id)
				break
			}
		}
	}
	if found < 0 && len(lower) >= 5 && !strings.ContainsAny(lower[:1], "0123456789") {
		var ids []uint32
		if b, ok := m.bucket[lower[:3]]; ok {
			ids = m.buckets[b]
		}
		for _, id := range ids {
			maxD := 1
			if len(lower) >= 9 {
				maxD = 2
			}
			if textproc.EditsWithin(lower, m.words[id], maxD) {
				found = int64(id)
				break
			}
		}
	}
	m.cache[stem] = found
	return uint32(found), found >= 0
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func stemOf(w string) string { return textproc.Stem(strings.ToLower(w)) }

// features returns the precomputed features of s if it is a sentence of
// one of the context's documents or a joined pair of neighbours (found by
// its address, without a map), or computes them on the spot otherwise.
func (c *Context) features(s *textproc.Sentence) *features {
	if c != nil {
		i := s.Index
		if i >= 0 && i < len(c.srcF) && &c.src.Sentences[i] == s {
			return &c.srcF[i]
		}
		if i >= 0 && i < len(c.derF) && &c.der.Sentences[i] == s {
			return &c.derF[i]
		}
		if i >= 0 && i < len(c.srcJoins) && c.srcJoins[i] != nil && c.srcJoins[i].made && c.srcJoins[i].s == s {
			return &c.srcJoins[i].f
		}
		if i >= 0 && i < len(c.derJoins) && c.derJoins[i] != nil && c.derJoins[i].made && c.derJoins[i].s == s {
			return &c.derJoins[i].f
		}
		// A clause's Index is its sentence's.
		if i >= 0 && i < len(c.srcClauses) {
			for k := range c.srcClauses[i] {
				if c.srcClauses[i][k].sent == s {
					return &c.srcClauses[i][k].f
				}
			}
		}
		if i >= 0 && i < len(c.derClauses) {
			for k := range c.derClauses[i] {
				if c.derClauses[i][k].sent == s {
					return &c.derClauses[i][k].f
				}
			}
		}
	}
	one := &textproc.Doc{Sentences: []textproc.Sentence{*s}}
	one.Sentences[0].Index = 0
	var th Thesaurus
	if c != nil {
		th = c.th
	}
	return &NewContext(one, &textproc.Doc{}, th).srcF[0]
}

// gramSet is a 512-bit set of hashed word n-grams. A sentence has a few
// dozen n-grams of each order, so collisions are rare (a few percent), and
// comparing two sets is eight AND-and-count steps with no branches: the
// innermost loop of alignment stays in the tens of nanoseconds.
type gramSet [8]uint64

func (g *gramSet) add(h uint64) {
	x := (h * 0x9E3779B97F4A7C15) >> 55 // 9 bits
	g[x>>6] |= 1 << (x & 63)
}

func (g *gramSet) count() int {
	n := 0
	for _, w := range g {
		n += bits.OnesCount64(w)
	}
	return n
}

// common counts the bits g and o share. Written out word by word: in a
// loop, the counter, the bound and the jump cost as much as the counting.
func (g *gramSet) common(o *gramSet) int {
	return bits.OnesCount64(g[0]&o[0]) + bits.OnesCount64(g[1]&o[1]) +
		bits.OnesCount64(g[2]&o[2]) + bits.OnesCount64(g[3]&o[3]) +
		bits.OnesCount64(g[4]&o[4]) + bits.OnesCount64(g[5]&o[5]) +
		bits.OnesCount64(g[6]&o[6]) + bits.OnesCount64(g[7]&o[7])
}

// charSet is a 1024-bit set of hashed character 4-grams. Comparing two
// sets is sixteen AND-and-count steps instead of a merge of a few hundred
// sorted hashes; with the 100 to 300 4-grams of a sentence, hash collisions
// overcount shared 4-grams by a few percent, which the fitted weights absorb.
type charSet [16]uint64

// charGrams hashes the character 4-grams of a sentence's words and numerals,
// lowercased and joined by single spaces; they catch shared names, numbers
// and word parts that stems miss. It returns the set and the number of
// distinct bits set.
func charGrams(toks []textproc.Token) (charSet, int) {
	var cs charSet
	var h uint32
	n := 0
	add := func(c byte) {
		h = h<<8 | uint32(c)
		n++
		if n >= 4 {
			x := h * 0x9E3779B1
			x >>= 22 // 10 bits
			cs[x>>6] |= 1 << (x & 63)
		}
	}
	for i := range toks {
		t := &toks[i]
		if t.Kind == textproc.Punct {
			continue
		}
		add(' ')
		for k := 0; k < len(t.Lower); k++ {
			add(t.Lower[k])
		}
	}
	add(' ')
	return cs, cs.count()
}

func (cs *charSet) count() int {
	n := 0
	for _, w := range cs {
		n += bits.OnesCount64(w)
	}
	return n
}

// common counts the bits cs and o share, four words a step (see
// gramSet.common).
func (cs *charSet) common(o *charSet) int {
	n := 0
	for k := 0; k < len(cs); k += 4 {
		n += bits.OnesCount64(cs[k]&o[k]) + bits.OnesCount64(cs[k+1]&o[k+1]) +
			bits.OnesCount64(cs[k+2]&o[k+2]) + bits.OnesCount64(cs[k+3]&o[k+3])
	}
	return n
}

// normStemHash is textproc.Hash(normStem(t)), the token's own StemHash
// when its stem is its term.
func normStemHash(t *textproc.Token) uint64 {
	if s := normStem(t); s != t.Stem {
		return textproc.Hash(s)
	}
	return t.StemHash
}

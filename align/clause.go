package align

import (
	"cmp"
	"math"
	"slices"

	"github.com/wiretrace/wiretrace/textproc"
)

// A clause is part of a sentence between punctuation marks (",", ";", ":",
// dashes, brackets), merged with its neighbour while it has fewer than
// minClauseContent content words. Rewrites split and merge sentences but
// mostly keep clauses whole ("..., according to foreign ministry
// spokesperson X" for "..., spokesperson X told a news conference"), so
// clauses are the unit at which Align finds content that moved between
// sentences. A clause is scored as a short sentence by the same Similarity.
type clause struct {
	parent   int // index of the sentence it is part of
	from, to int // its tokens in that sentence
	f        features
	// sent is the clause as a sentence of its own (Index is its
	// sentence's), made only for a Similarity other than Lexical, which
	// needs a Sentence; Lexical reads f directly.
	sent *textproc.Sentence
}

// minClauseContent is the fewest content words a clause has on its own;
// shorter pieces ("he said", "on Tuesday") carry too little to align.
const minClauseContent = 4

// clauseBreak reports punctuation that ends a clause.
func clauseBreak(t *textproc.Token) bool {
	if t.Kind != textproc.Punct {
		return false
	}
	switch t.Text {
	case ",", ";", ":", "—", "–", "(", ")":
		return true
	}
	return false
}

// splitClauses returns the token ranges [from, to) of a sentence's
// clauses; a sentence of one clause yields nil.
func splitClauses(s *textproc.Sentence) [][2]int {
	var out [][2]int
	start, content := 0, 0
	for k := range s.Tokens {
		t := &s.Tokens[k]
		if t.Kind != textproc.Punct && !t.Stop {
			content++
		}
		if clauseBreak(t) && content >= minClauseContent {
			out = append(out, [2]int{start, k + 1})
			start, content = k+1, 0
		}
	}
	if start < len(s.Tokens) {
		if content < minClauseContent && len(out) > 0 {
			out[len(out)-1][1] = len(s.Tokens)
		} else {
			out = append(out, [2]int{start, len(s.Tokens)})
		}
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// subSentence cuts tokens [from, to) of s out as a sentence of its own,
// with the annotations that fall inside, offsets made relative to it.
func subSentence(s *textproc.Sentence, from, to int) textproc.Sentence {
	lo, hi := s.Tokens[from].Start, s.Tokens[to-1].End
	sub := textproc.Sentence{Paragraph: s.Paragraph, Start: s.Start + lo, End: s.Start + hi, Text: s.Text[lo:hi]}
	in := func(sp textproc.Span) bool { return sp.Start >= lo && sp.End <= hi }
	mv := func(sp textproc.Span) textproc.Span { return textproc.Span{Start: sp.Start - lo, End: sp.End - lo} }
	sub.Tokens = make([]textproc.Token, to-from)
	copy(sub.Tokens, s.Tokens[from:to])
	for k := range sub.Tokens {
		sub.Tokens[k].Span = mv(sub.Tokens[k].Span)
	}
	for _, e := range s.Entities {
		if in(e.Span) {
			e.Span = mv(e.Span)
			sub.Entities = append(sub.Entities, e)
		}
	}
	for _, n := range s.Numbers {
		if in(n.Span) {
			n.Span = mv(n.Span)
			sub.Numbers = append(sub.Numbers, n)
		}
	}
	for _, d := range s.Dates {
		if in(d.Span) {
			d.Span = mv(d.Span)
			sub.Dates = append(sub.Dates, d)
		}
	}
	for _, n := range s.Negations {
		if in(n.Span) {
			n.Span = mv(n.Span)
			sub.Negations = append(sub.Negations, n)
		}
	}
	return sub
}

// clausesOf returns the clauses of sentence i of the source (derived
// false) or derived document, building them on first use; nil for a
// sentence of one clause. Not safe for concurrent use: Align calls it from
// one goroutine.
func (c *Context) clausesOf(derived bool, i int) []clause {
	d, terms, cls, built := c.src, c.srcTerms, c.srcClauses, c.srcBuilt
	if derived {
		d, terms, cls, built = c.der, c.derTerms, c.derClauses, c.derBuilt
	}
	if built[i] {
		return cls[i]
	}
	built[i] = true
	s := &d.Sentences[i]
	ranges := splitClauses(s)
	var out []clause
	if len(ranges) > 0 {
		out = c.ar.clauses.take(clauseChunk, len(ranges))
	}
	// A clause's term ids are a run of its sentence's: count the content
	// tokens before the clause, as termIDs counts them.
	content, next := 0, 0
	for _, r := range ranges {
		for ; next < r[0]; next++ {
			if isContent(&s.Tokens[next]) {
				content++
			}
		}
		from := content
		for ; next < r[1]; next++ {
			if isContent(&s.Tokens[next]) {
				content++
			}
		}
		out = append(out, clause{parent: i, from: r[0], to: r[1],
			f: c.lazyFeatures(s, r[0], r[1], terms[i][from:content])})
	}
	cls[i] = out
	return out
}

// sentence returns the clause as a sentence of its own, made on first use.
func (cl *clause) sentence(parent *textproc.Sentence) *textproc.Sentence {
	if cl.sent == nil {
		s := subSentence(parent, cl.from, cl.to)
		s.Index = parent.Index
		cl.sent = &s
	}
	return cl.sent
}

// joined is two neighbouring sentences read as one, for merges: a rewrite
// that folds two short sentences into one ("Documents are vectors. Each
// dimension is a term." into "A document is a vector whose dimensions are
// terms.") matches the pair better than either alone.
type joined struct {
	f    features
	s    *textproc.Sentence // Index is the first sentence's; made by sentence
	made bool
}

// joinOf returns sentences i and i+1 of the source (derived false) or
// derived document read as one, building its features on first use.
func (c *Context) joinOf(derived bool, i int) *joined {
	feats, joins := c.srcF, c.srcJoins
	if derived {
		feats, joins = c.derF, c.derJoins
	}
	if joins[i] == nil {
		js := append(c.ar.joins.take(joinChunk, 1), joined{f: c.joinFeatures(&feats[i], &feats[i+1])})
		joins[i] = &js[0]
	}
	return joins[i]
}

// sentence returns the joined sentences as one Sentence, made on first use
// (only a Similarity other than Lexical needs it).
func (j *joined) sentence(d *textproc.Doc, i int) *textproc.Sentence {
	if !j.made {
		s := joinSentences(&d.Sentences[i], &d.Sentences[i+1])
		j.s, j.made = &s, true
	}
	return j.s
}

// joinFeatures combines the features of two neighbouring sentences into
// those of the two read as one: sets are united, multisets merged, counts
// added. The n-grams that would straddle the boundary are left out; they
// span two sentences and are not what two texts share.
func (c *Context) joinFeatures(a, b *features) features {
	f := features{}
	f.ids = c.ar.u32.take(arenaChunk, len(a.ids)+len(b.ids))
	f.w = c.ar.f32.take(arenaChunk, len(a.ids)+len(b.ids))
	i, j := 0, 0
	for i < len(a.ids) || j < len(b.ids) {
		var x, y uint32 = math.MaxUint32, math.MaxUint32
		if i < len(a.ids) {
			x = a.ids[i] &^ synonymFlag
		}
		if j < len(b.ids) {
			y = b.ids[j] &^ synonymFlag
		}
		switch {
		case x < y:
			f.ids, f.w = append(f.ids, a.ids[i]), append(f.w, a.w[i])
			i++
		case y < x:
			f.ids, f.w = append(f.ids, b.ids[j]), append(f.w, b.w[j])
			j++
		default:
			f.ids, f.w = append(f.ids, a.ids[i]), append(f.w, a.w[i])
			i++
			j++
		}
	}
	for _, w := range f.w {
		f.total += w
	}
	for k := range f.idSet {
		f.idSet[k] = a.idSet[k] | b.idSet[k]
		f.bigrams[k] = a.bigrams[k] | b.bigrams[k]
	}
	f.nBi = f.bigrams.count()
	f.lazy, f.halves = true, [2]*features{a, b}
	return f
}

// joinPhrasing makes the phrasing part (see features.lazy) of f, the join
// of a and b, from theirs.
func (c *Context) joinPhrasing(f, a, b *features) {
	c.complete(a)
	c.complete(b)
	f.neg, f.words = a.neg || b.neg, a.words+b.words
	for n := range f.grams {
		for k := range f.grams[n] {
			f.grams[n][k] = a.grams[n][k] | b.grams[n][k]
		}
		f.nGrams[n] = f.grams[n].count()
	}
	f.uni = mergeSorted(c.ar.u64.take(arenaChunk, len(a.uni)+len(b.uni)), a.uni, b.uni)
	f.nGrams[0] = len(f.uni)
	for k := range f.chars {
		f.chars[k] = a.chars[k] | b.chars[k]
	}
	f.nChars = f.chars.count()
	f.ents = slices.Compact(mergeSorted(c.ar.u32.take(arenaChunk, len(a.ents)+len(b.ents)), a.ents, b.ents))
	f.nums = slices.Compact(mergeSorted(c.ar.u64.take(arenaChunk, len(a.nums)+len(b.nums)), a.nums, b.nums))
	f.dates = slices.Compact(mergeSorted(c.ar.u64.take(arenaChunk, len(a.dates)+len(b.dates)), a.dates, b.dates))
}

// mergeSorted appends the merge of two sorted slices to out (empty, with
// room for both) and returns it.
func mergeSorted[T cmp.Ordered](out, a, b []T) []T {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		if a[i] <= b[j] {
			out = append(out, a[i])
			i++
		} else {
			out = append(out, b[j])
			j++
		}
	}
	out = append(out, a[i:]...)
	return append(out, b[j:]...)
}

// joinSentences reads two sentences as one: their texts joined by a space,
// every annotation kept with its offsets moved.
func joinSentences(a, b *textproc.Sentence) textproc.Sentence {
	off := len(a.Text) + 1
	j := textproc.Sentence{Index: a.Index, Paragraph: a.Paragraph, Start: a.Start, End: b.End, Text: a.Text + " " + b.Text}
	if b.Paragraph != a.Paragraph {
		j.End = a.End
	}
	mv := func(sp textproc.Span) textproc.Span { return textproc.Span{Start: sp.Start + off, End: sp.End + off} }
	j.Tokens = append(append(make([]textproc.Token, 0, len(a.Tokens)+len(b.Tokens)), a.Tokens...), b.Tokens...)
	for k := len(a.Tokens); k < len(j.Tokens); k++ {
		j.Tokens[k].Span = mv(j.Tokens[k].Span)
	}
	j.Entities = append(append([]textproc.Entity(nil), a.Entities...), b.Entities...)
	for k := len(a.Entities); k < len(j.Entities); k++ {
		j.Entities[k].Span = mv(j.Entities[k].Span)
	}
	j.Roles = append(append([]textproc.Role(nil), a.Roles...), b.Roles...)
	for k := len(a.Roles); k < len(j.Roles); k++ {
		j.Roles[k].Span = mv(j.Roles[k].Span)
	}
	j.Numbers = append(append([]textproc.Number(nil), a.Numbers...), b.Numbers...)
	for k := len(a.Numbers); k < len(j.Numbers); k++ {
		j.Numbers[k].Span = mv(j.Numbers[k].Span)
	}
	j.Dates = append(append([]textproc.Date(nil), a.Dates...), b.Dates...)
	for k := len(a.Dates); k < len(j.Dates); k++ {
		j.Dates[k].Span = mv(j.Dates[k].Span)
	}
	j.Quotes = append(append([]textproc.Quote(nil), a.Quotes...), b.Quotes...)
	for k := len(a.Quotes); k < len(j.Quotes); k++ {
		j.Quotes[k].Span = mv(j.Quotes[k].Span)
	}
	j.Negations = append(append([]textproc.Negation(nil), a.Negations...), b.Negations...)
	for k := len(a.Negations); k < len(j.Negations); k++ {
		j.Negations[k].Span = mv(j.Negations[k].Span)
	}
	return j
}

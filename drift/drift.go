// Package drift finds the facts that changed between a source article and an
// article derived from it: on sentences already aligned as carrying the same
// content, it compares role titles, numbers, dates and weekdays, quotes and
// their speakers, negations and names, and reports each change with the
// spans on both sides and a one-line explanation. Examine reviews the
// whole article besides: facts only the derived side states (figures,
// names, dates, quotes), claims negated against the closest source
// sentence, and the signals a fitted model (package trace) reads to judge
// whether the rewrite changed facts, in which case those are reported
// too. It also tells whether the derived article credits its source.
//
// The package is pure: it takes analysed documents (textproc.Doc) and the
// sentence pairs an aligner found, and returns values; it does no I/O.
//
// Every check is built to stay quiet on faithful paraphrase: numbers are
// compared by value and unit ("$812 million" = "812 million dollars",
// "9%" = "nine percent"), a dropped weekday or title is an omission, not a
// drift, and a shortened quote is not a changed quote.
package drift

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/wiretrace/wiretrace/textproc"
)

// Kind names what sort of fact drifted.
type Kind string

// The kinds of drift.
const (
	Role     Kind = "role"     // a role title or its modifier changed ("former")
	Number   Kind = "number"   // a value or unit changed
	Date     Kind = "date"     // a weekday or calendar date changed
	Quote    Kind = "quote"    // a quote got another speaker or other words
	Negation Kind = "negation" // a claim was negated or un-negated
	Entity   Kind = "entity"   // a name appears that the source never has
	// Claim: a statement about the source's story that the source never
	// makes, reported only for a rewrite judged to have changed facts
	// when no checkable fact tells how (see Review.Drifts).
	Claim Kind = "claim"
)

// kindRank orders the drifts of one sentence pair: titles and figures
// first, names last.
var kindRank = map[Kind]int{Role: 0, Number: 1, Date: 2, Quote: 3, Negation: 4, Entity: 5, Claim: 6}

// Drift is one fact that changed between a source sentence and the derived
// sentence that carries it. Its JSON form is part of `wiretrace compare
// --json`.
type Drift struct {
	Kind Kind `json:"kind"`
	// SourceSpan and DerivedSpan are the changed words on each side; one of
	// them is empty when the fact exists on one side only.
	SourceSpan  string `json:"source_span"`
	DerivedSpan string `json:"derived_span"`
	// SourceSentence and DerivedSentence index the documents' sentences;
	// -1 when the drift names no sentence of that side (a figure only the
	// derived article gives, in a sentence that restates no source one).
	SourceSentence  int    `json:"source_sentence"`
	DerivedSentence int    `json:"derived_sentence"`
	Explanation     string `json:"explanation"`
}

// Pair links source sentences to the derived sentences that carry their
// content (one-to-many either way, as an aligner reports them).
type Pair struct {
	Source  []int
	Derived []int
}

// Find returns the drifts between src and derived over the aligned pairs,
// ordered by derived sentence; an empty (non-nil) slice when there are
// none. Indices in pairs that fall outside the documents are ignored.
func Find(src, derived *textproc.Doc, pairs []Pair) []Drift {
	c := newChecker(src, derived)
	defer c.release()
	c.find(pairs)
	return c.out
}

// find runs every check over the aligned pairs and over anchorPairs, the
// figure, time and date checks over slotPairs, and orders what it found.
func (c *checker) find(pairs []Pair) {
	src, derived := c.src, c.derived
	c.paired = make([]bool, len(derived.Sentences))
	for _, p := range pairs {
		for _, j := range p.Derived {
			if j >= 0 && j < len(c.paired) {
				c.paired[j] = true
			}
		}
	}
	for _, p := range pairs {
		ss := c.sentences(src, p.Source)
		ds := c.sentences(derived, p.Derived)
		if len(ss) == 0 || len(ds) == 0 {
			continue
		}
		c.numbers(ss, ds)
		c.clocks(ss, ds)
		// A copy in a buffer of the checker's: ds itself stays the
		// caller's, on the stack.
		c.group = append(c.group[:0], ds...)
		for _, d := range ds {
			c.facts(ss, d, true)
		}
	}
	c.group = c.group[:0]
	srcPaired := pairedSources(len(src.Sentences), pairs)
	c.merged(pairs, srcPaired)
	closest, _, restates := c.nearest()
	c.anchoring = true
	for _, p := range anchorPairs(closest, restates, pairs) {
		ss, d := c.sentences(src, p.Source), &derived.Sentences[p.Derived[0]]
		c.numbers(ss, []*textproc.Sentence{d})
		c.clocks(ss, []*textproc.Sentence{d})
		c.facts(ss, d, false)
	}
	for _, p := range slotPairs(srcPaired, len(derived.Sentences), pairs, restates) {
		ss, ds := c.sentences(src, p.Source), c.sentences(derived, p.Derived)
		c.numbers(ss, ds)
		c.clocks(ss, ds)
		c.dates(ss, ds[0])
	}
	sortDrifts(c.out)
	c.out = oneQuotation(c.out)
	c.out = oneChange(c.out, Date, c.dateGap)
	c.out = oneChange(c.out, Number, c.figureGap)
	c.out = c.oneDateList(c.out)
}

// merged checks the claims of a source sentence that no pair holds
// against a derived sentence paired with its neighbour that carries most
// of its words: a rewrite that merges two sentences into one ("put the
// cost at €14m and said the company would pass the cost on") keeps the
// aligner's pair with one of them, and the other's negation would go
// unread. inPair marks the source sentences some pair holds
// (pairedSources).
func (c *checker) merged(pairs []Pair, inPair []bool) {
	for _, p := range pairs {
		if len(p.Derived) != 1 || p.Derived[0] < 0 || p.Derived[0] >= len(c.derived.Sentences) {
			continue
		}
		d := &c.derived.Sentences[p.Derived[0]]
		paired := c.sentences(c.src, p.Source)
		for _, i := range p.Source {
			for _, n := range [2]int{i - 1, i + 1} {
				if n < 0 || n >= len(inPair) || inPair[n] {
					continue
				}
				s := &c.src.Sentences[n]
				if own, kept := sharedStems(s, s), sharedStems(s, d); kept >= mergedWords && float64(kept) >= mergedShare*float64(own) {
					ss := []*textproc.Sentence{s}
					out, uncertain := len(c.out), len(c.uncertain)
					c.negations(ss, d)
					c.polarity(ss, d)
					elsewhere := func(x Drift) bool { return !mergedClause(s, paired, d, x.DerivedSpan) }
					c.out = c.out[:out+len(slices.DeleteFunc(c.out[out:], elsewhere))]
					c.uncertain = c.uncertain[:uncertain+len(slices.DeleteFunc(c.uncertain[uncertain:], elsewhere))]
				}
			}
		}
	}
}

// pairedSources marks which of the ns source sentences some pair holds.
func pairedSources(ns int, pairs []Pair) []bool {
	out := make([]bool, ns)
	for _, p := range pairs {
		for _, i := range p.Source {
			if i >= 0 && i < ns {
				out[i] = true
			}
		}
	}
	return out
}

// mergedClause reports whether the words of derived sentence d around
// span (within mergedReach tokens) hold two content stems or more of
// source sentence s that the sentences d is paired with (paired) lack: the
// claim read stands in the part of d that s was merged into, not in the
// part its pair tells ("recommends using antibody tests" is the paired
// sentence's "choose antibody tests", whatever s said of using them).
func mergedClause(s *textproc.Sentence, paired []*textproc.Sentence, d *textproc.Sentence, span string) bool {
	at := strings.Index(d.Text, span)
	if span == "" || at < 0 {
		return false
	}
	k0, k1 := tokenAt(d, at), tokenAt(d, at+len(span)-1)
	if k0 < 0 || k1 < 0 {
		return false
	}
	var seen []string
	for k := max(0, k0-mergedReach); k < min(len(d.Tokens), k1+1+mergedReach); k++ {
		t := &d.Tokens[k]
		if t.Kind != textproc.Word || t.Stop || slices.Contains(seen, t.Stem) {
			continue
		}
		in := func(o *textproc.Sentence) bool {
			return slices.ContainsFunc(o.Tokens, func(u textproc.Token) bool { return u.Kind == textproc.Word && u.Stem == t.Stem })
		}
		if in(s) && !slices.ContainsFunc(paired, in) {
			seen = append(seen, t.Stem)
		}
	}
	return len(seen) >= 2
}

// mergedReach is how many tokens either side of a claim mergedClause
// reads.
const mergedReach = 6

// mergedWords and mergedShare are the fewest content stems, and the
// share of its own, of a source sentence that a derived sentence must
// carry for merged to read it as merged in.
const (
	mergedWords = 3
	mergedShare = 0.6
)

// oneDateList reports as one change two dates of a list changed together:
// "on Thursday and Friday" told as "on Monday and Tuesday" is one date
// moved, not two. The date drifts of one pair of sentences whose source
// dates and derived dates each stand as two items of a list (Coordinated)
// are joined. ds is sorted.
func (c *checker) oneDateList(ds []Drift) []Drift {
	out := ds[:0]
	for i := 0; i < len(ds); i++ {
		d := ds[i]
		if j := i + 1; d.Kind == Date && d.SourceSpan != "" && j < len(ds) {
			e := ds[j]
			src, der := sentenceAt(c.src, d.SourceSentence), sentenceAt(c.derived, d.DerivedSentence)
			if e.Kind == Date && e.SourceSpan != "" && e.SourceSentence == d.SourceSentence && e.DerivedSentence == d.DerivedSentence && src != nil && der != nil {
				if sx, ok := listOf(src.Text, d.SourceSpan, e.SourceSpan); ok {
					if dx, ok := listOf(der.Text, d.DerivedSpan, e.DerivedSpan); ok {
						d.SourceSpan, d.DerivedSpan = sx, dx
						d.Explanation = fmt.Sprintf("the source dates this %s, not %s", sx, dx)
						i++
					}
				}
			}
		}
		out = append(out, d)
	}
	return out
}

// listOf returns the text of text from x to y when they are two items of
// one list (Coordinated: "Thursday and Friday"), in either order.
func listOf(text, x, y string) (string, bool) {
	i, j := strings.Index(text, x), strings.Index(text, y)
	if i < 0 || j < 0 || i == j {
		return "", false
	}
	a := textproc.Span{Start: i, End: i + len(x)}
	b := textproc.Span{Start: j, End: j + len(y)}
	if b.Start < a.Start {
		a, b = b, a
	}
	if a.End > b.Start || !Coordinated(text, a, b) {
		return "", false
	}
	return text[a.Start:b.End], true
}

// oneChange keeps one drift of kind k for each derived span read against
// several source spans (a sentence the aligner paired with one source
// sentence and the anchors with another, or a date or figure the rewrite
// gives again in its lead): the change from the source span nearest it
// by gap ("21 May" from "12 May", not from "10 March"; "82 per cent" from
// "62 per cent", not from "11 per cent"), the first of equals. ds is
// sorted.
func oneChange(ds []Drift, k Kind, gap func(Drift) float64) []Drift {
	best := map[string]int{} // index in ds of the drift kept for a derived span
	for i, d := range ds {
		if d.Kind != k || d.SourceSpan == "" {
			continue
		}
		j, seen := best[d.DerivedSpan]
		if !seen || gap(d) < gap(ds[j]) {
			best[d.DerivedSpan] = i
		}
	}
	out := ds[:0]
	for i, d := range ds {
		if d.Kind == k && d.SourceSpan != "" && best[d.DerivedSpan] != i {
			continue
		}
		out = append(out, d)
	}
	return out
}

// figureGap is how far apart a figure drift's two values are, as the
// log of their ratio; +Inf when either is not found.
func (c *checker) figureGap(d Drift) float64 {
	find := func(doc *textproc.Doc, i int, span string) (float64, bool) {
		if s := sentenceAt(doc, i); s != nil {
			for _, n := range c.figures(s) {
				if n.Text == span {
					return math.Abs(n.Value), true
				}
			}
		}
		return 0, false
	}
	a, okA := find(c.src, d.SourceSentence, d.SourceSpan)
	b, okB := find(c.derived, d.DerivedSentence, d.DerivedSpan)
	if !okA || !okB {
		return math.Inf(1)
	}
	return math.Abs(math.Log((a + 1e-9) / (b + 1e-9)))
}

// dateGap is how far apart a date drift's two dates are: minus the
// fields (weekday, day, month, year) they share.
func (c *checker) dateGap(d Drift) float64 {
	find := func(doc *textproc.Doc, i int, span string) (textproc.Date, bool) {
		if s := sentenceAt(doc, i); s != nil {
			for _, x := range s.Dates {
				if x.Text == span {
					return x, true
				}
			}
		}
		return textproc.Date{}, false
	}
	a, okA := find(c.src, d.SourceSentence, d.SourceSpan)
	b, okB := find(c.derived, d.DerivedSentence, d.DerivedSpan)
	if !okA || !okB {
		return 0
	}
	gap := 0.0
	for _, same := range []bool{a.Weekday != 0 && a.Weekday == b.Weekday, a.Day != 0 && a.Day == b.Day,
		a.Month != 0 && a.Month == b.Month, a.Year != 0 && a.Year == b.Year} {
		if same {
			gap--
		}
	}
	return gap
}

// slotPairs pairs a derived sentence that neither the aligner nor the
// anchors paired with the source sentence in its slot, itself unpaired:
// between the same two aligned neighbours on both sides, or first (last)
// on both sides before (after) an aligned neighbour ("He was 70." → "He
// was 52." in a copy, a sentence with no words to align by but its
// figure). Only their figures, times and dates are compared. srcPaired
// marks the source sentences some pair holds (pairedSources).
func slotPairs(srcPaired []bool, nd int, pairs []Pair, restates []bool) []Pair {
	ns := len(srcPaired)
	// srcOf[j] is the one source sentence derived sentence j is paired
	// with: -1 none, -2 several.
	srcOf := make([]int, nd)
	for j := range srcOf {
		srcOf[j] = -1
	}
	for _, p := range pairs {
		for _, j := range p.Derived {
			if j < 0 || j >= nd {
				continue
			}
			if len(p.Source) == 1 && srcOf[j] == -1 {
				srcOf[j] = p.Source[0]
			} else {
				srcOf[j] = -2
			}
		}
	}
	var out []Pair
	for j := 0; j < nd; j++ {
		if srcOf[j] != -1 || restates[j] {
			continue
		}
		i := -1
		switch {
		case j > 0 && j+1 < nd:
			if before, after := srcOf[j-1], srcOf[j+1]; before >= 0 && after == before+2 {
				i = before + 1
			}
		case j == 0 && nd > 1 && srcOf[1] == 1:
			i = 0
		case j == nd-1 && j > 0 && srcOf[j-1] >= 0 && srcOf[j-1] == ns-2:
			i = ns - 1
		}
		if i < 0 || i >= ns || srcPaired[i] {
			continue
		}
		out = append(out, Pair{Source: []int{i}, Derived: []int{j}})
	}
	return out
}

// oneQuotation keeps one drift for a quotation that runs over several
// sentences and is given to another speaker: the quote drifts of
// consecutive derived sentences that name the same two speakers are one
// change, reported at the quotation's first sentence. ds is sorted.
func oneQuotation(ds []Drift) []Drift {
	type speakers struct{ src, der string }
	last := map[speakers]int{} // the derived sentence of the pair's last quote drift
	out := ds[:0]
	for _, d := range ds {
		if d.Kind == Quote {
			k := speakers{d.SourceSpan, d.DerivedSpan}
			j, seen := last[k]
			last[k] = d.DerivedSentence
			if seen && d.DerivedSentence-j <= 1 {
				continue
			}
		}
		out = append(out, d)
	}
	return out
}

// facts runs the checks of one derived sentence d against the source
// sentences ss, after numbers. Negation and polarity run only on aligned
// pairs (aligned); an anchored pair is checked for its facts, and a claim
// negated against the closest source sentence is Examine's to report.
func (c *checker) facts(ss []*textproc.Sentence, d *textproc.Sentence, aligned bool) {
	c.roles(ss, d)
	c.dates(ss, d)
	c.quotes(ss, d)
	if aligned {
		c.negations(ss, d)
		c.polarity(ss, d)
	}
	c.entities(ss, d)
	c.renamed(ss, d)
	c.swaps(ss, d)
	c.additions(ss, d)
}

// sortDrifts orders drifts by derived sentence, then source sentence,
// then kind.
func sortDrifts(ds []Drift) {
	sort.SliceStable(ds, func(i, j int) bool {
		if ds[i].DerivedSentence != ds[j].DerivedSentence {
			return ds[i].DerivedSentence < ds[j].DerivedSentence
		}
		if ds[i].SourceSentence != ds[j].SourceSentence {
			return ds[i].SourceSentence < ds[j].SourceSentence
		}
		return kindRank[ds[i].Kind] < kindRank[ds[j].Kind]
	})
}

// checker holds what the checks need across pairs: whole-document
// vocabularies and the drifts found so far (to report each once).
type checker struct {
	src, derived *textproc.Doc
	// srcWords holds every lowercased word of the source, title included,
	// to tell an invented name from one the source has somewhere.
	srcWords map[string]bool
	// srcValues holds every number of the source by value and unit.
	srcValues []textproc.Number
	// quoteList caches the source's quotes (see srcQuotes).
	quoteList  []quoteAt
	quotesDone bool
	// quoteFrom[i] is the index in quoteList of source sentence i's first
	// quote.
	quoteFrom []int
	// caseless is set when the source is stored lower-cased: its dates
	// cannot all be read, so a date "only the derived side has" proves
	// nothing.
	caseless bool
	// acronyms are the source's all-capital words, lowercased without
	// dots, built on first use.
	acronyms []string
	// capitalWords are the source's distinct capitalised words of four
	// letters or more, but stop words and the words of its dates,
	// lowercased without a possessive, sorted, built on first use
	// (capitals).
	capitalWords []string
	// remeasured holds the derived sentences whose figures report
	// another measurement than their source's (see numbers); nil until
	// one does.
	remeasured map[*textproc.Sentence]bool
	// clockCache holds each sentence's clock times (see clockTimes),
	// figureCache its figures (see figures), each found on first use;
	// both maps are mem's.
	clockCache  map[*textproc.Sentence][]clock
	figureCache map[*textproc.Sentence][]textproc.Number
	// settled holds the figures and dates of each derived sentence that
	// its aligned source sentences state, and anchoring is whether find
	// has moved on to the anchor pairs, which leave those alone.
	settled   map[*textproc.Sentence][]textproc.Span
	anchoring bool
	// group holds the derived sentences of the aligned pair being checked
	// (see negations); empty for the anchor and slot pairs.
	group []*textproc.Sentence
	// paired[j] is whether derived sentence j is in one of the aligned
	// pairs find checks.
	paired []bool
	// appRoles holds each source sentence's apposition roles, found on
	// first use (see appositions).
	appRoles [][]textproc.Role
	seen     map[string]bool
	out      []Drift
	// uncertain are the changes of paired sentences too uncertain to
	// report on their own (see doubt): suspects, not drifts Find reports.
	// reviewing is set once Examine has moved on from Find's checks.
	uncertain []Drift
	reviewing bool
	// numSrc, numDer, numFree, numUsed and numUnmatched are the lists of
	// numbers, reused from pair to pair.
	numSrc, numDer, numFree, numUnmatched []numAt
	numUsed                               []bool
	// closest, shares and restates are closestSource's, built on first
	// use.
	closest, shares []int
	restates        []bool
	// mem holds the maps and arrays above that the next checker reuses.
	mem *checkerMem
}

// checkerMem is the memory of a checker that outlives it for the next
// one: the whole-document vocabularies of a pair of news articles are
// maps of hundreds of words, and making them afresh for every review
// made a third of the garbage of the drift checks. Only what no Drift or
// Review refers to is kept here.
type checkerMem struct {
	srcWords, lower map[string]bool
	srcStems        textproc.StemMap
	stems           textproc.StemMap
	last            []int32
	occ             [][2]int32 // closestSource's
	figures         map[*textproc.Sentence][]textproc.Number
	figs            []textproc.Number // the lists of figures (figureList)
	clocks          map[*textproc.Sentence][]clock
	capitals        []string          // spelledOtherwise's capitalWords
	names           []textproc.Entity // swaps' lists of names (checker.names)
}

// checkerMems recycles checkerMems (see checker.release).
var checkerMems sync.Pool

// maxPooledWords is the most words a checkerMem's maps may hold for it
// to be recycled: one very long article should not leave its maps in
// the pool.
const maxPooledWords = 1 << 14

// release hands c's maps to the next checker; c must not be used
// afterwards.
func (c *checker) release() {
	m := c.mem
	c.mem, c.srcWords = nil, nil
	if m == nil || len(m.srcWords) > maxPooledWords || len(m.last) > maxPooledWords {
		return
	}
	clear(m.srcWords)
	m.srcStems.Clear()
	clear(m.lower)
	m.stems.Clear()
	clear(m.figures)
	clear(m.figs[:cap(m.figs)])
	m.figs = m.figs[:0]
	clear(m.clocks)
	clear(m.capitals[:cap(m.capitals)])
	m.capitals = m.capitals[:0]
	clear(m.names[:cap(m.names)])
	m.names = m.names[:0]
	checkerMems.Put(m)
}

// nearest returns closestSource of the checker's documents, computed once.
func (c *checker) nearest() (closest, shares []int, restates []bool) {
	if c.closest == nil {
		c.closest, c.shares, c.restates = closestSource(c.src, c.derived, c.mem)
	}
	return c.closest, c.shares, c.restates
}

func newChecker(src, derived *textproc.Doc) *checker {
	// Sized for the source's tokens up front: growing the map as it fills
	// rehashed it several times per article.
	tokens, values := 0, 0
	for i := range src.Sentences {
		tokens += len(src.Sentences[i].Tokens)
		values += len(src.Sentences[i].Numbers)
	}
	m, _ := checkerMems.Get().(*checkerMem)
	if m == nil {
		m = &checkerMem{srcWords: make(map[string]bool, tokens/2+16),
			lower:   map[string]bool{},
			figures: map[*textproc.Sentence][]textproc.Number{}, clocks: map[*textproc.Sentence][]clock{}}
	}
	c := &checker{src: src, derived: derived, srcWords: m.srcWords, seen: map[string]bool{}, out: []Drift{},
		srcValues: make([]textproc.Number, 0, values), figureCache: m.figures, clockCache: m.clocks, mem: m}
	for _, t := range textproc.Tokenize(src.Title) {
		c.srcWords[t.Lower] = true
	}
	// A source repeats its words: last[x] is the word last put in the map
	// of the tokens whose StemID is x modulo its size, so that most
	// repeats are told by a comparison instead of hashing the word.
	var last [512]string
	for i := range src.Sentences {
		s := &src.Sentences[i]
		for k := range s.Tokens {
			t := &s.Tokens[k]
			slot := &last[t.StemID%uint32(len(last))]
			if *slot == t.Lower && t.Lower != "" {
				continue
			}
			*slot = t.Lower
			c.srcWords[baseWord(t.Lower)] = true
		}
		c.srcValues = append(c.srcValues, s.Numbers...)
		// A spelled number of tens and units ("Twenty-nine miners", as a
		// sentence opens, or "twenty nine") or a spelled measure ("a
		// three-day strike") states its value, which a rewrite gives in
		// figures.
		for k := range s.Tokens {
			t := &s.Tokens[k]
			if t.Kind != textproc.Word {
				continue
			}
			var v float64
			var unit string
			if strings.IndexByte(t.Lower, '-') > 0 {
				v = textproc.SpelledCompound(t.Lower)
				if v == 0 {
					// "a three-day strike": three days.
					v, unit = textproc.SpelledMeasure(t.Lower)
				}
			} else if k+1 < len(s.Tokens) {
				v = textproc.SpelledTensUnits(t.Lower, s.Tokens[k+1].Lower)
			}
			if v > 0 {
				c.srcValues = append(c.srcValues, textproc.Number{Text: t.Text, Value: v, Unit: unit, Span: t.Span})
			}
		}
		// A mixed number or a fraction as one value too ("2 1/2" as 2.5).
		for _, f := range c.figures(s) {
			if !slices.ContainsFunc(s.Numbers, func(n textproc.Number) bool { return n.Span == f.Span }) {
				c.srcValues = append(c.srcValues, f)
			}
		}
	}
	c.caseless = lowerCased(src)
	for _, w := range strings.Fields(strings.ToLower(src.Dateline + " " + src.DatelineAgency)) {
		c.srcWords[w] = true
	}
	return c
}

func (c *checker) sentences(d *textproc.Doc, idx []int) []*textproc.Sentence {
	out := make([]*textproc.Sentence, 0, len(idx))
	for _, i := range idx {
		if s := sentenceAt(d, i); s != nil {
			out = append(out, s)
		}
	}
	return out
}

// sentenceAt is sentence i of d, nil when d has none such (a drift's -1).
func sentenceAt(d *textproc.Doc, i int) *textproc.Sentence {
	if i < 0 || i >= len(d.Sentences) {
		return nil
	}
	return &d.Sentences[i]
}

// lowerCased reports a document written without capitals: fewer than
// one sentence in ten starts with one (news prose starts nearly all).
func lowerCased(d *textproc.Doc) bool {
	caps, n := 0, 0
	for i := range d.Sentences {
		for _, t := range d.Sentences[i].Tokens {
			if t.Kind == textproc.Word {
				n++
				if t.Text != t.Lower {
					caps++
				}
				break
			}
		}
	}
	return n >= 3 && caps*10 < n
}

// doubt records d as an uncertain change (a month changed, a negation
// dropped beside another clause's negation): a suspect of the review,
// not a drift Find reports.
func (c *checker) doubt(d Drift) {
	if c.reviewing {
		c.add(d)
		return
	}
	c.uncertain = append(c.uncertain, d)
}

// add records a drift once per kind, derived sentence and derived span.
func (c *checker) add(d Drift) {
	key := fmt.Sprintf("%s|%d|%s|%d|%s", d.Kind, d.DerivedSentence, d.DerivedSpan, d.SourceSentence, d.SourceSpan)
	if c.seen[key] {
		return
	}
	c.seen[key] = true
	c.out = append(c.out, d)
}

func spanText(s *textproc.Sentence, sp textproc.Span) string {
	if sp.Start < 0 || sp.End > len(s.Text) || sp.Start >= sp.End {
		return ""
	}
	return s.Text[sp.Start:sp.End]
}

// baseWord strips a possessive ("Trump's" → "trump") so that names match
// whatever case they are in.
func baseWord(w string) string {
	if b, ok := strings.CutSuffix(w, "'s"); ok {
		return b
	}
	if b, ok := strings.CutSuffix(w, "’s"); ok {
		return b
	}
	return w
}

// surname is the last word of a name, lowercased and without a possessive:
// how news prose refers to a person after the first mention.
func surname(name string) string {
	f := strings.Fields(strings.ToLower(name))
	if len(f) == 0 {
		return ""
	}
	return strings.Trim(baseWord(f[len(f)-1]), ".,;:")
}

// anchorMin is the share of an unaligned derived sentence's content words
// that one source sentence must hold for anchorPairs to check the derived
// sentence against it, and anchorWords the fewest shared words.
const (
	anchorMin   = 0.5
	anchorWords = 4
)

// anchorPairs pairs each derived sentence with the source sentence,
// anywhere in the source, that holds most of its content words, when the
// aligner did not already pair the two: a rewrite that restates a fact in
// a new sentence, or next to other material (and changes a figure, a role
// or a speaker on the way) is checked against the source's statement of
// the same fact. A derived sentence no source sentence backs that far is
// new content, not a restatement, and is left alone.
func anchorPairs(closest []int, restates []bool, pairs []Pair) []Pair {
	// The pairs the aligner made, as sorted derived<<32|source keys: one
	// array instead of a set per derived sentence.
	var paired []uint64
	for _, p := range pairs {
		for _, i := range p.Derived {
			if i >= 0 && i < len(closest) {
				for _, k := range p.Source {
					if k >= 0 {
						paired = append(paired, uint64(i)<<32|uint64(k))
					}
				}
			}
		}
	}
	slices.Sort(paired)
	var out []Pair
	for j, best := range closest {
		if !restates[j] {
			continue
		}
		if _, done := slices.BinarySearch(paired, uint64(j)<<32|uint64(best)); !done {
			out = append(out, Pair{Source: []int{best}, Derived: []int{j}})
		}
	}
	return out
}

// Package drift finds the facts that changed between a source article and an
// article derived from it: on sentences already aligned as carrying the same
// content, it compares role titles, numbers, dates and weekdays, quotes and
// their speakers, negations and names, and reports each change with the
// spans on both sides and a one-line explanation. It also tells whether the
// derived article credits its source.
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
	"slices"
	"sort"
	"strings"

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
)

// kindRank orders the drifts of one sentence pair: titles and figures
// first, names last.
var kindRank = map[Kind]int{Role: 0, Number: 1, Date: 2, Quote: 3, Negation: 4, Entity: 5}

// Drift is one fact that changed between a source sentence and the derived
// sentence that carries it. Its JSON form is part of `wiretrace compare
// --json`.
type Drift struct {
	Kind Kind `json:"kind"`
	// SourceSpan and DerivedSpan are the changed words on each side; one of
	// them is empty when the fact exists on one side only.
	SourceSpan  string `json:"source_span"`
	DerivedSpan string `json:"derived_span"`
	// SourceSentence and DerivedSentence index the documents' sentences.
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
	for _, p := range pairs {
		ss := c.sentences(src, p.Source)
		ds := c.sentences(derived, p.Derived)
		if len(ss) == 0 || len(ds) == 0 {
			continue
		}
		c.numbers(ss, ds)
		for _, d := range ds {
			c.roles(ss, d)
			c.dates(ss, d)
			c.quotes(ss, d)
			c.negations(ss, d)
			c.polarity(ss, d)
			c.entities(ss, d)
			c.swaps(ss, d)
			c.additions(ss, d)
		}
	}
	for _, p := range anchorPairs(src, derived, pairs) {
		ss, d := c.sentences(src, p.Source), &derived.Sentences[p.Derived[0]]
		c.numbers(ss, []*textproc.Sentence{d})
		c.roles(ss, d)
		c.dates(ss, d)
		c.quotes(ss, d)
		c.entities(ss, d)
		c.swaps(ss, d)
		c.additions(ss, d)
	}
	sort.SliceStable(c.out, func(i, j int) bool {
		if c.out[i].DerivedSentence != c.out[j].DerivedSentence {
			return c.out[i].DerivedSentence < c.out[j].DerivedSentence
		}
		if c.out[i].SourceSentence != c.out[j].SourceSentence {
			return c.out[i].SourceSentence < c.out[j].SourceSentence
		}
		return kindRank[c.out[i].Kind] < kindRank[c.out[j].Kind]
	})
	return c.out
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
	seen     map[string]bool
	out      []Drift
}

func newChecker(src, derived *textproc.Doc) *checker {
	// Sized for the source's tokens up front: growing the map as it fills
	// rehashed it several times per article.
	tokens, values := 0, 0
	for i := range src.Sentences {
		tokens += len(src.Sentences[i].Tokens)
		values += len(src.Sentences[i].Numbers)
	}
	c := &checker{src: src, derived: derived, srcWords: make(map[string]bool, tokens/2+16), seen: map[string]bool{}, out: []Drift{},
		srcValues: make([]textproc.Number, 0, values)}
	for _, t := range textproc.Tokenize(src.Title) {
		c.srcWords[t.Lower] = true
	}
	for i := range src.Sentences {
		s := &src.Sentences[i]
		for _, t := range s.Tokens {
			c.srcWords[baseWord(t.Lower)] = true
		}
		c.srcValues = append(c.srcValues, s.Numbers...)
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
		if i >= 0 && i < len(d.Sentences) {
			out = append(out, &d.Sentences[i])
		}
	}
	return out
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
	for _, suf := range []string{"'s", "’s"} {
		if strings.HasSuffix(w, suf) {
			return w[:len(w)-len(suf)]
		}
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

// NewFacts counts the specific facts of the derived document that the
// source states nowhere, in any sentence, aligned or not: figures (but
// small bare counts), weekdays and calendar dates, and multi-word names
// of people and organisations none of whose words the source has. A
// faithful rewrite brings in few; a rewrite that invents a study, a
// spokesman or a death toll brings in many. Dates are not counted
// against a source stored lower-cased, where abbreviated dates cannot be
// read; names are compared by their lower-cased words, which such a
// source still has.
func NewFacts(src, derived *textproc.Doc) int {
	c := newChecker(src, derived)
	n := 0
	for i := range derived.Sentences {
		d := &derived.Sentences[i]
		for _, x := range d.Numbers {
			if !(x.Unit == "" && x.Value <= 12) && !c.sourceHas(x) && !c.nearSource(d, x) {
				n++
			}
		}
		for _, x := range d.Dates {
			if !c.caseless && (x.Kind == textproc.Weekday || x.Kind == textproc.DayMonth) && !c.sourceDates(x) {
				n++
			}
		}
		for _, e := range d.Entities {
			if e.Kind != textproc.Person && e.Kind != textproc.Organization {
				continue
			}
			words := strings.Fields(e.Text)
			if len(words) < 2 {
				continue
			}
			known := false
			for _, w := range words {
				if lw := strings.Trim(baseWord(straightApostrophe(strings.ToLower(w))), ".,;:"); c.srcWords[lw] {
					known = true
					break
				}
			}
			if !known {
				n++
			}
		}
	}
	return n
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
func anchorPairs(src, derived *textproc.Doc, pairs []Pair) []Pair {
	// The pairs the aligner made, as sorted derived<<32|source keys: one
	// array instead of a set per derived sentence.
	var paired []uint64
	for _, p := range pairs {
		for _, i := range p.Derived {
			if i >= 0 && i < len(derived.Sentences) {
				for _, k := range p.Source {
					if k >= 0 {
						paired = append(paired, uint64(i)<<32|uint64(k))
					}
				}
			}
		}
	}
	slices.Sort(paired)
	// Content stems are numbered, the source's first; holders lists, for
	// each source stem, the source sentences that hold it, each once and
	// in order (holders[from[id]:from[id+1]]).
	srcTokens, tokens := 0, 0
	for i := range src.Sentences {
		srcTokens += len(src.Sentences[i].Tokens)
	}
	for j := range derived.Sentences {
		tokens += len(derived.Sentences[j].Tokens)
	}
	tokens += srcTokens
	// Sized up front (about one distinct stem per three tokens): growing
	// the map rehashed it several times per article.
	ids := make(map[string]int32, tokens/3+16)
	occ := make([][2]int32, 0, srcTokens/2+16) // (stem id, source sentence), in reading order
	last := make([]int32, 0, tokens/3+16)      // per id: the last sentence recorded, plus one
	for i := range src.Sentences {
		for k := range src.Sentences[i].Tokens {
			t := &src.Sentences[i].Tokens[k]
			if t.Kind == textproc.Punct || t.Stop {
				continue
			}
			id, ok := ids[t.Stem]
			if !ok {
				id = int32(len(last))
				ids[t.Stem] = id
				last = append(last, 0)
			}
			if last[id] != int32(i)+1 {
				last[id] = int32(i) + 1
				occ = append(occ, [2]int32{id, int32(i)})
			}
		}
	}
	nSrc := len(last)
	from := make([]int32, nSrc+1)
	for _, o := range occ {
		from[o[0]+1]++
	}
	for id := range nSrc {
		from[id+1] += from[id]
	}
	holders := make([]int32, len(occ))
	next := slices.Clone(from[:nSrc])
	for _, o := range occ {
		holders[next[o[0]]] = o[1]
		next[o[0]]++
	}
	var out []Pair
	shared := make([]int, len(src.Sentences))
	seen := last // reused: per id, the derived sentence that last had it, plus one
	clear(seen)
	for j := range derived.Sentences {
		clear(shared)
		stems := 0
		for k := range derived.Sentences[j].Tokens {
			t := &derived.Sentences[j].Tokens[k]
			if t.Kind == textproc.Punct || t.Stop {
				continue
			}
			id, ok := ids[t.Stem]
			if !ok {
				id = int32(len(seen))
				ids[t.Stem] = id
				seen = append(seen, 0)
			}
			if seen[id] == int32(j)+1 {
				continue
			}
			seen[id] = int32(j) + 1
			stems++
			if int(id) < nSrc {
				for _, i := range holders[from[id]:from[id+1]] {
					shared[i]++
				}
			}
		}
		best, bestN := -1, 0
		for i, n := range shared {
			if n > bestN {
				best, bestN = i, n
			}
		}
		if best < 0 || bestN < anchorWords || float64(bestN) < anchorMin*float64(stems) {
			continue
		}
		if _, done := slices.BinarySearch(paired, uint64(j)<<32|uint64(best)); !done {
			out = append(out, Pair{Source: []int{best}, Derived: []int{j}})
		}
	}
	return out
}

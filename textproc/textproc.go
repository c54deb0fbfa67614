package textproc

import (
	"strings"
	"sync"

	"github.com/wiretrace/wiretrace/article"
)

// Doc is an analysed article: its title and its body as annotated sentences.
type Doc struct {
	Title string
	// Dateline is the place the first paragraph was filed from when the text
	// opens with a wire dateline ("WASHINGTON (Reuters) - ..."); the dateline
	// itself is not part of any sentence. Empty when none.
	Dateline string
	// DatelineAgency is the agency named in the dateline ("Reuters"); empty
	// when none.
	DatelineAgency string
	// DatelineDates are the dates the dateline gives ("TOKYO, Jan 5 (AP)
	// — ..."): the source states them though no sentence holds them.
	DatelineDates []Date
	// PublishedDays are the days the text names relative to its
	// publication: by words ("today", "tonight", "yesterday",
	// "tomorrow"), each as a weekday and a dated day read against the
	// article's publication day, and by a weekday alone, as the dates of
	// the nearest day of that name before and after it (see
	// publishedDays): the text states them though no sentence spells them
	// out. Empty when the article has no publication time or no such word.
	PublishedDays []Date
	// Sentences are the body's sentences in reading order; Sentences[i].Index
	// is i.
	Sentences []Sentence
	// mem holds the arrays of Sentences and their tokens for Release;
	// nil for a Doc not made by Analyze.
	mem *docMem
}

// docMem is the memory of one Doc that Release hands back for the next
// Analyze: its sentences, the token arrays of tokenArena and the arrays
// of its annotations. A pair of news articles makes over 200 KB of them,
// the largest part of the garbage a comparison leaves.
type docMem struct {
	sentences []Sentence
	tokens    arrays[Token]
	ann       annotationArrays
}

// annotationArrays are the arrays the annotations of a Doc are kept in
// (see chunked).
type annotationArrays struct {
	dates arrays[Date]
	ents  arrays[Entity]
	nums  arrays[Number]
	negs  arrays[Negation]
}

// arrays are the arrays of one element type a Doc's lists are cut from,
// kept for the next Doc.
type arrays[T any] struct {
	all  [][]T // each filled from its start
	used int   // all[:used] are handed out
}

// docMems recycles the memory of released Docs.
var docMems sync.Pool

// maxPooledDocTokens is the most tokens a released Doc may hold for its
// arrays to be recycled: one very long page should not leave its arrays
// in the pool.
const maxPooledDocTokens = 1 << 15

// next returns an empty array with room for at least n elements: the next
// one the last Doc used when it is large enough, else a new one. With a
// nil a it makes a new one.
func (a *arrays[T]) next(n int) []T {
	if a == nil {
		return make([]T, 0, n)
	}
	for a.used < len(a.all) {
		x := a.all[a.used]
		a.used++
		if cap(x) >= n {
			return x[:0]
		}
	}
	x := make([]T, 0, n)
	a.all = append(a.all, x)
	a.used = len(a.all)
	return x
}

// size is how many elements the arrays hold.
func (a *arrays[T]) size() int {
	n := 0
	for _, x := range a.all {
		n += cap(x)
	}
	return n
}

// reset writes zeros over what was handed out, so that the pool keeps no
// page's text alive, and hands the arrays out again from the first.
func (a *arrays[T]) reset() {
	for _, x := range a.all[:a.used] {
		clear(x[:cap(x)])
	}
	a.used = 0
}

// Release hands the arrays of d's sentences, tokens and annotations back
// for a later Analyze to reuse. Neither d nor any of its sentences,
// tokens or annotation lists may be used afterwards (the strings they
// held stay valid). Releasing is optional: a Doc never released is
// collected like any value. Release does nothing for a Doc Analyze did
// not make, and the second time.
func (d *Doc) Release() {
	m := d.mem
	if m == nil {
		return
	}
	d.mem, d.Sentences = nil, nil
	if m.tokens.size() > maxPooledDocTokens {
		return
	}
	clear(m.sentences[:cap(m.sentences)])
	m.tokens.reset()
	m.ann.dates.reset()
	m.ann.ents.reset()
	m.ann.nums.reset()
	m.ann.negs.reset()
	docMems.Put(m)
}

// Sentence is one sentence of a Doc with its annotations.
type Sentence struct {
	// Index is the sentence's position in Doc.Sentences.
	Index int
	// Paragraph is the index of the paragraph the sentence is in.
	Paragraph int
	// Start and End are byte offsets of Text in its paragraph.
	Start, End int
	Text       string

	Tokens    []Token
	Entities  []Entity
	Roles     []Role
	Numbers   []Number
	Dates     []Date
	Quotes    []Quote
	Negations []Negation
}

// Span is a byte range [Start, End) of Sentence.Text.
type Span struct {
	Start, End int
}

// TokenKind says what a token is made of.
type TokenKind uint8

const (
	// Word is a run of letters (with inner apostrophes, hyphens, or the dots
	// of an abbreviation such as "U.S.").
	Word TokenKind = iota
	// Numeral is a run of digits with inner "," or "." ("2.5", "1,000").
	Numeral
	// Punct is any other single non-space character ("$", "%", ",", "\"").
	Punct
)

// Token is one token of a sentence.
type Token struct {
	Text string
	// Lower is Text lowercased, curly apostrophes made straight.
	Lower string
	// Stem is the Snowball (Porter2) English stem of Lower; for numerals and
	// punctuation it equals Lower.
	Stem string
	// StemID numbers the Stem of a word among all the stems this process
	// has met, from 1: two tokens have the same StemID exactly when they
	// have the same Stem, so that a StemMap finds a stem by index. It is
	// 0 for numerals and punctuation, and for the stems first met after
	// a very large vocabulary (some hundred thousand stems).
	StemID uint32
	// StemHash is Hash(Stem), found once per word of the process as
	// StemID is: the comparisons hash every stem of both articles into
	// sets, and hashing each one again was a few percent of a Compare.
	StemHash uint64
	// Stop reports an English stop word.
	Stop bool
	Kind TokenKind
	Span
}

// EntityKind classifies a named entity.
type EntityKind string

// Entity kinds.
const (
	Person       EntityKind = "person"
	Organization EntityKind = "organization"
	Place        EntityKind = "place"
	// Misc is a capitalised name that is none of the above or cannot be told
	// apart ("Indo-Pacific", "Signal").
	Misc EntityKind = "misc"
)

// Entity is a named entity: a capitalised span of a sentence.
type Entity struct {
	Text string
	// Key is the lowercased name in a canonical spelling for comparing
	// entities: places map to one name ("U.S.", "US", "American" are all
	// "united states"), a leading "the" is dropped.
	Key  string
	Kind EntityKind
	Span
}

// Role is a role title in a sentence ("Foreign Minister", "National Security
// Adviser", "former U.S. President"), with the modifiers that change whether
// it holds ("former", "acting") and the person who holds it when named right
// after it.
type Role struct {
	// Text is the whole role phrase as written, modifiers included.
	Text string
	// Title is the lowercased title alone ("president", "foreign minister",
	// "national security adviser").
	Title string
	// Modifiers are the lowercased modifiers before the title, in order
	// ("former", "acting", "then", "late", "outgoing", "incoming", "deputy").
	Modifiers []string
	// Holder is the name that follows the title ("Donald Trump"); empty when
	// none.
	Holder string
	Span
}

// Number is a quantity in a sentence, normalised: "$2.5 billion" is Value
// 2.5e9 with Unit "USD", "3 percent" and "3%" are Value 3 with Unit "%".
// Years are Dates, not Numbers.
type Number struct {
	Text  string
	Value float64
	// Unit is "USD", "EUR", "GBP", "JPY", "%", a unit of measure ("km",
	// "kg", "t"), or empty for a bare count.
	Unit string
	Span
}

// DateKind says what part of a date a Date names.
type DateKind string

// Date kinds.
const (
	Weekday  DateKind = "weekday"  // "Tuesday"
	DayMonth DateKind = "date"     // "Jan. 5", "5 January 2025"
	Month    DateKind = "month"    // "January", "January 2025"
	Year     DateKind = "year"     // "2025"
	Decade   DateKind = "decade"   // "the 1990s": Year 1990
	Relative DateKind = "relative" // "yesterday", "today", "last week"
)

// Date is a date or weekday named in a sentence. Fields that the text does
// not give are zero.
type Date struct {
	Text string
	Kind DateKind
	// Weekday is 1 (Monday) to 7 (Sunday), 0 when none is named.
	Weekday int
	// Month is 1 to 12, Day 1 to 31, Year as written (4 digits); 0 when not
	// named.
	Month, Day, Year int
	Span
}

// Quote is a direct quote, the part of it inside this sentence.
type Quote struct {
	// Text is the quoted words without the quotation marks.
	Text string
	// Speaker is who the text says spoke it ("Okafor", "the spokesperson",
	// "he"); empty when no speech verb ties the quote to anyone.
	Speaker string
	Span
}

// Negation is a negation cue ("not", "n't", "never", "no", "without",
// "denied").
type Negation struct {
	Cue string
	Span
}

// Analyze splits an article's paragraphs into sentences and annotates them.
// A wire dateline at the start of the first paragraph is recorded in
// Doc.Dateline and left out of the first sentence.
func Analyze(a *article.Article) *Doc {
	d := &Doc{Title: strings.TrimSpace(a.Title)}
	// About one sentence per 120 bytes of news prose.
	size := 0
	for _, p := range a.Paragraphs {
		size += len(p)
	}
	// The arrays of a released Doc when there is one (see Release).
	m, _ := docMems.Get().(*docMem)
	if m == nil {
		m = &docMem{}
	}
	d.mem = m
	if cap(m.sentences) < size/120+1 {
		m.sentences = make([]Sentence, 0, size/120+1)
	}
	d.Sentences = m.sentences[:0]
	// The tokens of all sentences share a few large arrays (see
	// tokenArena) instead of one or two allocations each.
	memo, _ := wordMemos.Get().(*wordMemo)
	if memo == nil {
		memo = new(wordMemo)
	}
	defer wordMemos.Put(memo)
	ta := tokenArena{left: size, mem: &m.tokens, memo: memo}
	an := annotations{dates: chunked[Date]{mem: &m.ann.dates}, ents: chunked[Entity]{mem: &m.ann.ents},
		nums: chunked[Number]{mem: &m.ann.nums}, negs: chunked[Negation]{mem: &m.ann.negs}}
	// The lowercased copies of all paragraphs share one array.
	var lows []byte
	for p, para := range a.Paragraphs {
		off := 0
		if p == 0 || d.Dateline == "" && len(d.Sentences) == 0 {
			if place, agency, n := dateline(para); n > 0 {
				d.Dateline, d.DatelineAgency, off = place, agency, n
				if head := para[len(place):n]; strings.ContainsAny(head, "0123456789") {
					d.DatelineDates = dates(nil, head, Tokenize(head))
				}
			}
		}
		quotes := paragraphQuotes(para)
		// One lowercased copy of the paragraph serves every ASCII token.
		var low string
		low, lows = asciiLowerIn(lows, para, size)
		for _, sp := range Segment(para[off:]) {
			sp.Start += off
			sp.End += off
			s := an.analyzeSentence(para[sp.Start:sp.End], low[sp.Start:sp.End], ta.tokenize(para[sp.Start:sp.End], low[sp.Start:sp.End]))
			s.Index = len(d.Sentences)
			s.Paragraph = p
			s.Start, s.End = sp.Start, sp.End
			s.Quotes = quotesIn(quotes, para, sp)
			d.Sentences = append(d.Sentences, s)
		}
		ta.left -= len(para)
	}
	if cap(d.Sentences) > cap(m.sentences) {
		// The sentences outgrew the array: keep the larger one.
		m.sentences = d.Sentences[:0]
	}
	resolvePeople(d)
	dropOpeners(d)
	d.PublishedDays = publishedDays(d, a)
	return d
}

// keySets recycles dropOpeners' sets of names: made afresh, one was a
// twentieth of the garbage of an analysis.
var keySets sync.Pool

// dropOpeners removes one-word names of unknown kind that stand first in
// their sentence and are never capitalised elsewhere in the document:
// capitalised only by position, they are words like "Prior" or "So", not
// names. A name the document uses mid-sentence too ("Halvorsen") stays.
func dropOpeners(d *Doc) {
	n := 0
	for i := range d.Sentences {
		n += len(d.Sentences[i].Entities)
	}
	elsewhere, _ := keySets.Get().(map[string]bool)
	if elsewhere == nil {
		elsewhere = make(map[string]bool, 2*n)
	}
	defer func() {
		clear(elsewhere)
		keySets.Put(elsewhere)
	}()
	for i := range d.Sentences {
		s := &d.Sentences[i]
		first := firstWordToken(s.Tokens)
		for _, e := range s.Entities {
			if first < 0 || e.Start != s.Tokens[first].Start {
				elsewhere[e.Key] = true
				for w := range strings.FieldsSeq(e.Key) {
					elsewhere[w] = true
				}
			}
		}
	}
	for i := range d.Sentences {
		s := &d.Sentences[i]
		first := firstWordToken(s.Tokens)
		if first < 0 {
			continue
		}
		kept := s.Entities[:0]
		for _, e := range s.Entities {
			if e.Kind == Misc && e.Start == s.Tokens[first].Start && !strings.Contains(e.Key, " ") && !elsewhere[e.Key] {
				continue
			}
			kept = append(kept, e)
		}
		s.Entities = kept
	}
}

// resolvePeople marks a one-word name as a person when the document names a
// person with that surname elsewhere ("Halvorsen told ..." after "Governor
// Ruth Halvorsen").
func resolvePeople(d *Doc) {
	surnames := map[string]bool{}
	for i := range d.Sentences {
		for _, e := range d.Sentences[i].Entities {
			if e.Kind == Person {
				if k := strings.LastIndexByte(e.Key, ' '); k >= 0 {
					surnames[e.Key[k+1:]] = true
				}
			}
		}
		for _, r := range d.Sentences[i].Roles {
			if h := strings.ToLower(r.Holder); h != "" {
				surnames[h[strings.LastIndexByte(h, ' ')+1:]] = true
			}
		}
	}
	for i := range d.Sentences {
		ents := d.Sentences[i].Entities
		for k := range ents {
			if ents[k].Kind == Misc && surnames[ents[k].Key] {
				ents[k].Kind = Person
			}
		}
	}
}

// AnalyzeSentence annotates text as one sentence without splitting it, for
// tasks that come as sentence pairs. Its Start is 0 and End len(text).
func AnalyzeSentence(text string) Sentence {
	low := asciiLower(text)
	var an annotations
	s := an.analyzeSentence(text, low, tokenize(make([]Token, 0, len(text)/5+1), text, low, true, nil))
	s.End = len(text)
	s.Quotes = quotesIn(paragraphQuotes(text), text, Span{0, len(text)})
	return s
}

// tokenArena tokenizes the sentences of one document into shared arrays:
// each sentence is tokenized straight into the spare capacity of the
// current array, and its tokens are cut with a full slice expression so
// that a caller appending to one sentence's tokens cannot write over the
// next sentence's. A new array is sized for about the rest of the document
// (one token per five bytes of news prose).
type tokenArena struct {
	buf  []Token
	left int // bytes of the document not yet tokenized, an estimate
	memo *wordMemo
	mem  *arrays[Token] // where the arrays come from; nil to make new ones
}

// tokenize returns the tokens of text (low is its asciiLower form).
func (ta *tokenArena) tokenize(text, low string) []Token {
	if len(ta.buf) == cap(ta.buf) {
		ta.buf = ta.mem.next(ta.left/5 + 64)
	}
	l := len(ta.buf)
	toks := tokenize(ta.buf[l:l], text, low, true, ta.memo)
	n := len(toks)
	if n > cap(ta.buf)-l {
		// The sentence outgrew the array, and append moved its tokens
		// to one of their own; the next sentence starts a new array.
		ta.buf = ta.buf[:cap(ta.buf)]
		return toks[:n:n]
	}
	ta.buf = ta.buf[:l+n]
	return ta.buf[l : l+n : l+n]
}

// analyzeSentence annotates text as a sentence whose tokens are toks; low
// is text's asciiLower form.
func (an *annotations) analyzeSentence(text, low string, toks []Token) Sentence {
	s := Sentence{Text: text, End: len(text)}
	s.Tokens = toks
	s.Dates = an.dates.keep(dates(an.dates.scratch, text, s.Tokens))
	var ents []Entity
	s.Roles, ents = entities(an.ents.scratch, text, low, s.Tokens, s.Dates)
	s.Entities = an.ents.keep(ents)
	s.Numbers = an.nums.keep(numbers(an.nums.scratch, text, s.Tokens, s.Dates))
	s.Negations = an.negs.keep(negations(an.negs.scratch, s.Tokens))
	return s
}

// annotations hold the annotations of one document's sentences in shared
// arrays, as tokenArena holds their tokens: each sentence's dates,
// entities, numbers and negations are found into a scratch buffer and
// copied out, instead of each list growing by allocations of its own.
type annotations struct {
	dates chunked[Date]
	ents  chunked[Entity]
	nums  chunked[Number]
	negs  chunked[Negation]
}

// chunked hands out slices of a few large arrays, from mem when it is
// not nil. A list is built in scratch (empty, reused) and kept with keep.
type chunked[T any] struct {
	buf, scratch []T
	mem          *arrays[T]
}

// annotationChunk is the fewest elements a chunked allocates at once.
const annotationChunk = 32

// keep copies x, a list built in c.scratch, into the current array and
// returns the copy, cut with a full slice expression so that appending to
// it cannot write over a neighbour; nil when x is empty, as a list that
// found nothing is. x's array becomes the next scratch.
func (c *chunked[T]) keep(x []T) []T {
	c.scratch = x[:0]
	if len(x) == 0 {
		return nil
	}
	if cap(c.buf)-len(c.buf) < len(x) {
		c.buf = c.mem.next(max(len(x), annotationChunk))
	}
	l := len(c.buf)
	c.buf = append(c.buf, x...)
	return c.buf[l : l+len(x) : l+len(x)]
}

// Words returns the lowercased word and numeral tokens of s, punctuation
// dropped ("U.S." is "u.s.", "don't" is "don't", "2.5" is "2.5"). It is the
// token stream for shingling and fingerprints.
func Words(s string) []string {
	toks := Tokenize(s)
	out := make([]string, 0, len(toks))
	for _, t := range toks {
		if t.Kind != Punct {
			out = append(out, t.Lower)
		}
	}
	return out
}

// TokensIn returns the tokens of s that lie inside sp, a span of s.Text.
// For one of s.Quotes it gives the tokens Tokenize(q.Text) gives, without
// tokenizing and stemming the words again: a quote's span starts and ends
// at a quotation mark or at the sentence's ends, where the tokens of the
// sentence start and end too.
func (s *Sentence) TokensIn(sp Span) []Token {
	i := 0
	for i < len(s.Tokens) && s.Tokens[i].Start < sp.Start {
		i++
	}
	j := i
	for j < len(s.Tokens) && s.Tokens[j].End <= sp.End {
		j++
	}
	return s.Tokens[i:j:j]
}

// InQuote reports whether span sp of s lies inside one of its quotes.
func (s *Sentence) InQuote(sp Span) bool {
	for _, q := range s.Quotes {
		if sp.Start >= q.Start && sp.End <= q.End {
			return true
		}
	}
	return false
}

// ContentStems returns the stems of the sentence's tokens that are words or
// numerals and not stop words, in order.
func (s *Sentence) ContentStems() []string {
	var out []string
	for _, t := range s.Tokens {
		if t.Kind != Punct && !t.Stop {
			out = append(out, t.Stem)
		}
	}
	return out
}

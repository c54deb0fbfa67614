package drift

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/wiretrace/wiretrace/textproc"
)

// Review is the article-level comparison of what a derived article
// claims against its whole source: the drifts Find reports, the drifts
// worth reporting only for a rewrite that changed facts (facts only the
// derived side states, claims reversed in sentences the aligner did not
// pair), and the signals a fitted model reads to tell such a rewrite from
// a faithful one.
type Review struct {
	// Found are the drifts Find reports.
	Found []Drift
	// Suspects are the drifts of facts only the derived side states and
	// of claims it reverses against the closest source sentence, each
	// once. On their own they are too common in faithful rewrites to
	// report (a paraphrase names the country a city is in); a rewrite
	// judged to have changed facts reports them.
	Suspects []Drift
	// Signals are the article's measures, in the order of SignalNames.
	Signals []float64
	// onSource[k] is whether Suspects[k] is in a sentence that restates
	// a source sentence or names a person the source names: a claim
	// about the source's story, not another story's.
	onSource []bool
	// claim is the derived sentence about the source's story with the most
	// words the source never uses, none of them backed (Kind Claim); its
	// Kind is empty when there is none. claimAbout is whether it names a
	// person the source names.
	claim      Drift
	claimAbout bool
}

// SignalNames name Review.Signals, one per measure.
var SignalNames = []string{
	"drift_facts",  // log(1 + figures and dates Find reports changed)
	"drift_claims", // log(1 + other drifts Find reports)
	"unbacked",     // share of the derived sentences no pair and no source words back
	"new_figures",  // log(1 + figures the source never states)
	"new_names",    // log(1 + names none of whose words the source has)
	"new_dates",    // log(1 + weekdays and dates the source never names)
	"new_quotes",   // log(1 + quotes whose words the source mostly lacks)
	"reversals",    // log(1 + claims negated or reversed against the closest source sentence)
	"novel_words",  // share of the derived content words the source never uses
	"negation_gap", // log(1 + sentences negated on one side of their closest pair only)
}

// Drifts returns the drifts to report, ordered by derived sentence:
// Found, and when the rewrite has changed facts the Suspects too. A
// rewrite has changed facts when the fitted model judges so (changed) or
// when Find reports a fact it changed: a rewrite caught altering one fact
// is no faithful one, and its facts only it states are as suspect as a
// judged rewrite's. A partial copy (part of the source inside another
// article) reports only the suspects of sentences about the source's
// story (that restate a source sentence or name its people): its other
// sentences are the other article's own reporting.
//
// A rewrite judged changed with nothing else to report reports its claim
// (Kind Claim): the sentence that says most that the source never does
// about the source's story; a partial copy, only one that names a person
// of the source.
func (r Review) Drifts(changed, partial bool) []Drift {
	if !changed && len(r.Found) == 0 {
		return r.Found
	}
	out := slices.Clip(r.Found)
	for k, d := range r.Suspects {
		if !partial || r.onSource[k] {
			out = append(out, d)
		}
	}
	if len(out) == 0 && r.claim.Kind != "" && (!partial || r.claimAbout) {
		return []Drift{r.claim}
	}
	sortDrifts(out)
	return out
}

// claimWords is the fewest content stems an unbacked derived sentence
// must share with a source sentence to speak of the source's story.
const claimWords = 2

// backedShare is the share of a derived sentence's content stems that
// the source must hold, somewhere, for the sentence to restate it.
const backedShare = 0.5

// Examine reviews derived against src over the aligned pairs (see
// Review); its Found are what Find returns.
func Examine(src, derived *textproc.Doc, pairs []Pair) Review {
	c := newChecker(src, derived)
	defer c.release()
	c.find(pairs)
	found := len(c.out)
	// The set of the last review, emptied (see checkerMem).
	srcStems := &c.mem.srcStems
	for i := range src.Sentences {
		for k := range src.Sentences[i].Tokens {
			if t := &src.Sentences[i].Tokens[k]; t.Kind != textproc.Punct && !t.Stop {
				srcStems.Set(t, 1)
			}
		}
	}
	paired := c.paired // find's
	closest, shares, restates := c.nearest()
	// Whether the source writes a word in lower case, found for each word
	// asked about by a pass over the source's tokens (a few surnames a
	// review, where a set of all its words cost a tenth of the review): a
	// derived person whose surname the source has, but never so ("Marlow
	// County" against "the county" is no person of the story), is one of
	// the source's people, unless the source writes everything in lower
	// case.
	lower := c.mem.lower
	writesLower := func(w string) bool {
		v, ok := lower[w]
		if ok || c.caseless {
			return v
		}
		for i := range src.Sentences {
			for k := range src.Sentences[i].Tokens {
				if t := &src.Sentences[i].Tokens[k]; t.Kind == textproc.Word && t.Text == t.Lower && t.Lower == w {
					v = true
				}
			}
		}
		lower[w] = v
		return v
	}
	ofSource := func(d *textproc.Sentence) bool {
		return slices.ContainsFunc(d.Entities, func(e textproc.Entity) bool {
			sn := surname(e.Text)
			return e.Kind == textproc.Person && c.srcWords[sn] && !writesLower(sn)
		})
	}
	var onSource []bool
	// The uncertain changes of paired sentences are suspects about the
	// source's story.
	c.reviewing = true
	for _, d := range c.uncertain {
		if !c.reported(d.DerivedSentence, d.DerivedSpan) {
			c.add(d)
			onSource = append(onSource, true)
		}
	}
	var claim Drift
	claimOwn, claimAbout := 0, false
	var unbacked, figures, names, dates, quotes, reversals, novel, content, gaps int
	seenName := map[string]bool{}
	// newSurnames holds the surnames of the new names suspected so far:
	// a quote of such a person is part of that invention, told once.
	newSurnames := map[string]bool{}
	for j := range derived.Sentences {
		d := &derived.Sentences[j]
		own, all := 0, 0
		for k := range d.Tokens {
			t := &d.Tokens[k]
			if t.Kind == textproc.Punct || t.Stop {
				continue
			}
			all++
			if _, ok := srcStems.Get(t); !ok {
				own++
			}
		}
		novel += own
		content += all
		if !paired[j] && all > 0 && float64(all-own) < backedShare*float64(all) {
			unbacked++
			if near := closest[j]; shares[j] >= claimWords && own > claimOwn {
				claimOwn, claimAbout = own, ofSource(d)
				s := &src.Sentences[near]
				claim = Drift{Kind: Claim, SourceSpan: s.Text, DerivedSpan: d.Text,
					SourceSentence: near, DerivedSentence: j,
					Explanation: fmt.Sprintf("a claim the source never makes: %d of its %d content words are nowhere in the source", own, all)}
			}
		}
		// Facts only the derived sentence states are reported against the
		// source sentence it restates, if any.
		at := closest[j]
		if !restates[j] {
			at = -1
		}
		before := len(c.out)
		figs := c.figures(d)
		for _, x := range d.Numbers {
			if c.inClock(d, x) {
				continue
			}
			// A mixed number read as one value ("three and a half
			// years") is that value, its later part none.
			if f, ok := joinedWith(figs, x); ok {
				if f.Start != x.Start {
					continue
				}
				if f.Value != math.Trunc(f.Value) {
					x = f
				}
			}
			if smallCount(x) || c.sourceHas(x) || c.nearSource(d, x) || c.rangeStated(d, x) || c.countedWithItself(d, x) {
				continue
			}
			figures++
			if !paired[j] {
				if f, ok := c.counterpart(d, x, sourceAround(pairs, j, closest[j], shares[j] >= claimWords)); ok {
					c.suspect(replaced(f, j, x))
					continue
				}
			}
			if f, ok := c.countedCounterpart(d, x); ok {
				c.suspect(replaced(f, j, x))
				continue
			}
			c.suspect(Drift{Kind: Number, DerivedSpan: x.Text, SourceSentence: at, DerivedSentence: j,
				Explanation: fmt.Sprintf("gives the figure %s, which the source never states", x.Text)})
		}
		for _, x := range d.Dates {
			if c.caseless || x.Kind != textproc.Weekday && x.Kind != textproc.DayMonth || c.sourceDates(x) || c.reportedDate(x.Text) {
				continue
			}
			dates++
			if !paired[j] {
				if sd, si, ok := c.dateCounterpart(x, sourceAround(pairs, j, closest[j], shares[j] >= claimWords)); ok {
					c.suspect(redated(sd, si, j, x))
					continue
				}
			}
			c.suspect(Drift{Kind: Date, DerivedSpan: x.Text, SourceSentence: at, DerivedSentence: j,
				Explanation: fmt.Sprintf("dates this %s, which the source never does", x.Text)})
		}
		entities := d.Entities
		if label(d) {
			entities = nil
		}
		for _, e := range entities {
			mostly, wholly := c.newName(e)
			if seenName[e.Key] || !mostly {
				continue
			}
			seenName[e.Key] = true
			if e.Kind == textproc.Person {
				newSurnames[surname(e.Text)] = true
			}
			if wholly {
				names++
			}
			if c.namedIn(j) {
				continue
			}
			// Against the source sentences d is paired with or restates,
			// the name may stand in place of one of theirs.
			var ss []*textproc.Sentence
			for _, p := range pairs {
				if slices.Contains(p.Derived, j) {
					ss = append(ss, c.sentences(src, p.Source)...)
				}
			}
			if len(ss) == 0 && at >= 0 {
				ss = append(ss, &src.Sentences[at])
			}
			dr := c.newEntity(ss, d, e, e.Text, "which")
			if dr.SourceSpan == "" {
				dr.SourceSentence = at
			}
			c.suspect(dr)
		}
		for _, q := range d.Quotes {
			if n, sh := backedStems(d.TokensIn(q.Span), srcStems); n < 3 || sh >= backedShare {
				continue
			}
			quotes++
			if q.Speaker != "" && newSurnames[surname(q.Speaker)] {
				// A quote of a person the source never names is part
				// of that invention: told once, with the name.
				c.quotedName(surname(q.Speaker), found)
				continue
			}
			who := q.Speaker
			if who == "" {
				who = "someone"
			}
			c.suspect(Drift{Kind: Quote, DerivedSpan: q.Text, SourceSentence: at, DerivedSentence: j,
				Explanation: fmt.Sprintf("the quote %q (speaker: %s) is nowhere in the source", clipWords(q.Text, 8), who)})
		}
		if near := closest[j]; shares[j] >= anchorWords {
			s := &src.Sentences[near]
			// A claim negated or reversed against the closest source
			// sentence, when the aligner did not pair the two.
			if !paired[j] {
				n := len(c.out)
				c.negations([]*textproc.Sentence{s}, d)
				c.polarity([]*textproc.Sentence{s}, d)
				reversals += len(c.out) - n
			}
			if (len(s.Negations) == 0) != (len(d.Negations) == 0) {
				gaps++
			}
		}
		if len(c.out) > before {
			about := at >= 0 || ofSource(d)
			for range len(c.out) - before {
				onSource = append(onSource, about)
			}
		}
	}
	facts := 0
	for _, d := range c.out[:found] {
		if d.Kind == Number || d.Kind == Date {
			facts++
		}
	}
	n := float64(max(1, len(derived.Sentences)))
	return Review{
		Found:      c.out[:found:found],
		Suspects:   c.out[found:],
		onSource:   onSource,
		claim:      claim,
		claimAbout: claimAbout,
		Signals: []float64{
			math.Log1p(float64(facts)),
			math.Log1p(float64(found - facts)),
			float64(unbacked) / n,
			math.Log1p(float64(figures)),
			math.Log1p(float64(names)),
			math.Log1p(float64(dates)),
			math.Log1p(float64(quotes)),
			math.Log1p(float64(reversals)),
			float64(novel) / float64(max(1, content)),
			math.Log1p(float64(gaps)),
		},
	}
}

// suspect records a drift unless one of the same kind already names the
// same derived span.
func (c *checker) suspect(d Drift) {
	if c.reported(d.DerivedSentence, d.DerivedSpan) {
		return
	}
	c.add(d)
}

// namedIn reports whether derived sentence j already has an entity
// drift that names someone: a part of the same name ("Brian Tolland" for
// "Sheriff Brian Tolland"), or another name new with it, as an invented
// source comes with the organisation it speaks for ("Priya Stanworth, a
// spokesperson for Open Councils Watch"): one invented attribution is
// one drift.
func (c *checker) namedIn(j int) bool {
	return slices.ContainsFunc(c.out, func(d Drift) bool {
		return d.Kind == Entity && d.DerivedSentence == j && d.DerivedSpan != ""
	})
}

// newName reports whether a name of a person or an organisation (or a
// name of two words or more of another kind, none an acronym alone) that
// the source does not abbreviate is new: mostly, when the source lacks
// most of its distinctive words in any spelling ("the Ostrevian
// Statistics Office" in a story that names Ostrevia but no statistics
// office), wholly when it lacks every one (the new_names signal counts
// those). Places are left out: a rewrite names the country or state a
// town is in.
func (c *checker) newName(e textproc.Entity) (mostly, wholly bool) {
	words := strings.Fields(e.Text)
	// A lone capitalised acronym ("PC", "DNA") or shouted word ("NEWS")
	// is a common noun as often as a name.
	if e.Kind == textproc.Place || len(words) < 2 && (e.Kind == textproc.Misc || isAcronym(words[0])) {
		return false, false
	}
	acronym, distinct, held := "", 0, 0
	// An organisation whose head word ("Society", "Network") the source
	// never uses is not the body it describes in lower case: its other
	// words hold only when the source writes them as a name does. So with
	// any name of three words or more, which is a body's more often than
	// a person's, whatever kind the tagger gave it ("the River Users
	// Forum" in a story of river users).
	headless := (e.Kind == textproc.Organization && len(words) > 1 || len(words) > 2) && !c.srcWords[keyWord(words[len(words)-1])]
	for _, w := range words {
		lw := keyWord(w)
		if w[0] >= 'A' && w[0] <= 'Z' {
			acronym += strings.ToLower(w[:1])
		}
		if lw == "" || textproc.IsStop(lw) {
			continue
		}
		if isAcronym(w) && c.abbreviated(strings.ToLower(strings.ReplaceAll(w, ".", ""))) {
			return false, false
		}
		if c.srcWords[lw] && (!headless || c.capitalInSource(lw)) || c.spelledOtherwise(lw) {
			if held++; 2*held >= len(words) {
				return false, false // half its words or more are the source's
			}
		}
		distinct++
	}
	if distinct == 0 || len(words) > 1 && c.abbreviated(acronym) {
		return false, false
	}
	return 2*held < distinct, held == 0
}

// backedStems returns how many distinct content stems toks have (the
// words of quoteWords) and the share of them that set holds.
func backedStems(toks []textproc.Token, set *textproc.StemMap) (int, float64) {
	n, held := 0, 0
	for k := range toks {
		t := &toks[k]
		if t.Kind == textproc.Punct || t.Stop || slices.ContainsFunc(toks[:k], func(u textproc.Token) bool {
			return u.Kind != textproc.Punct && !u.Stop && u.Stem == t.Stem
		}) {
			continue
		}
		n++
		if _, ok := set.Get(t); ok {
			held++
		}
	}
	if n == 0 {
		return 0, 0
	}
	return n, float64(held) / float64(n)
}

// stemIDs numbers content stems in the order they are first met and
// marks, per id, the last sentence that had it.
type stemIDs struct {
	ids  *textproc.StemMap
	last []int32 // per id: the last sentence number given to each, plus one
}

// each calls fn with the id of every content stem of s, once per stem,
// s being sentence number n; stems met first here get new ids.
func (st *stemIDs) each(s *textproc.Sentence, n int32, fn func(id int32)) {
	for k := range s.Tokens {
		t := &s.Tokens[k]
		if t.Kind == textproc.Punct || t.Stop {
			continue
		}
		id, ok := st.ids.Get(t)
		if !ok {
			id = int32(len(st.last))
			st.ids.Set(t, id)
			st.last = append(st.last, 0)
		}
		if st.last[id] != n+1 {
			st.last[id] = n + 1
			fn(id)
		}
	}
}

// closestSource returns, for each derived sentence, the source sentence
// that shares most of its content stems, or -1 when none shares any; how
// many it shares; and whether that is at least anchorWords and anchorMin
// of them: whether the derived sentence restates it.
func closestSource(src, derived *textproc.Doc, m *checkerMem) (closest, shares []int, restates []bool) {
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
	st := stemIDs{ids: &m.stems, last: slices.Grow(m.last[:0], tokens/3+16)}
	defer func() { m.last = st.last }()
	// (stem id, source sentence), in reading order: at most one a token.
	occ := slices.Grow(m.occ[:0], srcTokens)
	defer func() { m.occ = occ }()
	for i := range src.Sentences {
		st.each(&src.Sentences[i], int32(i), func(id int32) {
			occ = append(occ, [2]int32{id, int32(i)})
		})
	}
	nSrc := len(st.last)
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
	closest, shares, restates = make([]int, len(derived.Sentences)), make([]int, len(derived.Sentences)), make([]bool, len(derived.Sentences))
	shared := make([]int, len(src.Sentences))
	// weight sums each shared stem's share of its holders (1/holders): of
	// two sentences sharing as many stems, the one sharing the stems few
	// source sentences use is the closer ("resurface the old runway" over
	// "the mayor said the council", words most sentences of a council
	// story use).
	weight := make([]float64, len(src.Sentences))
	clear(st.last) // now per id, the derived sentence that last had it
	for j := range derived.Sentences {
		clear(shared)
		clear(weight)
		stems := 0
		st.each(&derived.Sentences[j], int32(j), func(id int32) {
			stems++
			if int(id) < nSrc {
				hs := holders[from[id]:from[id+1]]
				for _, i := range hs {
					shared[i]++
					weight[i] += 1 / float64(len(hs))
				}
			}
		})
		best, bestN, bestW := -1, 0, 0.0
		for i, n := range shared {
			if n > bestN || n == bestN && n > 0 && weight[i] > bestW {
				best, bestN, bestW = i, n, weight[i]
			}
		}
		closest[j], shares[j] = best, bestN
		restates[j] = bestN >= anchorWords && float64(bestN) >= anchorMin*float64(stems)
	}
	return closest, shares, restates
}

// sourceAround returns the source sentences around the place of derived
// sentence j, which the aligner paired with nothing: those paired with the
// derived sentences just before and after it, and near, the source
// sentence it shares most words with, when it shares enough (withNear).
// A rewrite that splits a long source sentence in two pairs one half and
// leaves the other, with the figure it changed, unpaired.
func sourceAround(pairs []Pair, j, near int, withNear bool) []int {
	var out []int
	for _, p := range pairs {
		if slices.Contains(p.Derived, j-1) || slices.Contains(p.Derived, j+1) {
			out = append(out, p.Source...)
		}
	}
	if withNear && near >= 0 {
		out = append(out, near)
	}
	return out
}

// counterpart returns the figure of the source sentences at (indices)
// that figure x of the unpaired derived sentence d replaced: one of x's
// unit and order of magnitude, said of the same kind of thing (not a
// count of something else, an age only against an age), that the
// derived text states nowhere, so that the rewrite dropped it and gives
// x where it stood; the closest in ratio when several are. ok is false
// when there is none, and x is an addition.
func (c *checker) counterpart(d *textproc.Sentence, x textproc.Number, at []int) (f numAt, ok bool) {
	best := math.Inf(1)
	for _, i := range at {
		if i < 0 || i >= len(c.src.Sentences) {
			continue
		}
		s := &c.src.Sentences[i]
		for _, n := range c.figures(s) {
			if !c.mayReplace(s, n, d, x) || countsOther(s, n, d, x) {
				continue
			}
			score := math.Abs(math.Log((math.Abs(n.Value) + 1e-9) / (math.Abs(x.Value) + 1e-9)))
			if sameContext(s, n, d, x) {
				// "close 14 of its 126 churches" for "close 40 of its
				// 126": the figure in the same words, whatever the ratio.
				score -= sameContextBonus
			}
			if score < best {
				best, f, ok = score, numAt{n, s}, true
			}
		}
	}
	return f, ok
}

// mayReplace reports whether figure x of derived sentence d may stand in
// the place of figure n of source sentence s: of its unit and order of
// magnitude, an age only for an age, no rounding or hedging of it, and n
// stated nowhere in the derived text.
func (c *checker) mayReplace(s *textproc.Sentence, n textproc.Number, d *textproc.Sentence, x textproc.Number) bool {
	return unitsAgree(n.Unit, x.Unit) && sameMagnitude(n.Value, x.Value) && isAge(s, n) == isAge(d, x) &&
		!approximately(s, n, d, x) && !c.derivedHas(s, n)
}

// countedCounterpart returns the one figure of the whole source that
// counts what figure x of derived sentence d counts ("38,000 vehicles a
// day" for "28,000 vehicles a day"), of x's unit and order of magnitude,
// and that the derived text states nowhere: wherever the two stand, the
// rewrite gives x in its place. ok is false when x counts nothing named
// or when no source figure, or more than one, is such.
func (c *checker) countedCounterpart(d *textproc.Sentence, x textproc.Number) (f numAt, ok bool) {
	w := counted(d, x)
	if w == "" {
		return f, false
	}
	n := 0
	for i := range c.src.Sentences {
		s := &c.src.Sentences[i]
		for _, m := range c.figures(s) {
			if counted(s, m) != w || !c.mayReplace(s, m, d, x) {
				continue
			}
			if n++; n > 1 {
				return numAt{}, false
			}
			f = numAt{m, s}
		}
	}
	return f, n == 1
}

// sameContextBonus outweighs any ratio between two figures of one order
// of magnitude (sameMagnitude).
const sameContextBonus = 100

// sameContext reports whether figures a of sa and b of sb stand after the
// same content word, or before it, the nearest within two words on that
// side ("close 14 of" and "close 40 of").
func sameContext(sa *textproc.Sentence, a textproc.Number, sb *textproc.Sentence, b textproc.Number) bool {
	ba, aa := contentAround(sa, a)
	bb, ab := contentAround(sb, b)
	return ba != "" && ba == bb || aa != "" && aa == ab
}

// contentAround returns the stems of the nearest content words before and
// after figure n of s, within two words; "" where there is none.
func contentAround(s *textproc.Sentence, n textproc.Number) (before, after string) {
	first, last := tokenAt(s, n.Start), tokenAt(s, n.End-1)
	if first < 0 || last < 0 {
		return "", ""
	}
	for k := first - 1; k >= 0 && k >= first-2; k-- {
		if t := &s.Tokens[k]; t.Kind == textproc.Word && !t.Stop {
			before = t.Stem
			break
		} else if t.Kind != textproc.Word {
			break
		}
	}
	for k := last + 1; k < len(s.Tokens) && k <= last+2; k++ {
		if t := &s.Tokens[k]; t.Kind == textproc.Word && !t.Stop {
			after = t.Stem
			break
		} else if t.Kind != textproc.Word {
			break
		}
	}
	return before, after
}

// dateCounterpart returns the date of the source sentences at (indices)
// that date x of a derived sentence replaced: one of x's kind (a weekday
// for a weekday, a day of a month for a day of a month) that the derived
// text states nowhere and no drift already reads, so that the rewrite
// dropped it and gives x where it stood; the first in at. ok is false
// when there is none, and x is an addition.
func (c *checker) dateCounterpart(x textproc.Date, at []int) (sd textproc.Date, si int, ok bool) {
	for _, i := range at {
		s := sentenceAt(c.src, i)
		if s == nil {
			continue
		}
		for _, d := range s.Dates {
			if d.Kind == x.Kind && !statesDateIn(c.derived, d) && !slices.ContainsFunc(c.out, func(o Drift) bool {
				return o.Kind == Date && o.SourceSentence == i && o.SourceSpan == d.Text
			}) {
				return d, i, true
			}
		}
	}
	return textproc.Date{}, 0, false
}

// redated is the drift of date x of derived sentence j that took the place
// of date sd of source sentence si (dateCounterpart).
func redated(sd textproc.Date, si, j int, x textproc.Date) Drift {
	return Drift{Kind: Date, SourceSpan: sd.Text, DerivedSpan: x.Text, SourceSentence: si, DerivedSentence: j,
		Explanation: fmt.Sprintf("the source dates this %s, not %s", sd.Text, x.Text)}
}

// replaced is the drift of figure x of derived sentence j that took the
// place of source figure f (counterpart), given with the range f closes.
func replaced(f numAt, j int, x textproc.Number) Drift {
	was := rangeSpan(f.s, f.n)
	return Drift{Kind: Number, SourceSpan: was, DerivedSpan: x.Text, SourceSentence: f.s.Index, DerivedSentence: j,
		Explanation: fmt.Sprintf("the source says %s where this says %s", was, x.Text)}
}

// rangeSpan returns the text of figure n of source sentence s with the
// other end of the range it closes, when it closes one ("60 to 90 days",
// "between 30 and 40"): the range is what the rewrite restated.
func rangeSpan(s *textproc.Sentence, n textproc.Number) string {
	for _, m := range s.Numbers {
		if m.End >= n.Start || m.Start < 0 {
			continue
		}
		gap := strings.ToLower(strings.TrimSpace(s.Text[m.End:n.Start]))
		if gap == "to" || gap == "-" || gap == "–" || gap == "and" && strings.HasSuffix(strings.ToLower(strings.TrimSpace(s.Text[:m.Start])), "between") {
			return s.Text[m.Start:n.End]
		}
	}
	return n.Text
}

// derivedHas reports whether the derived text states figure n of source
// sentence s anywhere, or a figure within a rounding or a hedge of it.
func (c *checker) derivedHas(s *textproc.Sentence, n textproc.Number) bool {
	for i := range c.derived.Sentences {
		d := &c.derived.Sentences[i]
		for _, m := range d.Numbers {
			if sameValue(m, n) || m.Unit == n.Unit && approximately(d, m, s, n) {
				return true
			}
		}
	}
	return false
}

// reportedDate reports whether Find reported a date the rewrite writes as
// span changed: said again elsewhere in the rewrite, it is the same change.
func (c *checker) reportedDate(span string) bool {
	return slices.ContainsFunc(c.out, func(d Drift) bool { return d.Kind == Date && d.DerivedSpan == span })
}

// label reports a derived "sentence" that is a label, not a claim: every
// word capitalised, a few at most ("News Desk", "Staff Writer", a
// subheading). The name it holds is the page's byline or a section's
// title, not a source the rewrite gives for a claim.
func label(d *textproc.Sentence) bool {
	words := 0
	for k := range d.Tokens {
		t := &d.Tokens[k]
		if t.Kind != textproc.Word {
			continue
		}
		if words++; words > labelWords || t.Text == t.Lower && !t.Stop {
			return false
		}
	}
	return words > 0
}

// labelWords is the most words a label holds.
const labelWords = 4

// quotedName notes on the suspected new name whose surname is who (among
// c.out[from:]) that the rewrite quotes that person too.
func (c *checker) quotedName(who string, from int) {
	for k := range c.out[from:] {
		d := &c.out[from+k]
		if d.Kind == Entity && surname(d.DerivedSpan) == who && !strings.HasSuffix(d.Explanation, quotedToo) {
			d.Explanation += quotedToo
			return
		}
	}
}

// quotedToo ends the explanation of a new name the rewrite quotes.
const quotedToo = ", and quotes them"

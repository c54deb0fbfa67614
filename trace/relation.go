package trace

import (
	"cmp"
	"slices"
	"strings"
	"sync"

	"github.com/wiretrace/wiretrace/align"
	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/textproc"
)

// features are the measures of an alignment of a (as source) with b that
// decide the relation. Shares are of each side's sentence count.
type features struct {
	na, nb int
	// alignedA, alignedB: share of sentences in any pair.
	alignedA, alignedB float64
	// runA, runB: the share of the sentences in a pair that stand in
	// the longest unbroken run of them (blockShare): 1 when the other text
	// carries one part whole, less when it draws on sentences across it.
	runA, runB float64
	// copyA, copyB: share of sentences in verbatim or edited pairs (the
	// same wording); verbatimA, verbatimB: in verbatim pairs only.
	copyA, copyB       float64
	verbatimA, verbatB float64
	// closeA, closeB: share of sentences in pairs whose words are nearly
	// the same (align.Pair.Overlap at least closeOverlap): an edited copy
	// changes a few words of each sentence, a rewrite that keeps much of
	// the phrasing rewords many.
	closeA, closeB float64
	// pairs is the number of aligned groups. (The order of the facts is
	// not a measure here: the seed rewrite reorders its source, so a
	// rewrite cannot be required to keep it.)
	pairs int
	// Quotes of at least quoteMin content words on each side, and how many
	// of b's quotes repeat one of a's (most of their words) and the reverse.
	quotesA, quotesB int
	sharedQuotesB    int
	sharedQuotesA    int
	// genericA, genericB: unaligned sentences that carry no fact of their
	// own (no number, date, quote or person): the padding a rewrite adds.
	genericA, genericB int
	// factDenseA, factDenseB: unaligned sentences that do carry facts.
	factDenseA, factDenseB int
	// copiedSentences: sentences of a with at least substantiveWords
	// words in verbatim or edited pairs.
	copiedSentences int
	// specificCopied: those of the copied sentences that carry a fact (a
	// figure, a date, a name or a quote); boilerplate copied between pages
	// of one site ("Subscribe to our newsletter") carries none.
	specificCopied int
	// narrativeCopied: those of the specific copied sentences that are
	// the writer's own words, not mostly a quotation (mostlyQuoted): two
	// reports of one statement quote it alike.
	narrativeCopied int
	// sharedNames: people and organisations both articles name (news
	// agencies aside); sharedFigures: numbers (value and unit) both give.
	sharedNames, sharedFigures int
	// ownNamesA, ownNamesB, ownFiguresA, ownFiguresB: the names and the
	// figures (as sharedFacts counts them) each article gives that the
	// other does not: a report from its own reporting brings its own
	// people, bodies and numbers; a rewrite brings few, a changed fact or
	// an invented name.
	ownNamesA, ownNamesB, ownFiguresA, ownFiguresB int
	// ownSpeakersA, ownSpeakersB: the people each article quotes whom the
	// other never names (ownSpeakers).
	ownSpeakersA, ownSpeakersB int
}

// quoteMin is the fewest content words a quote needs to count: shorter
// ones ("productive", "not finished") recur in unrelated reports.
const quoteMin = 4

// measureShared fills in the measures that do not depend on the
// alignment: quotes and the names and figures both articles give.
func (f *features) measureShared(da, db *textproc.Doc) {
	qa, qb := quoteSets(da), quoteSets(db)
	f.quotesA, f.quotesB = len(qa), len(qb)
	f.sharedQuotesB = sharedQuotes(qb, qa)
	f.sharedQuotesA = sharedQuotes(qa, qb)
	fc := sharedFacts(da, db)
	f.sharedNames, f.sharedFigures = fc.names, fc.figures
	// The shared names are counted over b's (one of a's may match two),
	// so a's own count is held at zero.
	f.ownNamesA, f.ownNamesB = max(0, fc.namesA-fc.names), fc.namesB-fc.names
	f.ownFiguresA, f.ownFiguresB = fc.figuresA-fc.figures, fc.figuresB-fc.figures
	f.ownSpeakersA, f.ownSpeakersB = ownSpeakers(da, db), ownSpeakers(db, da)
}

// ownReporting reports whether a pair the models judge a rewrite, with
// source the side the direction names as the original, is two reports of
// one event instead: ownModel (over Evidence.OwnFrom; with the source
// unknown, read either way) weighs the people the side judged derived
// quotes whom the original never names, and the reverse, the names and
// figures each gives that the other does not, with how much of each side
// the alignment pairs and what its unpaired sentences carry. A rewrite
// retells its source's people (or invents one); a reporter quotes the
// people they spoke to, and two reports of one event share its
// figures, names and public statements more than many rewrites share
// with their source, which the derived model alone cannot tell apart.
// Its threshold (ownThreshold) turns none of the fit part's derived pairs
// out of fold.
func ownReporting(ev Evidence, source string) bool {
	if source == SourceA || source == SourceB {
		return ownModel.Score(ev.OwnFrom(source)) >= ownThreshold
	}
	return ownModel.Score(ev.OwnFrom(SourceA)) >= ownThreshold && ownModel.Score(ev.OwnFrom(SourceB)) >= ownThreshold
}

// ownSpeakers counts the people d quotes by name whom other never names:
// the people a reporter spoke to. A rewrite quotes its source's people (or
// invents one); a report from its own reporting quotes people of its own.
// A person is a person entity of d whose surname is the last word of a
// quote's speaker ("said Ola Fenwick", "the director, Fenwick, said").
func ownSpeakers(d, other *textproc.Doc) int {
	n := 0
	var seen []string
	for i := range d.Sentences {
		for _, q := range d.Sentences[i].Quotes {
			w := speakerSurname(q.Speaker)
			if w == "" || slices.Contains(seen, w) {
				continue
			}
			seen = append(seen, w)
			if isPerson(d, w) && !hasWord(other, w) {
				n++
			}
		}
	}
	return n
}

// isPerson reports whether w is the surname of a person d names, in any
// case.
func isPerson(d *textproc.Doc, w string) bool {
	for i := range d.Sentences {
		for _, e := range d.Sentences[i].Entities {
			if e.Kind == textproc.Person && strings.EqualFold(lastWord(e.Key), w) {
				return true
			}
		}
	}
	return false
}

// speakerSurname is the last word of a quote's speaker, without a
// possessive or trailing punctuation, as written.
func speakerSurname(speaker string) string {
	w := strings.TrimRight(lastWord(strings.TrimSpace(speaker)), ".,;:")
	return strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
}

// hasWord reports whether d has the word w anywhere, in any case.
func hasWord(d *textproc.Doc, w string) bool {
	for i := range d.Sentences {
		for k := range d.Sentences[i].Tokens {
			if strings.EqualFold(d.Sentences[i].Tokens[k].Lower, w) {
				return true
			}
		}
	}
	return false
}

// measure returns the measures of an alignment of da (as source) with db;
// the alignment-free ones are left zero (see measureShared).
func measure(da, db *textproc.Doc, al *align.Alignment) features {
	f := features{na: len(da.Sentences), nb: len(db.Sentences), pairs: len(al.Pairs)}
	if f.na == 0 || f.nb == 0 {
		return f
	}
	inA := make([]align.Kind, f.na)
	inB := make([]align.Kind, f.nb)
	closeA, closeB := 0, 0
	for _, p := range al.Pairs {
		for _, i := range p.Source {
			inA[i] = p.Kind
		}
		for _, j := range p.Derived {
			inB[j] = p.Kind
		}
		if p.Overlap >= closeOverlap {
			closeA += len(p.Source)
			closeB += len(p.Derived)
		}
	}
	f.closeA, f.closeB = float64(closeA)/float64(f.na), float64(closeB)/float64(f.nb)
	count := func(in []align.Kind) (aligned, copied, verbatim float64) {
		for _, k := range in {
			if k != "" {
				aligned++
			}
			if k == align.Verbatim || k == align.Edited {
				copied++
			}
			if k == align.Verbatim {
				verbatim++
			}
		}
		n := float64(len(in))
		return aligned / n, copied / n, verbatim / n
	}
	f.alignedA, f.copyA, f.verbatimA = count(inA)
	f.alignedB, f.copyB, f.verbatB = count(inB)
	f.runA, f.runB = blockShare(inA), blockShare(inB)

	f.genericA, f.factDenseA = unalignedKinds(da, inA)
	f.genericB, f.factDenseB = unalignedKinds(db, inB)
	for i, k := range inA {
		if (k == align.Verbatim || k == align.Edited) && len(da.Sentences[i].Tokens) >= substantiveWords {
			f.copiedSentences++
			if s := &da.Sentences[i]; len(s.Numbers)+len(s.Dates)+len(s.Entities)+len(s.Quotes) > 0 {
				f.specificCopied++
				if !mostlyQuoted(s) {
					f.narrativeCopied++
				}
			}
		}
	}
	return f
}

// mostlyQuoted reports a sentence mostly made of a quotation: its quotes
// hold more than half of its words.
func mostlyQuoted(s *textproc.Sentence) bool {
	if len(s.Quotes) == 0 {
		return false
	}
	in, all := 0, 0
	for _, t := range s.Tokens {
		if t.Kind != textproc.Punct {
			all++
			if s.InQuote(t.Span) {
				in++
			}
		}
	}
	return 2*in > all
}

// blockShare is the share of the sentences in a pair that stand in the
// longest unbroken run of them (0 when none is): 1 when the other text
// carries one part of this one whole, less when it draws on sentences
// across the text. A sentence repeated far from the part carried (a
// standard line the page says twice) costs one sentence, not the whole
// stretch up to it.
func blockShare(in []align.Kind) float64 {
	n, run, longest := 0, 0, 0
	for _, k := range in {
		if k == "" {
			run = 0
			continue
		}
		n++
		run++
		longest = max(longest, run)
	}
	if n == 0 {
		return 0
	}
	return float64(longest) / float64(n)
}

// quoteSets returns, for each quote of d with at least quoteMin distinct
// content words, the stems of those words sorted and without repeats (a
// sorted slice makes sharedQuotes a merge instead of map lookups).
func quoteSets(d *textproc.Doc) [][]string {
	var out [][]string
	// The sets are cut from one array (a new one when it is full), each
	// with a full slice expression.
	var all []string
	for i := range d.Sentences {
		for _, q := range d.Sentences[i].Quotes {
			toks := d.Sentences[i].TokensIn(q.Span)
			if cap(all)-len(all) < len(toks) {
				all = make([]string, 0, max(len(toks), 2*cap(all), 64))
			}
			start := len(all)
			for k := range toks {
				if t := &toks[k]; t.Kind != textproc.Punct && !t.Stop {
					all = append(all, t.Stem)
				}
			}
			w := all[start:len(all):len(all)]
			slices.Sort(w)
			w = slices.Compact(w)
			if len(w) < quoteMin {
				all = all[:start]
				continue
			}
			all = all[:start+len(w)]
			out = append(out, w[:len(w):len(w)])
		}
	}
	return out
}

// sharedQuotes counts the quotes of x of which at least half the words are
// in one quote of y: the same quote, perhaps trimmed.
func sharedQuotes(x, y [][]string) int {
	n := 0
	for _, q := range x {
		for _, r := range y {
			common := 0
			for i, j := 0, 0; i < len(q) && j < len(r); {
				switch {
				case q[i] < r[j]:
					i++
				case q[i] > r[j]:
					j++
				default:
					common++
					i++
					j++
				}
			}
			if 2*common >= len(q) {
				n++
				break
			}
		}
	}
	return n
}

// unalignedKinds sorts a side's unaligned sentences into generic ones (no
// number, date, quote or person: commentary and padding) and fact-dense
// ones.
func unalignedKinds(d *textproc.Doc, in []align.Kind) (generic, dense int) {
	for i, k := range in {
		if k != "" {
			continue
		}
		s := &d.Sentences[i]
		facts := len(s.Numbers) + len(s.Quotes)
		for _, dt := range s.Dates {
			if dt.Kind != textproc.Relative {
				facts++
			}
		}
		for _, e := range s.Entities {
			if e.Kind == textproc.Person {
				facts++
			}
		}
		if facts == 0 {
			generic++
		} else {
			dense++
		}
	}
	return generic, dense
}

// The relation is decided in three steps:
//
//  1. Copies, by definition: the same text on both sides (duplicate), or
//     the shorter side copied nearly whole (near_duplicate), or most of
//     the shorter side copied nearly word for word from a small part of
//     the other (an excerpt: partial). These are what the words say, not
//     a judgement, and they keep the relation from contradicting its own
//     figures (a truncated page against the full page is a partial copy,
//     never unrelated).
//  2. Derived or not: the fitted model derivedModel over the derived
//     evidence (relation_weights.go, fitted by `wiretrace train relation`).
//     A derived pair is partial when partialModel says only part of the
//     source was carried (or the derived text carries much else), else a
//     rewrite. A pair the model does not call derived that still copies
//     two or more fact-carrying sentences word for word is partial reuse.
//     After the direction, a rewrite longer than its source that copies
//     some of it word for word inside a text mostly its own is partial
//     reuse too (inset: a column or a local story around a wire story).
//  3. Not derived: same_story when the two share enough names and figures
//     to be reports of one event, or the derived model finds them as
//     likely derived as not (sameStoryScore), else unrelated.
//
// The copy thresholds were read off the example families
// (examples/families.json): duplicates have a verbatim share of 1.0 on
// both sides; edited copies copy 1.0 of the shorter side and 0.64-0.73 of
// the longer, rewrites at most 0.18; partial reuses copy 3-4 source
// sentences word for word. The share of an excerpt's carried sentences in
// one unbroken run (excerptRun) is fitted by `wiretrace train relation`
// (fitExcerptRun). The same-story thresholds: independent reports
// share 4-6 names and 2-6 figures, unrelated stories on the same topic at
// most 2 names and 1 figure.
const (
	duplicateShare     = 0.9 // verbatim share of both sides
	nearDupShorter     = 0.8 // copied share of the shorter side
	nearDupLonger      = 0.5 // copied share of the longer side
	closeOverlap       = 0.8 // bigram overlap of a pair nearly the same (see nearDupClose)
	excerptClose       = 0.5 // share of the shorter side nearly the same word for word for an excerpt
	partialMinCopied   = 2   // fewest substantive sentences copied for an excerpt
	substantiveWords   = 10  // tokens for a copied sentence to count
	sameStoryNames     = 2   // fewest shared names (people, organisations)
	sameStoryFigures   = 2   // fewest shared figures
	sameStoryNamesOnly = 4   // or this many shared names alone
)

// nearDupEvidence is the evidence of the near-duplicate rule (Evidence's
// NearDup): the copied share of the shorter side and of the longer, and
// the share of the shorter side nearly the same word for word.
func (f features) nearDupEvidence() []float64 {
	if f.nb < f.na {
		return []float64{f.copyB, f.copyA, f.closeB}
	}
	return []float64{f.copyA, f.copyB, f.closeA}
}

// nearDuplicate reports the near-duplicate rule: most of the shorter side
// copied, half the longer, and at least close of the shorter side nearly
// the same word for word. An edited copy changes a few words of each
// sentence; a rewrite that keeps much of the phrasing still rewords many
// (the fitted nearDupClose tells them apart).
func nearDuplicate(shortCopy, longCopy, shortClose, close float64) bool {
	return shortCopy >= nearDupShorter && longCopy >= nearDupLonger && shortClose >= close
}

// NearDuplicateAt reports whether the pair of ev is a near duplicate when
// a share close of the shorter side must be nearly the same word for
// word: what `wiretrace train relation` fits nearDupClose by.
func NearDuplicateAt(ev Evidence, close float64) bool {
	nd := ev.NearDup
	return len(nd) == 3 && nearDuplicate(nd[0], nd[1], nd[2], close)
}

// excerptEvidence is the evidence of the excerpt rule (Evidence's
// Excerpt): the copied share of the shorter side and of the longer, the
// aligned share of the longer, the share of the longer side's carried
// sentences in one unbroken run (blockShare), the share of the shorter
// side nearly the same word for word, and the number of substantive
// sentences copied.
func (f features) excerptEvidence() []float64 {
	shortCopy, longCopy, longAligned, longRun, shortClose := f.copyA, f.copyB, f.alignedB, f.runB, f.closeA
	if f.nb < f.na {
		shortCopy, longCopy, longAligned, longRun, shortClose = f.copyB, f.copyA, f.alignedA, f.runA, f.closeB
	}
	return []float64{shortCopy, longCopy, longAligned, longRun, shortClose, float64(f.copiedSentences)}
}

// excerpt reports the excerpt rule on its evidence x (excerptEvidence):
// mostly the same words, nearly word for word, of a part of the longer
// text that carries nothing of the shorter elsewhere, at least run of
// the longer side's carried sentences standing in one unbroken run. An
// excerpt, a truncated page or a passage set in another text carries one
// part whole; a summary that keeps the phrasing draws on sentences across
// its source, a few at a time.
func excerpt(x []float64, run float64) bool {
	shortCopy, longCopy, longAligned, longRun, shortClose, copied := x[0], x[1], x[2], x[3], x[4], x[5]
	return longCopy < nearDupLonger && longAligned < nearDupLonger && longRun >= run &&
		(shortClose >= excerptClose && copied >= partialMinCopied || shortCopy >= nearDupShorter && copied >= 1)
}

// ExcerptAt reports whether the pair of ev is an excerpt when at least
// run of the longer side's carried sentences must stand in one unbroken
// run: what `wiretrace train relation` fits excerptRun by.
func ExcerptAt(ev Evidence, run float64) bool {
	return len(ev.Excerpt) == 6 && excerpt(ev.Excerpt, run)
}

// classify decides the relation from the measures of the strict alignment
// and the evidence the fitted models read.
func classify(f features, ev Evidence) Relation {
	if f.na == 0 || f.nb == 0 {
		return Unrelated
	}
	nd := f.nearDupEvidence()
	switch {
	case f.verbatimA >= duplicateShare && f.verbatB >= duplicateShare:
		return Duplicate
	case nearDuplicate(nd[0], nd[1], nd[2], nearDupClose):
		return NearDuplicate
	case excerpt(f.excerptEvidence(), excerptRun):
		// Mostly the same words, nearly word for word, but of a small part
		// of the other text (most of which carries nothing of the
		// shorter): an excerpt, not a rewrite (rewrites reword, and carry
		// the whole; a summary that keeps the phrasing edits each sentence
		// it keeps more than a few words).
		return Partial
	}
	score := derivedModel.Score(ev.Derived)
	switch {
	case score >= derivedThreshold:
		if partialModel.Score(ev.Partial) >= 0.5 {
			return Partial
		}
		return Rewrite
	case f.narrativeCopied >= partialMinCopied:
		// Sentences that carry facts (a figure, a date, a name, a quote),
		// copied word for word into a text the model does not call
		// derived: reuse of part of the source. Site furniture copied
		// between pages ("Subscribe to our newsletter") carries no fact and
		// does not count; nor does a quotation, which independent reports
		// of one statement or interview carry alike.
		return Partial
	case f.sharedNames >= sameStoryNames && f.sharedFigures >= sameStoryFigures,
		f.sharedNames >= sameStoryNamesOnly,
		score >= sameStoryScore:
		return SameStory
	}
	return Unrelated
}

// sameStoryScore is the derived model's score from which a pair it does
// not call derived is still one story: as likely derived as not, short of
// the threshold that keeps false derivations rare. It tells the story of
// texts that name no one the other names (a lower-cased original has no
// capitals to find names by), where the shared names and figures cannot.
const sameStoryScore = 0.5

// reuses reports whether a derived pair of relation rel is reuse of part
// of the source inside an article of its own, whose other sentences are
// that article's own reporting and so no drift: a partial pair that
// carries at least partialMinCopied substantive sentences nearly word for
// word. A pair judged partial that copies fewer rewords the part it
// carries (a retelling of the source's opening that goes on to tell its
// own version), and every fact only it states is suspect, as in a
// rewrite: on the llm-rewrites fit part, 10 more of 365 manipulated
// rewrites judged derived report a drift (one more of 495 faithful ones).
func reuses(rel Relation, f features) bool {
	return rel == Partial && f.copiedSentences >= partialMinCopied
}

// inset reports whether the pair copies two or more of the writer's own
// sentences nearly word for word (narrativeCopied) while neither text is
// mostly carried by the other: part of one set inside a text mostly its
// own, as a column or a local story quotes a wire story's paragraphs.
// A rewrite carries most of the text it is made from, or is mostly made
// of it.
func inset(f features, ev Evidence) bool {
	return f.narrativeCopied >= partialMinCopied && len(ev.Derived) > containMaxAt && ev.Derived[containMaxAt] < 0.5
}

// longerDerived reports whether the derived side of a pair whose source
// is src has more sentences than its source.
func longerDerived(src string, f features) bool {
	switch src {
	case SourceA:
		return f.nb > f.na
	case SourceB:
		return f.na > f.nb
	}
	return false
}

// retells reports whether a pair judged partial copies fewer than
// partialMinCopied sentences of the writer's own words nearly word for
// word (narrativeCopied): what it copies, if anything, is mostly
// quotation, which two reports of one statement share alike, so it may be
// another report of the event (ownReporting reads it as it reads a
// rewrite).
func retells(f features) bool {
	return f.narrativeCopied < partialMinCopied
}

// ownQuotes reports whether both articles quote people and share none of
// their quotes: the mark of independent reporting.
func (f features) ownQuotes() bool {
	return f.quotesA > 0 && f.quotesB > 0 && f.sharedQuotesA == 0 && f.sharedQuotesB == 0
}

// direction decides which article is the original of a derived pair:
// publication dates, when both are known and differ, name the earlier one
// (a date is the strongest evidence a page gives); otherwise the fitted
// directionModel weighs the content evidence (which side holds specific
// content the other lacks, which adds generic padding, which is longer,
// which credits an agency, which reads like a language model's rewrite). A score within DirectionMargin of even leaves
// the source unknown. It also returns the evidence that chiefly decided
// (Report.SourceEvidence).
func direction(a, b *article.Article, ev Evidence) (string, []string) {
	switch dateEvidence(a, b) {
	case 1:
		return SourceA, []string{EvidencePublished}
	case -1:
		return SourceB, []string{EvidencePublished}
	}
	p := directionModel.Mirrored(ev.Direction)
	switch {
	case p >= 0.5+DirectionMargin:
		return SourceA, directionEvidence(ev.Direction, 1)
	case p <= 0.5-DirectionMargin:
		return SourceB, directionEvidence(ev.Direction, -1)
	}
	return SourceUnknown, nil
}

// EvidencePublished is the SourceEvidence of a source named by the
// publication dates.
const EvidencePublished = "published"

// directionEvidence returns the names of the direction features that
// point the way the model decided (sign 1: a is the source; -1: b), the
// strongest first: each feature's share of the decision is what its trees
// add to the log-odds of x less what they add to its mirror image, and a
// feature is named when that share and its own value both point the
// decided way and the share is at least a quarter of the largest, three
// at most.
func directionEvidence(x []float64, sign float64) []string {
	neg := negated(x)
	share := make([]float64, len(x))
	for k := range directionModel.Trees {
		t := &directionModel.Trees[k]
		share[t.Feature] += sign * (t.Value(x) - t.Value(neg)) / 2
	}
	order := make([]int, len(share))
	for k := range order {
		order[k] = k
	}
	slices.SortStableFunc(order, func(i, j int) int { return cmp.Compare(share[j], share[i]) })
	var names []string
	for _, k := range order {
		if len(names) == 3 || share[k] <= 0 || share[k] < share[order[0]]/4 {
			break
		}
		if sign*x[k] > 0 {
			names = append(names, DirectionFeatureNames[k])
		}
	}
	return names
}

// DirectionMargin is how far from an even score the direction model must
// be to name a source: 0.1, a 60:40 lean.
const DirectionMargin = 0.1

// factCounts are the names and figures two documents both give (names,
// figures) and those each gives (namesA, figuresA; namesB, figuresB).
type factCounts struct {
	names, figures   int
	namesA, figuresA int
	namesB, figuresB int
}

// sharedFacts counts the names (people, organisations, other names of two
// words or more, and single capitalised words inside a sentence) and the
// figures two documents both give, and how many each gives. A name
// matches when one spelling contains the other ("High Court" and "High
// Court of Korsvik"). The agencies named in datelines are left out: every
// story of an agency names it.
func sharedFacts(da, db *textproc.Doc) factCounts {
	fs, _ := factSetsPool.Get().(*factSets)
	if fs == nil {
		fs = &factSets{skip: map[string]bool{}, namesA: map[string]bool{}, namesB: map[string]bool{},
			figsA: map[figure]bool{}, figsB: map[figure]bool{}}
	}
	defer fs.release()
	skip := fs.skip
	for _, ag := range []string{da.DatelineAgency, db.DatelineAgency} {
		if ag != "" {
			skip[strings.ToLower(ag)] = true
		}
	}
	na, fa := facts(da, skip, fs.namesA, fs.figsA)
	nb, fb := facts(db, skip, fs.namesB, fs.figsB)
	fc := factCounts{namesA: len(na), figuresA: len(fa), namesB: len(nb), figuresB: len(fb)}
	for k := range nb {
		if na[k] {
			fc.names++
			continue
		}
		for j := range na {
			if containsWords(j, k) || containsWords(k, j) {
				fc.names++
				break
			}
		}
	}
	for k := range fa {
		if fb[k] {
			fc.figures++
		}
	}
	return fc
}

// factSets are the sets of sharedFacts, recycled through factSetsPool:
// made for every comparison, they were a twentieth of its garbage.
type factSets struct {
	skip, namesA, namesB map[string]bool
	figsA, figsB         map[figure]bool
}

var factSetsPool sync.Pool

// maxPooledFacts is the most names or figures a factSets may hold to be
// recycled: one very long comparison should not leave its maps in the
// pool.
const maxPooledFacts = 1 << 12

// release empties fs and puts it back for the next comparison.
func (fs *factSets) release() {
	if len(fs.namesA)+len(fs.namesB)+len(fs.figsA)+len(fs.figsB) > maxPooledFacts {
		return
	}
	clear(fs.skip)
	clear(fs.namesA)
	clear(fs.namesB)
	clear(fs.figsA)
	clear(fs.figsB)
	factSetsPool.Put(fs)
}

// containsWords reports whether the words of short occur in long as a run
// of whole words.
func containsWords(long, short string) bool {
	if len(short) >= len(long) {
		return false
	}
	// Each occurrence of short must start and end at a word boundary (the
	// ends of long or a space); searching without padding copies nothing.
	for i := 0; i <= len(long); {
		k := strings.Index(long[i:], short)
		if k < 0 {
			return false
		}
		p := i + k
		end := p + len(short)
		if (p == 0 || long[p-1] == ' ') && (end == len(long) || long[end] == ' ') {
			return true
		}
		i = p + 1
	}
	return false
}

type figure struct {
	value float64
	unit  string
}

// facts adds the names and figures of d that sharedFacts counts to names
// and figs, and returns them.
func facts(d *textproc.Doc, skip, names map[string]bool, figs map[figure]bool) (map[string]bool, map[figure]bool) {
	for i := range d.Sentences {
		s := &d.Sentences[i]
		for _, e := range s.Entities {
			if skip[e.Key] || e.Kind == textproc.Place {
				continue
			}
			// A lone capitalised word counts inside a sentence, where
			// capitals mark names, not at its start.
			if e.Kind == textproc.Person || e.Kind == textproc.Organization || strings.Contains(e.Key, " ") || e.Start > 0 {
				names[e.Key] = true
			}
		}
		for _, n := range s.Numbers {
			// Small bare counts ("two members", "5-2") recur in any story.
			if n.Unit == "" && n.Value < 10 {
				continue
			}
			figs[figure{n.Value, n.Unit}] = true
		}
	}
	return names, figs
}

package trace

import (
	"math"
	"time"

	"github.com/wiretrace/wiretrace/align"
	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/drift"
	"github.com/wiretrace/wiretrace/textproc"
)

// Model is a logistic model over a feature vector: its score is
// 1 / (1 + exp(-(Bias + Σ W[k]·x[k]))).
type Model struct {
	Bias float64
	W    []float64
}

// Score returns the model's probability for x (x may be longer than W:
// extra features weigh nothing).
func (m *Model) Score(x []float64) float64 {
	z := m.Bias
	for k, w := range m.W {
		z += w * x[k]
	}
	return 1 / (1 + math.Exp(-z))
}

// Evidence is what the fitted decisions of Compare read about a pair of
// articles: Derived, the features of the derived-or-not decision (the same
// whichever article is a); Partial, those of the rewrite-or-partial
// decision; and Direction, those of which article is the original, read
// with a as the candidate original (swapping a and b negates them).
type Evidence struct {
	Derived   []float64
	Partial   []float64
	Direction []float64
}

// Derived features (see derivedFeatures): names for the fitted weights'
// comments and the training report.
var DerivedFeatureNames = []string{
	"aligned_max", "aligned_min", "rescued_max", "rescued_min",
	"copy_short", "copy_long", "strict_similarity", "log_length_ratio",
	"shared_quote", "own_quotes", "log_shared_names", "log_shared_figures",
	"content_contain_max", "content_contain_min", "specific_share", "bigram_share",
	"order", "padding_max", "log_pairs", "specific_copied_share",
}

// PartialFeatureNames name the features of the rewrite-or-partial decision.
var PartialFeatureNames = []string{
	"aligned_max", "aligned_min", "rescued_max", "rescued_min", "log_length_ratio",
	"content_contain_max", "content_contain_min", "order", "unaligned_dense_max",
	"copy_short", "copy_long", "specific_copied_share",
}

// DirectionFeatureNames name the features of the direction decision; each
// is positive when it points to a as the original.
var DirectionFeatureNames = []string{
	"log_length_ratio", "own_anchors", "padding_diff", "dense_diff", "credit", "aligned_diff",
	"word_length_diff", "own_specific",
}

// PairEvidence returns the evidence Compare reads about a and b: the
// labelled data of `wiretrace train relation` is made of it.
func PairEvidence(a, b *article.Article, opts Options) Evidence {
	if a == nil {
		a = &article.Article{}
	}
	if b == nil {
		b = &article.Article{}
	}
	da, _ := capSentences(textproc.Analyze(a), opts.maxSentences())
	db, _ := capSentences(textproc.Analyze(b), opts.maxSentences())
	as := assess(da, db, opts)
	return as.evidence(a, b, da, db)
}

// assessment is everything the relation is decided from.
type assessment struct {
	al              align.Alignment // rescued alignment of a (as source) with b
	strict, rescued features
	strictSim       float64
	order           float64
	ta, tb          docTerms
}

func assess(da, db *textproc.Doc, opts Options) assessment {
	var as assessment
	as.al = align.Align(da, db, opts.align())
	as.strict = measure(da, db, &as.al)
	as.strict.measureShared(da, db)
	as.strictSim = similarity(&as.al)
	as.order = order(as.al.Pairs)
	as.al.Pairs = append([]align.Pair(nil), as.al.Pairs...)
	rescue(da, db, &as.al)
	as.rescued = measure(da, db, &as.al)
	as.ta, as.tb = termsOf(da), termsOf(db)
	return as
}

func (as *assessment) evidence(a, b *article.Article, da, db *textproc.Doc) Evidence {
	f, r := &as.strict, &as.rescued
	lr := 0.0
	if f.na > 0 && f.nb > 0 {
		lr = math.Log(float64(f.na) / float64(f.nb))
	}
	shortCopy, longCopy := f.copyA, f.copyB
	if f.nb < f.na {
		shortCopy, longCopy = f.copyB, f.copyA
	}
	cab, cba := as.ta.contained(&as.tb), as.tb.contained(&as.ta)
	spec := sharedShare(as.ta.specific, as.tb.specific)
	bi := sharedShare(as.ta.bigrams, as.tb.bigrams)
	pad := 0.0
	if f.na > 0 && f.nb > 0 {
		pad = max(float64(r.genericA)/float64(f.na), float64(r.genericB)/float64(f.nb))
	}
	sharedQuote, own := 0.0, 0.0
	if f.sharedQuotesA+f.sharedQuotesB > 0 {
		sharedQuote = 1
	}
	if f.ownQuotes() {
		own = 1
	}
	ev := Evidence{
		Derived: []float64{
			max(f.alignedA, f.alignedB), min(f.alignedA, f.alignedB),
			max(r.alignedA, r.alignedB), min(r.alignedA, r.alignedB),
			shortCopy, longCopy, as.strictSim, math.Abs(lr),
			sharedQuote, own, math.Log1p(float64(f.sharedNames)), math.Log1p(float64(f.sharedFigures)),
			max(cab, cba), min(cab, cba), spec, bi,
			as.order, pad, math.Log1p(float64(r.pairs)), float64(f.specificCopied) / float64(max(1, min(f.na, f.nb))),
		},
	}
	dense := 0.0
	if f.na > 0 && f.nb > 0 {
		dense = max(float64(r.factDenseA)/float64(f.na), float64(r.factDenseB)/float64(f.nb))
	}
	ev.Partial = []float64{
		ev.Derived[0], ev.Derived[1], ev.Derived[2], ev.Derived[3], math.Abs(lr),
		ev.Derived[12], ev.Derived[13], as.order, dense,
		shortCopy, longCopy, ev.Derived[19],
	}
	// Direction: positive values point to a as the original.
	ownA, ownB := as.ta.ownSpecific(&as.tb), as.tb.ownSpecific(&as.ta)
	padDiff, denseDiff := 0.0, 0.0
	if f.na > 0 && f.nb > 0 {
		padDiff = float64(r.genericB)/float64(f.nb) - float64(r.genericA)/float64(f.na)
		denseDiff = float64(r.factDenseA)/float64(f.na) - float64(r.factDenseB)/float64(f.nb)
	}
	credit := 0.0
	ca, cb := len(drift.Credits(a, da)) > 0, len(drift.Credits(b, db)) > 0
	switch {
	case ca && !cb:
		credit = 1
	case cb && !ca:
		credit = -1
	}
	ev.Direction = []float64{lr, as.ta.ownAnchors(&as.tb) - as.tb.ownAnchors(&as.ta), padDiff, denseDiff, credit,
		r.alignedB - r.alignedA, as.tb.wordLen() - as.ta.wordLen(), ownA - ownB}
	return ev
}

// dateEvidence is +1 when a was published at least a minute before b, -1
// when after, 0 when either date is unknown.
func dateEvidence(a, b *article.Article) float64 {
	ta, okA := a.PublishedTime()
	tb, okB := b.PublishedTime()
	if !okA || !okB {
		return 0
	}
	switch d := tb.Sub(ta); {
	case d >= time.Minute:
		return 1
	case d <= -time.Minute:
		return -1
	}
	return 0
}

// order is the share of consecutive aligned groups (in the derived
// article's order) whose source sentences come later too: 1 when the
// derived text keeps the source's order, about 0.5 for an unrelated
// ordering, and 0.5 when there are too few groups to tell.
func order(pairs []align.Pair) float64 {
	if len(pairs) < 2 {
		return 0.5
	}
	up := 0
	for k := 1; k < len(pairs); k++ {
		if pairs[k].Source[0] > pairs[k-1].Source[0] {
			up++
		}
	}
	// Two or three groups in order happen by chance: the share is drawn
	// toward 0.5 by orderPrior pseudo-counts on each side.
	return (float64(up) + orderPrior) / (float64(len(pairs)-1) + 2*orderPrior)
}

// orderPrior: with 2, three groups in order read 0.67, ten 0.85.
const orderPrior = 2

// docTerms are a document's distinct content terms for the shared-content
// measures: content stems with their background weight, the specific ones
// (not common in news, not short, or numerals), and consecutive content
// stem pairs (hashed).
type docTerms struct {
	content  map[string]float64
	mass     float64
	specific map[uint64]bool
	bigrams  map[uint64]bool
	// anchors are the numerals and, unless the text was lower-cased, the
	// capitalised words inside sentences (names): the details a rewrite
	// drops or keeps. letters and words give the mean word length.
	anchors, names map[uint64]bool
	letters, words int
}

func termsOf(d *textproc.Doc) docTerms {
	t := docTerms{content: map[string]float64{}, specific: map[uint64]bool{}, bigrams: map[uint64]bool{},
		anchors: map[uint64]bool{}, names: map[uint64]bool{}}
	for i := range d.Sentences {
		var prev uint64
		for k, tok := range d.Sentences[i].Tokens {
			if tok.Kind == textproc.Punct {
				continue
			}
			t.words++
			t.letters += len(tok.Text)
			if tok.Kind == textproc.Numeral {
				t.anchors[hashTerm(tok.Text)] = true
			}
			if tok.Stop {
				continue
			}
			h := hashTerm(tok.Stem)
			if k > 0 && tok.Text != tok.Lower && tok.Kind == textproc.Word {
				t.names[h] = true
			}
			if _, ok := t.content[tok.Stem]; !ok {
				w := 1.0
				if align.Common(tok.Stem) {
					w = 0.25
				}
				t.content[tok.Stem] = w
				t.mass += w
				if w == 1 && (tok.Kind == textproc.Numeral || len(tok.Stem) >= specificLen) {
					t.specific[h] = true
				}
			}
			if prev != 0 {
				t.bigrams[prev*1099511628211^h] = true
			}
			prev = h
		}
	}
	return t
}

// ownAnchors is the share of t's anchors (numerals, and names when both
// texts have them: a lower-cased text has none) that u lacks.
func (t *docTerms) ownAnchors(u *docTerms) float64 {
	n, own := len(t.anchors), 0
	for h := range t.anchors {
		if !u.anchors[h] {
			own++
		}
	}
	if len(t.names) >= minNames && len(u.names) >= minNames {
		n += len(t.names)
		for h := range t.names {
			if !u.names[h] {
				own++
			}
		}
	}
	if n == 0 {
		return 0
	}
	return float64(own) / float64(n)
}

// minNames: a text with fewer capitalised words inside its sentences was
// lower-cased (or names no one), and its names cannot be compared.
const minNames = 3

// wordLen is the mean length of t's words in bytes: rewriting tools and
// language models favour longer words than news prose.
func (t *docTerms) wordLen() float64 {
	if t.words == 0 {
		return 0
	}
	return float64(t.letters) / float64(t.words)
}

// specificLen is the shortest stem of a word counted as specific: short
// words are the common vocabulary of any story ("fire", "vote").
const specificLen = 5

// contained is the share of t's content mass (background-weighted) that u
// also holds.
func (t *docTerms) contained(u *docTerms) float64 {
	if t.mass == 0 {
		return 0
	}
	s := 0.0
	for stem, w := range t.content {
		if _, ok := u.content[stem]; ok {
			s += w
		}
	}
	return s / t.mass
}

// ownSpecific is the share of t's specific terms that u lacks.
func (t *docTerms) ownSpecific(u *docTerms) float64 {
	if len(t.specific) == 0 {
		return 0
	}
	n := 0
	for h := range t.specific {
		if !u.specific[h] {
			n++
		}
	}
	return float64(n) / float64(len(t.specific))
}

// sharedShare is the share of the smaller set's members found in the other.
func sharedShare(x, y map[uint64]bool) float64 {
	if len(y) < len(x) {
		x, y = y, x
	}
	if len(x) == 0 {
		return 0
	}
	n := 0
	for h := range x {
		if y[h] {
			n++
		}
	}
	return float64(n) / float64(len(x))
}

func hashTerm(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h | 1
}

package align

import (
	"cmp"
	"math"

	"github.com/wiretrace/wiretrace/textproc"
)

// Similarity scores how much two sentences say the same thing, from 0
// (nothing in common) to 1 (the same statement). a is from the source
// document and b from the derived one of the Context (NewContext), which
// carries what the scorer precomputed; a scorer must accept sentences that
// are not in the context too, at some cost. Implementations must be safe for
// concurrent use.
type Similarity interface {
	Score(a, b *textproc.Sentence, ctx *Context) float64
}

// Lexical is the built-in Similarity: a logistic combination of lexical
// features (see Features) with the weights in LexicalWeights. Its zero
// value is ready to use.
type Lexical struct{}

// Score implements Similarity.
func (Lexical) Score(a, b *textproc.Sentence, ctx *Context) float64 {
	f := ctx.Features(a, b)
	return LexicalWeights.Apply(f)
}

// NumFeatures is the length of a FeatureVector.
const NumFeatures = 20

// FeatureVector holds the lexical features of a sentence pair, in this
// order:
//
//	0 F1: harmonic mean of the weighted share of a's terms found in b and of
//	  b's terms found in a (synonyms and spelling variants count 0.8)
//	1 MinShare: the smaller of those two shares
//	2 MaxShare: the larger
//	3 Bigrams: Dice overlap of consecutive content-term pairs
//	4 NumberClash: share of the shorter side's numbers missing from the
//	  other, when both sides have numbers; 0 otherwise
//	5 EntityClash: the same for named entities
//	6 NegationClash: 1 when exactly one side has a negation cue
//	7 LengthRatio: shorter word count over longer
//	8 Unigrams, 9 Bigrams2, 10 Trigrams: Dice overlap of the sets of all
//	  words' stems, stop words included, as 1-, 2- and 3-grams
//	11 MinUnmatched, 12 MaxUnmatched: the weighted content left unmatched
//	  on the side with less and on the side with more of it
//	13 DateClash: as NumberClash, for dates and weekdays
//	14, 15 MinUniShare, MaxUniShare: the smaller and larger share of one
//	  side's words (unweighted, stop words included) found in the other
//	16 MinBiShare: the smaller such share for word bigrams
//	17 LengthDiff: difference in word count, over 10
//	18, 19 MinCharShare, MaxCharShare: the smaller and larger share of one
//	  side's character 4-grams found in the other
type FeatureVector [NumFeatures]float64

// FeatureSign says which way a fit may let each feature move the score: +1
// for the content-overlap measures that synonyms and spelling variants feed
// (F1, MinShare, MaxShare, Bigrams), so that finding a synonym or a
// spelling match can never lower a score; 0 (free) for the rest, whose
// signs the fit chooses (constraining all of them cost 2 points of MRPC
// accuracy).
var FeatureSign = [NumFeatures]int8{+1, +1, +1, +1}

// Weights are the coefficients of a logistic model over a FeatureVector:
// score = 1 / (1 + exp(-(Bias + Σ W[k]·f[k]))).
type Weights struct {
	Bias float64
	W    [NumFeatures]float64
}

// Apply returns the model's score for f.
func (w *Weights) Apply(f FeatureVector) float64 {
	z := w.Bias
	for k, x := range f {
		z += w.W[k] * x
	}
	return 1 / (1 + math.Exp(-z))
}

// Features computes the FeatureVector of sentences a (source side) and b
// (derived side). It allocates nothing when both are sentences of the
// context's documents.
func (c *Context) Features(a, b *textproc.Sentence) FeatureVector {
	return pairFeatures(c.features(a), c.features(b))
}

func pairFeatures(fa, fb *features) FeatureVector {
	var v FeatureVector
	var common float32
	i, j := 0, 0
	for i < len(fa.ids) && j < len(fb.ids) {
		x, y := fa.ids[i]&^synonymFlag, fb.ids[j]&^synonymFlag
		switch {
		case x < y:
			i++
		case x > y:
			j++
		default:
			w := min(fa.w[i], fb.w[j])
			if (fa.ids[i]|fb.ids[j])&synonymFlag != 0 {
				w *= synonymDiscount
			}
			common += w
			i++
			j++
		}
	}
	if fa.total > 0 && fb.total > 0 {
		r := float64(common / fa.total)
		p := float64(common / fb.total)
		if p+r > 0 {
			v[0] = 2 * p * r / (p + r)
		}
		v[1], v[2] = min(p, r), max(p, r)
	}
	if n := fa.nBi + fb.nBi; n > 0 {
		v[3] = 2 * float64(fa.bigrams.common(&fb.bigrams)) / float64(n)
	}
	v[4] = clash64(fa.nums, fb.nums)
	v[5] = clash32(fa.ents, fb.ents)
	if fa.neg != fb.neg {
		v[6] = 1
	}
	if fa.words > 0 && fb.words > 0 {
		v[7] = float64(min(fa.words, fb.words)) / float64(max(fa.words, fb.words))
	}
	var shared [3]int
	for n := 0; n < 3; n++ {
		if n == 0 {
			shared[n] = Shared(fa.uni, fb.uni)
		} else {
			shared[n] = fa.grams[n].common(&fb.grams[n])
		}
		if t := fa.nGrams[n] + fb.nGrams[n]; t > 0 {
			v[8+n] = 2 * float64(shared[n]) / float64(t)
		}
	}
	ua, ub := float64(fa.total-common), float64(fb.total-common)
	v[11], v[12] = min(ua, ub), max(ua, ub)
	v[13] = clash64(fa.dates, fb.dates)
	if fa.nGrams[0] > 0 && fb.nGrams[0] > 0 {
		c := float64(shared[0])
		p, r := c/float64(fb.nGrams[0]), c/float64(fa.nGrams[0])
		v[14], v[15] = min(p, r), max(p, r)
	}
	if fa.nGrams[1] > 0 && fb.nGrams[1] > 0 {
		c := float64(shared[1])
		v[16] = min(c/float64(fb.nGrams[1]), c/float64(fa.nGrams[1]))
	}
	v[17] = float64(abs(fa.words-fb.words)) / 10
	if fa.nChars > 0 && fb.nChars > 0 {
		c := float64(fa.chars.common(&fb.chars))
		p, r := c/float64(fb.nChars), c/float64(fa.nChars)
		v[18], v[19] = min(p, r), max(p, r)
	}
	return v
}

// Shared counts the common elements of two sorted lists (as multisets).
// The loop is written without unpredictable branches: the comparisons become
// conditional moves, which matters because this is the innermost loop of
// alignment.
func Shared[T cmp.Ordered](a, b []T) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		x, y := a[i], b[j]
		if x == y {
			n++
		}
		if x <= y {
			i++
		}
		if x >= y {
			j++
		}
	}
	return n
}

func clash64(a, b []uint64) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	return 1 - float64(Shared(a, b))/float64(min(len(a), len(b)))
}

func clash32(a, b []uint32) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	return 1 - float64(Shared(a, b))/float64(min(len(a), len(b)))
}

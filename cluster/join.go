package cluster

import "math"

// JoinFeatures is what the join model reads of the best earlier article
// for a new one (see Clusters.best): the evidence that the two tell one
// story, beyond the score that chose it.
type JoinFeatures [joinFeatureCount]float64

// The join model's features, in JoinFeatures order.
const (
	// featScore is the best article's score (see best).
	featScore = iota
	// featMargin is how much more it scores than the best article of
	// another cluster in the shortlist (its score when there is none).
	featMargin
	// featQueryShare is the weight the two share over the new article's:
	// a rewrite keeps much of its source, a story's second report only
	// its names.
	featQueryShare
	// featShared is the log of one more than the number of words they
	// share.
	featShared
	// featWithOther is the share of their shared weight that the best
	// article of another cluster holds too: a publisher's standard
	// paragraphs or a topic's vocabulary, shared by many of its pages,
	// not one story.
	featWithOther
	joinFeatureCount
)

// JoinFeatureNames names the join model's features, in JoinFeatures
// order.
var JoinFeatureNames = [joinFeatureCount]string{
	"score", "margin", "query_share", "shared_words", "with_other",
}

// JoinFeatureSign is the sign each fitted weight is held to (+1, -1, or 0
// for free): more score, margin and shared weight can only speak for a
// join, vocabulary shared with another cluster only against.
var JoinFeatureSign = [joinFeatureCount]int8{
	featScore: 1, featMargin: 1, featQueryShare: 1, featWithOther: -1,
}

// JoinWeights is a logistic model over JoinFeatures: the probability
// that the new article tells the best earlier article's story.
type JoinWeights struct {
	Bias float64
	W    [joinFeatureCount]float64
}

// Probability returns the model's probability of a join with features f.
func (w JoinWeights) Probability(f JoinFeatures) float64 {
	z := w.Bias
	for k, x := range f {
		z += w.W[k] * x
	}
	return 1 / (1 + math.Exp(-z))
}

// sharedSet is the new article's looked-up words (their slots in
// Clusters.words) with their weights, as a small open-addressing table,
// for measuring what it shares with one earlier article.
type sharedSet struct {
	slots [2 * sharedSetSize]int32 // slot+1, 0 for empty
	w     [2 * sharedSetSize]float32
	mark  [2 * sharedSetSize]bool
}

const sharedSetSize = 128 // at least queryWords, a power of two

// reset empties the set.
func (s *sharedSet) reset() {
	clear(s.slots[:])
	clear(s.mark[:])
}

// add puts word slot sl with weight w in the set.
func (s *sharedSet) add(sl int32, w float32) {
	const mask = 2*sharedSetSize - 1
	for i := uint32(sl) * 2654435761 >> 24 & mask; ; i = (i + 1) & mask {
		if s.slots[i] == 0 {
			s.slots[i], s.w[i] = sl+1, w
			return
		}
		if s.slots[i] == sl+1 {
			return
		}
	}
}

// find returns the index of word slot sl in the set, or -1.
func (s *sharedSet) find(sl int32) int {
	const mask = 2*sharedSetSize - 1
	for i := uint32(sl) * 2654435761 >> 24 & mask; ; i = (i + 1) & mask {
		switch s.slots[i] {
		case 0:
			return -1
		case sl + 1:
			return int(i)
		}
	}
}

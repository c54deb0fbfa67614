package fingerprint

import (
	"encoding/binary"
	"math/bits"
	"strings"
	"sync"

	"github.com/cespare/xxhash/v2"

	"github.com/wiretrace/wiretrace/article"
)

// Parameters of the signature and of the LSH banding.
//
// ShingleSize 5: word 5-grams are the usual unit of near-duplicate
// detection for prose; shorter shingles make unrelated news stories on the
// same topic look alike through stock phrases ("said in a statement").
//
// Bands×Rows = 20×2: the probability that a pair with shingle Jaccard s
// shares a band is 1-(1-s²)^20, which is 0.997 at s=0.5, 0.969 at s=0.4
// and 0.18 at s=0.1, so edited copies from Jaccard 0.5 upward are found
// with recall above the 0.95 we require even after the MinHash sampling
// error, while only 20 postings per article keep the ingest fast. Wider
// bands (3 rows) would need 42 bands, twice the postings, for the same
// recall at 0.5. The candidates are checked against the full 128-value
// signature, so the looser bands cost a little lookup time, not precision.
const (
	ShingleSize = 5
	NumHashes   = 128
	Bands       = 20
	Rows        = 2
)

// Fingerprint is what the index stores for one article.
type Fingerprint struct {
	// Signature is the MinHash signature of the article's word shingles;
	// nil for an article without words.
	Signature []uint32
	// Bands are the LSH band keys of Signature.
	Bands []uint64
	// Terms are the article's most distinctive terms, best first,
	// followed by the pairs of its Options.Pairs best terms, each written
	// "a b" with a < b (see PairTerm).
	Terms []string
	// Words is the number of words of the body.
	Words int
	// Vocabulary holds the xxhash of the VocabularyKey of each distinct
	// content word (three letters or more, not a stop word) and numeral of
	// the title and body, in no order, a key repeated when words share
	// their first VocabularyRunes letters (a story clusterer counts each
	// once; sorting them to drop the repeats was 2 % of an ingest): what
	// it compares without tokenizing the article again. Nil unless
	// Options.Vocabulary asks for it.
	Vocabulary []uint64
}

// Options tunes Of. The zero value is ready to use.
type Options struct {
	// MaxTerms is how many terms to keep; 0 means DefaultTerms.
	MaxTerms int
	// Pairs is how many of the best terms are paired; 0 means
	// DefaultPairs, a negative value none.
	Pairs int
	// Vocabulary makes Of fill Fingerprint.Vocabulary. It costs a tenth
	// of Of's time, which an ingest without a story clusterer saves.
	Vocabulary bool
}

// DefaultTerms is how many terms Of keeps by default for indexing: enough
// that a paraphrase keeping a third of its source's names and rare words
// still shares several of them, few enough that postings stay a small
// part of the store. Queries ask for QueryTerms, a superset under the same
// ranking, so that an indexed article's terms are found even when the
// rewrite ranks them lower.
const (
	DefaultTerms = 24
	QueryTerms   = 64
)

// DefaultPairs and QueryPairs set how many of the best terms are paired
// (6 give 15 pairs; 12 give 66). A pair of names or figures ("marsh
// kovac", "okafor 2026") is far rarer than either alone, so its posting
// list stays short in a corpus where each single name is too common to be
// read (index ignores terms held by more than a few hundred articles); a
// rewrite keeps its source's names and figures together, so it keeps the
// pairs. In the 1,000,000-article benchmark, singles alone found the
// original of only 37% of synthetic rewrites among the first 10
// candidates. The query pairs more terms than the index, because a
// rewrite's ranking of terms shifts.
const (
	DefaultPairs = 6
	QueryPairs   = 12
)

// PairTerm returns the term that stands for the pair of terms a and b.
// Single terms never hold a space, so pairs and single terms never meet.
func PairTerm(a, b string) string {
	if b < a {
		a, b = b, a
	}
	return a + " " + b
}

// IsPair reports whether a term of Fingerprint.Terms is a pair.
func IsPair(term string) bool { return strings.IndexByte(term, ' ') >= 0 }

// Of fingerprints an article: its title and paragraphs. It tokenizes the
// text once.
func Of(a *article.Article, opts Options) Fingerprint {
	max := opts.MaxTerms
	if max <= 0 {
		max = DefaultTerms
	}
	b := buffers.Get().(*ofBuffers)
	defer buffers.Put(b)
	b.reset()
	tc := &b.tc
	scan(a.Title, func(t token) { tc.add(t, xxhash.Sum64String(t.lower), true) })
	for _, p := range a.Paragraphs {
		scan(p, func(t token) {
			h := xxhash.Sum64String(t.lower)
			b.wh = append(b.wh, h)
			tc.add(t, h, false)
		})
	}
	fp := Fingerprint{Words: len(b.wh), Terms: tc.top(max)}
	if opts.Vocabulary {
		fp.Vocabulary = make([]uint64, len(tc.keys))
		for i, k := range tc.keys {
			// A key that is its own vocabulary key (six letters or
			// fewer) has its hash already.
			if vk := VocabularyKey(k); len(vk) < len(k) {
				fp.Vocabulary[i] = xxhash.Sum64String(vk)
			} else {
				fp.Vocabulary[i] = tc.hashes[i]
			}
		}
	}
	pairs := opts.Pairs
	if pairs == 0 {
		pairs = DefaultPairs
	}
	top := fp.Terms[:min(max0(pairs), len(fp.Terms))]
	for i := range top {
		for j := i + 1; j < len(top); j++ {
			fp.Terms = append(fp.Terms, PairTerm(top[i], top[j]))
		}
	}
	b.sh = shinglesOf(b.wh, b.sh)
	fp.Signature = Signature(b.sh)
	fp.Bands = BandKeys(fp.Signature)
	return fp
}

// VocabularyRunes is how many leading letters of a lower-cased word stand
// for it in a Vocabulary: truncation is a cheap stemmer ("reported" and
// "reports" meet at "report") that serves story matching about as well as
// Snowball without its cost on every distinct word of an article (on the
// fit part of the story-clustering set, whole words clustered with an ARI
// of 0.72, six letters 0.76).
const VocabularyRunes = 6

// VocabularyKey returns the key of a lower-cased word or numeral in a
// Vocabulary: its first VocabularyRunes letters.
func VocabularyKey(low string) string {
	if len(low) <= VocabularyRunes {
		return low
	}
	n := 0
	for i := range low {
		if n == VocabularyRunes {
			return low[:i]
		}
		n++
	}
	return low
}

// ofBuffers are the scratch space of one Of call, pooled: an ingest
// fingerprints thousands of articles a second and their garbage was a
// fifth of its CPU time.
type ofBuffers struct {
	wh, sh []uint64
	tc     termCounter
}

func (b *ofBuffers) reset() {
	b.wh, b.sh = b.wh[:0], b.sh[:0]
	b.tc.reset()
}

var buffers = sync.Pool{New: func() any { return new(ofBuffers) }}

// Shingles returns the hashes of the word ShingleSize-grams of words, in
// order, repeats included. A text shorter than ShingleSize words is one
// shingle; no words give none.
func Shingles(words []string) []uint64 {
	if len(words) == 0 {
		return nil
	}
	wh := make([]uint64, len(words))
	for i, w := range words {
		wh[i] = xxhash.Sum64String(w)
	}
	return shinglesOf(wh, nil)
}

// BodyShingles returns the shingle hashes of a's paragraphs, in order,
// over their first words words (all of them when words <= 0): the
// shingles Of makes a's signature of, to compare two articles' texts
// stretch by stretch. With a limit, the text past it is not scanned: a
// paragraph is cut where the words left could at most reach
// (maxWordBytes each).
func BodyShingles(a *article.Article, words int) []uint64 {
	var wh []uint64
	for _, p := range a.Paragraphs {
		if words > 0 {
			left := words - len(wh)
			if left <= 0 {
				break
			}
			if cut := left * maxWordBytes; len(p) > cut {
				if i := strings.LastIndexByte(p[:cut], ' '); i > 0 {
					cut = i
				}
				p = p[:cut]
			}
		}
		scan(p, func(t token) {
			if words <= 0 || len(wh) < words {
				wh = append(wh, xxhash.Sum64String(t.lower))
			}
		})
	}
	return shinglesOf(wh, nil)
}

// maxWordBytes bounds the bytes one word takes with the spaces and
// punctuation around it, for BodyShingles's cut: generous, so that a cut
// never falls short of the words asked for in prose.
const maxWordBytes = 64

// shinglesOf appends to out the shingle hashes of the word hashes wh.
func shinglesOf(wh, out []uint64) []uint64 {
	if len(wh) == 0 {
		return out
	}
	k := min(ShingleSize, len(wh))
	for i := 0; i+k <= len(wh); i++ {
		// An order-sensitive combination of the word hashes: the
		// rotations keep "a b" and "b a" apart, the final mix spreads
		// the bits for the permutations below.
		var h uint64
		for j := 0; j < k; j++ {
			h = bits.RotateLeft64(h, 13) ^ wh[i+j]
			h *= 0x9E3779B97F4A7C15
		}
		out = append(out, mix64(h))
	}
	return out
}

// mix64 is the SplitMix64 finaliser.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xBF58476D1CE4E5B9
	x ^= x >> 27
	x *= 0x94D049BB133111EB
	x ^= x >> 31
	return x
}

// Signature returns the MinHash signature of a set of shingle hashes
// (repeats do not matter), by one-permutation hashing with optimal
// densification (Shrivastava, ICML 2017): each shingle's hash picks one of
// NumHashes bins by its high bits and competes for the bin's minimum with
// its low bits; a bin no shingle fell in borrows the value of the first
// non-empty bin along its own pseudo-random probe sequence. Two sets
// agree on a position with probability equal to their Jaccard similarity,
// as with NumHashes independent permutations, at the cost of one hash per
// shingle instead of NumHashes (the permutation loop was a third of the
// ingest's CPU time). It returns nil for no shingles.
func Signature(shingles []uint64) []uint32 {
	if len(shingles) == 0 {
		return nil
	}
	const empty = ^uint32(0)
	var mins [NumHashes]uint32
	for i := range mins {
		mins[i] = empty
	}
	for _, x := range shingles {
		// Shingles are already mixed hashes; remix with a fixed key so
		// that a signature does not depend on how shingles were hashed.
		h := mix64(x ^ 0x5EEDF1A9E2B10001)
		bin := h >> (64 - 7) // NumHashes = 128 = 2^7 bins
		// The bin's competing value: 32 bits below the bin bits. The
		// value empty itself is avoided so it can mark empty bins.
		v := uint32(h>>16) & (empty - 1)
		if v < mins[bin] {
			mins[bin] = v
		}
	}
	out := make([]uint32, NumHashes)
	for i := range mins {
		if mins[i] != empty {
			out[i] = mins[i]
			continue
		}
		// Optimal densification: probe bins with a hash of (bin, attempt)
		// until one is non-empty. There is at least one.
		for attempt := uint64(1); ; attempt++ {
			j := mix64(uint64(i)<<32|attempt) % NumHashes
			if mins[j] != empty {
				out[i] = mins[j]
				break
			}
		}
	}
	return out
}

// BandKeys returns the Bands LSH keys of sig: band i hashes i and the
// Rows values of sig from i·Rows on. Keys of different bands never
// collide by construction of the hash input. It returns nil for a
// signature shorter than Bands·Rows.
func BandKeys(sig []uint32) []uint64 {
	if len(sig) < Bands*Rows {
		return nil
	}
	keys := make([]uint64, Bands)
	var buf [4 + 4*Rows]byte
	for i := range Bands {
		binary.LittleEndian.PutUint32(buf[:], uint32(i))
		for r := range Rows {
			binary.LittleEndian.PutUint32(buf[4+4*r:], sig[i*Rows+r])
		}
		keys[i] = xxhash.Sum64(buf[:])
	}
	return keys
}

// Similarity estimates the shingle Jaccard similarity of the two texts
// behind signatures a and b: the share of positions where they agree. It
// is 0 when either is empty or their lengths differ.
func Similarity(a, b []uint32) float64 {
	if len(a) == 0 || len(a) != len(b) {
		return 0
	}
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		}
	}
	return float64(same) / float64(len(a))
}

// Jaccard returns the exact Jaccard similarity of two shingle multisets
// taken as sets; 0 when both are empty.
func Jaccard(a, b []uint64) float64 {
	sa := make(map[uint64]struct{}, len(a))
	for _, x := range a {
		sa[x] = struct{}{}
	}
	sb := make(map[uint64]struct{}, len(b))
	inter := 0
	for _, x := range b {
		if _, dup := sb[x]; dup {
			continue
		}
		sb[x] = struct{}{}
		if _, ok := sa[x]; ok {
			inter++
		}
	}
	union := len(sa) + len(sb) - inter
	if union == 0 {
		return 0
	}
	return float64(inter) / float64(union)
}

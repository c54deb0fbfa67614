// Package benchindex generates a synthetic news corpus and measures an
// index over it: ingest rate, trace latency, store size and peak memory.
// `wiretrace bench index` runs it against Pebble or Redis; tests run a
// small version of it as a smoke test.
package benchindex

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"

	"github.com/wiretrace/wiretrace/article"
)

// Kind says how a corpus article was made.
type Kind string

// Kinds of corpus articles.
const (
	Original Kind = "original"
	Copy     Kind = "copy"    // verbatim on another site
	Edited   Kind = "edited"  // a few words changed, cut or added
	Rewrite  Kind = "rewrite" // reworded sentence by sentence, names and numbers kept
)

// Corpus is a deterministic synthetic news corpus: article i is the same
// for the same Seed on every run and machine. Its vocabulary follows a
// Zipf law, as word frequencies do in real text, so that common words
// make the posting lists long and rare ones make them short as in news.
// FamilyRate of the articles derive from an earlier one (copy, edited or
// rewrite, in equal shares).
type Corpus struct {
	Seed uint64
	// FamilyRate is the share of derived articles; 0 means 0.05.
	FamilyRate float64
}

// Vocabulary sizes. 60,000 words and 8,000 names: the working vocabulary
// of a year of English news is of that order once rare forms are cut.
const (
	vocabSize = 60000
	nameCount = 8000
	// zipfS is the Zipf exponent of word frequencies; about 1.1 fits
	// English text.
	zipfS = 1.1
)

var vocab, synonym, names = buildVocab()

// buildVocab makes pronounceable words from syllables, fixed for all
// seeds, and a synonym for each (another word of similar rank) that the
// rewrite family uses.
func buildVocab() (words, syn, names []string) {
	r := rand.New(rand.NewPCG(0x70CAB, 1))
	cons := []string{"b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z", "br", "st", "tr", "ch", "sh", "pl", "gr"}
	vows := []string{"a", "e", "i", "o", "u", "ai", "ea", "ou", "io"}
	seen := map[string]bool{}
	word := func(minSyl, maxSyl int) string {
		for {
			var b strings.Builder
			n := minSyl + r.IntN(maxSyl-minSyl+1)
			for range n {
				b.WriteString(cons[r.IntN(len(cons))])
				b.WriteString(vows[r.IntN(len(vows))])
			}
			if r.IntN(2) == 0 {
				b.WriteString(cons[r.IntN(len(cons))])
			}
			if w := b.String(); !seen[w] {
				seen[w] = true
				return w
			}
		}
	}
	words = make([]string, vocabSize)
	for i := range words {
		// Frequent words are short (Zipf's law of abbreviation).
		switch {
		case i < 200:
			words[i] = word(1, 1)
		case i < 5000:
			words[i] = word(1, 2)
		default:
			words[i] = word(2, 4)
		}
	}
	syn = make([]string, vocabSize)
	for i := range syn {
		j := i + 1 + r.IntN(20)
		if i < 200 {
			j = i // function words stay
		}
		syn[i] = words[min(j, vocabSize-1)]
	}
	names = make([]string, nameCount)
	for i := range names {
		w := word(2, 3)
		names[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return words, syn, names
}

// Article returns article i and how it was made: for a derived article,
// the index of its original (else -1).
func (c Corpus) Article(i int) (a *article.Article, kind Kind, of int) {
	r := c.rng(i)
	if i > 0 && r.Float64() < c.familyRate() {
		of = r.IntN(i)
		orig, okind, oof := c.Article(of)
		if okind != Original {
			of = oof // derive from the family's original
			orig, _, _ = c.Article(of)
		}
		switch r.IntN(3) {
		case 0:
			kind = Copy
			a = copyOf(orig)
		case 1:
			kind = Edited
			a = edit(r, orig)
		default:
			kind = Rewrite
			a = rewrite(r, orig)
		}
		a.URL = fmt.Sprintf("https://site%d.example/news/%d", r.IntN(500), i)
		a.Site = fmt.Sprintf("site%d.example", r.IntN(500))
		a.Published = date(i)
		return a, kind, of
	}
	return c.original(r, i), Original, -1
}

// familyRate is FamilyRate, or its default.
func (c Corpus) familyRate() float64 { return cmp.Or(c.FamilyRate, 0.05) }

func (c Corpus) rng(i int) *rand.Rand {
	return rand.New(rand.NewPCG(c.Seed, uint64(i)*0x9E3779B97F4A7C15+1))
}

// date spreads the corpus over a year in index order, so that an original
// is never published after what derives from it.
func date(i int) string {
	day := i / 3000
	return fmt.Sprintf("2025-%02d-%02dT%02d:%02d:00Z", 1+(day/28)%12, 1+day%28, (i/120)%24, i%60)
}

func (c Corpus) original(r *rand.Rand, i int) *article.Article {
	z := sampler{r, wordCDF}
	zn := sampler{r, nameCDF}
	// A story has a cast: a few names it repeats.
	cast := make([]string, 2+r.IntN(4))
	for j := range cast {
		cast[j] = names[zn.Uint64()]
	}
	target := 300 + r.IntN(501)
	words := 0
	var paras []string
	var b strings.Builder
	for words < target {
		b.Reset()
		sentences := 1 + r.IntN(3)
		for s := 0; s < sentences && words < target; s++ {
			n := 10 + r.IntN(20)
			for k := range n {
				if k > 0 {
					b.WriteByte(' ')
				}
				var w string
				switch x := r.IntN(100); {
				case x < 6:
					w = cast[r.IntN(len(cast))]
				case x < 8:
					w = strconv.Itoa(2 + r.IntN(5000))
				default:
					w = vocab[z.Uint64()]
				}
				if k == 0 {
					w = strings.ToUpper(w[:1]) + w[1:]
				}
				b.WriteString(w)
			}
			b.WriteString(". ")
			words += n
		}
		paras = append(paras, strings.TrimSpace(b.String()))
	}
	title := make([]string, 6+r.IntN(5))
	for j := range title {
		title[j] = vocab[z.Uint64()]
	}
	title[0] = cast[0]
	return &article.Article{
		URL:        fmt.Sprintf("https://site%d.example/news/%d", r.IntN(500), i),
		Site:       fmt.Sprintf("site%d.example", r.IntN(500)),
		Title:      strings.Join(title, " "),
		Published:  date(i),
		Credit:     "Wire Agency",
		Paragraphs: paras,
	}
}

func copyOf(a *article.Article) *article.Article {
	b := *a
	b.Paragraphs = append([]string(nil), a.Paragraphs...)
	return &b
}

// edit changes one word in 13 to 82 (replace, drop or insert). Each
// change breaks the 5 shingles over it, so the shingles kept are about
// (1-1/every)^5, a Jaccard of 0.5 to 0.9 with the original.
func edit(r *rand.Rand, a *article.Article) *article.Article {
	b := copyOf(a)
	every := 13 + r.IntN(70)
	for i, p := range b.Paragraphs {
		ws := strings.Fields(p)
		out := make([]string, 0, len(ws)+4)
		for _, w := range ws {
			if r.IntN(every) == 0 {
				switch r.IntN(3) {
				case 0:
					out = append(out, vocab[r.IntN(vocabSize)])
				case 1:
				default:
					out = append(out, w, vocab[r.IntN(vocabSize)])
				}
				continue
			}
			out = append(out, w)
		}
		b.Paragraphs[i] = strings.Join(out, " ")
	}
	b.Credit = ""
	return b
}

// rewrite rewords the article the way a paraphrasing model does: most
// words replaced by a synonym, names and numbers kept, sentences of a
// paragraph reordered, padding sentences added, no credit.
func rewrite(r *rand.Rand, a *article.Article) *article.Article {
	b := copyOf(a)
	rank := rankIndex
	for i, p := range b.Paragraphs {
		sents := strings.Split(p, ". ")
		r.Shuffle(len(sents), func(x, y int) { sents[x], sents[y] = sents[y], sents[x] })
		for s, sent := range sents {
			ws := strings.Fields(strings.TrimSuffix(sent, "."))
			for k, w := range ws {
				lw := strings.ToLower(w)
				if j, ok := rank[lw]; ok && r.IntN(10) < 8 {
					ws[k] = synonym[j]
				}
			}
			sents[s] = strings.Join(ws, " ")
		}
		b.Paragraphs[i] = strings.Join(sents, ". ") + "."
	}
	pad := make([]string, 12)
	for j := range pad {
		pad[j] = vocab[r.IntN(2000)]
	}
	b.Paragraphs = append(b.Paragraphs, strings.Join(pad, " ")+".")
	b.Credit = ""
	return b
}

// wordCDF and nameCDF are the cumulative Zipf distributions of the word
// and name ranks: rank k has weight (k+1)^-zipfS. Sampling by binary
// search over them is five times faster than rand.Zipf, which mattered
// because generating the corpus competes with the ingest it feeds.
var wordCDF, nameCDF = zipfCDF(vocabSize), zipfCDF(nameCount)

// guideSize is the number of buckets of a cdf's guide table, which
// narrows each binary search to the ranks of one bucket.
const guideSize = 1 << 12

type cdf struct {
	p     []float64
	guide [guideSize + 1]int
}

func zipfCDF(n int) *cdf {
	c := &cdf{p: make([]float64, n)}
	cdf := c.p
	sum := 0.0
	for k := range cdf {
		sum += math.Pow(float64(k+1), -zipfS)
		cdf[k] = sum
	}
	for k := range cdf {
		cdf[k] /= sum
	}
	for b := range c.guide {
		c.guide[b], _ = slices.BinarySearch(cdf, float64(b)/guideSize)
	}
	return c
}

type sampler struct {
	r   *rand.Rand
	cdf *cdf
}

// Uint64 returns a rank drawn from the distribution.
func (s sampler) Uint64() uint64 {
	u := s.r.Float64()
	b := int(u * guideSize)
	lo, hi := s.cdf.guide[b], min(s.cdf.guide[b+1]+1, len(s.cdf.p))
	i, _ := slices.BinarySearch(s.cdf.p[lo:hi], u)
	return uint64(min(lo+i, len(s.cdf.p)-1))
}

// rankIndex maps each vocabulary word to its rank.
var rankIndex = func() map[string]int {
	m := make(map[string]int, vocabSize)
	for i, w := range vocab {
		m[w] = i
	}
	return m
}()

// Query returns the j-th trace query against a corpus of which the first
// n articles are indexed: half of the queries derive from an indexed
// original (a copy, an edited copy or a rewrite, as in the corpus), the
// others are new stories. of is the original's index, or -1.
func (c Corpus) Query(j, n int) (a *article.Article, kind Kind, of int) {
	r := rand.New(rand.NewPCG(c.Seed^0x0E4E5, uint64(j)*0x9E3779B97F4A7C15+7))
	if n > 0 && r.IntN(2) == 0 {
		of = r.IntN(n)
		orig, okind, oof := c.Article(of)
		if okind != Original {
			of = oof
			orig, _, _ = c.Article(of)
		}
		switch r.IntN(3) {
		case 0:
			kind, a = Copy, copyOf(orig)
		case 1:
			kind, a = Edited, edit(r, orig)
		default:
			kind, a = Rewrite, rewrite(r, orig)
		}
		a.URL = fmt.Sprintf("https://query%d.example/news/%d", r.IntN(500), j)
		a.Site = "query.example"
		return a, kind, of
	}
	a = c.original(r, n+j)
	a.URL = fmt.Sprintf("https://query%d.example/news/%d", r.IntN(500), j)
	return a, Original, -1
}

// Together is how many derived articles of one kind a clustering put in
// their original's cluster (In) of how many were looked at (Of).
type Together struct {
	Kind   Kind
	In, Of int
}

// FamiliesTogether looks at about samples derived articles spread evenly over
// the corpus's first n (all of them when there are fewer) and reports, by
// kind, how many a clustering put in their original's cluster:
// together(id, original's id) says whether it did.
func (c Corpus) FamiliesTogether(n, samples int, together func(id, orig string) bool) []Together {
	out := []Together{{Kind: Copy}, {Kind: Edited}, {Kind: Rewrite}}
	step := 1
	if samples > 0 {
		step = max(1, int(float64(n)*c.familyRate()/float64(samples)))
	}
	for i := 1; i < n; i += step {
		a, kind, of := c.Article(i)
		if kind == Original {
			continue
		}
		orig, _, _ := c.Article(of)
		for k := range out {
			if out[k].Kind == kind {
				out[k].Of++
				if together(a.ID(), orig.ID()) {
					out[k].In++
				}
			}
		}
	}
	return out
}

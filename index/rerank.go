package index

import (
	"context"
	"errors"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/cespare/xxhash/v2"

	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/fingerprint"
	"github.com/wiretrace/wiretrace/store"
	"github.com/wiretrace/wiretrace/textproc"
)

// vocabulary appends to into the distinct content words and numerals of
// a, each as the hash of its key, sorted: stop words and words under
// three letters dropped, words cut to their fingerprint.VocabularyKey
// (truncation is a cheap stemmer that serves retrieval about as well as
// Snowball: an inflected "reported" and "reports" meet at "report",
// without Snowball's cost on every word of thirty articles), numerals
// without their thousands separators.
func vocabulary(a *article.Article, into []uint64) []uint64 {
	add := func(text string) {
		textproc.Scan(text, func(_, low string, kind textproc.TokenKind) {
			switch kind {
			case textproc.Numeral:
				if strings.IndexByte(low, ',') >= 0 {
					low = strings.ReplaceAll(low, ",", "")
				}
				if len(low) < 2 {
					return
				}
			case textproc.Word:
				if len(low) < 3 || textproc.IsStop(low) {
					return
				}
				low = fingerprint.VocabularyKey(low)
			default:
				return
			}
			into = append(into, xxhash.Sum64String(low))
		})
	}
	add(a.Title)
	for _, p := range a.Paragraphs {
		add(p)
	}
	slices.Sort(into)
	return slices.Compact(into)
}

// support scores each candidate by the cosine of its vocabulary with the
// query's, each word weighted by its rarity among the candidates and the
// query themselves (BM25's IDF over them). A word that most candidates
// hold is the topic that retrieved them all ("coronavirus" among thirty
// outbreak stories) and tells them apart no better than a stop word,
// while the names, figures and rare words a rewrite kept from its source
// are held by the source and few others. Unlike the postings, which hold
// two dozen terms of each article, it sees every word of both sides; the
// cosine's norm keeps a long page that holds many words by its length
// alone from outranking the source. Vocabularies are sorted (see
// vocabulary), which makes the sums, and so the ranking of ties, the same
// on every run.
func support(query []uint64, cands [][]uint64) []float64 {
	m := float64(len(cands) + 1)
	df := make(map[uint64]int32, 4*len(query))
	for _, w := range query {
		df[w]++
	}
	for _, c := range cands {
		for _, w := range c {
			df[w]++
		}
	}
	idf := func(w uint64) float64 {
		d := float64(df[w])
		return math.Log(1 + (m-d+0.5)/(d+0.5))
	}
	qn := 0.0
	for _, w := range query {
		x := idf(w)
		qn += x * x
	}
	out := make([]float64, len(cands))
	if qn == 0 {
		return out
	}
	for i, c := range cands {
		dot, cn := 0.0, 0.0
		k := 0
		for _, w := range c {
			x := idf(w)
			cn += x * x
			for k < len(query) && query[k] < w {
				k++
			}
			if k < len(query) && query[k] == w {
				dot += x * x
			}
		}
		if cn > 0 {
			out[i] = dot / math.Sqrt(qn*cn)
		}
	}
	return out
}

// Weights of the final candidate score, chosen on the fit part of the
// llm-rewrites set traced among all its originals and 850 distractor
// pages (wiretrace eval rewrites-trace; original as the first candidate,
// fit part): support alone 0.906; support + 2·similarity + 0.5·term score
// 0.937 (0.25: 0.937, 1.0: 0.927); the first-stage score alone 0.887.
// Shingle similarity keeps its weight of the first stage: a shared
// 5-gram run is the strongest evidence of reuse.
const (
	weightSimilarity = 2
	weightTerms      = 0.5
)

// rerankScore is the final score of a candidate, in [0, 1].
func rerankScore(c Candidate) float64 {
	return (c.Support + weightSimilarity*c.Similarity + weightTerms*c.TermScore) / (1 + weightSimilarity + weightTerms)
}

// rerankWorkers is how many goroutines of one query read and tokenize
// candidates at most: the thirty articles were two thirds of a query's
// time, and a query alone on a machine leaves its other cores idle.
const rerankWorkers = 4

// rerank reads the articles of cands and ranks them again by the share of
// the query's vocabulary each holds (support) and their shingle
// similarity.
func (ix *Index) rerank(ctx context.Context, a *article.Article, cands []Candidate) ([]Candidate, error) {
	if len(cands) == 0 {
		return cands, nil
	}
	vocabs := make([][]uint64, len(cands))
	workers := min(runtime.GOMAXPROCS(0), rerankWorkers, len(cands))
	errs := make([]error, workers)
	var next atomic.Int32
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= len(cands) {
					return
				}
				e, err := ix.Get(ctx, cands[i].ID)
				if errors.Is(err, store.ErrNotFound) {
					continue // deleted since the posting was read
				}
				if err != nil {
					errs[w] = err
					return
				}
				vocabs[i] = vocabulary(e.Article, make([]uint64, 0, 512))
			}
		}()
	}
	query := vocabulary(a, make([]uint64, 0, 512))
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	kept := cands[:0]
	found := vocabs[:0]
	for i, v := range vocabs {
		if v != nil {
			kept = append(kept, cands[i])
			found = append(found, v)
		}
	}
	sup := support(query, found)
	for i := range kept {
		kept[i].Support = sup[i]
		kept[i].Score = rerankScore(kept[i])
	}
	sortCandidates(kept)
	return kept, nil
}

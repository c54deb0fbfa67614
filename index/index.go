package index

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/fingerprint"
	"github.com/wiretrace/wiretrace/store"
)

// Index is a corpus of articles in a store, and the only door to it:
// every read and write of stored articles goes through its methods. It is
// safe for concurrent use; it does not own the store, which the caller
// closes.
type Index struct {
	st store.Store
	// addMu makes AddIfAbsent's check and write one step.
	addMu sync.Mutex
	// common holds the keys Candidates need not read.
	common commonKeys
}

// New returns an Index over st.
func New(st store.Store) *Index { return &Index{st: st} }

// ErrNoWords is returned for an article without a word to index.
var ErrNoWords = errors.New("the article has no words to index")

// Document builds the stored form of an article: its JSON, meta and
// fingerprint. It returns ok false for an article without any word.
func Document(a *article.Article, meta map[string]string) (store.Document, bool, error) {
	d, _, ok, err := document(a, meta, "", false)
	return d, ok, err
}

// document is Document with the article's id when the caller has it
// already (Ingest's existence check computes it), empty otherwise; it
// returns the posted fingerprint too (for Options.OnIndexed), with its
// vocabulary when vocab asks for it.
func document(a *article.Article, meta map[string]string, id string, vocab bool) (store.Document, Fingerprint, bool, error) {
	fp := fingerprint.Of(a, fingerprint.Options{Vocabulary: vocab})
	if fp.Words == 0 {
		return store.Document{}, Fingerprint{}, false, nil
	}
	js, err := json.Marshal(a)
	if err != nil {
		return store.Document{}, Fingerprint{}, false, fmt.Errorf("encode article %q: %w", a.Title, err)
	}
	if id == "" {
		id = a.ID()
	}
	return store.Document{
		ID:        id,
		Article:   js,
		Meta:      meta,
		Signature: fp.Signature,
		Bands:     fp.Bands,
		Terms:     fp.Terms,
	}, Fingerprint{Bands: fp.Bands, Terms: fp.Terms, Vocabulary: fp.Vocabulary}, true, nil
}

// Add indexes articles synchronously and returns their ids, in order; an
// article without words gets the empty id and is not stored. Adding an
// article stored already rewrites the same document. It suits a handful
// of articles; Ingest streams a corpus.
func (ix *Index) Add(ctx context.Context, arts ...*article.Article) ([]string, error) {
	ids := make([]string, len(arts))
	docs := make([]store.Document, 0, len(arts))
	for i, a := range arts {
		d, ok, err := Document(a, nil)
		if err != nil {
			return nil, err
		}
		if ok {
			ids[i] = d.ID
			docs = append(docs, d)
		}
	}
	if err := ix.st.Put(ctx, docs); err != nil {
		return nil, fmt.Errorf("index %d articles: %w", len(docs), err)
	}
	return ids, nil
}

// AddIfAbsent stores a with meta unless an article with its id is stored
// already, and reports its id and whether it was added. Concurrent calls
// for one article add it once. The error is ErrNoWords for an article
// without words.
func (ix *Index) AddIfAbsent(ctx context.Context, a *article.Article, meta map[string]string) (id string, added bool, err error) {
	d, ok, err := Document(a, meta)
	if err != nil {
		return "", false, err
	}
	if !ok {
		return "", false, ErrNoWords
	}
	ix.addMu.Lock()
	defer ix.addMu.Unlock()
	there, err := ix.Exists(ctx, d.ID)
	if err != nil || there {
		return d.ID, false, err
	}
	if err := ix.st.Put(ctx, []store.Document{d}); err != nil {
		return d.ID, false, fmt.Errorf("store article %s: %w", d.ID, err)
	}
	return d.ID, true, nil
}

// Delete removes the articles with ids from the index; unknown ids are
// ignored.
func (ix *Index) Delete(ctx context.Context, ids ...string) error {
	// Forgotten before and after: a query that starts between the two
	// may learn a key from lists not yet shortened.
	ix.common.reset()
	defer ix.common.reset()
	if err := ix.st.Delete(ctx, ids); err != nil {
		return fmt.Errorf("delete %d articles: %w", len(ids), err)
	}
	return nil
}

// Exists reports whether an article with id is stored.
func (ix *Index) Exists(ctx context.Context, id string) (bool, error) {
	ex, err := ix.st.Exists(ctx, []string{id})
	if err != nil {
		return false, fmt.Errorf("check article %s: %w", id, err)
	}
	return ex[0], nil
}

// Count returns how many articles are stored.
func (ix *Index) Count(ctx context.Context) (int64, error) {
	n, err := ix.st.Count(ctx)
	if err != nil {
		return 0, fmt.Errorf("count articles: %w", err)
	}
	return n, nil
}

// ErrStop, returned by the function given to Each, ends the walk early
// without an error.
var ErrStop = errors.New("stop")

// Each calls fn with the id of every stored article, in id order, until fn
// returns an error; ErrStop ends the walk without one.
func (ix *Index) Each(ctx context.Context, fn func(id string) error) error {
	err := ix.st.Scan(ctx, fn)
	if err != nil && !errors.Is(err, ErrStop) {
		return fmt.Errorf("list articles: %w", err)
	}
	return nil
}

// Fingerprint is the part of an article's fingerprint that the index
// posts — its LSH band keys and its rare, entity and pair terms
// (fingerprint.Of with the index's options) — and its vocabulary, which a
// story clusterer compares (fingerprint.Fingerprint.Vocabulary).
type Fingerprint struct {
	Bands      []uint64
	Terms      []string
	Vocabulary []uint64
}

// FingerprintOf returns the fingerprint of a, as Add and Ingest make it.
func FingerprintOf(a *article.Article) Fingerprint {
	fp := fingerprint.Of(a, fingerprint.Options{Vocabulary: true})
	return Fingerprint{Bands: fp.Bands, Terms: fp.Terms, Vocabulary: fp.Vocabulary}
}

// Shingles returns the hashes of a's body's word shingles, in order,
// over its first words words: those its band keys (Fingerprint.Bands)
// are made of (fingerprint.BodyShingles).
func Shingles(a *article.Article, words int) []uint64 {
	return fingerprint.BodyShingles(a, words)
}

// ErrNotFound is the error (wrapped) of Get and Article for an id the
// index does not hold.
var ErrNotFound = store.ErrNotFound

// Entry is one indexed article.
type Entry struct {
	ID      string
	Article *article.Article
	Meta    map[string]string
}

// Get returns the indexed article with id; the error wraps
// store.ErrNotFound when there is none.
func (ix *Index) Get(ctx context.Context, id string) (Entry, error) {
	d, err := ix.st.Get(ctx, id)
	if err != nil {
		return Entry{}, err
	}
	var a article.Article
	if err := json.Unmarshal(d.Article, &a); err != nil {
		return Entry{}, fmt.Errorf("decode stored article %s: %w", id, err)
	}
	return Entry{ID: id, Article: &a, Meta: d.Meta}, nil
}

// Article returns the indexed article with id, as Get without its meta.
func (ix *Index) Article(ctx context.Context, id string) (*article.Article, error) {
	e, err := ix.Get(ctx, id)
	return e.Article, err
}

// Related returns the ids of the stored articles most likely related to a,
// at most k, best first, with their Candidate scores; exclude is never
// returned. It is Candidates in the shape package trace's Corpus asks for.
func (ix *Index) Related(ctx context.Context, a *article.Article, k int, exclude string) (iter.Seq2[string, float64], error) {
	cands, err := ix.Candidates(ctx, a, QueryOptions{K: k, Exclude: []string{exclude}})
	if err != nil {
		return nil, err
	}
	return func(yield func(string, float64) bool) {
		for _, c := range cands {
			if !yield(c.ID, c.Score) {
				return
			}
		}
	}, nil
}

// Candidate is a stored article retrieved for a query, with the evidence
// that retrieved it.
type Candidate struct {
	ID string
	// Score ranks candidates, in [0, 1]: Support, twice Similarity and
	// half TermScore, over their largest sum (rerankScore says why).
	// Shared shingles are the strongest evidence of reuse: independent
	// reports of one event share names and rare words but almost no word
	// 5-grams (Similarity under 0.02 in the example families), where a
	// page reusing a third of a story reaches 0.15.
	Score float64
	// Similarity is the MinHash estimate of the word-shingle Jaccard
	// similarity with the query.
	Similarity float64
	// TermScore is the IDF-weighted share of the query's distinctive
	// terms that the candidate holds, in [0, 1], among those some stored
	// article holds.
	TermScore float64
	// Bands is the number of LSH bands shared with the query.
	Bands int
	// Terms is the number of distinctive terms shared with the query.
	Terms int
	// Support is the cosine of the candidate's words with the query's,
	// each weighted by its rarity among the best candidates (see support),
	// in [0, 1]: how much of the query the candidate backs.
	Support float64
}

// QueryOptions tunes Candidates. The zero value is ready to use.
type QueryOptions struct {
	// K is how many candidates to return; 0 means 10.
	K int
	// Exclude lists ids never to return (the query's own id when it is
	// indexed).
	Exclude []string
	// MinScore drops candidates whose first-stage evidence, TermScore
	// plus twice Similarity, is below it; 0 means 0.05, below which a
	// candidate shares neither text nor story with the query.
	MinScore float64
}

// Retrieval limits.
const (
	// bandLimit caps a band posting list. Near-copy families are small;
	// a band shared by thousands of articles is boilerplate (a standard
	// disclaimer extracted as body) and would flood the candidates.
	bandLimit = 1000
	// termLimit caps a term posting list: a term held by more articles
	// than this is ignored. Its IDF is low anyway (at 1,000,000 articles,
	// ln(4000) = 8.3 against 13.8 for a unique term), and reading long
	// lists dominated the query time: at 1,000 ids, the 64 query terms
	// of a story full of common names cost 64,000 key reads.
	termLimit = 256
	// scoreShortlist is how many candidates, ranked by shared bands and
	// term weight, get their signatures read to estimate similarity.
	scoreShortlist = 100
	// rerankDepth is how many of the best first-stage candidates have
	// their articles read and ranked again by Support. On the fit part of
	// the llm-rewrites set, 50 found the original first 0.1 % more often
	// than 30, for two thirds more reads.
	rerankDepth = 30
)

// Candidates returns the stored articles most likely to be related to a,
// best first.
func (ix *Index) Candidates(ctx context.Context, a *article.Article, opts QueryOptions) ([]Candidate, error) {
	k := opts.K
	if k <= 0 {
		k = 10
	}
	minScore := opts.MinScore
	if minScore == 0 {
		minScore = 0.05
	}
	fp := fingerprint.Of(a, fingerprint.Options{MaxTerms: fingerprint.QueryTerms, Pairs: fingerprint.QueryPairs})
	if fp.Words == 0 {
		return nil, nil
	}
	n, err := ix.st.Count(ctx)
	if err != nil {
		return nil, fmt.Errorf("candidates: %w", err)
	}
	gen := ix.common.generation()
	bands := ix.common.filterBands(fp.Bands)
	bandLists, err := ix.st.BandPostings(ctx, bands, bandLimit)
	if err != nil {
		return nil, fmt.Errorf("candidates: %w", err)
	}
	at := ix.common.filterTerms(fp.Terms)
	terms := make([]string, len(at))
	for j, i := range at {
		terms[j] = fp.Terms[i]
	}
	termLists, err := ix.st.TermPostings(ctx, terms, termLimit)
	if err != nil {
		return nil, fmt.Errorf("candidates: %w", err)
	}
	type acc struct {
		bands, terms int
		weight       float64
	}
	cands := make(map[string]*acc, 256)
	get := func(id string) *acc {
		c := cands[id]
		if c == nil {
			c = &acc{}
			cands[id] = c
		}
		return c
	}
	for j, ids := range bandLists {
		if len(ids) >= bandLimit {
			ix.common.addBand(bands[j], gen)
			continue
		}
		for _, id := range ids {
			get(id).bands++
		}
	}
	// The query's own term weights, to normalise. An indexed article
	// holds its DefaultTerms best terms; a copy of the query holds the
	// query's own best ones, so a perfect match is measured against the
	// DefaultTerms largest weights among the query's first 2×DefaultTerms
	// terms (twice, to leave room for ranks an edit shifts).
	// Pairs are normalised the same way, against the query's best
	// pairs as many as an article holds.
	// A term no stored article holds (the excluded aside) counts in
	// neither: no candidate can match it, so it would only lower every
	// candidate's share alike, most for a rewrite that adds its own
	// content (a continuation, a manipulated retelling), whose source
	// then fell under MinScore before the rerank saw it. On the fit
	// part of the llm-rewrites set the original came among the first 10
	// candidates for 0.976 of the rewrites, against 0.974 with those
	// terms counted (check part: 0.969 against 0.967).
	idfs := make([]float64, 0, len(termLists))
	var pairIdfs []float64
	for j, ids := range termLists {
		df := len(ids)
		if df >= termLimit {
			ix.common.addTerm(terms[j], gen)
			continue
		}
		if heldBy(ids, opts.Exclude) == 0 {
			continue
		}
		i := at[j]
		// BM25's IDF as Lucene writes it: the 1 + keeps it positive
		// for a term most articles hold.
		idf := math.Log(1 + (float64(n)-float64(df)+0.5)/(float64(df)+0.5))
		switch {
		case fingerprint.IsPair(fp.Terms[i]):
			pairIdfs = append(pairIdfs, idf)
		case i < fingerprint.DefaultTerms*2:
			idfs = append(idfs, idf)
		}
		for _, id := range ids {
			c := get(id)
			c.terms++
			c.weight += idf
		}
	}
	norm := sumTop(idfs, fingerprint.DefaultTerms) +
		sumTop(pairIdfs, fingerprint.DefaultPairs*(fingerprint.DefaultPairs-1)/2)
	for _, id := range opts.Exclude {
		delete(cands, id)
	}
	// Shortlist by cheap evidence before reading signatures.
	type pre struct {
		id  string
		key float64
		*acc
	}
	list := make([]pre, 0, len(cands))
	for id, c := range cands {
		ts := 0.0
		if norm > 0 {
			ts = math.Min(1, c.weight/norm)
		}
		// A shared band is strong evidence: the banding's threshold,
		// (1/Bands)^(1/Rows), is a Jaccard of 0.22.
		key := ts + 0.3*float64(min(c.bands, 3))
		list = append(list, pre{id, key, c})
	}
	slices.SortFunc(list, func(x, y pre) int {
		if c := cmpDesc(x.key, y.key); c != 0 {
			return c
		}
		return strings.Compare(x.id, y.id)
	})
	if len(list) > scoreShortlist {
		list = list[:scoreShortlist]
	}
	ids := make([]string, len(list))
	for i := range list {
		ids[i] = list[i].id
	}
	sigs, err := ix.st.Signatures(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("candidates: %w", err)
	}
	out := make([]Candidate, 0, len(list))
	for i, p := range list {
		if sigs[i] == nil {
			continue // deleted since the posting was read
		}
		c := Candidate{ID: p.id, Bands: p.bands, Terms: p.terms}
		c.Similarity = fingerprint.Similarity(fp.Signature, sigs[i])
		if norm > 0 {
			c.TermScore = math.Min(1, p.weight/norm)
		}
		c.Score = math.Min(1, c.TermScore+2*c.Similarity)
		if c.Score >= minScore {
			out = append(out, c)
		}
	}
	sortCandidates(out)
	if len(out) > max(k, rerankDepth) {
		out = out[:max(k, rerankDepth)]
	}
	out, err = ix.rerank(ctx, a, out)
	if err != nil {
		return nil, fmt.Errorf("candidates: %w", err)
	}
	if len(out) > k {
		out = out[:k]
	}
	return out, nil
}

// heldBy returns how many of the articles ids are not in exclude.
func heldBy(ids, exclude []string) int {
	n := len(ids)
	for _, id := range ids {
		if slices.Contains(exclude, id) {
			n--
		}
	}
	return n
}

func sortCandidates(cs []Candidate) {
	slices.SortFunc(cs, func(x, y Candidate) int {
		if c := cmpDesc(x.Score, y.Score); c != 0 {
			return c
		}
		return strings.Compare(x.ID, y.ID)
	})
}

// sumTop returns the sum of the k largest of xs, which it sorts.
func sumTop(xs []float64, k int) float64 {
	slices.SortFunc(xs, cmpDesc)
	sum := 0.0
	for _, x := range xs[:min(len(xs), k)] {
		sum += x
	}
	return sum
}

func cmpDesc(x, y float64) int {
	switch {
	case x > y:
		return -1
	case x < y:
		return 1
	}
	return 0
}

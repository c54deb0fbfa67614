// Package cluster groups indexed articles into stories: every copy, edit,
// rewrite and independent report of one story falls in one cluster. The
// clusters are kept online, as articles arrive: each new article joins
// the cluster of the article it shares the most evidence with — LSH bands
// (copied text) and its rarest words (the names and facts a rewrite keeps
// in other words) — or starts one of its own. Family gives one document's
// family in full: its original and everything derived from it, each
// compared with the original.
//
// Clusters live in memory, beside the index: Build replays a stored index
// into them, Add keeps them up to date (an ingest passes AddFingerprint as
// index.Options.OnIndexed, so its band keys are not computed twice).
// With Options.Linked, Build joins articles by the index's candidate
// retrieval instead (AddCandidates): a query per article, and more
// accurate; `wiretrace cluster` builds its clusters so.
package cluster

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/cespare/xxhash/v2"
	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/index"
	"github.com/wiretrace/wiretrace/textproc"
)

// DefaultThreshold is the least evidence score (see Options.Threshold) at
// which an article joins a cluster. Fitted by `wiretrace eval clusters
// --fit` (thresholds 0.10 to 1.50 by 0.05) on the fit part of
// llm-rewrites with the extraction and WCXB dev pages as singletons: fit
// ARI 0.4624, check 0.5463; rewrites in their original's cluster 0.5111
// fit, 0.4855 check.
const DefaultThreshold = 0.35

// DefaultLinkThreshold is the least Support (index.Candidate's
// rarity-weighted cosine) at which AddCandidates joins an article to its
// candidate's cluster. Fitted by `wiretrace eval clusters --linked --fit`
// (0.05 to 0.95 by 0.01) on the fit part of the same set: fit ARI 0.7566,
// check 0.7838; originals with all their rewrites 0.6379 fit, 0.5979
// check; rewrites in their original's cluster 0.6866 fit, 0.6488 check.
const DefaultLinkThreshold = 0.22

// Limits of the in-memory evidence. Each bounds the work and memory of an
// article whatever the corpus's size.
const (
	// postedWords is how many of an article's words are posted: its
	// rarest ones at the time it arrives. A rewrite keeps most of its
	// source's names, numbers and rare words; 32 hold them in a news
	// article of a few hundred words.
	postedWords = 32
	// postingCap bounds a word's posting list: a word more than 32
	// articles hold says little about which story an article tells, and
	// is then only counted (for the other words' weights).
	postingCap = 32
	// queryWords is how many of a new article's rarest words are looked
	// up: twice what an article posts, to leave room for the words a
	// rewrite adds, while a long article costs no more than a short one.
	queryWords = 2 * postedWords
)

// Options tunes a Clusters. The zero value is ready to use.
type Options struct {
	// Threshold is the least score at which an article joins the cluster
	// of an earlier one: the IDF-weighted share of the earlier article's
	// posted words the new one holds, plus 0.3 for each LSH band they
	// share (at most three count). 0 means DefaultThreshold.
	Threshold float64
	// Linked makes Build join articles by the index's candidate retrieval
	// (see AddCandidates) instead of the in-memory evidence: a query per
	// article, and more accurate (ARI 0.78 against 0.55 on the check
	// part). Build replays the index in id order and each article sees
	// the candidates added before it. LinkThreshold is then the least
	// Support that joins; 0 means DefaultLinkThreshold.
	Linked        bool
	LinkThreshold float64
}

// Clusters is the story clusters of an index, kept online. It is safe for
// concurrent use.
type Clusters struct {
	threshold, linkThreshold float64

	mu sync.Mutex
	// ids[i] is the id of the i-th article added, cluster[i] its
	// cluster.
	ids     []string
	cluster []int32
	// of maps an id to its article number.
	of map[string]int32
	// members holds each cluster's article numbers, in arrival order.
	members [][]int32
	// bands maps an LSH band key to the first article that held it.
	bands map[uint64]int32
	// posts maps a word (its hash) to the articles that posted it;
	// df counts the articles holding each word. Neither holds a pointer,
	// so that the garbage collector does not scan them: keyed by strings
	// and holding slices they tripled an ingest's CPU time.
	posts map[uint64]posting
	df    map[uint64]int32
}

// posting is the articles that posted one word, at most postingCap; full
// marks a word more articles hold.
type posting struct {
	n    int32
	full bool
	ids  [postingCap]int32
}

// New returns empty clusters.
func New(opts Options) *Clusters {
	th := opts.Threshold
	if th <= 0 {
		th = DefaultThreshold
	}
	lth := opts.LinkThreshold
	if lth <= 0 {
		lth = DefaultLinkThreshold
	}
	return &Clusters{threshold: th, linkThreshold: lth, of: map[string]int32{}, bands: map[uint64]int32{},
		posts: map[uint64]posting{}, df: map[uint64]int32{}}
}

// Build returns the clusters of every article stored in ix, added in id
// order.
func Build(ctx context.Context, ix *index.Index, opts Options) (*Clusters, error) {
	c := New(opts)
	var ids []string
	if err := ix.Each(ctx, func(id string) error {
		ids = append(ids, id)
		return nil
	}); err != nil {
		return nil, fmt.Errorf("build clusters: %w", err)
	}
	for _, id := range ids {
		a, err := ix.Article(ctx, id)
		if err != nil {
			continue // deleted since the walk
		}
		if !opts.Linked {
			c.Add(id, a)
			continue
		}
		cands, err := ix.Candidates(ctx, a, index.QueryOptions{K: LinkCandidates, Exclude: []string{id}})
		if err != nil {
			return nil, fmt.Errorf("build clusters: %w", err)
		}
		c.AddCandidates(id, cands)
	}
	return c, ctx.Err()
}

// LinkCandidates is how many of an article's best index candidates
// AddCandidates is meant to see: every earlier copy or rewrite of a story
// that scores above the threshold joins the clusters they are in.
const LinkCandidates = 10

// AddCandidates puts the article with id in the cluster of the candidate
// with the highest Support (the rarity-weighted cosine of their words)
// among cands (index.Candidates of the article) added before, when it
// reaches the link threshold, and otherwise starts a cluster. It returns the id of the cluster's first
// article. An id added before keeps its cluster.
//
// Support alone separates stories best: on the fit part of the cluster
// set, the rerank's full score (which adds shingle similarity, held by
// boilerplate that unrelated pages share) reached an ARI of 0.43 and
// Support 0.76 (joining every candidate above the threshold instead of
// the best one did not help).
func (c *Clusters) AddCandidates(id string, cands []index.Candidate) string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if n, ok := c.of[id]; ok {
		return c.first(c.cluster[n])
	}
	k, best := int32(-1), c.linkThreshold
	for _, cd := range cands {
		m, ok := c.of[cd.ID]
		if ok && cd.Support >= best {
			k, best = c.cluster[m], cd.Support
		}
	}
	if k < 0 {
		k = int32(len(c.members))
		c.members = append(c.members, nil)
	}
	n := int32(len(c.ids))
	c.of[id] = n
	c.ids = append(c.ids, id)
	c.cluster = append(c.cluster, k)
	c.members[k] = append(c.members[k], n)
	return c.first(k)
}

// Add puts the article a with id in its cluster and returns the id of the
// cluster's first article.
func (c *Clusters) Add(id string, a *article.Article) string {
	return c.AddFingerprint(id, a, index.FingerprintOf(a))
}

// AddFingerprint is Add with the article's index fingerprint already made
// (it is index.Options.OnIndexed). An id added before keeps its cluster.
func (c *Clusters) AddFingerprint(id string, a *article.Article, fp index.Fingerprint) string {
	words := wordsOf(a)
	c.mu.Lock()
	defer c.mu.Unlock()
	if n, ok := c.of[id]; ok {
		return c.first(c.cluster[n])
	}
	n := int32(len(c.ids))
	// The rarest words first, by their frequency so far (read once:
	// map reads in the comparison took a quarter of the time).
	type wdf struct {
		w  uint64
		df int32
	}
	byDF := make([]wdf, len(words))
	for i, w := range words {
		byDF[i] = wdf{w, c.df[w]}
	}
	slices.SortFunc(byDF, func(x, y wdf) int { return cmp.Or(cmp.Compare(x.df, y.df), cmp.Compare(x.w, y.w)) })
	for i := range byDF {
		words[i] = byDF[i].w
	}
	k := int32(-1)
	if best, ok := c.best(words[:min(len(words), queryWords)], fp.Bands); ok {
		k = c.cluster[best]
	} else {
		k = int32(len(c.members))
		c.members = append(c.members, nil)
	}
	c.of[id] = n
	c.ids = append(c.ids, id)
	c.cluster = append(c.cluster, k)
	c.members[k] = append(c.members[k], n)
	for _, b := range fp.Bands {
		if _, ok := c.bands[b]; !ok {
			c.bands[b] = n
		}
	}
	for _, w := range words {
		c.df[w]++
	}
	for _, w := range words[:min(len(words), postedWords)] {
		p := c.posts[w]
		switch {
		case p.full:
		case p.n == postingCap:
			c.posts[w] = posting{full: true}
		default:
			p.ids[p.n] = n
			p.n++
			c.posts[w] = p
		}
	}
	return c.first(k)
}

func (c *Clusters) first(k int32) string { return c.ids[c.members[k][0]] }

// idf is a word's inverse document frequency among the articles added so
// far, BM25's, with the article being added counted. c.mu is held.
func (c *Clusters) idf(w uint64) float64 {
	df := float64(c.df[w])
	return math.Log(1 + (float64(len(c.ids))-df+0.5)/(df+0.5))
}

// best returns the earlier article with the most evidence of telling the
// same story as an article with words (its rarest, rarest first) and
// bands, if it reaches the threshold. c.mu is held.
func (c *Clusters) best(words []uint64, bands []uint64) (int32, bool) {
	if len(c.ids) == 0 {
		return 0, false
	}
	type ev struct {
		bands  int
		weight float64
	}
	hits := make(map[int32]ev, 64)
	for _, b := range bands {
		if n, ok := c.bands[b]; ok {
			e := hits[n]
			e.bands++
			hits[n] = e
		}
	}
	// The weight of words shared with an earlier article's posted ones,
	// over the weight of the new article's own postedWords rarest words
	// (words come rarest first): about 1 when it keeps the earlier one's
	// distinctive words, near 0 when it shares only common ones.
	mass := 0.0
	for i, w := range words {
		idf := c.idf(w)
		if i < postedWords {
			mass += idf
		}
		p := c.posts[w]
		for _, n := range p.ids[:p.n] {
			e := hits[n]
			e.weight += idf
			hits[n] = e
		}
	}
	best, bestScore := int32(-1), 0.0
	for n, e := range hits {
		s := 0.3 * float64(min(e.bands, 3))
		if mass > 0 {
			s += e.weight / mass
		}
		if s > bestScore || s == bestScore && n < best {
			best, bestScore = n, s
		}
	}
	return best, best >= 0 && bestScore >= c.threshold
}

// wordsOf returns the 64-bit hashes (the same in every run, so that the
// clusters are) of the distinct lower-cased content words of a (title and
// body; stop words and words under three letters left out). It splits on
// anything but letters and digits and does not stem: textproc's full
// tokenizer and stemmer cost four times the rest of the clustering, and
// the rare words that tell a story apart (names, places, figures) rarely
// change their form in a rewrite.
func wordsOf(a *article.Article) []uint64 {
	seen := map[uint64]bool{}
	var out []uint64
	add := func(text string) {
		for _, f := range strings.FieldsFunc(text, notWordRune) {
			if len(f) < 3 {
				continue
			}
			lower := strings.ToLower(f)
			w := xxhash.Sum64String(lower)
			if seen[w] || textproc.IsStop(lower) {
				continue
			}
			seen[w] = true
			out = append(out, w)
		}
	}
	add(a.Title)
	for _, p := range a.Paragraphs {
		add(p)
	}
	return out
}

func notWordRune(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// Remove takes the article id out of its cluster (a deleted document).
func (c *Clusters) Remove(id string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	n, ok := c.of[id]
	if !ok {
		return
	}
	delete(c.of, id)
	k := c.cluster[n]
	c.members[k] = slices.DeleteFunc(c.members[k], func(x int32) bool { return x == n })
}

// Of returns the ids of the cluster that holds id, in arrival order, or
// nil.
func (c *Clusters) Of(id string) []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	n, ok := c.of[id]
	if !ok {
		return nil
	}
	return c.idsOf(c.members[c.cluster[n]])
}

func (c *Clusters) idsOf(ns []int32) []string {
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = c.ids[n]
	}
	return out
}

// Groups returns every non-empty cluster's member ids, in arrival order,
// the clusters in the order they were founded.
func (c *Clusters) Groups() [][]string {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make([][]string, 0, len(c.members))
	for _, m := range c.members {
		if len(m) > 0 {
			out = append(out, c.idsOf(m))
		}
	}
	return out
}

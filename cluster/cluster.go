// Package cluster groups indexed articles into stories: every copy, edit,
// rewrite and independent report of one story falls in one cluster. The
// clusters are kept online, as articles arrive: each new article joins
// the cluster of the earlier article whose vocabulary is the closest to
// its own, each word weighted by its rarity in the corpus so far — the
// names, figures and rare words a rewrite keeps from its source, whatever
// it does to the rest — when a fitted join model finds the evidence of
// one story enough (its score, how far it stands above other stories,
// how much of the new article it covers, whether a publisher's or a
// topic's vocabulary makes it), or starts one of its own. Where the join
// model is unsure, a second fitted model, the confirm model, reads the two
// texts as Compare does (see confirm.go); when it turns the best down,
// the best of other clusters are read in turn (confirmRunnerUp). Clusters
// never merge, but a new article takes into its cluster the earlier
// articles standing alone that the confirm model reads it as the source
// of (absorb): a rewrite that arrived before its original. Before any of
// that, a copy or an edited copy joins the cluster of the earlier article
// whose shingles it shares (nearDuplicate): in a large corpus its words
// are too common to find it by. Family gives one document's
// family in full: its original and everything derived from it, each
// compared with the original.
//
// Clusters live in memory, beside the index: an ingest passes
// AddFingerprint the vocabulary it fingerprinted the article with
// (index.Options.OnIndexed), so nothing is tokenized twice, and the store
// is read only for the confirm stage's earlier articles that are not
// among the latest added; Build replays a stored index into them.
// `wiretrace cluster`, the server and `wiretrace eval clusters` all
// cluster so.
package cluster

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/index"
	"github.com/wiretrace/wiretrace/trace"
)

// Limits of the in-memory evidence. Each bounds the work and memory of an
// article whatever the corpus's size. They were chosen on the fit part of
// the story-clustering set (ARI, at the best threshold of each, with the
// score threshold the join model replaced): 64 posted
// and 128 queried words 0.775, 64 and 64 0.761, 96 and 96 0.777 for half
// as much memory again; posting lists capped at 64 0.761, at 256 0.730.
const (
	// postedWords is how many of an article's words are posted and kept:
	// its rarest ones at the time it arrives. A rewrite keeps most of its
	// source's names, numbers and rare words; 64 hold them in a news
	// article of a few hundred words.
	postedWords = 64
	// queryWords is how many of a new article's rarest words are looked
	// up: twice what an article posts, to leave room for the words a
	// rewrite adds, while a long article costs no more than a short one.
	queryWords = 2 * postedWords
	// lookupCap bounds the posting lists the shortlist is chosen from
	// (see best): a word that more articles hold says little about which
	// story an article tells.
	lookupCap = 64
	// postingCap bounds a word's posting list: a word that more articles
	// hold stops being posted (its first holders keep it). Lists longer
	// than lookupCap are walked only for the runners-up beyond the
	// shortlist (wider), so postingCap is twice lookupCap.
	postingCap = 2 * lookupCap
	// minArticles is the fewest articles word rarities are measured
	// against: in a handful of articles every shared word looks common,
	// and an edited copy would share only words weighing next to nothing
	// (the example families' edited copy stayed apart). 50 changes no
	// figure of the story-clustering set; 1000 cost 0.02 of ARI.
	minArticles = 50
	// topicShare: a word held by more than one article in topicShare
	// (at least minCommon articles, at most lookupCap) is a topic or a
	// publisher's boilerplate, not a story, and is not looked up. A
	// health site's disclaimer, a third of its short articles' words,
	// chained them into one cluster when only postingCap bounded it (fit
	// part clustered alone: ARI 0.762 with postingCap alone; one in 70:
	// 0.746; one in 50: 0.773; one in 35: 0.780; one in 25: 0.778, and
	// the best of the whole set, 0.799).
	topicShare = 25
	minCommon  = 16
	// shortlist is how many earlier articles, those sharing the most
	// weight of words with the new one, are scored in full: 6 and 8
	// cluster the story-clustering set as 16 did, 5 and 4 not quite (fit
	// part: originals with all their rewrites 0.7530 and 0.7518 against
	// 0.7542).
	shortlist = 6
	// normGrowth is how much the corpus grows before an article's norm
	// is measured again: on the story-clustering set, 1.02 and 1.05 move
	// ARI by 0.0004 (fit) and 0 (check), 1.1 by 0.004 and -0.0006, 1.25
	// by 0.009 and -0.003.
	normGrowth = 1.05
	// nearBands is how many of an article's LSH band keys (the first of
	// index.Fingerprint's Bands: two MinHash values of its word shingles
	// each) the clusters keep. A band is shared with probability s² for a
	// shingle Jaccard s. An earlier article sharing nearShared of them
	// with a new one is its near duplicate (see nearDuplicate): six of
	// eight are shared by a copy (s = 1) always, by an edited copy with
	// probability 0.96 at s = 0.95, 0.82 at 0.9 and 0.40 at 0.8, and by
	// two short texts made mostly of one standard paragraph (s ≈ 0.5)
	// with probability 0.004. Four of eight joined three pairs of such
	// health pages of different stories on the story-clustering set (ARI
	// fit 0.9105 → 0.9062, check 0.9138 → 0.9120); six join none. From
	// nearRead shared keys (probability 0.78 at s = 0.7, 0.37 at s = 0.5)
	// the two texts are read to tell an edited copy from such a pair
	// (editedCopy).
	nearBands  = 8
	nearShared = 6
	nearRead   = 3
)

// Options tunes a Clusters. The zero value is ready to use.
type Options struct {
	// Threshold is the least probability of the join model at which an
	// article joins the cluster of an earlier one; 0 means
	// DefaultThreshold.
	Threshold float64
	// Model, when set, is the join model in place of the fitted one
	// (JoinModel).
	Model *JoinWeights
	// Judge, when set, decides each join in place of the models: it is
	// given the new article's id, the best earlier article's id and
	// their JoinFeatures, and returns whether the new article joins the
	// earlier one's cluster. Fitting the models records the features so.
	Judge func(id, earlier string, f JoinFeatures) bool
	// Articles, when set, is where the confirm stage reads the text of
	// an earlier article that is not one of the latest added (see
	// recentArticles): the index the clusters are kept beside.
	Articles Articles
	// Confirm and ConfirmThreshold, when set, are the confirm model and
	// the least probability of it at which an article joins, in place
	// of the fitted ones (ConfirmModel, DefaultConfirmThreshold).
	Confirm          *trace.Trees
	ConfirmThreshold float64
	// RunnerUpThreshold, when set, is the least confirm probability at
	// which an article joins the shortlist's runner-up once the confirm
	// model has turned the best down (see confirmRunnerUp), in place of
	// DefaultRunnerUpThreshold; above 1, runners-up are never read.
	RunnerUpThreshold float64
	// AbsorbThreshold, when set, is the least confirm probability at
	// which a new article absorbs an earlier one standing alone (see
	// absorb), in place of DefaultAbsorbThreshold; above 1, none is
	// absorbed.
	AbsorbThreshold float64
}

// Clusters is the story clusters of an index, kept online. It is safe for
// concurrent use.
type Clusters struct {
	threshold float64
	join      JoinWeights
	judge     func(id, earlier string, f JoinFeatures) bool
	// confirm and confirmThreshold decide the joins the join model is
	// unsure of (see decide), reading the texts of articles: those of
	// the latest recentArticles added are kept in recent (below), older
	// ones read from articles.
	confirm           trace.Trees
	confirmThreshold  float64
	runnerUpThreshold float64
	absorbThreshold   float64
	articles          Articles

	mu sync.Mutex
	// recent holds the texts of the latest recentArticles added, by
	// article number modulo recentArticles (nil when not given);
	// confirmed counts the joins the confirm model decided.
	recent    []*article.Article
	confirmed int
	// ids[i] is the id of the i-th article added, cluster[i] its cluster
	// (-1 once removed).
	ids     []string
	cluster []int32
	// of maps an id to its article number.
	of map[string]int32
	// members holds each cluster's article numbers, in arrival order;
	// names[k] is cluster k's name (the id of the article that founded
	// it, or the story it was stored with), named the reverse.
	members [][]int32
	names   []string
	named   map[string]int32
	// words counts the articles holding each word (the low 32 bits of
	// its vocabulary hash: collisions among a few million words are rare
	// and cost little) and holds its posting list, a stretch of arena;
	// posted[start[i]:start[i+1]] are the slots in words of article i's
	// posted words. Nothing
	// here holds a pointer, so that the garbage collector does not scan
	// it: keyed by strings and holding slices, the first clusterer's maps
	// tripled an ingest's CPU time.
	words  wordTable
	posted []int32
	start  []int
	arena  arena
	// norm[i] is the weight of article i's posted words (see weight) when
	// there were normAt[i] articles, first as it arrived: kept,
	// and measured again once the corpus has grown by normGrowth, rather
	// than summed at each comparison, where it was a fifth of the
	// clustering's time.
	norm, normAt []float32
	// weights caches weight(df) for the article being added (see
	// weightCache).
	weights weightCache
	// dot and touched are scratch space of best, kept between calls:
	// dot[j] is the weight article j shares with the new one, touched the
	// articles with a weight (a dense array is a third of the cost of a
	// map here).
	dot     []float32
	touched []int32
	// lists is scratch space of best, kept between calls; sink keeps
	// the postings it reads ahead (see best) from being optimized away.
	lists []weightedList
	sink  int32
	// shared is scratch space of best: the new article's looked-up
	// words, for the join model's features.
	shared sharedSet
	// order and byDF are scratch space of add, kept between calls.
	order []uint64
	byDF  []word
	// cands is scratch space of best and absorb: the candidates best
	// scored (the shortlist, then the runners-up beyond it that it read), the
	// singletons among which absorb reads; bestScore is the shortlist's
	// best score.
	cands     []cand
	bestScore float64
	// near maps each kept LSH band key (nearBands an article) to the
	// first article that held it: a copy found by its shingles, whatever
	// its words' rarity (see nearDuplicate). Neither key nor value is a
	// pointer, so the garbage collector does not scan it; at 1,000,000
	// articles it holds 8 million keys, most of the 300 MiB of peak memory
	// the near duplicates add (README, Story clusters).
	near map[uint64]int32
	// absorbed maps an article to those it absorbed (absorb), each with
	// the cluster it founded alone, so that Remove can give them back.
	absorbed map[int32][]absorbedFrom
}

// absorbedFrom is an article another absorbed (absorb) and the cluster it
// had founded alone.
type absorbedFrom struct{ j, from int32 }

// word is a word of an article (its slot in Clusters.words) and how many
// articles hold it.
type word struct{ slot, df int32 }

// postingList is a word's posting list: the article numbers
// arena.at(off, n), in a stretch of room for the power of two at or above
// n; n is postingCap+1 for a word too common to post. A list that
// outgrows its room moves to the arena's end, leaving its old room
// unused (less than it takes), so that a lookup reads one stretch of
// memory: chained entries cost a cache miss each, two thirds of the
// clustering's time.
type postingList struct{ off, n int32 }

// weightedList is a posting list to walk and its word's weight.
type weightedList struct {
	postingList
	w float32
}

// post appends article n to the posting list p.
func (c *Clusters) post(p *postingList, n int32) {
	switch {
	case p.n > postingCap:
		return
	case p.n == postingCap:
		*p = postingList{n: postingCap + 1}
		return
	case p.n == 0 || p.n&(p.n-1) == 0: // full room: 0, 1, 2, 4, ...
		off := c.arena.room(max(2*p.n, 1))
		copy(c.arena.at(off, p.n), c.arena.at(p.off, p.n))
		p.off = off
	}
	c.arena.at(p.off, p.n+1)[p.n] = n
	p.n++
}

// New returns empty clusters.
func New(opts Options) *Clusters {
	th := opts.Threshold
	if th <= 0 {
		th = DefaultThreshold
	}
	join := JoinModel
	if opts.Model != nil {
		join = *opts.Model
	}
	confirm := ConfirmModel
	if opts.Confirm != nil {
		confirm = *opts.Confirm
	}
	cth := opts.ConfirmThreshold
	if cth <= 0 {
		cth = DefaultConfirmThreshold
	}
	rth := opts.RunnerUpThreshold
	if rth <= 0 {
		rth = DefaultRunnerUpThreshold
	}
	ath := opts.AbsorbThreshold
	if ath <= 0 {
		ath = DefaultAbsorbThreshold
	}
	return &Clusters{threshold: th, join: join, judge: opts.Judge,
		confirm: confirm, confirmThreshold: cth, runnerUpThreshold: rth, absorbThreshold: ath, articles: opts.Articles,
		of: map[string]int32{}, named: map[string]int32{}, start: []int{0}, near: map[uint64]int32{}}
}

// MetaStory is the key of a stored document's meta that holds the
// article's story: the name of its cluster (the id of the article that
// founded it), decided as it was indexed (OnIndexed).
const MetaStory = "story"

// MetaAbsorbed is the key of a stored document's meta that lists, space
// separated, the earlier articles it absorbed into its cluster as it was
// indexed (see absorb): their own stored story is the one they founded
// alone, and Build moves them.
const MetaAbsorbed = "absorbed"

// Build returns the clusters of every article stored in ix. An article
// stored with its story (MetaStory) is put back in that story's cluster,
// as it was clustered when indexed, so that the clusters outlive the
// process, then moved to the cluster of a later article that absorbed it
// (MetaAbsorbed); one stored without it is clustered as Add does once
// every stored story is back, in id order (a hash of the content, so in
// no particular order of time). It fingerprints every article once and
// reads it once, one stored without a story twice.
func Build(ctx context.Context, ix *index.Index, opts Options) (*Clusters, error) {
	if opts.Articles == nil {
		opts.Articles = ix
	}
	c := New(opts)
	var ids, unstored []string
	var absorbed [][2]string
	if err := ix.Each(ctx, func(id string) error {
		ids = append(ids, id)
		return nil
	}); err != nil {
		return nil, fmt.Errorf("build clusters: %w", err)
	}
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		e, err := ix.Get(ctx, id)
		if err != nil {
			continue // deleted since the walk
		}
		if e.Meta[MetaStory] == "" {
			unstored = append(unstored, id)
			continue
		}
		c.add(id, e.Article, index.FingerprintOf(e.Article), e.Meta[MetaStory])
		if ab := e.Meta[MetaAbsorbed]; ab != "" {
			absorbed = append(absorbed, [2]string{id, ab})
		}
	}
	// The articles an article absorbed (see absorb) were stored with
	// their own story, as they stood alone when indexed: each moves to
	// its absorber's cluster, once every stored story is back, and before
	// the articles stored without one join them.
	c.mu.Lock()
	for _, x := range absorbed {
		to, ok := c.of[x[0]]
		if !ok {
			continue
		}
		for _, id := range strings.Fields(x[1]) {
			if j, ok := c.of[id]; ok {
				c.takeIn(to, j)
			}
		}
	}
	c.mu.Unlock()
	for _, id := range unstored {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		e, err := ix.Get(ctx, id)
		if err != nil {
			continue // deleted since
		}
		c.add(id, e.Article, index.FingerprintOf(e.Article), "")
	}
	return c, nil
}

// Add puts the article a with id in its cluster and returns the cluster's
// name (its story: the id of the article that founded it). Earlier
// articles standing alone that a is read as the source of move into its
// cluster (see absorb): a cluster's members are not only those that
// joined it.
func (c *Clusters) Add(id string, a *article.Article) string {
	return c.AddFingerprint(id, a, index.FingerprintOf(a))
}

// OnIndexed is an index.Options.OnIndexed: it adds the article as
// AddFingerprint does and returns its story to store in the document's
// meta (MetaStory), with the earlier articles it absorbed (MetaAbsorbed),
// where Build finds them.
func (c *Clusters) OnIndexed(id string, a *article.Article, fp index.Fingerprint) map[string]string {
	name, absorbed := c.add(id, a, fp, "")
	meta := map[string]string{MetaStory: name}
	if len(absorbed) > 0 {
		meta[MetaAbsorbed] = strings.Join(absorbed, " ")
	}
	return meta
}

// AddFingerprint is Add with the article's index fingerprint already made
// (an ingest's index.Options.OnIndexed has it); a may be nil, when the
// join model alone decides the article's joins. An id added before keeps
// its cluster.
func (c *Clusters) AddFingerprint(id string, a *article.Article, fp index.Fingerprint) string {
	name, _ := c.add(id, a, fp, "")
	return name
}

// add is AddFingerprint, putting the article in the cluster named story
// (founding it) instead of deciding when story is not empty; it returns
// the ids of the earlier articles the article absorbed too (absorb, only
// when it decided).
func (c *Clusters) add(id string, a *article.Article, fp index.Fingerprint, story string) (string, []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if n, ok := c.of[id]; ok {
		return c.names[c.cluster[n]], nil
	}
	n := int32(len(c.ids))
	// Count the words, then order them rarest first: by document
	// frequency (this article counted), then by word, sorted as one
	// number each.
	if moved := c.words.reserve(len(fp.Vocabulary)); moved != nil {
		for i, sl := range c.posted {
			c.posted[i] = moved[sl]
		}
	}
	order := c.order[:0]
	for _, w64 := range fp.Vocabulary {
		w := uint32(w64)
		ws := &c.words.slots[c.words.slot(w)]
		if ws.last == n+1 {
			continue // a repeated key, or two sharing their low 32 bits
		}
		ws.last = n + 1
		ws.df++
		order = append(order, uint64(ws.df)<<32|uint64(w))
	}
	order = rarest(order, queryWords, postedWords)
	c.order = order
	byDF := slices.Grow(c.byDF[:0], len(order))[:len(order)]
	c.byDF = byDF
	for r, o := range order {
		w := uint32(o)
		byDF[r] = word{slot: int32(c.words.find(w)), df: int32(o >> 32)}
	}
	articles := float64(max(n+1, minArticles))
	c.weights.reset(articles)
	qn := 0.0
	for _, x := range byDF[:min(len(byDF), postedWords)] {
		qn += c.weights.of(x.df)
	}
	kept := fp.Bands[:min(len(fp.Bands), nearBands)]
	k, named := c.named[story]
	decided := false
	c.cands = c.cands[:0]
	if !named {
		if story == "" {
			story = id
			decided = true
			// A Judge records the joins by words for fitting: every one,
			// near duplicates included (fitted without them, the models'
			// thresholds moved and the check part's ARI fell from 0.9138 to
			// 0.9049).
			if c.judge == nil {
				if m, ok := c.nearDuplicate(a, kept); ok {
					k, named = c.cluster[m], true
				}
			}
			if !named {
				if best, ok := c.best(id, a, byDF, qn); ok {
					k, named = c.cluster[best], true
				}
			}
		}
		if !named {
			k = int32(len(c.members))
			c.members = append(c.members, nil)
			c.names = append(c.names, story)
			c.named[story] = k
		}
	}
	c.of[id] = n
	c.keep(n, a)
	c.ids = append(c.ids, id)
	c.cluster = append(c.cluster, k)
	c.members[k] = append(c.members[k], n)
	for _, x := range byDF[:min(len(byDF), postedWords)] {
		c.posted = append(c.posted, x.slot)
		c.post(&c.words.slots[x.slot].list, n)
	}
	for _, b := range kept {
		if _, held := c.near[b]; !held {
			c.near[b] = n
		}
	}
	c.start = append(c.start, len(c.posted))
	c.norm = append(c.norm, float32(qn))
	c.normAt = append(c.normAt, float32(articles))
	var absorbed []string
	if decided && c.judge == nil {
		absorbed = c.absorb(n, a, qn)
	}
	return c.names[k], absorbed
}

// nearDuplicate returns the earlier article, still clustered, that first
// held the most of kept, the new article a's kept band keys, when it is a's copy
// or edited copy: it holds nearShared of them, or nearRead and its text
// shows a as an edited copy of it (editedCopy; a nil a is not read). The
// words cannot find copies in a large corpus, where most of an article's
// words are held by too many articles to be looked up (lookupCap,
// topicShare) and a verbatim copy scores as little as a rewrite.
func (c *Clusters) nearDuplicate(a *article.Article, kept []uint64) (int32, bool) {
	var held [nearBands]int32
	var count [nearBands]int
	m, best := 0, -1
	for _, b := range kept {
		j, ok := c.near[b]
		if !ok || c.cluster[j] < 0 {
			continue
		}
		i := 0
		for i < m && held[i] != j {
			i++
		}
		if i == m {
			held[m] = j
			m++
		}
		if count[i]++; best < 0 || count[i] > count[best] {
			best = i
		}
	}
	switch {
	case best < 0 || count[best] < nearRead:
		return 0, false
	case count[best] >= nearShared:
		return held[best], true
	case a == nil:
		return 0, false
	}
	e := c.article(held[best])
	return held[best], e != nil && editedCopy(a, e)
}

// editedCopy reports whether a is an edited copy of e: at least half of
// the word shingles of a's body (index.Shingles, those its band keys are
// made of) are e's, and no run of more than ownRun of them is a's own. An
// edit changes a word here and there, so that what a adds is short
// stretches; a different story that shares a standard paragraph (a
// site's disclaimer) with e, however long, adds its own story in one long
// stretch. Each text is read for its first copyWords words: an edited
// copy is told by its opening, whatever the page's size.
func editedCopy(a, e *article.Article) bool {
	sa, se := index.Shingles(a, copyWords), index.Shingles(e, copyWords)
	if len(sa) == 0 || len(se) == 0 {
		return false
	}
	of := make(map[uint64]struct{}, len(se))
	for _, h := range se {
		of[h] = struct{}{}
	}
	shared, run, longest := 0, 0, 0
	for _, h := range sa {
		if _, ok := of[h]; ok {
			shared++
			run = 0
			continue
		}
		run++
		longest = max(longest, run)
	}
	return 2*shared >= len(sa) && longest <= ownRun
}

// copyWords is how many words of each text editedCopy reads.
const copyWords = 3000

// ownRun is the most shingles in a row an edited copy may hold of its
// own: about 25 words (a run of r five-word shingles is r - 4 words), a
// sentence rewritten or added.
const ownRun = 29

// idf is the inverse document frequency of a word held by df of articles
// (BM25's).
func idf(df int32, articles float64) float64 {
	d := float64(df)
	return math.Log(1 + (articles-d+0.5)/(d+0.5))
}

// weight is what a word held by df of articles adds to a dot product
// (or a squared norm): its IDF to the power 2.5, between the cosine of
// IDF-weighted vectors (a power of 2) and a cube that leaves the common
// words of a story out. On the fit part of the story-clustering set, ARI
// and originals with all their rewrites: power 1.5 0.786 and 0.716, 2
// 0.799 and 0.745, 2.5 0.802 and 0.754, 3 0.806 and 0.728, 4 0.798 and
// 0.729 (each at its best threshold); 2.5 is best at the two together.
func weight(df int32, articles float64) float64 {
	v := idf(df, articles)
	return v * v * math.Sqrt(v)
}

// weightCache holds weight(df, articles) for the small document
// frequencies, those of almost every word a comparison reads, for one
// count of articles: the logarithms and roots were a third of the
// clustering's time.
type weightCache struct {
	articles float64
	w        [weightCacheSize]float64
}

const weightCacheSize = 2 * postingCap

// reset empties the cache for a corpus of n articles.
func (wc *weightCache) reset(n float64) {
	if wc.articles != n {
		wc.articles = n
		clear(wc.w[:])
	}
}

// of returns weight(df, articles).
func (wc *weightCache) of(df int32) float64 {
	if df < 0 || df >= weightCacheSize {
		return weight(df, wc.articles)
	}
	if wc.w[df] == 0 {
		wc.w[df] = weight(df, wc.articles)
	}
	return wc.w[df]
}

// best returns the earlier article whose posted words score highest
// against the new article id's words (its postedWords rarest first, with
// their document frequencies; qn the norm of those it posts; a its text,
// nil when not at hand), and whether the new article joins its cluster
// (decide, or Options.Judge); or, when the texts turn that one down, the
// runner-up the new article joins (confirmRunnerUp). c.mu is held.
//
// The score is the dot product of the two articles' word vectors, each
// word weighted by its IDF (see weight), over the geometric mean of their cosine's
// norm and the smaller of the two norms: between a cosine, which a short
// rewrite of a long story scores low, and an overlap coefficient, which a
// long page holding many words by its length alone scores high (on the fit
// part of the story-clustering set, ARI 0.755 for the cosine, 0.710 for
// the overlap, 0.773 for their geometric mean, over whole vocabularies).
func (c *Clusters) best(id string, a *article.Article, words []word, qn float64) (int32, bool) {
	if len(c.ids) == 0 {
		return 0, false
	}
	if len(c.dot) < len(c.ids) {
		c.dot = append(c.dot, make([]float32, len(c.ids)-len(c.dot))...)
	}
	touched := c.touched[:0]
	defer func() {
		for _, j := range touched {
			c.dot[j] = 0
		}
		c.touched = touched[:0]
	}()
	common := int32(min(max(len(c.ids)/topicShare, minCommon), lookupCap))
	// The lists to walk, each with its word's weight. Their first
	// postings are read here, in a loop of loads independent of each
	// other that the processor overlaps, so that the walk finds them in
	// the cache: walked in turn, each list's first read waited for the
	// memory.
	lists := c.lists[:0]
	var first int32
	c.shared.reset()
	for _, x := range words[:min(len(words), queryWords)] {
		p := c.words.slots[x.slot].list
		if p.n > common || p.n == 0 {
			continue // too common to tell stories apart
		}
		first += c.arena.first(p.off)
		w := float32(c.weights.of(x.df))
		lists = append(lists, weightedList{p, w})
		c.shared.add(x.slot, w)
	}
	c.lists, c.sink = lists, first
	for _, l := range lists {
		touched = c.addList(l, touched)
	}
	// The shortlist: the articles sharing the most weight, ties to the
	// earlier, kept sorted.
	var top ranked
	for _, j := range touched {
		d := float64(c.dot[j])
		if !top.admits(d, j) || c.cluster[j] < 0 {
			continue // removed, or sharing too little
		}
		top.push(cand{j: j, dot: d, key: d})
	}
	m := top.m
	// The best candidate, and the best of those in other clusters.
	var js [shortlist]int32
	for i, cd := range top.c[:m] {
		js[i] = cd.j
	}
	c.measureNorms(js[:m])
	var scores [shortlist]float64
	bi := -1
	for i, cd := range top.c[:m] {
		scores[i] = c.score(cd.j, cd.dot, qn)
		if scores[i] > 0 && (bi < 0 || scores[i] > scores[bi]) {
			bi = i
		}
	}
	if bi < 0 {
		return 0, false
	}
	best := top.c[bi].j
	c.cands = append(c.cands[:0], top.c[:m]...)
	c.bestScore = scores[bi]
	other, second := int32(-1), 0.0
	for i, cd := range top.c[:m] {
		if c.cluster[cd.j] != c.cluster[best] && scores[i] > second {
			other, second = cd.j, scores[i]
		}
	}
	f := c.joinFeatures(best, other, top.c[bi].dot, qn, scores[bi], scores[bi]-second)
	if c.judge != nil {
		return best, c.judge(id, c.ids[best], f)
	}
	join, read := c.decide(a, best, f)
	if join || !read {
		return best, join
	}
	// The texts turned the best down: the best of each other cluster in
	// the shortlist is read too, the best-scored first, then those of the
	// articles that score highest though they share too little weight to
	// be shortlisted (confirmRunnerUp).
	var clusters [2 * shortlist]int32
	tried := append(clusters[:0], c.cluster[best])
	runnerUp := func(x cand, s float64) bool {
		if s <= 0 || slices.Contains(tried, c.cluster[x.j]) {
			return false
		}
		tried = append(tried, c.cluster[x.j])
		return c.confirmRunnerUp(a, x.j, c.joinFeatures(x.j, best, x.dot, qn, s, s-scores[bi]))
	}
	var order [shortlist]int
	byScore := order[:0]
	for i := range top.c[:m] {
		byScore = append(byScore, i)
	}
	slices.SortStableFunc(byScore, func(x, y int) int { return cmp.Compare(scores[y], scores[x]) })
	for _, i := range byScore {
		if runnerUp(top.c[i], scores[i]) {
			return top.c[i].j, true
		}
	}
	if c.runnerUpThreshold > 1 {
		return best, false // runners-up are not read
	}
	touched = c.wider(words, common, touched)
	for _, x := range c.byKeptScore(touched, top.c[:m], qn) {
		c.measureNorms([]int32{x.j})
		c.cands = append(c.cands, x)
		if runnerUp(x, c.score(x.j, x.dot, qn)) {
			return x.j, true
		}
	}
	return best, false
}

// wider adds to c.dot, and to touched (which it returns), the weight of
// the new article's words (its queryWords rarest of words) held by more
// than common articles but at most twice as many: words too common to
// choose the shortlist by, which the runners-up beyond it are ranked by
// too (byKeptScore). A rewrite that expands a short original in plain
// words, or changes its facts, shares with it the original's ordinary
// words rather than its rare ones: of the 88 rewrites of the
// story-clustering set's fit part left outside their original's cluster
// (whichever came first), the one arriving later scored the other for 82
// and shortlisted it for 31, and most of the words they shared were held
// by more articles than a lookup reads (of the earlier one's posted
// words among the later one's, a median of 5 looked up of 10). Reading
// those lists for the runners-up only leaves the shortlist, the join
// model's features and so the fitted models as they were: ARI fit 0.9169
// → 0.9180, check 0.9168 → 0.9190; originals with all their rewrites fit
// 0.8986 → 0.9022, check 0.8571 → 0.8624; rewrites with their original
// fit 0.9142 → 0.9171, check 0.8770 → 0.8814; texts read 6,314 → 6,730,
// and on `wiretrace bench index --n 20000 --cluster` 152 and 146 against
// 145 and 146, OnIndexed's share of the ingest unchanged. c.mu is held.
func (c *Clusters) wider(words []word, common int32, touched []int32) []int32 {
	for _, x := range words[:min(len(words), queryWords)] {
		p := c.words.slots[x.slot].list
		if p.n <= common || p.n > 2*common {
			continue // read for the shortlist, or too common even here
		}
		w := float32(c.weights.of(x.df))
		touched = c.addList(weightedList{p, w}, touched)
		c.shared.add(x.slot, w)
	}
	return touched
}

// addList adds l's weight to c.dot for each article on its list, and
// the articles not touched before to touched, which it returns. c.mu is
// held.
func (c *Clusters) addList(l weightedList, touched []int32) []int32 {
	for _, j := range c.arena.at(l.off, l.n) {
		if c.dot[j] == 0 {
			touched = append(touched, j)
		}
		c.dot[j] += l.w
	}
	return touched
}

// byKeptScore returns the articles of touched (c.dot holding the weight
// each shares with the new article, of norm qn) that score highest by
// their kept norms, as many as a shortlist, less those of top, the
// highest first: the runners-up beyond the shortlist. The shortlist is
// chosen by shared weight, which a long article wins by its length
// alone, and long retellings of other stories share the words a language
// model adds, while a rewrite's short source shares its details. Of the
// 56 rewrites of the story-clustering set's fit part left alone though
// they arrived after their original, the shortlist held the original for
// 15, the 6 highest scores by kept norms for 30. Choosing the shortlist
// itself so raised the fit part's ARI and lowered the check part's once
// the models were refitted (0.9114 → 0.9207, 0.9143 → 0.9120): the
// join model then reads many short pages' high scores. The kept norms
// are not measured again here, over every touched article: each would
// cost a comparison's time.
func (c *Clusters) byKeptScore(touched []int32, top []cand, qn float64) []cand {
	var r ranked
	for _, j := range touched {
		d := float64(c.dot[j])
		if key := c.score(j, d, qn); r.admits(key, j) && c.cluster[j] >= 0 {
			r.push(cand{j: j, dot: d, key: key})
		}
	}
	return slices.DeleteFunc(r.c[:r.m], func(x cand) bool {
		return slices.ContainsFunc(top, func(y cand) bool { return y.j == x.j })
	})
}

// cand is a candidate of best: an earlier article, the weight it shares
// with the new one, and the key it is ranked by.
type cand struct {
	j        int32
	dot, key float64
}

// ranked holds the shortlist best candidates pushed to it, by key, ties
// to the earlier article, sorted.
type ranked struct {
	c [shortlist]cand
	m int
}

// admits reports whether a candidate j with key would enter r.
func (r *ranked) admits(key float64, j int32) bool {
	last := r.c[max(r.m-1, 0)]
	return r.m < shortlist || key > last.key || key == last.key && j < last.j
}

// push puts x, which r admits, in its place.
func (r *ranked) push(x cand) {
	if r.m < shortlist {
		r.m++
	}
	i := r.m - 1
	for ; i > 0 && (x.key > r.c[i-1].key || x.key == r.c[i-1].key && x.j < r.c[i-1].j); i-- {
		r.c[i] = r.c[i-1]
	}
	r.c[i] = x
}

// score is the score of earlier article j sharing weight dot with the new
// article, of norm qn (see best); 0 when either norm is.
func (c *Clusters) score(j int32, dot, qn float64) float64 {
	cn := float64(c.norm[j])
	if qn == 0 || cn == 0 {
		return 0
	}
	return dot / math.Sqrt(math.Sqrt(qn*cn)*min(qn, cn))
}

// joinFeatures measures what the new article (the words of c.shared, qn
// its norm) shares with the earlier article b (dot the weight they share,
// score its score, margin how far it stands above the best of another
// cluster) and, of that, with other (-1 for none), for the join model.
func (c *Clusters) joinFeatures(b, other int32, dot, qn, score, margin float64) JoinFeatures {
	clear(c.shared.mark[:])
	f := JoinFeatures{featScore: score, featMargin: margin}
	shared := 0.0
	n := 0
	for _, sl := range c.posted[c.start[b]:c.start[b+1]] {
		i := c.shared.find(sl)
		if i < 0 {
			continue
		}
		c.shared.mark[i] = true
		n++
		shared += float64(c.shared.w[i])
	}
	withOther := 0.0
	if other >= 0 {
		for _, sl := range c.posted[c.start[other]:c.start[other+1]] {
			if i := c.shared.find(sl); i >= 0 && c.shared.mark[i] {
				withOther += float64(c.shared.w[i])
			}
		}
	}
	if qn > 0 {
		f[featQueryShare] = dot / qn
	}
	f[featShared] = math.Log1p(float64(n))
	if shared > 0 {
		f[featWithOther] = withOther / shared
	}
	return f
}

// measureNorms makes the kept norms of the articles js (at most
// shortlist) current: an article's norm is the weight of its posted words
// (see weight), kept, and measured again once the corpus has grown by
// normGrowth since it was. The document frequencies of all their words
// are read first, in one loop of loads independent of each other that the
// processor overlaps, then summed: read as they were summed, each waited
// for the memory (a fifth of the clustering's time). c.mu is held.
func (c *Clusters) measureNorms(js []int32) {
	n := float32(c.weights.articles)
	var dfs [shortlist * postedWords]int32
	var stale [shortlist]int32
	k, m := 0, 0
	for _, j := range js {
		if c.norm[j] != 0 && n <= c.normAt[j]*normGrowth {
			continue
		}
		for _, sl := range c.posted[c.start[j]:c.start[j+1]] {
			dfs[k] = c.words.slots[sl].df
			k++
		}
		stale[m] = j
		m++
	}
	k = 0
	for _, j := range stale[:m] {
		cn := 0.0
		for _, df := range dfs[k : k+c.start[j+1]-c.start[j]] {
			cn += c.weights.of(df)
		}
		k += c.start[j+1] - c.start[j]
		c.norm[j], c.normAt[j] = float32(cn), n
	}
}

// Remove takes the article id out of its cluster (a deleted document, or
// one whose store failed). The articles it absorbed (absorb) go back to
// the clusters they founded alone, as Build would leave them once the
// document and its meta (MetaAbsorbed) are gone.
func (c *Clusters) Remove(id string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	n, ok := c.of[id]
	if !ok {
		return
	}
	k := c.cluster[n]
	for _, x := range c.absorbed[n] {
		if c.cluster[x.j] == k {
			c.move(x.j, x.from)
		}
	}
	delete(c.absorbed, n)
	delete(c.of, id)
	c.cluster[n] = -1
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

// Group is one cluster: its name (its story) and its members' ids, in
// arrival order.
type Group struct {
	Name string
	IDs  []string
}

// Groups returns every non-empty cluster, in the order they were founded.
func (c *Clusters) Groups() []Group {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make([]Group, 0, len(c.members))
	for k, m := range c.members {
		if len(m) > 0 {
			out = append(out, Group{Name: c.names[k], IDs: c.idsOf(m)})
		}
	}
	return out
}

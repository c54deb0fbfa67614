package eval

import (
	"cmp"
	"context"
	"fmt"
	"hash/fnv"
	"path/filepath"
	"slices"
	"time"

	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/cluster"
	"github.com/wiretrace/wiretrace/index"
)

// ClusterItem is one article of the story-clustering set: an original of
// llm-rewrites, one of its rewrites, or a benchmark page that is a story
// of its own.
type ClusterItem struct {
	ID string
	// Story is the gold cluster: the original's orig_id for an original
	// and its rewrites, the page's own id for a benchmark page.
	Story    string
	Part     Part
	Original bool
	Article  *article.Article
}

// LoadClusterSet builds the story-clustering set from the shared eval
// folder dir: every original of llm-rewrites with its paraphrase, rewrite
// and f3_* rewrites as one story (open-ended continuations left out: they
// carry on a story rather than retell it), two copies of one original
// (isCopy) and their rewrites as one story, and the extraction benchmark's and WCXB dev's pages as
// singletons.
func LoadClusterSet(dir string) ([]ClusterItem, error) {
	pairs, err := LoadRewrites(filepath.Join(dir, "llm-rewrites"))
	if err != nil {
		return nil, err
	}
	var items []ClusterItem
	seen := map[string]bool{}
	story := copiesOf(pairs)
	for _, p := range pairs {
		if !p.Derived() {
			continue
		}
		if !seen[p.OrigID] {
			seen[p.OrigID] = true
			items = append(items, ClusterItem{ID: p.OrigID, Story: story[p.OrigID], Part: p.Part(), Original: true,
				Article: RewriteArticle(p.Original)})
		}
		items = append(items, ClusterItem{ID: p.ID, Story: story[p.OrigID], Part: p.Part(), Article: RewriteArticle(p.Rewrite)})
	}
	pages, err := BenchmarkPages(dir)
	if err != nil {
		return nil, fmt.Errorf("load cluster set: %w", err)
	}
	for _, pg := range pages {
		items = append(items, ClusterItem{ID: pg.ID, Story: pg.ID, Part: pg.Part, Article: pg.Article})
	}
	return items, nil
}

// copiesOf maps each original's id to its story: the id of the first
// original, in file order, of which it is a copy (isCopy), else its own.
// Only originals sharing a rare word are compared.
func copiesOf(pairs []RewritePair) map[string]string {
	origs, _ := originals(pairs)
	rare := rareWords(origs)
	holders := map[string][]int{}
	story := make(map[string]string, len(origs))
	for i, o := range origs {
		story[o.id] = o.id
		seen := map[int]bool{}
		for _, w := range rare[i] {
			for _, j := range holders[w] {
				if !seen[j] && story[o.id] == o.id {
					seen[j] = true
					if isCopy(o.words, origs[j].words) {
						story[o.id] = story[origs[j].id]
					}
				}
			}
			holders[w] = append(holders[w], i)
		}
	}
	return story
}

// ClusterScore is the clustering's quality on one part of the set.
type ClusterScore struct {
	Part    Part `json:"part"`
	Items   int  `json:"items"`
	Stories int  `json:"stories"`
	// ARI is the adjusted Rand index of the clusters against the stories,
	// over the part's items.
	ARI float64 `json:"ari"`
	// OriginalsWithAll is the share of originals whose every rewrite is in
	// the original's cluster; RewritesWithOriginal the share of rewrites
	// in their original's cluster.
	OriginalsWithAll     float64 `json:"originals_with_all_rewrites"`
	RewritesWithOriginal float64 `json:"rewrites_with_original"`
	// Clusters is how many clusters the part's items fall in.
	Clusters int `json:"clusters"`
}

// ClusterResult is the outcome of `wiretrace eval clusters`.
type ClusterResult struct {
	Data      string       `json:"data"`
	Threshold float64      `json:"threshold"`
	Fit       ClusterScore `json:"fit"`
	Check     ClusterScore `json:"check"`
	// Seconds is the time the clustering took (not the loading).
	Seconds float64 `json:"seconds"`
	// Confirmed is how many joins the confirm model decided, reading
	// the two articles' texts.
	Confirmed int `json:"confirmed"`
}

// ClusterFingerprints returns the index fingerprints of items, by id,
// made once for every clustering of them.
func ClusterFingerprints(items []ClusterItem) map[string]index.Fingerprint {
	out := make(map[string]index.Fingerprint, len(items))
	for _, it := range items {
		out[it.ID] = index.FingerprintOf(it.Article)
	}
	return out
}

// EvalClusters clusters items online, in a fixed shuffled order (by a hash
// of their ids, so originals do not always come first), as an ingest does
// (fps are their fingerprints, ClusterFingerprints; the confirm stage
// reads the items' texts), and scores the clusters on each part.
func EvalClusters(ctx context.Context, items []ClusterItem, opts cluster.Options, fps map[string]index.Fingerprint) (ClusterResult, error) {
	order := clusterOrder(items)
	if opts.Articles == nil {
		byID := make(itemArticles, len(items))
		for _, it := range items {
			byID[it.ID] = it.Article
		}
		opts.Articles = byID
	}
	c := cluster.New(opts)
	start := time.Now()
	of := map[string]string{}
	for i, it := range order {
		if i%256 == 0 && ctx.Err() != nil {
			return ClusterResult{}, ctx.Err()
		}
		of[it.ID] = c.AddFingerprint(it.ID, it.Article, fps[it.ID])
	}
	// The final clusters: an article may have been moved since it
	// arrived (an absorbed article standing alone, cluster.MetaAbsorbed).
	for _, g := range c.Groups() {
		for _, id := range g.IDs {
			of[id] = g.Name
		}
	}
	res := ClusterResult{Threshold: cmp.Or(opts.Threshold, cluster.DefaultThreshold), Seconds: time.Since(start).Seconds(),
		Confirmed: c.Confirmed()}
	res.Fit = scoreClusters(items, of, Fit)
	res.Check = scoreClusters(items, of, Check)
	return res, nil
}

// itemArticles is the articles of a clustering set by id, as the index
// holds them for the confirm stage (cluster.Articles).
type itemArticles map[string]*article.Article

func (m itemArticles) Get(_ context.Context, id string) (index.Entry, error) {
	a, ok := m[id]
	if !ok {
		return index.Entry{}, fmt.Errorf("clustering set: article %s: %w", id, index.ErrNotFound)
	}
	return index.Entry{ID: id, Article: a}, nil
}

// clusterOrder returns items in a fixed shuffled order, by a hash of
// their ids.
func clusterOrder(items []ClusterItem) []ClusterItem {
	order := slices.Clone(items)
	slices.SortFunc(order, func(x, y ClusterItem) int {
		return cmp.Or(cmp.Compare(hash(x.ID), hash(y.ID)), cmp.Compare(x.ID, y.ID))
	})
	return order
}

func hash(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}

// scoreClusters scores the assignment of (item id → cluster) on part.
func scoreClusters(items []ClusterItem, of map[string]string, part Part) ClusterScore {
	s := ClusterScore{Part: part}
	var gold, pred []string
	origCluster := map[string]string{}
	for _, it := range items {
		if it.Part == part && it.Original {
			origCluster[it.Story] = of[it.ID]
		}
	}
	together := map[string]bool{}
	rewrites, withOrig := 0, 0
	stories, clusters := map[string]bool{}, map[string]bool{}
	for _, it := range items {
		if it.Part != part {
			continue
		}
		gold = append(gold, it.Story)
		pred = append(pred, of[it.ID])
		stories[it.Story], clusters[of[it.ID]] = true, true
		if it.Original {
			if _, ok := together[it.Story]; !ok {
				together[it.Story] = true
			}
			continue
		}
		if oc, ok := origCluster[it.Story]; ok {
			rewrites++
			if oc == of[it.ID] {
				withOrig++
			} else {
				together[it.Story] = false
			}
		}
	}
	all := 0
	for _, ok := range together {
		if ok {
			all++
		}
	}
	s.Items, s.Stories, s.Clusters = len(gold), len(stories), len(clusters)
	s.ARI = AdjustedRand(gold, pred)
	s.OriginalsWithAll = ratio(all, len(together))
	s.RewritesWithOriginal = ratio(withOrig, rewrites)
	return s
}

// AdjustedRand is the adjusted Rand index of two labellings of the same
// items (Hubert and Arabie, 1985): 1 when they agree, about 0 when they
// agree no more than chance.
func AdjustedRand(gold, pred []string) float64 {
	n := len(gold)
	if n < 2 || len(pred) != n {
		return 1
	}
	type cell struct{ g, p string }
	cells := map[cell]int{}
	rows, cols := map[string]int{}, map[string]int{}
	for i := range gold {
		cells[cell{gold[i], pred[i]}]++
		rows[gold[i]]++
		cols[pred[i]]++
	}
	pairs := func(x int) float64 { return float64(x) * float64(x-1) / 2 }
	var index, a, b float64
	for _, v := range cells {
		index += pairs(v)
	}
	for _, v := range rows {
		a += pairs(v)
	}
	for _, v := range cols {
		b += pairs(v)
	}
	expected := a * b / pairs(n)
	maxIndex := (a + b) / 2
	if maxIndex == expected {
		return 1
	}
	return (index - expected) / (maxIndex - expected)
}

package trace

import (
	"context"
	"fmt"
	"iter"
	"runtime"
	"strings"
	"sync"

	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/textproc"
)

// Result is what Trace found for one article. Its JSON form is the stable
// contract of `wiretrace trace --json` (DESIGN.md).
type Result struct {
	Document Document `json:"document"`
	Matches  []Match  `json:"matches"`
	// compared holds every candidate compared (see Compared).
	compared []Match
}

// Compared returns every candidate Trace compared with the traced article,
// in retrieval order: the unrelated ones too, and those the index's
// evidence made one story (Match.ByIndex: the comparison alone found them
// unrelated). Matches is made of them. Their features train the ranking
// (`wiretrace train rank`).
func (r *Result) Compared() []Match { return r.compared }

// Document describes the traced article.
type Document struct {
	// ID is the id the article has (or would have) in the index.
	ID        string `json:"id"`
	URL       string `json:"url"`
	Site      string `json:"site"`
	Title     string `json:"title"`
	Published string `json:"published"`
	Credit    string `json:"credit"`
	// Indexed reports whether the article itself is in the index; it is
	// never its own match.
	Indexed bool `json:"indexed"`
}

// Match is one indexed article related to the traced one.
type Match struct {
	ID        string `json:"id"`
	URL       string `json:"url"`
	Site      string `json:"site"`
	Title     string `json:"title"`
	Published string `json:"published"`
	// Relation and Similarity are the report's, repeated for a quick read.
	Relation   Relation `json:"relation"`
	Similarity float64  `json:"similarity"`
	// Original says which side is the original: "match" (the indexed
	// article is the source of the traced one), "document" (the indexed
	// article derives from the traced one) or "unknown".
	Original string `json:"original"`
	// CandidateScore is the index's retrieval score (MinHash similarity or
	// IDF-weighted term overlap).
	CandidateScore float64 `json:"candidate_score"`
	// ByIndex marks a match the comparison alone found unrelated that the
	// index's evidence makes one story with the traced article: among
	// every candidate compared, it stands out as the traced article's
	// source by the ranking model, by enough for the fitted story model
	// (see acceptStories). Its Relation (and its report's) is then
	// same_story.
	ByIndex bool `json:"by_index,omitempty"`
	// Report compares the match (as a) with the traced article (as b).
	Report Report `json:"report"`
	// rank holds the ranking's features (RankFeatures).
	rank []float64
}

// Values of Match.Original.
const (
	OriginalMatch    = "match"
	OriginalDocument = "document"
	OriginalUnknown  = "unknown"
)

// Corpus is the indexed articles Trace searches. *index.Index is one.
type Corpus interface {
	// Exists reports whether an article with id is stored.
	Exists(ctx context.Context, id string) (bool, error)
	// Related returns the ids of the stored articles most likely related
	// to a, at most k, best first, with their retrieval scores; exclude is
	// never among them.
	Related(ctx context.Context, a *article.Article, k int, exclude string) (iter.Seq2[string, float64], error)
	// Article returns the stored article with id.
	Article(ctx context.Context, id string) (*article.Article, error)
}

// Trace finds the indexed articles related to a and compares each with
// it. Matches come ranked: first the articles a derives from whose
// publication dates are known, the earliest first (a copy of a copy leads
// back to the same original), then the others by the fitted ranking
// model's score (Match.RankScore: the relation, its direction,
// similarity, the share of a's content each holds, the candidate score).
// Unrelated candidates are left out, but for those the index's evidence
// makes one story with a (acceptStories). The article itself, if indexed, and articles
// from the same URL are never matches.
func Trace(ctx context.Context, corpus Corpus, a *article.Article, opts Options) (Result, error) {
	nrep := opts.reports()
	ncand := opts.Candidates
	if ncand <= 0 {
		ncand = 2 * nrep
	}
	id := a.ID()
	res := Result{
		Document: Document{ID: id, URL: a.URL, Site: a.Site, Title: a.Title, Published: a.Published, Credit: a.Credit},
		Matches:  []Match{},
	}
	indexed, err := corpus.Exists(ctx, id)
	if err != nil {
		return res, fmt.Errorf("trace %q: %w", a.Title, err)
	}
	res.Document.Indexed = indexed
	// Retrieval reads as much of the page as a comparison would: a page of
	// tens of megabytes costs bounded memory, and its id above is still
	// that of the whole article.
	a, _ = capText(a, opts.maxSentences()*bytesPerSentence)
	cands, err := corpus.Related(ctx, a, ncand, id)
	if err != nil {
		return res, fmt.Errorf("trace %q: %w", a.Title, err)
	}
	type job struct {
		id    string
		score float64
		rank  int
		art   *article.Article
	}
	// The candidates, in retrieval order; each is read when its turn to be
	// compared comes: the first nrep usable ones, then, for a story of
	// several retellings (below), the next.
	type cand struct {
		id    string
		score float64
	}
	var list []cand
	for cid, score := range cands {
		list = append(list, cand{cid, score})
	}
	pos := 0
	next := func(n int) []job {
		var jobs []job
		for ; pos < len(list) && len(jobs) < n; pos++ {
			m, err := corpus.Article(ctx, list[pos].id)
			if err != nil {
				// Deleted since retrieval: skip it rather than fail the trace.
				continue
			}
			if a.URL != "" && sameURL(m.URL, a.URL) {
				continue
			}
			jobs = append(jobs, job{list[pos].id, list[pos].score, pos, m})
		}
		return jobs
	}
	first := next(nrep)
	if len(first) == 0 {
		return res, nil
	}

	da := textproc.Analyze(a)
	defer da.Release()
	var matches []Match
	var evs []rankEvidence
	var ranks []int
	compare := func(batch []job) {
		from := len(matches)
		matches = append(matches, make([]Match, len(batch))...)
		evs = append(evs, make([]rankEvidence, len(batch))...)
		ranks = append(ranks, make([]int, len(batch))...)
		var wg sync.WaitGroup
		sem := make(chan struct{}, runtime.GOMAXPROCS(0))
		for k, j := range batch {
			i := from + k
			wg.Add(1)
			sem <- struct{}{}
			go func() {
				defer func() { <-sem; wg.Done() }()
				m := j.art
				dm := textproc.Analyze(m)
				rep := compareDocs(m, a, dm, da, opts, &evs[i])
				dm.Release()
				ranks[i] = j.rank
				orig := OriginalUnknown
				switch rep.Source {
				case SourceA:
					orig = OriginalMatch
				case SourceB:
					orig = OriginalDocument
				}
				matches[i] = Match{
					ID: j.id, URL: m.URL, Site: m.Site, Title: m.Title, Published: m.Published,
					Relation: rep.Relation, Similarity: rep.Similarity, Original: orig,
					CandidateScore: j.score, Report: rep,
				}
			}()
		}
		wg.Wait()
	}
	compare(first)
	// A story retold many times fills the first candidates with retellings
	// that each derive from one original, which may rank below them: when
	// two or more of the compared articles are sources of a, the next
	// candidates are compared too, so that the original among them is
	// found and ranked (by date first, see rankMatches).
	if ctx.Err() == nil && sources(matches) >= 2 {
		if more := next(nrep); len(more) > 0 {
			compare(more)
		}
	}
	if err := ctx.Err(); err != nil {
		return res, err
	}
	rankFeatures(matches, evs, ranks)
	acceptStories(matches)
	res.compared = matches
	for _, m := range matches {
		if m.Relation != Unrelated {
			res.Matches = append(res.Matches, m)
		}
	}
	rankMatches(res.Matches)
	return res, nil
}

// sources counts the matches that may be a's source: derived, with the
// match as the original or the direction unknown.
func sources(ms []Match) int {
	n := 0
	for i := range ms {
		if ms[i].Relation.Derived() && ms[i].Original != OriginalDocument {
			n++
		}
	}
	return n
}

// sameURL reports whether two URLs name the same page, ignoring the
// scheme, a "www." host prefix, a trailing slash and the fragment.
func sameURL(x, y string) bool {
	return normURL(x) == normURL(y)
}

func normURL(u string) string {
	u, _, _ = strings.Cut(u, "#")
	u = strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "http://")
	u = strings.TrimPrefix(u, "www.")
	return strings.TrimSuffix(u, "/")
}

package eval

import (
	"context"
	"fmt"
	"iter"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/examples"
	"github.com/wiretrace/wiretrace/index"
	"github.com/wiretrace/wiretrace/store/pebble"
	"github.com/wiretrace/wiretrace/trace"
)

// RewriteTraceOptions tunes TraceRewrites. The zero value traces every
// rewrite of both parts among all originals and every distractor page.
type RewriteTraceOptions struct {
	// Part, when set, traces only the rewrites of that part; the index
	// holds every original either way.
	Part Part
	// NoDistractors indexes the originals alone.
	NoDistractors bool
	// Misses, when set, keeps the fit part's misses in the result for
	// study. The check part's misses are never listed: failures are
	// studied on the fit part only.
	Misses bool
}

// RewriteTrace is how well a trace finds the original of each LLM rewrite
// among all originals of the llm-rewrites set and the distractor pages
// (the extraction benchmark's and WCXB dev's articles, their ground-truth
// text).
type RewriteTrace struct {
	Data string `json:"data"`
	// Originals and Distractors are how many articles of each were
	// indexed.
	Originals   int `json:"originals"`
	Distractors int `json:"distractors"`
	// Rows hold the figures by kind and part, then each part's total
	// ("all") and the derived kinds' total ("derived", every kind but
	// open-ended continuations). Rows whose kind starts with "family:"
	// trace the pages of the story families written for evaluation
	// (held-out, restyled, manipulated: familyTraceSets) that derive from
	// their family's original, among every page of the families (each
	// story's original and its retellings) and the distractor pages; they
	// count in no total.
	Rows []RewriteTraceRow `json:"rows"`
	// Families is how many family pages were indexed, in an index of
	// their own with the distractor pages.
	Families int `json:"families"`
	// Hidden holds, by part, what the traces of the same rewrites find
	// with their original hidden from retrieval.
	Hidden []RewriteHiddenRow `json:"hidden"`
	// Misses are the fit part's rewrites whose original was not the first
	// match, when asked for.
	Misses []RewriteTraceMiss `json:"misses,omitempty"`
}

// RewriteTraceRow is one kind's figures on one part.
type RewriteTraceRow struct {
	Kind string `json:"kind"`
	Part Part   `json:"part"`
	N    int    `json:"n"`
	// Top1 is the share whose first trace match is the original.
	Top1 float64 `json:"top1"`
	// Top10 is the share whose original is among the index's first 10
	// candidates.
	Top10 float64 `json:"top10"`
	// Candidate1 is the share whose original is the first candidate,
	// before any comparison.
	Candidate1 float64 `json:"candidate1"`
}

// RewriteHiddenRow is what one part's traces find when each rewrite's
// original (and its copies) is hidden from retrieval: a rewrite whose
// source is not indexed.
type RewriteHiddenRow struct {
	Part Part `json:"part"`
	N    int  `json:"n"`
	// ByIndex is the share of traces with a match the comparison alone
	// found unrelated that the index's evidence made one story
	// (trace.Match.ByIndex): a claim no comparison backs, about an article
	// that is not the source (it may be another report of the event).
	ByIndex float64 `json:"by_index"`
	// Matched is the share of traces with any match.
	Matched float64 `json:"matched"`
}

// RewriteTraceMiss is one fit-part rewrite whose original was not first.
type RewriteTraceMiss struct {
	Pair string `json:"pair"`
	Kind string `json:"kind"`
	// Rank is the original's 1-based rank among the first 10 candidates,
	// 0 when it is not among them.
	Rank int `json:"rank"`
	// First is the first match ("" when none), with its relation.
	First    string         `json:"first"`
	Relation trace.Relation `json:"relation"`
	// Original is the original's relation when it was compared, "" when
	// it was not among the compared candidates.
	Original trace.Relation `json:"original_relation"`
}

// rewriteOriginalURL is the URL an original is indexed under, which keeps
// originals of equal text apart in the index and names the original.
const rewriteOriginalURL = "llm-rewrites:"

// TraceRewrites indexes every original of the llm-rewrites set in dir (the
// shared eval folder) with the distractor pages in a temporary Pebble
// store, traces each rewrite against it and reports, by kind and part,
// how often the original comes first. Two copies of one original
// (isCopy) are one article: a trace naming either names the original.
func TraceRewrites(ctx context.Context, dir string, opts RewriteTraceOptions) (*RewriteTrace, error) {
	pairs, err := LoadRewrites(filepath.Join(dir, "llm-rewrites"))
	if err != nil {
		return nil, err
	}
	rix, err := openRewritesIndex(ctx, dir, pairs, !opts.NoDistractors)
	if err != nil {
		return nil, err
	}
	defer rix.Close()
	ix := rix.ix
	res := &RewriteTrace{Data: dir, Originals: rix.originals, Distractors: rix.distractors}

	type tally struct{ n, top1, top10, cand1 int }
	tallies := map[[2]string]*tally{}
	add := func(kind string, part Part, t1, t10, c1 bool) {
		k := [2]string{kind, string(part)}
		t := tallies[k]
		if t == nil {
			t = &tally{}
			tallies[k] = t
		}
		t.n++
		t.top1 += b2i(t1)
		t.top10 += b2i(t10)
		t.cand1 += b2i(c1)
	}
	hiddenTallies := map[Part]struct{ n, byIndex, matched int }{}
	for _, p := range pairs {
		if opts.Part != "" && p.Part() != opts.Part {
			continue
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		isOrig := rix.isOriginal(p)
		q := RewriteArticle(p.Rewrite)
		cands, err := ix.Candidates(ctx, q, index.QueryOptions{K: 10})
		if err != nil {
			return nil, fmt.Errorf("trace rewrite %s: %w", p.ID, err)
		}
		rank := 1 + slices.IndexFunc(cands, func(c index.Candidate) bool { return isOrig(c.ID) })
		tr, err := trace.Trace(ctx, ix, q, trace.Options{})
		if err != nil {
			return nil, fmt.Errorf("trace rewrite %s: %w", p.ID, err)
		}
		top1 := len(tr.Matches) > 0 && isOrig(tr.Matches[0].ID)
		htr, err := trace.Trace(ctx, hidden{ix, isOrig}, q, trace.Options{})
		if err != nil {
			return nil, fmt.Errorf("trace rewrite %s without its original: %w", p.ID, err)
		}
		h := hiddenTallies[p.Part()]
		h.n++
		h.byIndex += b2i(slices.ContainsFunc(htr.Matches, func(m trace.Match) bool { return m.ByIndex }))
		h.matched += b2i(len(htr.Matches) > 0)
		hiddenTallies[p.Part()] = h
		for _, k := range []string{p.Kind, "all", "derived"} {
			if k == "derived" && !p.Derived() {
				continue
			}
			add(k, p.Part(), top1, rank > 0, rank == 1)
		}
		if opts.Misses && !top1 && p.Part() == Fit {
			m := RewriteTraceMiss{Pair: p.ID, Kind: p.Kind, Rank: rank}
			if len(tr.Matches) > 0 {
				m.First, m.Relation = strings.TrimPrefix(tr.Matches[0].URL, rewriteOriginalURL), tr.Matches[0].Relation
				if m.First == "" {
					m.First = tr.Matches[0].Title
				}
			}
			for _, x := range tr.Matches {
				if isOrig(x.ID) {
					m.Original = x.Relation
				}
			}
			res.Misses = append(res.Misses, m)
		}
	}
	fix, err := openFamilyIndex(ctx, dir, !opts.NoDistractors)
	if err != nil {
		return nil, err
	}
	defer fix.Close()
	res.Families = len(fix.ids)
	for _, set := range fix.sets {
		if opts.Part != "" && set.part != opts.Part {
			continue
		}
		for _, fam := range set.fams {
			orig := fix.ids[set.dir+"/"+fam.Original().Path]
			for _, f := range fam.Files {
				if !trace.Relation(f.Relation).Derived() {
					continue
				}
				if err := ctx.Err(); err != nil {
					return nil, err
				}
				// The page is indexed too, as the story's other pages are:
				// it is traced as itself (its URL, its id), which a trace
				// never names.
				q, err := exampleArticle(f)
				if err != nil {
					return nil, err
				}
				q.URL = "family:" + set.dir + "/" + f.Path
				cands, err := fix.ix.Candidates(ctx, q, index.QueryOptions{K: 11})
				if err != nil {
					return nil, fmt.Errorf("trace %s/%s: %w", set.dir, f.Path, err)
				}
				cands = slices.DeleteFunc(cands, func(c index.Candidate) bool { return c.ID == q.ID() })
				rank := 1 + slices.IndexFunc(cands[:min(10, len(cands))], func(c index.Candidate) bool { return c.ID == orig })
				tr, err := trace.Trace(ctx, fix.ix, q, trace.Options{})
				if err != nil {
					return nil, fmt.Errorf("trace %s/%s: %w", set.dir, f.Path, err)
				}
				add("family:"+set.name, set.part, len(tr.Matches) > 0 && tr.Matches[0].ID == orig, rank > 0, rank == 1)
			}
		}
	}
	for k, t := range tallies {
		res.Rows = append(res.Rows, RewriteTraceRow{
			Kind: k[0], Part: Part(k[1]), N: t.n,
			Top1:       float64(t.top1) / float64(t.n),
			Top10:      float64(t.top10) / float64(t.n),
			Candidate1: float64(t.cand1) / float64(t.n),
		})
	}
	for _, part := range []Part{Fit, Check} {
		if h := hiddenTallies[part]; h.n > 0 {
			res.Hidden = append(res.Hidden, RewriteHiddenRow{Part: part, N: h.n,
				ByIndex: float64(h.byIndex) / float64(h.n), Matched: float64(h.matched) / float64(h.n)})
		}
	}
	slices.SortFunc(res.Rows, func(x, y RewriteTraceRow) int {
		if c := cmpKind(x.Kind, y.Kind); c != 0 {
			return c
		}
		return strings.Compare(string(x.Part), string(y.Part)) * -1 // fit before check
	})
	return res, nil
}

// rewritesIndex is an index of every original of the llm-rewrites set,
// with the distractor pages when asked for, in a temporary Pebble store.
type rewritesIndex struct {
	ix  *index.Index
	st  *pebble.Store
	tmp string
	// wordsOf maps an indexed original's id to its word set (wordSet).
	wordsOf                map[string]map[string]bool
	originals, distractors int
}

// familyTraceSet is one set of story families whose derived pages
// TraceRewrites traces: its name, its folder, the part it counts in.
type familyTraceSet struct {
	name, dir string
	part      Part
	fams      []examples.Family
}

// familyTraceSets returns the story family sets written for evaluation:
// the held-out families and their originals' manipulated retellings
// (nothing is fitted on them: check), and by part the restyled stories,
// their manipulated retellings and the retold stories.
func familyTraceSets() ([]familyTraceSet, error) {
	var out []familyTraceSet
	held, err := HeldOutFamilies()
	if err != nil {
		return nil, err
	}
	heldManipulated, err := HeldOutManipulated()
	if err != nil {
		return nil, err
	}
	out = append(out, familyTraceSet{"held-out", "heldout", Check, held}, familyTraceSet{"manipulated-held-out", "heldout", Check, heldManipulated})
	for _, part := range []Part{Fit, Check} {
		restyled, err := RestyledFamilies(part)
		if err != nil {
			return nil, err
		}
		manipulated, err := ManipulatedFamilies(part)
		if err != nil {
			return nil, err
		}
		retold, err := RetoldFamilies(part)
		if err != nil {
			return nil, err
		}
		dir := "restyled/" + string(part)
		out = append(out, familyTraceSet{"restyled", dir, part, restyled}, familyTraceSet{"manipulated", dir, part, manipulated},
			familyTraceSet{"retold", "retold/" + string(part), part, retold})
	}
	return out, nil
}

// openRewritesIndex indexes the originals of pairs, and the distractor
// pages under dir when distractors is set. Originals of identical text
// are one article (one id).
func openRewritesIndex(ctx context.Context, dir string, pairs []RewritePair, distractors bool) (*rewritesIndex, error) {
	var arts []*article.Article
	r := &rewritesIndex{wordsOf: map[string]map[string]bool{}}
	seen := map[string]bool{}
	for _, p := range pairs {
		if seen[p.OrigID] {
			continue
		}
		seen[p.OrigID] = true
		a := RewriteArticle(p.Original)
		a.URL = rewriteOriginalURL + p.OrigID
		r.wordsOf[a.ID()] = wordSet(p.Original)
		arts = append(arts, a)
	}
	r.originals = len(arts)
	if distractors {
		ds, err := distractorPages(dir)
		if err != nil {
			return nil, err
		}
		r.distractors = len(ds)
		arts = append(arts, ds...)
	}
	if err := r.index(ctx, arts); err != nil {
		return nil, fmt.Errorf("index rewrites' originals: %w", err)
	}
	return r, nil
}

// index adds arts to a new index in a temporary Pebble store.
func (r *rewritesIndex) index(ctx context.Context, arts []*article.Article) error {
	tmp, err := os.MkdirTemp("", "wiretrace-rewrites-")
	if err != nil {
		return err
	}
	r.tmp = tmp
	r.st, err = pebble.Open(tmp, pebble.Options{CacheSize: 32 << 20, MemTableSize: 16 << 20})
	if err != nil {
		os.RemoveAll(tmp)
		return err
	}
	r.ix = index.New(r.st)
	for from := 0; from < len(arts); from += 512 {
		if _, err := r.ix.Add(ctx, arts[from:min(from+512, len(arts))]...); err != nil {
			r.Close()
			return err
		}
	}
	return nil
}

// familyIndex is an index of every page of the story family sets written
// for evaluation (familyTraceSets), with the distractor pages: a story
// retold many times, each retelling indexed beside its original.
type familyIndex struct {
	rewritesIndex
	sets []familyTraceSet
	// ids maps "dir/path" of each page to its indexed id.
	ids map[string]string
}

// openFamilyIndex indexes the family pages and the distractor pages under
// dir (when distractors is set). Each page is indexed under the URL
// "family:dir/path".
func openFamilyIndex(ctx context.Context, dir string, distractors bool) (*familyIndex, error) {
	sets, err := familyTraceSets()
	if err != nil {
		return nil, err
	}
	r := &familyIndex{sets: sets, ids: map[string]string{}}
	var arts []*article.Article
	for _, set := range sets {
		for _, fam := range set.fams {
			for _, f := range fam.Files {
				key := set.dir + "/" + f.Path
				if _, ok := r.ids[key]; ok {
					continue // the restyled and manipulated sets share originals
				}
				a, err := exampleArticle(f)
				if err != nil {
					return nil, err
				}
				a.URL = "family:" + key
				r.ids[key] = a.ID()
				arts = append(arts, a)
			}
		}
	}
	if distractors {
		ds, err := distractorPages(dir)
		if err != nil {
			return nil, err
		}
		r.distractors = len(ds)
		arts = append(arts, ds...)
	}
	if err := r.index(ctx, arts); err != nil {
		return nil, fmt.Errorf("index story families: %w", err)
	}
	return r, nil
}

// isOriginal returns whether an indexed id is p's original or another
// copy of it (isCopy).
func (r *rewritesIndex) isOriginal(p RewritePair) func(id string) bool {
	want := wordSet(p.Original)
	return func(id string) bool {
		w, ok := r.wordsOf[id]
		return ok && isCopy(w, want)
	}
}

// Close closes the store and removes it.
func (r *rewritesIndex) Close() {
	r.st.Close()
	os.RemoveAll(r.tmp)
}

// hidden is a corpus with some articles hidden from retrieval.
type hidden struct {
	*index.Index
	hide func(id string) bool
}

// Related implements trace.Corpus: the index's candidates but the hidden
// ones, at most k.
func (h hidden) Related(ctx context.Context, a *article.Article, k int, exclude string) (iter.Seq2[string, float64], error) {
	seq, err := h.Index.Related(ctx, a, k+hiddenSpare, exclude)
	if err != nil {
		return nil, err
	}
	return func(yield func(string, float64) bool) {
		n := 0
		for id, score := range seq {
			if h.hide(id) {
				continue
			}
			if n++; n > k || !yield(id, score) {
				return
			}
		}
	}, nil
}

// hiddenSpare is how many more candidates hidden asks the index for than
// it returns: an original's copies in the set are few.
const hiddenSpare = 4

// Row returns the row of kind on part, and false when there is none.
func (r *RewriteTrace) Row(kind string, part Part) (RewriteTraceRow, bool) {
	for _, x := range r.Rows {
		if x.Kind == kind && x.Part == part {
			return x, true
		}
	}
	return RewriteTraceRow{}, false
}

// cmpKind orders kinds by name, with the totals last.
func cmpKind(x, y string) int {
	rank := func(k string) int {
		switch k {
		case "derived":
			return 1
		case "all":
			return 2
		}
		return 0
	}
	if c := rank(x) - rank(y); c != 0 {
		return c
	}
	return strings.Compare(x, y)
}

// distractorPages returns the articles of the extraction benchmark's pages
// and of WCXB dev's pages under dir, as their ground truth gives them
// (BenchmarkPages).
func distractorPages(dir string) ([]*article.Article, error) {
	pages, err := BenchmarkPages(dir)
	if err != nil {
		return nil, fmt.Errorf("distractor pages: %w", err)
	}
	out := make([]*article.Article, len(pages))
	for i, p := range pages {
		out[i] = p.Article
	}
	return out, nil
}

// BenchmarkPage is one page of the extraction benchmark or of WCXB dev.
type BenchmarkPage struct {
	// ID is the page's id in its set ("wcxb-" before WCXB's ids).
	ID string
	// Part is the page's part: PartOf its id in its set.
	Part    Part
	Article *article.Article
}

// BenchmarkPages returns the articles of the extraction benchmark's pages
// and of WCXB dev's pages under dir, as their ground truth gives them (the
// body a person marked, one paragraph a line): they are the same whatever
// the extractor does today, and reading them costs no extraction. A page
// without a body is left out.
func BenchmarkPages(dir string) ([]BenchmarkPage, error) {
	set, err := LoadExtraction(filepath.Join(dir, "extraction"))
	if err != nil {
		return nil, err
	}
	wcxb, err := LoadWCXB(filepath.Join(dir, "wcxb-dev"))
	if err != nil {
		return nil, err
	}
	var out []BenchmarkPage
	keep := func(id string, part Part, url, title, body string) {
		a := &article.Article{URL: url, Title: title}
		for _, p := range strings.Split(body, "\n") {
			if p = strings.TrimSpace(p); p != "" {
				a.Paragraphs = append(a.Paragraphs, p)
			}
		}
		if len(a.Paragraphs) > 0 {
			out = append(out, BenchmarkPage{ID: id, Part: part, Article: a})
		}
	}
	for _, p := range set.Pages {
		keep(p.ID, PartOf(p.ID), p.URL, "", p.Truth)
	}
	for _, p := range wcxb.Pages {
		keep("wcxb-"+p.ID, p.Part(), p.URL, p.Title, p.Body)
	}
	return out, nil
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

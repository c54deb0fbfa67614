package server

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/index"
	"github.com/wiretrace/wiretrace/store"
	"github.com/wiretrace/wiretrace/trace"
)

// errNoIndex reports a request that needs an index on a server without one.
var errNoIndex = &requestError{status: 503, msg: "this server has no index: start it with --store DIR, --redis ADDRS or --demo"}

// familyTraceOptions compares more candidates than a plain trace: a family
// of a widely copied story can have dozens of members, and each needs its
// relation and dates.
var familyTraceOptions = trace.TraceOptions{Reports: 40, Candidates: 80}

// Family is a document's original and everything derived from it, by
// publication date (the JSON of GET /v1/documents/{id}/family).
type Family struct {
	// ID is the document asked about; Original is the id of the family's
	// original (ID itself when nothing in the index is its source).
	ID       string `json:"id"`
	Original string `json:"original"`
	// Members are the original and the documents derived from it, by
	// publication date (unknown dates last).
	Members []Member `json:"members"`
	// SameStory lists independent reports of the same event: related, but
	// not derived from the original.
	SameStory []Member `json:"same_story"`
}

// Member is one document of a family and how it relates to the original.
type Member struct {
	ID        string `json:"id"`
	URL       string `json:"url"`
	Site      string `json:"site"`
	Title     string `json:"title"`
	Published string `json:"published"`
	// Role is "original" or "derived" ("related" in SameStory).
	Role string `json:"role"`
	// Relation, Similarity, CreditsSource and Drifts compare the member
	// with the original; empty for the original itself.
	Relation      trace.Relation `json:"relation,omitempty"`
	Similarity    float64        `json:"similarity,omitempty"`
	CreditsSource *bool          `json:"credits_source,omitempty"`
	Drifts        int            `json:"drifts"`
}

// family finds the family of the indexed document id: it traces the
// document to its earliest source in the index, then traces that original
// to everything derived from it.
func family(ctx context.Context, ix *index.Index, id string) (Family, error) {
	e, err := ix.Get(ctx, id)
	if err != nil {
		return Family{}, err
	}
	res, err := trace.Trace(ctx, ix, e.Article, familyTraceOptions)
	if err != nil {
		return Family{}, fmt.Errorf("trace document %s: %w", id, err)
	}
	self := memberOf(id, e.Article)
	// The original is the earliest match this document derives from. When
	// the direction is unknown (two identical texts), the earlier
	// publication date decides.
	var root *trace.Match
	for i := range res.Matches {
		m := &res.Matches[i]
		if !m.Relation.Derived() {
			continue
		}
		if m.Original == trace.OriginalMatch || (m.Original == trace.OriginalUnknown && earlier(m.Published, self.Published)) {
			if root == nil || earlier(m.Published, root.Published) {
				root = m
			}
		}
	}
	f := Family{ID: id, Original: id}
	if root == nil {
		f.Members = append(f.Members, original(self))
		f.addDerived(res.Matches, "")
		return f.sorted(), nil
	}
	f.Original = root.ID
	re, err := ix.Get(ctx, root.ID)
	if err != nil {
		return Family{}, fmt.Errorf("read original %s of %s: %w", root.ID, id, err)
	}
	rootRes, err := trace.Trace(ctx, ix, re.Article, familyTraceOptions)
	if err != nil {
		return Family{}, fmt.Errorf("trace original %s: %w", root.ID, err)
	}
	f.Members = append(f.Members, original(memberOf(root.ID, re.Article)))
	f.addDerived(rootRes.Matches, root.ID)
	if !slices.ContainsFunc(f.Members, func(m Member) bool { return m.ID == id }) {
		// The original's own trace ranked this document out of its
		// reports; its relation is known from the first trace.
		self.Role = "derived"
		fillReport(&self, root.Relation, root.Report)
		f.Members = append(f.Members, self)
		f.SameStory = slices.DeleteFunc(f.SameStory, func(m Member) bool { return m.ID == id })
	}
	return f.sorted(), nil
}

// addDerived adds the matches of the original's trace: derived ones as
// members, same-story ones as related. rootID is the original's id, never
// its own match.
func (f *Family) addDerived(matches []trace.Match, rootID string) {
	for _, m := range matches {
		if m.ID == rootID {
			continue
		}
		mem := Member{ID: m.ID, URL: m.URL, Site: m.Site, Title: m.Title, Published: m.Published}
		fillReport(&mem, m.Relation, m.Report)
		switch {
		case m.Relation.Derived() && m.Original != trace.OriginalMatch:
			mem.Role = "derived"
			f.Members = append(f.Members, mem)
		case m.Relation == trace.SameStory:
			mem.Role = "related"
			f.SameStory = append(f.SameStory, mem)
		}
	}
}

func fillReport(m *Member, rel trace.Relation, r trace.Report) {
	m.Relation = rel
	m.Similarity = r.Similarity
	m.Drifts = len(r.Drifts)
	if rel.Derived() {
		c := r.CreditsSource
		m.CreditsSource = &c
	}
}

func memberOf(id string, a *article.Article) Member {
	return Member{ID: id, URL: a.URL, Site: a.Site, Title: a.Title, Published: a.Published}
}

func original(m Member) Member {
	m.Role = "original"
	return m
}

// sorted orders members by publication date, the original first among
// equal dates and unknown dates last.
func (f Family) sorted() Family {
	by := func(a, b Member) int {
		if c := cmpDates(a.Published, b.Published); c != 0 {
			return c
		}
		if (a.Role == "original") != (b.Role == "original") {
			if a.Role == "original" {
				return -1
			}
			return 1
		}
		return cmp.Compare(a.ID, b.ID)
	}
	slices.SortStableFunc(f.Members, by)
	slices.SortStableFunc(f.SameStory, by)
	if f.SameStory == nil {
		f.SameStory = []Member{}
	}
	return f
}

// cmpDates compares two publication dates; unknown dates sort last.
func cmpDates(a, b string) int {
	ta, oka := (&article.Article{Published: a}).PublishedTime()
	tb, okb := (&article.Article{Published: b}).PublishedTime()
	switch {
	case oka && okb:
		return ta.Compare(tb)
	case oka:
		return -1
	case okb:
		return 1
	}
	return 0
}

// earlier reports whether date a is known and before b (or b unknown).
func earlier(a, b string) bool {
	ta, oka := (&article.Article{Published: a}).PublishedTime()
	tb, okb := (&article.Article{Published: b}).PublishedTime()
	return oka && (!okb || ta.Before(tb))
}

// SearchResult is one hit of GET /v1/search.
type SearchResult struct {
	ID        string `json:"id"`
	URL       string `json:"url"`
	Site      string `json:"site"`
	Title     string `json:"title"`
	Published string `json:"published"`
	// Snippet is a stretch of the text around the first matched word.
	Snippet string `json:"snippet"`
	// Score counts matched query words, a title match worth three.
	Score int `json:"score"`
}

// scanLimit is the largest index that search reads in full. Below it a
// search reads every stored article, so any word is found; above it a
// search relies on the index's term postings, which hold each article's
// rare and entity terms (names, places, numbers) but not every word.
// BenchmarkSearch measured about 60 µs per stored article (read from
// Pebble, decode, match) on a loaded 2-core machine: 5,000 articles is a
// third of a second.
const scanLimit = 5000

// search finds indexed articles whose title or text contains every word of
// q (case-insensitive), best first, at most limit of them. It reads every
// article when the index holds at most scan of them (see scanLimit).
func search(ctx context.Context, ix *index.Index, q string, limit int, scan int64) ([]SearchResult, error) {
	words := queryWords(q)
	if len(words) == 0 {
		return []SearchResult{}, nil
	}
	st := ix.Store()
	n, err := st.Count(ctx)
	if err != nil {
		return nil, fmt.Errorf("search %q: count documents: %w", q, err)
	}
	var ids []string
	if n <= scan {
		err = st.Scan(ctx, func(id string) error {
			ids = append(ids, id)
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("search %q: scan: %w", q, err)
		}
	} else {
		// The query as a tiny article: the index picks its distinctive
		// terms and returns the articles holding them.
		cands, err := ix.Candidates(ctx, &article.Article{Title: q, Paragraphs: []string{q}},
			index.QueryOptions{K: 200, MinScore: 1e-9})
		if err != nil {
			return nil, fmt.Errorf("search %q: candidates: %w", q, err)
		}
		for _, c := range cands {
			ids = append(ids, c.ID)
		}
	}
	results := []SearchResult{}
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		e, err := ix.Get(ctx, id)
		if errors.Is(err, store.ErrNotFound) {
			continue // deleted since the scan
		}
		if err != nil {
			return nil, fmt.Errorf("search %q: %w", q, err)
		}
		if r, ok := matchArticle(id, e.Article, words); ok {
			results = append(results, r)
		}
	}
	slices.SortStableFunc(results, func(a, b SearchResult) int {
		if c := cmp.Compare(b.Score, a.Score); c != 0 {
			return c
		}
		if c := cmpDates(b.Published, a.Published); c != 0 {
			return c // newest first
		}
		return cmp.Compare(a.ID, b.ID)
	})
	if limit > 0 && len(results) > limit {
		results = results[:limit]
	}
	return results, nil
}

// queryWords splits q into lower-case words, dropping duplicates.
func queryWords(q string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(q), notWordRune) {
		if !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

func notWordRune(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) }

// matchArticle scores a against the query words: every word must occur in
// the title or the text as a whole word.
func matchArticle(id string, a *article.Article, words []string) (SearchResult, bool) {
	title := strings.ToLower(a.Title)
	text := a.Text()
	body := strings.ToLower(text)
	score := 0
	for _, w := range words {
		switch {
		case indexWord(title, w) >= 0:
			score += 3
		case indexWord(body, w) >= 0:
			score++
		default:
			return SearchResult{}, false
		}
	}
	return SearchResult{ID: id, URL: a.URL, Site: a.Site, Title: a.Title, Published: a.Published,
		Snippet: snippet(text, words), Score: score}, true
}

// snippetRunes is how much text a snippet shows: about two lines of a
// results list.
const snippetRunes = 220

// snippet returns about snippetRunes of text around the first query word
// found in it, cut at word boundaries.
func snippet(text string, words []string) string {
	lower := strings.ToLower(text)
	at := -1
	for _, w := range words {
		if i := indexWord(lower, w); i >= 0 && (at < 0 || i < at) {
			at = i
		}
	}
	if len(lower) != len(text) || at < 0 {
		at = 0
	}
	start := max(0, at-snippetRunes/3)
	for start > 0 && !unicode.IsSpace(rune(text[start-1])) {
		start--
	}
	end := min(len(text), start+snippetRunes)
	for end < len(text) && !unicode.IsSpace(rune(text[end])) {
		end++
	}
	s := strings.Join(strings.Fields(text[start:end]), " ")
	if start > 0 {
		s = "… " + s
	}
	if end < len(text) {
		s += " …"
	}
	return s
}

// indexWord finds w in s as a whole word.
func indexWord(s, w string) int {
	for off := 0; ; {
		i := strings.Index(s[off:], w)
		if i < 0 {
			return -1
		}
		i += off
		before := i == 0 || notWordRune(lastRune(s[:i]))
		after := i+len(w) == len(s) || notWordRune(firstRune(s[i+len(w):]))
		if before && after {
			return i
		}
		off = i + len(w)
	}
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func firstRuneSize(s string) (rune, int) { return utf8.DecodeRuneInString(s) }

// marshalReport turns a trace report into the contract shape the views
// read.
func marshalReport(r trace.Report) (reportJSON, error) {
	b, err := json.Marshal(r)
	if err != nil {
		return reportJSON{}, fmt.Errorf("encode report: %w", err)
	}
	var rj reportJSON
	if err := json.Unmarshal(b, &rj); err != nil {
		return reportJSON{}, fmt.Errorf("decode report: %w", err)
	}
	return rj, nil
}

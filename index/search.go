package index

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/store"
)

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

// ScanLimit is the largest index that search reads in full. Below it a
// search reads every stored article, so any word is found; above it a
// search relies on the index's term postings, which hold each article's
// rare and entity terms (names, places, numbers) but not every word.
// BenchmarkSearch measured about 60 µs per stored article (read from
// Pebble, decode, match) on a loaded 2-core machine: 5,000 articles is a
// third of a second.
const ScanLimit = 5000

// SearchOptions tunes Search. The zero value is ready to use.
type SearchOptions struct {
	// Limit is the most results returned; 0 means all.
	Limit int
	// ScanLimit is the largest index Search reads in full; 0 means
	// ScanLimit, a negative value never reads the index in full.
	ScanLimit int64
}

// Search finds indexed articles whose title or text contains every word
// of q (case-insensitive, whole words), best first. It reads every article
// when the index holds at most opts.ScanLimit of them, and otherwise the
// articles holding q's distinctive terms (see ScanLimit).
func (ix *Index) Search(ctx context.Context, q string, opts SearchOptions) ([]SearchResult, error) {
	words := SearchWords(q)
	if len(words) == 0 {
		return []SearchResult{}, nil
	}
	scan := opts.ScanLimit
	if scan == 0 {
		scan = ScanLimit
	}
	limit := opts.Limit
	n, err := ix.Count(ctx)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", q, err)
	}
	var ids []string
	if n <= scan {
		err = ix.Each(ctx, func(id string) error {
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
			QueryOptions{K: 200, MinScore: 1e-9})
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
		ta, oka := (&article.Article{Published: a.Published}).PublishedTime()
		tb, okb := (&article.Article{Published: b.Published}).PublishedTime()
		switch {
		case oka && okb && !ta.Equal(tb):
			return tb.Compare(ta) // newest first
		case oka != okb:
			if oka {
				return -1 // unknown dates last
			}
			return 1
		}
		return cmp.Compare(a.ID, b.ID)
	})
	if limit > 0 && len(results) > limit {
		results = results[:limit]
	}
	return results, nil
}

// SearchWords splits a search query into the lower-case words Search
// looks for, dropping duplicates.
func SearchWords(q string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(q), NotWordRune) {
		if !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

// NotWordRune reports whether r is not part of a word to Search.
func NotWordRune(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) }

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
		before := i == 0 || NotWordRune(lastRune(s[:i]))
		after := i+len(w) == len(s) || NotWordRune(firstRune(s[i+len(w):]))
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

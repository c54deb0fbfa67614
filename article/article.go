// Package article defines Article, the news article that wiretrace extracts
// from a page and compares, indexes and traces.
package article

import (
	"cmp"
	"strings"
	"time"
)

// Article is one news article as extracted from a page: its metadata, its
// body as paragraphs, and the reader comments shown apart from the body.
//
// The JSON form is the stable contract of `wiretrace extract --json`; fields
// may be added but never renamed.
type Article struct {
	URL    string `json:"url"`
	Site   string `json:"site"`
	Title  string `json:"title"`
	Byline string `json:"byline"`
	// Published is the publication time in ISO 8601 (RFC 3339 when the
	// time of day is known, YYYY-MM-DD otherwise); empty when unknown.
	Published string `json:"published"`
	// Modified is when the page says it last changed, in the form of
	// Published; empty when it says nothing. A page changed after another
	// appeared (a live blog, an updated story) may have taken from it
	// whatever its publication date.
	Modified string `json:"modified,omitempty"`
	// Dateline is the place the story was filed from ("WASHINGTON").
	Dateline string `json:"dateline"`
	// Credit is the news agency or outlet the article credits as its
	// source ("Thomson Reuters", "AP", "AFP"); empty when none.
	Credit string `json:"credit"`
	// Credits are the other outlets the page credits for parts of its
	// text, each in a line set apart beside the part ("Source: Meridian
	// Press", "Via The Harbour Courier"): a roundup or a live blog
	// credits each item's outlet. Credit is not repeated here.
	Credits []string `json:"credits,omitempty"`
	// Language is a BCP 47 tag ("en"); empty when unknown.
	Language   string    `json:"language"`
	Paragraphs []string  `json:"paragraphs"`
	Comments   []Comment `json:"comments"`
}

// Comment is one reader comment shown with an article.
type Comment struct {
	Author string `json:"author"`
	Text   string `json:"text"`
	// Score is the net vote count the page shows; nil when it shows none.
	Score *int `json:"score"`
}

// Text returns the body as one string, paragraphs separated by blank lines.
func (a *Article) Text() string {
	return strings.Join(a.Paragraphs, "\n\n")
}

// ComparePublished orders two Published values: -1 when x is the
// earlier, 1 when y is, 0 when neither is; ok is false when either is
// empty or unreadable. Two times of day are ordered when a minute or more
// apart; a value that gives the day alone ("2026-05-12") says nothing of
// the hour, so against a time it is ordered by the calendar day only, and
// the same day is neither earlier.
func ComparePublished(x, y string) (order int, ok bool) {
	tx, okx := (&Article{Published: x}).PublishedTime()
	ty, oky := (&Article{Published: y}).PublishedTime()
	if !okx || !oky {
		return 0, false
	}
	if dayOnly(x) || dayOnly(y) {
		yx, mx, dx := tx.Date()
		yy, my, dy := ty.Date()
		return cmp.Compare(yx*10000+int(mx)*100+dx, yy*10000+int(my)*100+dy), true
	}
	switch d := ty.Sub(tx); {
	case d >= time.Minute:
		return -1, true
	case d <= -time.Minute:
		return 1, true
	}
	return 0, true
}

// dayOnly reports a Published value that gives the day alone.
func dayOnly(s string) bool { return len(s) == len("2006-01-02") }

// PublishedTime parses Published. It reports false when Published is empty
// or not in a form this package writes.
func (a *Article) PublishedTime() (time.Time, bool) {
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, a.Published); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// Host returns the host of an absolute web address, lower-cased, without
// "www.", a port or a user; "" when u has no scheme.
func Host(u string) string {
	i := strings.Index(u, "://")
	if i < 0 {
		return ""
	}
	h := u[i+3:]
	if j := strings.IndexAny(h, "/?#"); j >= 0 {
		h = h[:j]
	}
	if j := strings.LastIndexByte(h, '@'); j >= 0 {
		h = h[j+1:]
	}
	if j := strings.LastIndexByte(h, ':'); j >= 0 && !strings.Contains(h[j:], "]") {
		h = h[:j]
	}
	return strings.TrimPrefix(strings.ToLower(h), "www.")
}

package server

import "github.com/wiretrace/wiretrace/report"

// docSummary is one indexed document as lists show it.
type docSummary struct {
	ID, Title, Site, Published, URL string
}

// traceView is a traced page and its matches in the index.
type traceView struct {
	Title, Site, Published, Credit, Byline string
	// ID is set when the traced page is itself in the index.
	ID         string
	Paragraphs []string
	Matches    []matchView
	// Source is the match the page most likely derives from; nil when no
	// match is its source.
	Source *matchView
	// Copies counts matches that derive from the page.
	Copies int
}

// matchView is one match of a trace with its compare report.
type matchView struct {
	docSummary
	Relation, RelationLabel string
	Similarity              float64
	// Original is the trace's "match", "document" or "unknown".
	Original string
	Credits  bool
	// ByIndex: one story by the index's evidence (trace.Match.ByIndex).
	ByIndex bool
	Report  *report.View
}

// docView is a document page: the article and its family on a timeline.
type docView struct {
	docSummary
	Byline, Credit, Dateline string
	Paragraphs               []string
	Family                   []familyView
	FamilyNote               string
	SameStory                []docSummary
}

// familyView is one member of a family on the timeline.
type familyView struct {
	docSummary
	Original, Current       bool
	Relation, RelationLabel string
	Similarity              float64
	Credits                 *bool
	Drifts                  int
	CompareLink             string
}

// searchView is a search query and its results.
type searchView struct {
	Query   string
	Results []searchResult
}

type searchResult struct {
	docSummary
	TitleSegments []segment
	Snippet       []segment
}

// segment is a run of text, marked when it matches a search word.
type segment struct {
	Text string
	Mark bool
}

// exportView is what the compare page's export form sends back: the
// report's JSON and the two sides' names; Permalink is the page's own
// address when both sides are stored documents.
type exportView struct {
	JSON, NameA, NameB, Permalink string
}

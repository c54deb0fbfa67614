package server

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
	Report   reportView
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

package trace

import (
	"github.com/wiretrace/wiretrace/align"
	"github.com/wiretrace/wiretrace/drift"
)

// Relation is how two articles relate.
type Relation string

// The relations Compare tells apart, from the closest to the farthest.
const (
	// Duplicate: the same text, whatever the page around it.
	Duplicate Relation = "duplicate"
	// NearDuplicate: a copy with a few words changed, cut or added.
	NearDuplicate Relation = "near_duplicate"
	// Rewrite: the source carried sentence by sentence in new words.
	Rewrite Relation = "rewrite"
	// Partial: some of the source's sentences inside a different article.
	Partial Relation = "partial"
	// SameStory: independent reporting of the same event: shared facts,
	// different sentences and quotes.
	SameStory Relation = "same_story"
	// Unrelated: nothing shared beyond a topic.
	Unrelated Relation = "unrelated"
)

// Derived reports whether the relation means one article was made from the
// other (and so has a source side, drifts and a credit to check).
func (r Relation) Derived() bool {
	return r == Duplicate || r == NearDuplicate || r == Rewrite || r == Partial
}

// Side values of Report.Source.
const (
	SourceA       = "a"
	SourceB       = "b"
	SourceUnknown = "unknown"
)

// Report is the result of comparing two articles. Its JSON form is the
// stable contract of `wiretrace compare --json` (see DESIGN.md); fields may
// be added, never renamed.
//
// Sentence indices in Pairs, Unsupported, Omitted and Drifts index the
// sentences of the source side (Source "a" or "b") and of the derived side;
// when the source is unknown, a is read as the source and b as the derived.
// They are 0-based, as JSON arrays are; reports for people (package
// report) number sentences from 1.
type Report struct {
	A Side `json:"a"`
	B Side `json:"b"`

	Relation Relation `json:"relation"`
	// Source is which article is the original: "a", "b" or "unknown".
	Source string `json:"source"`
	// SourceEvidence names what chiefly decided Source, strongest first:
	// EvidencePublished (the publication dates), or direction features
	// (DirectionFeatureNames) whose value and weight both point to the
	// source. Empty when the source is unknown.
	SourceEvidence []string `json:"source_evidence,omitempty"`
	// Similarity is the share of both articles' sentences that align,
	// weighted by alignment score: 1 for identical texts, 0 for nothing in
	// common.
	Similarity float64 `json:"similarity"`
	// SourceCoverage is the share of the source's sentences the derived
	// article carries; DerivedSupport the share of the derived article's
	// sentences that the source backs.
	SourceCoverage float64 `json:"source_coverage"`
	DerivedSupport float64 `json:"derived_support"`

	Pairs []align.Pair `json:"pairs"`
	// Unsupported are derived sentences no source sentence backs (added
	// framing, padding, other reporting); Omitted are source sentences the
	// derived article leaves out.
	Unsupported []int `json:"unsupported"`
	Omitted     []int `json:"omitted"`

	// Drifts are the facts the derived article changed; a partial reuse
	// longer than its source (a page with material of its own) reports
	// only those of what it copied and of facts only one side states.
	Drifts []drift.Drift `json:"drifts"`
	// DriftScore is the fitted drift model's probability that the derived
	// article changed its source's facts (see ScoreDrift); 0 when no side
	// is the source. At driftThreshold or above, Drifts also carries the
	// facts only the derived article states.
	DriftScore float64 `json:"drift_score"`
	// review is the drift review the score read, for fitting the model.
	review drift.Review
	// CreditsSource is whether the derived article credits the source's
	// agency, copyright holder or site. False when no side is the source.
	CreditsSource bool `json:"credits_source"`
	// Truncated is set when an article was longer than Compare reads
	// (Options.MaxSentences): only its start was compared and is listed.
	Truncated bool `json:"truncated,omitempty"`
	// WordNet is whether WordNet's synonyms were added to the built-in
	// thesaurus for this comparison (Options.WordNet).
	WordNet bool `json:"wordnet"`
}

// Side describes one of the two compared articles.
type Side struct {
	Title     string   `json:"title"`
	Credit    string   `json:"credit"`
	URL       string   `json:"url,omitempty"`
	Site      string   `json:"site,omitempty"`
	Published string   `json:"published,omitempty"`
	Sentences []string `json:"sentences"`
}

// Sides returns the source and derived sides of r (a and b when the source
// is unknown): the sides that Pairs, Drifts, Unsupported and Omitted
// index.
func (r *Report) Sides() (src, der *Side) {
	if r.Source == SourceB {
		return &r.B, &r.A
	}
	return &r.A, &r.B
}

// DriftReview returns the drift review behind Drifts and DriftScore (its
// signals, its found and suspected drifts): what `wiretrace train drift`
// fits the drift model on. Empty when no side is the source.
func (r *Report) DriftReview() drift.Review { return r.review }

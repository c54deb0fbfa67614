package cluster

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/index"
	"github.com/wiretrace/wiretrace/trace"
)

// familyTraceOptions returns opts comparing more candidates than a plain
// trace: a family of a widely copied story can have dozens of members, and
// each needs its relation and dates.
func familyTraceOptions(opts trace.Options) trace.Options {
	opts.Reports, opts.Candidates = 40, 80
	return opts
}

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

// FamilyOf finds the family of the indexed document id: it traces the
// document to its earliest source in the index, then traces that original
// to everything derived from it, comparing each with it (opts, with more
// reports than a plain trace). The error wraps index.ErrNotFound for an
// unknown id.
func FamilyOf(ctx context.Context, ix *index.Index, id string, opts trace.Options) (Family, error) {
	opts = familyTraceOptions(opts)
	e, err := ix.Get(ctx, id)
	if err != nil {
		return Family{}, err
	}
	res, err := trace.Trace(ctx, ix, e.Article, opts)
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
	rootRes, err := trace.Trace(ctx, ix, re.Article, opts)
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

// cmpDates compares two publication dates (article.ComparePublished: a
// date giving the day alone is neither before nor after a time that day);
// unknown dates sort last.
func cmpDates(a, b string) int {
	if order, ok := article.ComparePublished(a, b); ok {
		return order
	}
	_, oka := (&article.Article{Published: a}).PublishedTime()
	_, okb := (&article.Article{Published: b}).PublishedTime()
	switch {
	case oka && !okb:
		return -1
	case okb && !oka:
		return 1
	}
	return 0
}

// earlier reports whether date a is known and before b (or b unknown).
func earlier(a, b string) bool { return cmpDates(a, b) < 0 }

package cluster

import (
	"cmp"
	"context"
	"slices"

	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/index"
	"github.com/wiretrace/wiretrace/trace"
)

// List is the story clusters as `wiretrace cluster --json` and GET
// /v1/clusters write them: {"clusters": [...]}.
type List struct {
	Clusters []Story `json:"clusters"`
}

// Story is one cluster as people read it (an element of List).
type Story struct {
	// ID names the cluster: its story, the id of the article that
	// founded it (which may have been deleted since).
	ID   string `json:"id"`
	Size int    `json:"size"`
	// Original is the story's likely original: the member published
	// first (unknown dates last; among equal dates the first to arrive),
	// or with ListOptions.Relations, of the three earliest, the one the
	// most members derive from.
	Original string `json:"original"`
	// First and Last are the earliest and latest known publication
	// dates; empty when no member has one.
	First string `json:"first"`
	Last  string `json:"last"`
	// Members are the articles, the original first, then by publication
	// date. Role is "original", else "member", or with
	// ListOptions.Relations "derived" or "related" (same story) with the
	// member's relation to the original.
	Members []Member `json:"members"`
	// Relations counts the members by their relation to the original
	// (with ListOptions.Relations).
	Relations map[trace.Relation]int `json:"relations,omitempty"`
}

// ListOptions tunes Stories. The zero value lists every cluster of two
// articles or more, without relations.
type ListOptions struct {
	// MinSize is the fewest members a listed cluster has; 0 means 2.
	MinSize int
	// Limit is the most clusters listed, largest first; 0 means all.
	Limit int
	// Relations compares every member with the original (trace.Compare
	// with Trace), which costs a comparison per member.
	Relations bool
	Trace     trace.Options
}

// originalCandidates is how many of a cluster's earliest members Stories
// weighs as its original (each compared with every member).
const originalCandidates = 3

// Stories lists c's clusters, the largest first (then the latest), reading
// their articles from ix.
func Stories(ctx context.Context, ix *index.Index, c *Clusters, opts ListOptions) ([]Story, error) {
	minSize := opts.MinSize
	if minSize <= 0 {
		minSize = 2
	}
	groups := c.Groups()
	groups = slices.DeleteFunc(groups, func(g Group) bool { return len(g.IDs) < minSize })
	slices.SortStableFunc(groups, func(x, y Group) int { return cmp.Compare(len(y.IDs), len(x.IDs)) })
	if opts.Limit > 0 && len(groups) > opts.Limit {
		groups = groups[:opts.Limit]
	}
	out := []Story{}
	for _, g := range groups {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		type art struct {
			id string
			a  *article.Article
		}
		var arts []art
		for _, id := range g.IDs {
			a, err := ix.Article(ctx, id)
			if err != nil {
				continue // deleted since
			}
			arts = append(arts, art{id, a})
		}
		if len(arts) == 0 {
			continue
		}
		slices.SortStableFunc(arts, func(x, y art) int { return cmpDates(x.a.Published, y.a.Published) })
		var reports []trace.Report // each member against the original
		if opts.Relations {
			// The original is the member the others were made from: of
			// the earliest few, the one the most derive from (an
			// independent report published minutes before the wire
			// story it sits beside is not its original), the earliest
			// of those that tie.
			best, orig := -1, 0
			for c := range min(originalCandidates, len(arts)) {
				reps := make([]trace.Report, len(arts))
				n := 0
				for j := range arts {
					if j == c {
						continue
					}
					reps[j] = trace.Compare(arts[c].a, arts[j].a, opts.Trace)
					if reps[j].Relation.Derived() && reps[j].Source != trace.SourceB {
						n++
					}
				}
				if n > best {
					best, orig, reports = n, c, reps
				}
				if best == len(arts)-1 {
					break // every other member derives from it
				}
			}
			// The original first, the others in date order, their
			// reports beside them.
			arts = append(append([]art{arts[orig]}, arts[:orig]...), arts[orig+1:]...)
			reports = append(append([]trace.Report{reports[orig]}, reports[:orig]...), reports[orig+1:]...)
		}
		s := Story{ID: g.Name, Size: len(arts), Original: arts[0].id}
		for i, m := range arts {
			mem := memberOf(m.id, m.a)
			mem.Role = "member"
			if i == 0 {
				mem.Role = "original"
			}
			if i > 0 && opts.Relations {
				r := reports[i]
				fillReport(&mem, r.Relation, r)
				mem.Role = "related"
				if r.Relation.Derived() {
					mem.Role = "derived"
				}
				if s.Relations == nil {
					s.Relations = map[trace.Relation]int{}
				}
				s.Relations[r.Relation]++
			}
			if m.a.Published != "" {
				if s.First == "" || cmpDates(m.a.Published, s.First) < 0 {
					s.First = m.a.Published
				}
				if s.Last == "" || cmpDates(m.a.Published, s.Last) > 0 {
					s.Last = m.a.Published
				}
			}
			s.Members = append(s.Members, mem)
		}
		out = append(out, s)
	}
	slices.SortStableFunc(out, func(x, y Story) int {
		return cmp.Or(cmp.Compare(y.Size, x.Size), -cmpDates(x.Last, y.Last))
	})
	return out, nil
}

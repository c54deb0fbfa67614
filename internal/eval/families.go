package eval

import (
	"context"
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"slices"

	"github.com/wiretrace/wiretrace/cluster"
	"github.com/wiretrace/wiretrace/examples"
	"github.com/wiretrace/wiretrace/trace"
)

// heldOut holds story families written like the bundled examples (the
// manifest's schema, examples.Load) that nothing is fitted on: the
// relation and cluster models train on the bundled families, never on
// these, so they measure Compare on pages, wording and planted changes it
// was not built against.
//
//go:embed testdata/heldout
var heldOut embed.FS

// HeldOutFamilies returns the held-out story families.
func HeldOutFamilies() ([]examples.Family, error) {
	sub, err := fs.Sub(heldOut, "testdata/heldout")
	if err != nil {
		return nil, fmt.Errorf("held-out families: %w", err)
	}
	return examples.Load(sub)
}

// FamilyScore is how Compare answers a set of story families: each
// family's original (as a) against each of its other pages, checked
// against the manifest (examples.File.Check).
type FamilyScore struct {
	Set   string `json:"set"`
	Pairs int    `json:"pairs"`
	// Right is how many pairs were answered right in every respect.
	Right         int `json:"right"`
	RelationRight int `json:"relation_right"`
	SourceRight   int `json:"source_right"`
	// Reversed is how many pairs with a as the source were compared the
	// other way round too; ReversedRight how many of those gave the same
	// relation with b as the source.
	Reversed      int `json:"reversed"`
	ReversedRight int `json:"reversed_right"`
	CreditChecked int `json:"credit_checked"`
	CreditRight   int `json:"credit_right"`
	// Planted drifts and how many were found; FalseDrifts, reported
	// drifts that match no planted one.
	Planted     int `json:"planted"`
	Found       int `json:"found"`
	FalseDrifts int `json:"false_drifts"`
	// Quiet is how many pages plant no drift, and QuietRight how many of
	// them got none.
	Quiet      int `json:"quiet"`
	QuietRight int `json:"quiet_right"`
	// Padding is how many padding sentences the manifest lists, and
	// PaddingFound how many were reported unsupported.
	Padding      int `json:"padding"`
	PaddingFound int `json:"padding_found"`
	// Storied is how many pages tell their family's story (every page
	// but the original and the unrelated one) and Together how many of
	// them the story clusters put in the original's cluster, clustering
	// the set's pages online in manifest order (cluster.Clusters);
	// Unrelated how many unrelated pages there are and Apart how many of
	// them stay out of it.
	Storied   int `json:"storied"`
	Together  int `json:"together"`
	Unrelated int `json:"unrelated"`
	Apart     int `json:"apart"`
	// Mismatches lists every wrong answer as "family/role: what".
	Mismatches []string `json:"mismatches,omitempty"`
}

// rate returns n over d, 0 when d is 0.
func rate(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return float64(n) / float64(d)
}

// RelationRate is the share of pairs given the right relation.
func (s FamilyScore) RelationRate() float64 { return rate(s.RelationRight, s.Pairs) }

// DriftRecall is the share of planted drifts found.
func (s FamilyScore) DriftRecall() float64 { return rate(s.Found, s.Planted) }

// QuietRate is the share of pages that plant no drift and get none.
func (s FamilyScore) QuietRate() float64 { return rate(s.QuietRight, s.Quiet) }

// EvalFamilies clusters the set's pages, then compares each family's
// original with each of its other pages (and, where the original is the
// source, the other way round) and scores the answers against the
// manifest.
func EvalFamilies(ctx context.Context, set string, fams []examples.Family, opts trace.Options) (FamilyScore, error) {
	s := FamilyScore{Set: set}
	clusters := cluster.New(cluster.Options{})
	for _, fam := range fams {
		for _, f := range fam.Files {
			a, err := exampleArticle(f)
			if err != nil {
				return s, err
			}
			clusters.Add(f.Path, a)
		}
	}
	for _, fam := range fams {
		story := clusters.Of(fam.Original().Path)
		for _, f := range fam.Files {
			switch f.Role {
			case "original":
			case "unrelated":
				s.Unrelated++
				if !slices.Contains(story, f.Path) {
					s.Apart++
				} else {
					s.Mismatches = append(s.Mismatches, fmt.Sprintf("%s/%s: clustered with the original", fam.Name, f.Role))
				}
			default:
				s.Storied++
				if slices.Contains(story, f.Path) {
					s.Together++
				} else {
					s.Mismatches = append(s.Mismatches, fmt.Sprintf("%s/%s: not in the original's cluster", fam.Name, f.Role))
				}
			}
		}
	}
	for _, fam := range fams {
		orig, err := exampleArticle(fam.Original())
		if err != nil {
			return s, err
		}
		for _, f := range fam.Files {
			if f.Role == "original" {
				continue
			}
			if err := ctx.Err(); err != nil {
				return s, err
			}
			b, err := exampleArticle(f)
			if err != nil {
				return s, err
			}
			r := trace.Compare(orig, b, opts)
			data, err := json.Marshal(&r)
			if err != nil {
				return s, fmt.Errorf("family %s, %s: encode report: %w", fam.Name, f.Path, err)
			}
			o, err := examples.ParseOutcome(data)
			if err != nil {
				return s, fmt.Errorf("family %s, %s: %w", fam.Name, f.Path, err)
			}
			miss := f.Check(o)
			s.score(f, o, miss)
			if f.Source == trace.SourceA {
				s.Reversed++
				back := trace.Compare(b, orig, opts)
				if back.Relation == r.Relation && back.Source == trace.SourceB {
					s.ReversedRight++
				} else {
					miss = append(miss, examples.Mismatch{What: "reversed",
						Text: fmt.Sprintf("reversed: relation %s source %s, want %s source b", back.Relation, back.Source, r.Relation)})
				}
			}
			if len(miss) == 0 {
				s.Right++
			}
			for _, m := range miss {
				s.Mismatches = append(s.Mismatches, fmt.Sprintf("%s/%s: %s", fam.Name, f.Role, m.Text))
			}
		}
	}
	return s, nil
}

// score adds one pair's answers to s.
func (s *FamilyScore) score(f examples.File, o examples.Outcome, miss []examples.Mismatch) {
	s.Pairs++
	wrong := map[string]int{}
	for _, m := range miss {
		wrong[m.What]++
	}
	if wrong["relation"] == 0 {
		s.RelationRight++
	}
	if wrong["source"] == 0 {
		s.SourceRight++
	}
	if f.CreditsSource != nil {
		s.CreditChecked++
		if wrong["credit"] == 0 {
			s.CreditRight++
		}
	}
	s.Planted += len(f.Drifts)
	s.Found += len(f.Drifts) - wrong["missed_drift"]
	s.FalseDrifts += wrong["false_drift"]
	if f.Drifts != nil && len(f.Drifts) == 0 {
		s.Quiet++
		if len(o.Drifts) == 0 {
			s.QuietRight++
		}
	}
	s.Padding += len(f.Unsupported)
	s.PaddingFound += len(f.Unsupported) - wrong["padding"]
}

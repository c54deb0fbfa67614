package server

import (
	"context"
	"fmt"
	"sync"

	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/examples"
	"github.com/wiretrace/wiretrace/index"
	"github.com/wiretrace/wiretrace/ingest"
)

// LoadExamples extracts every bundled example page (package examples) and
// adds it to ix, so that a demo server has real families to show. It
// returns how many documents it added.
func LoadExamples(ctx context.Context, ix *index.Index) (int, error) {
	fams, err := examples.Families()
	if err != nil {
		return 0, err
	}
	var arts []*article.Article
	for _, f := range fams {
		for _, file := range f.Files {
			data, err := file.Read()
			if err != nil {
				return 0, err
			}
			a, err := ingest.Page(data, "", 0)
			if err != nil {
				return 0, fmt.Errorf("load example %s: %w", file.Path, err)
			}
			arts = append(arts, a)
		}
	}
	ids, err := ix.Add(ctx, arts...)
	if err != nil {
		return 0, fmt.Errorf("load examples: %w", err)
	}
	n := 0
	for _, id := range ids {
		if id != "" {
			n++
		}
	}
	return n, nil
}

// exampleLink is one bundled example family as the home page offers it.
type exampleLink struct {
	Name, Domain, Title string
	// Original is the id of the family's original; Pairs compare it with
	// the pages derived from it.
	Original string
	Pairs    []examplePair
}

type examplePair struct {
	Role, ID string
}

var (
	exampleOnce  sync.Once
	exampleLinks []exampleLink
)

// examplesIn returns the bundled example families whose pages are all in
// ix (a demo server), for the home page's shortcuts; nil when they are not
// there.
func examplesIn(ctx context.Context, ix *index.Index) []exampleLink {
	exampleOnce.Do(func() {
		fams, err := examples.Families()
		if err != nil {
			return
		}
		for _, f := range fams {
			l := exampleLink{Name: f.Name, Domain: f.Domain}
			for _, file := range f.Files {
				data, err := file.Read()
				if err != nil {
					return
				}
				a, err := ingest.Page(data, "", 0)
				if err != nil {
					return
				}
				switch id := a.ID(); file.Role {
				case "original":
					l.Original, l.Title = id, a.Title
				case "unrelated":
				default:
					l.Pairs = append(l.Pairs, examplePair{Role: file.Role, ID: id})
				}
			}
			exampleLinks = append(exampleLinks, l)
		}
	})
	var out []exampleLink
	for _, l := range exampleLinks {
		ids := []string{l.Original}
		for _, p := range l.Pairs {
			ids = append(ids, p.ID)
		}
		if allIndexed(ctx, ix, ids) {
			out = append(out, l)
		}
	}
	return out
}

// allIndexed reports whether every one of ids is in ix.
func allIndexed(ctx context.Context, ix *index.Index, ids []string) bool {
	for _, id := range ids {
		if there, err := ix.Exists(ctx, id); err != nil || !there {
			return false
		}
	}
	return true
}

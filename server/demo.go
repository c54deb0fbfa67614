package server

import (
	"context"
	"fmt"

	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/examples"
	"github.com/wiretrace/wiretrace/extract"
	"github.com/wiretrace/wiretrace/index"
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
			a, err := extract.Page(data, extract.Options{})
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

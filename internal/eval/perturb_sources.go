package eval

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
)

// PerturbSource is one real article body the perturbation benchmark edits.
type PerturbSource struct {
	// ID names the article within its set ("llm-rewrites/gossipcop-123",
	// "wcxb-dev/0001", "extraction/abc"); the fit/check part is PartOf(ID).
	ID   string
	Text string // paragraphs separated by newlines
}

// Part is the development-set part of the source article.
func (s PerturbSource) Part() Part { return PartOf(s.ID) }

// LoadPerturbSources reads the article bodies the perturbation benchmark
// is built from, out of the shared eval folder dir: the originals of
// llm-rewrites that kept their case and punctuation (one per original),
// the main content of wcxb-dev's pages and the true bodies of the
// extraction benchmark. The sources come back sorted by ID.
func LoadPerturbSources(dir string) ([]PerturbSource, error) {
	var out []PerturbSource
	pairs, err := LoadRewrites(filepath.Join(dir, "llm-rewrites"))
	if err != nil {
		return nil, fmt.Errorf("load perturbation sources: %w", err)
	}
	seen := map[string]bool{}
	for _, p := range pairs {
		if p.Lowercased || seen[p.OrigID] {
			continue
		}
		seen[p.OrigID] = true
		out = append(out, PerturbSource{ID: "llm-rewrites/" + p.OrigID, Text: p.Original})
	}
	wc, err := LoadWCXB(filepath.Join(dir, "wcxb-dev"))
	if err != nil {
		return nil, fmt.Errorf("load perturbation sources: %w", err)
	}
	for _, p := range wc.Pages {
		if strings.TrimSpace(p.Body) != "" {
			out = append(out, PerturbSource{ID: "wcxb-dev/" + p.ID, Text: p.Body})
		}
	}
	ex, err := LoadExtraction(filepath.Join(dir, "extraction"))
	if err != nil {
		return nil, fmt.Errorf("load perturbation sources: %w", err)
	}
	for _, p := range ex.Pages {
		out = append(out, PerturbSource{ID: "extraction/" + p.ID, Text: p.Truth})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

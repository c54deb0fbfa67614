package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/wiretrace/wiretrace/internal/eval"
)

// quality runs every extractor once over the WCXB pages in dir, scores
// what each found with the set's metric and writes the figures side by
// side, by part, with the check part's comparison against wiretrace.
// With pagesOut set, each system's per-page scores go to
// pagesOut.<system>.json, for studying the fit part's gaps page by page.
func quality(w io.Writer, dir, pagesOut string, exs []extractor) error {
	set, err := eval.LoadWCXB(dir)
	if err != nil {
		return err
	}
	pages, err := loadPages(dir)
	if err != nil {
		return err
	}
	names := make([]string, len(exs))
	reports := make([]eval.WCXBReport, len(exs))
	for i, e := range exs {
		pred := make(map[string]eval.WCXBPrediction, len(pages))
		for _, p := range pages {
			if got, err := e.run(p); err == nil {
				pred[p.id] = got
			}
		}
		names[i], reports[i] = e.name, set.Score(pred)
		if pagesOut != "" {
			b, err := json.MarshalIndent(reports[i].Pages, "", "  ")
			if err != nil {
				return fmt.Errorf("encode the %s page scores: %w", e.name, err)
			}
			if err := os.WriteFile(pagesOut+"."+e.name+".json", append(b, '\n'), 0o644); err != nil {
				return fmt.Errorf("write the %s page scores: %w", e.name, err)
			}
		}
	}
	fmt.Fprintf(w, "quality on %d WCXB article pages (%s), metric of its SOURCE.md:\n\n", len(set.Pages), dir)
	eval.WriteWCXBTable(w, names, reports)
	fmt.Fprintln(w)
	base := reports[0]
	for i, r := range reports[1:] {
		emptyOnly := 0
		for j, p := range base.Pages {
			if p.Part == eval.Check && p.Empty && !r.Pages[j].Empty {
				emptyOnly++
			}
		}
		fmt.Fprintf(w, "check part, wiretrace - %s: body F1 %+.3f, title %+.3f, author %+.3f, date %+.3f; pages empty for wiretrace only: %d\n",
			names[i+1], base.Check.F1-r.Check.F1, base.Check.Title-r.Check.Title, base.Check.Author-r.Check.Author, base.Check.Date-r.Check.Date, emptyOnly)
	}
	fmt.Fprintln(w)
	return nil
}

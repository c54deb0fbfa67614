package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/wiretrace/wiretrace/internal/eval"
)

// worstPages is how many of the lowest-scoring pages the text report lists.
const worstPages = 10

// extractionResult is the JSON form of `wiretrace eval extraction --json`.
type extractionResult struct {
	Data      string  `json:"data"`
	Seconds   float64 `json:"seconds"`
	PagesPerS float64 `json:"pages_per_second"`
	eval.ExtractionSummary
	Parts      map[eval.Part]eval.ExtractionSummary `json:"parts"`
	Peers      map[string]eval.ExtractionSummary    `json:"peers"`
	Published  map[string]eval.ExtractionSummary    `json:"published"`
	PageScores []eval.PageScore                     `json:"page_scores"`
}

// evalExtraction runs `wiretrace eval extraction`: it extracts every page
// of the article body benchmark, scores the bodies with the benchmark's
// metric and shows them beside the published peers.
func evalExtraction(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "eval extraction", "[--json] [--data DIR] [--pages OUTFILE] [--show ID]")
	asJSON := fs.Bool("json", false, "print the result as JSON")
	data := fs.String("data", defaultEvalDir(), "the shared eval folder (or its extraction/ folder)")
	pagesOut := fs.String("pages", "", "write every page's score as JSON to this file")
	show := fs.String("show", "", "also print, for the page whose id starts with this, the extra and missing paragraphs")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("eval extraction takes no arguments, got %q", fs.Args())
	}
	dir := eval.SetDir(*data, "extraction", "ground-truth.json")
	set, err := eval.LoadExtraction(dir)
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}

	start := time.Now()
	r, err := set.ScoreWiretrace()
	if err != nil {
		return err
	}
	secs := time.Since(start).Seconds()

	res := extractionResult{
		Data: dir, Seconds: secs, PagesPerS: float64(len(set.Pages)) / secs,
		ExtractionSummary: r.ExtractionSummary, Peers: map[string]eval.ExtractionSummary{}, Published: eval.PublishedExtraction,
		Parts: r.Parts, PageScores: r.Pages,
	}
	peers, err := set.Peers()
	if err != nil {
		return err
	}
	for _, name := range peers {
		pred, err := set.PeerOutput(name)
		if err != nil {
			return err
		}
		pr, err := set.Score(pred)
		if err != nil {
			return fmt.Errorf("score peer %s: %w", name, err)
		}
		res.Peers[name] = pr.ExtractionSummary
	}

	if *pagesOut != "" {
		b, err := json.MarshalIndent(r.Pages, "", "  ")
		if err != nil {
			return err
		}
		if err := os.WriteFile(*pagesOut, append(b, '\n'), 0o644); err != nil {
			return fmt.Errorf("write page scores: %w", err)
		}
	}
	if *asJSON {
		return writeJSON(e.stdout, res)
	}
	printExtraction(e, res, peers)
	if *show != "" {
		return showExtractionPage(e, set, r, *show)
	}
	return nil
}

// showExtractionPage prints one page's miss: the predicted paragraphs
// not in the true body (-) and the true paragraphs not predicted (!).
func showExtractionPage(e *env, set *eval.ExtractionSet, r eval.ExtractionReport, prefix string) error {
	for i, p := range r.Pages {
		if !strings.HasPrefix(p.ID, prefix) {
			continue
		}
		fmt.Fprintf(e.stdout, "\npage %s  %s\nF1 %.3f  precision %.3f  recall %.3f  exact %v\n", p.ID, p.URL, p.F1, p.Precision, p.Recall, p.Exact)
		extra, missing := eval.BodyDiff(set.Pages[i].Truth, p.Body)
		for _, x := range extra {
			fmt.Fprintf(e.stdout, "- %s\n", x)
		}
		for _, x := range missing {
			fmt.Fprintf(e.stdout, "! %s\n", x)
		}
		return nil
	}
	return fmt.Errorf("show: no page id starts with %q", prefix)
}

// defaultEvalDir is $WIRETRACE_SHARED/eval when set, else ../shared/eval.
func defaultEvalDir() string {
	if d := os.Getenv("WIRETRACE_SHARED"); d != "" {
		return filepath.Join(d, "eval")
	}
	return filepath.Join("..", "shared", "eval")
}

func printExtraction(e *env, res extractionResult, peers []string) {
	w := e.stdout
	fmt.Fprintf(w, "article body extraction: %d pages from %s\n", res.ExtractionSummary.Pages, res.Data)
	fmt.Fprintf(w, "wiretrace  F1 %.3f  precision %.3f  recall %.3f  accuracy %.3f  (%.1f pages/s)\n",
		res.F1, res.Precision, res.Recall, res.Accuracy, res.PagesPerS)
	for _, part := range []eval.Part{eval.Fit, eval.Check} {
		if s, ok := res.Parts[part]; ok {
			fmt.Fprintf(w, "  %-5s %3d pages  F1 %.3f  precision %.3f  recall %.3f  accuracy %.3f\n",
				part, s.Pages, s.F1, s.Precision, s.Recall, s.Accuracy)
		}
	}
	fmt.Fprintln(w)

	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "system\tF1\tprecision\trecall\taccuracy\tpublished F1")
	row := func(name string, s eval.ExtractionSummary, pub string) {
		fmt.Fprintf(tw, "%s\t%.3f\t%.3f\t%.3f\t%.3f\t%s\n", name, s.F1, s.Precision, s.Recall, s.Accuracy, pub)
	}
	row("wiretrace", res.ExtractionSummary, "")
	for _, name := range peers {
		pub := "-"
		if p, ok := res.Published[name]; ok {
			pub = fmt.Sprintf("%.3f", p.F1)
		}
		row(name, res.Peers[name], pub)
	}
	tw.Flush()

	worst := append([]eval.PageScore(nil), res.PageScores...)
	sort.SliceStable(worst, func(i, j int) bool { return worst[i].F1 < worst[j].F1 })
	fmt.Fprintf(w, "\nworst pages:\n")
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "F1\tprecision\trecall\tpage\turl")
	for _, p := range worst[:min(worstPages, len(worst))] {
		note := p.URL
		if p.Error != "" {
			note += " (error: " + p.Error + ")"
		}
		fmt.Fprintf(tw, "%.3f\t%.3f\t%.3f\t%s\t%s\n", p.F1, p.Precision, p.Recall, p.ID[:min(12, len(p.ID))], note)
	}
	tw.Flush()
}

package eval

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"text/tabwriter"
	"time"
)

// WCXBRun says what `wiretrace eval wcxb` does.
type WCXBRun struct {
	// Data is the shared eval folder or its wcxb-dev folder.
	Data string
	// JSON prints the report as JSON instead of text.
	JSON bool
	// PagesFile, when set, receives every page's score as JSON.
	PagesFile string
	// Show, when set, prints the misses of the fit-part page whose id
	// starts with it. Check-part pages are not shown: failures are
	// studied on the fit part only.
	Show string
}

// wcxbWorst is how many of the fit part's lowest-scoring pages the text
// report lists.
const wcxbWorst = 15

// RunWCXB extracts every page of the WCXB set with wiretrace, scores it
// and writes the report to w.
func RunWCXB(ctx context.Context, w io.Writer, run WCXBRun) error {
	dir := SetDir(run.Data, "wcxb-dev", "ground-truth.json")
	set, err := LoadWCXB(dir)
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
	if run.PagesFile != "" {
		b, err := json.MarshalIndent(r.Pages, "", "  ")
		if err != nil {
			return err
		}
		if err := os.WriteFile(run.PagesFile, append(b, '\n'), 0o644); err != nil {
			return fmt.Errorf("write wcxb page scores: %w", err)
		}
	}
	if run.JSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(struct {
			Data      string  `json:"data"`
			PagesPerS float64 `json:"pages_per_second"`
			WCXBReport
		}{dir, float64(len(set.Pages)) / secs, r})
	}
	fmt.Fprintf(w, "WCXB dev, article pages: %d pages from %s (%.1f pages/s)\n\n", len(set.Pages), dir, float64(len(set.Pages))/secs)
	WriteWCXBTable(w, []string{"wiretrace"}, []WCXBReport{r})
	fmt.Fprintf(w, "\nworst fit-part pages:\n")
	writeWCXBWorst(w, r.Pages)
	if run.Show != "" {
		return showWCXBPage(w, set, r, run.Show)
	}
	return nil
}

// WriteWCXBTable writes the figures of each named system's report, one
// row per system and part.
func WriteWCXBTable(w io.Writer, names []string, reports []WCXBReport) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "part\tsystem\tpages\tbody F1\tprecision\trecall\tempty\tF1<0.5\ttitle\tauthor\tdate")
	for _, part := range []Part{Fit, Check} {
		for i, r := range reports {
			s := r.Fit
			if part == Check {
				s = r.Check
			}
			fmt.Fprintf(tw, "%s\t%s\t%d\t%.3f\t%.3f\t%.3f\t%d\t%d\t%.3f\t%.3f\t%.3f\n", part, names[i], s.Pages,
				s.F1, s.Precision, s.Recall, s.Empty, s.BelowHalf, s.Title, s.Author, s.Date)
		}
	}
	tw.Flush()
}

func writeWCXBWorst(w io.Writer, pages []WCXBPageScore) {
	var fit []WCXBPageScore
	for _, p := range pages {
		if p.Part == Fit {
			fit = append(fit, p)
		}
	}
	sort.SliceStable(fit, func(i, j int) bool { return fit[i].F1 < fit[j].F1 })
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "F1\tprecision\trecall\tpage\turl")
	for _, p := range fit[:min(wcxbWorst, len(fit))] {
		note := p.URL
		if p.Error != "" {
			note += " (error: " + p.Error + ")"
		}
		fmt.Fprintf(tw, "%.3f\t%.3f\t%.3f\t%s\t%s\n", p.F1, p.Precision, p.Recall, p.ID, note)
	}
	tw.Flush()
}

// showWCXBPage prints one fit-part page's miss: the metadata found beside
// the truth, the predicted paragraphs not in the true body (-) and the true
// paragraphs not predicted (!).
func showWCXBPage(w io.Writer, set *WCXBSet, r WCXBReport, prefix string) error {
	for i, p := range r.Pages {
		if !strings.HasPrefix(p.ID, prefix) {
			continue
		}
		if p.Part != Fit {
			return fmt.Errorf("show: page %s is in the check part; study fit-part pages only", p.ID)
		}
		truth := set.Pages[i]
		fmt.Fprintf(w, "\npage %s  %s\nF1 %.3f  precision %.3f  recall %.3f\n", p.ID, p.URL, p.F1, p.Precision, p.Recall)
		fmt.Fprintf(w, "title  %q (truth %q)\nauthor %q (truth %q)\ndate   %q (truth %q)\n",
			p.Title, truth.Title, p.Author, truth.Author, p.Date, truth.Date)
		extra, missing := BodyDiff(strings.ReplaceAll(truth.Body, "\n\n", "\n"), strings.ReplaceAll(p.Body, "\n\n", "\n"))
		for _, x := range extra {
			fmt.Fprintf(w, "- %s\n", x)
		}
		for _, x := range missing {
			fmt.Fprintf(w, "! %s\n", x)
		}
		return nil
	}
	return fmt.Errorf("show: no page id starts with %q", prefix)
}

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/wiretrace/wiretrace/index"
	"github.com/wiretrace/wiretrace/ingest"
	"github.com/wiretrace/wiretrace/trace"
)

// runTrace runs `wiretrace trace [--store DIR] [--json] PAGE`: it extracts
// the page's article, finds the indexed articles it relates to, compares
// each with it and prints the ranked matches, the report of the first in
// full (every report with --all), or everything as JSON.
func runTrace(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "trace", "[--store DIR|--redis ADDRS] [--json] [--reports N] PAGE")
	stFlags := addStoreFlags(fs)
	cmpFlags := addComparisonFlags(fs)
	asJSON := fs.Bool("json", false, "print the matches and their reports as JSON")
	all := fs.Bool("all", false, "print the full report of every match, not only the first")
	reports := fs.Int("reports", 5, "how many of the best candidates to compare in full")
	color := fs.String("color", "auto", "colour the terminal report: auto, always or never")
	maxBytes := fs.Int64("max-bytes", ingest.DefaultMaxBytes, "largest page to read, in bytes")
	names, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(names) != 1 {
		return usagef("trace needs one page (a file path, - for stdin, or a URL), got %d", len(names))
	}
	if *reports <= 0 {
		return usagef("--reports must be positive, got %d", *reports)
	}
	if *color != "auto" && *color != "always" && *color != "never" {
		return usagef("--color must be auto, always or never, not %q", *color)
	}
	if err := stFlags.check(); err != nil {
		return err
	}
	if err := checkMaxBytes(*maxBytes); err != nil {
		return err
	}
	opts, err := cmpFlags.options()
	if err != nil {
		return err
	}
	opts.Reports = *reports
	st, _, err := stFlags.open(ctx, true)
	if err != nil {
		return err
	}
	defer st.Close()
	a, err := readArticle(ctx, e, names[0], *maxBytes)
	if err != nil {
		return err
	}
	res, err := trace.Trace(ctx, index.New(st), a, opts)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(&res); err != nil {
			return fmt.Errorf("write trace: %w", err)
		}
		return nil
	}
	useColor := *color == "always" || *color == "auto" && writesToTerminal(e.stdout)
	if err := writeTrace(e.stdout, &res, *all, useColor); err != nil {
		return fmt.Errorf("write trace: %w", err)
	}
	return nil
}

// writeTrace prints a trace result for a person: one line per match, then
// the report of the first match (or of all).
func writeTrace(w io.Writer, res *trace.Result, all, color bool) error {
	d := res.Document
	fmt.Fprintf(w, "Traced: %s\n", orUnknown(d.Title))
	if d.URL != "" {
		fmt.Fprintf(w, "        %s\n", d.URL)
	}
	if len(res.Matches) == 0 {
		_, err := fmt.Fprintln(w, "\nNo related article in the index.")
		return err
	}
	fmt.Fprintf(w, "\n%d related article(s) in the index:\n\n", len(res.Matches))
	for i, m := range res.Matches {
		orig := map[string]string{
			trace.OriginalMatch:    "the source of this page",
			trace.OriginalDocument: "derived from this page",
			trace.OriginalUnknown:  "direction unknown",
		}[m.Original]
		fmt.Fprintf(w, "%2d. %-14s similarity %.2f  %s\n", i+1, m.Relation, m.Similarity, orig)
		fmt.Fprintf(w, "    %s\n", orUnknown(m.Title))
		if m.URL != "" || m.Published != "" {
			fmt.Fprintf(w, "    %s  %s\n", orUnknown(m.URL), m.Published)
		}
	}
	for i := range res.Matches {
		if i > 0 && !all {
			break
		}
		fmt.Fprintf(w, "\n── Report %d: %s ──\n\n", i+1, orUnknown(res.Matches[i].Title))
		if err := res.Matches[i].Report.WriteText(w, trace.TextOptions{Color: color}); err != nil {
			return err
		}
	}
	return nil
}

func orUnknown(s string) string {
	if s == "" {
		return "(unknown)"
	}
	return s
}

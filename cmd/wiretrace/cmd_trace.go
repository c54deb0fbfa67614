package main

import (
	"context"
	"fmt"

	"github.com/wiretrace/wiretrace/index"
	"github.com/wiretrace/wiretrace/ingest"
	"github.com/wiretrace/wiretrace/report"
	"github.com/wiretrace/wiretrace/trace"
)

// runTrace runs `wiretrace trace [--store DIR] [--json] PAGE`: it extracts
// the page's article, finds the indexed articles it relates to, compares
// each with it and prints the ranked matches, the report of the first in
// full (every report with --all), or everything as JSON.
func runTrace(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "trace", "[--store DIR|--redis ADDRS] [--json] [--reports N] [--full] [--all] [--wordnet] [--color WHEN] [--max-bytes N] PAGE")
	stFlags := addStoreFlags(fs)
	cmpFlags := addComparisonFlags(fs)
	asJSON := fs.Bool("json", false, "print the matches and their reports as JSON")
	all := fs.Bool("all", false, "print the full report of every match, not only the first")
	reports := fs.Int("reports", trace.DefaultReports, "how many of the best candidates to compare in full")
	color := fs.String("color", "auto", "colour the terminal report: auto, always or never")
	full := fs.Bool("full", false, "show sentences whole in the terminal report instead of cut at 110 characters")
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
		if err := writeJSON(e.stdout, &res); err != nil {
			return fmt.Errorf("write trace: %w", err)
		}
		return nil
	}
	useColor := *color == "always" || *color == "auto" && writesToTerminal(e.stdout)
	if err := report.TraceText(e.stdout, &res, report.TextOptions{Color: useColor, Full: *full, All: *all}); err != nil {
		return fmt.Errorf("write trace: %w", err)
	}
	return nil
}

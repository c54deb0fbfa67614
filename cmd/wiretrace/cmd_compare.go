package main

import (
	"context"
	"fmt"
	"os"

	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/ingest"
	"github.com/wiretrace/wiretrace/report"
	"github.com/wiretrace/wiretrace/trace"
)

// runCompare compares two pages: `wiretrace compare [--json|--html] PAGE_A
// PAGE_B`. It prints a terminal report (coloured on a terminal), the JSON
// report, or one self-contained HTML page.
func runCompare(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "compare", "[--json|--html] [--full] [--wordnet] PAGE_A PAGE_B (files, - for stdin, or URLs)")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	asHTML := fs.Bool("html", false, "print the report as one self-contained HTML page")
	color := fs.String("color", "auto", "colour the terminal report: auto, always or never")
	full := fs.Bool("full", false, "show sentences whole in the terminal report instead of cut at 110 characters")
	maxBytes := fs.Int64("max-bytes", ingest.DefaultMaxBytes, "largest page to read, in bytes")
	cmpFlags := addComparisonFlags(fs)
	names, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(names) != 2 {
		return usagef("compare needs two pages (file paths, or - for one of them on stdin), got %d", len(names))
	}
	if *asJSON && *asHTML {
		return usagef("--json and --html exclude each other")
	}
	if names[0] == "-" && names[1] == "-" {
		return usagef("only one page can come from stdin")
	}
	if *color != "auto" && *color != "always" && *color != "never" {
		return usagef("--color must be auto, always or never, not %q", *color)
	}
	if err := checkMaxBytes(*maxBytes); err != nil {
		return err
	}
	var pages [2]*article.Article
	for k := range pages {
		a, err := readArticle(ctx, e, names[k], *maxBytes)
		if err != nil {
			return err
		}
		pages[k] = a
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	opts, err := cmpFlags.options()
	if err != nil {
		return err
	}
	r := trace.Compare(pages[0], pages[1], opts)
	switch {
	case *asJSON:
		if err := writeJSON(e.stdout, &r); err != nil {
			return fmt.Errorf("write report: %w", err)
		}
	case *asHTML:
		if err := report.Page(e.stdout, &r, report.HTMLOptions{}); err != nil {
			return fmt.Errorf("write report: %w", err)
		}
	default:
		useColor := *color == "always" || *color == "auto" && writesToTerminal(e.stdout)
		if err := report.Text(e.stdout, &r, report.TextOptions{Color: useColor, Full: *full}); err != nil {
			return fmt.Errorf("write report: %w", err)
		}
	}
	return nil
}

// readArticle reads one page (a file, "-" for stdin, or an http or https
// URL fetched politely) and extracts its article, the one way every
// command does (package ingest).
func readArticle(ctx context.Context, e *env, name string, max int64) (*article.Article, error) {
	return ingest.Read(ctx, name, ingest.Options{MaxBytes: max, Stdin: e.stdin})
}

// writesToTerminal reports whether w is a character device (a terminal).
func writesToTerminal(w any) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

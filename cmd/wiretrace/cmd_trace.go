package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/wiretrace/wiretrace/index"
	"github.com/wiretrace/wiretrace/store/redis"
	"github.com/wiretrace/wiretrace/trace"
)

// runTrace runs `wiretrace trace [--store DIR] [--json] PAGE`: it extracts
// the page's article, finds the indexed articles it relates to, compares
// each with it and prints the ranked matches, the report of the first in
// full (every report with --all), or everything as JSON.
func runTrace(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "trace", "[--store DIR|--redis ADDRS] [--json] [--reports N] PAGE")
	storeDir := fs.String("store", "", "Pebble store directory (default "+defaultStoreDir()+")")
	redisAddrs := fs.String("redis", "", "Redis Cluster (or single server) addresses host:port,... instead of a Pebble store (default $"+redis.EnvAddrs+")")
	asJSON := fs.Bool("json", false, "print the matches and their reports as JSON")
	all := fs.Bool("all", false, "print the full report of every match, not only the first")
	reports := fs.Int("reports", 5, "how many of the best candidates to compare in full")
	color := fs.String("color", "auto", "colour the terminal report: auto, always or never")
	maxBytes := fs.Int64("max-bytes", defaultMaxPage, "largest page to read, in bytes")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usagef("trace needs one page (a file path, or - for stdin), got %d", fs.NArg())
	}
	if *reports <= 0 {
		return usagef("--reports must be positive, got %d", *reports)
	}
	if *color != "auto" && *color != "always" && *color != "never" {
		return usagef("--color must be auto, always or never, not %q", *color)
	}
	if *storeDir != "" && *redisAddrs != "" {
		return usagef("give --store or --redis, not both")
	}
	if err := checkMaxBytes(*maxBytes); err != nil {
		return err
	}
	if *redisAddrs == "" && os.Getenv(redis.EnvAddrs) == "" {
		dir := *storeDir
		if dir == "" {
			dir = defaultStoreDir()
		}
		// Opening a missing directory would create an empty store and
		// trace against nothing; say what to do instead.
		if _, err := os.Stat(dir); err != nil {
			return fmt.Errorf("no index at %s (build one with wiretrace index --store %s INPUT...): %w", dir, dir, err)
		}
	}
	a, err := loadCompared(e, fs.Arg(0), *maxBytes)
	if err != nil {
		return err
	}
	st, _, err := openStore(ctx, *storeDir, *redisAddrs)
	if err != nil {
		return err
	}
	defer st.Close()
	res, err := trace.Trace(ctx, index.New(st), a, trace.TraceOptions{
		Reports: *reports,
		Compare: trace.Options{Align: compareAlignOptions(e)},
	})
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

package main

import (
	"context"
	"fmt"
	"text/tabwriter"

	"github.com/wiretrace/wiretrace/examples"
	"github.com/wiretrace/wiretrace/index"
	"github.com/wiretrace/wiretrace/ingest"
	"github.com/wiretrace/wiretrace/trace"
)

// demoRow is one traced example: what it is, and what the index said it
// came from.
type demoRow struct {
	Family     string         `json:"family"`
	Role       string         `json:"role"`
	Path       string         `json:"path"`
	Expected   string         `json:"expected_relation"`
	Match      string         `json:"match"`
	Relation   trace.Relation `json:"relation"`
	Original   string         `json:"original"`
	Similarity float64        `json:"similarity"`
	Drifts     int            `json:"drifts"`
	Credits    bool           `json:"credits_source"`
}

// runDemo runs `wiretrace demo`: the bundled example articles go into a
// temporary Pebble store, and every one that is not an original is traced
// against it. It is the README's quick start: the whole pipeline, extract →
// index → trace → compare, on real parts, in a few seconds.
func runDemo(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "demo", "[--json]")
	asJSON := fs.Bool("json", false, "print the traces as JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return usagef("demo takes no arguments")
	}
	st, cleanup, n, err := openDemo(ctx)
	if err != nil {
		return err
	}
	defer cleanup()
	ix := index.New(st)
	fams, err := examples.Families()
	if err != nil {
		return err
	}
	// Name every indexed example by its id, so that a match reads as
	// "family/role" rather than an opaque hash.
	names := map[string]string{}
	type item struct {
		fam  examples.Family
		file examples.File
	}
	var items []item
	for _, fam := range fams {
		for _, file := range fam.Files {
			data, err := file.Read()
			if err != nil {
				return err
			}
			a, err := ingest.Page(data, "", 0)
			if err != nil {
				return fmt.Errorf("demo: extract %s: %w", file.Path, err)
			}
			names[a.ID()] = fam.Name + "/" + file.Role
			if file.Role != "original" {
				items = append(items, item{fam, file})
			}
		}
	}
	var rows []demoRow
	for _, it := range items {
		data, err := it.file.Read()
		if err != nil {
			return err
		}
		a, err := ingest.Page(data, "", 0)
		if err != nil {
			return fmt.Errorf("demo: extract %s: %w", it.file.Path, err)
		}
		res, err := trace.Trace(ctx, ix, a, trace.Options{})
		if err != nil {
			return fmt.Errorf("demo: trace %s: %w", it.file.Path, err)
		}
		row := demoRow{Family: it.fam.Name, Role: it.file.Role, Path: it.file.Path, Expected: it.file.Relation, Match: "—", Relation: "unrelated"}
		if len(res.Matches) > 0 {
			m := res.Matches[0]
			row.Match = names[m.ID]
			row.Relation, row.Original, row.Similarity = m.Relation, m.Original, m.Similarity
			row.Drifts, row.Credits = len(m.Report.Drifts), m.Report.CreditsSource
		}
		rows = append(rows, row)
	}
	if *asJSON {
		return writeJSON(e.stdout, rows)
	}
	fmt.Fprintf(e.stdout, "Indexed %d bundled example articles (%d story families) into a temporary Pebble store.\n", n, len(fams))
	fmt.Fprintf(e.stdout, "Traced each non-original one; its best match:\n\n")
	tw := tabwriter.NewWriter(e.stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "TRACED\tEXPECTED\tBEST MATCH\tRELATION\tORIGINAL\tSIMILARITY\tDRIFTS\tCREDITS")
	for _, r := range rows {
		fmt.Fprintf(tw, "%s/%s\t%s\t%s\t%s\t%s\t%.2f\t%d\t%t\n", r.Family, r.Role, r.Expected, r.Match, r.Relation, r.Original, r.Similarity, r.Drifts, r.Credits)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, "\nORIGINAL says which side the trace found to be the original: \"match\" (the best match is the")
	fmt.Fprintln(e.stdout, "traced page's source), \"document\" (the traced page is the match's source) or \"unknown\" (no direction:")
	fmt.Fprintln(e.stdout, "the same text both ways, or independent reports); empty when nothing matched.")
	fmt.Fprintln(e.stdout, "\nSee one in full:  wiretrace compare PAGE_A PAGE_B   Browse them:  wiretrace serve --demo")
	return nil
}

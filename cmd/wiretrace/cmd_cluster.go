package main

import (
	"context"
	"fmt"
	"text/tabwriter"

	"github.com/wiretrace/wiretrace/cluster"
	"github.com/wiretrace/wiretrace/index"
)

// runCluster runs `wiretrace cluster`: it groups the indexed articles into
// story clusters and lists them, largest first: size, original, first and
// last date, and the members by their relation to the original.
func runCluster(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "cluster", "[--store DIR|--redis ADDRS] [--json] [--min-size N] [--limit N] [--relations=false] [--wordnet]")
	stFlags := addStoreFlags(fs)
	cmpFlags := addComparisonFlags(fs)
	asJSON := fs.Bool("json", false, "print the clusters as JSON")
	minSize := fs.Int("min-size", 2, "list clusters of at least this many articles")
	limit := fs.Int("limit", 50, "list at most this many clusters, the largest first (0: all)")
	relations := fs.Bool("relations", true, "compare every member with its cluster's original (one comparison per member)")
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("cluster takes no arguments, got %q", rest)
	}
	if *minSize <= 0 || *limit < 0 {
		return usagef("--min-size must be positive and --limit not negative")
	}
	opts, err := cmpFlags.options()
	if err != nil {
		return err
	}
	st, _, err := stFlags.open(ctx, true)
	if err != nil {
		return err
	}
	defer st.Close()
	ix := index.New(st)
	c, err := cluster.Build(ctx, ix, cluster.Options{})
	if err != nil {
		return err
	}
	stories, err := cluster.Stories(ctx, ix, c, cluster.ListOptions{MinSize: *minSize, Limit: *limit, Relations: *relations, Trace: opts})
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(e.stdout, cluster.List{Clusters: stories})
	}
	fmt.Fprintf(e.stdout, "%d story clusters of %d or more articles\n", len(stories), *minSize)
	for i, s := range stories {
		fmt.Fprintf(e.stdout, "\n%d. %d articles · first %s · last %s\n", i+1, s.Size, orDash(s.First), orDash(s.Last))
		tw := tabwriter.NewWriter(e.stdout, 2, 4, 2, ' ', 0)
		for _, m := range s.Members {
			rel := m.Role
			if m.Relation != "" {
				rel = string(m.Relation)
			}
			fmt.Fprintf(tw, "   %s\t%s\t%s\t%s\t%s\n", rel, orDash(m.Published), orDash(m.Site), m.ID, orDash(m.Title))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	return nil
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

package main

import (
	"context"
	"fmt"

	"github.com/wiretrace/wiretrace/cluster"
	"github.com/wiretrace/wiretrace/internal/eval"
)

// evalClusters runs `wiretrace eval clusters`: it clusters the originals of
// llm-rewrites with their rewrites and the benchmark pages, online, and
// reports the adjusted Rand index and how many originals share their
// rewrites' cluster, on the fit and check parts. `wiretrace train cluster`
// fits the join model and its threshold.
func evalClusters(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "eval clusters", "[--json] [--data DIR] [--threshold P]")
	asJSON := fs.Bool("json", false, "print the result as JSON")
	data := fs.String("data", defaultEvalDir(), "the shared eval folder")
	threshold := fs.Float64("threshold", 0, "least join probability (default cluster.DefaultThreshold, fitted)")
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("eval clusters takes no arguments, got %q", rest)
	}
	items, err := eval.LoadClusterSet(*data)
	if err != nil {
		return err
	}
	opts := cluster.Options{Threshold: *threshold}
	fps := eval.ClusterFingerprints(items)
	r, err := eval.EvalClusters(ctx, items, opts, fps)
	if err != nil {
		return err
	}
	r.Data = *data
	if *asJSON {
		return writeJSON(e.stdout, r)
	}
	fmt.Fprintf(e.stdout, "story clusters of llm-rewrites (originals with their rewrites) and the benchmark pages, join threshold %.3f, %d of %d articles' joins decided by the confirm model (%.1f s)\n", r.Threshold, r.Confirmed, len(items), r.Seconds)
	fmt.Fprintf(e.stdout, "%-5s %6s %7s %8s %7s %18s %14s\n", "part", "items", "stories", "clusters", "ARI", "originals w/ all", "rewrites w/ orig")
	for _, s := range []eval.ClusterScore{r.Fit, r.Check} {
		fmt.Fprintf(e.stdout, "%-5s %6d %7d %8d %7.4f %18.4f %14.4f\n", s.Part, s.Items, s.Stories, s.Clusters, s.ARI, s.OriginalsWithAll, s.RewritesWithOriginal)
	}
	return nil
}

package main

import (
	"context"
	"sort"
	"strings"
)

// benchJobs lists the speed benchmarks; each lives in cmd_bench_<job>.go.
var benchJobs = map[string]func(ctx context.Context, e *env, args []string) error{
	"index": benchIndex,
	"serve": benchServe,
}

// runBench runs `wiretrace bench JOB [flags]`.
func runBench(ctx context.Context, e *env, args []string) error {
	names := make([]string, 0, len(benchJobs))
	for name := range benchJobs {
		names = append(names, name)
	}
	sort.Strings(names)
	if len(args) == 0 {
		return usagef("usage: wiretrace bench JOB [flags]; jobs: %s", strings.Join(names, ", "))
	}
	job, ok := benchJobs[args[0]]
	if !ok {
		return usagef("unknown bench job %q; jobs: %s", args[0], strings.Join(names, ", "))
	}
	return job(ctx, e, args[1:])
}

package main

import "context"

// benchJobs lists the speed benchmarks; each lives in cmd_bench_<job>.go.
var benchJobs = map[string]job{
	"index": benchIndex,
	"serve": benchServe,
}

// runBench runs `wiretrace bench JOB [flags]`.
func runBench(ctx context.Context, e *env, args []string) error {
	return runJob(ctx, e, "bench", "bench job", benchJobs, args)
}

package main

import (
	"context"
	"fmt"

	"github.com/wiretrace/wiretrace/internal/eval"
)

// trainJobs lists the fitted decisions `wiretrace train` refits, one job
// per file of eval.FittedFiles.
var trainJobs = func() map[string]job {
	jobs := make(map[string]job, len(eval.FittedFiles))
	for _, f := range eval.FittedFiles {
		jobs[f.Name] = trainJob(f)
	}
	return jobs
}()

// runTrain runs `wiretrace train JOB [--data DIR]`.
func runTrain(ctx context.Context, e *env, args []string) error {
	return runJob(ctx, e, "train", "job", trainJobs, args)
}

// trainJob runs `wiretrace train NAME`: it fits f's decisions on the
// shared data and prints the Go source of f.Path.
func trainJob(f eval.FittedFile) job {
	return func(ctx context.Context, e *env, args []string) error {
		fs := newFlags(e, "train "+f.Name, "[--data DIR] > "+f.Path)
		data := fs.String("data", defaultEvalDir(), "the shared eval folder")
		if err := parseFlags(fs, args); err != nil {
			return err
		}
		if fs.NArg() > 0 {
			return usagef("train %s takes no arguments, got %q", f.Name, fs.Args())
		}
		src, err := f.Fit(ctx, *data)
		if err != nil {
			return fmt.Errorf("train %s: %w", f.Name, err)
		}
		_, err = e.stdout.Write(src)
		return err
	}
}

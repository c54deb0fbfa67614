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

// maxSpread is the most other dealings `train --spread` refits a model
// with: each is a whole refit.
const maxSpread = 50

// trainJob runs `wiretrace train NAME`: it fits f's decisions on the
// shared data and prints the Go source of f.Path.
func trainJob(f eval.FittedFile) job {
	return func(ctx context.Context, e *env, args []string) error {
		usage := "[--data DIR] > " + f.Path
		if f.Spread != nil {
			usage = "[--data DIR] [--spread N] > " + f.Path
		}
		fs := newFlags(e, "train "+f.Name, usage)
		data := fs.String("data", defaultEvalDir(), "the shared eval folder")
		var spread *int
		if f.Spread != nil {
			spread = fs.Int("spread", 0, "instead of the Go source, print how far the model's figures move when it is refitted with its examples dealt to its bags N other ways")
		}
		if err := parseFlags(fs, args); err != nil {
			return err
		}
		if fs.NArg() > 0 {
			return usagef("train %s takes no arguments, got %q", f.Name, fs.Args())
		}
		if spread != nil && *spread != 0 {
			if *spread < 0 || *spread > maxSpread {
				return usagef("train %s: --spread takes 1 to %d, got %d", f.Name, maxSpread, *spread)
			}
			if err := f.Spread(ctx, e.stdout, *data, *spread); err != nil {
				return fmt.Errorf("train %s: %w", f.Name, err)
			}
			return nil
		}
		src, err := f.Fit(ctx, *data)
		if err != nil {
			return fmt.Errorf("train %s: %w", f.Name, err)
		}
		_, err = e.stdout.Write(src)
		return err
	}
}

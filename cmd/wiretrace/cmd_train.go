package main

import (
	"context"

	"github.com/wiretrace/wiretrace/internal/eval"
)

// trainJobs lists the fitted decisions `wiretrace train` refits.
var trainJobs = map[string]job{
	"relation": trainRelation,
	"drift":    trainDrift,
}

// runTrain runs `wiretrace train JOB [--data DIR]`.
func runTrain(ctx context.Context, e *env, args []string) error {
	return runJob(ctx, e, "train", "job", trainJobs, args)
}

// trainRelation runs `wiretrace train relation`: it fits the relation's
// models (eval.FitRelation) and prints trace/relation_weights.go.
func trainRelation(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "train relation", "[--data DIR] > trace/relation_weights.go")
	data := fs.String("data", defaultEvalDir(), "the shared eval folder")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("train relation takes no arguments, got %q", fs.Args())
	}
	fit, err := eval.FitRelation(ctx, eval.SetDir(*data, "llm-rewrites", eval.RewritesFile),
		eval.SetDir(*data, "short-answers", "file_information.csv"))
	if err != nil {
		return err
	}
	src, err := fit.GoSource()
	if err != nil {
		return err
	}
	_, err = e.stdout.Write(src)
	return err
}

// trainDrift runs `wiretrace train drift`: it fits the drift model
// (eval.FitDrift) and prints trace/drift_weights.go.
func trainDrift(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "train drift", "[--data DIR] > trace/drift_weights.go")
	data := fs.String("data", defaultEvalDir(), "the shared eval folder")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("train drift takes no arguments, got %q", fs.Args())
	}
	fit, err := eval.FitDrift(ctx, eval.SetDir(*data, "llm-rewrites", eval.RewritesFile))
	if err != nil {
		return err
	}
	src, err := fit.GoSource()
	if err != nil {
		return err
	}
	_, err = e.stdout.Write(src)
	return err
}

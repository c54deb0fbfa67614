package main

import "context"

// evalSuites lists the evaluation suites; each lives in cmd_eval_<suite>.go.
var evalSuites = map[string]job{
	"extraction":    evalExtraction,
	"mrpc":          evalMRPC,
	"rewrites":      evalRewrites,
	"short-answers": evalShortAnswers,
}

// runEval runs `wiretrace eval SUITE [--json] [--data DIR]`.
func runEval(ctx context.Context, e *env, args []string) error {
	return runJob(ctx, e, "eval", "suite", evalSuites, args)
}

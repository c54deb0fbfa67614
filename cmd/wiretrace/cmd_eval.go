package main

import (
	"context"
	"sort"
	"strings"
)

// evalSuites lists the evaluation suites; each lives in cmd_eval_<suite>.go.
var evalSuites = map[string]func(ctx context.Context, e *env, args []string) error{
	"extraction":    evalExtraction,
	"mrpc":          evalMRPC,
	"short-answers": evalShortAnswers,
}

// runEval runs `wiretrace eval SUITE [flags]`.
func runEval(ctx context.Context, e *env, args []string) error {
	names := make([]string, 0, len(evalSuites))
	for name := range evalSuites {
		names = append(names, name)
	}
	sort.Strings(names)
	if len(args) == 0 {
		return usagef("usage: wiretrace eval SUITE [--json] [--data DIR]; suites: %s", strings.Join(names, ", "))
	}
	suite, ok := evalSuites[args[0]]
	if !ok {
		return usagef("unknown suite %q; suites: %s", args[0], strings.Join(names, ", "))
	}
	return suite(ctx, e, args[1:])
}

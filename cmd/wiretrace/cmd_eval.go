package main

import (
	"context"

	"github.com/wiretrace/wiretrace/internal/eval"
)

// evalSuites lists the evaluation suites; each lives in cmd_eval_<suite>.go,
// but the choosers' (date, title) in cmd_eval_chooser.go.
var evalSuites = map[string]job{
	"clusters":       evalClusters,
	"comments":       evalComments,
	"date":           evalChooser("date", eval.EvalDateChooser, eval.WriteDateChooser),
	"drift":          evalDrift,
	"families":       evalFamilies,
	"extraction":     evalExtraction,
	"mrpc":           evalMRPC,
	"rewrites":       evalRewrites,
	"rewrites-trace": evalRewritesTrace,
	"short-answers":  evalShortAnswers,
	"title":          evalChooser("title", eval.EvalTitleChooser, eval.WriteTitleChooser),
	"wcxb":           evalWCXB,
}

// runEval runs `wiretrace eval SUITE [--json] [--data DIR]`.
func runEval(ctx context.Context, e *env, args []string) error {
	return runJob(ctx, e, "eval", "suite", evalSuites, args)
}

// evalWCXB runs `wiretrace eval wcxb`; the work is eval.RunWCXB.
func evalWCXB(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "eval wcxb", "[--json] [--data DIR] [--pages OUTFILE] [--show ID]")
	run := eval.WCXBRun{}
	fs.BoolVar(&run.JSON, "json", false, "print the result as JSON")
	fs.StringVar(&run.Data, "data", defaultEvalDir(), "the shared eval folder (or its wcxb-dev/ folder)")
	fs.StringVar(&run.PagesFile, "pages", "", "write every page's score as JSON to this file")
	fs.StringVar(&run.Show, "show", "", "also print the misses of the fit-part page whose id starts with this")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("eval wcxb takes no arguments, got %q", fs.Args())
	}
	return eval.RunWCXB(ctx, e.stdout, run)
}

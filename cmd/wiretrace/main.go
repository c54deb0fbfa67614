// Command wiretrace finds where a news article came from: it extracts
// articles from pages, compares two of them, indexes a corpus and traces a
// page to its sources. Run `wiretrace help` for the commands.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"slices"
	"sort"
	"strings"
	"syscall"
)

// command is one subcommand: its one-line summary and the function that runs
// it with the arguments after its name.
type command struct {
	summary string
	run     func(ctx context.Context, env *env, args []string) error
}

// env is what a subcommand may touch of the outside world, so that tests can
// run commands in-process.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

// commands lists every subcommand; each lives in its own cmd_<name>.go file.
var commands = map[string]command{
	"extract": {"extract the article from a page", runExtract},
	"compare": {"compare two articles: relation, alignment, drift, credit", runCompare},
	"demo":    {"trace the bundled example articles through a temporary index", runDemo},
	"index":   {"index articles from files, folders, WARC files or feeds", runIndex},
	"trace":   {"trace a page to its sources in the index", runTrace},
	"cluster": {"list the story clusters of the index", runCluster},
	"serve":   {"serve the HTTP API and web UI", runServe},
	"eval":    {"score wiretrace on an evaluation suite", runEval},
	"bench":   {"measure speed: bench index, bench serve", runBench},
	"train":   {"fit a learned decision from labelled data: train relation, drift, cluster, ...", runTrain},
}

// usageError marks a mistake in how the command was called (exit status 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr}, os.Args[1:])
	stop()
	os.Exit(code)
}

// run executes one command line and returns the process exit status: 0 on
// success, 1 when the work failed, 2 on bad usage, 130 when it was
// interrupted (SIGINT or SIGTERM: its context cancelled).
func run(ctx context.Context, e *env, args []string) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		printUsage(e.stdout)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(e.stderr, "wiretrace: unknown command %q (see wiretrace help)\n", args[0])
		return 2
	}
	return exitCode(e.stderr, args[0], cmd.run(ctx, e, args[1:]))
}

// exitCode is the one place where errors become exit statuses. It prints the
// error as one line on stderr.
func exitCode(stderr io.Writer, name string, err error) int {
	if err == nil || errors.Is(err, flag.ErrHelp) {
		return 0
	}
	fmt.Fprintf(stderr, "wiretrace %s: %v\n", name, err)
	var ue usageError
	switch {
	case errors.As(err, &ue):
		return 2
	case errors.Is(err, context.Canceled):
		// 128 + SIGINT, as a shell reports a command an interrupt ended.
		return exitInterrupted
	}
	return 1
}

// exitInterrupted is the exit status of a command interrupted before its
// end.
const exitInterrupted = 130

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "wiretrace finds where a news article came from.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Usage: wiretrace COMMAND [flags] [args]")
	fmt.Fprintln(w)
	names := make([]string, 0, len(commands))
	for name := range commands {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		fmt.Fprintf(w, "  %-8s %s\n", name, commands[name].summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run wiretrace COMMAND -h for a command's flags.")
}

// job is a sub-subcommand, such as `eval mrpc` or `bench index`.
type job = func(ctx context.Context, e *env, args []string) error

// runJob runs the job of jobs that args[0] names; kind names what the
// jobs are ("suite", "job") in usage errors.
func runJob(ctx context.Context, e *env, cmd, kind string, jobs map[string]job, args []string) error {
	names := make([]string, 0, len(jobs))
	for name := range jobs {
		names = append(names, name)
	}
	sort.Strings(names)
	placeholder := strings.ToUpper(kind[strings.LastIndex(kind, " ")+1:])
	if len(args) == 0 {
		return usagef("usage: wiretrace %s %s [flags]; %ss: %s", cmd, placeholder, kind, strings.Join(names, ", "))
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		// Help asked for, as every command answers it: the usage on
		// stderr, as the flag sets print theirs, and exit 0.
		fmt.Fprintf(e.stderr, "Usage: wiretrace %s %s [flags]\n\n%ss: %s\n\nRun wiretrace %s %s -h for its flags.\n",
			cmd, placeholder, kind, strings.Join(names, ", "), cmd, placeholder)
		return flag.ErrHelp
	}
	// Flags may come before the job's name too ("eval --json mrpc"): the
	// first argument that names a job is the job, the others its flags.
	for i, a := range args {
		if run, ok := jobs[a]; ok && (i == 0 || strings.HasPrefix(args[0], "-")) {
			return run(ctx, e, append(slices.Clone(args[:i]), args[i+1:]...))
		}
	}
	return usagef("unknown %s %q; %ss: %s", kind, args[0], kind, strings.Join(names, ", "))
}

// writeJSON writes v to w as indented JSON, the form of every --json
// output.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

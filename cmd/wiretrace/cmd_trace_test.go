package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wiretrace/wiretrace/trace"
)

// TestTraceCommand indexes one example family with `wiretrace index` and
// traces its rewrite: the original comes first, in the text and the JSON
// output.
func TestTraceCommand(t *testing.T) {
	storeDir := filepath.Join(t.TempDir(), "store")
	fam := filepath.Join("..", "..", "examples", "rate-decision")
	if code, out, errs := runCLI(t, "", "index", "--store", storeDir, fam); code != 0 {
		t.Fatalf("index: exit %d\n%s\n%s", code, out, errs)
	}
	page := filepath.Join(fam, "rewrite.html")
	code, out, errs := runCLI(t, "", "trace", "--store", storeDir, "--json", page)
	if code != 0 {
		t.Fatalf("trace --json: exit %d\n%s", code, errs)
	}
	var res trace.Result
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("trace --json output: %v\n%s", err, out)
	}
	if len(res.Matches) == 0 || !strings.Contains(res.Matches[0].Title, "signals pause") || res.Matches[0].Relation != trace.Rewrite {
		t.Fatalf("first match %+v, want the original as a rewrite", res.Matches)
	}
	code, out, errs = runCLI(t, "", "trace", "--store", storeDir, "--color", "never", page)
	if code != 0 || !strings.Contains(out, " 1. rewrite") || !strings.Contains(out, "Report 1") {
		t.Errorf("trace text: exit %d\n%s\n%s", code, out, errs)
	}
}

func TestTraceCommandUsage(t *testing.T) {
	t.Setenv("WIRETRACE_REDIS", "")
	for _, args := range [][]string{
		{"trace"},
		{"trace", "a", "b"},
		{"trace", "--reports", "0", "a"},
		{"trace", "--store", "x", "--redis", "y", "a"},
	} {
		if code, _, _ := runCLI(t, "", args...); code != 2 {
			t.Errorf("%q: exit %d, want 2", args, code)
		}
	}
	code, _, errs := runCLI(t, "", "trace", "--store", filepath.Join(t.TempDir(), "missing"), "page.html")
	if code != 1 || !strings.Contains(errs, "no index at") {
		t.Errorf("missing store: exit %d, %q", code, errs)
	}
}

func TestBenchIndexCommand(t *testing.T) {
	code, out, errs := runCLI(t, "", "bench", "index", "--n", "600", "--queries", "20", "--report-queries", "5", "--quiet")
	if code != 0 {
		t.Fatalf("bench index: exit %d\n%s", code, errs)
	}
	for _, want := range []string{"| articles indexed | 600 |", "ingest (articles/s)", "candidates p50 / p99", "peak RSS"} {
		if !strings.Contains(out, want) {
			t.Errorf("bench output lacks %q:\n%s", want, out)
		}
	}
}

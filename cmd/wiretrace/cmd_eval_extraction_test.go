package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wiretrace/wiretrace/internal/sharedtest"
)

func TestEvalExtraction(t *testing.T) {
	data := sharedtest.Dir(t, "eval", "extraction")
	pages := filepath.Join(t.TempDir(), "pages.json")

	var out, errb bytes.Buffer
	e := &env{stdout: &out, stderr: &errb}
	if code := run(context.Background(), e, []string{"eval", "extraction", "--json", "--data", filepath.Dir(data), "--pages", pages}); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var res extractionResult
	if err := json.Unmarshal(out.Bytes(), &res); err != nil {
		t.Fatalf("--json output: %v", err)
	}
	if res.Summary.Pages != 181 || len(res.PageScores) != 181 {
		t.Errorf("scored %d pages (%d listed), want 181", res.Summary.Pages, len(res.PageScores))
	}
	if got := res.Peers["go_trafilatura"].Round().F1; got != 0.960 {
		t.Errorf("go_trafilatura F1 = %.3f, want the published 0.960", got)
	}
	if res.F1 <= 0 || res.F1 > 1 {
		t.Errorf("wiretrace F1 = %v, want in (0, 1]", res.F1)
	}

	out.Reset()
	if code := run(context.Background(), e, []string{"eval", "extraction", "--data", data}); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	for _, want := range []string{"wiretrace", "go_trafilatura", "worst pages"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("text report lacks %q:\n%s", want, out.String())
		}
	}
}

func TestEvalExtractionUsage(t *testing.T) {
	var out, errb bytes.Buffer
	e := &env{stdout: &out, stderr: &errb}
	if code := run(context.Background(), e, []string{"eval", "extraction", "extra-arg"}); code != 2 {
		t.Errorf("exit %d for a stray argument, want 2", code)
	}
	if code := run(context.Background(), e, []string{"eval", "extraction", "--data", t.TempDir()}); code != 1 {
		t.Errorf("exit %d for a folder without the benchmark, want 1", code)
	}
}

package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeMiniBenchmark lays out a two-page benchmark in the shared folder's
// format, with pages we wrote, so that the command is tested without the
// real data (internal/eval scores the real pages).
func writeMiniBenchmark(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "extraction")
	for _, sub := range []string{"html", "peer-output"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	bodies := map[string][]string{
		"aaa1": {
			"The harbour authority approved a second ferry terminal on Monday after three years of consultation with residents.",
			"The terminal will open in 2028 and double the number of crossings to the islands, officials said.",
		},
		"bbb2": {
			"A late frost damaged much of the region's apple blossom this week, growers said on Thursday.",
			"Some orchards expect to lose half of their crop, and prices could rise in the autumn as a result.",
		},
	}
	truth := map[string]map[string]string{}
	for id, paras := range bodies {
		page := `<html><head><title>Story</title></head><body><nav><a href="/">Home</a><a href="/news">News</a></nav><article><h1>Headline</h1><div class="article-body">`
		for _, p := range paras {
			page += "<p>" + p + "</p>"
		}
		page += `</div></article><footer>Copyright the Gazette</footer></body></html>`
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		zw.Write([]byte(page))
		zw.Close()
		if err := os.WriteFile(filepath.Join(dir, "html", id+".html.gz"), b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		truth[id] = map[string]string{"articleBody": strings.Join(paras, "\n\n"), "url": "https://gazette.example/" + id}
	}
	writeJSON := func(path string, v any) {
		data, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	writeJSON(filepath.Join(dir, "ground-truth.json"), truth)
	// A peer that found only the first paragraph of each page.
	peer := map[string]map[string]string{}
	for id, paras := range bodies {
		peer[id] = map[string]string{"articleBody": paras[0]}
	}
	writeJSON(filepath.Join(dir, "peer-output", "half_tool.json"), map[string]any{"version": "1", "output": peer})
	return dir
}

func TestEvalExtraction(t *testing.T) {
	data := writeMiniBenchmark(t)
	pages := filepath.Join(t.TempDir(), "pages.json")

	var out, errb bytes.Buffer
	e := &env{stdout: &out, stderr: &errb}
	// --data takes the eval folder or its extraction/ folder.
	if code := run(context.Background(), e, []string{"eval", "extraction", "--json", "--data", filepath.Dir(data), "--pages", pages}); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var res extractionResult
	if err := json.Unmarshal(out.Bytes(), &res); err != nil {
		t.Fatalf("--json output: %v", err)
	}
	if res.ExtractionSummary.Pages != 2 || len(res.PageScores) != 2 {
		t.Errorf("scored %d pages (%d listed), want 2", res.ExtractionSummary.Pages, len(res.PageScores))
	}
	if res.F1 != 1 || res.Accuracy != 1 {
		t.Errorf("wiretrace F1 %.3f accuracy %.3f on two plain pages, want 1 and 1", res.F1, res.Accuracy)
	}
	half := res.Peers["half_tool"]
	if half.Precision != 1 || half.Recall >= 1 || half.Accuracy != 0 {
		t.Errorf("half_tool scored %+v, want precision 1, recall below 1, accuracy 0", half)
	}
	var listed []map[string]any
	if b, err := os.ReadFile(pages); err != nil || json.Unmarshal(b, &listed) != nil || len(listed) != 2 {
		t.Errorf("--pages file: %d entries, read error %v", len(listed), err)
	}

	out.Reset()
	if code := run(context.Background(), e, []string{"eval", "extraction", "--data", data}); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	for _, want := range []string{"wiretrace  F1 1.000", "half_tool", "worst pages", "gazette.example/"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("text report lacks %q:\n%s", want, out.String())
		}
	}

	out.Reset()
	if code := run(context.Background(), e, []string{"eval", "extraction", "--data", data, "--show", "bbb"}); code != 0 {
		t.Fatalf("--show: exit %d: %s", code, errb.String())
	}
	if !strings.Contains(out.String(), "page bbb2") || !strings.Contains(out.String(), "exact true") {
		t.Errorf("--show report lacks the page:\n%s", out.String())
	}
	if code := run(context.Background(), e, []string{"eval", "extraction", "--data", data, "--show", "zzz"}); code != 1 {
		t.Errorf("--show of an unknown page: exit %d, want 1", code)
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

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
)

// TestDemo runs the README's quick start and checks every traced example
// against the manifest: the relation it was written to have, and, for
// derived ones, its own family's original as the best match.
func TestDemo(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run(context.Background(), &env{stdout: &out, stderr: &errb}, []string{"demo", "--json"}); code != 0 {
		t.Fatalf("demo exited %d: %s", code, errb.String())
	}
	var rows []demoRow
	if err := json.Unmarshal(out.Bytes(), &rows); err != nil {
		t.Fatalf("demo --json: %v\n%s", err, out.String())
	}
	if len(rows) < 18 {
		t.Fatalf("demo traced %d examples, want at least 18 (three families of six)", len(rows))
	}
	for _, r := range rows {
		if string(r.Relation) != r.Expected {
			t.Errorf("%s/%s: relation %s, want %s", r.Family, r.Role, r.Relation, r.Expected)
		}
		switch r.Expected {
		case "duplicate", "near_duplicate", "rewrite", "partial":
			if r.Match != r.Family+"/original" || r.Original != "match" {
				t.Errorf("%s/%s: best match %s (original %q), want %s/original as the original", r.Family, r.Role, r.Match, r.Original, r.Family)
			}
		case "same_story":
			if !strings.HasPrefix(r.Match, r.Family+"/") {
				t.Errorf("%s/%s: best match %s, want one of its own family", r.Family, r.Role, r.Match)
			}
		}
	}
}

func TestDemoUsage(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run(context.Background(), &env{stdout: &out, stderr: &errb}, []string{"demo", "extra"}); code != 2 {
		t.Fatalf("demo with an argument exited %d, want 2", code)
	}
}

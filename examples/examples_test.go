package examples

import (
	"io/fs"
	"strings"
	"testing"
)

var roles = []string{"original", "verbatim", "edited", "rewrite", "partial", "independent", "unrelated"}

// TestManifest checks that the manifest and the embedded pages agree: every
// family is complete, every listed page exists and is non-empty, every page
// on disk is listed, and every rewrite plants three drifts of different
// kinds.
func TestManifest(t *testing.T) {
	fams, err := Families()
	if err != nil {
		t.Fatal(err)
	}
	if len(fams) < 3 {
		t.Fatalf("got %d families, want at least 3", len(fams))
	}
	listed := map[string]bool{}
	kinds := map[string]bool{}
	for _, fam := range fams {
		t.Run(fam.Name, func(t *testing.T) {
			have := map[string]bool{}
			for _, f := range fam.Files {
				have[f.Role] = true
				listed[f.Path] = true
				data, err := f.Read()
				if err != nil {
					t.Fatal(err)
				}
				if len(data) < 500 {
					t.Errorf("%s: only %d bytes", f.Path, len(data))
				}
				if f.Role == "original" {
					if !strings.Contains(string(data), fam.Credit) {
						t.Errorf("%s does not carry its credit %q", f.Path, fam.Credit)
					}
					continue
				}
				if f.Relation == "" || f.Source == "" || f.Drifts == nil {
					t.Errorf("%s: relation, source and drifts must all be set", f.Path)
				}
				if f.Role == "rewrite" {
					seen := map[string]bool{}
					for _, d := range f.Drifts {
						seen[d.Kind] = true
						kinds[d.Kind] = true
					}
					if len(f.Drifts) != 3 || len(seen) != 3 {
						t.Errorf("%s: want three drifts of different kinds, got %+v", f.Path, f.Drifts)
					}
					if strings.Contains(string(data), fam.Credit) {
						t.Errorf("%s: a rewrite must drop the credit %q", f.Path, fam.Credit)
					}
				}
			}
			for _, r := range roles {
				if !have[r] {
					t.Errorf("family %s has no %s page", fam.Name, r)
				}
			}
			if fam.Original().Path == "" {
				t.Errorf("family %s: no original", fam.Name)
			}
		})
	}
	for _, k := range []string{"role", "number", "date", "quote", "negation", "entity"} {
		if !kinds[k] {
			t.Errorf("no family plants a %s drift", k)
		}
	}
	err = fs.WalkDir(FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path == "families.json" {
			return err
		}
		if !listed[path] {
			t.Errorf("%s is embedded but not in the manifest", path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestCheck checks that File.Check finds each kind of wrong answer in a
// compare report's JSON and none in a right one.
func TestCheck(t *testing.T) {
	yes := true
	f := File{Relation: "rewrite", Source: "a", CreditsSource: &yes,
		Drifts:      []Drift{{Kind: "number", Source: "12", Derived: "21"}},
		Unsupported: []string{"Time will tell"}}
	right := `{"a":{"sentences":["Twelve ships."]},"b":{"sentences":["21 vessels waited.","Time will tell."]},
		"relation":"rewrite","source":"a","credits_source":true,"unsupported":[1],
		"drifts":[{"kind":"number","source_span":"12 ships","derived_span":"21 vessels","explanation":"x"}]}`
	o, err := ParseOutcome([]byte(right))
	if err != nil {
		t.Fatal(err)
	}
	if m := f.Check(o); len(m) != 0 {
		t.Fatalf("right answer: got mismatches %+v", m)
	}
	wrong := `{"a":{"sentences":["21 vessels waited.","Time will tell."]},"b":{"sentences":["Twelve ships."]},
		"relation":"same_story","source":"b","credits_source":false,"unsupported":[],
		"drifts":[{"kind":"date","source_span":"Monday","derived_span":"Tuesday","explanation":"x"}]}`
	o, err = ParseOutcome([]byte(wrong))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, m := range f.Check(o) {
		got[m.What]++
	}
	for _, what := range []string{"relation", "source", "credit", "missed_drift", "false_drift", "padding"} {
		if got[what] != 1 {
			t.Errorf("%s: %d mismatches, want 1 (all: %v)", what, got[what], got)
		}
	}
	if _, err := ParseOutcome([]byte("{")); err == nil {
		t.Error("a broken report parsed without an error")
	}
}

// TestDriftMatches checks how a reported drift's spans stand for a planted
// one cut with other context words: by the words the change put in place,
// never by a shared context word alone.
func TestDriftMatches(t *testing.T) {
	for _, tc := range []struct {
		name                  string
		planted               Drift
		kind, source, derived string
		want                  bool
	}{
		{"context cut otherwise", Drift{"role", "Kestria's energy minister", "Kestria's foreign minister"},
			"role", "energy minister Oren Vaal", "foreign minister Oren Vaal", true},
		{"a word added on the other side", Drift{"role", "Brimley's chair", "Brimley's deputy chair"},
			"role", "chair Sabine Orr", "deputy chair Sabine Orr", true},
		{"another change of the same context", Drift{"role", "Kestria's energy minister", "Kestria's foreign minister"},
			"role", "energy minister Oren Vaal", "trade minister Oren Vaal", false},
		{"another figure of the same unit", Drift{"number", "62 per cent", "82 per cent"},
			"number", "11 per cent", "89 per cent", false},
		{"within the planted words", Drift{"negation", "had not expected", "expected"},
			"negation", "not expected", "expected", true},
		{"another kind", Drift{"role", "chief whip", "deputy leader"},
			"entity", "chief whip", "deputy leader", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.planted.matches(tc.kind, tc.source, tc.derived); got != tc.want {
				t.Errorf("matches(%q, %q, %q) = %v, want %v", tc.kind, tc.source, tc.derived, got, tc.want)
			}
		})
	}
}

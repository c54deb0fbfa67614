package report

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wiretrace/wiretrace/align"
	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/drift"
	"github.com/wiretrace/wiretrace/examples"
	"github.com/wiretrace/wiretrace/extract"
	"github.com/wiretrace/wiretrace/trace"
)

var update = flag.Bool("update", false, "rewrite the golden reports in testdata/golden")

func loadExample(t testing.TB, f examples.File) *article.Article {
	t.Helper()
	data, err := f.Read()
	if err != nil {
		t.Fatal(err)
	}
	a, err := extract.Page(data, extract.Options{})
	if err != nil {
		t.Fatalf("extract %s: %v", f.Path, err)
	}
	return a
}

// exampleReports compares every example family's original with each of
// its other pages, as trace's TestExampleFamilies does.
func exampleReports(t testing.TB) map[string]*trace.Report {
	fams, err := examples.Families()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*trace.Report{}
	for _, fam := range fams {
		orig := loadExample(t, fam.Original())
		for _, f := range fam.Files {
			if f.Role == "original" {
				continue
			}
			r := trace.Compare(orig, loadExample(t, f), trace.DefaultOptions())
			out[fam.Name+"_"+f.Role] = &r
		}
	}
	if len(out) == 0 {
		t.Fatal("no example pairs")
	}
	return out
}

// TestGolden pins the text report of every example pair in
// testdata/golden/NAME.txt (rewritten with -update).
func TestGolden(t *testing.T) {
	for name, r := range exampleReports(t) {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Text(&buf, r, TextOptions{HideScores: true}); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", "golden", name+".txt")
			if *update {
				if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./report -run TestGolden -update to create it)", err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("report differs from %s (run go test ./report -update if the change is intended):\n%s", path, diffLines(string(want), buf.String()))
			}
		})
	}
}

// diffLines shows the first lines that differ.
func diffLines(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var out []string
	for i := 0; i < max(len(w), len(g)) && len(out) < 12; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			out = append(out, fmt.Sprintf("line %d:\n  want %q\n  got  %q", i+1, wl, gl))
		}
	}
	return strings.Join(out, "\n")
}

// TestTextControls checks that escape sequences in page text do not
// reach the terminal through the text report.
func TestTextControls(t *testing.T) {
	a := &article.Article{Title: "Harbour \x1b]0;owned\x07 wall", URL: "https://gazette.example/\x1b[2J",
		Paragraphs: []string{"The council said \x1b[31mred\x1b[0m it would vote on the harbour wall \x1b]52;c;eA==\x07 next month.",
			"The wall was damaged in January\u009b storms and must be rebuilt."}}
	r := trace.Compare(a, a, trace.DefaultOptions())
	for _, color := range []bool{false, true} {
		var b bytes.Buffer
		if err := Text(&b, &r, TextOptions{Color: color}); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		if color {
			// Only the report's own colour codes may remain.
			for _, code := range ansiCodes {
				out = strings.ReplaceAll(out, code, "")
			}
		}
		if strings.ContainsAny(out, "\x1b\x07\u009b") {
			t.Errorf("color %v: a control character of the page reached the report: %q", color, out)
		}
		if !strings.Contains(out, "it would vote on the harbour wall") {
			t.Errorf("color %v: the sentence is gone: %q", color, out)
		}
	}
}

// TestTextReadability checks what a person reads: sentences numbered from
// 1, whole sentences with Full, an entity drift saying what the source
// has, an edited pair's changed words marked, a truncation said.
func TestTextReadability(t *testing.T) {
	long := strings.Repeat("word ", 60) + "end."
	r := &trace.Report{
		A:        trace.Side{Title: "a", Sentences: []string{"The fine was 45 million crowns on Tuesday.", long}},
		B:        trace.Side{Title: "b", Sentences: []string{"The fine was 54 million crowns on Tuesday.", long, "Analyst Jo Park said it was fair."}},
		Relation: trace.NearDuplicate, Source: trace.SourceA, Truncated: true,
		Pairs: []align.Pair{
			{Source: []int{0}, Derived: []int{0}, Score: 0.9, Kind: "edited"},
			{Source: []int{1}, Derived: []int{1}, Score: 1, Kind: "verbatim"},
		},
		Unsupported: []int{2},
		Drifts: []drift.Drift{{Kind: drift.Entity, DerivedSpan: "Jo Park", SourceSentence: 0, DerivedSentence: 2,
			Explanation: "Jo Park is not named in the source"}},
	}
	for _, tc := range []struct {
		name      string
		opts      TextOptions
		want, not []string
	}{
		{"numbers from 1", TextOptions{}, []string{"A1 ", "B3 ", "A2 "}, []string{"A0 ", "B0 "}},
		{"entity drift", TextOptions{}, []string{"(no such name in the source)"}, nil},
		{"word diff", TextOptions{}, []string{"[-45-]", "{+54+}"}, nil},
		{"cut", TextOptions{}, []string{"…"}, []string{long}},
		{"full", TextOptions{Full: true}, []string{long}, nil},
		{"truncated", TextOptions{}, []string{"only its start was compared"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := Text(&b, r, tc.opts); err != nil {
				t.Fatal(err)
			}
			for _, w := range tc.want {
				if !strings.Contains(b.String(), w) {
					t.Errorf("report lacks %q:\n%s", w, b.String())
				}
			}
			for _, n := range tc.not {
				if strings.Contains(b.String(), n) {
					t.Errorf("report has %q:\n%s", n, b.String())
				}
			}
		})
	}
}

// TestTraceTextByIndex: a match kept by the index's evidence says so under
// its line; the others do not.
func TestTraceTextByIndex(t *testing.T) {
	res := &trace.Result{
		Document: trace.Document{Title: "A rewritten page"},
		Matches: []trace.Match{
			{ID: "x", Title: "The first match", Relation: trace.SameStory, Original: trace.OriginalUnknown, ByIndex: true},
			{ID: "y", Title: "The second match", Relation: trace.SameStory, Original: trace.OriginalUnknown},
		},
	}
	var b strings.Builder
	if err := TraceText(&b, res, TextOptions{}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if strings.Count(out, ByIndexText) != 1 {
		t.Fatalf("want the by-index note once, under the first match:\n%s", out)
	}
	if i, j := strings.Index(out, "The first match"), strings.Index(out, ByIndexText); i < 0 || j < i || j > strings.Index(out, "The second match") {
		t.Fatalf("the by-index note is not under the first match:\n%s", out)
	}
}

func TestLabel(t *testing.T) {
	for _, tc := range []struct {
		i    int
		want string
	}{{0, "A1"}, {11, "A12"}, {-1, "A—"}} {
		if got := Label("A", tc.i); got != tc.want {
			t.Errorf("Label(A, %d) = %q, want %q", tc.i, got, tc.want)
		}
	}
}

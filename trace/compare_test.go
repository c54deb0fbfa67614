package trace

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/wiretrace/wiretrace/align"
	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/examples"
	"github.com/wiretrace/wiretrace/extract"
	"github.com/wiretrace/wiretrace/wordnet"
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

// TestExampleFamilies compares every example family's original with each
// of its other pages and checks the report against the manifest (relation,
// source side, credit, every planted drift found and no other, padding
// unsupported) and against its golden text report.
func TestExampleFamilies(t *testing.T) {
	fams, err := examples.Families()
	if err != nil {
		t.Fatal(err)
	}
	cases := 0
	for _, fam := range fams {
		orig := loadExample(t, fam.Original())
		for _, f := range fam.Files {
			if f.Role == "original" {
				continue
			}
			cases++
			t.Run(fam.Name+"/"+f.Role, func(t *testing.T) {
				b := loadExample(t, f)
				r := Compare(orig, b, Options{})
				checkExpected(t, &r, f)
				checkGolden(t, fam.Name+"_"+f.Role, &r)
				if f.Source == SourceA {
					// The same pair the other way round finds the same
					// relation with the source on the other side.
					back := Compare(b, orig, Options{})
					if back.Relation != r.Relation || back.Source != SourceB {
						t.Errorf("reversed: relation %s source %s, want %s source b", back.Relation, back.Source, r.Relation)
					}
				}
			})
		}
	}
	if cases < 18 {
		t.Fatalf("only %d example pairs; the manifest should list at least 18", cases)
	}
}

func checkExpected(t *testing.T, r *Report, f examples.File) {
	t.Helper()
	if string(r.Relation) != f.Relation {
		t.Errorf("relation %s, want %s", r.Relation, f.Relation)
	}
	if r.Source != f.Source {
		t.Errorf("source %s, want %s", r.Source, f.Source)
	}
	if f.CreditsSource != nil && r.CreditsSource != *f.CreditsSource {
		t.Errorf("credits_source %v, want %v", r.CreditsSource, *f.CreditsSource)
	}
	found := make([]bool, len(r.Drifts))
	for _, want := range f.Drifts {
		ok := false
		for k, d := range r.Drifts {
			if string(d.Kind) == want.Kind && containsFold(d.SourceSpan, want.Source) && containsFold(d.DerivedSpan, want.Derived) {
				ok, found[k] = true, true
				break
			}
		}
		if !ok {
			t.Errorf("planted %s drift %q → %q not found", want.Kind, want.Source, want.Derived)
		}
	}
	for k, d := range r.Drifts {
		if !found[k] {
			t.Errorf("false drift: %s %q → %q (%s)", d.Kind, d.SourceSpan, d.DerivedSpan, d.Explanation)
		}
	}
	_, der := r.sides()
	for _, pad := range f.Unsupported {
		j := sentenceWith(der.Sentences, pad)
		if j < 0 {
			t.Errorf("no derived sentence contains %q", pad)
			continue
		}
		if !contains(r.Unsupported, j) {
			t.Errorf("padding sentence %d (%q) is not unsupported", j, pad)
		}
	}
}

func containsFold(s, sub string) bool {
	return strings.Contains(strings.ToLower(s), strings.ToLower(sub))
}

func sentenceWith(ss []string, sub string) int {
	for i, s := range ss {
		if strings.Contains(s, sub) {
			return i
		}
	}
	return -1
}

func contains(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// checkGolden compares the plain text report with testdata/golden/NAME.txt
// (rewritten with -update).
func checkGolden(t *testing.T, name string, r *Report) {
	t.Helper()
	var buf bytes.Buffer
	if err := r.WriteText(&buf, TextOptions{HideScores: true}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", "golden", name+".txt")
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./trace -run TestExampleFamilies -update to create it)", err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("report differs from %s (run with -update if the change is intended):\n%s", path, diffLines(string(want), buf.String()))
	}
}

// diffLines shows the first lines that differ.
func diffLines(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var out []string
	for i := 0; i < max(len(w), len(g)) && len(out) < 12; i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			out = append(out, "- "+a, "+ "+b)
		}
	}
	return strings.Join(out, "\n")
}

// TestReportJSON pins the JSON field names of the compare contract.
func TestReportJSON(t *testing.T) {
	a := &article.Article{Title: "A", Paragraphs: []string{"The council approved the budget on Monday. It adds 40 buses."}}
	b := &article.Article{Title: "B", Paragraphs: []string{"The council approved the budget on Tuesday. It adds 40 buses.", "Transport matters to everyone."}}
	r := Compare(a, b, Options{})
	data, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"a", "b", "relation", "source", "similarity", "source_coverage", "derived_support",
		"pairs", "unsupported", "omitted", "drifts", "credits_source"} {
		if _, ok := m[k]; !ok {
			t.Errorf("JSON report has no %q: %s", k, data)
		}
	}
	for _, k := range []string{"title", "credit", "sentences"} {
		if _, ok := m["a"].(map[string]any)[k]; !ok {
			t.Errorf("JSON side has no %q", k)
		}
	}
	if pairs, _ := m["pairs"].([]any); len(pairs) > 0 {
		p := pairs[0].(map[string]any)
		for _, k := range []string{"source", "derived", "score", "kind"} {
			if _, ok := p[k]; !ok {
				t.Errorf("JSON pair has no %q", k)
			}
		}
	}
}

func TestCompareEmpty(t *testing.T) {
	r := Compare(nil, &article.Article{}, Options{})
	if r.Relation != Unrelated || r.Source != SourceUnknown {
		t.Errorf("empty articles: %s %s, want unrelated unknown", r.Relation, r.Source)
	}
	one := &article.Article{Paragraphs: []string{"Only one sentence here."}}
	r = Compare(one, &article.Article{}, Options{})
	if r.Relation != Unrelated {
		t.Errorf("against empty: %s", r.Relation)
	}
}

// TestCompareTruncates compares articles longer than Options.MaxSentences
// allows: only their start is compared, the report says so, and an endless
// paragraph is cut at a rune boundary before it is analysed.
func TestCompareTruncates(t *testing.T) {
	long := &article.Article{}
	for i := range 80 {
		long.Paragraphs = append(long.Paragraphs, fmt.Sprintf("Council item %d was approved by %d votes to %d on the harbour plan.", i, 10+i, i))
	}
	r := Compare(long, long, Options{MaxSentences: 50})
	if !r.Truncated || len(r.A.Sentences) != 50 || len(r.B.Sentences) != 50 || r.Relation != Duplicate {
		t.Errorf("80 sentences, limit 50: truncated %v, %d and %d sentences, %s", r.Truncated, len(r.A.Sentences), len(r.B.Sentences), r.Relation)
	}
	if len(long.Paragraphs) != 80 {
		t.Errorf("Compare changed its argument: %d paragraphs", len(long.Paragraphs))
	}
	var text bytes.Buffer
	if err := r.WriteText(&text, TextOptions{}); err != nil || !strings.Contains(text.String(), "only its start was compared") {
		t.Errorf("text report does not say it was cut (%v)", err)
	}

	// One paragraph of 200 KB of two-byte runes, no sentence end.
	endless := &article.Article{Paragraphs: []string{strings.Repeat("é", 100_000)}}
	r = Compare(endless, long, Options{MaxSentences: 50})
	if !r.Truncated || len(r.A.Sentences) > 1 {
		t.Fatalf("endless paragraph: truncated %v, %d sentences", r.Truncated, len(r.A.Sentences))
	}
	if len(r.A.Sentences) == 1 && (!utf8.ValidString(r.A.Sentences[0]) || len(r.A.Sentences[0]) > 50*bytesPerSentence) {
		t.Errorf("endless paragraph cut to %d bytes, valid UTF-8 %v", len(r.A.Sentences[0]), utf8.ValidString(r.A.Sentences[0]))
	}

	short := Compare(long, long, Options{})
	if short.Truncated || len(short.A.Sentences) != 80 {
		t.Errorf("80 sentences under the default limit: truncated %v, %d sentences", short.Truncated, len(short.A.Sentences))
	}
	data, _ := json.Marshal(short)
	if strings.Contains(string(data), "truncated") {
		t.Errorf("an uncut report names truncated in its JSON")
	}
}

// TestWriteTextControls checks that escape sequences in page text do not
// reach the terminal through the text report.
func TestWriteTextControls(t *testing.T) {
	a := &article.Article{Title: "Harbour \x1b]0;owned\x07 wall", URL: "https://gazette.example/\x1b[2J",
		Paragraphs: []string{"The council said \x1b[31mred\x1b[0m it would vote on the harbour wall \x1b]52;c;eA==\x07 next month.",
			"The wall was damaged in January\u009b storms and must be rebuilt."}}
	r := Compare(a, a, Options{})
	for _, color := range []bool{false, true} {
		var b bytes.Buffer
		if err := r.WriteText(&b, TextOptions{Color: color}); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		if color {
			// Only the report's own colour codes may remain.
			for _, code := range []string{ansiReset, ansiBold, ansiDim, ansiRed, ansiGreen, ansiYellow, ansiBlue, ansiCyan} {
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

// TestWriteHTML checks that the HTML report is one page that links every
// aligned sentence to its partners and marks drifts.
func TestWriteHTML(t *testing.T) {
	fams, err := examples.Families()
	if err != nil {
		t.Fatal(err)
	}
	var rewrite examples.File
	for _, f := range fams[0].Files {
		if f.Role == "rewrite" {
			rewrite = f
		}
	}
	r := Compare(loadExample(t, fams[0].Original()), loadExample(t, rewrite), Options{})
	var buf bytes.Buffer
	if err := r.WriteHTML(&buf); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	for _, want := range []string{"<!DOCTYPE html>", `class="drift"`, "data-partners=\"d", "unsupported", "<style>", "<script>"} {
		if !strings.Contains(page, want) {
			t.Errorf("HTML report lacks %q", want)
		}
	}
	for _, bad := range []string{"<link ", "src=\"http"} {
		if strings.Contains(page, bad) {
			t.Errorf("HTML report is not self-contained: has %q", bad)
		}
	}
	if n := strings.Count(page, `class="drift"`); n < len(r.Drifts) {
		t.Errorf("%d drift marks for %d drifts", n, len(r.Drifts))
	}
}

// TestExampleFamiliesWordNet checks the expected answers again with
// WordNet's synonyms loaded, as the CLI runs when the database is
// installed.
func TestExampleFamiliesWordNet(t *testing.T) {
	wn, err := wordnet.LoadDefault()
	if errors.Is(err, wordnet.ErrNotInstalled) {
		t.Skip("skipping: WordNet is not installed (Debian package wordnet-base)")
	}
	if err != nil {
		t.Fatal(err)
	}
	opts := Options{Align: align.Options{Thesaurus: align.Thesauri{wn, align.Fallback}}}
	fams, err := examples.Families()
	if err != nil {
		t.Fatal(err)
	}
	for _, fam := range fams {
		orig := loadExample(t, fam.Original())
		for _, f := range fam.Files[1:] {
			t.Run(fam.Name+"/"+f.Role, func(t *testing.T) {
				r := Compare(orig, loadExample(t, f), opts)
				checkExpected(t, &r, f)
			})
		}
	}
}

package trace

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/wiretrace/wiretrace/align"
	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/examples"
	"github.com/wiretrace/wiretrace/extract"
	"github.com/wiretrace/wiretrace/wordnet"
)

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
// unsupported). Package report pins the text reports of the same pairs.
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

// checkExpected checks r against the manifest's answers for f, through
// the report's JSON contract (examples.ParseOutcome, File.Check).
func checkExpected(t *testing.T, r *Report, f examples.File) {
	t.Helper()
	data, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	o, err := examples.ParseOutcome(data)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range f.Check(o) {
		t.Error(m.Text)
	}
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

// TestCompareTruncatedPage checks that a page cut short (the start of an
// article, as a truncated fetch or a teaser serves it) is judged a copy of
// the full page, never unrelated: its every sentence is the full page's,
// word for word (issue 14).
func TestCompareTruncatedPage(t *testing.T) {
	fams, err := examples.Families()
	if err != nil {
		t.Fatal(err)
	}
	for _, fam := range fams {
		full := loadExample(t, fam.Original())
		for _, keep := range []int{1, 2, len(full.Paragraphs) / 2} {
			t.Run(fmt.Sprintf("%s/%d paragraphs", fam.Name, keep), func(t *testing.T) {
				cut := *full
				cut.Paragraphs = full.Paragraphs[:keep]
				r := Compare(full, &cut, Options{})
				if !r.Relation.Derived() {
					t.Errorf("relation %s (derived support %.2f), want a derived relation", r.Relation, r.DerivedSupport)
				}
				if r.Source == SourceB {
					t.Errorf("the truncated page is named the source")
				}
			})
		}
	}
}

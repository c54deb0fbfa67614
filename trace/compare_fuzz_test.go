package trace

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/wiretrace/wiretrace/article"
)

// FuzzCompare feeds Compare arbitrary paragraphs (one per line) and checks
// that it neither panics nor returns indices outside the articles or
// scores outside [0,1], and that its report always encodes as JSON with
// lists, never null.
func FuzzCompare(f *testing.F) {
	f.Add("CASTREVA (Meridian Press) - The bank cut rates to 3.75% on Wednesday.\n\"We are not done,\" Governor Elena Marsh said.",
		"The bank lowered rates to 3.5% on Thursday, former Governor Elena Marsh said.\nMarkets are uncertain.")
	f.Add("", "")
	f.Add("© Lakeport Wire 2026.", "\"\"\"")
	f.Add("No. 2 not without it, said Dr. X.", "Not not no never n't")
	// Non-ASCII digits and control characters, which tripped a tokenizer
	// elsewhere and reach the terminal report.
	f.Add("Fares rise by ٣ percent from （２０２６年）, said \x1b[31mMarsh\x1b[0m.", "Fares rose ３%\x07 on Tuesday.\u009b")
	f.Fuzz(func(t *testing.T, a, b string) {
		pa := &article.Article{Paragraphs: strings.Split(a, "\n"), Published: "2026-01-02"}
		pb := &article.Article{Paragraphs: strings.Split(b, "\n")}
		r := Compare(pa, pb, Options{})
		src, der := r.Sides()
		for _, p := range r.Pairs {
			for _, i := range p.Source {
				if i < 0 || i >= len(src.Sentences) {
					t.Fatalf("pair source index %d out of %d", i, len(src.Sentences))
				}
			}
			for _, j := range p.Derived {
				if j < 0 || j >= len(der.Sentences) {
					t.Fatalf("pair derived index %d out of %d", j, len(der.Sentences))
				}
			}
		}
		for _, d := range r.Drifts {
			if d.DerivedSentence < -1 || d.DerivedSentence >= len(der.Sentences) {
				t.Fatalf("drift derived sentence %d out of %d", d.DerivedSentence, len(der.Sentences))
			}
			if d.SourceSentence < -1 || d.SourceSentence >= len(src.Sentences) {
				t.Fatalf("drift source sentence %d out of %d", d.SourceSentence, len(src.Sentences))
			}
		}
		for _, j := range r.Unsupported {
			if j < 0 || j >= len(der.Sentences) {
				t.Fatalf("unsupported index %d out of %d", j, len(der.Sentences))
			}
		}
		for _, i := range r.Omitted {
			if i < 0 || i >= len(src.Sentences) {
				t.Fatalf("omitted index %d out of %d", i, len(src.Sentences))
			}
		}
		for _, p := range r.Pairs {
			if !(p.Score >= 0 && p.Score <= 1) {
				t.Fatalf("pair score %v outside [0,1]", p.Score)
			}
		}
		for name, v := range map[string]float64{"similarity": r.Similarity, "source coverage": r.SourceCoverage, "derived support": r.DerivedSupport} {
			if !(v >= 0 && v <= 1) {
				t.Fatalf("%s %v outside [0,1]", name, v)
			}
		}
		data, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(data), ":null") {
			t.Fatalf("JSON report has a null: %s", data)
		}
	})
}

package report

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/wiretrace/wiretrace/align"
	"github.com/wiretrace/wiretrace/drift"
	"github.com/wiretrace/wiretrace/trace"
)

func TestMarkSpan(t *testing.T) {
	tests := []struct {
		name, text, span string
		want             []Part
	}{
		{"middle", "rates rose 2.4% in May", "2.4%", []Part{{Text: "rates rose "}, {Text: "2.4%", Drift: "why"}, {Text: " in May"}}},
		{"start, other case", "Prime Minister Ferreira spoke", "prime minister", []Part{{Text: "Prime Minister", Drift: "why"}, {Text: " Ferreira spoke"}}},
		{"absent", "nothing here", "2.6%", []Part{{Text: "nothing here"}}},
		{"empty span", "text", " ", []Part{{Text: "text"}}},
		{"whole", "Friday", "Friday", []Part{{Text: "Friday", Drift: "why"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := markSpan([]Part{{Text: tt.text}}, tt.span, "why")
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("markSpan(%q, %q) = %+v, want %+v", tt.text, tt.span, got, tt.want)
			}
		})
	}
	// A second span is marked in what the first left unmarked.
	parts := markSpan(markSpan([]Part{{Text: "from 3.1% to 2.4%"}}, "2.4%", "a"), "3.1%", "b")
	if len(parts) != 4 || parts[1].Drift != "b" || parts[3].Drift != "a" {
		t.Errorf("two spans: %+v", parts)
	}
}

// FuzzMarkSpan checks that marking a drift span keeps the sentence intact.
func FuzzMarkSpan(f *testing.F) {
	f.Add("The Finance Minister said", "finance minister")
	f.Add("İİİ ıı", "i̇")
	f.Fuzz(func(t *testing.T, text, span string) {
		var b strings.Builder
		for _, p := range markSpan([]Part{{Text: text}}, span, "why") {
			b.WriteString(p.Text)
		}
		if b.String() != text {
			t.Errorf("parts join to %q, want %q", b.String(), text)
		}
	})
}

func TestNewView(t *testing.T) {
	r := &trace.Report{
		A:        trace.Side{Title: "Copy", Sentences: []string{"Rates fell to 2.4%.", "Padding."}},
		B:        trace.Side{Title: "Original", Sentences: []string{"Rates fell to 2.6%.", "Dropped."}},
		Relation: trace.Rewrite, Source: trace.SourceB,
		Pairs:       []align.Pair{{Source: []int{0}, Derived: []int{0, 7}, Score: 0.8, Kind: "paraphrase"}},
		Unsupported: []int{1, 9},
		Omitted:     []int{1},
		Drifts: []drift.Drift{
			{Kind: drift.Number, SourceSpan: "2.6%", DerivedSpan: "2.4%", SourceSentence: 0, DerivedSentence: 0, Explanation: "changed"},
			{Kind: drift.Date, SourceSentence: 5, DerivedSentence: -1},
			{Kind: drift.Entity, DerivedSpan: "Padding", SourceSentence: 0, DerivedSentence: 1},
		},
	}
	v := NewView(r, HTMLOptions{Prefix: "x-", A: Name{Name: "page A"}, B: Name{Name: "page B", Link: "/documents/b"}})
	if v.Source.Title != "Original" || v.Source.Link != "/documents/b" || v.Source.Role != "Original: page B" {
		t.Errorf("source side = %+v; b is the original", v.Source)
	}
	s, d := v.Source.Sents, v.DerivedSide.Sents
	if s[0].Kind != "paraphrase" || d[0].Kind != "paraphrase" || s[0].Pairs != "x-d0" || d[0].Pairs != "x-s0" {
		t.Errorf("aligned pair: %+v / %+v", s[0], d[0])
	}
	if s[0].Label != "B1" || d[1].Label != "A2" {
		t.Errorf("labels %q %q, want B1 and A2 (numbered from 1)", s[0].Label, d[1].Label)
	}
	if d[1].Kind != "added" || s[1].Kind != "omitted" || v.AddedCount != 1 || v.OmittedCount != 1 {
		t.Errorf("added %+v, omitted %+v", d[1], s[1])
	}
	if len(d[0].Drifts) != 1 || d[0].Parts[1].Drift == "" || d[0].Parts[1].Text != "2.4%" {
		t.Errorf("drift not marked on the derived sentence: %+v", d[0])
	}
	if len(v.Drifts) != 3 || v.Drifts[1].SourceID != "" {
		t.Errorf("an out-of-range drift must be listed without links: %+v", v.Drifts)
	}
	if v.Drifts[2].SourceMissing != "no such name in the source" {
		t.Errorf("entity drift's source side says %q", v.Drifts[2].SourceMissing)
	}
}

// TestPage checks that the HTML file is one self-contained page that links
// every aligned sentence to its partners, marks drifts and changed words,
// and numbers sentences from 1.
func TestPage(t *testing.T) {
	reps := exampleReports(t)
	r := reps["rate-decision_rewrite"]
	if r == nil || len(r.Drifts) == 0 {
		t.Fatalf("the rate-decision rewrite has no drift: %+v", r)
	}
	var buf bytes.Buffer
	if err := Page(&buf, r, HTMLOptions{}); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	for _, want := range []string{"<!DOCTYPE html>", `class="drift"`, `data-pairs="d`, "added", "<style>", "<script>", `>A1</span>`, "--verbatim"} {
		if !strings.Contains(page, want) {
			t.Errorf("HTML report lacks %q", want)
		}
	}
	for _, bad := range []string{"<link ", "src=\"http", `>A0</span>`} {
		if strings.Contains(page, bad) {
			t.Errorf("HTML report has %q", bad)
		}
	}
	if n := strings.Count(page, `<mark class="drift"`); n < len(r.Drifts) {
		t.Errorf("%d drift marks for %d drifts", n, len(r.Drifts))
	}
	var edited bytes.Buffer
	if err := Page(&edited, reps["rate-decision_edited"], HTMLOptions{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(edited.String(), `<span class="chg">`) {
		t.Errorf("an edited copy's page marks no changed word")
	}
}

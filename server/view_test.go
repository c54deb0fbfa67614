package server

import (
	"reflect"
	"testing"
)

func TestMarkSpan(t *testing.T) {
	tests := []struct {
		name, text, span string
		want             []segment
	}{
		{"middle", "rates rose 2.4% in May", "2.4%", []segment{{Text: "rates rose "}, {Text: "2.4%", Mark: true}, {Text: " in May"}}},
		{"start, other case", "Prime Minister Ferreira spoke", "prime minister", []segment{{Text: "Prime Minister", Mark: true}, {Text: " Ferreira spoke"}}},
		{"absent", "nothing here", "2.6%", []segment{{Text: "nothing here"}}},
		{"empty span", "text", " ", []segment{{Text: "text"}}},
		{"whole", "Friday", "Friday", []segment{{Text: "Friday", Mark: true}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := markSpan([]segment{{Text: tt.text}}, tt.span)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("markSpan(%q, %q) = %+v, want %+v", tt.text, tt.span, got, tt.want)
			}
		})
	}
	// A second span is marked in what the first left unmarked.
	segs := markSpan(markSpan([]segment{{Text: "from 3.1% to 2.4%"}}, "2.4%"), "3.1%")
	if len(segs) != 4 || !segs[1].Mark || !segs[3].Mark {
		t.Errorf("two spans: %+v", segs)
	}
}

func TestNewReportView(t *testing.T) {
	rep := reportJSON{
		A:        sideJSON{Title: "Copy", Sentences: []string{"Rates fell to 2.4%.", "Padding."}},
		B:        sideJSON{Title: "Original", Sentences: []string{"Rates fell to 2.6%.", "Dropped."}},
		Relation: "rewrite", Source: "b",
		Pairs:       []pairJSON{{Source: []int{0}, Derived: []int{0, 7}, Score: 0.8, Kind: "paraphrase"}},
		Unsupported: []int{1, 9},
		Omitted:     []int{1},
		Drifts:      []driftJSON{{Kind: "number", SourceSpan: "2.6%", DerivedSpan: "2.4%", SourceSentence: 0, DerivedSentence: 0, Explanation: "changed"}, {Kind: "date", SourceSentence: 5, DerivedSentence: -1}},
	}
	v := newReportView(rep, "x-", sideName{Name: "page A"}, sideName{Name: "page B", Link: "/documents/b"})
	if v.Source.Title != "Original" || v.Source.Link != "/documents/b" || v.Source.Role != "Original: page B" {
		t.Errorf("source side = %+v; b is the original", v.Source)
	}
	s, d := v.Source.Sents, v.Derived.Sents
	if s[0].Kind != "paraphrase" || d[0].Kind != "paraphrase" || s[0].Pairs != "x-d0" || d[0].Pairs != "x-s0" {
		t.Errorf("aligned pair: %+v / %+v", s[0], d[0])
	}
	if d[1].Kind != "added" || s[1].Kind != "omitted" || v.AddedCount != 1 || v.OmittedCount != 1 {
		t.Errorf("added %+v, omitted %+v", d[1], s[1])
	}
	if len(d[0].Drifts) != 1 || !d[0].Segments[1].Mark || d[0].Segments[1].Text != "2.4%" {
		t.Errorf("drift not marked on the derived sentence: %+v", d[0])
	}
	if len(v.Drifts) != 2 || v.Drifts[1].SourceID != "" {
		t.Errorf("an out-of-range drift must be listed without links: %+v", v.Drifts)
	}
}

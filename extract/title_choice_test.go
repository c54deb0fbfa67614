package extract

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestTitleCandidates(t *testing.T) {
	body := `<p>The river council met on Tuesday evening to weigh the plans for the new footbridge.</p>`
	tests := []struct {
		name, head, shown string
		// sources maps each candidate's text to the sources it must carry.
		sources map[string]int
		want    string
	}{
		{"the shown headline and the declared titles agree",
			`<title>Council approves a footbridge | Riverside Courier</title><meta property="og:title" content="Council approves a footbridge">`,
			`<h1>Council approves a footbridge</h1>`,
			map[string]int{"Council approves a footbridge": titleFromH1 | titleFromOG | titleFromTag},
			"Council approves a footbridge"},
		{"a declared title shown as a section heading is the story's",
			`<title>Footbridge plans approved | Riverside Courier</title><meta property="og:title" content="Footbridge plans approved">`,
			`<h1>Riverside Courier weekly digest</h1><h2>Footbridge plans approved</h2>`,
			map[string]int{"Riverside Courier weekly digest": titleFromH1, "Footbridge plans approved": titleFromOG | titleFromTag | titleFromH2},
			"Footbridge plans approved"},
		{"a section heading no title declares is no candidate",
			`<title>Council approves a footbridge over the river</title>`,
			`<h1>Council approves a footbridge over the river</h1><h2>What the plans include</h2>`,
			map[string]int{"Council approves a footbridge over the river": titleFromH1 | titleFromTag},
			"Council approves a footbridge over the river"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := `<html><head>` + tt.head + `</head><body>` + tt.shown + body + `</body></html>`
			root, err := html.Parse(strings.NewReader(page))
			if err != nil {
				t.Fatal(err)
			}
			m := readMeta(root)
			cands := m.titleCandidates("Riverside Courier")
			got := map[string]int{}
			for _, c := range cands {
				got[c.value] = c.sources
			}
			if len(got) != len(tt.sources) {
				t.Errorf("candidates %v, want %v", got, tt.sources)
			}
			for text, src := range tt.sources {
				if got[text]&src != src {
					t.Errorf("candidate %q has sources %b, want at least %b (all: %v)", text, got[text], src, got)
				}
			}
			c := &Choices{}
			if title := m.headlineOf("Riverside Courier", c); title != tt.want {
				t.Errorf("headlineOf = %q, want %q", title, tt.want)
			}
			if len(c.Title) != len(cands) || len(c.Title[0].Features) != len(TitleFeatures) {
				t.Errorf("choices %d with %d features, want %d with %d", len(c.Title), len(c.Title[0].Features), len(cands), len(TitleFeatures))
			}
		})
	}
}

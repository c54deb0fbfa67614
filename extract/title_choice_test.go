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

func TestHeadingsThatAreNoHeadline(t *testing.T) {
	story := `<h1>Council approves a footbridge over the river</h1>`
	tests := []struct {
		name, before string
		want         []string
	}{
		{"the site's name in a site-title heading",
			`<h1 class="site-title"><a href="/">Riverside Courier</a></h1>`,
			[]string{"Council approves a footbridge over the river"}},
		{"a logo heading in camel case",
			`<h1 class="headerLogo">Riverside Courier</h1>`,
			[]string{"Council approves a footbridge over the river"}},
		{"a heading that is one link to the home page",
			`<h1><a href="https://www.riverside-courier.example/">Riverside Courier</a></h1>`,
			[]string{"Council approves a footbridge over the river"}},
		{"a heading for screen readers",
			`<h1 class="screen-reader-text">Main navigation</h1>`,
			[]string{"Council approves a footbridge over the river"}},
		{"a heading hidden by its style",
			`<h1 style="display: none">Riverside Courier</h1>`,
			[]string{"Council approves a footbridge over the river"}},
		{"a heading that links to the story itself stays",
			`<h1><a href="/2026/05/footbridge">Footbridge vote</a></h1>`,
			[]string{"Footbridge vote", "Council approves a footbridge over the river"}},
		{"a heading after more text than any menu",
			`<p>` + strings.Repeat("The footbridge will cross the river at the old ferry landing. ", 220) + `</p>`,
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, err := html.Parse(strings.NewReader(`<html><body>` + tt.before + story + `</body></html>`))
			if err != nil {
				t.Fatal(err)
			}
			m := readMeta(root)
			if strings.Join(m.h1s, "|") != strings.Join(tt.want, "|") {
				t.Errorf("h1s = %q, want %q", m.h1s, tt.want)
			}
		})
	}
}

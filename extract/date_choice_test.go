package extract

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestDateCandidates(t *testing.T) {
	body := `<p>The river council met on Tuesday evening to weigh the plans for the new footbridge.</p>`
	ld := `<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-03-01T09:00:00Z","dateModified":"2025-06-05T10:00:00Z"}</script>`
	tests := []struct {
		name, head, shown, url string
		// want maps each candidate day to sources it must carry.
		want       map[string]int
		nearUpdate bool
	}{
		{"an update shown beside the headline is the declared modification",
			ld, `<span class="post-date">Updated June 5, 2025</span>`, "",
			map[string]int{"2024-03-01": dateFromLD, "2025-06-05": dateFromModified | dateFromNearTitle | dateFromUpdated}, true},
		{"an update class names the update",
			ld, `<span class="last-updated">June 5, 2025</span>`, "",
			map[string]int{"2024-03-01": dateFromLD, "2025-06-05": dateFromUpdated | dateFromModified}, false},
		{"the URL's day and a meta tag's agree",
			`<meta property="article:published_time" content="2023-07-09T23:30:00-07:00">`, ``, "https://example.org/2023/07/09/a-story/",
			map[string]int{"2023-07-09": dateFromMeta | dateFromURL}, false},
		{"a vendor's publication meta and a numeric date are last resorts",
			`<meta name="x-published-date" content="2022-11-23">`, `<span>23.11.2022</span>`, "",
			map[string]int{"2022-11-23": dateFromLast}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := `<html><head>` + tt.head + `</head><body><h1>Council approves a footbridge over the river</h1>` + tt.shown + body + `</body></html>`
			root, err := html.Parse(strings.NewReader(page))
			if err != nil {
				t.Fatal(err)
			}
			m := readMeta(root)
			c := &Choices{}
			got := m.dateOf(tt.url, nil, page, c)
			days := map[string]int{}
			for _, d := range m.dateCandidates(tt.url, nil, m.lastDate(page)) {
				days[d.day] = d.sources
			}
			for day, src := range tt.want {
				if days[day]&src != src {
					t.Errorf("candidate %s has sources %b, want at least %b (all: %v)", day, days[day], src, days)
				}
			}
			if len(c.Date) != len(days) || len(c.Date) > 0 && len(c.Date[0].Features) != len(DateFeatures) {
				t.Errorf("choices %d with %d features, want %d with %d", len(c.Date), len(c.Date[0].Features), len(days), len(DateFeatures))
			}
			if _, ok := tt.want[got[:min(10, len(got))]]; !ok {
				t.Errorf("dateOf = %q, not a candidate", got)
			}
			if m.nearTitleUpdate != tt.nearUpdate {
				t.Errorf("nearTitleUpdate = %v, want %v", m.nearTitleUpdate, tt.nearUpdate)
			}
		})
	}
}

func TestNumericDate(t *testing.T) {
	tests := []struct {
		s, lang, want string
	}{
		{"23.07.2025", "", "2025-07-23"},
		{"Updated: 10/31/2024", "en-US", "2024-10-31"},
		{"2/24/2026", "", "2026-02-24"},
		{"Posted on the 14/11/2025 at 18:30", "fr", "2025-11-14"},
		{"03/04/2025", "en", "2025-03-04"},
		{"03/04/2025", "de", "2025-04-03"},
		{"1.2.3", "", ""},
		{"31.02.2025", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.s+"/"+tt.lang, func(t *testing.T) {
			got, _ := numericDate(tt.s, tt.lang)
			if got != tt.want {
				t.Errorf("numericDate(%q, %q) = %q, want %q", tt.s, tt.lang, got, tt.want)
			}
		})
	}
}

func TestNearTitleAfterLaterHeadline(t *testing.T) {
	nav := strings.Repeat(`<li><a href="/s">Sections and local news from the valley towns</a></li>`, 15)
	tests := []struct {
		name, page, want string
	}{
		{"the site's name in an h1, then a long menu, then the story's h1 and its date",
			`<h1>Valley Ledger</h1><ul>` + nav + `</ul><h1>Council approves a footbridge over the river</h1><span>March 3, 2025</span>`,
			"2025-03-03"},
		{"a date beside the first h1 stays",
			`<h1>Council approves a footbridge over the river</h1><span>March 3, 2025</span><h1>Most read</h1><span>April 9, 2025</span>`,
			"2025-03-03"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, err := html.Parse(strings.NewReader(`<html><body>` + tt.page + `</body></html>`))
			if err != nil {
				t.Fatal(err)
			}
			if got := readMeta(root).nearTitle; got != tt.want {
				t.Errorf("nearTitle = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestLabelledDate(t *testing.T) {
	tests := []struct {
		name, page, want string
	}{
		{"a label and its date in one text",
			`<p>Published on March 3, 2025</p>`, "2025-03-03"},
		{"a label in its own element, the date in the next",
			`<div><b>Published:</b> <span>3 Mar 2025</span></div>`, "2025-03-03"},
		{"a name between the label and the date",
			`<p>Posted by Ada Ferrow on Mar. 3, 2025</p>`, "2025-03-03"},
		{"a numeric date after the label",
			`<p>Posted: 03/03/2025</p>`, "2025-03-03"},
		{"an update between the label and the date is no publication",
			`<p>Published by the river council and updated June 5, 2025</p>`, ""},
		{"a label with no date in reach",
			`<p>Posted in Local news, Transport, Footbridges and crossings of the valley rivers since March 3, 2025</p>`, ""},
		{"a date without a label",
			`<p>March 3, 2025</p>`, ""},
		{"a French label, then the update",
			`<p>Publié le 14/03/2025 à 10h15, mis à jour le 15/03/2025 à 08h02</p>`, "2025-03-14"},
		{"a Spanish label",
			`<p>Publicado el 4 de marzo de 2025</p>`, "2025-03-04"},
		{"a German label",
			`<p>Veröffentlicht am 04.03.2025, 14:20 Uhr</p>`, "2025-03-04"},
		{"a German update between the label and the date",
			`<p>Veröffentlicht vom Stadtrat und aktualisiert am 5. März 2025</p>`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, err := html.Parse(strings.NewReader(`<html lang="en"><body><h1>Council approves a footbridge over the river</h1>` + tt.page + `</body></html>`))
			if err != nil {
				t.Fatal(err)
			}
			if got := readMeta(root).labelledDate; got != tt.want {
				t.Errorf("labelledDate = %q, want %q", got, tt.want)
			}
		})
	}
}

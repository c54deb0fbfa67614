package extract

import (
	"errors"
	"testing"
)

func TestPageChoices(t *testing.T) {
	page := `<html><head><meta property="article:published_time" content="2024-03-01T09:00:00Z"></head>` +
		`<body><h1>Council approves a footbridge over the river</h1><time datetime="2024-03-02">March 2, 2024</time>` +
		`<p>The river council met on Tuesday evening to weigh the plans for the new footbridge.</p></body></html>`
	tests := []struct {
		name  string
		page  string
		dates int
		err   error
	}{
		{"an HTML page offers each day it is dated", page, 2, nil},
		{"a text dump offers none", "Council approves a footbridge\n\nThe river council met on Tuesday.", 0, nil},
		{"an empty page fails as Page does", "   ", 0, ErrEmpty},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := PageChoices([]byte(tt.page), Options{})
			if !errors.Is(err, tt.err) {
				t.Fatalf("err = %v, want %v", err, tt.err)
			}
			if err != nil {
				return
			}
			if len(c.Date) != tt.dates {
				t.Fatalf("%d date candidates, want %d: %+v", len(c.Date), tt.dates, c.Date)
			}
			a, err := Page([]byte(tt.page), Options{})
			if err != nil {
				t.Fatal(err)
			}
			found := len(c.Date) == 0
			for _, d := range c.Date {
				if len(d.Features) != len(DateFeatures) {
					t.Errorf("%d features, want %d", len(d.Features), len(DateFeatures))
				}
				found = found || d.Text[:10] == a.Published[:10]
			}
			if !found {
				t.Errorf("Page's date %q is none of the candidates", a.Published)
			}
		})
	}
}

package article

import (
	"testing"
	"time"
)

func TestPublishedTime(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want time.Time
		ok   bool
	}{
		{"2025-02-04T10:30:00Z", time.Date(2025, 2, 4, 10, 30, 0, 0, time.UTC), true},
		{"2025-02-04", time.Date(2025, 2, 4, 0, 0, 0, 0, time.UTC), true},
		{"", time.Time{}, false},
		{"Tuesday", time.Time{}, false},
	} {
		a := Article{Published: tc.in}
		got, ok := a.PublishedTime()
		if ok != tc.ok || !got.Equal(tc.want) {
			t.Errorf("PublishedTime(%q) = %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestText(t *testing.T) {
	a := Article{Paragraphs: []string{"One.", "Two."}}
	if got := a.Text(); got != "One.\n\nTwo." {
		t.Errorf("Text() = %q", got)
	}
}

// TestComparePublished checks that a date giving the day alone is ordered
// by its day only against a time of day.
func TestComparePublished(t *testing.T) {
	for _, tc := range []struct {
		x, y  string
		order int
		ok    bool
	}{
		{"2026-05-12T14:05:00Z", "2026-05-12T16:00:00Z", -1, true},
		{"2026-05-12T14:05:00Z", "2026-05-12T14:05:30Z", 0, true},
		{"2026-05-12", "2026-05-12T14:05:00Z", 0, true},
		{"2026-05-12T14:05:00Z", "2026-05-12", 0, true},
		{"2026-05-11", "2026-05-12T00:05:00Z", -1, true},
		{"2026-05-13", "2026-05-12T23:05:00Z", 1, true},
		{"", "2026-05-12", 0, false},
		{"yesterday", "2026-05-12", 0, false},
	} {
		order, ok := ComparePublished(tc.x, tc.y)
		if order != tc.order || ok != tc.ok {
			t.Errorf("ComparePublished(%q, %q) = %d, %v; want %d, %v", tc.x, tc.y, order, ok, tc.order, tc.ok)
		}
	}
}

func TestHost(t *testing.T) {
	for u, want := range map[string]string{
		"https://www.Harbourline-News.com/2026/03/03/bridge?x=1": "harbourline-news.com",
		"http://user@m.example.org:8080/a":                       "m.example.org",
		"https://example.com#top":                                "example.com",
		"file:///tmp/page.html":                                  "",
		"example.com/a":                                          "",
		"":                                                       "",
	} {
		if got := Host(u); got != want {
			t.Errorf("Host(%q) = %q, want %q", u, got, want)
		}
	}
}

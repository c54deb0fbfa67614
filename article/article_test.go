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

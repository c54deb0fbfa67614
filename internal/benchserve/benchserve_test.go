package benchserve

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// TestDrive checks that answers are counted as they come: a JSON object
// succeeds, a 503 with a Retry-After is retried (not a failure), anything
// else fails.
func TestDrive(t *testing.T) {
	for _, tc := range []struct {
		name       string
		answer     func(n int64, w http.ResponseWriter)
		failed     bool
		busy, okay bool
	}{
		{"ok", func(_ int64, w http.ResponseWriter) { w.Write([]byte(`{"matches":[]}`)) }, false, false, true},
		{"busy every other", func(n int64, w http.ResponseWriter) {
			if n%2 == 1 {
				w.Header().Set("Retry-After", "0")
				http.Error(w, `{"error":"busy"}`, http.StatusServiceUnavailable)
				return
			}
			w.Write([]byte(`{}`))
		}, false, true, true},
		{"server error", func(_ int64, w http.ResponseWriter) {
			http.Error(w, `{"error":"down"}`, http.StatusInternalServerError)
		}, true, false, false},
		{"not JSON", func(_ int64, w http.ResponseWriter) { w.Write([]byte(`ok`)) }, true, false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var n atomic.Int64
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { tc.answer(n.Add(1), w) }))
			defer srv.Close()
			r := Drive(context.Background(), srv.URL, [][]byte{[]byte(`{"page":"x"}`)}, 2, 200*time.Millisecond)
			if (r.Errors > 0) != tc.failed || (r.Busy > 0) != tc.busy || (len(r.Latencies) > 0) != tc.okay {
				t.Errorf("errors %d (first %v), busy %d, ok %d", r.Errors, r.FirstErr, r.Busy, len(r.Latencies))
			}
			var out bytes.Buffer
			r.WriteTable(&out)
			if !strings.Contains(out.String(), "requests") {
				t.Errorf("table: %q", out.String())
			}
		})
	}
}

func TestPadPage(t *testing.T) {
	page := []byte("<html><head><title>t</title></head><body><p>text</p></body></html>")
	for _, tc := range []struct {
		name string
		n    int
		same bool
	}{
		{"no padding", 0, true},
		{"smaller than the page", 10, true},
		{"grown", 10_000, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := PadPage(page, tc.n)
			if tc.same != bytes.Equal(got, page) {
				t.Fatalf("PadPage(%d): %d bytes", tc.n, len(got))
			}
			if !tc.same && (len(got) < tc.n-100 || len(got) > tc.n+100 || !bytes.Contains(got, []byte("<p>text</p>")) ||
				bytes.Index(got, []byte("<script")) > bytes.Index(got, []byte("</head>"))) {
				t.Errorf("PadPage(%d): %d bytes, script after </head> or article lost", tc.n, len(got))
			}
		})
	}
}

package main

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// newFailingServer serves 500 to every request and returns its URL.
func newFailingServer(t *testing.T) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, `{"error":"down"}`, http.StatusInternalServerError)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

func TestBenchServe(t *testing.T) {
	var stdout, stderr bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr}
	code := run(context.Background(), e, []string{"bench", "serve", "--duration", "1s", "--clients", "4"})
	if code != 0 {
		t.Fatalf("exit %d: %s %s", code, stdout.String(), stderr.String())
	}
	out := stdout.String()
	for _, want := range []string{" 0 failed", "requests/s", "p50", "p99"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestBenchServeCountsFailures(t *testing.T) {
	// A server that fails every request: bench serve must exit non-zero.
	failing := newFailingServer(t)
	var stdout, stderr bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr}
	code := run(context.Background(), e, []string{"bench", "serve", "--duration", "300ms", "--clients", "2", "--url", failing})
	if code != 1 {
		t.Errorf("exit %d, want 1; %s %s", code, stdout.String(), stderr.String())
	}
	if !strings.Contains(stderr.String(), "failed") {
		t.Errorf("stderr %q does not report the failures", stderr.String())
	}
}

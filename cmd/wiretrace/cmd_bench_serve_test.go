package main

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
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

// TestBenchServeRetriesBusy checks that a 503 with a Retry-After is
// counted as busy and retried, not as a failure, and that --body-bytes
// grows the pages sent.
func TestBenchServeRetriesBusy(t *testing.T) {
	var n, big atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength >= 100_000 {
			big.Add(1)
		}
		if n.Add(1)%2 == 1 {
			w.Header().Set("Retry-After", "0")
			http.Error(w, `{"error":"busy"}`, http.StatusServiceUnavailable)
			return
		}
		w.Write([]byte(`{"matches":[]}`))
	}))
	t.Cleanup(srv.Close)
	var stdout, stderr bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr}
	code := run(context.Background(), e, []string{"bench", "serve", "--duration", "300ms", "--clients", "1", "--body-bytes", "100000", "--url", srv.URL})
	if code != 0 {
		t.Fatalf("exit %d: %s %s", code, stdout.String(), stderr.String())
	}
	if !strings.Contains(stdout.String(), " 0 failed") || strings.Contains(stdout.String(), " 0 answers 503") {
		t.Errorf("busy answers not counted and retried:\n%s", stdout.String())
	}
	if big.Load() == 0 {
		t.Errorf("no request body reached 100,000 bytes with --body-bytes 100000")
	}
}

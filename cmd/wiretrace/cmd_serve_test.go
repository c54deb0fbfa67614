package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/wiretrace/wiretrace/examples"
	"github.com/wiretrace/wiretrace/internal/redistest"
)

// syncBuffer is a bytes.Buffer safe to write from the server goroutine
// while the test reads it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

var listenLine = regexp.MustCompile(`listening on (http://[0-9.:]+)/`)

// startServe runs `wiretrace serve args...` in-process and returns its base
// URL, its stderr, and a channel that gets its exit status.
func startServe(t *testing.T, ctx context.Context, args ...string) (base string, stderr *syncBuffer, done chan int) {
	t.Helper()
	stderr = &syncBuffer{}
	e := &env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: stderr}
	done = make(chan int, 1)
	go func() { done <- run(ctx, e, append([]string{"serve"}, args...)) }()
	for deadline := time.Now().Add(20 * time.Second); ; {
		if m := listenLine.FindStringSubmatch(stderr.String()); m != nil {
			return m[1], stderr, done
		}
		select {
		case code := <-done:
			t.Fatalf("serve exited with %d before listening: %s", code, stderr.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve did not listen within 20s: %s", stderr.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestServeDemo(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	base, stderr, done := startServe(t, ctx, "--demo", "--addr", "127.0.0.1:0", "--token", "t0k")

	fams, err := examples.Families()
	if err != nil {
		t.Fatal(err)
	}
	page, err := fams[0].Original().Read()
	if err != nil {
		t.Fatal(err)
	}
	body, _ := json.Marshal(map[string]string{"page": string(page)})
	res, err := http.Post(base+"/v1/trace", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	var tr struct {
		Matches []struct{ Relation string } `json:"matches"`
	}
	err = json.NewDecoder(res.Body).Decode(&tr)
	res.Body.Close()
	if err != nil || res.StatusCode != http.StatusOK || len(tr.Matches) == 0 {
		t.Fatalf("trace of a demo original: status %d, %d matches, %v", res.StatusCode, len(tr.Matches), err)
	}
	// The token guards writes.
	res, err = http.Post(base+"/v1/documents", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusUnauthorized {
		t.Errorf("POST /v1/documents without the token: status %d, want 401", res.StatusCode)
	}

	cancel() // what SIGINT does through main's signal.NotifyContext
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("serve exited with %d after shutdown: %s", code, stderr.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not shut down within 15s")
	}
	if !strings.Contains(stderr.String(), "shutting down") {
		t.Errorf("stderr %q does not report the shutdown", stderr.String())
	}
}

func TestServeUsage(t *testing.T) {
	for _, args := range [][]string{
		{"serve", "--demo", "--store", t.TempDir()},
		{"serve", "--max-body", "0"},
		{"serve", "extra"},
		{"bench", "serve", "--clients", "0"},
		// Beyond loopback without a token: refused before anything opens.
		{"serve", "--demo", "--addr", ":8080", "--token", ""},
		{"serve", "--demo", "--addr", "0.0.0.0:8080", "--token", ""},
		{"serve", "--demo", "--addr", "192.0.2.7:8080", "--token", ""},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			var stderr bytes.Buffer
			e := &env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: &stderr}
			if code := run(context.Background(), e, args); code != 2 {
				t.Errorf("exit %d, want 2 (usage); stderr %s", code, stderr.String())
			}
		})
	}
}

func TestServeRedis(t *testing.T) {
	node := redistest.Server(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	t.Setenv("WIRETRACE_TOKEN", "from-env")
	base, stderr, done := startServe(t, ctx, "--redis", node.Addr, "--addr", "127.0.0.1:0")

	page := `<html><body><article><h1>Library reopens</h1><p>The Brackwater library reopened on Saturday after a year of repairs, the town said.</p></article></body></html>`
	body, _ := json.Marshal(map[string]string{"page": page})
	post := func(token string) *http.Response {
		req, _ := http.NewRequest("POST", base+"/v1/documents", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res
	}
	if res := post(""); res.StatusCode != http.StatusUnauthorized {
		t.Errorf("without the token from $WIRETRACE_TOKEN: status %d, want 401", res.StatusCode)
	}
	if res := post("from-env"); res.StatusCode != http.StatusCreated {
		t.Fatalf("add to the redis store: status %d", res.StatusCode)
	}
	res, err := http.Get(base + "/v1/search?q=brackwater+library")
	if err != nil {
		t.Fatal(err)
	}
	var sr struct {
		Results []struct{ Title string } `json:"results"`
	}
	err = json.NewDecoder(res.Body).Decode(&sr)
	res.Body.Close()
	if err != nil || len(sr.Results) != 1 || sr.Results[0].Title != "Library reopens" {
		t.Errorf("search over the redis store: %+v, %v", sr, err)
	}
	cancel()
	if code := <-done; code != 0 {
		t.Errorf("exit %d: %s", code, stderr.String())
	}
}

func TestLoopback(t *testing.T) {
	for _, tc := range []struct {
		addr string
		want bool
	}{
		{"127.0.0.1:8080", true},
		{"127.0.0.2:0", true},
		{"[::1]:8080", true},
		{"localhost:8080", true},
		{":8080", false},
		{"0.0.0.0:8080", false},
		{"[::]:8080", false},
		{"192.0.2.7:8080", false},
		{"news.example:8080", false},
		{"no port", false},
	} {
		if got := loopback(tc.addr); got != tc.want {
			t.Errorf("loopback(%q) = %v, want %v", tc.addr, got, tc.want)
		}
	}
}

package server

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// probe reports what admitting n bytes would do now, without waiting:
// "now", "queue" or "refuse".
func probe(a *admission, n int64) string {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	ok, retry := a.admit(ctx, n)
	switch {
	case ok:
		a.done(n)
		return "now"
	case retry > 0:
		return "refuse"
	}
	return "queue"
}

func TestAdmission(t *testing.T) {
	for _, tc := range []struct {
		name  string
		limit int64
		held  []int64 // admitted first
		queue []int64 // then queued
		n     int64
		want  string
	}{
		{"within the bound", 100, []int64{40}, nil, 60, "now"},
		{"over the bound: waits", 100, []int64{60}, nil, 50, "queue"},
		{"room in the queue", 100, []int64{60}, []int64{50}, 50, "queue"},
		{"queue full: refused", 100, []int64{60}, []int64{90}, 20, "refuse"},
		{"alone, larger than the bound", 100, nil, nil, 150, "now"},
		{"behind a large one", 100, []int64{150}, nil, 1, "queue"},
		{"fits, but others wait first", 100, []int64{60}, []int64{50}, 10, "queue"},
		{"no bound", 0, []int64{1 << 40}, nil, 1 << 40, "now"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := &admission{limit: tc.limit, maxBody: 1 << 20}
			for _, n := range tc.held {
				if ok, _ := a.admit(context.Background(), n); !ok {
					t.Fatalf("admit(%d) refused", n)
				}
			}
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			for _, n := range tc.queue {
				go a.admit(ctx, n)
				for {
					a.mu.Lock()
					queued := len(a.queue) > 0 && a.queue[len(a.queue)-1].n == n
					a.mu.Unlock()
					if queued {
						break
					}
					time.Sleep(time.Millisecond)
				}
			}
			if got := probe(a, tc.n); got != tc.want {
				t.Errorf("admit(%d) with %v held and %v queued: %s; want %s", tc.n, tc.held, tc.queue, got, tc.want)
			}
		})
	}
}

// TestAdmissionOrder checks that a waiting request is never passed over
// by a smaller one behind it that would fit, and that both are admitted
// once the bytes are given back.
func TestAdmissionOrder(t *testing.T) {
	a := &admission{limit: 100, maxBody: 1 << 20}
	a.admit(context.Background(), 50)
	admitted := make(chan int64, 2)
	for _, n := range []int64{80, 10} {
		go func() {
			if ok, _ := a.admit(context.Background(), n); ok {
				admitted <- n
			}
		}()
		for {
			a.mu.Lock()
			queued := len(a.queue) > 0 && a.queue[len(a.queue)-1].n == n
			a.mu.Unlock()
			if queued {
				break
			}
			time.Sleep(time.Millisecond)
		}
	}
	select {
	case n := <-admitted:
		t.Fatalf("%d admitted while the 80 before it waits", n)
	case <-time.After(50 * time.Millisecond):
	}
	a.done(50)
	got := map[int64]bool{<-admitted: true, <-admitted: true}
	if !got[80] || !got[10] {
		t.Errorf("admitted %v; want 80 and 10", got)
	}
	if a.held != 90 || a.waiting != 0 || len(a.queue) != 0 {
		t.Errorf("held %d, waiting %d, queue %d; want 90, 0, 0", a.held, a.waiting, len(a.queue))
	}
}

// TestAdmissionOverHTTP holds one large request in flight (its body half
// sent) and a second in the queue, and checks that a third one past the
// bound gets 503 with a Retry-After and a JSON error at once, that the
// queued one is served when the first is done, and the third after.
// Without the bound every request queued behind the first with its body
// in memory.
func TestAdmissionOverHTTP(t *testing.T) {
	page := examplePage(t, "rate-decision/original.html")
	body := `{"page":` + jsonString(page+strings.Repeat(" ", 600<<10)) + `}`
	s := New(Options{MaxBody: 1 << 20, MaxInFlight: 1 << 20, Workers: 1})
	ts := httptest.NewServer(s)
	defer ts.Close()
	state := func() (held, waiting int64) {
		s.admission.mu.Lock()
		defer s.admission.mu.Unlock()
		return s.admission.held, s.admission.waiting
	}
	waitFor := func(what string, cond func() bool) {
		t.Helper()
		for deadline := time.Now().Add(10 * time.Second); !cond(); time.Sleep(5 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("never %s", what)
			}
		}
	}
	send := func(r io.Reader) <-chan int {
		req, err := http.NewRequest("POST", ts.URL+"/v1/extract", r)
		if err != nil {
			t.Fatal(err)
		}
		req.ContentLength = int64(len(body))
		req.Header.Set("Content-Type", "application/json")
		code := make(chan int, 1)
		go func() {
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				code <- -1
				return
			}
			io.Copy(io.Discard, res.Body)
			res.Body.Close()
			code <- res.StatusCode
		}()
		return code
	}

	// The first request's body arrives slowly: it holds 600 KiB of the
	// 1 MiB bound. The second waits in the queue.
	pr, pw := io.Pipe()
	first := send(pr)
	io.WriteString(pw, body[:len(body)/2])
	waitFor("admitted the first request", func() bool { h, _ := state(); return h > 0 })
	second := send(strings.NewReader(body))
	waitFor("queued the second request", func() bool { _, w := state(); return w > 0 })

	start := time.Now()
	res, err := http.Post(ts.URL+"/v1/extract", "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	var e struct{ Error string }
	json.NewDecoder(res.Body).Decode(&e)
	res.Body.Close()
	if res.StatusCode != http.StatusServiceUnavailable {
		t.Fatalf("third request over the bound: status %d; want 503", res.StatusCode)
	}
	if ra := res.Header.Get("Retry-After"); ra == "" || ra == "0" {
		t.Errorf("503 without a Retry-After (%q)", ra)
	}
	if !strings.Contains(e.Error, "busy") {
		t.Errorf("503 error %q does not say the server is busy", e.Error)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("the refusal took %s; want it at once", d)
	}

	// The first completes, then the queued second; a third is then served.
	io.WriteString(pw, body[len(body)/2:])
	pw.Close()
	for i, c := range []<-chan int{first, second} {
		if code := <-c; code != http.StatusOK {
			t.Errorf("request %d: status %d; want 200", i+1, code)
		}
	}
	if code := <-send(strings.NewReader(body)); code != http.StatusOK {
		t.Errorf("request after the others: status %d; want 200", code)
	}
	if h, w := state(); h != 0 || w != 0 {
		t.Errorf("after every request: %d bytes held, %d waiting; want 0, 0", h, w)
	}
	// A GET carries no body and is never refused.
	res, err = http.Get(ts.URL + "/healthz")
	if err != nil || res.StatusCode != http.StatusOK {
		t.Errorf("GET /healthz: %v %v", res, err)
	}
}

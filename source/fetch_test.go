package source

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
)

// site is an invented news site on a loopback port that records when each
// request came.
type site struct {
	*httptest.Server
	mu    sync.Mutex
	times []time.Time
	paths []string
	uas   []string
}

func newSite(t *testing.T, robotsStatus int, robotsTxt string) *site {
	t.Helper()
	s := &site{}
	feed, err := os.ReadFile("testdata/feeds/northwire.rss")
	if err != nil {
		t.Fatal(err)
	}
	warc, err := os.ReadFile("testdata/crawl.warc.gz")
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(robotsStatus)
		w.Write([]byte(robotsTxt))
	})
	mux.HandleFunc("/news/ferry.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=iso-8859-1")
		w.Write([]byte(pageA))
	})
	mux.HandleFunc("/old-ferry", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/news/ferry.html", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/to-drafts", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/drafts/ferry", http.StatusFound)
	})
	mux.HandleFunc("/drafts/", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(pageB))
	})
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(feed)
	})
	mux.HandleFunc("/crawl.warc.gz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/octet-stream")
		w.Write(warc)
	})
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.times = append(s.times, time.Now())
		s.paths = append(s.paths, r.URL.Path)
		s.uas = append(s.uas, r.UserAgent())
		s.mu.Unlock()
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

func TestFetch(t *testing.T) {
	const robotsTxt = "User-agent: *\nDisallow: /\n\nUser-agent: wiretrace\nDisallow: /drafts/\nCrawl-delay: 0.05\n"
	s := newSite(t, http.StatusOK, robotsTxt)
	inputs := []string{
		s.URL + "/news/ferry.html",
		s.URL + "/old-ferry",
		s.URL + "/drafts/ferry",
		s.URL + "/to-drafts",
		s.URL + "/missing",
		s.URL + "/feed",
		s.URL + "/crawl.warc.gz",
	}
	opts := Options{HostDelay: 10 * time.Millisecond}
	start := time.Now()
	var items []Item
	var errs []error
	for it, err := range Items(context.Background(), inputs, opts) {
		items = append(items, it)
		errs = append(errs, err)
	}
	type want struct {
		name, url, ctype string
		err              error
	}
	wants := []want{
		{name: s.URL + "/news/ferry.html", url: s.URL + "/news/ferry.html", ctype: "text/html; charset=iso-8859-1"},
		{name: s.URL + "/old-ferry", url: s.URL + "/news/ferry.html", ctype: "text/html; charset=iso-8859-1"},
		{name: s.URL + "/drafts/ferry", err: ErrDisallowed},
		{name: s.URL + "/to-drafts", err: ErrDisallowed},
		{name: s.URL + "/missing", err: errSome},
		{name: s.URL + "/feed#1", url: "https://northwire.example/2026/03/04/port-calloway-strike", ctype: "text/html"},
		{name: s.URL + "/feed#2", url: "https://northwire.example/2026/04/09/vellen-frost", ctype: "text/html"},
		{name: s.URL + "/feed#3", err: errSome},
		{name: s.URL + "/crawl.warc.gz@447", url: "https://ledger.example/business/harbour-strike", ctype: "text/html; charset=utf-8"},
		{name: s.URL + "/crawl.warc.gz@2012", url: "https://ledger.example/local/ashby-footbridge", ctype: "text/html; charset=utf-8"},
	}
	if len(items) != len(wants) {
		for i := range items {
			t.Logf("%s %v", items[i].Name, errs[i])
		}
		t.Fatalf("got %d items, want %d", len(items), len(wants))
	}
	for i, w := range wants {
		it, err := items[i], errs[i]
		if it.Name != w.name {
			t.Errorf("item %d: name %q, want %q", i, it.Name, w.name)
		}
		switch {
		case w.err == nil && err != nil:
			t.Errorf("%s: unexpected error %v", w.name, err)
		case w.err != nil && err == nil:
			t.Errorf("%s: got an item, want error %v", w.name, w.err)
		case w.err != nil && w.err != errSome && !errors.Is(err, w.err):
			t.Errorf("%s: error %v, want %v", w.name, err, w.err)
		}
		if w.err != nil {
			if err != nil && !strings.Contains(err.Error(), s.URL) {
				t.Errorf("%s: error %q does not name the URL", w.name, err)
			}
			continue
		}
		if it.URL != w.url || it.ContentType != w.ctype {
			t.Errorf("%s: url %q type %q, want %q %q", w.name, it.URL, it.ContentType, w.url, w.ctype)
		}
	}
	if items[0].Fetched.Before(start) || string(items[0].Data) != pageA {
		t.Errorf("fetched page: Fetched %v, data %q", items[0].Fetched, clip(items[0].Data, 40))
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	robotsReads := 0
	for i, p := range s.paths {
		if p == "/robots.txt" {
			robotsReads++
		}
		if p == "/drafts/ferry" {
			t.Errorf("a disallowed path was requested")
		}
		if !strings.HasPrefix(s.uas[i], "wiretrace/") {
			t.Errorf("request %s with User-Agent %q", p, s.uas[i])
		}
	}
	// The Crawl-delay of 50 ms, longer than HostDelay, spaces every
	// request to the host. Arrival times at the server jitter with the
	// machine's load, so the test bounds the whole run, which cannot be
	// shorter than the delays between its requests.
	if took, least := s.times[len(s.times)-1].Sub(start), time.Duration(len(s.paths)-1)*50*time.Millisecond; took < least {
		t.Errorf("%d requests in %v, want at least %v with a 50 ms Crawl-delay", len(s.paths), took, least)
	}
	if robotsReads != 1 {
		t.Errorf("robots.txt read %d times, want once", robotsReads)
	}
}

func TestFetchRobotsStatus(t *testing.T) {
	tests := []struct {
		name   string
		status int
		want   error // nil: the page is fetched
	}{
		{"missing robots.txt allows all", http.StatusNotFound, nil},
		{"failing robots.txt disallows the site", http.StatusServiceUnavailable, errSome},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := newSite(t, tc.status, "")
			url := s.URL + "/news/ferry.html"
			n := 0
			for it, err := range Items(context.Background(), []string{url, url}, Options{HostDelay: time.Millisecond}) {
				n++
				if tc.want == nil && (err != nil || string(it.Data) != pageA) {
					t.Errorf("got %q, %v; want the page", clip(it.Data, 30), err)
				}
				if tc.want != nil && (err == nil || !strings.Contains(err.Error(), "robots.txt")) {
					t.Errorf("got %v, want an error about robots.txt", err)
				}
			}
			if n != 2 {
				t.Errorf("got %d items, want 2", n)
			}
			s.mu.Lock()
			defer s.mu.Unlock()
			for _, p := range s.paths {
				if tc.want != nil && p != "/robots.txt" {
					t.Errorf("requested %s although robots.txt failed", p)
				}
			}
		})
	}
}

func TestFetchCancelledDuringDelay(t *testing.T) {
	s := newSite(t, http.StatusNotFound, "")
	// The robots.txt request starts the host's delay of an hour, so the
	// page request waits until the context ends.
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	url := s.URL + "/news/ferry.html"
	var errs []error
	start := time.Now()
	for _, err := range Items(ctx, []string{url, url}, Options{HostDelay: time.Hour}) {
		errs = append(errs, err)
	}
	if len(errs) != 1 || !errors.Is(errs[0], context.DeadlineExceeded) || time.Since(start) > 10*time.Second {
		t.Fatalf("got %v after %v; want one context.DeadlineExceeded at once", errs, time.Since(start))
	}
}

// TestFetchRetryAfter checks that a 429 with Retry-After fails the URL and
// holds back the next request to the host for the time asked.
func TestFetchRetryAfter(t *testing.T) {
	var mu sync.Mutex
	var pageTimes []time.Time
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/busy":
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
		default:
			mu.Lock()
			pageTimes = append(pageTimes, time.Now())
			mu.Unlock()
			w.Write([]byte(pageA))
		}
	}))
	defer srv.Close()
	start := time.Now()
	var errs []error
	for _, err := range Items(context.Background(), []string{srv.URL + "/busy", srv.URL + "/news"}, Options{HostDelay: time.Millisecond}) {
		errs = append(errs, err)
	}
	if len(errs) != 2 || errs[0] == nil || !strings.Contains(errs[0].Error(), "429") || errs[1] != nil {
		t.Fatalf("got %v, want a 429 error then the page", errs)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(pageTimes) != 1 || pageTimes[0].Sub(start) < 900*time.Millisecond {
		t.Errorf("the page was requested %v after the start, want after the 1 s Retry-After", pageTimes[0].Sub(start))
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 3, 5, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"120", maxCrawlDelay, true}, // capped
		{"30", 30 * time.Second, true},
		{"Thu, 05 Mar 2026 10:00:20 GMT", 20 * time.Second, true},
		{"Thu, 05 Mar 2026 09:00:00 GMT", 0, true},
		{"soon", 0, false},
		{"", 0, false},
	}
	for _, tc := range tests {
		d, ok := retryAfter(tc.in, now)
		if d != tc.want || ok != tc.ok {
			t.Errorf("retryAfter(%q) = %v, %v; want %v, %v", tc.in, d, ok, tc.want, tc.ok)
		}
	}
}

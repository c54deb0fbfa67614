package source

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// DefaultUserAgent is how wiretrace names itself to the sites it fetches
// from when Options.UserAgent is empty. Its first word, "wiretrace", is the
// token matched against robots.txt user-agent groups.
const DefaultUserAgent = "wiretrace/1 (news provenance indexer; +https://github.com/wiretrace/wiretrace)"

// DefaultHostDelay is the least time between two requests to one host
// when Options.HostDelay is zero: one second, the interval most crawler
// etiquette guides and news sites' Crawl-delay lines ask for.
const DefaultHostDelay = time.Second

// fetchTimeout bounds one request, body included, of the default client.
const fetchTimeout = 30 * time.Second

// maxRobotsBytes is how much of a robots.txt is read: RFC 9309 asks
// crawlers to parse at least 500 KiB.
const maxRobotsBytes = 512 << 10

// maxRedirects is how many redirects a fetch follows: enough for
// http→https→www→canonical chains, few enough to stop a loop early.
const maxRedirects = 5

// ErrDisallowed reports a URL that the site's robots.txt asks wiretrace
// not to fetch.
var ErrDisallowed = errors.New("disallowed by robots.txt")

// isURL reports whether an input names an http or https URL.
func isURL(in string) bool {
	return strings.HasPrefix(in, "http://") || strings.HasPrefix(in, "https://")
}

// fetcher fetches URL inputs politely: robots.txt honoured (fetched once
// per origin), one request at a time, at least a delay apart per host.
type fetcher struct {
	client *http.Client
	agent  string // the User-Agent header
	token  string // the robots.txt product token
	delay  time.Duration
	robots map[string]*robots   // by scheme://host
	last   map[string]time.Time // last request by host
	// notBefore holds, by host, when a site that answered 429 or 503
	// with Retry-After may be asked again.
	notBefore map[string]time.Time
}

func newFetcher(opts Options) *fetcher {
	f := &fetcher{
		agent:     opts.UserAgent,
		delay:     opts.HostDelay,
		robots:    map[string]*robots{},
		last:      map[string]time.Time{},
		notBefore: map[string]time.Time{},
	}
	if f.agent == "" {
		f.agent = DefaultUserAgent
	}
	f.token, _, _ = strings.Cut(f.agent, "/")
	f.token, _, _ = strings.Cut(f.token, " ")
	if f.delay <= 0 {
		f.delay = DefaultHostDelay
	}
	base := opts.Client
	if base == nil {
		base = &http.Client{Timeout: fetchTimeout}
	}
	// A copy, so that the redirect policy does not change the caller's
	// client.
	c := *base
	c.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if len(via) >= maxRedirects {
			return fmt.Errorf("stopped after %d redirects", maxRedirects)
		}
		// A redirect to another site is fetched only if that site's
		// robots.txt allows it too.
		rb, err := f.robotsFor(req.Context(), req.URL)
		if err != nil {
			return err
		}
		if !rb.allowed(req.URL.RequestURI()) {
			return fmt.Errorf("redirect to %s: %w", req.URL, ErrDisallowed)
		}
		return f.wait(req.Context(), req.URL.Host, rb)
	}
	f.client = &c
	return f
}

// fetch reads one URL input: a page, a feed, or a WARC file served over
// HTTP, told apart by their bytes like files are.
func (w *walker) fetch(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return w.fail(raw, fmt.Errorf("fetch %s: not a URL with a host", raw))
	}
	if w.fetcher == nil {
		w.fetcher = newFetcher(w.opts)
	}
	f := w.fetcher
	rb, err := f.robotsFor(w.ctx, u)
	if err != nil {
		return w.failFetch(raw, err)
	}
	if !rb.allowed(u.RequestURI()) {
		return w.fail(raw, fmt.Errorf("fetch %s: %w", raw, ErrDisallowed))
	}
	if err := f.wait(w.ctx, u.Host, rb); err != nil {
		return w.failFetch(raw, err)
	}
	req, err := http.NewRequestWithContext(w.ctx, http.MethodGet, raw, nil)
	if err != nil {
		return w.fail(raw, fmt.Errorf("fetch %s: %w", raw, err))
	}
	req.Header.Set("User-Agent", f.agent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml;q=0.9,*/*;q=0.5")
	resp, err := f.client.Do(req)
	if err != nil {
		return w.failFetch(raw, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable {
		if d, ok := retryAfter(resp.Header.Get("Retry-After"), time.Now()); ok {
			// The site asks for a pause: the URL fails, and the next
			// request to the host waits for it.
			f.notBefore[resp.Request.URL.Host] = time.Now().Add(d)
			return w.fail(raw, fmt.Errorf("fetch %s: HTTP %s (the host is left alone for %s)", raw, resp.Status, d))
		}
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return w.fail(raw, fmt.Errorf("fetch %s: HTTP %s", raw, resp.Status))
	}
	base := Item{
		URL:         resp.Request.URL.String(),
		Fetched:     time.Now().UTC(),
		ContentType: resp.Header.Get("Content-Type"),
	}
	return w.stream(raw, resp.Body, false, base)
}

// retryAfter parses a Retry-After header (seconds, or an HTTP date),
// capped at maxCrawlDelay.
func retryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	var d time.Duration
	if sec, err := strconv.Atoi(v); err == nil {
		d = time.Duration(sec) * time.Second
	} else if t, err := http.ParseTime(v); err == nil {
		d = t.Sub(now)
	} else {
		return 0, false
	}
	return min(max(d, 0), maxCrawlDelay), true
}

// failFetch yields a failed fetch, or stops the walk when ctx ended.
func (w *walker) failFetch(raw string, err error) bool {
	if ctxErr := w.ctx.Err(); ctxErr != nil {
		w.yield(Item{}, ctxErr)
		return false
	}
	return w.fail(raw, fmt.Errorf("fetch %s: %w", raw, err))
}

// robotsFor returns the robots.txt rules of u's origin, fetching them the
// first time. A missing robots.txt (4xx) allows everything; one that
// cannot be read (5xx, network failure) disallows the origin for this
// run, as RFC 9309 asks of an unreachable robots.txt.
func (f *fetcher) robotsFor(ctx context.Context, u *url.URL) (*robots, error) {
	origin := u.Scheme + "://" + u.Host
	if rb, ok := f.robots[origin]; ok {
		if rb == nil {
			return nil, fmt.Errorf("%s/robots.txt unreachable earlier in this run", origin)
		}
		return rb, nil
	}
	rb, err := f.loadRobots(ctx, origin, u.Host)
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	f.robots[origin] = rb
	return rb, err
}

func (f *fetcher) loadRobots(ctx context.Context, origin, host string) (*robots, error) {
	if err := f.wait(ctx, host, nil); err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, origin+"/robots.txt", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", f.agent)
	// robots.txt redirects are followed by the plain client rules, not
	// ours, which would ask for robots.txt again.
	c := *f.client
	c.CheckRedirect = nil
	resp, err := c.Do(req)
	if err != nil {
		return nil, fmt.Errorf("read %s/robots.txt: %w", origin, err)
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode >= 200 && resp.StatusCode <= 299:
		data, err := io.ReadAll(io.LimitReader(resp.Body, maxRobotsBytes))
		if err != nil {
			return nil, fmt.Errorf("read %s/robots.txt: %w", origin, err)
		}
		return parseRobots(data, f.token), nil
	case resp.StatusCode >= 400 && resp.StatusCode <= 499:
		return &robots{}, nil
	}
	return nil, fmt.Errorf("read %s/robots.txt: HTTP %s", origin, resp.Status)
}

// wait sleeps until host may be asked again: the fetcher's delay, or the
// robots.txt Crawl-delay when longer, and any pause a Retry-After asked
// for. It then records the request.
func (f *fetcher) wait(ctx context.Context, host string, rb *robots) error {
	d := f.delay
	if rb != nil && rb.delay > d {
		d = rb.delay
	}
	until := f.notBefore[host]
	if last, ok := f.last[host]; ok && last.Add(d).After(until) {
		until = last.Add(d)
	}
	if sleep := time.Until(until); sleep > 0 {
		t := time.NewTimer(sleep)
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
		}
	}
	f.last[host] = time.Now()
	return nil
}

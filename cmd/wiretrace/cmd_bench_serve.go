package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/wiretrace/wiretrace/examples"
	"github.com/wiretrace/wiretrace/internal/benchindex"
)

// benchServe runs `wiretrace bench serve`: it starts the server on the demo
// corpus on a loopback port (or targets --url), drives POST /v1/trace with
// concurrent clients for a bounded time, and reports requests per second
// and latency percentiles. Any failed request fails the command.
func benchServe(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "bench serve", "[--duration D] [--clients N] [--body-bytes N] [--url URL]")
	duration := fs.Duration("duration", 10*time.Second, "how long to drive the server")
	clients := fs.Int("clients", 64, "concurrent clients")
	bodyBytes := fs.Int("body-bytes", 0, "grow every page to about this many bytes with an inline script, as heavy real pages carry (0: the pages as they are)")
	target := fs.String("url", "", "base URL of a running server to drive (default: start one on the demo corpus)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("bench serve takes no arguments, got %q", fs.Args())
	}
	if *duration <= 0 || *clients <= 0 || *bodyBytes < 0 {
		return usagef("--duration and --clients must be positive, --body-bytes not negative")
	}
	pages, err := demoPages()
	if err != nil {
		return err
	}
	for i := range pages {
		pages[i] = padPage(pages[i], *bodyBytes)
	}
	base := strings.TrimSuffix(*target, "/")
	if base == "" {
		hs, stop, err := startDemoServer(ctx, e)
		if err != nil {
			return err
		}
		defer stop()
		base = "http://" + hs
	}
	bodies := make([][]byte, len(pages))
	for i, p := range pages {
		b, err := json.Marshal(map[string]string{"page": string(p)})
		if err != nil {
			return fmt.Errorf("encode demo page %d: %w", i, err)
		}
		bodies[i] = b
	}
	fmt.Fprintf(e.stderr, "driving POST %s/v1/trace with %d clients for %s over %d demo pages\n", base, *clients, *duration, len(pages))
	res := drive(ctx, base+"/v1/trace", bodies, *clients, *duration)
	res.print(e.stdout)
	if *target == "" {
		fmt.Fprintf(e.stdout, "peak RSS   %d MiB (server and clients, one process)\n", benchindex.PeakRSS()>>20)
	}
	if res.errors > 0 {
		return fmt.Errorf("%d of %d requests failed; first: %v", res.errors, res.errors+len(res.latencies), res.firstErr)
	}
	if len(res.latencies) == 0 {
		return errors.New("no request completed")
	}
	return nil
}

// loadResult is what drive measured.
type loadResult struct {
	elapsed time.Duration
	// latencies are of the successful requests, from the first attempt
	// to the answer: the waits a 503 asked for are in them.
	latencies []time.Duration
	errors    int
	firstErr  error
	busy      int // 503 answers, each retried after its Retry-After
}

func (r *loadResult) print(w io.Writer) {
	n := len(r.latencies)
	fmt.Fprintf(w, "requests   %d ok, %d failed in %.1fs; %d answers 503 (busy), retried after their Retry-After\n", n, r.errors, r.elapsed.Seconds(), r.busy)
	if n == 0 {
		return
	}
	slices.Sort(r.latencies)
	q := func(p float64) time.Duration { return r.latencies[min(n-1, int(p*float64(n)))] }
	fmt.Fprintf(w, "throughput %.1f requests/s\n", float64(n)/r.elapsed.Seconds())
	fmt.Fprintf(w, "latency    p50 %s  p90 %s  p99 %s  max %s\n",
		q(0.50).Round(10*time.Microsecond), q(0.90).Round(10*time.Microsecond),
		q(0.99).Round(10*time.Microsecond), r.latencies[n-1].Round(10*time.Microsecond))
}

// drive posts bodies round-robin to url from clients goroutines until d has
// passed or ctx is done. A request fails unless it gets 200 with a JSON
// object.
func drive(ctx context.Context, url string, bodies [][]byte, clients int, d time.Duration) *loadResult {
	transport := &http.Transport{
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
		MaxIdleConns:        clients,
		MaxIdleConnsPerHost: clients,
		IdleConnTimeout:     30 * time.Second,
	}
	defer transport.CloseIdleConnections()
	client := &http.Client{Transport: transport, Timeout: 60 * time.Second}
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()

	var mu sync.Mutex
	res := &loadResult{}
	var wg sync.WaitGroup
	start := time.Now()
	for c := range clients {
		wg.Go(func() {
			var lat []time.Duration
			var errs, busy int
			var first error
			for i := c; ctx.Err() == nil; i += clients {
				t0 := time.Now()
				err := post(ctx, client, url, bodies[i%len(bodies)])
				for {
					var b busyError
					if !errors.As(err, &b) {
						break
					}
					busy++
					select {
					case <-time.After(b.retry):
					case <-ctx.Done():
					}
					if ctx.Err() != nil {
						break
					}
					err = post(ctx, client, url, bodies[i%len(bodies)])
				}
				if ctx.Err() != nil {
					break // cut off by the deadline: neither a success nor a failure
				}
				if err != nil {
					errs++
					if first == nil {
						first = err
					}
					continue
				}
				lat = append(lat, time.Since(t0))
			}
			mu.Lock()
			res.latencies = append(res.latencies, lat...)
			res.errors += errs
			res.busy += busy
			if res.firstErr == nil {
				res.firstErr = first
			}
			mu.Unlock()
		})
	}
	wg.Wait()
	res.elapsed = time.Since(start)
	return res
}

func post(ctx context.Context, client *http.Client, url string, body []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	res, err := client.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	data, err := io.ReadAll(res.Body)
	if err != nil {
		return fmt.Errorf("read response: %w", err)
	}
	if res.StatusCode == http.StatusServiceUnavailable {
		if secs, err := strconv.Atoi(res.Header.Get("Retry-After")); err == nil && secs >= 0 {
			return busyError{retry: time.Duration(secs) * time.Second}
		}
	}
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("status %d: %s", res.StatusCode, bytes.TrimSpace(data))
	}
	var v map[string]json.RawMessage
	if err := json.Unmarshal(data, &v); err != nil {
		return fmt.Errorf("response is not a JSON object: %w", err)
	}
	return nil
}

// busyError is a 503 answer with a Retry-After: the server is at its bound
// and asks the client to come back.
type busyError struct{ retry time.Duration }

func (b busyError) Error() string { return fmt.Sprintf("server busy, retry after %s", b.retry) }

// padPage grows page to about n bytes with an inline JSON script before
// </head> (or at its start), the way real pages carry megabytes of
// framework state; the article is unchanged. A page already n bytes or
// more is returned as it is.
func padPage(page []byte, n int) []byte {
	fill := n - len(page) - 64
	if fill <= 0 {
		return page
	}
	const word = "lorem ipsum dolor sit amet "
	script := `<script type="application/json">{"state":"` + strings.Repeat(word, fill/len(word)+1)[:fill] + `"}</script>`
	at := bytes.Index(page, []byte("</head>"))
	if at < 0 {
		at = 0
	}
	return slices.Concat(page[:at], []byte(script), page[at:])
}

// demoPages returns every bundled example page.
func demoPages() ([][]byte, error) {
	fams, err := examples.Families()
	if err != nil {
		return nil, err
	}
	var pages [][]byte
	for _, f := range fams {
		for _, file := range f.Files {
			data, err := file.Read()
			if err != nil {
				return nil, err
			}
			pages = append(pages, data)
		}
	}
	if len(pages) == 0 {
		return nil, errors.New("no example pages bundled")
	}
	return pages, nil
}

// Package benchserve is the HTTP load driver of `wiretrace bench serve`:
// concurrent clients posting request bodies to a server for a bounded
// time, with the throughput and latency percentiles they saw.
package benchserve

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
)

// Result is what Drive measured.
type Result struct {
	Elapsed time.Duration
	// Latencies are of the successful requests, from the first attempt
	// to the answer: the waits a 503 asked for are in them.
	Latencies []time.Duration
	// Errors counts the failed requests; FirstErr is the first failure.
	Errors   int
	FirstErr error
	// Busy counts the 503 answers, each retried after its Retry-After.
	Busy int
}

// WriteTable writes r for people: requests, throughput, latency
// percentiles.
func (r *Result) WriteTable(w io.Writer) {
	n := len(r.Latencies)
	fmt.Fprintf(w, "requests   %d ok, %d failed in %.1fs; %d answers 503 (busy), retried after their Retry-After\n", n, r.Errors, r.Elapsed.Seconds(), r.Busy)
	if n == 0 {
		return
	}
	slices.Sort(r.Latencies)
	q := func(p float64) time.Duration { return r.Latencies[min(n-1, int(p*float64(n)))] }
	fmt.Fprintf(w, "throughput %.1f requests/s\n", float64(n)/r.Elapsed.Seconds())
	fmt.Fprintf(w, "latency    p50 %s  p90 %s  p99 %s  max %s\n",
		q(0.50).Round(10*time.Microsecond), q(0.90).Round(10*time.Microsecond),
		q(0.99).Round(10*time.Microsecond), r.Latencies[n-1].Round(10*time.Microsecond))
}

// Drive posts bodies round-robin to url from clients goroutines until d
// has passed or ctx is done. A request fails unless it gets 200 with a
// JSON object; a 503 with a Retry-After is waited out and sent again.
func Drive(ctx context.Context, url string, bodies [][]byte, clients int, d time.Duration) *Result {
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
	res := &Result{}
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
			res.Latencies = append(res.Latencies, lat...)
			res.Errors += errs
			res.Busy += busy
			if res.FirstErr == nil {
				res.FirstErr = first
			}
			mu.Unlock()
		})
	}
	wg.Wait()
	res.Elapsed = time.Since(start)
	return res
}

// post sends one request and reads its answer.
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

// PadPage grows page to about n bytes with an inline JSON script before
// </head> (or at its start), the way real pages carry megabytes of
// framework state; the article is unchanged. A page already n bytes or
// more is returned as it is.
func PadPage(page []byte, n int) []byte {
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

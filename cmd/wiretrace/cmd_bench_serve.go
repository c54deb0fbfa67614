package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/wiretrace/wiretrace/examples"
	"github.com/wiretrace/wiretrace/internal/benchindex"
	"github.com/wiretrace/wiretrace/internal/benchserve"
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
		pages[i] = benchserve.PadPage(pages[i], *bodyBytes)
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
	res := benchserve.Drive(ctx, base+"/v1/trace", bodies, *clients, *duration)
	res.WriteTable(e.stdout)
	if *target == "" {
		fmt.Fprintf(e.stdout, "peak RSS   %d MiB (server and clients, one process)\n", benchindex.PeakRSS()>>20)
	}
	if res.Errors > 0 {
		return fmt.Errorf("%d of %d requests failed; first: %v", res.Errors, res.Errors+len(res.Latencies), res.FirstErr)
	}
	if len(res.Latencies) == 0 {
		return errors.New("no request completed")
	}
	return nil
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

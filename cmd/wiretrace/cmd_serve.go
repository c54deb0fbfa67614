package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"runtime"
	"strconv"
	"time"

	"github.com/wiretrace/wiretrace/index"
	"github.com/wiretrace/wiretrace/server"
	"github.com/wiretrace/wiretrace/store"
	"github.com/wiretrace/wiretrace/store/pebble"
)

// shutdownGrace is how long serve waits for requests in flight after
// SIGINT or SIGTERM before it closes their connections.
const shutdownGrace = 10 * time.Second

// runServe runs `wiretrace serve`: the HTTP API and web UI until SIGINT or
// SIGTERM, then a graceful shutdown.
func runServe(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "serve", "[--store DIR|--redis ADDRS|--demo] [--addr HOST:PORT] [--token T|--insecure-no-auth] [--max-body N] [--workers N] [--max-in-flight N] [--wordnet]")
	stFlags := addStoreFlags(fs)
	cmpFlags := addComparisonFlags(fs)
	demo := fs.Bool("demo", false, "serve the bundled example articles from a temporary store (removed on exit)")
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	token := fs.String("token", os.Getenv("WIRETRACE_TOKEN"), "bearer token that requests changing the index need (default $WIRETRACE_TOKEN); required to listen beyond loopback")
	insecure := fs.Bool("insecure-no-auth", false, "listen beyond loopback without a token: anyone who reaches the server may add and delete documents")
	maxBody := fs.Int64("max-body", server.DefaultMaxBody, "largest request body accepted, in bytes (larger ones get 413)")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "traces and compares run at once; more wait their turn")
	maxInFlight := fs.Int64("max-in-flight", 0, "most bytes of request bodies held at once, waiting or at work; more get 503 with Retry-After (0: "+
		strconv.Itoa(server.DefaultInFlightPerWorker)+" × --workers × --max-body; -1: no bound)")
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("serve takes no arguments, got %q", rest)
	}
	if *maxBody <= 0 {
		return usagef("--max-body must be positive, got %d", *maxBody)
	}
	if *workers <= 0 {
		return usagef("--workers must be positive, got %d", *workers)
	}
	if *token == "" && !*insecure && !loopback(*addr) {
		return usagef("refusing to listen on %s without a token: anyone who reaches it could add and delete documents; "+
			"give --token T (or $WIRETRACE_TOKEN), listen on 127.0.0.1, or pass --insecure-no-auth", *addr)
	}
	opts, err := cmpFlags.options()
	if err != nil {
		return err
	}
	var st store.Store
	var where string
	if *demo {
		if *stFlags.dir != "" || *stFlags.redis != "" {
			return usagef("--demo uses a temporary store: give it without --store or --redis")
		}
		dst, cleanup, n, err := openDemo(ctx)
		if err != nil {
			return err
		}
		defer cleanup()
		st, where = dst, fmt.Sprintf("demo store of %d example articles", n)
	} else {
		var name storeName
		st, name, err = stFlags.open(ctx, false)
		if err != nil {
			return err
		}
		defer st.Close()
		where = name.String()
		if n, err := st.Count(ctx); err == nil && n == 0 {
			where += fmt.Sprintf(", empty: add articles with wiretrace index --%s %s INPUT... or POST /v1/documents", map[string]string{"pebble": "store", "redis": "redis"}[name.backend], name.location)
		}
	}
	srv := server.New(server.Options{MaxBody: *maxBody, Token: *token, Index: index.New(st), Workers: *workers, MaxInFlight: *maxInFlight, Trace: opts})
	fmt.Fprintf(e.stderr, "wiretrace: serving %s\n", where)
	return serve(ctx, e, srv.HTTPServer(*addr))
}

// loopback reports whether addr (host:port) listens on loopback only:
// localhost or a loopback IP. An empty host listens on every interface.
func loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// openDemo opens a Pebble store in a new temporary directory and loads the
// bundled examples into it. cleanup closes the store and removes the
// directory.
func openDemo(ctx context.Context) (st store.Store, cleanup func(), n int, err error) {
	dir, err := os.MkdirTemp("", "wiretrace-demo-")
	if err != nil {
		return nil, nil, 0, fmt.Errorf("demo store: %w", err)
	}
	ps, err := pebble.Open(dir, pebble.Options{CacheSize: 16 << 20, MemTableSize: 4 << 20})
	if err != nil {
		os.RemoveAll(dir)
		return nil, nil, 0, fmt.Errorf("demo store %s: %w", dir, err)
	}
	cleanup = func() {
		ps.Close()
		os.RemoveAll(dir)
	}
	n, err = server.LoadExamples(ctx, index.New(ps))
	if err != nil {
		cleanup()
		return nil, nil, 0, err
	}
	return ps, cleanup, n, nil
}

// startDemoServer serves the demo corpus on a loopback port in this
// process and returns its address and a function that stops it.
func startDemoServer(ctx context.Context, e *env) (addr string, stop func(), err error) {
	st, cleanup, _, err := openDemo(ctx)
	if err != nil {
		return "", nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		cleanup()
		return "", nil, fmt.Errorf("listen on loopback: %w", err)
	}
	hs := server.New(server.Options{Index: index.New(st)}).HTTPServer(ln.Addr().String())
	go func() { _ = hs.Serve(ln) }()
	return ln.Addr().String(), func() {
		sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
		defer cancel()
		_ = hs.Shutdown(sctx)
		cleanup()
	}, nil
}

// serve listens on hs.Addr and serves until ctx is done, then shuts down
// gracefully. It prints the address it listens on, so that a caller that
// asked for port 0 learns the port.
func serve(ctx context.Context, e *env, hs *http.Server) error {
	ln, err := net.Listen("tcp", hs.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", hs.Addr, err)
	}
	fmt.Fprintf(e.stderr, "wiretrace: listening on http://%s/\n", ln.Addr())
	done := make(chan error, 1)
	go func() { done <- hs.Serve(ln) }()
	select {
	case err := <-done:
		return fmt.Errorf("serve on %s: %w", ln.Addr(), err)
	case <-ctx.Done():
	}
	fmt.Fprintln(e.stderr, "wiretrace: shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return fmt.Errorf("shut down %s: %w", ln.Addr(), err)
	}
	if err := <-done; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve on %s: %w", ln.Addr(), err)
	}
	return nil
}

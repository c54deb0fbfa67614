package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/wiretrace/wiretrace/server"
)

// shutdownGrace is how long serve waits for requests in flight after
// SIGINT or SIGTERM before it closes their connections.
const shutdownGrace = 10 * time.Second

// runServe runs `wiretrace serve`: the HTTP API and web UI until SIGINT or
// SIGTERM, then a graceful shutdown.
func runServe(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "serve", "[--store DIR|--redis ADDRS] [--addr HOST:PORT] [--demo] [--token T] [--max-body N]")
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	token := fs.String("token", os.Getenv("WIRETRACE_TOKEN"), "bearer token that requests changing the index need (default $WIRETRACE_TOKEN)")
	maxBody := fs.Int64("max-body", server.DefaultMaxBody, "largest request body accepted, in bytes (larger ones get 413)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("serve takes no arguments, got %q", fs.Args())
	}
	if *maxBody <= 0 {
		return usagef("--max-body must be positive, got %d", *maxBody)
	}
	srv := server.New(server.Options{MaxBody: *maxBody, Token: *token})
	return serve(ctx, e, srv.HTTPServer(*addr))
}

// serve listens on hs.Addr and serves until ctx is done, then shuts down
// gracefully. It prints the address it listens on, so that a caller that
// asked for port 0 learns the port.
func serve(ctx context.Context, e *env, hs *http.Server) error {
	ln, err := net.Listen("tcp", hs.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", hs.Addr, err)
	}
	fmt.Fprintf(e.stderr, "wiretrace serving on http://%s/\n", ln.Addr())
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

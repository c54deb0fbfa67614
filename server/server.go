package server

import (
	"context"
	"crypto/subtle"
	"fmt"
	"log"
	"net/http"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/wiretrace/wiretrace/index"
	"github.com/wiretrace/wiretrace/trace"
)

// DefaultMaxBody is the default limit on a request body: 8 MiB. A news page
// with its markup is typically 50 KB to 2 MB; 8 MiB leaves room for the
// heaviest pages (inline scripts and styles) and for a compare request that
// carries two of them, while a client cannot make the server buffer an
// unbounded body.
const DefaultMaxBody = 8 << 20

// Timeouts the HTTP server applies (see HTTPServer). Reading allows an 8 MiB
// body over a slow link; writing allows a trace against a large index.
const (
	ReadHeaderTimeout = 10 * time.Second
	ReadTimeout       = 60 * time.Second
	WriteTimeout      = 120 * time.Second
	IdleTimeout       = 120 * time.Second
)

// Options configures a Server. The zero value serves extract and compare
// with no index and no token.
type Options struct {
	// MaxBody is the largest request body accepted, in bytes; zero means
	// DefaultMaxBody.
	MaxBody int64
	// Token, when set, is the bearer token that requests changing the index
	// must present ("Authorization: Bearer <Token>").
	Token string
	// Index is the corpus that documents, trace, search and the family
	// view work on; nil serves extract and compare only, and the other
	// routes answer 503. The server does not close it.
	Index *index.Index
	// Trace is the comparison configuration of traces, compares and
	// families; the zero value is trace.DefaultOptions.
	Trace trace.Options
	// Workers is how many traces and compares run at once; more wait
	// their turn. Zero means one per CPU (GOMAXPROCS).
	Workers int
	// MaxInFlight bounds the bytes of the request bodies the server holds
	// at once, waiting or at work; past it, requests get 503 with a
	// Retry-After (see admission). Zero means DefaultInFlightPerWorker ×
	// Workers × MaxBody; negative means no bound.
	MaxInFlight int64
}

// Server is the wiretrace HTTP API and web UI. It is an http.Handler; use
// HTTPServer to serve it with the package's timeouts.
type Server struct {
	opts    Options
	mux     *http.ServeMux
	metrics *metrics
	routes  []route
	// scanLimit is where search stops reading every article (scanLimit;
	// tests lower it to exercise the term-postings path).
	scanLimit int64
	// storyClusters are the index's story clusters (see clusters).
	storyClusters storyClusters
	// work holds a token for each comparison-heavy request in progress
	// (trace, compare, family): see acquire.
	work chan struct{}
	// admission bounds the request bytes held at once.
	admission *admission
}

// acquire waits for a work token and returns its release, or fails (503)
// when the request is cancelled first. Traces and compares are CPU-bound:
// with more of them running than there are cores, each just runs slower
// and all of them hold their memory longer. Queueing the excess in arrival
// order keeps latency even (p99 close to p50) under a burst. Handlers
// acquire after reading the request body, so that a slow upload never
// holds a worker.
func (s *Server) acquire(ctx context.Context) (release func(), err error) {
	select {
	case s.work <- struct{}{}:
		return func() { <-s.work }, nil
	case <-ctx.Done():
		return nil, &requestError{status: http.StatusServiceUnavailable,
			msg: fmt.Sprintf("gave up waiting for a worker: %v", ctx.Err())}
	}
}

// route is one API or UI endpoint.
type route struct {
	pattern string // a net/http ServeMux pattern with its method
	// write marks a request that changes the index: it needs the token.
	write   bool
	handler http.HandlerFunc
}

// New returns a Server configured by opts.
func New(opts Options) *Server {
	if opts.MaxBody <= 0 {
		opts.MaxBody = DefaultMaxBody
	}
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	switch {
	case opts.MaxInFlight == 0:
		opts.MaxInFlight = DefaultInFlightPerWorker * int64(opts.Workers) * opts.MaxBody
	case opts.MaxInFlight < 0:
		opts.MaxInFlight = 0
	}
	s := &Server{opts: opts, mux: http.NewServeMux(), metrics: newMetrics(),
		work: make(chan struct{}, opts.Workers), scanLimit: index.ScanLimit,
		admission: &admission{limit: opts.MaxInFlight, maxBody: opts.MaxBody}}
	if ix := opts.Index; ix != nil {
		s.metrics.reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "wiretrace_index_documents",
			Help: "Documents in the index, read from the store at each scrape.",
		}, func() float64 {
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			defer cancel()
			n, err := ix.Count(ctx)
			if err != nil {
				return -1 // an unreadable store shows as -1 rather than a stale count
			}
			return float64(n)
		}))
	}
	s.routes = []route{
		{pattern: "GET /healthz", handler: s.healthz},
		{pattern: "GET /metrics", handler: s.metrics.handler().ServeHTTP},
		{pattern: "GET /v1/openapi.json", handler: s.openapi},
		{pattern: "POST /v1/extract", handler: s.extract},
		{pattern: "POST /v1/compare", handler: s.compare},
		{pattern: "POST /v1/trace", handler: s.trace},
		{pattern: "POST /v1/documents", handler: s.addDocument, write: true},
		{pattern: "GET /v1/documents/{id}", handler: s.getDocument},
		{pattern: "DELETE /v1/documents/{id}", handler: s.deleteDocument, write: true},
		{pattern: "GET /v1/documents/{id}/family", handler: s.documentFamily},
		{pattern: "GET /v1/search", handler: s.search},
		{pattern: "GET /v1/clusters", handler: s.listClusters},

		{pattern: "GET /{$}", handler: s.uiHome},
		{pattern: "POST /trace", handler: s.uiTrace},
		{pattern: "GET /compare", handler: s.uiCompareForm},
		{pattern: "POST /compare", handler: s.uiCompare},
		{pattern: "POST /compare/export", handler: s.uiExport},
		{pattern: "GET /documents", handler: s.uiDocuments},
		{pattern: "GET /documents/{id}", handler: s.uiDocument},
		{pattern: "GET /search", handler: s.uiSearch},
		{pattern: "GET /clusters", handler: s.uiClusters},
		{pattern: "GET /static/", handler: staticHandler().ServeHTTP},
	}
	for _, rt := range s.routes {
		h := http.Handler(rt.handler)
		if rt.write {
			h = s.requireToken(h)
		}
		s.mux.Handle(rt.pattern, s.metrics.instrument(rt.pattern, s.admitted(h)))
	}
	// Whatever no route took gets 404 or 405: in JSON under /v1/, so that
	// API clients always get {"error": ...}, as a page elsewhere.
	s.mux.Handle("/", s.metrics.instrument("unmatched", http.HandlerFunc(s.notFound)))
	return s
}

// ServeHTTP serves one request, adding the security headers every response
// carries.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", contentSecurityPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	defer func() {
		// A panic is a bug, never an answer to input; the client still
		// gets a JSON error and the log gets the stack.
		if v := recover(); v != nil {
			if v == http.ErrAbortHandler {
				panic(v)
			}
			log.Printf("wiretrace: panic serving %s %s: %v\n%s", r.Method, r.URL.Path, v, debug.Stack())
			writeError(w, http.StatusInternalServerError, "internal error while serving "+r.URL.Path)
		}
	}()
	s.mux.ServeHTTP(w, r)
}

// contentSecurityPolicy allows scripts, styles, images and fonts from the
// server's own origin only and no inline script, so that text copied from a
// page can never run, and the UI never loads anything from another host.
const contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; " +
	"img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; " +
	"base-uri 'none'; frame-ancestors 'none'"

// HTTPServer returns an http.Server that serves s on addr with the package's
// timeouts.
func (s *Server) HTTPServer(addr string) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           s,
		ReadHeaderTimeout: ReadHeaderTimeout,
		ReadTimeout:       ReadTimeout,
		WriteTimeout:      WriteTimeout,
		IdleTimeout:       IdleTimeout,
		MaxHeaderBytes:    64 << 10,
	}
}

// requireToken refuses requests without the bearer token when one is set.
func (s *Server) requireToken(h http.Handler) http.Handler {
	if s.opts.Token == "" {
		return h
	}
	want := []byte(s.opts.Token)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// The scheme is case-insensitive (RFC 9110, 11.1): "bearer" is
		// "Bearer"; the token is compared in constant time.
		scheme, got, _ := strings.Cut(r.Header.Get("Authorization"), " ")
		if !strings.EqualFold(scheme, "Bearer") || subtle.ConstantTimeCompare([]byte(strings.TrimSpace(got)), want) != 1 {
			w.Header().Set("WWW-Authenticate", `Bearer realm="wiretrace"`)
			writeError(w, http.StatusUnauthorized, "this request changes the index: it needs Authorization: Bearer <token>")
			return
		}
		h.ServeHTTP(w, r)
	})
}

// notFound answers a request that no route matched: 405 with an Allow
// header when the path exists for other methods, 404 otherwise; in JSON for
// the API, as a page for the UI.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	var allow []string
	for _, m := range []string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete} {
		probe := r.Clone(r.Context())
		probe.Method = m
		if _, pattern := s.mux.Handler(probe); pattern != "" && pattern != "/" {
			allow = append(allow, m)
		}
	}
	api := strings.HasPrefix(r.URL.Path, "/v1/")
	var err *requestError
	if len(allow) > 0 {
		w.Header().Set("Allow", strings.Join(allow, ", "))
		err = &requestError{status: http.StatusMethodNotAllowed,
			msg: "method " + r.Method + " not allowed on " + r.URL.Path + "; allowed: " + strings.Join(allow, ", ")}
	} else if api {
		err = &requestError{status: http.StatusNotFound, msg: "no such API endpoint: " + r.URL.Path}
	} else {
		err = &requestError{status: http.StatusNotFound, msg: "There is no page at " + r.URL.Path + "."}
	}
	if api {
		fail(w, err)
		return
	}
	s.uiError(w, err)
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

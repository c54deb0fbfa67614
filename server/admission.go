package server

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// DefaultInFlightPerWorker sizes the admission bound when
// Options.MaxInFlight is zero: twice the largest body per worker, room for
// every worker to hold one full-size request and one to wait behind each
// with its body read; as many again wait in the queue with theirs unread.
// With 32 clients sending 4 MB bodies to an unbounded queue, every body,
// its decoded copy and the pages extracted from them waited in memory at
// once (816 MB peak, 29 s median); past the bound a client is told to come
// back instead.
const DefaultInFlightPerWorker = 2

// admission bounds the request bytes the server holds at once, and the
// queue of requests waiting to be held. A request is admitted before its
// body is read, at the cost of its declared Content-Length (the body limit
// when it declares none). While the bytes admitted are under the bound it
// goes on at once; otherwise it waits, body unread, in a first-in
// first-out queue that holds at most the bound again in declared bytes;
// past that it is refused at once with 503 and a Retry-After. So the
// memory of the bodies and of the pages extracted from them stays bounded
// whatever the load, a burst waits its turn in arrival order rather than
// being turned away, and the wait a queued request faces is bounded too.
// A request alone is always admitted, whatever its size (within the body
// limit), so that the largest request allowed can still be served.
type admission struct {
	limit   int64 // bytes; 0 admits everything
	maxBody int64 // the cost of a request without a Content-Length

	mu      sync.Mutex
	held    int64 // bytes of the requests admitted and not yet done
	waiting int64 // bytes of the requests in queue
	queue   []*waiter
}

// retryAfter is what a refused client is told to wait. A second: the
// refusal costs the server no body read and no work, and a slot frees as
// soon as any request in progress ends; measured with 32 clients sending
// 4 MB bodies, a Retry-After of the requests' average duration (2-3 s)
// gave no better tail latency.
const retryAfter = time.Second

// waiter is one request in the queue; ready closes when it is admitted.
type waiter struct {
	n        int64
	ready    chan struct{}
	admitted bool
}

// cost is what r counts against the bound: its declared body size, capped
// at the body limit (a larger body is refused unread with 413), or the
// limit when the size is not declared (a chunked upload).
func (a *admission) cost(r *http.Request) int64 {
	switch {
	case r.ContentLength < 0:
		return a.maxBody
	case r.ContentLength > a.maxBody:
		return a.maxBody
	}
	return r.ContentLength
}

// fits reports whether n more bytes may be admitted now; a.mu is held.
func (a *admission) fits(n int64) bool {
	return a.limit == 0 || a.held == 0 || a.held+n <= a.limit
}

// admit takes n bytes of the bound, waiting its turn in the queue when
// there is room in it. It reports false when the queue is full (with how
// long the client should wait before it retries) or ctx ended first.
func (a *admission) admit(ctx context.Context, n int64) (ok bool, retry time.Duration) {
	a.mu.Lock()
	if len(a.queue) == 0 && a.fits(n) {
		a.held += n
		a.mu.Unlock()
		return true, 0
	}
	if a.waiting > 0 && a.waiting+n > a.limit {
		a.mu.Unlock()
		return false, retryAfter
	}
	w := &waiter{n: n, ready: make(chan struct{})}
	a.queue = append(a.queue, w)
	a.waiting += n
	a.mu.Unlock()
	select {
	case <-w.ready:
		return true, 0
	case <-ctx.Done():
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if w.admitted {
		return true, 0
	}
	a.queue = slices.DeleteFunc(a.queue, func(x *waiter) bool { return x == w })
	a.waiting -= n
	a.wake()
	return false, 0
}

// done gives back n bytes of a request, and admits the requests at the
// head of the queue that now fit.
func (a *admission) done(n int64) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.held -= n
	a.wake()
}

// wake admits waiters from the head of the queue while they fit; the head
// is never passed over, so a large request is not starved by small ones.
// a.mu is held.
func (a *admission) wake() {
	for len(a.queue) > 0 && a.fits(a.queue[0].n) {
		w := a.queue[0]
		a.queue = a.queue[1:]
		a.waiting -= w.n
		a.held += w.n
		w.admitted = true
		close(w.ready)
	}
}

// admitted serves requests that carry a body through h once admitted, and
// refuses those the full queue has no room for with 503 Service
// Unavailable and a Retry-After header (in JSON for the API, as a page for
// the UI). Requests without a body (GET) pass.
func (s *Server) admitted(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength == 0 || r.Body == nil || r.Body == http.NoBody {
			h.ServeHTTP(w, r)
			return
		}
		n := s.admission.cost(r)
		ok, retry := s.admission.admit(r.Context(), n)
		if !ok && retry == 0 {
			// The client went away while its request waited.
			return
		}
		if !ok {
			secs := int(retry / time.Second)
			w.Header().Set("Retry-After", strconv.Itoa(secs))
			// The body is left unread: the connection closes after the
			// answer rather than read megabytes only to drop them.
			w.Header().Set("Connection", "close")
			err := &requestError{status: http.StatusServiceUnavailable,
				msg: fmt.Sprintf("server busy: %s of requests in progress and as much waiting, the most it holds; retry in %d s", humanBytes(s.admission.limit), secs)}
			if strings.HasPrefix(r.URL.Path, "/v1/") {
				fail(w, err)
			} else {
				s.uiError(w, err)
			}
			return
		}
		defer s.admission.done(n)
		h.ServeHTTP(w, r)
	})
}

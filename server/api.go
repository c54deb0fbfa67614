package server

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/cluster"
	"github.com/wiretrace/wiretrace/extract"
	"github.com/wiretrace/wiretrace/index"
	"github.com/wiretrace/wiretrace/ingest"
	"github.com/wiretrace/wiretrace/trace"
)

// extractRequest is the body of POST /v1/extract.
type extractRequest struct {
	Page string `json:"page"`
	URL  string `json:"url"`
}

func (s *Server) extract(w http.ResponseWriter, r *http.Request) {
	var req extractRequest
	if err := decodeJSON(w, r, s.opts.MaxBody, &req); err != nil {
		fail(w, err)
		return
	}
	a, err := ingest.Text(req.Page, req.URL, 0)
	if err != nil {
		fail(w, extractFailure("page", err))
		return
	}
	writeJSON(w, http.StatusOK, a)
}

// extractFailure maps an extraction error to a request error: the page came
// from the client, so a page that yields no article is the client's problem
// (422), not the server's.
func extractFailure(field string, err error) error {
	status := http.StatusUnprocessableEntity
	if errors.Is(err, extract.ErrEmpty) {
		status = http.StatusBadRequest
	}
	return &requestError{status: status, msg: "extract " + field + ": " + err.Error()}
}

// compareRequest is the body of POST /v1/compare.
type compareRequest struct {
	A string `json:"a"`
	B string `json:"b"`
}

func (s *Server) compare(w http.ResponseWriter, r *http.Request) {
	var req compareRequest
	if err := decodeJSON(w, r, s.opts.MaxBody, &req); err != nil {
		fail(w, err)
		return
	}
	release, err := s.acquire(r.Context())
	if err != nil {
		fail(w, err)
		return
	}
	defer release()
	a, err := ingest.Text(req.A, "", 0)
	if err != nil {
		fail(w, extractFailure("a", err))
		return
	}
	b, err := ingest.Text(req.B, "", 0)
	if err != nil {
		fail(w, extractFailure("b", err))
		return
	}
	writeJSON(w, http.StatusOK, trace.Compare(a, b, s.opts.Trace))
}

// documentRequest is the body of POST /v1/documents.
type documentRequest struct {
	Page      string `json:"page"`
	URL       string `json:"url"`
	Published string `json:"published"`
}

// documentResponse is the JSON of a stored document.
type documentResponse struct {
	ID      string            `json:"id"`
	Article *article.Article  `json:"article,omitempty"`
	Meta    map[string]string `json:"meta,omitempty"`
}

func (s *Server) addDocument(w http.ResponseWriter, r *http.Request) {
	if s.opts.Index == nil {
		fail(w, errNoIndex)
		return
	}
	var req documentRequest
	if err := decodeJSON(w, r, s.opts.MaxBody, &req); err != nil {
		fail(w, err)
		return
	}
	a, err := ingest.Text(req.Page, req.URL, 0)
	if err != nil {
		fail(w, extractFailure("page", err))
		return
	}
	if req.Published != "" {
		a.Published = req.Published
		if _, ok := a.PublishedTime(); !ok {
			fail(w, badRequest("published %q: want RFC 3339 (2026-03-04T09:30:00Z) or a date (2026-03-04)", req.Published))
			return
		}
	}
	meta := map[string]string{
		"source":  "api",
		"indexed": time.Now().UTC().Format(time.RFC3339),
	}
	unclustered := s.clustered(r.Context(), a, meta)
	id, added, err := s.opts.Index.AddIfAbsent(r.Context(), a, meta)
	if err != nil {
		unclustered()
	}
	switch {
	case errors.Is(err, index.ErrNoWords):
		fail(w, &requestError{status: http.StatusUnprocessableEntity, msg: "page: the extracted article has no words to index"})
		return
	case err != nil:
		fail(w, fmt.Errorf("add document: %w", err))
		return
	case !added:
		writeJSON(w, http.StatusOK, documentResponse{ID: id})
		return
	}
	w.Header().Set("Location", "/v1/documents/"+id)
	writeJSON(w, http.StatusCreated, documentResponse{ID: id})
}

// lookupError maps an index read error: an unknown id is 404.
func lookupError(id string, err error) error {
	if errors.Is(err, index.ErrNotFound) {
		return &requestError{status: http.StatusNotFound, msg: "no document with id " + strconv.Quote(id)}
	}
	return fmt.Errorf("read document %s: %w", id, err)
}

// familyError maps an error of family: an unknown id is 404; any other
// error already says what failed.
func familyError(id string, err error) error {
	if errors.Is(err, index.ErrNotFound) {
		return lookupError(id, err)
	}
	return err
}

func (s *Server) getDocument(w http.ResponseWriter, r *http.Request) {
	if s.opts.Index == nil {
		fail(w, errNoIndex)
		return
	}
	id := r.PathValue("id")
	e, err := s.opts.Index.Get(r.Context(), id)
	if err != nil {
		fail(w, lookupError(id, err))
		return
	}
	writeJSON(w, http.StatusOK, documentResponse{ID: e.ID, Article: e.Article, Meta: e.Meta})
}

func (s *Server) deleteDocument(w http.ResponseWriter, r *http.Request) {
	if s.opts.Index == nil {
		fail(w, errNoIndex)
		return
	}
	id := r.PathValue("id")
	there, err := s.opts.Index.Exists(r.Context(), id)
	if err != nil {
		fail(w, lookupError(id, err))
		return
	}
	if !there {
		fail(w, lookupError(id, index.ErrNotFound))
		return
	}
	if err := s.opts.Index.Delete(r.Context(), id); err != nil {
		fail(w, fmt.Errorf("delete document %s: %w", id, err))
		return
	}
	if c, err := s.clusters(r.Context()); err == nil {
		c.Remove(id)
	}
	writeJSON(w, http.StatusOK, map[string]any{"id": id, "deleted": true})
}

func (s *Server) documentFamily(w http.ResponseWriter, r *http.Request) {
	if s.opts.Index == nil {
		fail(w, errNoIndex)
		return
	}
	id := r.PathValue("id")
	release, err := s.acquire(r.Context())
	if err != nil {
		fail(w, err)
		return
	}
	defer release()
	f, err := cluster.FamilyOf(r.Context(), s.opts.Index, id, s.opts.Trace)
	if err != nil {
		fail(w, familyError(id, err))
		return
	}
	writeJSON(w, http.StatusOK, f)
}

// traceRequest is the body of POST /v1/trace.
type traceRequest struct {
	Page string `json:"page"`
	URL  string `json:"url"`
}

func (s *Server) trace(w http.ResponseWriter, r *http.Request) {
	if s.opts.Index == nil {
		fail(w, errNoIndex)
		return
	}
	var req traceRequest
	if err := decodeJSON(w, r, s.opts.MaxBody, &req); err != nil {
		fail(w, err)
		return
	}
	release, err := s.acquire(r.Context())
	if err != nil {
		fail(w, err)
		return
	}
	defer release()
	a, err := ingest.Text(req.Page, req.URL, 0)
	if err != nil {
		fail(w, extractFailure("page", err))
		return
	}
	res, err := trace.Trace(r.Context(), s.opts.Index, a, s.opts.Trace)
	if err != nil {
		fail(w, fmt.Errorf("trace: %w", err))
		return
	}
	writeJSON(w, http.StatusOK, res)
}

// searchLimit bounds the results of one search.
const searchLimit = 50

func (s *Server) search(w http.ResponseWriter, r *http.Request) {
	if s.opts.Index == nil {
		fail(w, errNoIndex)
		return
	}
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if q == "" {
		fail(w, badRequest("search: the query parameter q is empty"))
		return
	}
	limit := searchLimit
	if l := r.URL.Query().Get("limit"); l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n <= 0 || n > 500 {
			fail(w, badRequest("search: limit %q: want a number from 1 to 500", l))
			return
		}
		limit = n
	}
	res, err := s.opts.Index.Search(r.Context(), q, index.SearchOptions{Limit: limit, ScanLimit: s.scanLimit})
	if err != nil {
		fail(w, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"query": q, "results": res})
}

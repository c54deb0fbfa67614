package server

import (
	"errors"
	"net/http"

	"github.com/wiretrace/wiretrace/extract"
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
	a, err := extract.Page([]byte(req.Page), extract.Options{URL: req.URL})
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

package server

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// errorBody is the JSON shape of every API error.
type errorBody struct {
	Error string `json:"error"`
}

// writeJSON writes v as indented JSON with the given status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	// A write error here means the client went away; there is no one left
	// to tell.
	_ = enc.Encode(v)
}

// writeError writes {"error": msg} with the given status.
func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, errorBody{Error: msg})
}

// requestError is a failure caused by the request itself, carrying the HTTP
// status it maps to.
type requestError struct {
	status int
	msg    string
}

func (e *requestError) Error() string { return e.msg }

func badRequest(format string, args ...any) error {
	return &requestError{status: http.StatusBadRequest, msg: fmt.Sprintf(format, args...)}
}

// decodeJSON reads one JSON object from the request body into v. It refuses
// bodies over maxBody (413), malformed JSON, unknown fields and trailing data
// (400), so that a typo in a field name is reported instead of ignored.
func decodeJSON(w http.ResponseWriter, r *http.Request, maxBody int64, v any) error {
	if ct := r.Header.Get("Content-Type"); ct != "" && !strings.HasPrefix(ct, "application/json") {
		return &requestError{status: http.StatusUnsupportedMediaType,
			msg: fmt.Sprintf("decode request: content type %q, want application/json", ct)}
	}
	if r.ContentLength > maxBody {
		return tooLarge(maxBody)
	}
	body := http.MaxBytesReader(w, r.Body, maxBody)
	dec := json.NewDecoder(body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return decodeError(err, maxBody)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		if err != nil {
			return decodeError(err, maxBody)
		}
		return badRequest("decode request: unexpected data after the JSON object")
	}
	return nil
}

func decodeError(err error, maxBody int64) error {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return tooLarge(maxBody)
	}
	if errors.Is(err, io.EOF) {
		return badRequest("decode request: empty body, want a JSON object")
	}
	return badRequest("decode request: malformed JSON: %v", err)
}

func tooLarge(maxBody int64) error {
	return &requestError{status: http.StatusRequestEntityTooLarge,
		msg: fmt.Sprintf("request body larger than the limit of %d bytes", maxBody)}
}

// fail writes err as an API error: its own status when it is a
// requestError, 500 otherwise (with the message, which names what failed;
// the server holds no secrets that an error could reveal).
func fail(w http.ResponseWriter, err error) {
	var re *requestError
	if errors.As(err, &re) {
		writeError(w, re.status, re.msg)
		return
	}
	writeError(w, http.StatusInternalServerError, err.Error())
}

// errNoIndex reports a request that needs an index on a server without one.
var errNoIndex = &requestError{status: 503, msg: "this server has no index: start it with --store DIR, --redis ADDRS or --demo"}

package server

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"reflect"
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
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		// Said in the request's terms, not the server's Go types.
		if te.Field == "" {
			return badRequest("decode request: got a JSON %s, want an object", te.Value)
		}
		return badRequest("decode request: field %q: got a JSON %s, want %s", te.Field, te.Value, jsonKind(te.Type.Kind()))
	}
	if f, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		return badRequest("decode request: unknown field %s", f)
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return badRequest("decode request: malformed JSON at byte %d: %s", se.Offset, strings.TrimPrefix(se.Error(), "json: "))
	}
	return badRequest("decode request: malformed JSON: %s", strings.TrimPrefix(err.Error(), "json: "))
}

// jsonKind names a Go kind as the JSON value that fills it.
func jsonKind(k reflect.Kind) string {
	switch k {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice, reflect.Array:
		return "an array"
	}
	return "an object"
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

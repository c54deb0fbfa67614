package server

import (
	_ "embed"
	"net/http"
)

// openapiJSON is the OpenAPI 3 description of the JSON API, kept beside the
// code and checked against the registered routes by TestOpenAPICoversRoutes.
//
//go:embed openapi.json
var openapiJSON []byte

func (s *Server) openapi(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, _ = w.Write(openapiJSON)
}

// Package server serves wiretrace over HTTP: a JSON API (extract, compare,
// documents, trace, search) and a server-rendered web UI for people, with
// its templates and static assets embedded in the binary.
//
// The server never makes an outbound request: a "url" given with a page is
// recorded as metadata, never fetched. Every piece of page text reaches the
// browser through html/template escaping or encoding/json, and every response
// carries a Content-Security-Policy that allows scripts, styles and images
// from the server's own origin only, so a page that contains <script> is
// shown as text and never runs.
//
// Limits: request bodies larger than Options.MaxBody are refused with 413;
// malformed JSON gets 400; every API error is a JSON object {"error": "..."}.
// With Options.Token set, requests that change the index (POST and DELETE on
// /v1/documents) need "Authorization: Bearer <token>".
package server

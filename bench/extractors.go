package main

import (
	"bytes"
	"errors"
	"fmt"
	nurl "net/url"

	trafilatura "github.com/markusmobius/go-trafilatura"

	"github.com/wiretrace/wiretrace/extract"
)

// extractor runs one library on one page. It returns the body's length in
// bytes, so that the work cannot be optimised away and a silent failure
// shows up as zero.
type extractor struct {
	name string
	run  func(p page) (int, error)
}

// extractors are the libraries compared, wiretrace first. Both run with
// their default options and are given the page's URL, as a crawler would.
// fallback switches on go-trafilatura's fallback extractors (readability
// and dom-distiller), its slower, more thorough mode.
func extractors(fallback bool) []extractor {
	traf := "go-trafilatura"
	if fallback {
		traf = "go-trafilatura+fallback"
	}
	return []extractor{
		{"wiretrace", func(p page) (int, error) {
			a, err := extract.Page(p.html, extract.Options{URL: p.url})
			if err != nil {
				return 0, err
			}
			return len(a.Text()), nil
		}},
		{traf, func(p page) (int, error) {
			opts := trafilatura.Options{EnableFallback: fallback}
			if u, err := nurl.Parse(p.url); err == nil && p.url != "" {
				opts.OriginalURL = u
			}
			r, err := trafilatura.Extract(bytes.NewReader(p.html), opts)
			if err != nil {
				return 0, err
			}
			if r == nil {
				return 0, errors.New("no result")
			}
			return len(r.ContentText), nil
		}},
	}
}

// runAll extracts every page once and reports how many failed.
func runAll(e extractor, pages []page) (failed int, firstErr error) {
	for _, p := range pages {
		if _, err := e.run(p); err != nil {
			failed++
			if firstErr == nil {
				firstErr = fmt.Errorf("%s on %s: %w", e.name, p.id, err)
			}
		}
	}
	return failed, firstErr
}

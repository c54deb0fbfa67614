package main

import (
	"bytes"
	"errors"
	"fmt"
	nurl "net/url"

	trafilatura "github.com/markusmobius/go-trafilatura"

	"github.com/wiretrace/wiretrace/extract"
	"github.com/wiretrace/wiretrace/internal/eval"
)

// extractor runs one library on one page. It returns what the library
// found (body, title, author, date), so that the work cannot be optimised
// away and the quality can be scored from the same call.
type extractor struct {
	name string
	run  func(p page) (eval.WCXBPrediction, error)
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
		{"wiretrace", func(p page) (eval.WCXBPrediction, error) {
			a, err := extract.Page(p.html, extract.Options{URL: p.url})
			if err != nil {
				return eval.WCXBPrediction{}, err
			}
			return eval.WCXBPrediction{Title: a.Title, Author: a.Byline, Date: a.Published, Body: a.Text()}, nil
		}},
		{traf, func(p page) (eval.WCXBPrediction, error) {
			opts := trafilatura.Options{EnableFallback: fallback}
			if u, err := nurl.Parse(p.url); err == nil && p.url != "" {
				opts.OriginalURL = u
			}
			r, err := trafilatura.Extract(bytes.NewReader(p.html), opts)
			if err != nil {
				return eval.WCXBPrediction{}, err
			}
			if r == nil {
				return eval.WCXBPrediction{}, errors.New("no result")
			}
			pred := eval.WCXBPrediction{Title: r.Metadata.Title, Author: r.Metadata.Author, Body: r.ContentText}
			if !r.Metadata.Date.IsZero() {
				pred.Date = r.Metadata.Date.Format("2006-01-02")
			}
			return pred, nil
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

// Command bench measures wiretrace's article extractor against
// github.com/markusmobius/go-trafilatura on the 181 pages of the shared
// extraction benchmark, in one process, on one core.
//
// It is its own Go module so that the product never depends on a peer
// extractor:
//
//	cd bench && go run . -data ../../shared/eval/extraction
//	cd bench && go test -run - -bench . -cpu 1 -count 6 | tee new.txt  # for benchstat
//
// Pages are read and decompressed before any timing starts, so the figures
// are extraction alone: HTML parsing, boilerplate removal and metadata, as
// each library does them by default.
package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// page is one benchmark page, decompressed.
type page struct {
	id   string
	url  string
	html []byte
}

// loadPages reads dir/html/*.html.gz and the URLs of dir/ground-truth.json.
func loadPages(dir string) ([]page, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "html", "*.html.gz"))
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("load pages: no html/*.html.gz under %s", dir)
	}
	sort.Strings(paths)
	urls := map[string]string{}
	if data, err := os.ReadFile(filepath.Join(dir, "ground-truth.json")); err == nil {
		var truth map[string]struct {
			URL string `json:"url"`
		}
		if err := json.Unmarshal(data, &truth); err != nil {
			return nil, fmt.Errorf("load pages: parse %s/ground-truth.json: %w", dir, err)
		}
		for id, t := range truth {
			urls[id] = t.URL
		}
	}
	pages := make([]page, 0, len(paths))
	for _, p := range paths {
		data, err := gunzip(p)
		if err != nil {
			return nil, err
		}
		id := strings.TrimSuffix(filepath.Base(p), ".html.gz")
		pages = append(pages, page{id: id, url: urls[id], html: data})
	}
	return pages, nil
}

func gunzip(path string) ([]byte, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("load pages: gunzip %s: %w", path, err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("load pages: gunzip %s: %w", path, err)
	}
	return data, nil
}

package eval

import (
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/wiretrace/wiretrace/extract"
)

// ExtractionSet is the article body extraction benchmark: news and blog
// pages with the article body a person marked on each.
//
// On disk (../shared/eval/extraction) it is html/<id>.html.gz,
// ground-truth.json ({"<id>": {"articleBody", "url"}}) and
// peer-output/<tool>.json, what other extractors produced on the pages.
type ExtractionSet struct {
	Dir   string
	Pages []ExtractionPage // sorted by ID
}

// ExtractionPage is one page of the benchmark.
type ExtractionPage struct {
	ID    string
	URL   string
	Truth string // the true article body
}

// maxBenchmarkPage bounds one decompressed benchmark page (the largest is a
// few MB), so that a corrupt file cannot take unbounded memory.
const maxBenchmarkPage = 64 << 20

// LoadExtraction reads the benchmark's ground truth from dir.
func LoadExtraction(dir string) (*ExtractionSet, error) {
	path := filepath.Join(dir, "ground-truth.json")
	items, err := readBodies(path)
	if err != nil {
		return nil, fmt.Errorf("load extraction benchmark: %w", err)
	}
	if len(items) == 0 {
		return nil, fmt.Errorf("load extraction benchmark: %s has no pages", path)
	}
	s := &ExtractionSet{Dir: dir}
	for id, it := range items {
		s.Pages = append(s.Pages, ExtractionPage{ID: id, URL: it.URL, Truth: it.ArticleBody})
	}
	sort.Slice(s.Pages, func(i, j int) bool { return s.Pages[i].ID < s.Pages[j].ID })
	return s, nil
}

// bodyItem is one entry of ground-truth.json or a peer output file.
type bodyItem struct {
	ArticleBody string `json:"articleBody"`
	URL         string `json:"url"`
}

// readBodies reads a benchmark JSON file: a map from page id to item,
// optionally wrapped as {"version": ..., "output": {...}}.
func readBodies(path string) (map[string]bodyItem, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("parse %s: %w", path, err)
	}
	// Page ids are hex digests, so a key named "output" can only be the
	// wrapper.
	if out, ok := raw["output"]; ok {
		raw = nil
		if err := json.Unmarshal(out, &raw); err != nil {
			return nil, fmt.Errorf("parse %s: output: %w", path, err)
		}
	}
	items := make(map[string]bodyItem, len(raw))
	for id, msg := range raw {
		var it bodyItem
		if err := json.Unmarshal(msg, &it); err != nil {
			return nil, fmt.Errorf("parse %s: page %s: %w", path, id, err)
		}
		items[id] = it
	}
	return items, nil
}

// HTML returns the page's bytes, decompressed.
func (s *ExtractionSet) HTML(id string) ([]byte, error) {
	return readGzip(filepath.Join(s.Dir, "html", id+".html.gz"))
}

// readGzip reads and decompresses the file at path, refusing more than
// maxBenchmarkPage bytes.
func readGzip(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("gunzip %s: %w", path, err)
	}
	data, err := io.ReadAll(io.LimitReader(zr, maxBenchmarkPage+1))
	if err != nil {
		return nil, fmt.Errorf("gunzip %s: %w", path, err)
	}
	if len(data) > maxBenchmarkPage {
		return nil, fmt.Errorf("gunzip %s: larger than %d bytes", path, maxBenchmarkPage)
	}
	return data, nil
}

// Peers lists the tools with an output file in peer-output/, sorted.
func (s *ExtractionSet) Peers() ([]string, error) {
	paths, err := filepath.Glob(filepath.Join(s.Dir, "peer-output", "*.json"))
	if err != nil {
		return nil, err
	}
	names := make([]string, 0, len(paths))
	for _, p := range paths {
		names = append(names, strings.TrimSuffix(filepath.Base(p), ".json"))
	}
	sort.Strings(names)
	return names, nil
}

// PeerOutput returns the bodies that tool predicted, by page id.
func (s *ExtractionSet) PeerOutput(tool string) (map[string]string, error) {
	items, err := readBodies(filepath.Join(s.Dir, "peer-output", tool+".json"))
	if err != nil {
		return nil, fmt.Errorf("load peer output %s: %w", tool, err)
	}
	out := make(map[string]string, len(items))
	for id, it := range items {
		out[id] = it.ArticleBody
	}
	return out, nil
}

// PageScore is how one prediction scored on one page.
type PageScore struct {
	ID        string  `json:"id"`
	URL       string  `json:"url"`
	F1        float64 `json:"f1"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	TP        float64 `json:"tp"`
	FP        float64 `json:"fp"`
	FN        float64 `json:"fn"`
	Exact     bool    `json:"exact"`
	// Error is why the extractor produced nothing, when it failed.
	Error string `json:"error,omitempty"`
	// Body is the predicted body (kept out of JSON: the page's scores
	// are the report; the text is for study, see BodyDiff).
	Body string `json:"-"`
}

// ExtractionReport is a scored run: the benchmark's figures and every
// page's score, in page id order.
type ExtractionReport struct {
	ExtractionSummary
	// Parts holds the same figures on each part of the pages (PartOf of
	// the page id).
	Parts map[Part]ExtractionSummary `json:"parts"`
	Pages []PageScore                `json:"pages"`
}

// ErrPagesMismatch reports predictions that do not cover the benchmark's
// pages exactly (the benchmark refuses to score them).
var ErrPagesMismatch = errors.New("predicted pages do not match the ground truth")

// Score compares predictions (by page id) with the ground truth. Like the
// benchmark, it refuses predictions whose page set differs from the truth's.
func (s *ExtractionSet) Score(pred map[string]string) (ExtractionReport, error) {
	if len(pred) != len(s.Pages) {
		return ExtractionReport{}, fmt.Errorf("score: %d predictions for %d pages: %w", len(pred), len(s.Pages), ErrPagesMismatch)
	}
	r := ExtractionReport{Pages: make([]PageScore, 0, len(s.Pages))}
	ms := make([]BodyMatch, 0, len(s.Pages))
	byPart := map[Part][]BodyMatch{}
	for _, p := range s.Pages {
		body, ok := pred[p.ID]
		if !ok {
			return ExtractionReport{}, fmt.Errorf("score: no prediction for page %s: %w", p.ID, ErrPagesMismatch)
		}
		m := CompareBodies(p.Truth, body)
		ms = append(ms, m)
		byPart[PartOf(p.ID)] = append(byPart[PartOf(p.ID)], m)
		r.Pages = append(r.Pages, PageScore{
			ID: p.ID, URL: p.URL,
			F1: m.F1(), Precision: m.Precision(), Recall: m.Recall(),
			TP: m.TP, FP: m.FP, FN: m.FN, Exact: m.Exact, Body: body,
		})
	}
	r.ExtractionSummary = SummarizeBodies(ms)
	r.Parts = map[Part]ExtractionSummary{}
	for part, pm := range byPart {
		r.Parts[part] = SummarizeBodies(pm)
	}
	return r, nil
}

// ExtractAll runs wiretrace's extractor on every page: it decompresses the
// page, calls extract.Page with the page's URL and joins the body
// paragraphs with newlines. A page that fails to extract predicts an empty
// body; its error is returned by page id so that the report can show it.
func (s *ExtractionSet) ExtractAll() (pred map[string]string, failed map[string]error, err error) {
	pred = make(map[string]string, len(s.Pages))
	failed = map[string]error{}
	for _, p := range s.Pages {
		data, err := s.HTML(p.ID)
		if err != nil {
			return nil, nil, fmt.Errorf("extract benchmark page %s: %w", p.ID, err)
		}
		a, err := extract.Page(data, extract.Options{URL: p.URL})
		if err != nil {
			failed[p.ID] = err
			pred[p.ID] = ""
			continue
		}
		pred[p.ID] = strings.Join(a.Paragraphs, "\n")
	}
	return pred, failed, nil
}

// ScoreWiretrace extracts every page with wiretrace and scores the result.
func (s *ExtractionSet) ScoreWiretrace() (ExtractionReport, error) {
	pred, failed, err := s.ExtractAll()
	if err != nil {
		return ExtractionReport{}, err
	}
	r, err := s.Score(pred)
	if err != nil {
		return ExtractionReport{}, err
	}
	for i := range r.Pages {
		if e := failed[r.Pages[i].ID]; e != nil {
			r.Pages[i].Error = e.Error()
		}
	}
	return r, nil
}

// PublishedExtraction holds the figures the benchmark publishes for the tools whose
// output is in peer-output/ (README.rst of the benchmark), by output file
// name. They are what our scorer must reproduce.
var PublishedExtraction = map[string]ExtractionSummary{
	"go_readability": {F1: 0.934, Precision: 0.900, Recall: 0.971, Accuracy: 0.188},
	"go_trafilatura": {F1: 0.960, Precision: 0.940, Recall: 0.980, Accuracy: 0.287},
	"newspaper":      {F1: 0.949, Precision: 0.964, Recall: 0.934, Accuracy: 0.326},
	"readability_js": {F1: 0.947, Precision: 0.914, Recall: 0.982, Accuracy: 0.166},
	"rs_trafilatura": {F1: 0.970, Precision: 0.951, Recall: 0.990, Accuracy: 0.287},
	"trafilatura":    {F1: 0.958, Precision: 0.938, Recall: 0.978, Accuracy: 0.293},
}

// Round returns s with every figure rounded to three decimals, as the
// benchmark publishes them.
func (s ExtractionSummary) Round() ExtractionSummary {
	return ExtractionSummary{F1: round3(s.F1), Precision: round3(s.Precision), Recall: round3(s.Recall), Accuracy: round3(s.Accuracy), Pages: s.Pages}
}

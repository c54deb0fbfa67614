package server

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/cluster"
	"github.com/wiretrace/wiretrace/index"
	"github.com/wiretrace/wiretrace/ingest"
	"github.com/wiretrace/wiretrace/report"
	"github.com/wiretrace/wiretrace/trace"
)

// listLimit bounds the documents a list page shows.
const listLimit = 200

// homeListLimit is how many documents the home page offers to start from.
const homeListLimit = 12

// listDocuments returns up to limit indexed documents, by publication date,
// and the number indexed.
func (s *Server) listDocuments(ctx context.Context, limit int) ([]docSummary, int64, error) {
	ix := s.opts.Index
	n, err := ix.Count(ctx)
	if err != nil {
		return nil, 0, err
	}
	var ids []string
	err = ix.Each(ctx, func(id string) error {
		ids = append(ids, id)
		if len(ids) >= limit {
			return index.ErrStop
		}
		return nil
	})
	if err != nil {
		return nil, 0, err
	}
	var out []docSummary
	for _, id := range ids {
		e, err := s.opts.Index.Get(ctx, id)
		if err != nil {
			continue // deleted since the scan
		}
		out = append(out, summaryOf(id, e.Article))
	}
	sortSummaries(out)
	return out, n, nil
}

func summaryOf(id string, a *article.Article) docSummary {
	return docSummary{ID: id, Title: a.Title, Site: a.Site, Published: a.Published, URL: a.URL}
}

// sortSummaries orders by publication date, newest first and unknown dates
// last, then by title.
func sortSummaries(ds []docSummary) {
	slices.SortStableFunc(ds, func(a, b docSummary) int {
		ta, oka := (&article.Article{Published: a.Published}).PublishedTime()
		tb, okb := (&article.Article{Published: b.Published}).PublishedTime()
		switch {
		case oka && okb && !ta.Equal(tb):
			return tb.Compare(ta)
		case oka != okb:
			if oka {
				return -1
			}
			return 1
		}
		return strings.Compare(a.Title, b.Title)
	})
}

func (s *Server) uiHome(w http.ResponseWriter, r *http.Request) {
	p := &page{Nav: "trace", HasIndex: s.opts.Index != nil}
	if s.opts.Index != nil {
		docs, n, err := s.listDocuments(r.Context(), listLimit)
		if err != nil {
			s.uiError(w, err)
			return
		}
		p.Families, p.Count = docs[:min(len(docs), homeListLimit)], n
		p.Examples = examplesIn(r.Context(), s.opts.Index)
	}
	s.render(w, http.StatusOK, "home", p)
}

func (s *Server) uiDocuments(w http.ResponseWriter, r *http.Request) {
	p := &page{Nav: "documents", HasIndex: s.opts.Index != nil}
	if s.opts.Index != nil {
		docs, n, err := s.listDocuments(r.Context(), listLimit)
		if err != nil {
			s.uiError(w, err)
			return
		}
		p.Families, p.Count = docs, n
	}
	s.render(w, http.StatusOK, "documents", p)
}

// uiTrace traces a pasted or uploaded page.
func (s *Server) uiTrace(w http.ResponseWriter, r *http.Request) {
	if err := s.parseForm(w, r); err != nil {
		s.uiError(w, err)
		return
	}
	data, text, err := formPage(r, "page", "file")
	if err != nil {
		s.uiError(w, badRequest("%v", err))
		return
	}
	release, err := s.acquire(r.Context())
	if err != nil {
		s.uiError(w, err)
		return
	}
	defer release()
	a, err := formArticle(data, text)
	if err != nil {
		s.uiError(w, extractFailure("page", err))
		return
	}
	tv := &traceView{Title: a.Title, Site: a.Site, Published: a.Published, Credit: a.Credit, Byline: a.Byline, Paragraphs: a.Paragraphs}
	p := &page{Nav: "trace", Trace: tv, HasIndex: s.opts.Index != nil}
	if s.opts.Index != nil {
		res, err := trace.Trace(r.Context(), s.opts.Index, a, s.opts.Trace)
		if err != nil {
			s.uiError(w, fmt.Errorf("trace: %w", err))
			return
		}
		if res.Document.Indexed {
			tv.ID = res.Document.ID
		}
		for i, m := range res.Matches {
			tv.Matches = append(tv.Matches, matchView{
				docSummary:    docSummary{ID: m.ID, Title: m.Title, Site: m.Site, Published: m.Published, URL: m.URL},
				Relation:      string(m.Relation),
				RelationLabel: report.RelationLabel(m.Relation),
				Similarity:    m.Similarity,
				Original:      m.Original,
				Credits:       m.Report.CreditsSource,
				ByIndex:       m.ByIndex,
				Report: report.NewView(&m.Report, report.HTMLOptions{
					Prefix: "m" + strconv.Itoa(i) + "-",
					A:      report.Name{Name: "the indexed article", Link: "/documents/" + m.ID},
					B:      report.Name{Name: "the traced page"},
				}),
			})
		}
	}
	for i := range tv.Matches {
		m := &tv.Matches[i]
		switch {
		case !trace.Relation(m.Relation).Derived():
		case m.Original == trace.OriginalMatch && tv.Source == nil:
			tv.Source = m // matches come sources first, earliest first
		case m.Original == trace.OriginalDocument:
			tv.Copies++
		}
	}
	s.render(w, http.StatusOK, "trace", p)
}

// uiCompareForm shows the compare form, or with ?a=ID&b=ID compares two
// indexed documents: a permalink to their report, which &format=json or
// &format=html downloads instead (see export).
func (s *Server) uiCompareForm(w http.ResponseWriter, r *http.Request) {
	ida, idb := r.URL.Query().Get("a"), r.URL.Query().Get("b")
	if ida == "" && idb == "" {
		s.render(w, http.StatusOK, "compare", &page{Nav: "compare"})
		return
	}
	if s.opts.Index == nil {
		s.uiError(w, errNoIndex)
		return
	}
	if ida == "" || idb == "" {
		s.uiError(w, badRequest("compare: give two document ids, ?a=ID&b=ID"))
		return
	}
	ea, err := s.opts.Index.Get(r.Context(), ida)
	if err != nil {
		s.uiError(w, lookupError(ida, err))
		return
	}
	eb, err := s.opts.Index.Get(r.Context(), idb)
	if err != nil {
		s.uiError(w, lookupError(idb, err))
		return
	}
	release, err := s.acquire(r.Context())
	if err != nil {
		s.uiError(w, err)
		return
	}
	defer release()
	rep := trace.Compare(ea.Article, eb.Article, s.opts.Trace)
	na := report.Name{Name: "document A", Link: "/documents/" + ida}
	nb := report.Name{Name: "document B", Link: "/documents/" + idb}
	if format := r.URL.Query().Get("format"); format != "" {
		s.export(w, format, &rep, na, nb)
		return
	}
	s.renderReport(w, &rep, na, nb, "/compare?a="+url.QueryEscape(ida)+"&b="+url.QueryEscape(idb))
}

// uiCompare compares two pasted or uploaded pages.
func (s *Server) uiCompare(w http.ResponseWriter, r *http.Request) {
	if err := s.parseForm(w, r); err != nil {
		s.uiError(w, err)
		return
	}
	var arts [2]*article.Article
	for i, side := range []string{"a", "b"} {
		data, text, err := formPage(r, side, side+"_file")
		if err != nil {
			s.uiError(w, badRequest("%v", err))
			return
		}
		a, err := formArticle(data, text)
		if err != nil {
			s.uiError(w, extractFailure("page "+strings.ToUpper(side), err))
			return
		}
		arts[i] = a
	}
	release, err := s.acquire(r.Context())
	if err != nil {
		s.uiError(w, err)
		return
	}
	defer release()
	rep := trace.Compare(arts[0], arts[1], s.opts.Trace)
	s.renderReport(w, &rep, report.Name{Name: "page A"}, report.Name{Name: "page B"}, "")
}

// renderReport shows a compare report with its export buttons and, for
// stored documents, its permalink.
func (s *Server) renderReport(w http.ResponseWriter, r *trace.Report, na, nb report.Name, permalink string) {
	js, err := json.Marshal(r)
	if err != nil {
		s.uiError(w, fmt.Errorf("encode report: %w", err))
		return
	}
	v := report.NewView(r, report.HTMLOptions{A: na, B: nb})
	s.render(w, http.StatusOK, "compare", &page{Nav: "compare", Report: v,
		Export: &exportView{JSON: string(js), NameA: na.Name, NameB: nb.Name, Permalink: permalink}})
}

// uiExport downloads a report shown on the compare page (its JSON, sent
// back by the page's export form) as JSON or as one self-contained HTML
// file. It computes nothing: it renders what it is sent.
func (s *Server) uiExport(w http.ResponseWriter, r *http.Request) {
	if err := s.parseForm(w, r); err != nil {
		s.uiError(w, err)
		return
	}
	var rep trace.Report
	if err := json.Unmarshal([]byte(r.FormValue("report")), &rep); err != nil {
		s.uiError(w, badRequest("export: the report is not a compare report's JSON: %v", err))
		return
	}
	s.export(w, r.FormValue("format"), &rep,
		report.Name{Name: r.FormValue("a_name")}, report.Name{Name: r.FormValue("b_name")})
}

// export writes rep as a download: format "json" (the compare --json
// contract) or "html" (report.Page).
func (s *Server) export(w http.ResponseWriter, format string, rep *trace.Report, na, nb report.Name) {
	var buf bytes.Buffer
	var ctype string
	switch format {
	case "json":
		enc := json.NewEncoder(&buf)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			s.uiError(w, fmt.Errorf("encode report: %w", err))
			return
		}
		ctype = "application/json"
	case "html":
		// The file stands alone: links to this server's pages would not
		// work from a saved copy.
		na.Link, nb.Link = "", ""
		if err := report.Page(&buf, rep, report.HTMLOptions{A: na, B: nb}); err != nil {
			s.uiError(w, err)
			return
		}
		ctype = "text/html; charset=utf-8"
	default:
		s.uiError(w, badRequest("export: format %q: want json or html", format))
		return
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Disposition", `attachment; filename="wiretrace-compare.`+format+`"`)
	_, _ = buf.WriteTo(w)
}

func (s *Server) uiDocument(w http.ResponseWriter, r *http.Request) {
	if s.opts.Index == nil {
		s.uiError(w, errNoIndex)
		return
	}
	id := r.PathValue("id")
	e, err := s.opts.Index.Get(r.Context(), id)
	if err != nil {
		s.uiError(w, lookupError(id, err))
		return
	}
	a := e.Article
	dv := &docView{docSummary: summaryOf(id, a), Byline: a.Byline, Credit: a.Credit, Dateline: a.Dateline, Paragraphs: a.Paragraphs}
	release, err := s.acquire(r.Context())
	if err != nil {
		s.uiError(w, err)
		return
	}
	defer release()
	f, err := cluster.FamilyOf(r.Context(), s.opts.Index, id, s.opts.Trace)
	if err != nil {
		s.uiError(w, familyError(id, err))
		return
	}
	for _, m := range f.Members {
		fv := familyView{
			docSummary:    docSummary{ID: m.ID, Title: m.Title, Site: m.Site, Published: m.Published, URL: m.URL},
			Original:      m.Role == "original",
			Current:       m.ID == id,
			Relation:      string(m.Relation),
			RelationLabel: report.RelationLabel(m.Relation),
			Similarity:    m.Similarity,
			Credits:       m.CreditsSource,
			Drifts:        m.Drifts,
		}
		if !fv.Original {
			fv.CompareLink = "/compare?a=" + f.Original + "&b=" + m.ID
		}
		dv.Family = append(dv.Family, fv)
	}
	switch derived := len(f.Members) - 1; {
	case derived == 0:
		dv.FamilyNote = "Nothing in the index derives from this document, and it derives from nothing indexed."
	case f.Original == id:
		dv.FamilyNote = fmt.Sprintf("This document is the original; %d indexed document%s derive%s from it.", derived, plural(derived), verbS(derived))
	default:
		dv.FamilyNote = fmt.Sprintf("This document derives from an earlier original; the family has %d derived document%s.", derived, plural(derived))
	}
	for _, m := range f.SameStory {
		dv.SameStory = append(dv.SameStory, docSummary{ID: m.ID, Title: m.Title, Site: m.Site, Published: m.Published, URL: m.URL})
	}
	s.render(w, http.StatusOK, "document", &page{Nav: "documents", Doc: dv})
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func verbS(n int) string {
	if n == 1 {
		return "s"
	}
	return ""
}

func (s *Server) uiSearch(w http.ResponseWriter, r *http.Request) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	sv := &searchView{Query: q}
	p := &page{Nav: "search", Query: q, Search: sv, HasIndex: s.opts.Index != nil}
	if q != "" {
		if s.opts.Index == nil {
			s.uiError(w, errNoIndex)
			return
		}
		res, err := s.opts.Index.Search(r.Context(), q, index.SearchOptions{Limit: searchLimit, ScanLimit: s.scanLimit})
		if err != nil {
			s.uiError(w, err)
			return
		}
		words := index.SearchWords(q)
		for _, hit := range res {
			sv.Results = append(sv.Results, searchResult{
				docSummary:    docSummary{ID: hit.ID, Title: hit.Title, Site: hit.Site, Published: hit.Published, URL: hit.URL},
				TitleSegments: markWords(hit.Title, words),
				Snippet:       markWords(hit.Snippet, words),
			})
		}
	}
	s.render(w, http.StatusOK, "search", p)
}

// markWords splits text into segments, marking whole-word occurrences of
// any of words (lower case) for the results' highlighting.
func markWords(text string, words []string) []segment {
	var segs []segment
	start := 0
	flush := func(end int) {
		if end > start {
			segs = append(segs, segment{Text: text[start:end]})
		}
	}
	i := 0
	for i < len(text) {
		if r, size := utf8.DecodeRuneInString(text[i:]); index.NotWordRune(r) {
			i += size
			continue
		}
		j := i
		for j < len(text) {
			r, size := utf8.DecodeRuneInString(text[j:])
			if index.NotWordRune(r) {
				break
			}
			j += size
		}
		w := strings.ToLower(text[i:j])
		for _, q := range words {
			if w == q {
				flush(i)
				segs = append(segs, segment{Text: text[i:j], Mark: true})
				start = j
				break
			}
		}
		i = j
	}
	flush(len(text))
	return segs
}

// formArticle extracts the article of a page formPage read: text from a
// text field, bytes from an upload.
func formArticle(data []byte, text bool) (*article.Article, error) {
	if text {
		return ingest.Text(string(data), "", 0)
	}
	return ingest.Page(data, "", 0)
}

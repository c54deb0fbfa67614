package report

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"

	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/trace"
)

// CSS is the stylesheet of the HTML report: one palette for the server's
// pages and the self-contained file (Page). Verbatim is blue, edited green
// and paraphrase violet; red is kept for drifts alone, so a drift never
// reads as reuse.
//
//go:embed report.css
var CSS string

// JS links aligned sentences: pointing at one (or focusing it) highlights
// its partners. The server serves it as a file (its Content-Security-Policy
// forbids inline scripts); Page inlines it.
//
//go:embed report.js
var JS string

//go:embed report.html
var fragments string

// Templates holds the report's HTML fragments: "report" renders a *View;
// "verdict", "legend", "side" and "drifts" its parts. A page of one's own
// can add them to its template set with AddTo.
var templates = template.Must(template.New("report").Funcs(Funcs).Parse(fragments))

// Funcs are the template functions the fragments use, for a template set
// that includes them (AddTo).
var Funcs = template.FuncMap{
	"pct":  Percent,
	"when": When,
}

// AddTo adds the report's fragments to t, which must hold Funcs, so that
// t's own templates can use {{template "report" .}} on a *View.
func AddTo(t *template.Template) (*template.Template, error) {
	for _, tt := range templates.Templates() {
		if tt.Tree == nil || tt.Name() == "report-page" {
			continue
		}
		if _, err := t.AddParseTree(tt.Name(), tt.Tree); err != nil {
			return nil, fmt.Errorf("add report template %s: %w", tt.Name(), err)
		}
	}
	return t, nil
}

// Name names one side of a report for readers ("page A", "the traced
// page") with a link to a page that shows it, when there is one.
type Name struct {
	Name string
	Link string
}

// HTMLOptions tunes NewView and Page.
type HTMLOptions struct {
	// A and B name the two articles; zero means "page A" and "page B".
	A, B Name
	// Prefix makes element ids unique when a page shows several reports.
	Prefix string
}

// View is a compare report laid out for HTML: the original on the left,
// the derived article on the right, every sentence numbered from 1 and
// coloured by how it was reused.
type View struct {
	Relation, RelationLabel, RelationText, Direction string
	Similarity, SourceCoverage, DerivedSupport       float64
	Credits, Derived                                 bool
	// Truncated says only the start of a very long article was compared.
	Truncated bool
	// WordNet says WordNet's synonyms were used.
	WordNet                  bool
	Source, DerivedSide      SideView
	Drifts                   []DriftView
	AddedCount, OmittedCount int
}

// SideView is one article of a View.
type SideView struct {
	Role                                 string
	Title, Credit, Site, Published, Link string
	Sents                                []SentView
}

// SentView is one sentence of a SideView.
type SentView struct {
	ID, Label string
	// Kind is the CSS class: verbatim, edited, paraphrase, added, omitted,
	// or "" for a sentence of an unrelated pair.
	Kind  string
	Pairs string // space-separated ids of the aligned sentences
	Links []Link
	Parts []Part
	// Drifts are the drifts shown under the sentence (derived side).
	Drifts []DriftView
}

// Link points from a sentence to one it is aligned with.
type Link struct {
	ID, Label, Kind string
	Score           float64
}

// DriftView is one drift with its sentences' labels; a span missing on one
// side says what that side has instead.
type DriftView struct {
	Kind, SourceSpan, DerivedSpan, Explanation string
	SourceMissing, DerivedMissing              string
	SourceID, SourceLabel                      string
	DerivedID, DerivedLabel                    string
}

// relationLabels names relations for readers.
var relationLabels = map[trace.Relation]string{
	trace.Duplicate:     "Duplicate",
	trace.NearDuplicate: "Edited copy",
	trace.Rewrite:       "Rewrite",
	trace.Partial:       "Partial reuse",
	trace.SameStory:     "Same story, independent",
	trace.Unrelated:     "Unrelated",
}

// RelationLabel names a relation for a heading ("Edited copy").
func RelationLabel(r trace.Relation) string {
	if l, ok := relationLabels[r]; ok {
		return l
	}
	return string(r)
}

// kindRank orders alignment kinds by closeness, so that a sentence in
// several pairs is coloured by its closest one.
var kindRank = map[string]int{"paraphrase": 1, "edited": 2, "verbatim": 3}

// NewView lays out r. Sentence indices in r that fall outside the sentence
// lists are ignored rather than trusted.
func NewView(r *trace.Report, opts HTMLOptions) *View {
	a, b := opts.A, opts.B
	if a.Name == "" {
		a.Name = "page A"
	}
	if b.Name == "" {
		b.Name = "page B"
	}
	srcSide, derSide := r.Sides()
	sname, dname := names(r)
	srcName, derName := a, b
	if r.Source == trace.SourceB {
		srcName, derName = b, a
	}
	srcRole, derRole := "Original: "+srcName.Name, "Derived: "+derName.Name
	if r.Source != trace.SourceA && r.Source != trace.SourceB {
		srcRole, derRole = capitalize(a.Name), capitalize(b.Name)
	}
	v := &View{
		Relation:       string(r.Relation),
		RelationLabel:  RelationLabel(r.Relation),
		RelationText:   RelationText(r.Relation),
		Similarity:     r.Similarity,
		SourceCoverage: r.SourceCoverage,
		DerivedSupport: r.DerivedSupport,
		Credits:        r.CreditsSource,
		Derived:        r.Relation.Derived(),
		Truncated:      r.Truncated,
		WordNet:        r.WordNet,
		Source:         newSideView(srcRole, srcSide, srcName.Link, opts.Prefix+"s", sname),
		DerivedSide:    newSideView(derRole, derSide, derName.Link, opts.Prefix+"d", dname),
	}
	switch r.Source {
	case trace.SourceA:
		v.Direction = capitalize(a.Name) + " is the original; " + b.Name + " derives from it" + why(sourceEvidence(r, a.Name, b.Name)) + "."
	case trace.SourceB:
		v.Direction = capitalize(b.Name) + " is the original; " + a.Name + " derives from it" + why(sourceEvidence(r, b.Name, a.Name)) + "."
	default:
		v.Direction = "Neither is shown to derive from the other."
	}
	s, d := v.Source.Sents, v.DerivedSide.Sents
	links := func(from []SentView, i int, to []SentView, idx []int, kind string, score float64) {
		if i < 0 || i >= len(from) {
			return
		}
		for _, j := range idx {
			if j < 0 || j >= len(to) {
				continue
			}
			from[i].Links = append(from[i].Links, Link{ID: to[j].ID, Label: to[j].Label, Kind: kind, Score: score})
			from[i].Pairs = strings.TrimSpace(from[i].Pairs + " " + to[j].ID)
		}
		if from[i].Kind == "" || kindRank[kind] > kindRank[from[i].Kind] {
			from[i].Kind = kind
		}
	}
	for _, p := range r.Pairs {
		kind := string(p.Kind)
		if _, ok := kindRank[kind]; !ok {
			kind = "paraphrase"
		}
		for _, i := range p.Source {
			links(s, i, d, p.Derived, kind, p.Score)
		}
		for _, j := range p.Derived {
			links(d, j, s, p.Source, kind, p.Score)
		}
		// An edited copy shows the words it changed, as reuse checkers
		// do; a paraphrase changes too many to read that way.
		if kind == "edited" && len(p.Source) == 1 && len(p.Derived) == 1 {
			i, j := p.Source[0], p.Derived[0]
			if i >= 0 && i < len(s) && j >= 0 && j < len(d) {
				s[i].Parts, d[j].Parts = wordDiff(srcSide.Sentences[i], derSide.Sentences[j])
			}
		}
	}
	for _, j := range r.Unsupported {
		if j >= 0 && j < len(d) && d[j].Kind == "" {
			d[j].Kind = "added"
			v.AddedCount++
		}
	}
	for _, i := range r.Omitted {
		if i >= 0 && i < len(s) && s[i].Kind == "" {
			s[i].Kind = "omitted"
			v.OmittedCount++
		}
	}
	for _, dr := range r.Drifts {
		why := string(dr.Kind) + ": " + dr.Explanation
		dv := DriftView{Kind: string(dr.Kind), SourceSpan: dr.SourceSpan, DerivedSpan: dr.DerivedSpan, Explanation: dr.Explanation}
		if dr.SourceSpan == "" {
			dv.SourceMissing = missingSpan(dr, true)
		}
		if dr.DerivedSpan == "" {
			dv.DerivedMissing = missingSpan(dr, false)
		}
		if i := dr.SourceSentence; i >= 0 && i < len(s) {
			dv.SourceID, dv.SourceLabel = s[i].ID, s[i].Label
			s[i].Parts = markSpan(s[i].Parts, dr.SourceSpan, why)
		}
		if j := dr.DerivedSentence; j >= 0 && j < len(d) {
			dv.DerivedID, dv.DerivedLabel = d[j].ID, d[j].Label
			d[j].Parts = markSpan(d[j].Parts, dr.DerivedSpan, why)
			d[j].Drifts = append(d[j].Drifts, dv)
		}
		v.Drifts = append(v.Drifts, dv)
	}
	return v
}

func newSideView(role string, side *trace.Side, link, idPrefix, letter string) SideView {
	sv := SideView{Role: role, Title: side.Title, Credit: side.Credit, Site: side.Site, Published: side.Published, Link: link}
	for i, text := range side.Sentences {
		sv.Sents = append(sv.Sents, SentView{
			ID:    idPrefix + strconv.Itoa(i),
			Label: Label(letter, i),
			Parts: []Part{{Text: text}},
		})
	}
	return sv
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// markSpan marks the first occurrence of span in the parts not yet marked
// as a drift, matching exactly first and then ignoring case. A span that
// the sentence does not contain leaves it unchanged: the drift is still
// listed.
func markSpan(parts []Part, span, why string) []Part {
	span = strings.TrimSpace(span)
	if span == "" {
		return parts
	}
	for _, fold := range []bool{false, true} {
		for k, p := range parts {
			if p.Drift != "" {
				continue
			}
			at := -1
			if fold {
				at = indexFold(p.Text, span)
			} else {
				at = strings.Index(p.Text, span)
			}
			if at < 0 {
				continue
			}
			var split []Part
			if at > 0 {
				split = append(split, Part{Text: p.Text[:at], Changed: p.Changed})
			}
			split = append(split, Part{Text: p.Text[at : at+len(span)], Changed: p.Changed, Drift: why})
			if rest := p.Text[at+len(span):]; rest != "" {
				split = append(split, Part{Text: rest, Changed: p.Changed})
			}
			out := append([]Part{}, parts[:k]...)
			out = append(out, split...)
			return append(out, parts[k+1:]...)
		}
	}
	return parts
}

// indexFold is strings.Index ignoring case, for spans whose case differs
// from the sentence (a span taken from the start of another sentence). It
// returns -1 when lowering changes byte lengths, where offsets would not
// map back.
func indexFold(s, sub string) int {
	ls, lsub := strings.ToLower(s), strings.ToLower(sub)
	if len(ls) != len(s) || len(lsub) != len(sub) {
		return -1
	}
	return strings.Index(ls, lsub)
}

// Percent formats a 0..1 share as a percentage.
func Percent(x float64) string { return fmt.Sprintf("%.0f%%", x*100) }

// pageData is what the self-contained page template receives.
type pageData struct {
	View  *View
	CSS   template.CSS
	JS    template.JS
	Title string
}

// Page writes r as one self-contained HTML file: the report as the server
// shows it, with its stylesheet and script inline and nothing loaded from
// anywhere, to save or mail.
func Page(w io.Writer, r *trace.Report, opts HTMLOptions) error {
	v := NewView(r, opts)
	var buf bytes.Buffer
	err := templates.ExecuteTemplate(&buf, "report-page", pageData{
		View: v, CSS: template.CSS(CSS), JS: template.JS(JS),
		Title: "wiretrace compare: " + v.RelationLabel,
	})
	if err != nil {
		return fmt.Errorf("render report: %w", err)
	}
	_, err = buf.WriteTo(w)
	return err
}

// When formats a publication date for reading: "20 Aug 2026, 22:15 UTC",
// or "21 Aug 2026" when only the day is known. A date in another form is
// shown as it is.
func When(published string) string {
	if published == "" {
		return ""
	}
	t, ok := (&article.Article{Published: published}).PublishedTime()
	if !ok {
		return published
	}
	if len(published) <= len("2006-01-02") {
		return t.Format("2 Jan 2006")
	}
	return t.UTC().Format("2 Jan 2006, 15:04 UTC")
}

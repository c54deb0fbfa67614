package server

import (
	"fmt"

	"github.com/wiretrace/wiretrace/article"

	"strconv"
	"strings"
)

// reportJSON mirrors the stable JSON contract of a compare report (see
// DESIGN.md, `compare --json`). The UI reads reports through this contract,
// not through the trace package's Go types, so that the views depend only
// on what is promised to stay.
type reportJSON struct {
	A              sideJSON    `json:"a"`
	B              sideJSON    `json:"b"`
	Relation       string      `json:"relation"`
	Source         string      `json:"source"`
	Similarity     float64     `json:"similarity"`
	SourceCoverage float64     `json:"source_coverage"`
	DerivedSupport float64     `json:"derived_support"`
	Pairs          []pairJSON  `json:"pairs"`
	Unsupported    []int       `json:"unsupported"`
	Omitted        []int       `json:"omitted"`
	Drifts         []driftJSON `json:"drifts"`
	CreditsSource  bool        `json:"credits_source"`
	Truncated      bool        `json:"truncated"`
}

type sideJSON struct {
	Title     string   `json:"title"`
	Credit    string   `json:"credit"`
	URL       string   `json:"url"`
	Site      string   `json:"site"`
	Published string   `json:"published"`
	Sentences []string `json:"sentences"`
}

type pairJSON struct {
	Source  []int   `json:"source"`
	Derived []int   `json:"derived"`
	Score   float64 `json:"score"`
	Kind    string  `json:"kind"`
}

type driftJSON struct {
	Kind            string `json:"kind"`
	SourceSpan      string `json:"source_span"`
	DerivedSpan     string `json:"derived_span"`
	SourceSentence  int    `json:"source_sentence"`
	DerivedSentence int    `json:"derived_sentence"`
	Explanation     string `json:"explanation"`
}

// reportView is a compare report laid out for the side-by-side template:
// the original on the left, the derived page on the right.
type reportView struct {
	Relation, RelationLabel, Direction         string
	Similarity, SourceCoverage, DerivedSupport float64
	Credits                                    bool
	// Truncated says only the start of a very long article was compared.
	Truncated                bool
	Source, Derived          sideView
	Drifts                   []driftView
	AddedCount, OmittedCount int
}

type sideView struct {
	Role                                 string
	Title, Credit, Site, Published, Link string
	Sents                                []sentView
}

type sentView struct {
	ID, Label string
	// Kind is the CSS class: verbatim, edited, paraphrase, added, omitted,
	// or "" for a sentence of an unrelated pair.
	Kind     string
	Pairs    string // space-separated ids of the aligned sentences
	Links    []sentLink
	Segments []segment
	Drifts   []driftView
}

type sentLink struct {
	ID, Label, Kind string
	Score           float64
}

// segment is a run of a sentence's text, marked when it is a drift span.
type segment struct {
	Text string
	Mark bool
}

type driftView struct {
	Kind, SourceSpan, DerivedSpan, Explanation string
	SourceID, SourceLabel                      string
	DerivedID, DerivedLabel                    string
}

// relationLabels names relations for readers.
var relationLabels = map[string]string{
	"duplicate":      "Duplicate",
	"near_duplicate": "Edited copy",
	"rewrite":        "Rewrite",
	"partial":        "Partial reuse",
	"same_story":     "Same story, independent",
	"unrelated":      "Unrelated",
}

// relationPhrases says what a derived page is of its source, for a
// sentence ("this page is a rewrite of it").
var relationPhrases = map[string]string{
	"duplicate":      "a duplicate",
	"near_duplicate": "an edited copy",
	"rewrite":        "a rewrite",
	"partial":        "a partial reuse",
}

func relationPhrase(r string) string {
	if p, ok := relationPhrases[r]; ok {
		return p
	}
	return relationLabel(r)
}

func relationLabel(r string) string {
	if l, ok := relationLabels[r]; ok {
		return l
	}
	return r
}

// newReportView lays out rep. prefix makes element ids unique when a page
// shows several reports (a trace with many matches). Sentence indices in
// rep that fall outside the sentence lists are ignored rather than trusted.
//
// a and b name the two articles for readers ("page A", "the traced page")
// and link to pages of this server that show them, when they are indexed.
func newReportView(rep reportJSON, prefix string, a, b sideName) reportView {
	linkA, linkB := a.Link, b.Link
	src, der, srcLink, derLink := rep.A, rep.B, linkA, linkB
	srcRole, derRole := "Original", "Derived"
	switch rep.Source {
	case "b":
		src, der, srcLink, derLink = rep.B, rep.A, linkB, linkA
		srcRole, derRole = "Original: "+b.Name, "Derived: "+a.Name
	case "a":
		srcRole, derRole = "Original: "+a.Name, "Derived: "+b.Name
	default:
		srcRole, derRole = capitalize(a.Name), capitalize(b.Name)
	}
	v := reportView{
		Relation:       rep.Relation,
		RelationLabel:  relationLabel(rep.Relation),
		Similarity:     rep.Similarity,
		SourceCoverage: rep.SourceCoverage,
		DerivedSupport: rep.DerivedSupport,
		Credits:        rep.CreditsSource,
		Truncated:      rep.Truncated,
		Source:         newSideView(srcRole, src, srcLink, prefix+"s"),
		Derived:        newSideView(derRole, der, derLink, prefix+"d"),
	}
	switch rep.Source {
	case "a":
		v.Direction = capitalize(a.Name) + " is the original; " + b.Name + " derives from it."
	case "b":
		v.Direction = capitalize(b.Name) + " is the original; " + a.Name + " derives from it."
	default:
		v.Direction = "Neither is shown to derive from the other."
	}
	s, d := v.Source.Sents, v.Derived.Sents
	links := func(from []sentView, i int, to []sentView, idx []int, kind string, score float64) {
		if i < 0 || i >= len(from) {
			return
		}
		for _, j := range idx {
			if j < 0 || j >= len(to) {
				continue
			}
			from[i].Links = append(from[i].Links, sentLink{ID: to[j].ID, Label: to[j].Label, Kind: kind, Score: score})
			from[i].Pairs = strings.TrimSpace(from[i].Pairs + " " + to[j].ID)
		}
		if from[i].Kind == "" || kindRank[kind] > kindRank[from[i].Kind] {
			from[i].Kind = kind
		}
	}
	for _, p := range rep.Pairs {
		kind := p.Kind
		if _, ok := kindRank[kind]; !ok {
			kind = "paraphrase"
		}
		for _, i := range p.Source {
			links(s, i, d, p.Derived, kind, p.Score)
		}
		for _, j := range p.Derived {
			links(d, j, s, p.Source, kind, p.Score)
		}
	}
	for _, j := range rep.Unsupported {
		if j >= 0 && j < len(d) && d[j].Kind == "" {
			d[j].Kind = "added"
			v.AddedCount++
		}
	}
	for _, i := range rep.Omitted {
		if i >= 0 && i < len(s) && s[i].Kind == "" {
			s[i].Kind = "omitted"
			v.OmittedCount++
		}
	}
	for _, dr := range rep.Drifts {
		dv := driftView{Kind: dr.Kind, SourceSpan: dr.SourceSpan, DerivedSpan: dr.DerivedSpan, Explanation: dr.Explanation}
		if i := dr.SourceSentence; i >= 0 && i < len(s) {
			dv.SourceID, dv.SourceLabel = s[i].ID, s[i].Label
			s[i].Segments = markSpan(s[i].Segments, dr.SourceSpan)
		}
		if j := dr.DerivedSentence; j >= 0 && j < len(d) {
			dv.DerivedID, dv.DerivedLabel = d[j].ID, d[j].Label
			d[j].Segments = markSpan(d[j].Segments, dr.DerivedSpan)
			d[j].Drifts = append(d[j].Drifts, dv)
		}
		v.Drifts = append(v.Drifts, dv)
	}
	return v
}

// sideName names one side of a report for readers, with a link to its
// document page when it is indexed.
type sideName struct {
	Name string
	Link string
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// kindRank orders alignment kinds by closeness, so that a sentence in
// several pairs is coloured by its closest one.
var kindRank = map[string]int{"paraphrase": 1, "edited": 2, "verbatim": 3}

func newSideView(role string, side sideJSON, link, idPrefix string) sideView {
	sv := sideView{Role: role, Title: side.Title, Credit: side.Credit, Site: side.Site, Published: side.Published, Link: link}
	letter := strings.ToUpper(idPrefix[len(idPrefix)-1:])
	for i, text := range side.Sentences {
		sv.Sents = append(sv.Sents, sentView{
			ID:       idPrefix + strconv.Itoa(i),
			Label:    letter + strconv.Itoa(i+1),
			Segments: []segment{{Text: text}},
		})
	}
	return sv
}

// markSpan marks the first occurrence of span in the unmarked segments,
// matching exactly first and then ignoring case. A span that the sentence
// does not contain leaves it unchanged: the drift is still listed.
func markSpan(segs []segment, span string) []segment {
	span = strings.TrimSpace(span)
	if span == "" {
		return segs
	}
	for _, fold := range []bool{false, true} {
		for k, sg := range segs {
			if sg.Mark {
				continue
			}
			at := -1
			if fold {
				at = indexFold(sg.Text, span)
			} else {
				at = strings.Index(sg.Text, span)
			}
			if at < 0 {
				continue
			}
			parts := []segment{}
			if at > 0 {
				parts = append(parts, segment{Text: sg.Text[:at]})
			}
			parts = append(parts, segment{Text: sg.Text[at : at+len(span)], Mark: true})
			if rest := sg.Text[at+len(span):]; rest != "" {
				parts = append(parts, segment{Text: rest})
			}
			out := append([]segment{}, segs[:k]...)
			out = append(out, parts...)
			return append(out, segs[k+1:]...)
		}
	}
	return segs
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

// when formats a publication date for reading: "20 Aug 2026, 22:15 UTC",
// or "21 Aug 2026" when only the day is known. A date in another form is
// shown as it is.
func when(published string) string {
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

// pct formats a 0..1 share as a percentage.
func pct(x float64) string {
	return fmt.Sprintf("%.0f%%", x*100)
}

// humanBytes formats a byte count for the forms' hints.
func humanBytes(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

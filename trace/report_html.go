package trace

import (
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/wiretrace/wiretrace/drift"
)

// htmlSentence is one sentence as the HTML report shows it.
type htmlSentence struct {
	ID    string // "s3" (source side) or "d5" (derived side)
	Index int
	// Class is the pair kind (verbatim, edited, paraphrase), "unsupported"
	// or "omitted".
	Class string
	// Group is the pair number, -1 when unpaired; Partners are the other
	// side's sentence ids in the pair.
	Group    int
	Partners string
	Score    string
	Parts    []htmlPart
	Drifts   []drift.Drift
}

// htmlPart is a run of a sentence, highlighted when it is a drift span.
type htmlPart struct {
	Text  string
	Drift string // explanation when the run is a drifted span
}

type htmlColumn struct {
	Label     string // "A (source)"
	Side      *Side
	Sentences []htmlSentence
}

type htmlView struct {
	R                   *Report
	Source, Derived     htmlColumn
	RelationText        string
	SrcName, DerName    string
	CreditText          string
	SourceText          string
	Coverage, Support   string
	Similarity          string
	UnsupportedN, OmitN int
}

// WriteHTML writes r as one self-contained HTML page: both articles side by
// side, aligned sentences linked (hover or click one to see its partners)
// and coloured by kind, unsupported and omitted sentences marked, and each
// drift highlighted in both sentences with its explanation.
func (r *Report) WriteHTML(w io.Writer) error {
	src, der := r.sides()
	sname, dname := "A", "B"
	if r.Source == SourceB {
		sname, dname = "B", "A"
	}
	role := func(name string, isSource bool) string {
		switch {
		case r.Source == SourceUnknown:
			return name
		case isSource:
			return name + " · source"
		default:
			return name + " · derived"
		}
	}
	v := htmlView{
		R:            r,
		Source:       htmlColumn{Label: role(sname, true), Side: src},
		Derived:      htmlColumn{Label: role(dname, false), Side: der},
		RelationText: relationText[r.Relation],
		SrcName:      sname, DerName: dname,
		Coverage:     fmt.Sprintf("%.0f%%", 100*r.SourceCoverage),
		Support:      fmt.Sprintf("%.0f%%", 100*r.DerivedSupport),
		Similarity:   fmt.Sprintf("%.2f", r.Similarity),
		UnsupportedN: len(r.Unsupported), OmitN: len(r.Omitted),
	}
	switch {
	case !r.Relation.Derived():
		v.CreditText = "not applicable"
	case r.CreditsSource:
		v.CreditText = "yes"
	default:
		v.CreditText = "no — the original is not credited"
	}
	switch r.Source {
	case SourceA:
		v.SourceText = "A is the original"
	case SourceB:
		v.SourceText = "B is the original"
	default:
		v.SourceText = "unknown"
	}
	v.Source.Sentences = htmlSentences(src, "s", "d", r, true)
	v.Derived.Sentences = htmlSentences(der, "d", "s", r, false)
	return htmlReport.Execute(w, v)
}

func htmlSentences(s *Side, prefix, other string, r *Report, isSource bool) []htmlSentence {
	out := make([]htmlSentence, len(s.Sentences))
	for i, text := range s.Sentences {
		class := "omitted"
		if !isSource {
			class = "unsupported"
		}
		out[i] = htmlSentence{ID: fmt.Sprintf("%s%d", prefix, i), Index: i, Class: class, Group: -1}
		var spans []string
		for _, d := range r.Drifts {
			if isSource && d.SourceSentence == i {
				out[i].Drifts = append(out[i].Drifts, d)
				spans = append(spans, d.SourceSpan)
			}
			if !isSource && d.DerivedSentence == i {
				out[i].Drifts = append(out[i].Drifts, d)
				spans = append(spans, d.DerivedSpan)
			}
		}
		out[i].Parts = highlight(text, spans, out[i].Drifts)
	}
	for g, p := range r.Pairs {
		mine, theirs := p.Source, p.Derived
		if !isSource {
			mine, theirs = p.Derived, p.Source
		}
		ids := make([]string, len(theirs))
		for k, j := range theirs {
			ids[k] = fmt.Sprintf("%s%d", other, j)
		}
		for _, i := range mine {
			if i < 0 || i >= len(out) {
				continue
			}
			out[i].Class = string(p.Kind)
			out[i].Group = g
			out[i].Partners = strings.Join(ids, " ")
			out[i].Score = fmt.Sprintf("%.2f", p.Score)
		}
	}
	return out
}

// highlight splits text into runs, marking the first occurrence of each
// drift span with its explanation.
func highlight(text string, spans []string, ds []drift.Drift) []htmlPart {
	type mark struct {
		start, end int
		why        string
	}
	var marks []mark
	for k, sp := range spans {
		if sp == "" {
			continue
		}
		at := strings.Index(text, sp)
		if at < 0 {
			continue
		}
		m := mark{at, at + len(sp), string(ds[k].Kind) + ": " + ds[k].Explanation}
		overlap := false
		for _, o := range marks {
			if m.start < o.end && o.start < m.end {
				overlap = true
			}
		}
		if !overlap {
			marks = append(marks, m)
		}
	}
	// Order marks by position (few per sentence: insertion sort).
	for i := 1; i < len(marks); i++ {
		for j := i; j > 0 && marks[j].start < marks[j-1].start; j-- {
			marks[j], marks[j-1] = marks[j-1], marks[j]
		}
	}
	var out []htmlPart
	pos := 0
	for _, m := range marks {
		if m.start > pos {
			out = append(out, htmlPart{Text: text[pos:m.start]})
		}
		out = append(out, htmlPart{Text: text[m.start:m.end], Drift: m.why})
		pos = m.end
	}
	if pos < len(text) {
		out = append(out, htmlPart{Text: text[pos:]})
	}
	return out
}

var htmlReport = template.Must(template.New("report").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>wiretrace compare: {{.R.Relation}}</title>
<style>
:root { --verbatim:#cfe3ff; --edited:#d4f5d4; --paraphrase:#e6dcff; --unsupported:#ffe3b3; --omitted:#eeeeee; --drift:#ff6b6b; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; color: #222; background: #fafafa; }
header { padding: 16px 24px; background: #fff; border-bottom: 1px solid #ddd; }
h1 { font-size: 20px; margin: 0 0 6px; }
.rel { display: inline-block; padding: 2px 10px; border-radius: 12px; background: #333; color: #fff; font-weight: 600; }
.facts { color: #555; margin: 6px 0 0; }
.facts b { color: #222; }
.legend span { display: inline-block; padding: 0 8px; margin-right: 6px; border-radius: 4px; font-size: 13px; }
main { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; padding: 16px 24px; }
.col { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 12px 16px; }
.col h2 { font-size: 16px; margin: 0 0 4px; }
.col .meta { color: #666; font-size: 13px; margin-bottom: 10px; }
.s { display: block; padding: 4px 8px; margin: 3px 0; border-radius: 4px; border-left: 4px solid transparent; cursor: pointer; }
.s .n { color: #888; font-size: 12px; margin-right: 6px; }
.verbatim { background: var(--verbatim); } .edited { background: var(--edited); } .paraphrase { background: var(--paraphrase); }
.unsupported { background: var(--unsupported); border-left-color: #e69500; }
.omitted { background: var(--omitted); color: #777; }
.s.hl { outline: 2px solid #333; }
mark.drift { background: none; border-bottom: 3px solid var(--drift); color: inherit; font-weight: 600; }
.s.has-drift { border-left-color: var(--drift); }
.dnote { display: block; font-size: 12px; color: #b00020; }
section.drifts { padding: 0 24px 24px; }
section.drifts table { border-collapse: collapse; background: #fff; width: 100%; }
section.drifts td, section.drifts th { border: 1px solid #ddd; padding: 6px 8px; text-align: left; vertical-align: top; }
@media (max-width: 800px) { main { grid-template-columns: 1fr; } }
</style>
</head>
<body>
<header>
<h1>wiretrace compare <span class="rel">{{.R.Relation}}</span></h1>
<div>{{.RelationText}}</div>
<div class="facts">Source: <b>{{.SourceText}}</b> · similarity <b>{{.Similarity}}</b> · source coverage <b>{{.Coverage}}</b> · derived support <b>{{.Support}}</b> · credits the source: <b>{{.CreditText}}</b> · drifts <b>{{len .R.Drifts}}</b> · unsupported <b>{{.UnsupportedN}}</b> · omitted <b>{{.OmitN}}</b></div>
{{if .R.Truncated}}<div class="facts">An article was too long: only its start was compared.</div>
{{end}}<div class="facts legend"><span class="verbatim">verbatim</span><span class="edited">edited</span><span class="paraphrase">paraphrase</span><span class="unsupported">unsupported (added)</span><span class="omitted">omitted (dropped)</span><mark class="drift">drift</mark></div>
</header>
<main>
{{template "col" .Source}}
{{template "col" .Derived}}
</main>
{{if .R.Drifts}}
<section class="drifts">
<h2>Drifts: facts changed on the way</h2>
<table>
<tr><th>kind</th><th>{{.SrcName}} (source)</th><th>{{.DerName}} (derived)</th><th>explanation</th></tr>
{{range .R.Drifts}}<tr><td>{{.Kind}}</td><td><a href="#s{{.SourceSentence}}">{{.SourceSentence}}</a> {{.SourceSpan}}</td><td><a href="#d{{.DerivedSentence}}">{{.DerivedSentence}}</a> {{.DerivedSpan}}</td><td>{{.Explanation}}</td></tr>
{{end}}
</table>
</section>
{{end}}
<script>
(function () {
  var all = document.querySelectorAll('.s');
  function ids(el) { return (el.getAttribute('data-partners') || '').split(' ').filter(Boolean); }
  function mark(el, on) {
    el.classList.toggle('hl', on);
    ids(el).forEach(function (id) { var p = document.getElementById(id); if (p) p.classList.toggle('hl', on); });
  }
  all.forEach(function (el) {
    el.addEventListener('mouseenter', function () { mark(el, true); });
    el.addEventListener('mouseleave', function () { mark(el, false); });
    el.addEventListener('click', function () {
      var first = ids(el)[0];
      var p = first && document.getElementById(first);
      if (p) p.scrollIntoView({ behavior: 'smooth', block: 'center' });
    });
  });
})();
</script>
</body>
</html>
{{define "col"}}<div class="col">
<h2>{{.Label}}: {{if .Side.Title}}{{.Side.Title}}{{else}}(untitled){{end}}</h2>
<div class="meta">{{if .Side.Site}}{{.Side.Site}} · {{end}}{{if .Side.Published}}{{.Side.Published}} · {{end}}{{if .Side.Credit}}credit {{.Side.Credit}} · {{end}}{{len .Sentences}} sentences</div>
{{range .Sentences}}<span class="s {{.Class}}{{if .Drifts}} has-drift{{end}}" id="{{.ID}}" data-partners="{{.Partners}}" title="{{.Class}}{{if .Score}} {{.Score}}{{end}}"><span class="n">{{.Index}}</span>{{range .Parts}}{{if .Drift}}<mark class="drift" title="{{.Drift}}">{{.Text}}</mark>{{else}}{{.Text}}{{end}}{{end}}{{range .Drifts}}<span class="dnote">{{.Kind}}: {{.Explanation}}</span>{{end}}</span>
{{end}}</div>{{end}}
`))

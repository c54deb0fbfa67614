package report

import (
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/wiretrace/wiretrace/drift"
	"github.com/wiretrace/wiretrace/trace"
)

// TextOptions tunes Text and TraceText.
type TextOptions struct {
	// Color adds ANSI colours; set it when writing to a terminal.
	Color bool
	// Width is the most characters of a sentence to show; 0 means 110.
	// Full shows every sentence whole instead.
	Width int
	Full  bool
	// HideScores leaves out the similarity and the pair scores, which move
	// with every refit of the sentence similarity, so that a golden report
	// pins the decisions only.
	HideScores bool
	// All prints, in TraceText, the full report of every match, not only
	// the first.
	All bool
}

const (
	ansiReset     = "\x1b[0m"
	ansiBold      = "\x1b[1m"
	ansiDim       = "\x1b[2m"
	ansiRed       = "\x1b[31m"
	ansiGreen     = "\x1b[32m"
	ansiYellow    = "\x1b[33m"
	ansiBlue      = "\x1b[34m"
	ansiMagenta   = "\x1b[35m"
	ansiUnderline = "\x1b[4m"
)

// ansiCodes are every code Text writes, for tests that strip them.
var ansiCodes = []string{ansiReset, ansiBold, ansiDim, ansiRed, ansiGreen, ansiYellow, ansiBlue, ansiMagenta, ansiUnderline}

// kindANSI colours the alignment kinds in the terminal as the HTML palette
// does: blue verbatim, green edited, magenta paraphrase; red is kept for
// drifts.
var kindANSI = map[string]string{"verbatim": ansiBlue, "edited": ansiGreen, "paraphrase": ansiMagenta}

// RelationText says in words what a relation means for the reader.
func RelationText(r trace.Relation) string {
	switch r {
	case trace.Duplicate:
		return "the same text"
	case trace.NearDuplicate:
		return "a copy with small edits"
	case trace.Rewrite:
		return "a rewrite: the source carried sentence by sentence in new words"
	case trace.Partial:
		return "partial reuse: some of the source inside a different article"
	case trace.SameStory:
		return "independent reporting of the same story"
	}
	return "unrelated"
}

// names returns the letters of the source and derived sides of r.
func names(r *trace.Report) (src, der string) {
	if r.Source == trace.SourceB {
		return "B", "A"
	}
	return "A", "B"
}

// Label names sentence i (0-based, as the JSON indexes it) of the side
// called name for people: "A1" is A's first sentence, "A—" none (-1).
func Label(name string, i int) string {
	if i < 0 {
		return name + "—" // no sentence of that side (drift.Drift)
	}
	return fmt.Sprintf("%s%d", name, i+1)
}

// missingSpan says what one side has where the other has a drifted fact
// it lacks: an entity drift is a name the source never has.
func missingSpan(d drift.Drift, sourceSide bool) string {
	switch {
	case sourceSide && d.Kind == drift.Entity:
		return "no such name in the source"
	case sourceSide:
		return "not in the source"
	}
	return "not in the derived article"
}

// Text writes r as a readable terminal report. Sentences are numbered from
// 1; an edited pair shows the words that changed.
func Text(w io.Writer, r *trace.Report, opts TextOptions) error {
	width := opts.Width
	if width <= 0 {
		width = 110
	}
	c := func(code, s string) string {
		if !opts.Color {
			return s
		}
		return code + s + ansiReset
	}
	var b strings.Builder
	label := func(name string, s *trace.Side) {
		fmt.Fprintf(&b, "%s %s\n", c(ansiBold, name+":"), orDash(printable(s.Title)))
		var meta []string
		for _, m := range []struct{ k, v string }{{"site", s.Site}, {"published", s.Published}, {"credit", s.Credit}, {"url", s.URL}} {
			if m.v != "" {
				meta = append(meta, m.k+" "+printable(m.v))
			}
		}
		meta = append(meta, fmt.Sprintf("%d sentences", len(s.Sentences)))
		fmt.Fprintf(&b, "   %s\n", c(ansiDim, strings.Join(meta, " · ")))
	}
	label("A", &r.A)
	label("B", &r.B)
	if r.Truncated {
		fmt.Fprintf(&b, "   %s\n", c(ansiYellow, "(an article was too long: only its start was compared)"))
	}
	b.WriteString("\n")

	relColor := ansiGreen
	if r.Relation.Derived() {
		relColor = ansiYellow
	}
	fmt.Fprintf(&b, "%s %s — %s\n", c(ansiBold, "Relation:"), c(relColor+ansiBold, string(r.Relation)), RelationText(r.Relation))
	switch r.Source {
	case trace.SourceA:
		b.WriteString(c(ansiBold, "Source:  ") + " A is the original, B derives from it" + why(sourceEvidence(r, "A", "B")) + "\n")
	case trace.SourceB:
		b.WriteString(c(ansiBold, "Source:  ") + " B is the original, A derives from it" + why(sourceEvidence(r, "B", "A")) + "\n")
	default:
		b.WriteString(c(ansiBold, "Source:  ") + " unknown\n")
	}
	credit := "no"
	if r.CreditsSource {
		credit = "yes"
	}
	if !r.Relation.Derived() {
		credit = "n/a"
	}
	if !opts.HideScores {
		fmt.Fprintf(&b, "Similarity %.2f · ", r.Similarity)
	}
	fmt.Fprintf(&b, "source coverage %.2f · derived support %.2f · credits source: %s\n",
		r.SourceCoverage, r.DerivedSupport, credit)
	if r.WordNet {
		b.WriteString(c(ansiDim, "(synonyms: the built-in thesaurus and WordNet)") + "\n")
	}

	src, der := r.Sides()
	sname, dname := names(r)
	clip := func(s string) string {
		s = printable(s)
		if opts.Full {
			return s
		}
		return clipRunes(s, width)
	}
	sentence := func(s *trace.Side, i int) string {
		if i < 0 || i >= len(s.Sentences) {
			return ""
		}
		return clip(s.Sentences[i])
	}
	// diffed shows a sentence with its changed words marked: coloured on
	// a terminal, [-deleted-] and {+inserted+} otherwise, as word diffs
	// print.
	diffed := func(ps []Part, ins bool) string {
		var out strings.Builder
		for _, p := range ps {
			t := printable(p.Text)
			switch {
			case !p.Changed:
				out.WriteString(t)
			case opts.Color:
				out.WriteString(c(ansiUnderline+ansiBold, t))
			case ins:
				out.WriteString("{+" + t + "+}")
			default:
				out.WriteString("[-" + t + "-]")
			}
		}
		s := out.String()
		if opts.Full || opts.Color {
			return s
		}
		return clipRunes(s, width+20)
	}

	if len(r.Drifts) > 0 {
		fmt.Fprintf(&b, "\n%s\n", c(ansiBold, fmt.Sprintf("Drifts (%d): facts changed on the way", len(r.Drifts))))
		for _, d := range r.Drifts {
			ss, ds := quoteSpan(d.SourceSpan), quoteSpan(d.DerivedSpan)
			if d.SourceSpan == "" {
				ss = "(" + missingSpan(d, true) + ")"
			}
			if d.DerivedSpan == "" {
				ds = "(" + missingSpan(d, false) + ")"
			}
			fmt.Fprintf(&b, "  %s %s %s → %s %s\n      %s\n", c(ansiRed+ansiBold, fmt.Sprintf("%-8s", d.Kind)),
				Label(sname, d.SourceSentence), ss, Label(dname, d.DerivedSentence), ds, printable(d.Explanation))
		}
	}

	if len(r.Pairs) > 0 {
		fmt.Fprintf(&b, "\n%s\n", c(ansiBold, fmt.Sprintf("Aligned (%d groups, %s → %s)", len(r.Pairs), sname, dname)))
		for _, p := range r.Pairs {
			score := ""
			if !opts.HideScores {
				score = c(ansiDim, fmt.Sprintf(" score %.2f", p.Score))
			}
			kind := string(p.Kind)
			if score != "" {
				kind = fmt.Sprintf("%-10s", p.Kind)
			}
			fmt.Fprintf(&b, "  %s%s\n", c(kindANSI[string(p.Kind)], kind), score)
			if p.Kind == "edited" && len(p.Source) == 1 && len(p.Derived) == 1 && inRange(src, p.Source[0]) && inRange(der, p.Derived[0]) {
				ps, pd := wordDiff(src.Sentences[p.Source[0]], der.Sentences[p.Derived[0]])
				fmt.Fprintf(&b, "     %-4s %s\n", Label(sname, p.Source[0]), diffed(ps, false))
				fmt.Fprintf(&b, "     %-4s %s\n", Label(dname, p.Derived[0]), diffed(pd, true))
				continue
			}
			for _, i := range p.Source {
				fmt.Fprintf(&b, "     %-4s %s\n", Label(sname, i), sentence(src, i))
			}
			for _, j := range p.Derived {
				fmt.Fprintf(&b, "     %-4s %s\n", Label(dname, j), sentence(der, j))
			}
		}
	}
	if len(r.Unsupported) > 0 {
		fmt.Fprintf(&b, "\n%s\n", c(ansiBold, fmt.Sprintf("Unsupported in %s (%d): nothing in %s backs them", dname, len(r.Unsupported), sname)))
		for _, j := range r.Unsupported {
			fmt.Fprintf(&b, "  %s %s\n", c(ansiYellow, fmt.Sprintf("%-4s", Label(dname, j))), sentence(der, j))
		}
	}
	if len(r.Omitted) > 0 {
		fmt.Fprintf(&b, "\n%s\n", c(ansiBold, fmt.Sprintf("Omitted from %s (%d): not carried into %s", sname, len(r.Omitted), dname)))
		for _, i := range r.Omitted {
			fmt.Fprintf(&b, "  %s %s\n", c(ansiDim, fmt.Sprintf("%-4s", Label(sname, i))), sentence(src, i))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func inRange(s *trace.Side, i int) bool { return i >= 0 && i < len(s.Sentences) }

// originText says what Match.Original means for the traced page.
var originText = map[string]string{
	trace.OriginalMatch:    "the source of this page",
	trace.OriginalDocument: "derived from this page",
	trace.OriginalUnknown:  "direction unknown",
}

// ByIndexText says why a match the comparison alone found unrelated is
// one story with the traced page (trace.Match.ByIndex).
const ByIndexText = "one story by the index's evidence: the comparison alone finds the two unrelated, " +
	"but among all candidates this one stands out as holding the traced page's subject"

// TraceText writes a trace result for a person: one line per match, then
// the report of the first match (of every match with opts.All). In each
// report A is the indexed match and B the traced page.
func TraceText(w io.Writer, res *trace.Result, opts TextOptions) error {
	var b strings.Builder
	d := res.Document
	fmt.Fprintf(&b, "Traced: %s\n", orUnknown(printable(d.Title)))
	if d.URL != "" {
		fmt.Fprintf(&b, "        %s\n", printable(d.URL))
	}
	if len(res.Matches) == 0 {
		b.WriteString("\nNo related article in the index.\n")
		_, err := io.WriteString(w, b.String())
		return err
	}
	fmt.Fprintf(&b, "\n%d related article(s) in the index:\n\n", len(res.Matches))
	for i, m := range res.Matches {
		fmt.Fprintf(&b, "%2d. %-14s similarity %.2f  %s\n", i+1, m.Relation, m.Similarity, originText[m.Original])
		fmt.Fprintf(&b, "    %s\n", orUnknown(printable(m.Title)))
		if m.ByIndex {
			fmt.Fprintf(&b, "    %s\n", ByIndexText)
		}
		if m.URL != "" || m.Published != "" {
			fmt.Fprintf(&b, "    %s  %s\n", orUnknown(printable(m.URL)), printable(m.Published))
		}
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}
	for i := range res.Matches {
		if i > 0 && !opts.All {
			break
		}
		fmt.Fprintf(w, "\n── Report %d: %s (A: the indexed article, B: the traced page) ──\n\n", i+1, orUnknown(printable(res.Matches[i].Title)))
		if err := Text(w, &res.Matches[i].Report, opts); err != nil {
			return err
		}
	}
	return nil
}

func orUnknown(s string) string {
	if s == "" {
		return "(unknown)"
	}
	return s
}

// quoteSpan quotes a drift span.
func quoteSpan(s string) string { return fmt.Sprintf("%q", s) }

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// printable replaces the control characters of page text (tabs and line
// breaks included) with a space or U+FFFD: a page must not drive the
// reader's terminal. Text extraction keeps ESC and other stray controls
// that real pages hold, and an escape sequence in a title or a sentence
// could recolour the report, retitle the window or write the clipboard
// (OSC 52).
func printable(s string) string {
	clean := true
	for _, r := range s {
		if unicode.IsControl(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return ' '
		case unicode.IsControl(r):
			return utf8.RuneError
		}
		return r
	}, s)
}

// clipRunes shortens s to at most n runes, marking the cut.
func clipRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

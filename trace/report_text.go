package trace

import (
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// TextOptions tunes WriteText.
type TextOptions struct {
	// Color adds ANSI colours; set it when writing to a terminal.
	Color bool
	// Width is the most characters of a sentence to show; 0 means 110.
	Width int
	// HideScores leaves out the similarity and the pair scores, which move
	// with every refit of the sentence similarity, so that a golden report
	// pins the decisions only.
	HideScores bool
}

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiDim    = "\x1b[2m"
	ansiRed    = "\x1b[31m"
	ansiGreen  = "\x1b[32m"
	ansiYellow = "\x1b[33m"
	ansiBlue   = "\x1b[34m"
	ansiCyan   = "\x1b[36m"
)

// relationText says in words what a relation means for the reader.
var relationText = map[Relation]string{
	Duplicate:     "the same text",
	NearDuplicate: "a copy with small edits",
	Rewrite:       "a rewrite: the source carried sentence by sentence in new words",
	Partial:       "partial reuse: some of the source inside a different article",
	SameStory:     "independent reporting of the same story",
	Unrelated:     "unrelated",
}

// WriteText writes r as a readable terminal report.
func (r *Report) WriteText(w io.Writer, opts TextOptions) error {
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
	label := func(name string, s *Side) {
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
	switch r.Relation {
	case Duplicate, NearDuplicate, Rewrite, Partial:
		relColor = ansiYellow
	}
	fmt.Fprintf(&b, "%s %s — %s\n", c(ansiBold, "Relation:"), c(relColor+ansiBold, string(r.Relation)), relationText[r.Relation])
	switch r.Source {
	case SourceA:
		b.WriteString(c(ansiBold, "Source:  ") + " A is the original, B derives from it\n")
	case SourceB:
		b.WriteString(c(ansiBold, "Source:  ") + " B is the original, A derives from it\n")
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

	src, der := r.sides()
	sname, dname := "A", "B"
	if r.Source == SourceB {
		sname, dname = "B", "A"
	}
	sentence := func(s *Side, i int) string {
		if i < 0 || i >= len(s.Sentences) {
			return ""
		}
		return clipRunes(printable(s.Sentences[i]), width)
	}

	if len(r.Drifts) > 0 {
		fmt.Fprintf(&b, "\n%s\n", c(ansiBold, fmt.Sprintf("Drifts (%d): facts changed on the way", len(r.Drifts))))
		for _, d := range r.Drifts {
			fmt.Fprintf(&b, "  %s %s%d %s → %s%d %s\n      %s\n", c(ansiRed+ansiBold, fmt.Sprintf("%-8s", d.Kind)),
				sname, d.SourceSentence, quoteSpan(d.SourceSpan), dname, d.DerivedSentence, quoteSpan(d.DerivedSpan), printable(d.Explanation))
		}
	}

	if len(r.Pairs) > 0 {
		fmt.Fprintf(&b, "\n%s\n", c(ansiBold, fmt.Sprintf("Aligned (%d groups, %s → %s)", len(r.Pairs), sname, dname)))
		for _, p := range r.Pairs {
			kc := ansiCyan
			switch p.Kind {
			case "verbatim":
				kc = ansiBlue
			case "edited":
				kc = ansiGreen
			}
			score := ""
			if !opts.HideScores {
				score = c(ansiDim, fmt.Sprintf(" score %.2f", p.Score))
			}
			kind := string(p.Kind)
			if score != "" {
				kind = fmt.Sprintf("%-10s", p.Kind)
			}
			fmt.Fprintf(&b, "  %s%s\n", c(kc, kind), score)
			for _, i := range p.Source {
				fmt.Fprintf(&b, "     %s%-3d %s\n", sname, i, sentence(src, i))
			}
			for _, j := range p.Derived {
				fmt.Fprintf(&b, "     %s%-3d %s\n", dname, j, sentence(der, j))
			}
		}
	}
	if len(r.Unsupported) > 0 {
		fmt.Fprintf(&b, "\n%s\n", c(ansiBold, fmt.Sprintf("Unsupported in %s (%d): nothing in %s backs them", dname, len(r.Unsupported), sname)))
		for _, j := range r.Unsupported {
			fmt.Fprintf(&b, "  %s %s\n", c(ansiYellow, fmt.Sprintf("%s%-3d", dname, j)), sentence(der, j))
		}
	}
	if len(r.Omitted) > 0 {
		fmt.Fprintf(&b, "\n%s\n", c(ansiBold, fmt.Sprintf("Omitted from %s (%d): not carried into %s", sname, len(r.Omitted), dname)))
		for _, i := range r.Omitted {
			fmt.Fprintf(&b, "  %s %s\n", c(ansiDim, fmt.Sprintf("%s%-3d", sname, i)), sentence(src, i))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// quoteSpan quotes a drift span; an empty span (a fact on one side only)
// shows as a dash.
func quoteSpan(s string) string {
	if s == "" {
		return "—"
	}
	return fmt.Sprintf("%q", s)
}

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

package textproc

import "strings"

// negations finds negation cues: "not", "no", "never", "without", "denied"
// and the like, and any contraction ending in "n't".
func negations(toks []Token) []Negation {
	var out []Negation
	for _, t := range toks {
		if t.Kind != Word {
			continue
		}
		switch {
		case len(t.Lower) <= 8 && negationCues[t.Lower]:
			out = append(out, Negation{Cue: t.Lower, Span: t.Span})
		case strings.HasSuffix(t.Lower, "n't"):
			out = append(out, Negation{Cue: "n't", Span: Span{t.End - len("n't") - extraBytes(t.Text), t.End}})
		}
	}
	return out
}

// extraBytes is how many more bytes the apostrophe of "n't" takes in s than
// a straight one (a curly apostrophe is three bytes).
func extraBytes(s string) int {
	if strings.HasSuffix(s, "n’t") {
		return len("’") - 1
	}
	return 0
}

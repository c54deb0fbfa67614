package textproc

import "strings"

// negations finds negation cues: "not", "no", "never", "without", "denied"
// and the like, any contraction ending in "n't" (or written without its
// apostrophe: "dont", "isnt"), and verbs and nouns that negate what
// follows them ("failed to", "declined to comment", "refusal", "unless"),
// and "short of" ("fell short of the target" is "did not meet it"). "Or not"
// ("whether or not"), "nothing but" and "nothing short of" negate nothing.
// They are appended to out.
func negations(out []Negation, toks []Token) []Negation {
	next := func(k int) string {
		if k+1 < len(toks) {
			return toks[k+1].Lower
		}
		return ""
	}
	for k := range toks {
		t := &toks[k]
		if t.Kind != Word {
			continue
		}
		switch {
		case t.Lower == "not" && k > 0 && toks[k-1].Lower == "or",
			t.Lower == "nothing" && (next(k) == "but" || next(k) == "short"):
			continue
		case t.Lower == "short" && next(k) == "of":
			if k == 0 || toks[k-1].Lower != "nothing" {
				out = append(out, Negation{Cue: "short of", Span: t.Span})
			}
		case negationCueShapes.may(t.Lower) && negationCues[t.Lower]:
			out = append(out, Negation{Cue: t.Lower, Span: t.Span})
		case strings.HasSuffix(t.Lower, "n't"):
			out = append(out, Negation{Cue: "n't", Span: Span{t.End - len("n't") - extraBytes(t.Text), t.End}})
		case strings.HasSuffix(t.Lower, "nt") && bareContractions[t.Lower]:
			out = append(out, Negation{Cue: "n't", Span: Span{t.End - len("nt"), t.End}})
		case (next(k) == "to" || next(k) == "comment") && negatingVerbs[t.Lower]:
			out = append(out, Negation{Cue: t.Lower, Span: t.Span})
		}
	}
	return out
}

// negationCueShapes are the shapes of the negation cues.
var negationCueShapes = shapesOf(negationCues)

// bareContractions are negative contractions written without their
// apostrophe, as wire copy stripped of punctuation often has them.
var bareContractions = setOf("dont", "doesnt", "didnt", "isnt", "wasnt", "arent", "werent",
	"havent", "hasnt", "hadnt", "wont", "cant", "couldnt", "shouldnt", "wouldnt", "mustnt")

// negatingVerbs negate the verb after "to" ("failed to meet" is "did not
// meet", "declined to comment" is "no comment"); alone they say nothing
// negative ("sales declined").
var negatingVerbs = setOf("fail", "fails", "failed", "failing", "failure", "decline", "declines",
	"declined", "declining", "refusal")

// extraBytes is how many more bytes the apostrophe of "n't" takes in s than
// a straight one (a curly apostrophe is three bytes).
func extraBytes(s string) int {
	if strings.HasSuffix(s, "n’t") {
		return len("’") - 1
	}
	return 0
}

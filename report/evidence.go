package report

import (
	"strings"

	"github.com/wiretrace/wiretrace/trace"
)

// sourceEvidence phrases a report's SourceEvidence for people: why orig
// (the source side's name) is taken for the original and derived for the
// copy. Each code is phrased as what its direction feature measures
// (trace.DirectionFeatureNames: positive when it points to a as the
// original; Compare names a feature only when its value points the
// decided way); an unknown code is left out.
func sourceEvidence(r *trace.Report, orig, derived string) string {
	var out []string
	for _, code := range r.SourceEvidence {
		var s string
		switch code {
		case trace.EvidencePublished:
			s = orig + " was published first"
		case "log_length_ratio":
			s = orig + " is longer; " + derived + " condenses it"
		case "own_anchors":
			s = orig + " has figures and names " + derived + " lacks"
		case "own_specific":
			s = orig + " has rare words " + derived + " lacks"
		case "padding_diff":
			s = derived + " adds generic padding"
		case "dense_diff":
			s = orig + " is denser in facts"
		case "credit":
			s = "only " + orig + " carries a credit line"
		case "aligned_diff":
			s = orig + " backs more of " + derived + " than " + derived + " backs of " + orig
		case "word_length_diff":
			s = derived + " uses longer words"
		case "style_diff":
			s = derived + " reads more like a language model's rewrite"
		case "dateline":
			s = "only " + orig + " carries a dateline"
		case "generic_byline":
			s = derived + " is signed by a desk, not a writer"
		}
		if s != "" {
			out = append(out, s)
		}
	}
	return strings.Join(out, "; ")
}

// why is the evidence s as a trailing clause: " (s)", or nothing.
func why(s string) string {
	if s == "" {
		return ""
	}
	return " (" + s + ")"
}

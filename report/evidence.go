package report

import (
	"fmt"
	"strings"

	"github.com/wiretrace/wiretrace/trace"
)

// evidencePhrases phrase each code Compare may give as SourceEvidence, %[1]s
// the original's name and %[2]s the copy's: what its direction feature
// measures (trace.DirectionFeatureNames, each positive when it points to
// a as the original; Compare names a feature only when its value points
// the decided way).
var evidencePhrases = map[string]string{
	trace.EvidencePublished: "%[1]s was published first",
	"log_length_ratio":      "%[1]s is longer; %[2]s condenses it",
	"own_anchors":           "%[1]s has figures and names %[2]s lacks",
	"own_specific":          "%[1]s has rare words %[2]s lacks",
	"padding_diff":          "%[2]s adds generic padding",
	"dense_diff":            "%[1]s is denser in facts",
	"credit":                "only %[1]s carries a credit line",
	"aligned_diff":          "%[1]s backs more of %[2]s than %[2]s backs of %[1]s",
	"word_length_diff":      "%[2]s uses longer words",
	"style_diff":            "%[2]s reads more like a language model's rewrite",
	"dateline":              "only %[1]s carries a dateline",
	"generic_byline":        "%[2]s is signed by a desk, not a writer",
}

// sourceEvidence phrases a report's SourceEvidence for people: why orig
// (the source side's name) is taken for the original and derived for the
// copy, in the report's order; an unknown code is left out.
func sourceEvidence(r *trace.Report, orig, derived string) string {
	var out []string
	for _, code := range r.SourceEvidence {
		if p, ok := evidencePhrases[code]; ok {
			out = append(out, fmt.Sprintf(p, orig, derived))
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

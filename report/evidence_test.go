package report

import (
	"strings"
	"testing"

	"github.com/wiretrace/wiretrace/trace"
)

// TestSourceEvidence checks that every code Compare may give as
// SourceEvidence has its phrase, naming the sides it is given, and that
// the phrases join in the report's order.
func TestSourceEvidence(t *testing.T) {
	codes := append([]string{trace.EvidencePublished}, trace.DirectionFeatureNames...)
	for _, code := range codes {
		r := &trace.Report{SourceEvidence: []string{code}}
		got := sourceEvidence(r, "ORIG", "COPY")
		if got == "" || strings.Contains(got, "%!") {
			t.Errorf("no phrase, or a broken one, for source evidence %q: %q", code, got)
			continue
		}
		if !strings.Contains(got, "ORIG") && !strings.Contains(got, "COPY") {
			t.Errorf("phrase for %q names neither side: %q", code, got)
		}
	}
	r := &trace.Report{SourceEvidence: []string{"style_diff", trace.EvidencePublished, "no_such_code"}}
	want := "COPY reads more like a language model's rewrite; ORIG was published first"
	if got := sourceEvidence(r, "ORIG", "COPY"); got != want {
		t.Errorf("sourceEvidence = %q, want %q", got, want)
	}
	if got := why(""); got != "" {
		t.Errorf("why(\"\") = %q, want nothing", got)
	}
}

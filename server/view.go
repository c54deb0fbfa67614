package server

import (
	"fmt"

	"github.com/wiretrace/wiretrace/report"
	"github.com/wiretrace/wiretrace/trace"
)

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
	return report.RelationLabel(trace.Relation(r))
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

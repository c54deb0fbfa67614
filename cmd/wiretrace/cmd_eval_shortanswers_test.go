package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/wiretrace/wiretrace/internal/eval"
	"github.com/wiretrace/wiretrace/internal/sharedtest"
)

// TestEvalShortAnswers runs the short-answers suite on the shared corpus:
// no independent answer may be called derived, and "derived" must separate
// reused answers from independent ones at least as well as measured when
// the suite was written (accuracy 0.895, precision 1.000, recall 0.825).
func TestEvalShortAnswers(t *testing.T) {
	dir := sharedtest.Dir(t, "eval", "short-answers")
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb}
	if err := evalShortAnswers(context.Background(), e, []string{"--json", "--data", dir}); err != nil {
		t.Fatalf("%v (%s)", err, errb.String())
	}
	var res eval.ShortAnswersResult
	if err := json.Unmarshal(out.Bytes(), &res); err != nil {
		t.Fatal(err)
	}
	t.Logf("accuracy %.3f precision %.3f recall %.3f F1 %.3f", res.Accuracy, res.Precision, res.Recall, res.F1)
	n := 0
	for _, c := range res.Classes {
		n += c.N
		t.Logf("%-5s n=%d derived=%.2f coverage=%.3f support=%.3f %v", c.Class, c.N, c.Derived, c.SourceCoverage, c.DerivedSupport, c.Relations)
		if c.Class == "non" && c.Derived > 0 {
			t.Errorf("%.0f%% of independent answers called derived", 100*c.Derived)
		}
	}
	if n != 95 {
		t.Errorf("scored %d answers, want 95", n)
	}
	if res.Accuracy < 0.89 || res.Precision < 0.99 {
		t.Errorf("accuracy %.3f precision %.3f, below 0.89 / 0.99", res.Accuracy, res.Precision)
	}
}

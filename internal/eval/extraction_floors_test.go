package eval

import (
	"testing"

	"github.com/wiretrace/wiretrace/internal/sharedtest"
)

// TestExtractionFloors scores wiretrace's extractor on the article body
// benchmark and holds its figures at their floors.
func TestExtractionFloors(t *testing.T) {
	t.Parallel()
	set, err := LoadExtraction(sharedtest.Dir(t, "eval", "extraction"))
	if err != nil {
		t.Fatal(err)
	}
	r, err := set.ScoreWiretrace()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range r.Pages {
		if p.Error != "" {
			t.Errorf("page %s: extract failed: %s", p.ID, p.Error)
		}
	}
	checkFloor(t, "extraction.f1", r.F1)
	checkFloor(t, "extraction.precision", r.Precision)
	checkFloor(t, "extraction.recall", r.Recall)
	checkFloor(t, "extraction.accuracy", r.Accuracy)
}

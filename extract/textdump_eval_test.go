package extract_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/wiretrace/wiretrace/extract"
	"github.com/wiretrace/wiretrace/internal/eval"
	"github.com/wiretrace/wiretrace/internal/sharedtest"
)

// textDumpFloor is the body F1 the text-dump path reached on the
// extraction benchmark's pages rendered to text (a ratchet: raise it when
// the classifier earns it, never lower it).
const textDumpFloor = 0.890

// TestTextDumpBenchmark measures the plain-text path on real pages: each
// of the 181 pages of ../shared/eval/extraction is rendered to a text
// dump (tags dropped, one line per block element, as "save as text"
// does), extracted as text, and scored with the benchmark's metric
// against the true article body.
func TestTextDumpBenchmark(t *testing.T) {
	if raceEnabled {
		t.Skip("a benchmark-wide figure: measured without the race detector (scripts/test.sh)")
	}
	dir := sharedtest.Dir(t, "eval", "extraction")
	set, err := eval.LoadExtraction(dir)
	if err != nil {
		t.Fatal(err)
	}
	var ms []eval.BodyMatch
	for _, p := range set.Pages {
		data, err := set.HTML(p.ID)
		if err != nil {
			t.Fatal(err)
		}
		dump := extract.FlattenHTML(string(data))
		a, err := extract.Page([]byte(dump), extract.Options{URL: p.URL})
		pred := ""
		if err == nil {
			pred = strings.Join(a.Paragraphs, "\n")
		}
		ms = append(ms, eval.CompareBodies(p.Truth, pred))
	}
	s := eval.SummarizeBodies(ms)
	t.Logf("text dumps of %d pages in %s: F1 %.4f precision %.4f recall %.4f accuracy %.4f",
		len(ms), filepath.Base(dir), s.F1, s.Precision, s.Recall, s.Accuracy)
	if s.F1 < textDumpFloor {
		t.Errorf("text-dump F1 %.4f fell below the floor %.4f", s.F1, textDumpFloor)
	}
}

// urlFloor is how many of the benchmark's pages yield, with no URL given,
// the address the benchmark recorded for them (a ratchet). The misses are
// syndicated copies whose canonical link names the original, and pages
// that declare no address.
const urlFloor = 165

// TestURLBenchmark checks the url field on real pages: canonical link,
// og:url or JSON-LD, compared with the benchmark's recorded address
// (scheme, "www." and a trailing slash aside).
func TestURLBenchmark(t *testing.T) {
	if raceEnabled {
		t.Skip("a benchmark-wide figure: measured without the race detector (scripts/test.sh)")
	}
	set, err := eval.LoadExtraction(sharedtest.Dir(t, "eval", "extraction"))
	if err != nil {
		t.Fatal(err)
	}
	norm := func(u string) string {
		u = strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "http://")
		return strings.TrimRight(strings.TrimPrefix(u, "www."), "/")
	}
	match := 0
	for _, p := range set.Pages {
		data, err := set.HTML(p.ID)
		if err != nil {
			t.Fatal(err)
		}
		a, err := extract.Page(data, extract.Options{})
		if err != nil {
			t.Errorf("page %s: %v", p.ID, err)
			continue
		}
		if norm(a.URL) == norm(p.URL) {
			match++
		}
	}
	t.Logf("url equal to the recorded address on %d of %d pages", match, len(set.Pages))
	if match < urlFloor {
		t.Errorf("url matched on %d pages, below the floor %d", match, urlFloor)
	}
}

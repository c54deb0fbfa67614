package eval

import (
	"testing"

	"github.com/wiretrace/wiretrace/internal/sharedtest"
)

func TestTokens(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     []string
	}{
		{"empty", "", nil},
		{"punctuation splits", "Hello, world! It's 3.5%", []string{"Hello", "world", "It", "s", "3", "5"}},
		{"underscore joins", "snake_case x", []string{"snake_case", "x"}},
		{"accents are letters", "café naïve", []string{"café", "naïve"}},
		{"curly quotes split", "“end,” because", []string{"end", "because"}},
		{"cjk run", "東京は晴れ。", []string{"東京は晴れ"}},
		// Python's \w excludes combining marks: the Devanagari vowel sign
		// U+093F splits the word as in the benchmark.
		{"combining mark splits", "हिंदी", []string{"ह", "द"}},
		{"other numbers count", "½ and ²", []string{"½", "and", "²"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := BodyTokens(tc.in)
			if !equalTokens(got, tc.want) {
				t.Errorf("Tokens(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestCompareBodies(t *testing.T) {
	for _, tc := range []struct {
		name        string
		truth, pred string
		tp, fp, fn  float64
		exact       bool
	}{
		{"both empty", "", "", 0, 0, 0, true},
		{"identical", "a b c d e", "a b c d e", 1, 0, 0, true},
		{"same tokens other punctuation", "a, b. c d e", "a b c\nd e", 1, 0, 0, true},
		// truth shingles: abcd bcde; pred: abcd bcde cdef.
		{"one extra token", "a b c d e", "a b c d e f", 2.0 / 3, 1.0 / 3, 0, false},
		{"nothing predicted", "a b c d e", "", 0, 0, 1, false},
		{"short texts are one shingle", "a b", "a b", 1, 0, 0, true},
		{"short text differs", "a b", "a c", 0, 0.5, 0.5, false},
		// Repeated shingles count as a multiset: truth has "x x x x" twice.
		{"multiset", "x x x x x", "x x x x", 0.5, 0, 0.5, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := CompareBodies(tc.truth, tc.pred)
			if !near(m.TP, tc.tp) || !near(m.FP, tc.fp) || !near(m.FN, tc.fn) || m.Exact != tc.exact {
				t.Errorf("CompareBodies(%q, %q) = %+v, want tp %.3f fp %.3f fn %.3f exact %v", tc.truth, tc.pred, m, tc.tp, tc.fp, tc.fn, tc.exact)
			}
		})
	}
}

func TestSummarizeEdgeCases(t *testing.T) {
	ms := []BodyMatch{
		CompareBodies("a b c d", "a b c d"), // p 1, r 1
		CompareBodies("a b c d", ""),        // recall 0; no precision
		CompareBodies("", "a b c d"),        // precision 0; no recall
		CompareBodies("", ""),               // neither
	}
	s := SummarizeBodies(ms)
	if !near(s.Precision, 0.5) || !near(s.Recall, 0.5) || !near(s.F1, 0.5) || !near(s.Accuracy, 0.5) {
		t.Errorf("Summarize = %+v, want precision 0.5, recall 0.5, F1 0.5, accuracy 0.5", s)
	}
}

func near(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }

// TestPeersScoreAsPublished checks the scorer against the benchmark: every
// peer output must score, to three decimals, what the benchmark publishes.
func TestPeersScoreAsPublished(t *testing.T) {
	set, err := LoadExtraction(sharedtest.Dir(t, "eval", "extraction"))
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Pages) != 181 {
		t.Errorf("loaded %d pages, want the benchmark's 181", len(set.Pages))
	}
	peers, err := set.Peers()
	if err != nil {
		t.Fatal(err)
	}
	if len(peers) == 0 {
		t.Fatal("no peer outputs found")
	}
	for _, name := range peers {
		t.Run(name, func(t *testing.T) {
			want, ok := PublishedExtraction[name]
			if !ok {
				t.Fatalf("no published figures for peer %q", name)
			}
			pred, err := set.PeerOutput(name)
			if err != nil {
				t.Fatal(err)
			}
			r, err := set.Score(pred)
			if err != nil {
				t.Fatal(err)
			}
			got := r.ExtractionSummary.Round()
			got.Pages = 0
			if got != want {
				t.Errorf("%s scores %+v, published %+v (unrounded %+v)", name, got, want, r.ExtractionSummary)
			}
		})
	}
}

func TestBodyDiff(t *testing.T) {
	truth := "First paragraph of the story.\n\nSecond paragraph, with a quote.\n\nThird one."
	pred := "First paragraph of the story.\nShare this article\nThird one."
	extra, missing := BodyDiff(truth, pred)
	if len(extra) != 1 || extra[0] != "Share this article" {
		t.Errorf("extra = %q, want the share prompt", extra)
	}
	if len(missing) != 1 || missing[0] != "Second paragraph, with a quote." {
		t.Errorf("missing = %q, want the second paragraph", missing)
	}
}

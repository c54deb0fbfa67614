package fingerprint

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/textproc"
)

// randomWords returns n words drawn from a vocabulary of size vocab.
func randomWords(r *rand.Rand, n, vocab int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("w%d", r.IntN(vocab))
	}
	return out
}

func TestShingles(t *testing.T) {
	tests := []struct {
		name  string
		words []string
		want  int
	}{
		{"none", nil, 0},
		{"shorter than a shingle", []string{"a", "b"}, 1},
		{"exactly one", []string{"a", "b", "c", "d", "e"}, 1},
		{"seven words", strings.Fields("a b c d e f g"), 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Shingles(tc.words); len(got) != tc.want {
				t.Errorf("Shingles(%q) gave %d shingles, want %d", tc.words, len(got), tc.want)
			}
		})
	}
	a := Shingles(strings.Fields("one two three four five"))
	b := Shingles(strings.Fields("two one three four five"))
	if a[0] == b[0] {
		t.Error("shingles ignore word order")
	}
	if !slices.Equal(a, Shingles(strings.Fields("one two three four five"))) {
		t.Error("shingles are not deterministic")
	}
}

func TestSignatureEstimatesJaccard(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	base := randomWords(r, 600, 5000)
	for _, keep := range []float64{0.2, 0.5, 0.7, 0.9, 1} {
		t.Run(fmt.Sprintf("keep %.1f", keep), func(t *testing.T) {
			edited := slices.Clone(base)
			for i := range edited {
				if r.Float64() > keep {
					edited[i] = fmt.Sprintf("x%d", r.IntN(5000))
				}
			}
			sa, sb := Shingles(base), Shingles(edited)
			exact := Jaccard(sa, sb)
			est := Similarity(Signature(sa), Signature(sb))
			// The standard error of a 128-value estimate is at most
			// sqrt(0.25/128) = 0.044; 0.15 is over three of them.
			if math.Abs(est-exact) > 0.15 {
				t.Errorf("estimate %.3f, exact Jaccard %.3f", est, exact)
			}
		})
	}
}

func TestSignatureEdgeCases(t *testing.T) {
	if Signature(nil) != nil || BandKeys(nil) != nil {
		t.Error("empty input must give no signature and no bands")
	}
	if got := Similarity([]uint32{1}, []uint32{1, 2}); got != 0 {
		t.Errorf("Similarity of different lengths = %v", got)
	}
	if got := Jaccard(nil, nil); got != 0 {
		t.Errorf("Jaccard(nil, nil) = %v", got)
	}
	sig := Signature(Shingles(strings.Fields("a b c d e f")))
	if len(sig) != NumHashes || len(BandKeys(sig)) != Bands {
		t.Errorf("signature %d values, %d bands", len(sig), len(BandKeys(sig)))
	}
	// Identical signatures share every band; a band key depends on its
	// position, so two equal bands at different positions differ.
	same := make([]uint32, NumHashes)
	keys := BandKeys(same)
	if keys[0] == keys[1] {
		t.Error("band keys of different bands collide")
	}
}

// TestBandRecall checks the banding against its formula: near-copies at
// Jaccard 0.5 and above share a band nearly always, unrelated texts
// almost never.
func TestBandRecall(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	shareBand := func(a, b []uint64) bool {
		for i := range a {
			if a[i] == b[i] {
				return true
			}
		}
		return false
	}
	found, pairs, falsePos := 0, 0, 0
	for range 200 {
		base := randomWords(r, 400, 20000)
		edited := slices.Clone(base)
		// Replacing one word in 25 leaves shingle Jaccard near 0.6.
		for i := range edited {
			if r.IntN(25) == 0 {
				edited[i] = fmt.Sprintf("y%d", r.IntN(20000))
			}
		}
		sa, sb := Shingles(base), Shingles(edited)
		if j := Jaccard(sa, sb); j < 0.5 {
			continue
		}
		pairs++
		ka, kb := BandKeys(Signature(sa)), BandKeys(Signature(sb))
		if shareBand(ka, kb) {
			found++
		}
		other := BandKeys(Signature(Shingles(randomWords(r, 400, 20000))))
		if shareBand(ka, other) {
			falsePos++
		}
	}
	if pairs < 150 {
		t.Fatalf("only %d pairs reached Jaccard 0.5", pairs)
	}
	if recall := float64(found) / float64(pairs); recall < 0.95 {
		t.Errorf("band recall %.3f over %d pairs, want >= 0.95", recall, pairs)
	}
	if falsePos > 2 {
		t.Errorf("%d of %d unrelated texts share a band", falsePos, pairs)
	}
}

func TestTerms(t *testing.T) {
	a := &article.Article{
		Title: "Minister Quarrow meets envoys",
		Paragraphs: []string{
			"Foreign Minister Elsa Quarrow met envoys from Taldoria on Monday. Quarrow said the talks were productive.",
			"The ministry expects 3,400 delegates. Officials said the meeting would continue.",
		},
	}
	fp := Of(a, Options{})
	for _, want := range []string{"quarrow", "taldoria", "3400", "elsa"} {
		if !slices.Contains(fp.Terms, textproc.Stem(want)) && !slices.Contains(fp.Terms, want) {
			t.Errorf("terms %v lack %q", fp.Terms, want)
		}
	}
	for _, stop := range []string{"the", "on", "from", "were"} {
		if slices.Contains(fp.Terms, stop) {
			t.Errorf("terms %v hold the stop word %q", fp.Terms, stop)
		}
	}
	// Entities rank above common words.
	if i, j := slices.Index(fp.Terms, "quarrow"), slices.Index(fp.Terms, textproc.Stem("productive")); i < 0 || (j >= 0 && j < i) {
		t.Errorf("entity quarrow ranks after a common word: %v", fp.Terms)
	}
	if fp.Words != 27 {
		t.Errorf("Words = %d, want 27", fp.Words)
	}
	if got := Of(a, Options{MaxTerms: 3, Pairs: -1}).Terms; len(got) != 3 || !slices.Equal(got, fp.Terms[:3]) {
		t.Errorf("MaxTerms 3 gave %v, want the first three of %v", got, fp.Terms)
	}
	// The pairs of the best DefaultPairs terms follow the single terms.
	pairs := fp.Terms[len(fp.Terms)-DefaultPairs*(DefaultPairs-1)/2:]
	for _, p := range pairs {
		if !IsPair(p) {
			t.Errorf("%q among the pairs is no pair", p)
		}
	}
	if want := PairTerm(fp.Terms[1], fp.Terms[0]); pairs[0] != want {
		t.Errorf("first pair %q, want %q", pairs[0], want)
	}
	if PairTerm("b", "a") != "a b" || IsPair("ab") {
		t.Error("PairTerm must order its terms; single terms are no pairs")
	}
	if fp2 := Of(&article.Article{}, Options{}); fp2.Signature != nil || fp2.Bands != nil || len(fp2.Terms) != 0 {
		t.Errorf("empty article fingerprint = %+v", fp2)
	}
}

// TestScanMatchesTextproc holds scan to textproc.Words, whose tokens it
// reproduces without stemming.
func TestScanMatchesTextproc(t *testing.T) {
	for _, text := range []string{
		"The U.S. envoy didn’t say if 1,000 build-up troops (COVID-19) arrived at 2.5 a.m. on Jan. 5.",
		"Ünïcode Éclair, naïve café — “quoted” words' ends; e-mail 3rd 10km.",
		"", "   ", "A.B.C. x.y z'", "l'État est là", "2025-01-05 1.2.3 ,5",
	} {
		var got []string
		scan(text, func(tk token) { got = append(got, tk.lower) })
		if want := textproc.Words(text); !slices.Equal(got, want) && !(len(got) == 0 && len(want) == 0) {
			t.Errorf("scan(%q)\n got %q\nwant %q", text, got, want)
		}
	}
}

func FuzzScan(f *testing.F) {
	f.Add("The U.S. envoy didn’t say if 1,000 build-up troops arrived.")
	f.Add("A.B. 3.5, x'y")
	f.Fuzz(func(t *testing.T, text string) {
		var got []string
		scan(text, func(tk token) { got = append(got, tk.lower) })
		if want := textproc.Words(text); !slices.Equal(got, want) && !(len(got) == 0 && len(want) == 0) {
			t.Errorf("scan(%q) = %q, textproc.Words = %q", text, got, want)
		}
	})
}

// TestScanOtherScriptDigits guards against a hang: digits of other scripts
// start a numeral, so the numeral must consume them.
func TestScanOtherScriptDigits(t *testing.T) {
	for _, in := range []string{"٣ apples", "（２０２６年）", "x ٣٫٥ y", "12,٣"} {
		var toks []string
		done := make(chan struct{})
		go func() {
			defer close(done)
			scan(in, func(tk token) {
				if len(toks) > 100 {
					return
				}
				toks = append(toks, tk.text)
			})
		}()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Fatalf("scan(%q) did not return", in)
		}
		for _, tk := range toks {
			if tk == "" {
				t.Errorf("scan(%q) emitted an empty token: %q", in, toks)
			}
		}
	}
}

// TestBodyShingles checks that an article's body shingles are the
// shingles of its paragraphs' words, lowercased, in order, and that a
// word limit reads only the opening.
func TestBodyShingles(t *testing.T) {
	a := &article.Article{Title: "Not in the shingles",
		Paragraphs: []string{"The Harbour Board approved the plan.", "Work starts in May, the board said."}}
	words := []string{"the", "harbour", "board", "approved", "the", "plan", "work", "starts", "in", "may", "the", "board", "said"}
	if got, want := BodyShingles(a, 0), Shingles(words); !slices.Equal(got, want) {
		t.Errorf("body shingles %v, want %v", got, want)
	}
	if got, want := BodyShingles(a, 7), Shingles(words[:7]); !slices.Equal(got, want) {
		t.Errorf("shingles of the first 7 words %v, want %v", got, want)
	}
}

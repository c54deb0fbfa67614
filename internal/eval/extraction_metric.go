package eval

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file reimplements the metric of the article extraction benchmark
// whose pages are in ../shared/eval/extraction (its evaluate.py): the body
// text is split into word tokens, the tokens into overlapping 4-token
// shingles, and truth and prediction are compared as multisets of shingles.

// shingleSize is the benchmark's n-gram length.
const shingleSize = 4

// isWordRune reports whether r matches Python's `\w` on str patterns:
// str.isalnum() (letters Lu/Ll/Lt/Lm/Lo and numbers Nd/Nl/No) or '_'.
// Combining marks (Mn, Mc) are not word characters there, so they split
// tokens in scripts such as Devanagari; we keep that quirk to score as the
// benchmark does.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r == '_' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r)
}

// BodyTokens splits text into the benchmark's tokens: maximal runs of word
// characters, case kept.
func BodyTokens(text string) []string {
	var out []string
	start := -1
	for i, r := range text {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, text[start:i])
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, text[start:])
	}
	return out
}

// shingle is up to shingleSize tokens; tokens are never empty, so a
// shorter shingle (of a text under four tokens) is padded with "".
type shingle [shingleSize]string

// shingles counts the 4-token shingles of tokens. A text of fewer than four
// tokens (but at least one) is one shingle of all its tokens, as in the
// benchmark; an empty text has none.
func shingles(tokens []string) map[shingle]int {
	m := make(map[shingle]int, len(tokens))
	if len(tokens) == 0 {
		return m
	}
	n := max(1, len(tokens)-shingleSize+1)
	for i := 0; i < n; i++ {
		var sh shingle
		copy(sh[:], tokens[i:min(i+shingleSize, len(tokens))])
		m[sh]++
	}
	return m
}

// BodyMatch is one page's comparison: tp, fp and fn are shingle counts divided
// by their sum, so that every page weighs the same in the means.
type BodyMatch struct {
	TP, FP, FN float64
	// Exact reports that the predicted token list equals the truth's.
	Exact bool
}

// Precision is tp/(tp+fp), 1 when nothing was missed or added, 0 when
// nothing was predicted right and something was predicted.
func (m BodyMatch) Precision() float64 {
	switch {
	case m.FP == 0 && m.FN == 0:
		return 1
	case m.TP == 0 && m.FP == 0:
		return 0
	}
	return m.TP / (m.TP + m.FP)
}

// Recall is tp/(tp+fn), with the same edge cases as Precision.
func (m BodyMatch) Recall() float64 {
	switch {
	case m.FP == 0 && m.FN == 0:
		return 1
	case m.TP == 0 && m.FN == 0:
		return 0
	}
	return m.TP / (m.TP + m.FN)
}

// F1 is the harmonic mean of the page's precision and recall (0 when both
// are 0). The benchmark does not average it; it helps to rank pages.
func (m BodyMatch) F1() float64 {
	p, r := m.Precision(), m.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// CompareBodies scores a predicted article body against the true one.
func CompareBodies(truth, pred string) BodyMatch {
	tt, pt := BodyTokens(truth), BodyTokens(pred)
	ts, ps := shingles(tt), shingles(pt)
	var tp, fp, fn float64
	for k, tc := range ts {
		pc := ps[k]
		tp += float64(min(tc, pc))
		fn += float64(max(0, tc-pc))
	}
	for k, pc := range ps {
		fp += float64(max(0, pc-ts[k]))
	}
	if s := tp + fp + fn; s > 0 {
		tp, fp, fn = tp/s, fp/s, fn/s
	}
	return BodyMatch{TP: tp, FP: fp, FN: fn, Exact: equalTokens(tt, pt)}
}

func equalTokens(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// ExtractionSummary holds the benchmark's figures over a set of pages.
type ExtractionSummary struct {
	F1        float64 `json:"f1"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	Accuracy  float64 `json:"accuracy"`
	Pages     int     `json:"pages"`
}

// SummarizeBodies averages page matches as the benchmark does: precision is the
// mean over pages with tp+fp > 0, recall the mean over pages with tp+fn > 0,
// F1 the harmonic mean of those two means (not a mean of page F1s), and
// accuracy the share of pages whose token lists match exactly.
func SummarizeBodies(ms []BodyMatch) ExtractionSummary {
	var ps, rs, exact float64
	var np, nr int
	for _, m := range ms {
		if m.TP+m.FP > 0 {
			ps += m.Precision()
			np++
		}
		if m.TP+m.FN > 0 {
			rs += m.Recall()
			nr++
		}
		if m.Exact {
			exact++
		}
	}
	s := ExtractionSummary{Pages: len(ms)}
	if np > 0 {
		s.Precision = ps / float64(np)
	}
	if nr > 0 {
		s.Recall = rs / float64(nr)
	}
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	if len(ms) > 0 {
		s.Accuracy = exact / float64(len(ms))
	}
	return s
}

// round3 rounds x to three decimals, the precision the benchmark publishes.
func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

// BodyDiff lists, for one page, the predicted paragraphs that are not in
// the true body and the true paragraphs that the prediction misses, each
// compared as token sequences: what to read when studying a miss.
func BodyDiff(truth, pred string) (extra, missing []string) {
	key := func(s string) string { return " " + strings.Join(BodyTokens(s), " ") + " " }
	tk, pk := key(truth), key(pred)
	for _, p := range strings.Split(pred, "\n") {
		if k := key(p); strings.TrimSpace(k) != "" && !strings.Contains(tk, k) {
			extra = append(extra, strings.TrimSpace(p))
		}
	}
	for _, t := range strings.Split(truth, "\n") {
		if k := key(t); strings.TrimSpace(k) != "" && !strings.Contains(pk, k) {
			missing = append(missing, strings.TrimSpace(t))
		}
	}
	return extra, missing
}

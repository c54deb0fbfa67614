package report

import (
	"strings"
	"unicode"
)

// Part is a run of a sentence's text: unchanged, or changed against the
// sentence it is aligned with (words the other side lacks), or a drift
// span.
type Part struct {
	Text string
	// Changed marks words the aligned sentence does not have: deleted
	// from the source or inserted by the derived article.
	Changed bool
	// Drift is the explanation when the run is a drifted fact's span.
	Drift string
}

// maxDiffWords bounds the word diff: its table grows with the product of
// the two sentences' lengths, and a "sentence" of a page without stops can
// hold thousands of words. News sentences rarely pass 60 words.
const maxDiffWords = 300

// wordDiff marks the words of a that b lacks, and those of b that a lacks,
// by a longest common subsequence of their words (case-insensitive,
// punctuation kept apart), as reuse checkers show an edited copy. Both
// results join back to a and b exactly. Over maxDiffWords words on a side
// nothing is marked.
func wordDiff(a, b string) (pa, pb []Part) {
	ta, tb := tokens(a), tokens(b)
	na, nb := words(ta), words(tb)
	if len(na) > maxDiffWords || len(nb) > maxDiffWords {
		return []Part{{Text: a}}, []Part{{Text: b}}
	}
	// lcs[i][j] is the LCS length of na[i:] and nb[j:].
	lcs := make([][]int32, len(na)+1)
	for i := range lcs {
		lcs[i] = make([]int32, len(nb)+1)
	}
	for i := len(na) - 1; i >= 0; i-- {
		for j := len(nb) - 1; j >= 0; j-- {
			if strings.EqualFold(ta[na[i]], tb[nb[j]]) {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	keepA := make([]bool, len(ta))
	keepB := make([]bool, len(tb))
	for i, j := 0, 0; i < len(na) && j < len(nb); {
		switch {
		case strings.EqualFold(ta[na[i]], tb[nb[j]]):
			keepA[na[i]], keepB[nb[j]] = true, true
			i++
			j++
		case lcs[i+1][j] >= lcs[i][j+1]:
			i++
		default:
			j++
		}
	}
	return parts(ta, keepA), parts(tb, keepB)
}

// tokens splits s into words, punctuation marks and runs of space, which
// join back to s.
func tokens(s string) []string {
	var out []string
	start := 0
	kind := func(r rune) int {
		switch {
		case unicode.IsSpace(r):
			return 0
		case unicode.IsLetter(r) || unicode.IsNumber(r) || r == '\'' || r == '’':
			return 1
		}
		return 2
	}
	prev := -1
	for i, r := range s {
		k := kind(r)
		if i > start && (k != prev || k == 2) {
			out = append(out, s[start:i])
			start = i
		}
		prev = k
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

// words returns the positions of the tokens that are not space.
func words(ts []string) []int {
	var out []int
	for i, t := range ts {
		if strings.TrimSpace(t) != "" {
			out = append(out, i)
		}
	}
	return out
}

// parts joins tokens into runs, changed where keep is false. Space between
// two changed words joins their run.
func parts(ts []string, keep []bool) []Part {
	var out []Part
	add := func(t string, changed bool) {
		if n := len(out); n > 0 && out[n-1].Changed == changed {
			out[n-1].Text += t
			return
		}
		out = append(out, Part{Text: t, Changed: changed})
	}
	for i, t := range ts {
		changed := !keep[i]
		if strings.TrimSpace(t) == "" {
			// Space is changed only inside a changed run.
			changed = i > 0 && i+1 < len(ts) && !keep[i-1] && !keep[i+1] &&
				strings.TrimSpace(ts[i-1]) != "" && strings.TrimSpace(ts[i+1]) != ""
		}
		add(t, changed)
	}
	return out
}

package eval

import (
	"regexp"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// This file implements the WCXB metric as the set's SOURCE.md states it:
// body text as a multiset of lowercase words, title after normalisation,
// every author name, the date's first ten characters.

// wcxbWords returns the words of text as WCXB counts them: text lowercased,
// then the runs of `\w` characters.
func wcxbWords(text string) []string {
	return BodyTokens(strings.ToLower(text))
}

// WCXBBody scores a predicted body against the true one: precision and
// recall are the overlap of the two word multisets over the predicted and
// the true word counts. An empty prediction scores 0, and an empty truth
// with an empty prediction 1.
func WCXBBody(truth, pred string) (precision, recall, f1 float64) {
	tw, pw := wcxbWords(truth), wcxbWords(pred)
	switch {
	case len(pw) == 0 && len(tw) == 0:
		return 1, 1, 1
	case len(pw) == 0 || len(tw) == 0:
		return 0, 0, 0
	}
	counts := make(map[string]int, len(tw))
	for _, w := range tw {
		counts[w]++
	}
	overlap := 0
	for _, w := range pw {
		if counts[w] > 0 {
			counts[w]--
			overlap++
		}
	}
	if overlap == 0 {
		return 0, 0, 0
	}
	precision = float64(overlap) / float64(len(pw))
	recall = float64(overlap) / float64(len(tw))
	return precision, recall, 2 * precision * recall / (precision + recall)
}

// wcxbTitleForm is a title as WCXB compares it: Unicode NFKC, lowercased,
// its `\w` runs joined by single spaces.
func wcxbTitleForm(s string) string {
	return strings.Join(wcxbWords(norm.NFKC.String(s)), " ")
}

// wcxbTitleShare is how long a prediction must be, as a share of the
// truth's length, for containment either way to count (SOURCE.md).
const wcxbTitleShare = 0.6

// WCXBTitle reports whether pred is the true title: equal after
// normalisation, or at least 60 % as long and containing or contained by
// the truth.
func WCXBTitle(truth, pred string) bool {
	t, p := wcxbTitleForm(truth), wcxbTitleForm(pred)
	if t == p {
		return true
	}
	if p == "" || t == "" || float64(len(p)) < wcxbTitleShare*float64(len(t)) {
		return false
	}
	return strings.Contains(p, t) || strings.Contains(t, p)
}

// wcxbNameSep splits a true author field into names: commas, "and", "&".
var wcxbNameSep = regexp.MustCompile(`(?i),|&|\band\b`)

// WCXBAuthor reports whether every name of the true author field (split on
// commas, "and" and "&") occurs in pred, compared lowercased with white
// space collapsed.
func WCXBAuthor(truth, pred string) bool {
	p := strings.Join(strings.Fields(strings.ToLower(pred)), " ")
	names := 0
	for _, n := range wcxbNameSep.Split(truth, -1) {
		n = strings.Join(strings.Fields(strings.ToLower(n)), " ")
		if n == "" {
			continue
		}
		names++
		if !strings.Contains(p, n) {
			return false
		}
	}
	return names > 0
}

// WCXBDate reports whether the first ten characters (the ISO date) of pred
// equal the truth's.
func WCXBDate(truth, pred string) bool {
	first := func(s string) string {
		s = strings.TrimSpace(s)
		if len(s) > 10 {
			s = s[:10]
		}
		return s
	}
	return truth != "" && first(truth) == first(pred)
}

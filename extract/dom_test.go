package extract

import (
	"strings"
	"testing"
)

// TestContainsFold holds containsFold to lower-casing both sides, for subs
// opening with a letter and with a byte that has no case, and a byte
// whose lower-case bit makes it look like one ("\x1c" | 0x20 is '<').
func TestContainsFold(t *testing.T) {
	texts := []string{
		"", "<", "<templat", "<template", "x<TEMPLATE id=B:0>", "<div><Template>",
		"\x1ctemplate", "<<template", "a<b<c<template", "Published on", "PUBLI", "re-publish",
	}
	subs := []string{"<template", "publi", "<", "e", "c<t"}
	for _, s := range texts {
		for _, sub := range subs {
			want := strings.Contains(strings.ToLower(s), sub)
			if got := containsFold(s, sub); got != want {
				t.Errorf("containsFold(%q, %q) = %v, want %v", s, sub, got, want)
			}
		}
	}
}

// TestFoldWords holds foldWords.in to containsFold of each word, for
// words opening with a letter and with a byte that has no case, at the
// start, middle and end of a string and cut short by its end.
func TestFoldWords(t *testing.T) {
	list := []string{"comment", "repl", "by", "<t", "-x", "_a"}
	words := newFoldWords(list...)
	texts := []string{
		"", "b", "by", "BY", "post-By", "Comments", "comment", "commen", "c-REPLIES",
		"x<T", "<", "\x1ct", "a-X", "-", "xcomMENT", "commen repl", "b y", "abyz", "\x7fa", "_A",
	}
	for _, s := range texts {
		want := false
		for _, w := range list {
			want = want || containsFold(s, w)
		}
		if got := words.in(s); got != want {
			t.Errorf("in(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestCollapse checks that runs of any white space, the no-break space
// and Unicode spaces included, become one space and the ends are trimmed;
// wordCount counts the same words.
func TestCollapse(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		words    int
	}{
		{"", "", 0},
		{"   ", "", 0},
		{"plain words", "plain words", 2},
		{"  lead and trail ", "lead and trail", 3},
		{"tab\there\n\nnext", "tab here next", 3},
		{"no\u00a0break\u00a0\u00a0space", "no break space", 3},
		{"em\u2003space\u0085next", "em\u2003space\u0085next", 3}, // no ASCII run: kept
		{"em\u2003space  \u0085next", "em space next", 3},
		{"\u00a0", "", 0},
		{"one", "one", 1},
		{"café  au\tlait", "café au lait", 3},
	} {
		if got := collapse(tc.in); got != tc.want {
			t.Errorf("collapse(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if got := wordCount(tc.in); got != tc.words {
			t.Errorf("wordCount(%q) = %d, want %d", tc.in, got, tc.words)
		}
	}
}

// TestHasPrefixFold holds hasPrefixFold to containsFold on the prefix's
// length, for prefixes opening with a letter and with a byte that has no
// case.
func TestHasPrefixFold(t *testing.T) {
	for _, tc := range []struct {
		s, prefix string
		want      bool
	}{
		{"Comments", "comment", true},
		{"COMMENT", "comment", true},
		{"comm", "comment", false},
		{"", "", true},
		{"x", "", true},
		{"<Template", "<template", true},
		{"\x1ctemplate", "<template", false},
		{"_A", "_a", true},
		{"\x7fa", "_a", false},
		{"Ab", "ab", true},
		{"a\x02", "ab", false},
	} {
		if got := hasPrefixFold(tc.s, tc.prefix); got != tc.want {
			t.Errorf("hasPrefixFold(%q, %q) = %v, want %v", tc.s, tc.prefix, got, tc.want)
		}
		n := min(len(tc.s), len(tc.prefix))
		if want := len(tc.s) >= len(tc.prefix) && containsFold(tc.s[:n], tc.prefix); want != tc.want {
			t.Errorf("containsFold(%q, %q) = %v, the table says %v", tc.s[:n], tc.prefix, want, tc.want)
		}
	}
}

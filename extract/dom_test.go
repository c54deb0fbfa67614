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

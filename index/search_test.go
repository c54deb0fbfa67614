package index

import (
	"strings"
	"testing"
)

// FuzzSnippet checks that snippets never panic and stay bounded.
func FuzzSnippet(f *testing.F) {
	f.Add("Roughly 12,000 people were told to evacuate on Friday.", "friday")
	f.Add(strings.Repeat("word ", 200)+"target "+strings.Repeat("tail ", 200), "target")
	f.Add("ÄÖÜ ß ẞ İstanbul", "i̇stanbul")
	f.Fuzz(func(t *testing.T, text, q string) {
		s := snippet(text, SearchWords(q))
		if len(s) > len(text)+len(" … … ")*2 {
			t.Errorf("snippet of %d bytes from a text of %d", len(s), len(text))
		}
	})
}

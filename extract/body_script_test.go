package extract

import (
	"strings"
	"testing"
)

// TestScriptBlocks reads an article that a page keeps only in its script
// data as a list of short blocks, beside a teaser list whose descriptions
// hold less prose: the blocks, in order, are the body.
func TestScriptBlocks(t *testing.T) {
	blocks := []string{
		"The city of Example Bay will install 40 new public drinking fountains along its waterfront by the end of the summer, the parks department said on Thursday.",
		"The fountains will include bottle-filling spouts and a lower basin for dogs, and each will be tested for lead before it opens.",
		"Parks director Jana Example said the project answered a petition signed by more than 3,000 residents last year.",
		"The first ten fountains will go in at the harbour green in April; the rest will follow in stages through August.",
	}
	var js strings.Builder
	js.WriteString(`{"props":{"pageProps":{"story":{"title":"Example Bay to add 40 fountains","content":{"blocks":[`)
	for i, b := range blocks {
		if i > 0 {
			js.WriteString(",")
		}
		js.WriteString(`{"type":"paragraph","html":"` + b + `"}`)
	}
	js.WriteString(`]}},"related":[{"description":"A new ferry timetable starts in May with two more evening sailings."},{"description":"The library will open on Sundays from next month, the council said."}]}}}`)
	page := `<html><head><title>Example Bay to add 40 fountains</title></head><body><div id="__next"><h1>Example Bay to add 40 fountains</h1><div class="skeleton">Loading…</div></div>
<script id="__NEXT_DATA__" type="application/json">` + js.String() + `</script></body></html>`
	a, err := Page([]byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Paragraphs) != len(blocks) {
		t.Fatalf("paragraphs %q, want the %d blocks", a.Paragraphs, len(blocks))
	}
	for i, b := range blocks {
		if a.Paragraphs[i] != b {
			t.Errorf("paragraph %d = %q, want %q", i, a.Paragraphs[i], b)
		}
	}
}

package extract

import (
	"strings"
	"testing"
)

// TestMarkdownArticle reads an article written in Markdown, as language
// models write them: the headline without its "#", no emphasis marks in
// the words (a date in bold stays a date), list items as lines of their
// own without markers, a link's text without its address.
func TestMarkdownArticle(t *testing.T) {
	page := "# Harbour Ferry Returns After Storm Repairs\n\n" +
		"**The Northgate ferry resumed sailings on Monday** after three weeks of repairs to its landing stage, the operator said.\n\n" +
		"## What changed\n\n" +
		"- **Timetable:** sailings every 30 minutes until 8 p.m.\n" +
		"- **Fares:** unchanged at 2.40 pounds for adults.\n\n" +
		"The operator thanked passengers for their patience in a [statement](https://example.com/ferry-statement \"Statement\") and said the next inspection is due on *Dec. 17*.\n\n" +
		"---\n\n" +
		"Engineers replaced two of the stage's four pontoons, and the council paid for `half` of the work.\n"
	a, err := Page([]byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Harbour Ferry Returns After Storm Repairs" {
		t.Errorf("title = %q", a.Title)
	}
	body := strings.Join(a.Paragraphs, "\n")
	for _, w := range []string{"*", "#", "](", "https://", "`", "---", "- Timetable"} {
		if strings.Contains(body, w) {
			t.Errorf("body holds Markdown %q: %q", w, body)
		}
	}
	for _, w := range []string{"The Northgate ferry resumed sailings on Monday after", "Timetable: sailings every 30 minutes", "in a statement and said", "due on Dec. 17.", "paid for half of the work"} {
		if !strings.Contains(body, w) {
			t.Errorf("body lacks %q: %q", w, body)
		}
	}
}

// TestMarkdownShape: a text is read as Markdown only when it shows the
// marks twice; a dump's bullets, a lone "#" line or arithmetic are no
// Markdown, and plainMarkdown leaves words with inner marks alone.
func TestMarkdownShape(t *testing.T) {
	for text, want := range map[string]bool{
		"# Title\n\nSome **bold** words.":                  true,
		"# Title\n\n## Section\n\nText.":                   true,
		"Some **bold** words and **more** of them.":        true,
		"# 3\n\nA dump's line.\n* a bullet\n* another one": false,
		"The sum 2 * 3 * 4 is 24, said snake_case_fan.":    false,
	} {
		if got := markdownShape(text); got != want {
			t.Errorf("markdownShape(%q) = %v, want %v", text, got, want)
		}
	}
	for in, want := range map[string]string{
		"2 * 3 * 4 = 24":                         "2 * 3 * 4 = 24",
		"a snake_case_name stays":                "a snake_case_name stays",
		"an _emphasised_ word, a **strong** one": "an emphasised word, a strong one",
		"1. First item":                          "First item",
		"![a chart](chart.png) below":            "a chart below",
	} {
		if got := plainMarkdown(in); got != want {
			t.Errorf("plainMarkdown(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestLabelledFields reads the labels a language model writes before the
// fields it fills: the "Headline:" line is the title, whatever line the
// dump reader would have taken, and a "Subheadline:" keeps its words
// without the label; a label further down is text.
func TestLabelledFields(t *testing.T) {
	page := "Headline: Harbour Ferry Returns After Storm Repairs\n\n" +
		"Subheadline: Sailings resume after three weeks\n\n" +
		"The Northgate ferry resumed sailings on Monday after three weeks of repairs to its landing stage, the operator said.\n\n" +
		"Engineers replaced two of the stage's four pontoons, and the council paid for half of the work, officials said.\n\n" +
		"Title: a word in a sentence of the body, not a label of the page, which the body keeps.\n"
	a, err := Page([]byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Harbour Ferry Returns After Storm Repairs" {
		t.Errorf("title = %q, want the headline without its label", a.Title)
	}
	body := strings.Join(a.Paragraphs, "\n")
	if strings.Contains(body, "Headline:") || strings.Contains(body, "Subheadline:") {
		t.Errorf("body holds a label: %q", body)
	}
	if !strings.Contains(body, "Title: a word in a sentence") {
		t.Errorf("body lost its last line: %q", body)
	}
}

package extract

import (
	"slices"
	"strings"
	"testing"
)

// furniturePage builds a story page whose byline box (byline) sits above
// the story's paragraphs and whose closing line (signOff) follows them.
func furniturePage(byline string, paras []string, signOff string) string {
	var b strings.Builder
	b.WriteString(`<html><head><title>Tram line to reach the airport by 2031</title></head><body>
<header><a href="/">Daily Planet</a><nav><a href="/world">World</a> <a href="/business">Business</a></nav></header>
<main><h1>Tram line to reach the airport by 2031</h1>` + byline)
	for _, p := range paras {
		b.WriteString(`<div data-component="text-block"><p>` + p + `</p></div>`)
	}
	b.WriteString(signOff + `</main><footer><a href="/privacy">Privacy</a></footer></body></html>`)
	return b.String()
}

// TestBylineBoxFurniture checks that the lines of a byline box a body
// scorer may keep above the story (a staff title, a byline run into its
// date by adjacent inline elements) stay out of the body.
func TestBylineBoxFurniture(t *testing.T) {
	paras := []string{bodyP1, bodyP2, bodyP3, bodyP4}
	for _, tc := range []struct{ name, byline string }{
		{"staff title under the name", `<div data-component="byline-block"><div>By Ana Ruiz</div><div>Transport reporter</div></div>`},
		{"title after the name", `<div class="c-x9"><span>Ana Ruiz, Senior Editor</span></div>`},
		{"byline glued to its date", `<div class="c-x9"><span>Daily Planet Staff</span><span><time datetime="2026-03-03">March 3, 2026</time></span></div>`},
		{"any short line under the byline", `<div class="c-x9"><div>By Ana Ruiz</div><div>Reporting from Nordhaven</div></div>`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, err := Page([]byte(furniturePage(tc.byline, paras, "")), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(a.Paragraphs, "\n") != strings.Join(paras, "\n") {
				t.Errorf("body:\n  got  %q\n  want %q", a.Paragraphs, paras)
			}
		})
	}
}

// TestShortLeadAfterByline checks that a one-line opening paragraph under
// the byline, a sentence, stays the story's.
func TestShortLeadAfterByline(t *testing.T) {
	paras := []string{"The trams are coming.", bodyP1, bodyP2, bodyP3}
	a, err := Page([]byte(furniturePage(`<div><div>By Ana Ruiz</div></div>`, paras, "")), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(a.Paragraphs, "\n") != strings.Join(paras, "\n") {
		t.Errorf("body:\n  got  %q\n  want %q", a.Paragraphs, paras)
	}
}

// TestDatelineAfterBylineBox checks that a wire dateline opening the
// story's paragraph after short furniture lines is still read, and that
// the lines above it leave the body, so that the body opens with it.
func TestDatelineAfterBylineBox(t *testing.T) {
	lead := "NORDHAVEN, March 3 (Harbour Wire) - " + bodyP1
	paras := []string{lead, bodyP2, bodyP3, bodyP4}
	// A line no list of staff titles knows, and a reading time, with no
	// byline line above them.
	byline := `<div data-component="byline-block"><div>Our team in the north</div><div>4 min read</div></div>`
	a, err := Page([]byte(furniturePage(byline, paras, "")), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Paragraphs) == 0 || a.Paragraphs[0] != lead {
		t.Errorf("body opens with %q, want the dateline's paragraph", a.Paragraphs[:min(2, len(a.Paragraphs))])
	}
	if a.Dateline != "NORDHAVEN" || a.Credit != "Harbour Wire" {
		t.Errorf("dateline %q, credit %q; want NORDHAVEN, Harbour Wire", a.Dateline, a.Credit)
	}
}

func TestDropAboveDateline(t *testing.T) {
	lead := "NORDHAVEN (Harbour Wire) - " + bodyP1
	for _, tc := range []struct {
		name string
		in   []string
		want int // paragraphs dropped
	}{
		{"dateline first", []string{lead, bodyP2}, 0},
		{"one line above", []string{"Our team in the north", lead, bodyP2}, 1},
		{"two lines above", []string{"Our team in the north", "4 min read", lead, bodyP2}, 2},
		{"three lines above", []string{"Maps", "Our team in the north", "4 min read", lead}, 0},
		{"a sentence above", []string{"Trams are coming.", lead, bodyP2}, 0},
		{"a paragraph above", []string{bodyP2, lead}, 0},
		{"no dateline", []string{"Our team in the north", bodyP1, bodyP2}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := dropAboveDateline(tc.in); len(tc.in)-len(got) != tc.want {
				t.Errorf("dropAboveDateline(%q) = %q, want %d dropped", tc.in, got, tc.want)
			}
		})
	}
}

// TestItalicSignOff checks that a wire sign-off naming its agency before
// its staff, set in italics, leaves the body and still gives the credit.
func TestItalicSignOff(t *testing.T) {
	paras := []string{bodyP1, bodyP2, bodyP3, bodyP4}
	for _, tc := range []struct{ name, signOff, credit string }{
		{"agency first, em", `<div data-component="text-block"><p><em>(Harbour Wire; reporting by Ana Ruiz, editing by Tom Brown)</em></p></div>`, "Harbour Wire"},
		{"agency first, i", `<p><i>(Harbour Wire; Writing by Ana Ruiz; Editing by Tom Brown)</i></p>`, "Harbour Wire"},
		{"agency after", `<p><em>(Reporting by Ana Ruiz; Editing by Tom Brown)</em> Harbour Wire</p>`, "Harbour Wire"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, err := Page([]byte(furniturePage("", paras, tc.signOff)), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(a.Paragraphs, "\n") != strings.Join(paras, "\n") {
				t.Errorf("body:\n  got  %q\n  want %q", a.Paragraphs, paras)
			}
			if a.Credit != tc.credit {
				t.Errorf("credit %q, want %q", a.Credit, tc.credit)
			}
		})
	}
}

// TestTextSignOffCredit checks that a text dump's sign-off, which closes
// the story, names its source.
func TestTextSignOffCredit(t *testing.T) {
	for _, tc := range []struct{ signOff, credit string }{
		{"(Harbour Wire; reporting by Ana Ruiz, editing by Tom Brown)", "Harbour Wire"},
		{"(Reporting by Ana Ruiz; Editing by Tom Brown)", "Reuters"},
	} {
		t.Run(tc.signOff, func(t *testing.T) {
			dump := strings.Join([]string{"Home", "World", "Business", "Tram line to reach the airport by 2031", "By Ana Ruiz",
				bodyP1, bodyP2, bodyP3, bodyP4, tc.signOff, "About us", "Contact"}, "\n\n")
			a, err := Page([]byte(dump), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if a.Credit != tc.credit {
				t.Errorf("credit %q, want %q", a.Credit, tc.credit)
			}
			if got := a.Paragraphs[len(a.Paragraphs)-1]; got != bodyP4 {
				t.Errorf("body ends with %q, want its last paragraph", got)
			}
		})
	}
}

func TestDropDateLine(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   []string
		want int // paragraphs dropped
	}{
		{"date first", []string{"Wed 4 Mar 2026 14.30 GMT", bodyP1, bodyP2}, 1},
		{"date after the standfirst", []string{"Fares rise for the second time in a year", "Friday, November 14, 2025", bodyP1}, 1},
		{"a sentence with a date", []string{"It opened on March 4, 2026.", bodyP1}, 0},
		{"date deep in the body", []string{bodyP1, bodyP2, bodyP1, "March 4, 2026"}, 0},
		{"no date", []string{bodyP1, bodyP2}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := dropDateLine(slices.Clone(tc.in)); len(tc.in)-len(got) != tc.want {
				t.Errorf("dropDateLine(%q) = %q, want %d dropped", tc.in, got, tc.want)
			}
		})
	}
}

func TestReadingTimeIsStamp(t *testing.T) {
	for text, want := range map[string]bool{
		"6 min read": true, "3 MIN. READ": true, "6 minute read": true, "5-minute read": true,
		"Reading Time: 11 minutes": true, "Reading time: 4 min": true,
		"It takes 6 min to read the report.": false, "6 minutes": false, "Read more": false,
	} {
		if got := bodyIsStamp(text); got != want {
			t.Errorf("bodyIsStamp(%q) = %v, want %v", text, got, want)
		}
	}
}

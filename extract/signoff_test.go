package extract

import (
	"strings"
	"testing"
)

// TestSignOffCredit checks that a sign-off line the body leaves out still
// names the source when it is the page's only credit.
func TestSignOffCredit(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<html><head><title>Harbour cranes idle as dock strike enters third day</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav>
<article><h1>Harbour cranes idle as dock strike enters third day</h1>`)
	for _, p := range []string{
		"Container ships queued outside the port on Thursday as a strike by crane operators entered its third day, with both sides saying talks had stalled over pay and shift lengths.",
		"The operators' union said its members would stay off the quays until the port authority improved its offer of a 4 percent rise, which it called far below inflation over the past two years.",
		"The port authority said it had offered to reopen talks on Friday morning and urged the union to return to work while negotiations continued, warning that shipping lines could divert cargo.",
		"Freight forwarders said the backlog already stretched to more than 40 vessels, and that perishable goods were being rerouted by road to other ports at considerable extra cost.",
		"(Reporting by Ana Lindqvist; Editing by Tom Harker)",
	} {
		b.WriteString("<p>" + p + "</p>\n")
	}
	b.WriteString(`</article><footer><p>About us</p><p>Contact</p></footer></body></html>`)
	a, err := Page([]byte(b.String()), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range a.Paragraphs {
		if strings.Contains(p, "Reporting by") {
			t.Errorf("sign-off left in the body: %q", p)
		}
	}
	if a.Credit == "" {
		t.Errorf("credit empty; want the sign-off's agency (paragraphs %q)", a.Paragraphs)
	}
	t.Logf("credit %q", a.Credit)
}

func TestLeadDatelineOutlet(t *testing.T) {
	for _, tc := range []struct{ in, place, agency string }{
		{"CASTREVA, Nov 4 (Meridian Press) - The bank cut its rate on Wednesday.", "CASTREVA", "Meridian Press"},
		{"LIMA, March 3 (Reuters) - Peru's central bank held rates.", "LIMA", "Reuters"},
		{"OSLO, May 2 (updated 2 times) - The ferry resumed service.", "OSLO", ""},
	} {
		place, agency := leadDateline(tc.in)
		if place != tc.place || agency != tc.agency {
			t.Errorf("leadDateline(%q) = %q, %q; want %q, %q", tc.in, place, agency, tc.place, tc.agency)
		}
	}
}

// TestControlCharacters checks that no control character of a page reaches
// the article, where it could drive a reader's terminal.
func TestControlCharacters(t *testing.T) {
	page := "<html><head><title>Ferry \x1b]0;pwned\x07 service resumes</title></head><body><article>" +
		"<p>The island ferry resumed its winter timetable on Monday after storms \x1b[2J kept it in port for four days, the operator said in a statement.</p>" +
		"<p>Passengers queued from early morning \u009b31m at the harbour, and the first crossing left twelve minutes late with every seat taken.</p>" +
		"<p>The operator said it would add two extra sailings on Tuesday to clear the backlog of vehicles waiting on both sides of the strait.</p>" +
		"</article></body></html>"
	a, err := Page([]byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range append([]string{a.Title}, a.Paragraphs...) {
		if strings.IndexFunc(f, isControl) >= 0 {
			t.Errorf("control character kept in %q", f)
		}
	}
	if len(a.Paragraphs) != 3 {
		t.Errorf("got %d paragraphs, want 3: %q", len(a.Paragraphs), a.Paragraphs)
	}
}

// TestOwnSignOff checks that an outlet's own story, whose dateline names
// the outlet the page belongs to, credits no one: its staff sign-off is
// its own, not another agency's.
func TestOwnSignOff(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<html><head><title>Harbour cranes idle as dock strike enters third day</title>
<meta property="og:site_name" content="Meridian Press"></head><body>
<article><h1>Harbour cranes idle as dock strike enters third day</h1>`)
	for _, p := range []string{
		"CASTREVA (Meridian Press) - Container ships queued outside the port on Thursday as a strike by crane operators entered its third day, with both sides saying talks had stalled over pay.",
		"The operators' union said its members would stay off the quays until the port authority improved its offer of a 4 percent rise, which it called far below inflation over the past two years.",
		"The port authority said it had offered to reopen talks on Friday morning and urged the union to return to work while negotiations continued, warning that shipping lines could divert cargo.",
		"(Reporting by Ana Lindqvist; Editing by Tom Harker)",
	} {
		b.WriteString("<p>" + p + "</p>\n")
	}
	b.WriteString(`</article></body></html>`)
	a, err := Page([]byte(b.String()), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Credit != "" {
		t.Errorf("credit %q on the outlet's own story, want none", a.Credit)
	}
}

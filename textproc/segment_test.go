package textproc

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func sentences(text string) []string {
	var out []string
	for _, sp := range Segment(text) {
		out = append(out, text[sp.Start:sp.End])
	}
	return out
}

func TestSegment(t *testing.T) {
	for _, tc := range []struct {
		name string
		text string
		want []string
	}{
		{"two plain sentences", "The vote passed. Lawmakers left early.",
			[]string{"The vote passed.", "Lawmakers left early."}},
		{"U.S. before a name", "The U.S. Navy said it would help. Crews arrived.",
			[]string{"The U.S. Navy said it would help.", "Crews arrived."}},
		{"U.S. at the end", "The plan was backed by the U.S. The talks end today.",
			[]string{"The plan was backed by the U.S.", "The talks end today."}},
		{"title abbreviations", "Gen. Maria Ortiz met Mr. Lee and Dr. Patel. They spoke.",
			[]string{"Gen. Maria Ortiz met Mr. Lee and Dr. Patel.", "They spoke."}},
		{"month abbreviation with day", "The law takes effect on Jan. 5 next year. It was signed.",
			[]string{"The law takes effect on Jan. 5 next year.", "It was signed."}},
		{"No. before a number", "She is ranked No. 2 in the world. He is third.",
			[]string{"She is ranked No. 2 in the world.", "He is third."}},
		{"company suffix before a verb", "Shares of Acme Inc. rose 4 percent. Analysts cheered.",
			[]string{"Shares of Acme Inc. rose 4 percent.", "Analysts cheered."}},
		{"company suffix at the end", "The deal was signed with Acme Inc. The price was not disclosed.",
			[]string{"The deal was signed with Acme Inc.", "The price was not disclosed."}},
		{"decimals", "Growth slowed to 2.5 percent. Prices rose 3.1 percent.",
			[]string{"Growth slowed to 2.5 percent.", "Prices rose 3.1 percent."}},
		{"quote closes after the period", `"We will stay." The minister left.`,
			[]string{`"We will stay."`, "The minister left."}},
		{"curly quotes", "“We will not leave,” she said. “Never.” Officials agreed.",
			[]string{"“We will not leave,” she said.", "“Never.”", "Officials agreed."}},
		{"question and exclamation", "Is it over? Not yet! Talks resume Monday.",
			[]string{"Is it over?", "Not yet!", "Talks resume Monday."}},
		{"middle initial", "George W. Bush spoke. The crowd cheered.",
			[]string{"George W. Bush spoke.", "The crowd cheered."}},
		{"lower case after period is not a break", "The tally was 3 p.m. on the dot. It closed.",
			[]string{"The tally was 3 p.m. on the dot.", "It closed."}},
		{"caseless script", "시작은 사진 공개로부터 비롯됐다. 그건 잘못된 일이다.",
			[]string{"시작은 사진 공개로부터 비롯됐다.", "그건 잘못된 일이다."}},
		{"ideographic stops", "報道によると、販売された。「脱獄」とは何か？もちろん。",
			[]string{"報道によると、販売された。", "「脱獄」とは何か？", "もちろん。"}},
		{"lower-cased text", "the vote passed on monday after a long debate in the chamber of the national assembly. lawmakers left early for the weekend and said the u.s. envoy would return. gov. lee signed it into law on tuesday evening.",
			[]string{"the vote passed on monday after a long debate in the chamber of the national assembly.", "lawmakers left early for the weekend and said the u.s. envoy would return.", "gov. lee signed it into law on tuesday evening."}},
		{"lower case in cased text", "The vote passed. lawmakers left early.", []string{"The vote passed. lawmakers left early."}},
		{"glued paragraphs", "The storm hit at night.The town was dark by morning.", []string{"The storm hit at night.", "The town was dark by morning."}},
		{"glued abbreviations stay", "He moved to St.Louis and the U.S.Navy base.", []string{"He moved to St.Louis and the U.S.Navy base."}},
		{"empty", "   ", nil},
		{"no final period", "Breaking news from the harbour", []string{"Breaking news from the harbour"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := sentences(tc.text)
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("Segment(%q)\n got %q\nwant %q", tc.text, got, tc.want)
			}
		})
	}
}

func TestDateline(t *testing.T) {
	for _, tc := range []struct {
		name, para, place, agency, first string
	}{
		{"place and agency", "OSLO (Reuters) - The fund lost money.", "OSLO", "Reuters", "The fund lost money."},
		{"em dash, no agency", "NAIROBI — Rains flooded the city.", "NAIROBI", "", "Rains flooded the city."},
		{"two words with date", "NEW YORK, Jan 5 (AP) - Stocks fell.", "NEW YORK", "AP", "Stocks fell."},
		{"no dateline", "Officials said the bridge was safe.", "", "", "Officials said the bridge was safe."},
		{"acronym start is no dateline", "NATO allies met on Monday.", "", "", "NATO allies met on Monday."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := Analyze(articleOf(tc.para))
			if d.Dateline != tc.place || d.DatelineAgency != tc.agency {
				t.Errorf("dateline %q agency %q, want %q %q", d.Dateline, d.DatelineAgency, tc.place, tc.agency)
			}
			// The dateline's date is kept though no sentence holds it.
			if wantDate := strings.Contains(tc.para, "Jan 5"); wantDate != (len(d.DatelineDates) == 1 && d.DatelineDates[0].Month == 1 && d.DatelineDates[0].Day == 5) {
				t.Errorf("dateline dates %+v, want Jan 5: %v", d.DatelineDates, wantDate)
			}
			if len(d.Sentences) == 0 || d.Sentences[0].Text != tc.first {
				t.Errorf("first sentence %+v, want %q", d.Sentences, tc.first)
			}
		})
	}
}

// FuzzSegment checks that Segment never panics and returns ordered,
// non-overlapping, non-empty spans on rune boundaries that cover every
// non-space byte, and that Analyze and AppositionRoles survive any input.
func FuzzSegment(f *testing.F) {
	for _, s := range []string{
		"The U.S. Navy said it would help. Crews arrived.",
		"WASHINGTON (Reuters) - Gen. Smith said “No. 2 is 2.5 percent.” Next?",
		"\"...\" ,, .. ?! (", "a.b.c. D", "Inc. Co. Jan. 5. No. 3.", "“unclosed quote. And more",
		"\xff\xfe. A", "U.S.", ". . . .", "Mr.",
		"the storm hit at night.The town was dark", strings.Repeat("the river rose, and the town ", 30),
		strings.Repeat("the council met the families of the valley to hear them. ", 6),
		"It cost R6.8-billion, Rs4,5 crore and R2bn today.", "R1.é R9,",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		spans := Segment(text)
		prev := 0
		for _, sp := range spans {
			if sp.Start < prev || sp.End <= sp.Start || sp.End > len(text) {
				t.Fatalf("bad span %+v after %d in %q", sp, prev, text)
			}
			if utf8.ValidString(text) && (!utf8.RuneStart(text[sp.Start]) || (sp.End < len(text) && !utf8.RuneStart(text[sp.End]))) {
				t.Fatalf("span %+v splits a rune in %q", sp, text)
			}
			if strings.TrimSpace(text[prev:sp.Start]) != "" {
				t.Fatalf("text %q between spans is lost", text[prev:sp.Start])
			}
			prev = sp.End
		}
		if strings.TrimSpace(text[prev:]) != "" {
			t.Fatalf("tail %q is lost", text[prev:])
		}
		d := Analyze(articleOf(text))
		for i := range d.Sentences {
			for _, r := range AppositionRoles(&d.Sentences[i]) {
				if r.Start < 0 || r.End > len(d.Sentences[i].Text) || r.Start > r.End || r.Holder == "" {
					t.Fatalf("apposition role %+v out of its sentence %q", r, d.Sentences[i].Text)
				}
			}
		}
		for _, s := range d.Sentences {
			for _, tok := range s.Tokens {
				if tok.End > len(s.Text) || s.Text[tok.Start:tok.End] != tok.Text {
					t.Fatalf("token %+v does not match its span in %q", tok, s.Text)
				}
			}
		}
	})
}

// TestSegmentLongRuns checks that text without sentence marks is cut into
// clause-sized pieces at clause boundaries, and that no text is lost.
func TestSegmentLongRuns(t *testing.T) {
	var b strings.Builder
	for k := 0; k < 12; k++ {
		if k > 0 {
			b.WriteString(", and ")
		}
		b.WriteString("the council met the families of the valley to hear them")
	}
	text := b.String()
	spans := Segment(text)
	if len(spans) < 3 {
		t.Fatalf("%d spans for %d words without a sentence mark, want several", len(spans), len(strings.Fields(text)))
	}
	for _, sp := range spans {
		n := len(strings.Fields(text[sp.Start:sp.End]))
		if n > maxWords || n < targetWords/2 {
			t.Errorf("piece of %d words: %q", n, text[sp.Start:sp.End])
		}
		if !strings.HasPrefix(text[sp.Start:], "and ") && sp.Start > 0 {
			t.Errorf("piece not cut at a clause boundary: %q", text[sp.Start:sp.End])
		}
	}
	if spans[0].Start != 0 || spans[len(spans)-1].End != len(text) {
		t.Errorf("spans %v do not cover the text (%d bytes)", spans, len(text))
	}
}

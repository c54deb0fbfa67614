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
			if len(d.Sentences) == 0 || d.Sentences[0].Text != tc.first {
				t.Errorf("first sentence %+v, want %q", d.Sentences, tc.first)
			}
		})
	}
}

// FuzzSegment checks that Segment never panics and returns ordered,
// non-overlapping, non-empty spans on rune boundaries that cover every
// non-space byte, and that Analyze survives any input.
func FuzzSegment(f *testing.F) {
	for _, s := range []string{
		"The U.S. Navy said it would help. Crews arrived.",
		"WASHINGTON (Reuters) - Gen. Smith said “No. 2 is 2.5 percent.” Next?",
		"\"...\" ,, .. ?! (", "a.b.c. D", "Inc. Co. Jan. 5. No. 3.", "“unclosed quote. And more",
		"\xff\xfe. A", "U.S.", ". . . .", "Mr.",
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
		for _, s := range d.Sentences {
			for _, tok := range s.Tokens {
				if tok.End > len(s.Text) || s.Text[tok.Start:tok.End] != tok.Text {
					t.Fatalf("token %+v does not match its span in %q", tok, s.Text)
				}
			}
		}
	})
}

package textproc

import (
	"slices"
	"strings"
	"testing"

	"github.com/wiretrace/wiretrace/article"
)

// TestOpposites checks the two ways a word states the opposite of another:
// the lexicon and a negating prefix.
func TestOpposites(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"rose", "fell", true},
		{"fell", "rose", true},
		{"likely", "unlikely", true},
		{"legal", "illegal", true},
		{"agree", "disagree", true},
		{"rose", "rise", false},
		{"do", "undo", false}, // base word too short to pair by prefix
		{"cover", "discover", true},
		{"said", "stated", false},
		{"acquitted", "guilty", true},
	}
	for _, tt := range tests {
		t.Run(tt.a+"/"+tt.b, func(t *testing.T) {
			got := slices.Contains(Opposites(tt.a), tt.b) || NegatedBase(tt.b) == tt.a || NegatedBase(tt.a) == tt.b
			if got != tt.want {
				t.Errorf("Opposite(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
			}
		})
	}
}

func TestNegationCues(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"The port did not reopen.", []string{"not"}},
		{"The port didnt reopen.", []string{"n't"}},
		{"The operator failed to meet the deadline.", []string{"failed"}},
		{"Sales declined sharply.", nil},
		{"A spokesman declined to comment.", []string{"declined"}},
		{"Nobody knows whether or not the port will reopen.", []string{"nobody"}},
		{"Residents had nothing but praise for the crew.", nil},
		{"Fares will rise unless the council acts.", []string{"unless"}},
		{"The new estate falls short of the county's target.", []string{"short of"}},
		{"The rescue was nothing short of remarkable.", nil},
		{"Stocks ran short after the storm.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			s := AnalyzeSentence(tt.text)
			var got []string
			for _, n := range s.Negations {
				got = append(got, n.Cue)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("cues %q, want %q", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("cue %d = %q, want %q", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestLowerCaseDates(t *testing.T) {
	tests := []struct {
		text string
		kind DateKind
		day  int
	}{
		{"the clinic reopened on tuesday after repairs", Weekday, 0},
		{"cases rose sharply after october 12 in the region", DayMonth, 12},
		{"officials may 5 more sites", "", 0}, // "may" is a verb too
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			s := AnalyzeSentence(tt.text)
			if tt.kind == "" {
				if len(s.Dates) != 0 {
					t.Errorf("dates %+v, want none", s.Dates)
				}
				return
			}
			if len(s.Dates) != 1 || s.Dates[0].Kind != tt.kind || s.Dates[0].Day != tt.day {
				t.Errorf("dates %+v, want one %s with day %d", s.Dates, tt.kind, tt.day)
			}
		})
	}
}

// TestSpeakerOfSecondClause checks the speaker of a quote introduced by
// the second of two clauses joined by ", and", named by post and then by
// name: the second clause's named subject, not the sentence's opening.
func TestSpeakerOfSecondClause(t *testing.T) {
	s := AnalyzeSentence(`Corbin will show 232 matches, and Orvane's managing director, Lev Dansk, said Orvane had "bid for the heart of the league".`)
	if len(s.Quotes) != 1 || s.Quotes[0].Speaker != "Lev Dansk" {
		t.Errorf("quotes %+v, want the speaker Lev Dansk", s.Quotes)
	}
}

func TestSpeakerThroughInitials(t *testing.T) {
	s := AnalyzeSentence(`"We must defend the harbour," said Sen. Rosa K. Lindqvist, who chairs the panel.`)
	if len(s.Quotes) != 1 || s.Quotes[0].Speaker != "Sen. Rosa K. Lindqvist" {
		t.Errorf("quotes %+v, want the speaker Sen. Rosa K. Lindqvist", s.Quotes)
	}
}

// TestSpeakerBeforeApposition checks the speaker of a quote whose speech
// verb follows an apposition: the name before it; an apposition that is
// itself a name (a post, then its holder) is left to the other readings.
func TestSpeakerBeforeApposition(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{`The yard was busy, while delivery driver Ines Varro, 31, said: "It is the worst winter I have known."`, "Ines Varro"},
		{`Lorna Beech, 64, a retired nurse, said: "It adds up when you are on a pension."`, "Lorna Beech"},
		// A relative clause of more than ten tokens between name and verb.
		{`Graham Tolley, who agreed on 2 February to sell a 75 per cent stake in the club, insisted: "The ground is not going anywhere."`, "Graham Tolley"},
		// The tag as the older reading gives it, its comma kept (drift's
		// speakerOf reads the one person the sentence names): never the
		// place before the post.
		{`At a briefing in Corvalla, the agency's inspector, Dr Ines Varro, said: "These figures are not a blip."`, "Dr Ines Varro,"},
		{`Corbin will show 232 matches, and the league's lawyers, who said nothing more, called it "a fair deal".`, ""},
	} {
		s := AnalyzeSentence(tt.text)
		if len(s.Quotes) != 1 || s.Quotes[0].Speaker != tt.want {
			t.Errorf("%s: quotes %+v, want the speaker %q", tt.text, s.Quotes, tt.want)
		}
	}
}

// TestSpeakerNotPastFullStop checks that a quotation introduced before
// it and closed by a full stop takes no speaker from the sentence after
// it, which opens with its own subject and speech verb; a quotation
// closed by a comma, or by a full stop with nothing introducing it, still
// takes the speaker that follows it.
func TestSpeakerNotPastFullStop(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{`He said he had stepped aside, adding: "I had no role in the scoring." Maren Holt said she had not discussed the bids with him.`, ""},
		{`Tomas Vell said "I had no role in the scoring." Maren Holt said she had not discussed the bids with him.`, "Tomas Vell"},
		{`"I had no role in the scoring," Maren Holt said.`, "Maren Holt"},
		{`"I had no role in the scoring." Maren Holt said.`, "Maren Holt"},
	} {
		d := Analyze(&article.Article{Paragraphs: []string{tt.text}})
		var got []string
		for _, s := range d.Sentences {
			for _, q := range s.Quotes {
				got = append(got, q.Speaker)
			}
		}
		d.Release()
		if len(got) != 1 || got[0] != tt.want {
			t.Errorf("%s: speakers %q, want one, %q", tt.text, got, tt.want)
		}
	}
}

// TestPublishedDays checks the days a text names relative to its
// publication: read in the writer's time zone, each once, none without a
// publication time.
func TestPublishedDays(t *testing.T) {
	a := &article.Article{Published: "2026-07-21T08:30:00+12:00", Paragraphs: []string{
		"The river rose again today and will peak tomorrow.", "Roads closed tonight will stay shut."}}
	var got []string
	for _, d := range Analyze(a).PublishedDays {
		got = append(got, d.Text)
	}
	// 08:30 at +12:00 is 20 July in UTC: the writer's day is 21 July.
	want := "Tuesday; 21 July 2026; Wednesday; 22 July 2026"
	if strings.Join(got, "; ") != want {
		t.Errorf("published days %q, want %q", got, want)
	}
	a.Published = ""
	if days := Analyze(a).PublishedDays; len(days) != 0 {
		t.Errorf("published days %+v without a publication time, want none", days)
	}
	// A weekday alone names the nearest day of that name before or after
	// the publication; the publication's own weekday names that day.
	a = &article.Article{Published: "2026-05-12T07:00:00+01:00", Paragraphs: []string{
		"Talks are expected to resume on Thursday.", "The result was announced on Tuesday."}}
	got = got[:0]
	for _, d := range Analyze(a).PublishedDays {
		got = append(got, d.Text)
	}
	if want := "7 May 2026; 12 May 2026; 14 May 2026"; strings.Join(got, "; ") != want {
		t.Errorf("published days of weekdays %q, want %q", got, want)
	}
}

// TestMaybeMetres checks which figures read in millions may be metres: a
// bare one with a glued "m", not a sum of money nor a spelled magnitude.
func TestMaybeMetres(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"Storm damage cracked the 62m spire.", true},
		{"The council spent $62m on the spire.", false},
		{"The spire cost 62 million to build.", false},
	} {
		ns := Analyze(&article.Article{Paragraphs: []string{tc.text}}).Sentences[0].Numbers
		if len(ns) != 1 || ns[0].MaybeMetres() != tc.want {
			t.Errorf("%q: numbers %+v, want one with MaybeMetres %v", tc.text, ns, tc.want)
		}
	}
}

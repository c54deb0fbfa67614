package textproc

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/wiretrace/wiretrace/article"
)

func articleOf(paras ...string) *article.Article { return &article.Article{Paragraphs: paras} }

func TestTokenize(t *testing.T) {
	for _, tc := range []struct {
		text string
		want string // Lower/Stem/Stop per token
	}{
		{"U.S. build-up", "u.s./u.s./- build-up/buildup/-"},
		{"Japan's defences weren't", "japan's/japan/- defences/defenc/- weren't/weren't/-"},
		{"$2.5 billion, 1,000", "$/$/- 2.5/2.5/- billion/billion/- ,/,/- 1,000/1,000/-"},
		{"Strengthening the ties", "strengthening/strengthen/- the/the/stop ties/tie/-"},
		{"Japan’s", "japan's/japan/-"},
	} {
		t.Run(tc.text, func(t *testing.T) {
			var got []string
			for _, tok := range Tokenize(tc.text) {
				stop := "-"
				if tok.Stop {
					stop = "stop"
				}
				got = append(got, tok.Lower+"/"+tok.Stem+"/"+stop)
			}
			if g := strings.Join(got, " "); g != tc.want {
				t.Errorf("got  %s\nwant %s", g, tc.want)
			}
		})
	}
}

func TestWords(t *testing.T) {
	got := strings.Join(Words("Officials didn't say, “No.” The U.S.-led plan costs $2.5bn."), " ")
	want := "officials didn't say no the u.s. led plan costs 2.5 bn"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func sentence(t *testing.T, text string) Sentence {
	t.Helper()
	return AnalyzeSentence(text)
}

func TestEntitiesAndRoles(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		entities   string // kind:text, in order
		roles      string // title[mods]=holder
	}{
		{"role, holder and possessive place", "Japan's Foreign Minister Kenji Sato met reporters.",
			"place:Japan person:Kenji Sato", "foreign minister[]=Kenji Sato"},
		{"former and country qualifier", "He praised former U.S. President Robert Hale's policy.",
			"place:U.S. person:Robert Hale", "president[former]=Robert Hale"},
		{"adviser spelling and secretary of state", "National Security Advisor Ana Ruiz and Secretary of State Tom Berg spoke.",
			"person:Ana Ruiz person:Tom Berg", "national security adviser[]=Ana Ruiz secretary of state[]=Tom Berg"},
		{"lower-case spokesperson", "His spokesperson said the talks in Geneva would resume.",
			"place:Geneva", "spokesperson[]="},
		{"organisation by suffix and acronym", "Nordhavn Logistics Inc. signed a deal with NATO.",
			"organization:Nordhavn Logistics Inc organization:NATO", ""},
		{"two names joined by and", "Rubens told Ortiz and Lindqvist about it.",
			"misc:Rubens misc:Ortiz misc:Lindqvist", ""},
		{"treasurer", "Treasurer Ola Brenn signed the budget.",
			"person:Ola Brenn", "treasurer[]=Ola Brenn"},
		{"chairperson", "Chairperson Ola Brenn signed the budget.",
			"person:Ola Brenn", "chairperson[]=Ola Brenn"},
		{"plural possessive inside an organisation's name", "Ola Brenn of the Pennyfield Residents' Association and Japan's envoy spoke.",
			"person:Ola Brenn organization:Pennyfield Residents' Association place:Japan", "envoy[]="},
		{"weekday is not a name", "Mayor Elena Varga spoke on Tuesday in Oslo.",
			"person:Elena Varga place:Oslo", "mayor[]=Elena Varga"},
		{"a currency code is not a name", "Mayor Elena Varga said R6.8 billion and Rs 450 were spent in Oslo.",
			"person:Elena Varga place:Oslo", "mayor[]=Elena Varga"},
		{"a name after the kind of body it is", "The security firm Greyfen Secure said the charity Tidewell Hearts had been told.",
			"organization:Greyfen Secure organization:Tidewell Hearts", ""},
		{"sentence-initial verb is not a name", "Spurred by fears, Tokyo raised spending.",
			"place:Tokyo", ""},
		{"a modifier before the title's qualifiers", "The report was written by the retired High Court judge Dame Ilse Marrow.",
			"organization:High Court person:Dame Ilse Marrow", "judge[retired]=Dame Ilse Marrow"},
		{"a title inside an institution's name", "They were treated at Tarrow General Hospital, Major General Ilse Marrow said.",
			"person:Tarrow General Hospital person:Ilse Marrow", "major general[]=Ilse Marrow"},
		{"a title before a body is still a role after a title", "Director General Ilse Marrow of the Health Board spoke.",
			"person:Ilse Marrow organization:Health Board", "director[]= general[]=Ilse Marrow"},
		{"a modifier beyond the reach", "The late and much loved harbour board chief Ilse Marrow spoke.",
			"person:Ilse Marrow", "chief[]=Ilse Marrow"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := sentence(t, tc.text)
			var ents, roles []string
			for _, e := range s.Entities {
				ents = append(ents, string(e.Kind)+":"+e.Text)
			}
			for _, r := range s.Roles {
				roles = append(roles, fmt.Sprintf("%s[%s]=%s", r.Title, strings.Join(r.Modifiers, ","), r.Holder))
			}
			if g := strings.Join(ents, " "); g != tc.entities {
				t.Errorf("entities %q, want %q", g, tc.entities)
			}
			if g := strings.Join(roles, " "); g != tc.roles {
				t.Errorf("roles %q, want %q", g, tc.roles)
			}
		})
	}
}

func TestEntityKeys(t *testing.T) {
	s := sentence(t, "The United States and the U.S. Navy, American officials and US envoys met.")
	keys := map[string]bool{}
	for _, e := range s.Entities {
		keys[e.Key] = true
	}
	if !keys["united states"] {
		t.Errorf("keys %v: want united states", keys)
	}
}

func TestNumbers(t *testing.T) {
	for _, tc := range []struct {
		text string
		want string // value unit; ...
	}{
		{"The deal is worth $2.5 billion.", "2.5e+09 USD"},
		{"Prices rose 3 percent, or 3%, and 4 per cent.", "3 %; 3 %; 4 %"},
		{"It sold 1,200 tonnes for 40 million euros.", "1200 t; 4e+07 EUR"},
		{"Three ships and 12 aircraft took part in 2024.", "3 ; 12 "},
		{"Shares cost US$14.", "14 USD"},
		{"Two dozen were hurt; seven died.", "2 ; 12 ; 7 "},
		{"The rate fell 0.25 percentage points.", "0.25 points"},
		// Currency codes in letters, glued to the figure or not; a lone
		// "R" only before a figure written as money.
		{"The port will cost R6.8 billion, or R6.8-billion.", "6.8e+09 ZAR; 6.8e+09 ZAR"},
		{"Fares rose to R9,000 and R2bn was set aside.", "9000 ZAR; 2e+09 ZAR"},
		{"The R445 was closed at Kilmore.", ""},
		{"The fine was Rs 4.5 crore, or Rs45 million.", "4.5e+07 INR; 4.5e+07 INR"},
		{"A loan of RM2.5 million and KSh1.2 billion.", "2.5e+06 MYR; 1.2e+09 KES"},
		{"A grant of 3.1 billion rand.", "3.1e+09 ZAR"},
		// A magnitude joined by a hyphen; a decimal comma.
		{"It was a $2-million deal.", "2e+06 USD"},
		{"The budget is R2,4 billion and 12,75 percent of it is spent.", "2.4e+09 ZAR; 12.75 %"},
		{"Some 10,000 people and 2 lakh households.", "10000 people; 200000 "},
	} {
		t.Run(tc.text, func(t *testing.T) {
			var got []string
			for _, n := range sentence(t, tc.text).Numbers {
				got = append(got, fmt.Sprintf("%g %s", n.Value, n.Unit))
			}
			if g := strings.Join(got, "; "); g != tc.want {
				t.Errorf("got %q, want %q", g, tc.want)
			}
		})
	}
}

func TestDates(t *testing.T) {
	for _, tc := range []struct {
		text string
		want string
	}{
		{"They met on Tuesday.", "weekday Tuesday wd=2"},
		{"The law starts Jan. 5, 2026 in full.", "date Jan. 5, 2026 m=1 d=5 y=2026"},
		{"It began on 5 January.", "date 5 January m=1 d=5"},
		{"Sales rose in 2025 and in March 2024.", "year 2025 y=2025; month March 2024 m=3 y=2024"},
		// A decade is no year; a year's possessive is.
		{"Her career took off in the early 2000s.", "decade 2000 y=2000"},
		{"The 2019's budget grew.", "year 2019 y=2019"},
		{"Talks ended yesterday and resume next week.", "relative yesterday; relative next week"},
		{"You may go. March on.", ""},
		// The day before the month when the month is also a word.
		{"The deal is expected to be completed by 31 March.", "date 31 March m=3 d=31"},
		{"Voting opens on 1 May in every district.", "date 1 May m=5 d=1"},
		{"Thousands march through the city.", ""},
		{"It may rain on Friday.", "weekday Friday wd=5"},
		// A month that is also a word or a name, placed in time by the
		// word before it; a whole four-letter name is no abbreviation.
		{"Clinics will open at 60 hospitals from June.", "month June m=6"},
		{"The plant will close by March.", "month March m=3"},
		{"June Harlow said so.", ""},
		{"It ends in July.", "month July m=7"},
	} {
		t.Run(tc.text, func(t *testing.T) {
			var got []string
			for _, d := range sentence(t, tc.text).Dates {
				s := string(d.Kind) + " " + d.Text
				if d.Weekday != 0 {
					s += fmt.Sprintf(" wd=%d", d.Weekday)
				}
				if d.Month != 0 {
					s += fmt.Sprintf(" m=%d", d.Month)
				}
				if d.Day != 0 {
					s += fmt.Sprintf(" d=%d", d.Day)
				}
				if d.Year != 0 {
					s += fmt.Sprintf(" y=%d", d.Year)
				}
				got = append(got, s)
			}
			if g := strings.Join(got, "; "); g != tc.want {
				t.Errorf("got %q, want %q", g, tc.want)
			}
		})
	}
}

func TestQuotes(t *testing.T) {
	for _, tc := range []struct {
		name, para string
		want       string // text => speaker per sentence, sentences joined by " | "
	}{
		{"said after", `"We will not retreat," said Defence Minister Lena Holm.`, "We will not retreat, => Defence Minister Lena Holm"},
		{"name said after", `“The bridge is safe,” Varga told reporters.`, "The bridge is safe, => Varga"},
		{"pronoun", `"It is over," he said.`, "It is over, => he"},
		{"name, apposition, verb after", `"The wall held," Dr Ines Okafor, the agency's chief inspector, told reporters.`, "The wall held, => Dr Ines Okafor"},
		{"a clause after the name is no apposition", `"The wall held," Okafor, who had warned of it, was relieved.`, "The wall held, => "},
		{"speaker before", `Holm said: "We are ready."`, "We are ready. => Holm"},
		{"two sentences in one quote", `"We are ready. We will act," the spokesperson said.`, "We are ready. => the spokesperson | We will act, => the spokesperson"},
		{"no speaker", `The sign read "closed" all day.`, "closed => "},
		// A quote inside reported speech or a characterisation: the
		// subject that opens the sentence, not a passive or a naming.
		{"reported speech", `Daniel Hurst, the party's health spokesman, said the plan was "a sticking plaster" and left.`, "a sticking plaster => Daniel Hurst"},
		{"characterised as", `Joanna Pike dismissed the plan as “a sticking plaster”.`, "a sticking plaster => Joanna Pike"},
		{"called the object", `Mayor Joanne Whitfield called the closure "a hammer blow".`, "a hammer blow => Mayor Joanne Whitfield"},
		{"passive", `It was called "the deal of the century" by traders.`, "the deal of the century => "},
		{"naming", `A group called "Friends of the Valley" protested.`, "Friends of the Valley => "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := Analyze(articleOf(tc.para))
			var got []string
			for _, s := range d.Sentences {
				for _, q := range s.Quotes {
					got = append(got, q.Text+" => "+q.Speaker)
				}
			}
			if g := strings.Join(got, " | "); g != tc.want {
				t.Errorf("got %q, want %q", g, tc.want)
			}
		})
	}
}

func TestNegations(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"He did not attend and never called.", "not never"},
		{"She didn’t deny it.", "n't deny"},
		{"They left without a deal.", "without"},
		{"The vote passed.", ""},
	} {
		t.Run(tc.text, func(t *testing.T) {
			s := sentence(t, tc.text)
			var got []string
			for _, n := range s.Negations {
				got = append(got, n.Cue)
				if c := s.Text[n.Start:n.End]; strings.ReplaceAll(strings.ToLower(c), "’", "'") != n.Cue {
					t.Errorf("cue %q has span text %q", n.Cue, c)
				}
			}
			if g := strings.Join(got, " "); g != tc.want {
				t.Errorf("got %q, want %q", g, tc.want)
			}
		})
	}
}

func TestAnalyzeOffsets(t *testing.T) {
	paras := []string{"OSLO (Reuters) - First one. Second one.", "Third “quoted,” said Holm."}
	d := Analyze(articleOf(paras...))
	if len(d.Sentences) != 3 {
		t.Fatalf("got %d sentences", len(d.Sentences))
	}
	for i, s := range d.Sentences {
		if s.Index != i || paras[s.Paragraph][s.Start:s.End] != s.Text {
			t.Errorf("sentence %d: index %d, paragraph %d [%d:%d] does not give %q", i, s.Index, s.Paragraph, s.Start, s.End, s.Text)
		}
	}
}

// TestASCIIClass checks the scanners' ASCII table against the unicode
// tests it stands for.
func TestASCIIClass(t *testing.T) {
	for c := range rune(utf8.RuneSelf) {
		want := asciiPunct
		switch {
		case unicode.IsSpace(c):
			want = asciiSpace
		case unicode.IsLetter(c):
			want = asciiLetter
		case unicode.IsDigit(c):
			want = asciiDigit
		}
		if got := int(asciiClass[c]); got != want {
			t.Errorf("class of %q = %d, want %d", c, got, want)
		}
	}
}

// TestTokensInQuote checks that the tokens of a sentence inside one of
// its quotes are the tokens of the quote's text on its own, on quotes
// written every way and on random text made of the characters that end
// or join tokens (quotation marks, apostrophes, hyphens, dots, digits).
func TestTokensInQuote(t *testing.T) {
	paras := []string{
		`“We are ready. We will act,” the spokesperson said.`,
		`Lena Ostrova said: "The U.S. plan costs $2.5 billion, not 1,000."`,
		`He called it a “rock ’n’ roll” build-up and "don't-look-back" politics.`,
		`The mayor's "quick"fix and pre-"approved" permits drew 12"of rain.`,
		"“Qu’elle vienne,” dit Amélie\u00a0Durand. “Non‑stop” work, she added.",
		`OSLO (Reuters) - "We are ready," Holm said. "Not yet.`,
	}
	r := rand.New(rand.NewPCG(5, 6))
	const alphabet = "aB c.D'’-‑ 9,1 “”\" U.S. x\u00a0é.\n"
	chars := []rune(alphabet)
	for range 3000 {
		b := make([]rune, 4+r.IntN(60))
		for k := range b {
			b[k] = chars[r.IntN(len(chars))]
		}
		paras = append(paras, string(b))
	}
	quotes := 0
	for _, p := range paras {
		d := Analyze(&article.Article{Paragraphs: []string{p}})
		for i := range d.Sentences {
			s := &d.Sentences[i]
			for _, q := range s.Quotes {
				quotes++
				got, want := s.TokensIn(q.Span), Tokenize(q.Text)
				if len(got) != len(want) {
					t.Fatalf("quote %q of %q: %d tokens inside its span, %d of its text", q.Text, s.Text, len(got), len(want))
				}
				for k := range got {
					g, w := got[k], want[k]
					if g.Text != w.Text || g.Lower != w.Lower || g.Stem != w.Stem || g.Stop != w.Stop || g.Kind != w.Kind {
						t.Fatalf("quote %q of %q: token %d is %+v inside the span, %+v in the text", q.Text, s.Text, k, g, w)
					}
				}
			}
		}
	}
	if quotes < 100 {
		t.Fatalf("only %d quotes checked", quotes)
	}
}

// TestRelease checks that an analysis made in the arrays of a released
// Doc is the analysis made afresh, and that releasing twice is harmless.
func TestRelease(t *testing.T) {
	first := articleOf(`“We are ready,” said Lena Ostrova, the U.S. envoy, on Tuesday.`, "The plan costs $2.5 billion. It was not approved.")
	second := articleOf("Governor Ruth Halvorsen said 1,200 residents left Korsvik.", `Halvorsen told reporters: "We will rebuild." The dam failed in 2019.`)
	fresh := fmt.Sprintf("%+v", Analyze(second).Sentences)
	d := Analyze(first)
	d.Release()
	d.Release()
	if got := fmt.Sprintf("%+v", Analyze(second).Sentences); got != fresh {
		t.Fatalf("after a release:\n%s\nafresh:\n%s", got, fresh)
	}
}

// TestSpelledCompound checks the spelled numbers of tens and units.
func TestSpelledCompound(t *testing.T) {
	for w, want := range map[string]float64{"twenty-nine": 29, "forty-one": 41, "ninety-nine": 99,
		"twenty": 0, "one-off": 0, "ten-one": 0, "well-known": 0, "twenty-": 0, "-nine": 0} {
		if got := SpelledCompound(w); got != want {
			t.Errorf("SpelledCompound(%q) = %g, want %g", w, got, want)
		}
	}
}

func TestSpelledMeasure(t *testing.T) {
	for _, tc := range []struct {
		w    string
		v    float64
		unit string
	}{
		{"three-day", 3, "days"}, {"five-year", 5, "years"}, {"ten-mile", 10, "mi"}, {"two-hours", 2, "hours"},
		{"three-way", 0, ""}, {"one-off", 0, ""}, {"well-known", 0, ""}, {"three-", 0, ""}, {"-day", 0, ""},
		{"twenty-nine", 0, ""}, {"five-percent", 0, ""}, {"three-and-a-half-year", 3.5, "years"}, {"two-and-a-half-way", 0, ""},
	} {
		if v, unit := SpelledMeasure(tc.w); v != tc.v || unit != tc.unit {
			t.Errorf("SpelledMeasure(%q) = %g %q, want %g %q", tc.w, v, unit, tc.v, tc.unit)
		}
	}
}

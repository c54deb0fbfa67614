package drift

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/textproc"
)

// TestExamine checks the article-level review: facts only the derived
// side states become suspects, reported only when the rewrite is judged
// changed, and for a partial copy only in sentences about the source's
// story.
func TestExamine(t *testing.T) {
	src := doc("The ferry service resumed on the northern route on Monday, operator Ilse Varga said.",
		"Operators cited calmer seas after a week of storms.",
		"Passengers had waited for days at the harbour.",
		"The harbour master welcomed the decision.",
		"Tickets went on sale at noon.")
	der := doc("The ferry service resumed on the northern route on Monday, operator Ilse Varga said.",
		"Operators cited calmer seas after a week of storms.",
		"Varga later admitted that 340 passengers had been stranded.",
		"\"We were told to keep quiet about the engine fault,\" said Tomas Brevik, a deckhand.",
		"The harbour master welcomed the decision.")
	pairs := []Pair{{Source: []int{0}, Derived: []int{0}}, {Source: []int{1}, Derived: []int{1}}, {Source: []int{3}, Derived: []int{4}}}
	rv := Examine(src, der, pairs)
	if len(rv.Found) != 0 {
		t.Errorf("Found = %+v, want none", rv.Found)
	}
	if len(rv.Signals) != len(SignalNames) {
		t.Fatalf("%d signals, want %d", len(rv.Signals), len(SignalNames))
	}
	kinds := func(ds []Drift) []Kind {
		var out []Kind
		for _, d := range ds {
			out = append(out, d.Kind)
		}
		return out
	}
	tests := []struct {
		name             string
		changed, partial bool
		want             []Kind
	}{
		{"faithful", false, false, nil},
		// The deckhand's quote is part of the invented deckhand: told
		// once, with the name.
		{"changed", true, false, []Kind{Number, Entity}},
		// The quote's sentence names nobody of the source's story.
		{"changed partial", true, true, []Kind{Number}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := rv.Drifts(tt.changed, tt.partial)
			if !slices.Equal(kinds(got), tt.want) {
				t.Errorf("Drifts(%v, %v) = %+v, want kinds %v", tt.changed, tt.partial, got, tt.want)
			}
			for _, d := range got {
				if d.DerivedSpan == "" || d.Explanation == "" {
					t.Errorf("drift without a span or an explanation: %+v", d)
				}
				if d.Kind == Entity && !strings.HasSuffix(d.Explanation, "and quotes them") {
					t.Errorf("the quoted new name's explanation %q does not say it is quoted", d.Explanation)
				}
			}
		})
	}
}

// TestExamineFoundReportsSuspects checks a rewrite caught changing a
// fact (Find reports it) that the model does not judge changed: its
// suspects are reported beside the changed fact, as a judged rewrite's
// are; without the changed fact they are not.
func TestExamineFoundReportsSuspects(t *testing.T) {
	src := doc("The ferry service resumed on the northern route on Monday after 12 days of storms.",
		"The ferry operators cited calmer seas.",
		"Passengers had waited for days at the harbour.")
	kept := "The ferry service resumed on the northern route on Monday after 12 days of storms."
	changed := "The ferry service resumed on the northern route on Monday after 21 days of storms."
	added := "The delay cost the operators about 2 million euros, according to analyst Maren Solvik."
	pairs := []Pair{{Source: []int{0}, Derived: []int{0}}, {Source: []int{1}, Derived: []int{1}}}
	for _, tt := range []struct {
		first string
		want  []Kind
	}{
		{kept, nil},
		{changed, []Kind{Number, Number, Entity}},
	} {
		rv := Examine(src, doc(tt.first, "The ferry operators cited calmer seas.", added), pairs)
		var got []Kind
		for _, d := range rv.Drifts(false, false) {
			got = append(got, d.Kind)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("first sentence %q: drifts %v, want %v (found %+v, suspects %+v)", tt.first, got, tt.want, rv.Found, rv.Suspects)
		}
	}
}

// TestExamineClaim checks a rewrite judged changed with no checkable fact
// changed: it reports its claim, the unbacked sentence about the source's
// story, and a partial copy does not (the sentence names nobody of it).
func TestExamineClaim(t *testing.T) {
	src := doc("The ferry service resumed on the northern route after a week of storms.",
		"The ferry operators cited calmer seas.",
		"Passengers had waited for days at the harbour.")
	der := doc("The ferry service resumed on the northern route after a week of storms.",
		"The ferry operators cited calmer seas.",
		"Secret documents reveal the ferry operators sabotaged their own engines to collect insurance money.")
	rv := Examine(src, der, []Pair{{Source: []int{0}, Derived: []int{0}}, {Source: []int{1}, Derived: []int{1}}})
	if got := rv.Drifts(false, false); len(got) != 0 {
		t.Errorf("not changed: got %+v, want no drift", got)
	}
	got := rv.Drifts(true, false)
	if len(got) != 1 || got[0].Kind != Claim || got[0].DerivedSentence != 2 || got[0].SourceSentence < 0 || got[0].Explanation == "" {
		t.Errorf("changed: got %+v, want one claim drift on derived sentence 2", got)
	}
	if got := rv.Drifts(true, true); len(got) != 0 {
		t.Errorf("changed partial: got %+v, want no drift", got)
	}
}

// TestExamineSplitFigure checks a source sentence that a rewrite splits
// in two, pairing one half and changing the figure of the other: the
// unpaired half's figure is reported against the source figure it
// replaced, which the rewrite states nowhere; a figure the rewrite also
// keeps stays an addition.
func TestExamineSplitFigure(t *testing.T) {
	src := doc("Dockers at Norvik walked out on Monday when talks collapsed, leaving 12 tankers waiting offshore.",
		"The union wants a 7% raise over two years.",
		"The company offered 3%.",
		"Talks resume on Friday.",
		"The port handled 900,000 containers last year.")
	for _, tt := range []struct {
		name, third string
		source      string
	}{
		{"changed", "By nightfall 21 vessels sat at anchor off the coast.", "12"},
		{"kept elsewhere", "By nightfall 21 vessels sat at anchor, beside the 12 tankers.", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			der := doc("Dockers at Norvik struck on Monday after talks failed.", tt.third,
				"The union is seeking 7% over two years.",
				"The company has offered 3%.",
				"Talks are due to resume on Friday.",
				"Norvik handled 900,000 containers last year.")
			pairs := []Pair{{Source: []int{0}, Derived: []int{0}}, {Source: []int{1}, Derived: []int{2}},
				{Source: []int{2}, Derived: []int{3}}, {Source: []int{3}, Derived: []int{4}}, {Source: []int{4}, Derived: []int{5}}}
			rv := Examine(src, der, pairs)
			var got *Drift
			for _, d := range rv.Drifts(true, false) {
				if d.Kind == Number && d.DerivedSpan == "21" {
					got = &d
				}
			}
			if got == nil {
				t.Fatalf("no number drift on 21: %+v", rv.Drifts(true, false))
			}
			if got.SourceSpan != tt.source {
				t.Errorf("source span %q, want %q (%s)", got.SourceSpan, tt.source, got.Explanation)
			}
		})
	}
}

// TestExamineSpelledFigure checks that a figure the source spells out, as
// a sentence opening ("Twenty-nine miners"), is one it states: a rewrite
// that gives it in figures adds nothing.
func TestExamineSpelledFigure(t *testing.T) {
	src := doc("Twenty-nine miners were trapped when the roof of the Breska shaft fell on Sunday.",
		"Rescuers reached them after two days.",
		"The company said the shaft would stay closed.",
		"An inquiry opens in May.",
		"The mine employs 400 people.")
	der := doc("Rescuers took two days to reach the trapped workers.",
		"In all, 29 miners were caught underground at Breska.",
		"The shaft will stay closed, the company said.")
	rv := Examine(src, der, []Pair{{Source: []int{1}, Derived: []int{0}}, {Source: []int{2}, Derived: []int{2}}})
	for _, d := range rv.Drifts(true, false) {
		if d.Kind == Number {
			t.Errorf("number drift on a figure the source spells out: %+v", d)
		}
	}
}

// TestMergedSentenceFigure checks a rewrite that merges two source
// sentences, paired with one of them, and changes a figure of the other:
// the figure is reported against the range it replaced, not as new; a
// figure the rewrite states elsewhere is no counterpart.
func TestMergedSentenceFigure(t *testing.T) {
	src := doc("The board approved the plan on Monday.", "Its chair, Ana Ruiz, said a formal review would now begin.",
		"A decision is expected within 60 to 90 days.", "The firm welcomed the news.", "Shares rose.")
	der := doc("The board backed the plan for people aged over 60 on Monday.",
		"A formal review will now begin, said chair Ana Ruiz, with a ruling expected in about 150 days.",
		"The firm was pleased.", "Its shares climbed.")
	pairs := []Pair{{Source: []int{0}, Derived: []int{0}}, {Source: []int{1}, Derived: []int{1}}, {Source: []int{3}, Derived: []int{2}}, {Source: []int{4}, Derived: []int{3}}}
	found := Find(src, der, pairs)
	if len(found) != 1 || found[0].Kind != Number || found[0].SourceSpan != "60 to 90 days" || found[0].DerivedSpan != "150 days" {
		t.Errorf("got %+v, want one number drift 60 to 90 days -> 150 days", found)
	}
	// The neighbour the figure came from may be paired with another
	// derived sentence: the aligner gave it to the rewrite's lead.
	src = doc("Nurses accepted a pay deal worth 7.5 per cent, the union said.", "Members backed the offer by 81 per cent in a ballot that closed on Monday.",
		"Turnout was 68 per cent among the 4,300 nurses.", "The strike was called off.", "Hospitals welcomed the news.")
	der = doc("Nurses accepted a 7.5 per cent pay deal in a ballot that closed on Monday, the union said.",
		"Members backed the offer by 87 per cent, on a turnout of 68 per cent among the 4,300 nurses.",
		"The strike was called off.", "Hospitals welcomed the news.")
	pairs = []Pair{{Source: []int{0, 1}, Derived: []int{0}}, {Source: []int{2}, Derived: []int{1}}, {Source: []int{3}, Derived: []int{2}}, {Source: []int{4}, Derived: []int{3}}}
	found = Find(src, der, pairs)
	if len(found) != 1 || found[0].Kind != Number || found[0].SourceSpan != "81 per cent" || found[0].DerivedSpan != "87 per cent" {
		t.Errorf("got %+v, want one number drift 81 per cent -> 87 per cent", found)
	}
}

// TestExamineHeadlessOrganisation checks an organisation whose head word
// ("Society") the source never uses: the source's common words ("little
// relief") do not make it the source's body, so it is a new name; one
// the source describes by its head ("the association") is no new name.
func TestExamineHeadlessOrganisation(t *testing.T) {
	src := doc("Forecasters at the Ostrevian Weather Institute offered little relief on Tuesday.",
		"Evacuees were sent to a sports hall in Tessen, the ferry association said.")
	der := doc("Forecasters at the Ostrevian Weather Institute offered little relief on Tuesday.",
		"The Ostrevian Relief Society is running the sports hall in Tessen, the Tessen Ferry Association said.")
	rv := Examine(src, der, []Pair{{Source: []int{0}, Derived: []int{0}}, {Source: []int{1}, Derived: []int{1}}})
	if got := spans(rv.Drifts(true, false), Entity); got != "->Ostrevian Relief Society" {
		t.Errorf("entity drifts %q, want the Ostrevian Relief Society alone", got)
	}
}

// TestExamineInventedAttribution checks a sentence that invents a
// source: a person whose names are two edits from words of the source
// that name nobody ("Sander" from the stop word "Under", "Marsh" from
// the date "10 March") is new all the same, and the person with the
// organisation she speaks for is one drift.
func TestExamineInventedAttribution(t *testing.T) {
	src := doc("Under the plan, the trust launched its challenge on 10 March, its chair said.",
		"The club's board approved the sale in January.")
	der := doc("Under the plan, the trust launched its challenge on 10 March, its chair said.",
		"The board approved the sale, according to Sander Marsh, a spokeswoman for Open Terraces Watch.")
	rv := Examine(src, der, []Pair{{Source: []int{0}, Derived: []int{0}}, {Source: []int{1}, Derived: []int{1}}})
	if got := spans(rv.Drifts(true, false), Entity); got != "->Sander Marsh" {
		t.Errorf("entity drifts %q, want Sander Marsh alone", got)
	}
	if got := rv.Signals[slices.Index(SignalNames, "new_names")]; got != math.Log1p(2) {
		t.Errorf("new_names = %v, want log(3): both names wholly new", got)
	}
}

// TestExamineMostlyNewName checks that a name most of whose words the
// source never uses is a suspect though one of its words is the source's,
// that the new_names signal counts only names wholly new, and that a
// titled name is not reported again beside the name Find reported.
func TestExamineMostlyNewName(t *testing.T) {
	src := doc("Ostrevian consumer prices rose 2.4 per cent in May, the central bank said.",
		"Volunteers said the roads were clear.",
		"Sheriff Dale Orrin said the bridge would reopen.")
	der := doc("Ostrevian consumer prices rose 2.4 per cent in May, the Ostrevian Statistics Office said.",
		"The Ostrevian Volunteer Corps said the roads were clear.",
		"Sheriff Brian Tolland said the bridge would reopen.")
	pairs := []Pair{{Source: []int{0}, Derived: []int{0}}, {Source: []int{1}, Derived: []int{1}}, {Source: []int{2}, Derived: []int{2}}}
	rv := Examine(src, der, pairs)
	// Two of three words new is most: the Statistics Office is a suspect;
	// the Volunteer Corps, one of three ("Ostrevian", "Volunteer" held),
	// is not.
	if found, suspects := spans(rv.Found, Entity), spans(rv.Suspects, Entity); found != "Sheriff Dale Orrin->Brian Tolland" || suspects != "->Ostrevian Statistics Office" {
		t.Errorf("found %q and entity suspects %q, want Brian Tolland found and the Ostrevian Statistics Office suspected", found, suspects)
	}
	// No name is wholly new: "Sheriff Brian Tolland" holds the source's
	// "Sheriff".
	if got := rv.Signals[slices.Index(SignalNames, "new_names")]; got != 0 {
		t.Errorf("new_names = %v, want 0: no name wholly new", got)
	}
}

// TestExamineMonthChanged checks that a month changed in a paired
// sentence is a suspect, not a drift Find reports, and that a month the
// source states in another sentence (a timeline the aligner paired
// wrongly) is none.
func TestExamineMonthChanged(t *testing.T) {
	for _, tc := range []struct {
		name     string
		src, der []string
		want     string // source->derived; ...
	}{
		{"changed", []string{"Weekend clinics will open at 60 hospitals from June.", "Unions backed the plan."},
			[]string{"Weekend clinics will open at 60 hospitals from September.", "Unions backed the plan."}, "June->September"},
		{"a timeline paired wrongly", []string{"In November 2015 the singer released the album about the tour.", "In September 2015 she spoke."},
			[]string{"In September 2015 she spoke about the tour and the album.", "Fans cheered."}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rv := Examine(doc(tc.src...), doc(tc.der...), []Pair{{Source: []int{0}, Derived: []int{0}}, {Source: []int{1}, Derived: []int{1}}})
			if len(rv.Found) != 0 {
				t.Errorf("Found = %+v, want none", rv.Found)
			}
			if got := spans(rv.Suspects, Date); got != tc.want {
				t.Errorf("date suspects %q, want %q", got, tc.want)
			}
		})
	}
}

// TestExamineNegationBesideAnother checks a negation dropped in a
// sentence whose other clause negates something else: a suspect (Find
// leaves sentences negated on both sides alone), quoted with its
// auxiliary and the restated verb; a negation kept in other words in the
// same clause is none.
func TestExamineNegationBesideAnother(t *testing.T) {
	for _, tc := range []struct {
		name, src, der, want string
	}{
		{"dropped", "The singer did not plan to reschedule the shows this year.",
			"The singer planned to reschedule the shows this year, and she denied that sales were slow.",
			"did not plan to reschedule->planned to reschedule"},
		{"kept in other words", "The crash came as no surprise to his friends.",
			"The crash did not come as a surprise to his friends, and they were not alone.", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rv := Examine(doc(tc.src), doc(tc.der), []Pair{{Source: []int{0}, Derived: []int{0}}})
			if len(rv.Found) != 0 {
				t.Errorf("Found = %+v, want none", rv.Found)
			}
			if got := spans(rv.Suspects, Negation); got != tc.want {
				t.Errorf("negation suspects %q, want %q", got, tc.want)
			}
		})
	}
}

// spans lists the drifts of kind k as "source->derived", joined by "; ".
func spans(ds []Drift, k Kind) string {
	var out []string
	for _, d := range ds {
		if d.Kind == k {
			out = append(out, d.SourceSpan+"->"+d.DerivedSpan)
		}
	}
	return strings.Join(out, "; ")
}

// TestExamineDatelineDate checks that the date a source's wire dateline
// gives is one the source states: a rewrite that dates the story by it
// adds no date.
func TestExamineDatelineDate(t *testing.T) {
	src := doc("BRENNICK, March 17 (Calder Wire) - A regional court on Tuesday convicted the developer's former chief of fraud.",
		"The judge sentenced him to seven years in prison.")
	der := doc("On Tuesday, March 17, a regional court convicted the developer's former chief of fraud.",
		"The judge sentenced him to seven years in prison.")
	rv := Examine(src, der, []Pair{{Source: []int{0}, Derived: []int{0}}, {Source: []int{1}, Derived: []int{1}}})
	for _, d := range append(rv.Found, rv.Suspects...) {
		if d.Kind == Date {
			t.Errorf("date drift %+v: the dateline states March 17", d)
		}
	}
}

// TestExaminePublishedDay checks that a day the source names relative to
// its publication ("tonight", "tomorrow") is one it states: a rewrite that
// names the weekday or the date adds no date, while another day still is
// one the source never gives.
func TestExaminePublishedDay(t *testing.T) {
	src := &article.Article{Published: "2026-03-10T16:00:00+11:00", Paragraphs: []string{
		"The ferry service across the sound will stop tonight as a storm approaches.",
		"The operator said sailings would resume tomorrow if the wind eased.",
		"About 1,200 passengers use the service each day.",
		"A spokesperson for the operator said safety came first.",
		"Buses will run around the sound in the meantime."}}
	for _, tc := range []struct {
		name, first, second string
		want                string
	}{
		{"the same days", "The ferry service across the sound stopped on Tuesday night as a storm approached.",
			"The operator said sailings would resume on 11 March if the wind eased.", ""},
		{"another day", "The ferry service across the sound stopped on Thursday night as a storm approached.",
			"The operator said sailings would resume on 11 March if the wind eased.", "Thursday"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			der := doc(tc.first, tc.second, "About 1,200 passengers use the service each day.",
				"A spokesperson for the operator said safety came first.", "Buses will run around the sound in the meantime.")
			var pairs []Pair
			for i := range 5 {
				pairs = append(pairs, Pair{Source: []int{i}, Derived: []int{i}})
			}
			rv := Examine(textproc.Analyze(src), der, pairs)
			var got []string
			for _, d := range append(rv.Found, rv.Suspects...) {
				if d.Kind == Date {
					got = append(got, d.DerivedSpan)
				}
			}
			if strings.Join(got, "; ") != tc.want {
				t.Errorf("date drifts %q, want %q", got, tc.want)
			}
		})
	}
}

// TestExamineLabel checks that a label left in a rewrite's text (a desk
// byline on its own line) names no new person, while a claim naming one
// does.
func TestExamineLabel(t *testing.T) {
	src := doc("The harbour reopened on Monday after a week of storms, the port authority said.",
		"Fishing boats returned to their moorings by the evening.")
	der := doc("Metro Desk",
		"The harbour reopened on Monday after a week of storms, the port authority said.",
		"Fishing boats returned to their moorings by the evening, said Ilse Varga, a skipper.")
	pairs := []Pair{{Source: []int{0}, Derived: []int{1}}, {Source: []int{1}, Derived: []int{2}}}
	rv := Examine(src, der, pairs)
	if got := spans(rv.Drifts(true, false), Entity); got != "->Ilse Varga" {
		t.Errorf("entity drifts %q, want Ilse Varga alone: the desk's label names no one", got)
	}
}

// TestClosestSourceRarerStems checks that of two source sentences sharing
// as many stems with a rewrite's sentence, the closer is the one whose
// shared stems fewer source sentences use.
func TestClosestSourceRarerStems(t *testing.T) {
	src := doc("Orvik said the council will meet.",
		"Orvik said the council will vote.",
		"The runway will not be resurfaced soon, engineers said.",
		"Residents fear the closure.")
	der := doc("Orvik said the council will resurface the runway.")
	closest, shares, _ := closestSource(src, der, &checkerMem{})
	if closest[0] != 2 {
		t.Errorf("closest source sentence %d (sharing %d stems), want 2, the one about the runway", closest[0], shares[0])
	}
}

// TestExamineNewBody checks a body of three words the source never names,
// two of whose words the source uses in lower case ("coastal waters"): a
// new name, whatever kind the tagger gives it; a body the source names is
// none.
func TestExamineNewBody(t *testing.T) {
	src := doc("The water company was fined for spills into rivers and coastal waters.",
		"The regulator said the company had ignored its own data.")
	pairs := []Pair{{Source: []int{0}, Derived: []int{0}}, {Source: []int{1}, Derived: []int{1}}}
	for _, tt := range []struct {
		added string
		want  bool
	}{
		{"The Coastal Waters Forum, an alliance of swimming clubs, said beaches should show spill data.", true},
		{"Swimming clubs said beaches along the coastal waters should show spill data.", false},
	} {
		der := doc("The water company was fined for spills into rivers and coastal waters.",
			"The regulator said the company had ignored its own data.", tt.added)
		rv := Examine(src, der, pairs)
		got := slices.ContainsFunc(rv.Suspects, func(d Drift) bool { return d.Kind == Entity && strings.Contains(d.DerivedSpan, "Coastal Waters Forum") })
		if got != tt.want {
			t.Errorf("%q: a new-name suspect %v, want %v (suspects %+v)", tt.added, got, tt.want, rv.Suspects)
		}
	}
}

// TestSwappedWithin checks that a place or a body whose name keeps one
// word of the source's and puts another in place of the rest is a name
// replaced, in an article; a name shortened or lengthened is not.
func TestSwappedWithin(t *testing.T) {
	rest := []string{"About 300 homes were told to leave.", "The river is expected to peak on Wednesday.",
		"Schools in the district will close.", "The council will meet at 7am."}
	for _, tc := range []struct {
		src, der string
		want     string
	}{
		{"A shelter will open at Harlow Racecourse at 6pm, the Brenmoor Relief Trust said.",
			"A shelter will open at Harlow Showground at 6pm, the Brenmoor Relief Trust said.", "Harlow Racecourse->Harlow Showground"},
		{"A shelter will open at Harlow Racecourse at 6pm, the Brenmoor Relief Trust said.",
			"A shelter will open at Harlow Racecourse at 6pm, the Tallis Relief Trust said.", "Brenmoor Relief Trust->Tallis Relief Trust"},
		{"A shelter will open at Harlow Racecourse at 6pm, the Brenmoor Relief Trust Ltd said.",
			"A shelter will open at the racecourse in Harlow at 6pm, the Brenmoor Relief Trust said.", ""},
	} {
		src := doc(append([]string{tc.src}, rest...)...)
		der := doc(append([]string{tc.der}, rest...)...)
		var pairs []Pair
		for i := range 5 {
			pairs = append(pairs, Pair{Source: []int{i}, Derived: []int{i}})
		}
		if got := spans(Find(src, der, pairs), Entity); got != tc.want {
			t.Errorf("%q: entity drifts %q, want %q", tc.der, got, tc.want)
		}
	}
}

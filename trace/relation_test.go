package trace

import (
	"slices"
	"testing"

	"github.com/wiretrace/wiretrace/align"
	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/drift"
	"github.com/wiretrace/wiretrace/textproc"
)

// TestDirection checks that dates decide when both are known, that the
// content evidence decides otherwise, and that balanced evidence leaves
// the source unknown.
func TestDirection(t *testing.T) {
	plain := &article.Article{Paragraphs: []string{"The bank held rates."}}
	dated := func(when string) *article.Article {
		c := *plain
		c.Published = when
		return &c
	}
	n := len(DirectionFeatureNames)
	balanced := Evidence{Direction: make([]float64, n)}
	// Evidence that a is the original: it holds anchors b lacks, b pads
	// and uses longer words, a credits an agency.
	forA := Evidence{Direction: make([]float64, n)}
	for k, name := range DirectionFeatureNames {
		switch name {
		case "own_anchors":
			forA.Direction[k] = 0.4
		case "credit":
			forA.Direction[k] = 1
		case "padding_diff":
			forA.Direction[k] = 0.2
		}
	}
	forB := Evidence{Direction: make([]float64, n)}
	for k, v := range forA.Direction {
		forB.Direction[k] = -v
	}
	tests := []struct {
		name string
		a, b *article.Article
		ev   Evidence
		want string
	}{
		{"nothing to tell", plain, plain, balanced, SourceUnknown},
		{"earlier date", dated("2026-01-01"), dated("2026-01-03"), balanced, SourceA},
		{"later date", dated("2026-01-03T10:00:00Z"), dated("2026-01-03T09:00:00Z"), balanced, SourceB},
		{"same minute", dated("2026-01-03T10:00:00Z"), dated("2026-01-03T10:00:20Z"), balanced, SourceUnknown},
		{"content points to a", plain, plain, forA, SourceA},
		{"content points to b", plain, plain, forB, SourceB},
		{"dates outweigh content", dated("2026-01-05"), dated("2026-01-01"), forA, SourceB},
	}
	dates := map[string]bool{"earlier date": true, "later date": true, "dates outweigh content": true}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, evidence := direction(tt.a, tt.b, tt.ev)
			if got != tt.want {
				t.Errorf("direction = %s, want %s", got, tt.want)
			}
			// The evidence: the dates where they decided; otherwise
			// only features whose value points the decided way.
			switch {
			case got == SourceUnknown:
				if evidence != nil {
					t.Errorf("evidence %v for an unknown source, want none", evidence)
				}
			case dates[tt.name]:
				if !slices.Equal(evidence, []string{EvidencePublished}) {
					t.Errorf("evidence %v, want [%s]", evidence, EvidencePublished)
				}
			default:
				if len(evidence) == 0 {
					t.Errorf("no evidence for source %s", got)
				}
				sign := 1.0
				if got == SourceB {
					sign = -1
				}
				for _, name := range evidence {
					k := slices.Index(DirectionFeatureNames, name)
					if k < 0 || sign*tt.ev.Direction[k] <= 0 {
						t.Errorf("evidence %q does not point to source %s (features %v)", name, got, tt.ev.Direction)
					}
				}
			}
		})
	}
}

// TestPageDirectionEvidence checks the direction evidence a page gives
// around its text: a dateline on one side alone, a desk's byline on one
// side alone; each changes sign when the articles swap, and texts without
// either (plain text) give zeros.
func TestPageDirectionEvidence(t *testing.T) {
	text := []string{"The Castreva central bank held its main rate at 4.5 per cent on Tuesday, the third pause in a row.",
		"Governor Lena Brandt said inflation was still too high to cut.",
		"Economists had expected the decision."}
	orig := &article.Article{Paragraphs: text, Dateline: "CASTREVA", Byline: "Lena Brandt"}
	rewrite := &article.Article{Paragraphs: text, Byline: "News Desk"}
	at := func(ev Evidence, name string) float64 {
		for k, n := range DirectionFeatureNames {
			if n == name {
				return ev.Direction[k]
			}
		}
		t.Fatalf("no direction feature %q", name)
		return 0
	}
	ab, ba := PairEvidence(orig, rewrite, Options{}), PairEvidence(rewrite, orig, Options{})
	plain := PairEvidence(&article.Article{Paragraphs: text}, &article.Article{Paragraphs: text}, Options{})
	for _, name := range []string{"dateline", "generic_byline"} {
		if at(ab, name) != 1 || at(ba, name) != -1 || at(plain, name) != 0 {
			t.Errorf("%s: %v original first, %v rewrite first, %v plain; want 1, -1, 0", name, at(ab, name), at(ba, name), at(plain, name))
		}
	}
	for _, tt := range []struct {
		byline string
		want   bool
	}{{"Staff Writer", true}, {"NewsHarbor Staff", true}, {"Editorial Team", true}, {"Lena Brandt", false}, {"Meridian Press", false}, {"", false}} {
		if got := genericByline(tt.byline); got != tt.want {
			t.Errorf("genericByline(%q) = %v, want %v", tt.byline, got, tt.want)
		}
	}
}

// TestClassifyCopies checks the copy rules, which come before the fitted
// model so that the relation never contradicts its own figures: whatever
// the model says, a text copied whole is a duplicate or a near duplicate,
// and a short text copied from a long one is a partial copy (a truncated
// page against its full page, issue 14).
func TestClassifyCopies(t *testing.T) {
	none := Evidence{Derived: make([]float64, len(DerivedFeatureNames)), Partial: make([]float64, len(PartialFeatureNames))}
	tests := []struct {
		name string
		f    features
		want Relation
	}{
		{"empty", features{}, Unrelated},
		{"verbatim both ways", features{na: 10, nb: 10, verbatimA: 1, verbatB: 1, copyA: 1, copyB: 1}, Duplicate},
		{"edited copy", features{na: 10, nb: 9, copyA: 0.7, copyB: 0.9, closeA: 0.7, closeB: 0.9}, NearDuplicate},
		{"truncated page", features{na: 40, nb: 4, copyA: 0.1, copyB: 1, runA: 1, copiedSentences: 4}, Partial},
		{"one copied sentence page", features{na: 40, nb: 1, copyA: 0.025, copyB: 1, runA: 1, copiedSentences: 1}, Partial},
		{"excerpt", features{na: 10, nb: 20, copyA: 0.6, copyB: 0.3, closeA: 0.6, closeB: 0.3, runB: 0.8, copiedSentences: 3}, Partial},
		{"shared names only", features{na: 10, nb: 10, sharedNames: 5}, SameStory},
		{"nothing shared", features{na: 10, nb: 10}, Unrelated},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := classify(tt.f, none); got != tt.want {
				t.Errorf("classify = %s, want %s", got, tt.want)
			}
		})
	}
	// Copied as much, but few sentences nearly the same word for word: a
	// rewrite that keeps much of the phrasing, not an edited copy.
	close := features{na: 10, nb: 9, copyA: 0.7, copyB: 0.9, closeA: 0.2, closeB: 0.2}
	if got := classify(close, none); got == NearDuplicate || got == Duplicate {
		t.Errorf("a rewrite keeping the phrasing: %s, want no copy relation", got)
	}
}

// TestExcerptRule checks the copy rule for an excerpt: most of the
// shorter text copied nearly word for word from a small, unbroken part of
// the longer one is partial; copied from throughout a longer text that
// carries it whole (a close rewrite with padding added) it is not, nor
// drawn from sentences across it (a condensed summary that keeps some
// sentences word for word), nor with its sentences edited more than a
// few words each (a summary that keeps the phrasing).
func TestExcerptRule(t *testing.T) {
	ev := Evidence{Derived: make([]float64, len(DerivedFeatureNames)), Partial: make([]float64, len(PartialFeatureNames))}
	excerpt := features{na: 20, nb: 8, copyA: 0.3, copyB: 0.75, closeA: 0.3, closeB: 0.75, alignedA: 0.35, alignedB: 0.9, runA: 1, copiedSentences: 6}
	if got := classify(excerpt, ev); got != Partial {
		t.Errorf("excerpt: %s, want partial", got)
	}
	rewrite := excerpt
	rewrite.alignedA = 0.9
	if got := classify(rewrite, ev); got == Partial {
		t.Errorf("a close rewrite carrying the whole source: partial")
	}
	summary := excerpt
	summary.runA = 0.4
	if got := classify(summary, ev); got == Partial {
		t.Errorf("a summary drawing on sentences across the source: partial")
	}
	edited := excerpt
	edited.closeA, edited.closeB = 0.05, 0.125
	if got := classify(edited, ev); got == Partial {
		t.Errorf("a summary keeping the phrasing of sentences it edits: partial")
	}
}

// TestBlockShare checks the excerpt rule's measure of one unbroken part:
// a truncated copy whose one repeated line pairs a sentence far below the
// part still holds nearly all its carried sentences in one run, where the
// span from the first carried to the last would hold only half; a summary
// that draws on every other sentence holds few.
func TestBlockShare(t *testing.T) {
	v, n := align.Verbatim, align.Kind("")
	truncated := []align.Kind{v, v, v, v, v, v, v, v, v, n, n, n, n, n, n, n, n, n, n, v}
	if got := blockShare(truncated); got != 0.9 {
		t.Errorf("truncated copy with a stray pair: %v, want 0.9", got)
	}
	summary := []align.Kind{v, n, v, n, v, v, n, v, n, n, v, n, v}
	if got := blockShare(summary); got > 0.3 {
		t.Errorf("summary drawing across the source: %v, want at most 0.3", got)
	}
	if got := blockShare([]align.Kind{n, n}); got != 0 {
		t.Errorf("nothing carried: %v, want 0", got)
	}
}

// TestSharedQuotesNotReuse: two reports of one statement that quote it
// alike, word for word, are reports of one story, not partial reuse
// (quotations do not count as copied sentences of fact); sentences of
// the writer's own narrative copied word for word are.
func TestSharedQuotesNotReuse(t *testing.T) {
	none := Evidence{Derived: make([]float64, len(DerivedFeatureNames)), Partial: make([]float64, len(PartialFeatureNames))}
	quotes := features{na: 30, nb: 28, copyA: 0.1, copyB: 0.11, copiedSentences: 3, specificCopied: 3, sharedNames: 3, sharedFigures: 2}
	if got := classify(quotes, none); got != SameStory {
		t.Errorf("three quotations shared: %s, want same_story", got)
	}
	narrative := quotes
	narrative.narrativeCopied = 2
	if got := classify(narrative, none); got != Partial {
		t.Errorf("two narrative sentences of fact shared: %s, want partial", got)
	}
	d := textproc.Analyze(&article.Article{Paragraphs: []string{
		`“We expect the repairs to cost about 2 million euros and to be finished by the end of April,” she added. The museum drew 310,000 visitors last year, a spokesperson said.`,
		`Director Helena Voss called the decision “painful but unavoidable” on Monday.`,
	}})
	defer d.Release()
	for i, want := range []bool{true, false, false} {
		if got := mostlyQuoted(&d.Sentences[i]); got != want {
			t.Errorf("mostlyQuoted(%q) = %v, want %v", d.Sentences[i].Text, got, want)
		}
	}
}

func TestReuses(t *testing.T) {
	tests := []struct {
		rel    Relation
		copied int
		want   bool
	}{
		{Partial, partialMinCopied, true},
		{Partial, partialMinCopied + 3, true},
		{Partial, partialMinCopied - 1, false},
		{Partial, 0, false},
		{Rewrite, partialMinCopied + 3, false},
		{NearDuplicate, 10, false},
	}
	for _, tt := range tests {
		if got := reuses(tt.rel, features{copiedSentences: tt.copied}); got != tt.want {
			t.Errorf("reuses(%s, %d copied) = %v, want %v", tt.rel, tt.copied, got, tt.want)
		}
	}
}

func TestOwnSpeakers(t *testing.T) {
	analyze := func(paras ...string) *textproc.Doc {
		return textproc.Analyze(&article.Article{Paragraphs: paras})
	}
	original := analyze(
		`The Brenhaven council voted to close the Old Quay bridge for repairs on Monday.`,
		`"The cracks are worse than we feared," said council engineer Mara Ellison.`,
		`Shopkeeper Idris Vane said trade would suffer. "We will lose half our customers," Vane said.`)
	report := analyze(
		`Brenhaven's Old Quay bridge will shut for repairs, the council decided on Monday.`,
		`"Nobody told the ferry operators," said harbour master Tomas Brandt.`,
		`Council engineer Mara Ellison said the cracks were worse than feared.`)
	defer original.Release()
	defer report.Release()
	// The report quotes Brandt, whom the original never names; Ellison,
	// whom it quotes too, the original names.
	if got := ownSpeakers(report, original); got != 1 {
		t.Errorf("the report's own speakers = %d, want 1 (Brandt)", got)
	}
	// The original quotes Ellison (named in the report) and Vane (not).
	if got := ownSpeakers(original, report); got != 1 {
		t.Errorf("the original's own speakers = %d, want 1 (Vane)", got)
	}
	if got := ownSpeakers(report, report); got != 0 {
		t.Errorf("a text's own speakers against itself = %d, want 0", got)
	}
}

func TestOwnFrom(t *testing.T) {
	ev := Evidence{Own: []float64{1, 2, 3, 4}}
	if got := ev.OwnFrom(SourceA); got[0] != 2 || got[1] != 1 || got[2] != 4 || got[3] != 3 {
		t.Errorf("OwnFrom(a) = %v, want b's measures first", got)
	}
	if got := ev.OwnFrom(SourceB); got[0] != 1 || got[1] != 2 || got[2] != 3 || got[3] != 4 {
		t.Errorf("OwnFrom(b) = %v, want a's measures first", got)
	}
}

// TestInset checks the inset reuse rule: two or more of the writer's own
// sentences copied word for word while neither text holds half the
// other's content words, and a derived side longer than its source.
func TestInset(t *testing.T) {
	ev := func(contain float64) Evidence {
		e := Evidence{Derived: make([]float64, len(DerivedFeatureNames))}
		e.Derived[containMaxAt] = contain
		return e
	}
	column := features{na: 20, nb: 34, narrativeCopied: 4}
	if !inset(column, ev(0.3)) {
		t.Error("a column quoting four sentences of a story it holds little else of: not inset")
	}
	if inset(column, ev(0.8)) {
		t.Error("a text holding most of the other's words: inset")
	}
	if inset(features{na: 20, nb: 34, narrativeCopied: 1}, ev(0.3)) {
		t.Error("one copied sentence: inset")
	}
	for _, tt := range []struct {
		src  string
		want bool
	}{{SourceA, true}, {SourceB, false}, {SourceUnknown, false}} {
		if got := longerDerived(tt.src, column); got != tt.want {
			t.Errorf("longerDerived(%q) = %v, want %v", tt.src, got, tt.want)
		}
	}
}

// TestReusedOnly checks which drifts a partial reuse keeps: with
// copiedOnly, not those of its sentences paired as paraphrases; with
// ownUnpaired, not those of its sentences paired with none; always those
// of its copied sentences and those in no sentence.
func TestReusedOnly(t *testing.T) {
	pairs := []align.Pair{
		{Source: []int{0}, Derived: []int{3}, Kind: align.Verbatim},
		{Source: []int{1}, Derived: []int{4}, Kind: align.Edited},
		{Source: []int{5}, Derived: []int{9}, Kind: align.Paraphrase},
	}
	for _, tt := range []struct {
		copiedOnly, ownUnpaired bool
		want                    []int
	}{
		{false, false, []int{-1, 4, 9, 12}},
		{true, false, []int{-1, 4, 12}},
		{false, true, []int{-1, 4, 9}},
		{true, true, []int{-1, 4}},
	} {
		ds := []drift.Drift{{DerivedSentence: -1}, {DerivedSentence: 4}, {DerivedSentence: 9}, {DerivedSentence: 12}}
		var got []int
		for _, d := range reusedOnly(ds, pairs, tt.copiedOnly, tt.ownUnpaired) {
			got = append(got, d.DerivedSentence)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("reusedOnly(copiedOnly %v, ownUnpaired %v) kept drifts of sentences %v, want %v", tt.copiedOnly, tt.ownUnpaired, got, tt.want)
		}
	}
}

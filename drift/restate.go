package drift

import (
	"slices"
	"strings"

	"github.com/wiretrace/wiretrace/textproc"
)

// A negation flip that rewords the negated word escapes negations, which
// looks for that word on the other side: "had no plans to hire
// replacement workers" against "intends to bring in replacement workers",
// "will resume next week" against "would not be back at work next week".
// What such a pair keeps is the rest of the negated clause, the words the
// negated word governs ("replacement workers", "next week"); restated finds
// them on the side without a negation, after a word of its own in the
// place of the negated one, with nothing there that carries the negation
// another way.

// restatedWindow is how many content words after the negated word, and
// restatedReach within how many tokens, the words it governs are looked
// for: a verb's object or a noun's complement ("plans to hire replacement
// workers", "back at work next week"), not the phrase that follows it
// ("require intensive care freeing up beds").
const (
	restatedWindow = 3
	restatedReach  = 6
)

// restatedGap is the most tokens between two words of the negated clause
// that the other side keeps together, and between the first of them and
// the word that stands in the negated word's place ("bring in replacement
// workers").
const restatedGap = 3

// restatedShare is the least share of the content stems of the longer of
// the two sentences that the other must have: the pair must say the same
// thing but for the negation, not merely share a phrase, and a short
// sentence inside a long one that says more is no restatement.
const restatedShare = 0.6

// clauseWords open another clause or a coordinated phrase: the negation
// before them does not reach past them.
var clauseWords = map[string]bool{"and": true, "but": true, "or": true, "because": true, "while": true,
	"although": true, "though": true, "whereas": true, "which": true, "who": true, "whom": true, "when": true,
	"where": true, "if": true, "so": true, "as": true, "than": true, "after": true, "before": true}

// restated returns the span of b that makes, without a negation, the
// claim that a negates at the negated word neg (see negated): the words
// the negated word governs in a (at least two content words of its
// clause right after it; see restatedWindow) stand together in b
// after a word a does not have, which takes the negated word's place; the
// two sentences share most of their content words; and b's clause there
// has no word that carries the negation otherwise: a lexical negator, a
// negating prefix, the opposite of a word of a. A negation that puts a
// claim off ("not until June") is no flip. b must have no negation cue;
// the caller sees to it.
func restated(a *textproc.Sentence, n textproc.Negation, neg textproc.Span, b *textproc.Sentence) (textproc.Span, bool) {
	h := tokenAt(a, neg.Start)
	if h < 0 || !plainCues[n.Cue] || mindStems[a.Tokens[h].Stem] || hasStem(b, a.Tokens[h].Stem) ||
		hedgedCue(a, n) || !sameClaims(a, b) {
		return textproc.Span{}, false
	}
	// A negation bounded in time puts a claim off or says how rare it is
	// ("not until June", "has not seen such a protest since 1989": the
	// biggest since), and does not deny it.
	for j := h + 1; j < len(a.Tokens) && a.Tokens[j].Kind != textproc.Punct; j++ {
		switch a.Tokens[j].Lower {
		case "until", "till", "since":
			return textproc.Span{}, false
		}
	}
	var governed []string
	for j := h + 1; j < len(a.Tokens) && j <= h+restatedReach && len(governed) < restatedWindow; j++ {
		t := &a.Tokens[j]
		if t.Kind == textproc.Punct || clauseWords[t.Lower] {
			break
		}
		if inNegation(a, t) {
			return textproc.Span{}, false
		}
		if content(t) && !slices.Contains(governed, t.Stem) {
			governed = append(governed, t.Stem)
		}
	}
	if len(governed) < 2 {
		return textproc.Span{}, false
	}
	first, last, ok := keptTogether(b, governed)
	if !ok {
		return textproc.Span{}, false
	}
	p := placeWord(b, first, a)
	if p < 0 || negatedOtherwise(b, p, last, a) {
		return textproc.Span{}, false
	}
	// The claim's words with the verb that takes them ("intends to bring
	// in replacement workers") and the auxiliary or modal before them
	// ("will resume next week").
	if p >= 2 && b.Tokens[p-1].Lower == "to" && content(&b.Tokens[p-2]) && b.Tokens[p-2].Kind == textproc.Word {
		p -= 2
	}
	for j := p - 1; j >= 0 && j >= p-2 && auxiliaries[b.Tokens[j].Lower]; j-- {
		p = j
	}
	return textproc.Span{Start: b.Tokens[p].Start, End: b.Tokens[last].End}, true
}

// placeWord returns the token of b that stands in the place of a's negated
// word before b's token first: the nearest content word of b's own (one a
// lacks) within restatedGap words, in the same clause; -1 when there is
// none, or when it is a name or a figure, which says nothing of what
// happens to the words after it.
func placeWord(b *textproc.Sentence, first int, a *textproc.Sentence) int {
	for j := first - 1; j >= 0 && j >= first-restatedGap; j-- {
		t := &b.Tokens[j]
		if t.Kind == textproc.Punct || clauseWords[t.Lower] {
			return -1
		}
		if content(t) && !hasStem(a, t.Stem) {
			if t.Kind != textproc.Word || t.Text != t.Lower {
				return -1
			}
			return j
		}
	}
	return -1
}

// auxiliaries are the verbs that carry a claim's tense or mood, reported
// with it.
var auxiliaries = map[string]bool{"will": true, "would": true, "can": true, "could": true, "may": true, "might": true,
	"must": true, "shall": true, "should": true, "to": true, "has": true, "have": true, "had": true, "is": true,
	"are": true, "was": true, "were": true, "be": true, "been": true, "do": true, "does": true, "did": true}

// negatedClause returns the span of a negated claim of s: the negation
// cue n with the auxiliary or modal before it, to the end of the words the
// negated word at neg governs ("would not be back at work next week",
// "had no plans to hire replacement workers"; see restatedWindow).
func negatedClause(s *textproc.Sentence, n textproc.Negation, neg textproc.Span) textproc.Span {
	start := withAuxiliary(s, n)
	end := neg.End
	h := tokenAt(s, neg.Start)
	for j, m := h+1, 0; h >= 0 && j < len(s.Tokens) && j <= h+restatedReach && m < restatedWindow; j++ {
		t := &s.Tokens[j]
		if t.Kind == textproc.Punct || clauseWords[t.Lower] {
			break
		}
		if content(t) {
			end, m = t.End, m+1
		}
	}
	return textproc.Span{Start: start, End: end}
}

// plainCues are the negation cues that only negate; the others ("denied",
// "without", "refused", "nothing") carry a meaning of their own that
// the words after them need not share.
var plainCues = map[string]bool{"not": true, "n't": true, "no": true, "never": true, "cannot": true}

// mindStems are the stems of verbs of thinking and perceiving: a negation
// of one ("can't believe the stories", "don't forget the scandals") says
// what someone thinks of a claim, and the claim itself ("the stories",
// "the scandals") is restated faithfully without it.
var mindStems = func() map[string]bool {
	m := map[string]bool{}
	for _, t := range textproc.Tokenize("believe imagine think know forget remember see expect recall understand wonder realize realise doubt feel seem care mind") {
		m[t.Stem] = true
	}
	return m
}()

// negativeStems are the stems of verbs that state a negated claim in one
// word ("missed the meeting" for "did not attend the meeting", "kept the
// terms private" for "did not disclose the terms", "I wish I had learned"
// for "I was never taught"): too common in other
// senses to excuse the word after them as lexicalNegators do, they still
// keep a restated claim from counting as a flip.
var negativeStems = func() map[string]bool {
	m := map[string]bool{}
	for _, t := range textproc.Tokenize("miss missed lose lost leave left ignore ignored omit omitted exclude excluded " +
		"forget forgot withhold withheld drop dropped end ended block blocked bar barred resist resisted oppose opposed " +
		"dodge dodged evade evaded shun shunned boycott boycotted quit resign resigned veto vetoed neglect neglected " +
		"postpone postponed delay delayed kept keep remain remained still lacking free absent instead only wish wished") {
		m[t.Stem] = true
	}
	return m
}()

// hedgedCue reports a negation that is no plain claim: one of two
// alternatives ("little or no association"), under a condition or a
// question ("if you haven't switched", "whether it will not"), or in a
// relative clause, which picks out the things it is true of ("patients
// who don't require intensive care"); or a bound on a quantity or a
// degree ("no more than", "not far from"), which a paraphrase states
// with a word of the other degree ("at most", "near"); or what a thing is
// not ("not a scaled-down version"), which another sentence contrasts
// with what it is.
func hedgedCue(s *textproc.Sentence, n textproc.Negation) bool {
	k := tokenAt(s, n.Start)
	// A bound on a quantity or a degree ("no more than ten", "not as
	// strong as"), not a claim denied.
	if k+1 < len(s.Tokens) {
		switch s.Tokens[k+1].Lower {
		case "more", "less", "fewer", "as", "so", "too", "enough", "much", "many", "far":
			return true
		case "a", "an", "the":
			// "is not a scaled-down version": what a thing is not, against
			// what another sentence says it is.
			return true
		}
	}
	for j := k - 1; j >= 0; j-- {
		t := &s.Tokens[j]
		if t.Kind == textproc.Punct && t.Text != "'" && t.Text != "’" {
			break
		}
		if j == k-1 && t.Lower == "or" {
			return true
		}
		if t.Lower == "if" || t.Lower == "whether" || t.Lower == "unless" || t.Lower == "who" || t.Lower == "which" {
			return true
		}
	}
	return false
}

// keptTogether returns the first and last token of the first run of b in
// which at least two of the stems stand, each within restatedGap tokens
// of the one before and no punctuation between.
func keptTogether(b *textproc.Sentence, stems []string) (first, last int, ok bool) {
	first, last = -1, -1
	var seen []string
	for k := range b.Tokens {
		t := &b.Tokens[k]
		if t.Kind == textproc.Punct {
			first, seen = -1, seen[:0]
			continue
		}
		if !content(t) || !slices.Contains(stems, t.Stem) {
			continue
		}
		if first < 0 || k-last > restatedGap {
			first, seen = k, seen[:0]
		}
		last = k
		if !slices.Contains(seen, t.Stem) {
			seen = append(seen, t.Stem)
		}
		if len(seen) >= 2 {
			// Take the run to its end.
			for j := k + 1; j < len(b.Tokens) && j <= last+restatedGap; j++ {
				u := &b.Tokens[j]
				if u.Kind == textproc.Punct {
					break
				}
				if content(u) && slices.Contains(stems, u.Stem) {
					last = j
				}
			}
			return first, last, true
		}
	}
	return -1, -1, false
}

// negatedOtherwise reports a word of b's clause, from its start to token
// last, that carries a negation without a cue: a lexical negator ("ruled
// out", "scrapped"), a word with a negating prefix ("unlikely", "non-
// essential") or one whose base a has ("uncertain" for "certain"), or
// the opposite of a word of a ("closed" for "open").
func negatedOtherwise(b *textproc.Sentence, p, last int, a *textproc.Sentence) bool {
	from := p
	for from > 0 && b.Tokens[from-1].Kind != textproc.Punct && !clauseWords[b.Tokens[from-1].Lower] {
		from--
	}
	for j := from; j <= last; j++ {
		t := &b.Tokens[j]
		if t.Kind != textproc.Word {
			continue
		}
		if lexicalNegator(b, j) || negativeStems[t.Stem] {
			return true
		}
		if base := textproc.NegatedBase(t.Lower); base != "" && (negativePrefix(t.Lower) || hasWord([]*textproc.Sentence{a}, base)) {
			return true
		}
		for _, o := range textproc.Opposites(t.Lower) {
			if hasWord([]*textproc.Sentence{a}, o) {
				return true
			}
		}
	}
	return false
}

// negativePrefix reports a word whose prefix negates it whatever its base
// ("unable", "non-essential"); "in-", "im-", "il-", "ir-" and "dis-"
// begin as many words that negate nothing ("intends", "discuss"), and
// count only when a has the base. Words that begin "un" without the
// prefix ("under", "union", "until") are left out.
func negativePrefix(w string) bool {
	if strings.HasPrefix(w, "non") {
		return true
	}
	return strings.HasPrefix(w, "un") && !strings.HasPrefix(w, "und") && !strings.HasPrefix(w, "uni") && !strings.HasPrefix(w, "unt")
}

// lexicalNegator reports whether token j of s is a lexical negator, or
// the "out" of "rule out" ("ruled out hiring").
func lexicalNegator(s *textproc.Sentence, j int) bool {
	t := &s.Tokens[j]
	if lexicalNegators[t.Lower] {
		return true
	}
	return t.Lower == "out" && j > 0 && strings.HasPrefix(s.Tokens[j-1].Lower, "rul")
}

// sameClaims reports whether a and b share at least restatedShare of the
// distinct content stems of the one that has more, and at least three.
func sameClaims(a, b *textproc.Sentence) bool {
	sa, sb := contentStems(a), contentStems(b)
	if len(sb) < len(sa) {
		sa, sb = sb, sa
	}
	shared := 0
	for _, x := range sa {
		if slices.Contains(sb, x) {
			shared++
		}
	}
	return shared >= 3 && float64(shared) >= restatedShare*float64(len(sb))
}

// contentStems are the distinct stems of s's content words.
func contentStems(s *textproc.Sentence) []string {
	var out []string
	for k := range s.Tokens {
		if t := &s.Tokens[k]; content(t) && !slices.Contains(out, t.Stem) {
			out = append(out, t.Stem)
		}
	}
	return out
}

// content reports a word that is no stop word, or a numeral.
func content(t *textproc.Token) bool {
	return t.Kind == textproc.Numeral || t.Kind == textproc.Word && !t.Stop
}

// hasStem reports a content word of s with the stem.
func hasStem(s *textproc.Sentence, stem string) bool {
	for k := range s.Tokens {
		if t := &s.Tokens[k]; content(t) && t.Stem == stem {
			return true
		}
	}
	return false
}

// inNegation reports whether token t of s holds a negation cue.
func inNegation(s *textproc.Sentence, t *textproc.Token) bool {
	for _, n := range s.Negations {
		if n.Start >= t.Start && n.Start < t.End {
			return true
		}
	}
	return false
}

package drift

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/wiretrace/wiretrace/textproc"
)

// ---- roles

// titleAlias maps spellings of one title to one form.
var titleAlias = map[string]string{
	"advisor": "adviser", "national security advisor": "national security adviser",
	"security advisor": "security adviser", "defence minister": "defense minister",
	"defence secretary": "defense secretary", "ceo": "chief executive",
	"chief executive officer": "chief executive", "cfo": "chief financial officer",
	"spokesman": "spokesperson", "spokeswoman": "spokesperson", "gov.": "governor",
	"sen.": "senator", "rep.": "representative", "gen.": "general",
	"secretary general": "secretary-general", "secretary of the treasury": "treasury secretary",
	"secretary of defense": "defense secretary", "lt. gov.": "lieutenant governor",
	"under secretary": "undersecretary", "press secretary": "spokesperson",
	"chairman": "chair", "chairwoman": "chair", "chairperson": "chair",
	"vice chairman": "vice chair", "vice chairwoman": "vice chair",
}

// genericTitles are heads that a rewrite may use for a more specific title
// without changing the fact ("the minister" for "Foreign Minister").
var genericTitles = map[string]bool{"minister": true, "secretary": true, "chief": true,
	"director": true, "head": true, "leader": true, "official": true, "chair": true}

// meaningfulModifiers change whether a role holds now. "current" and
// "sitting" restate the default and are not listed.
var meaningfulModifiers = map[string]bool{"former": true, "acting": true, "then": true,
	"late": true, "outgoing": true, "incoming": true, "interim": true, "deputy": true,
	"ex": true, "retired": true, "designate": true, "elected": true, "co": true, "vice": true}

// rankWords open a title for a post below or beside the one its last
// word names ("vice chair", "deputy prime minister", "assistant
// secretary"): such a title is not the generic head it ends with.
var rankWords = map[string]bool{"vice": true, "deputy": true, "assistant": true, "under": true}

func canonTitle(t string) string {
	t = strings.ToLower(strings.TrimSpace(t))
	if a, ok := titleAlias[t]; ok {
		return a
	}
	return t
}

// titleWord reports whether the lower-case word w is the title word
// title (canonical, as canonTitle spells it), as written or in another
// spelling ("spokeswoman" for "spokesperson").
func titleWord(w, title string) bool { return w == title || canonTitle(w) == title }

func sameTitle(a, b string) bool {
	a, b = canonTitle(a), canonTitle(b)
	if a == b {
		return true
	}
	// A bare generic head may stand for the full title it ends ("minister"
	// for "foreign minister"); a different specific title may not, nor
	// a post of lower rank ("chair" is not "vice chair").
	return genericTitles[a] && headOf(b, a) || genericTitles[b] && headOf(a, b)
}

// headOf reports whether title ends with the generic head and does not
// open with a rank word (rankWords).
func headOf(title, head string) bool {
	first, _, _ := strings.Cut(title, " ")
	return strings.HasSuffix(title, " "+head) && !rankWords[first]
}

func modifiers(r textproc.Role) []string {
	var out []string
	for _, m := range r.Modifiers {
		if formerWords[m] {
			m = "former"
		}
		if meaningfulModifiers[m] {
			out = append(out, m)
		}
	}
	return out
}

// formerWords say "former" in other words ("ex-minister", "a one-time
// mayor", "the erstwhile chair").
var formerWords = map[string]bool{"formerly": true, "ex": true, "one-time": true, "onetime": true, "erstwhile": true}

// sameModifiers reports whether two roles hold the same way. "then"
// against no modifier is the same: "then-President Rask vetoed it"
// names the title held at the time of the event, which the bare title
// in a report of the event also does; against "former" or "acting" it
// is not.
func sameModifiers(a, b textproc.Role) bool {
	ma, mb := modifiers(a), modifiers(b)
	if len(ma) == 0 && len(mb) == 1 && mb[0] == "then" || len(mb) == 0 && len(ma) == 1 && ma[0] == "then" {
		return true
	}
	return strings.Join(ma, " ") == strings.Join(mb, " ")
}

type roleAt struct {
	r textproc.Role
	s *textproc.Sentence
}

// roles compares each titled person in d with the same person's titles in
// the paired source sentences, else anywhere in the source: a title the
// source never gives that person, or a modifier added or dropped
// ("former"), is a drift. A title the derived text drops is an omission.
func (c *checker) roles(ss []*textproc.Sentence, d *textproc.Sentence) {
	droles := d.Roles
	if app := textproc.AppositionRoles(d); len(app) > 0 {
		droles = append(slices.Clip(droles), app...)
	}
	var all []*textproc.Sentence // the whole source, built on first use
	for k, dr := range droles {
		apposition := k >= len(d.Roles)
		who := surname(dr.Holder)
		if who == "" {
			continue
		}
		// A title is held against the titles the paired sentences give
		// the person, else those the whole source gives; a person may
		// hold several across an article, so a title the paired
		// sentences do not give is a drift only when the source gives it
		// nowhere.
		var whole []roleAt
		wholeRoles := func() []roleAt {
			if whole == nil {
				if all == nil {
					for i := range c.src.Sentences {
						all = append(all, &c.src.Sentences[i])
					}
				}
				whole = c.holderRoles(all, who)
			}
			return whole
		}
		cands := c.holderRoles(ss, who)
		if len(cands) == 0 {
			cands = wholeRoles()
		}
		if len(cands) == 0 {
			if slot, s, ok := c.untitledPost(ss, dr, who); ok {
				c.add(Drift{Kind: Role, SourceSpan: slot, DerivedSpan: roleSpan(d, dr), SourceSentence: s.Index, DerivedSentence: d.Index,
					Explanation: fmt.Sprintf("%s is %q in the source but %q here", dr.Holder, slot, d.QualifiedRole(dr))})
			}
			continue
		}
		ok, swap := c.titleHeld(cands, d, dr)
		if !ok && swap == nil {
			ok, _ = c.titleHeld(wholeRoles(), d, dr)
		}
		if ok || titledBefore(cands, dr) || apposition && c.titledOtherwise(droles, dr, cands) || otherHolds(ss, d.QualifiedRole(dr), who) {
			continue
		}
		// Prefer a source role with the same title to explain a modifier
		// change; otherwise the first title the source gives the person.
		best := cands[0]
		for _, sr := range cands {
			if sameTitle(sr.r.Title, dr.Title) {
				best = sr
				break
			}
		}
		var why string
		switch {
		case swap != nil:
			best = *swap
			why = fmt.Sprintf("%s is %q in the source but %q here", dr.Holder, best.s.QualifiedRole(best.r), d.QualifiedRole(dr))
		case sameTitle(best.r.Title, dr.Title):
			why = modifierChange(modifiers(best.r), modifiers(dr), dr.Holder)
		default:
			why = fmt.Sprintf("%s is %q in the source but %q here", dr.Holder, best.r.Text, dr.Text)
		}
		c.add(Drift{Kind: Role, SourceSpan: roleSpan(best.s, best.r), DerivedSpan: roleSpan(d, dr),
			SourceSentence: best.s.Index, DerivedSentence: d.Index, Explanation: why})
	}
}

// untitledPost returns the post a paired source sentence gives the person
// surnamed who in words the role parser does not read as a title, when it
// is another than derived role dr's: the words right before the name
// ("EPA chief environmental scientist Naomi Farrant") or set after it
// with a comma ("Declan Moriarty, principal of the college"), whose last
// word names a post (postNoun). The source gives the person no title it
// parses, so the title check has nothing to hold dr against; a rewrite
// that puts a title in the same place changes the post. A source that
// gives dr's title anywhere beside the person's name changes nothing, nor
// does a post followed by a relative clause, which may tell it in other
// words ("the coral ecologist who led the survey" for "survey leader").
func (c *checker) untitledPost(ss []*textproc.Sentence, dr textproc.Role, who string) (string, *textproc.Sentence, bool) {
	head := strings.Fields(canonTitle(dr.Title))
	if len(head) == 0 {
		return "", nil, false
	}
	title := head[len(head)-1]
	holds := func(t textproc.Token) bool { return titleWord(t.Lower, title) }
	for i := range c.src.Sentences {
		if o := &c.src.Sentences[i]; strings.Contains(strings.ToLower(o.Text), who) && slices.ContainsFunc(o.Tokens, holds) {
			return "", nil, false
		}
	}
	for _, s := range ss {
		for _, e := range s.Entities {
			if e.Kind != textproc.Person || surname(e.Text) != who {
				continue
			}
			k0, k1 := tokenAt(s, e.Start), tokenAt(s, e.End-1)
			if k0 < 0 || k1 < 0 {
				continue
			}
			// Before the name: the lower-case words standing right before it.
			j := k0
			for j > 0 && k0-j < 4 && postWord(&s.Tokens[j-1]) {
				j--
			}
			if j < k0 && postNoun(s.Tokens[k0-1].Lower) && !slices.ContainsFunc(s.Tokens[j:k0], holds) {
				return s.Text[s.Tokens[j].Start:s.Tokens[k0-1].End], s, true
			}
			// After it, set off by a comma, past "the" and a named owner.
			k := k1 + 1
			if k >= len(s.Tokens) || s.Tokens[k].Text != "," {
				continue
			}
			k++
			if k < len(s.Tokens) && (s.Tokens[k].Lower == "the" || s.Tokens[k].Lower == "a" || s.Tokens[k].Lower == "an") {
				k++
			}
			for k < len(s.Tokens) && k-k1 < 6 && s.Tokens[k].Text != s.Tokens[k].Lower && s.Tokens[k].Kind == textproc.Word {
				k++ // a named owner: "Tarrow Council's"
			}
			start := k
			for k < len(s.Tokens) && k-start < 4 && postWord(&s.Tokens[k]) {
				k++
			}
			if k > start && postNoun(s.Tokens[k-1].Lower) && !slices.ContainsFunc(s.Tokens[start:k], holds) &&
				!(k < len(s.Tokens) && relativePronouns[s.Tokens[k].Lower]) {
				return s.Text[s.Tokens[start].Start:s.Tokens[k-1].End], s, true
			}
		}
	}
	return "", nil, false
}

// postWord reports a word that may be part of a post's description: a
// lower-case word, no stop word, no figure.
func postWord(t *textproc.Token) bool {
	return t.Kind == textproc.Word && !t.Stop && t.Text == t.Lower
}

// postNoun reports whether the lower-case word w names a post: a title the
// role parser knows, or a word of an agent's or an office's shape
// ("scientist", "engineer", "principal", "librarian", "consultant").
func postNoun(w string) bool {
	if textproc.RoleTitle(w) {
		return true
	}
	for _, suf := range []string{"ist", "er", "or", "ian", "ant", "ent", "al"} {
		if len(w) >= 6 && strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// otherHolds reports whether a paired source sentence gives the title
// phrase to someone else: it holds the phrase and not the holder's
// surname. What changed is then who holds the title (a quote given to
// another person, a name swapped), which the quote and name checks report,
// not the title ("harbour board spokesman Ines Varro said" where the
// source has the spokesman named otherwise).
func otherHolds(ss []*textproc.Sentence, phrase, who string) bool {
	phrase = strings.ToLower(phrase)
	return slices.ContainsFunc(ss, func(s *textproc.Sentence) bool {
		t := strings.ToLower(s.Text)
		return strings.Contains(t, phrase) && !strings.Contains(t, who)
	})
}

// titleHeld reports whether one of the source roles cands gives derived
// role dr of sentence d: the same title with the same modifiers; swap is
// a source role of the same title at another level (swappedLevel).
func (c *checker) titleHeld(cands []roleAt, d *textproc.Sentence, dr textproc.Role) (ok bool, swap *roleAt) {
	for i, sr := range cands {
		if (sameTitle(sr.r.Title, dr.Title) || titleIn(sr.r.Text, dr.Title) || titleIn(dr.Text, sr.r.Title) || samePost(sr.r, dr)) && sameModifiers(sr.r, dr) {
			if c.swappedLevel(sr, d, dr) {
				swap = &cands[i]
				continue
			}
			return true, nil
		}
	}
	return false, swap
}

// postLevels are the words that set the level or rank of a post within
// its body ("regional secretary", "National Fire Chief", "senior
// adviser"), or the function it serves ("finance director", "sales
// manager"): a title with another of them is another post. They count
// wherever they stand in the role's qualified phrase ("Regional Fire
// Chief"); other words only within the role's own phrase, before its
// title (postQualifier), since before that phrase they are as often a
// verb ("met President Alma Ruiz").
var postLevels = map[string]bool{"regional": true, "national": true, "general": true,
	"state": true, "federal": true, "local": true, "provincial": true, "county": true,
	"city": true, "municipal": true, "district": true, "international": true,
	"global": true, "central": true, "senior": true, "junior": true, "principal": true,
	"associate": true, "assistant": true, "executive": true, "managing": true,
	// The function a post serves within its body ("finance director",
	// "sales manager", "press secretary"): another function is another
	// post.
	"finance": true, "financial": true, "operations": true, "operating": true, "sales": true,
	"marketing": true, "communications": true, "technology": true, "technical": true,
	"legal": true, "medical": true, "nursing": true, "research": true, "press": true,
	"policy": true, "security": true, "commercial": true, "editorial": true, "programme": true,
	"program": true, "engineering": true, "digital": true, "strategy": true, "investment": true,
	"compliance": true, "governance": true, "personnel": true, "transport": true,
	"highways": true, "housing": true, "education": true, "planning": true, "sporting": true,
	"licensing": true, "integrity": true, "safety": true,
	// A government's portfolios ("energy minister", "foreign minister",
	// "minister for trade").
	"economy": true, "economic": true, "energy": true, "foreign": true, "trade": true,
	"health": true, "justice": true, "interior": true, "defence": true, "defense": true,
	"agriculture": true, "environment": true, "culture": true, "fisheries": true,
	"infrastructure": true, "labour": true, "labor": true, "treasury": true, "tourism": true,
	"industry": true, "science": true, "welfare": true, "immigration": true}

// swappedLevel reports whether derived role dr of sentence d, of the same
// title as source role sr, sets the post at another level or function
// (postLevels, postQualifier): "regional secretary" told as "general
// secretary", "artistic director" as "technical director",
// "Regional Fire Chief" as "National Fire Chief", "managing director" as
// "finance director". Each side must have such a word the other side's
// sentence lacks (nor one of its family, wordLike): a level dropped
// ("the fire chief") or one the source sentence has elsewhere ("Fire
// Chief Brovold of the Regional Fire Service" told as "Regional Fire
// Chief Brovold") changes no fact.
func (c *checker) swappedLevel(sr roleAt, d *textproc.Sentence, dr textproc.Role) bool {
	who := surname(dr.Holder)
	added := func(w string) bool { return !c.hasLevelOf(sr.s, w, who) }
	if w := rankOf(d, dr); w != "" && !strings.Contains(canonTitle(sr.r.Title), w) && added(w) {
		return true
	}
	return anyLevel(d, dr, sr.r.Title, added) &&
		anyLevel(sr.s, sr.r, dr.Title, func(w string) bool { return !c.hasLevelOf(d, w, who) })
}

// rankOf returns the rank word (rankLevels) among the words right before
// role r's title word in s, past other words that qualify it ("Detective
// Chief Inspector", "the agency's chief medical officer"), "" when none.
// A rank word of another title joined to it ("foreign minister and its
// lead negotiator") does not rank this one.
func rankOf(s *textproc.Sentence, r textproc.Role) string {
	head := strings.Fields(canonTitle(r.Title))
	if len(head) == 0 {
		return ""
	}
	k := slices.IndexFunc(s.Tokens, func(t textproc.Token) bool { return t.Start >= r.Start && t.Lower == head[0] })
	for k--; k >= 0; k-- {
		t := &s.Tokens[k]
		if t.Kind != textproc.Word || t.Stop {
			break
		}
		if rankLevels[t.Lower] {
			return t.Lower
		}
	}
	return ""
}

// rankLevels are the level words that rank a post above or below the
// title they qualify ("Detective Chief Inspector" over "Detective
// Inspector", "lead inspector", "assistant coach"): one the derived text
// adds, that the source sentence nowhere has, promotes or demotes the
// person, where another level word merely added ("the regional
// director" for "the director") may only say more of the same post.
var rankLevels = map[string]bool{"chief": true, "lead": true, "senior": true, "principal": true,
	"assistant": true, "associate": true, "junior": true}

// hasLevelOf reports whether sentence s has the word w or one of its
// family (wordLike) outside the titles s gives people other than the one
// surnamed who: "Olden's transport minister, Rhea Stam, and
// Bray's economy minister, Piet Roos" does not make Roos a transport
// minister.
func (c *checker) hasLevelOf(s *textproc.Sentence, w, who string) bool {
	var own, others []textproc.Span
	for _, r := range append(slices.Clip(s.Roles), c.appositions(s)...) {
		switch {
		case surname(r.Holder) == who:
			own = append(own, r.Span)
		case r.Holder != "":
			others = append(others, r.Span)
		}
	}
	in := func(spans []textproc.Span, t textproc.Token) bool {
		return slices.ContainsFunc(spans, func(sp textproc.Span) bool { return sp.Start <= t.Start && t.End <= sp.End })
	}
	return slices.ContainsFunc(s.Tokens, func(t textproc.Token) bool {
		return !(in(others, t) && !in(own, t)) && wordLike(t, w)
	})
}

// wordLike reports whether token t is the word w (a lower-case base
// word: possessive "'s" stripped) in any case, or one of its family (the
// same first six letters: "financial" for "finance", "operating" for
// "operations").
func wordLike(t textproc.Token, w string) bool {
	b := baseWord(t.Lower)
	return b == w || len(w) >= 6 && strings.HasPrefix(b, w[:6])
}

// anyLevel reports whether a level word of role r's qualified phrase in
// s (Sentence.QualifiedStart; postLevels) or a qualifier of its own
// phrase (postQualifier), lowercased, that the other role's title does
// not hold, satisfies f: against a bare "minister", the "transport" of
// "transport minister" and the "economy" of "economy minister" both set
// the post.
func anyLevel(s *textproc.Sentence, r textproc.Role, other string, f func(w string) bool) bool {
	start := s.QualifiedStart(r)
	title := canonTitle(other)
	head := strings.Fields(canonTitle(r.Title))
	before := len(head) > 0 // before r's title word, in r's own phrase
	field := false          // in the field named after the title (fieldAfter)
	for k := range s.Tokens {
		t := &s.Tokens[k]
		if t.Start < start || t.End > r.End {
			continue
		}
		w := t.Lower
		own := t.Start >= r.Start
		switch {
		case own && before && titleWord(w, head[len(head)-1]):
			// Missed, every word after the title's own would be read as
			// a level before it.
			before = false
			field = fieldAfter(s.Tokens, k)
			continue
		case field && (t.Kind != textproc.Word || t.Text != t.Lower || t.Stop && w != "for" && w != "of" && w != "and"):
			field = false
		}
		if !postLevels[w] && !(own && (before || field) && postQualifier(t, r, head)) {
			continue
		}
		if !strings.Contains(title, w) && f(w) {
			return true
		}
	}
	return false
}

// ownerGap reports whether the words between a name and the title after
// it set the title beside the name: a comma, then at most the post's
// owner ("Ines Varro, the county's acting director", "Ines Varro, Marlow
// County's fire chief"): a determiner or a possessive pronoun
// (speakerDeterminers), or capitalised words ending in a possessive.
func ownerGap(between string) bool {
	rest, ok := strings.CutPrefix(strings.TrimSpace(between), ",")
	if !ok {
		return false
	}
	words := strings.Fields(rest)
	if len(words) > 4 {
		return false
	}
	for k, w := range words {
		lw := strings.ToLower(w)
		switch {
		case speakerDeterminers[lw]:
		case k == len(words)-1 && (strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") || strings.HasSuffix(w, "s'")):
		case k < len(words)-1 && w != lw:
		default:
			return false
		}
	}
	return true
}

// fieldAfter reports whether the title word at token k of s is followed
// by the field its post serves, which sets the post as a word before the
// title does: "for" and a field ("cabinet member for finance", "minister
// for trade"), or "of" and a bare lower-case noun ("director of product
// enforcement", "head of research"). An "of" with a determiner or a name
// after it names the body the post belongs to ("president of a shipping
// company", "chair of the Harbour Board"), which a rewrite words
// otherwise.
func fieldAfter(toks []textproc.Token, k int) bool {
	if k+2 >= len(toks) {
		return false
	}
	next, w := toks[k+1].Lower, &toks[k+2]
	return next == "for" || next == "of" && w.Kind == textproc.Word && !w.Stop && w.Text == w.Lower
}

// roleSpan is how a drift quotes role r of sentence s: its phrase with
// the words that qualify its title (Sentence.QualifiedRole), then its
// holder.
func roleSpan(s *textproc.Sentence, r textproc.Role) string {
	// An apposition is quoted as the sentence writes it, the comma
	// between title and name kept ("chief executive, Ines Varro", "Ines
	// Varro, the trust's chief executive"): a quote a reader can find on
	// the page.
	start := s.QualifiedStart(r)
	if r.Holder != "" && start <= r.End && r.End <= len(s.Text) {
		if i := strings.Index(s.Text[r.End:], r.Holder); i >= 0 && strings.TrimSpace(s.Text[r.End:r.End+i]) == "," {
			return s.Text[start : r.End+i+len(r.Holder)]
		}
		if i := strings.LastIndex(s.Text[:start], r.Holder); i >= 0 && ownerGap(s.Text[i+len(r.Holder):start]) {
			return s.Text[i:r.End]
		}
	}
	return s.QualifiedRole(r) + " " + r.Holder
}

// titleIn reports whether the role phrase text, when it joins several
// titles ("president and CEO of the bureau", "chairman and chief
// executive"), holds title as one of them, in any spelling: such a phrase
// gives the person each. A single title is compared whole (sameTitle):
// "Lieutenant Governor" does not hold "Governor".
func titleIn(text, title string) bool {
	lower := strings.ToLower(text)
	if !strings.Contains(lower, " and ") && !strings.Contains(lower, " & ") {
		return false
	}
	// A title written with a hyphen is the same title ("vice-chancellor",
	// which textproc reads as "vice chancellor").
	lower = strings.ReplaceAll(lower, "-", " ")
	t := strings.ReplaceAll(canonTitle(title), "-", " ")
	for _, conj := range strings.FieldsFunc(strings.ReplaceAll(lower, " and ", "&"), func(r rune) bool { return r == '&' || r == ',' }) {
		conj, _, _ = strings.Cut(strings.TrimSpace(conj), " of ")
		conj = " " + conj
		if strings.HasSuffix(conj, " "+t) {
			return true
		}
		for alias, canon := range titleAlias {
			if canon == t && strings.HasSuffix(conj, " "+alias) {
				return true
			}
		}
	}
	return false
}

// headTitles are the words for whoever leads a body, which a rewrite
// trades for one another ("director of the agency", "the agency's
// head").
var headTitles = map[string]bool{"head": true, "chief": true, "director": true}

// samePost reports whether two roles are heads of the same thing: both
// titles are words for a leader (headTitles) and what qualifies them in
// lower case ("medical officer", "of research") does not differ — names
// of bodies aside, which a rewrite writes otherwise ("the Civil
// Protection Directorate", "the directorate's"). "Chief medical officer"
// and "head of research" are different posts.
func samePost(a, b textproc.Role) bool {
	if !headTitles[canonTitle(a.Title)] || !headTitles[canonTitle(b.Title)] {
		return false
	}
	qa, qb := qualifiers(a), qualifiers(b)
	if len(qa) == 0 || len(qb) == 0 {
		return true
	}
	for _, w := range qa {
		if slices.Contains(qb, w) {
			return true
		}
	}
	return false
}

// qualifiers returns the lower-case content words of a role's phrase
// other than its title's, as stems.
func qualifiers(r textproc.Role) []string {
	var out []string
	title := strings.Fields(canonTitle(r.Title))
	for _, t := range textproc.Tokenize(r.Text) {
		if t.Kind != textproc.Word || t.Stop || t.Text != t.Lower || slices.Contains(title, t.Lower) || headTitles[t.Lower] {
			continue
		}
		out = append(out, baseWord(t.Lower))
	}
	return out
}

// titledOtherwise reports whether the derived sentence gives the holder
// of role dr, an apposition's, another title, one the source gives them
// (cands): a title in an apposition beside one the source has ("Gen. Richard Myers,
// chairman of the Joint Chiefs") adds a title, it does not change one.
func (c *checker) titledOtherwise(droles []textproc.Role, dr textproc.Role, cands []roleAt) bool {
	for _, o := range droles {
		if o.Span == dr.Span || surname(o.Holder) != surname(dr.Holder) {
			continue
		}
		for _, sr := range cands {
			if sameTitle(sr.r.Title, o.Title) && sameModifiers(sr.r, o) {
				return true
			}
		}
	}
	return false
}

// titledBefore reports whether a source sentence that titles the same
// person also has the derived title just before the name: "chairman and
// chief executive Ilse Brandvold" gives her both titles, though the role
// parsed is the nearest one.
//
// The window runs to the name, past the parsed title ("spokesman
// Brigadier-General Edward Aritonang" gives him "General" too), and a
// title word may be written as its abbreviation ("Det Chief Insp" for
// "Detective Chief Inspector").
func titledBefore(cands []roleAt, dr textproc.Role) bool {
	title := canonTitle(dr.Title)
	tw := strings.Fields(title)
	for _, c := range cands {
		if len(modifiers(dr)) != len(modifiers(c.r)) {
			continue
		}
		rs, re := min(c.r.Start, len(c.s.Text)), min(max(c.r.End, c.r.Start), len(c.s.Text))
		// To the derived holder's first name: the source holder may
		// start with a title the parser took for a name ("Insp Norman
		// McKinlay").
		name := re
		if f := strings.Fields(dr.Holder); len(f) > 0 {
			if i := strings.Index(c.s.Text[re:], f[0]); i >= 0 {
				name += i
			}
		}
		start := max(0, rs-60)
		// The source role's own words are not another title of the
		// person; they may abbreviate the derived one.
		window := strings.ToLower(c.s.Text[start:rs] + " " + c.s.Text[re:name])
		if strings.Contains(window, title) {
			return true
		}
		words := strings.FieldsFunc(strings.ToLower(c.s.Text[start:name]), func(r rune) bool { return r == ' ' || r == '-' })
		if len(tw) > 0 && abbreviates(words, tw[len(tw)-1]) {
			return true
		}
	}
	return false
}

// abbreviates reports whether one of words (lowercased) is word cut short
// ("insp." for "inspector", "gen" for "general"): three letters or more,
// a prefix of the word.
func abbreviates(words []string, word string) bool {
	for _, w := range words {
		w = strings.TrimSuffix(w, ".")
		if len(w) >= 3 && len(w) < len(word) && strings.HasPrefix(word, w) {
			return true
		}
	}
	return false
}

func modifierChange(src, der []string, holder string) string {
	has := func(list []string, m string) bool {
		for _, x := range list {
			if x == m {
				return true
			}
		}
		return false
	}
	var added, dropped []string
	for _, m := range der {
		if !has(src, m) {
			added = append(added, m)
		}
	}
	for _, m := range src {
		if !has(der, m) {
			dropped = append(dropped, m)
		}
	}
	switch {
	case len(added) > 0 && len(dropped) == 0:
		return fmt.Sprintf("adds %q to %s's title: the source does not say so", strings.Join(added, " "), holder)
	case len(dropped) > 0 && len(added) == 0:
		return fmt.Sprintf("drops %q from %s's title, which changes whether the role holds", strings.Join(dropped, " "), holder)
	default:
		return fmt.Sprintf("changes %s's title from %q to %q", holder, strings.Join(src, " "), strings.Join(der, " "))
	}
}

// holderRoles returns the roles the source sentences ss give the person
// whose surname is who: the titles before the name and those in an
// apposition beside it.
func (c *checker) holderRoles(ss []*textproc.Sentence, who string) []roleAt {
	var out []roleAt
	for _, s := range ss {
		for _, r := range s.Roles {
			if surname(r.Holder) == who {
				out = append(out, roleAt{r, s})
			}
		}
		for _, r := range c.appositions(s) {
			if surname(r.Holder) == who {
				out = append(out, roleAt{r, s})
			}
		}
	}
	return out
}

// appositions returns textproc.AppositionRoles of source sentence s,
// found once per review.
func (c *checker) appositions(s *textproc.Sentence) []textproc.Role {
	i := s.Index
	if i < 0 || i >= len(c.src.Sentences) || &c.src.Sentences[i] != s {
		return textproc.AppositionRoles(s)
	}
	if c.appRoles == nil {
		c.appRoles = make([][]textproc.Role, len(c.src.Sentences))
		for k := range c.src.Sentences {
			c.appRoles[k] = textproc.AppositionRoles(&c.src.Sentences[k])
		}
	}
	return c.appRoles[i]
}

// ---- numbers

func sameValue(a, b textproc.Number) bool {
	if !compatibleUnit(a.Unit, b.Unit) {
		return false
	}
	if equalValues(a.Value, b.Value) {
		return true
	}
	// A bare figure with a glued "m" ("the 62m spire") may be metres:
	// the figure itself, as another text writes it ("62-metre").
	return a.MaybeMetres() && equalValues(a.Value/1e6, b.Value) || b.MaybeMetres() && equalValues(a.Value, b.Value/1e6)
}

// equalValues reports two values equal within rounding error.
func equalValues(x, y float64) bool {
	return x == y || math.Abs(x-y) <= 1e-9*math.Max(math.Abs(x), math.Abs(y))
}

// compatibleUnit treats a bare number as compatible with any unit: prose
// often names the unit once ("rose 9%, from 7") and a rewrite may move it.
func compatibleUnit(a, b string) bool { return a == b || a == "" || b == "" }

type numAt struct {
	n textproc.Number
	s *textproc.Sentence
}

// numbers reports a value of the derived sentences ds that the paired
// source sentences ss do not state when they hold an unmatched value of
// the same unit and order of magnitude: the pair carries the same fact
// with a different figure. Values are matched as multisets, so that a
// list that repeats a figure ("1 cup ..., 2 eggs, 1 slice") still shows
// the one that changed. A value with no counterpart is an addition or a
// merge, not a drift; so is a total of two source figures (see total),
// a count of another thing (see countsOther), and a person's age against
// a figure that is not one. A value the source states elsewhere is a merge too,
// unless both figures are said of the same thing (the same word next to
// them: "12 tankers" → "21 tankers", "covering 17 percent" → "covering
// 20 percent"). A rounded or hedged restatement ("some $48 billion" for
// "$47.8 billion") is the same figure. Outside an article (fewer than
// minArticle source sentences), a sentence that changes more of its
// figures than it keeps (two or more, counting those within a rounding
// or a hedge of a source figure), or two or more with none kept,
// reports another measurement of the same story (a share price at
// another hour, an index on another day), not an altered figure; its
// dates and times are that measurement's too (see dates, clocks). In an
// article every changed figure is reported: a rewrite that changes two
// figures of one sentence ("rose 5% to $3 billion" → "rose 8% to $4
// billion") changed both.
func (c *checker) numbers(ss, ds []*textproc.Sentence) {
	// The lists are the checker's, emptied: a review checks the figures
	// of every aligned pair.
	src, der, free, unmatched := c.numSrc[:0], c.numDer[:0], c.numFree[:0], c.numUnmatched[:0]
	defer func() { c.numSrc, c.numDer, c.numFree, c.numUnmatched = src, der, free, unmatched }()
	for _, s := range ss {
		for _, n := range c.figures(s) {
			src = append(src, numAt{n, s})
		}
	}
	if len(src) == 0 {
		return
	}
	used := slices.Grow(c.numUsed[:0], len(src))[:len(src)]
	clear(used)
	c.numUsed = used
	// kept[i] counts the figures of ds[i] the source states.
	var keptBuf [4]int
	kept := keptBuf[:0]
	if len(ds) > len(keptBuf) {
		kept = make([]int, 0, len(ds))
	}
	// match finds an unused source figure of n's value, said of the same
	// thing when alike is set, and marks it used.
	match := func(d *textproc.Sentence, n textproc.Number, alike bool) bool {
		for k, f := range src {
			if used[k] || !sameValue(f.n, n) || alike && !sameThing(f.s, f.n, d, n) {
				continue
			}
			used[k] = true
			if !c.anchoring {
				if c.settled == nil {
					c.settled = map[*textproc.Sentence][]textproc.Span{}
				}
				c.settled[d] = append(c.settled[d], n.Span)
			}
			return true
		}
		return false
	}
	// A figure is matched first with one said of the same thing
	// ("2-year-old" with "2-year-old"), then with any of its value, so
	// that one of another thing ("No. 2") takes no figure another
	// restates.
	for i, d := range ds {
		kept = append(kept, 0)
		for _, n := range c.figures(d) {
			kept[i]++
			// A figure its aligned source sentences state is settled: an
			// anchor pair does not read it again against another one.
			if !(c.anchoring && slices.Contains(c.settled[d], n.Span)) && !match(d, n, true) {
				unmatched = append(unmatched, numAt{n, d})
			}
		}
	}
	for _, dn := range unmatched {
		if !match(dn.s, dn.n, false) && !c.rangeStated(dn.s, dn.n) {
			der = append(der, dn)
		}
	}
	for k, f := range src {
		if !used[k] {
			free = append(free, f)
		}
	}
	if len(free) == 0 || len(der) == 0 {
		return
	}
	// Without an article around them (a sentence pair, a short excerpt)
	// two reports of one event may each give their own measurement; in
	// an aligned article the rest of the rewrite says it was made from
	// this report, so each changed figure is a change.
	alone := len(c.src.Sentences) < minArticle
	byDerived := map[*textproc.Sentence][]Drift{}
	// moved counts the figures of each derived sentence that restate a
	// source figure with another value: a changed one, or one within a
	// rounding or a hedge of it. A figure with no counterpart is an
	// addition, not part of another measurement.
	moved := map[*textproc.Sentence]int{}
	for _, dn := range der {
		n, d := dn.n, dn.s
		if total(free, src, d, n) {
			continue
		}
		best, bestScore := -1, math.Inf(1)
		var elsewhere statedOnce // n against every candidate: asked once
		for k, f := range free {
			if countsOther(f.s, f.n, d, n) || isAge(f.s, f.n) != isAge(d, n) {
				continue
			}
			if converted(f.s, f.n, d, n) || withItself(f.s, f.n, d, n) || withItself(d, n, f.s, f.n) {
				best = -1 // "12 metres" → "40ft"; "eight other schools" → "one of nine"
				break
			}
			// A changed figure keeps its unit and its order of magnitude
			// (2.6% → 2.4%, $4.2 billion → $4.6 billion); a figure ten
			// times off is another fact ("67" strokes against "five"
			// under par).
			if !unitsAgree(f.n.Unit, n.Unit) || !sameMagnitude(f.n.Value, n.Value) {
				continue
			}
			if approximately(f.s, f.n, d, n) {
				best = -1
				moved[d]++
				break
			}
			anchored := sameThing(f.s, f.n, d, n)
			if c.sourceHas(n) && (!anchored || n.Unit != "" && c.restated(f.n, d) || elsewhere.of(c, d, n)) {
				// The figure is the source's, said elsewhere; and when the
				// source's figure is in the rewrite too, both survive: the
				// sentences were paired wrongly, nothing changed. (Bare
				// counts recur in any article: only figures with a unit,
				// 7.5 per cent, 38 million marks, tell.)
				continue
			}
			// The closest value in ratio is the likeliest counterpart;
			// one said of the same thing comes first.
			score := math.Abs(math.Log((math.Abs(f.n.Value) + 1e-9) / (math.Abs(n.Value) + 1e-9)))
			if anchored {
				score -= 100
			}
			if score < bestScore {
				best, bestScore = k, score
			}
		}
		if best < 0 {
			continue
		}
		moved[d]++
		f := free[best]
		byDerived[d] = append(byDerived[d], Drift{Kind: Number, SourceSpan: f.n.Text, DerivedSpan: n.Text,
			SourceSentence: f.s.Index, DerivedSentence: d.Index,
			Explanation: fmt.Sprintf("the source says %s where this says %s", f.n.Text, n.Text)})
	}
	for i, d := range ds {
		found := byDerived[d]
		changed := 0
		for _, dn := range der {
			if dn.s == d {
				kept[i]--
				changed++
			}
		}
		if alone && (len(found) >= 2 && len(found) > kept[i] || len(found) > 0 && changed >= 2 && kept[i] == 0 ||
			len(found) > 0 && moved[d] >= 2 && moved[d] > kept[i]) {
			if c.remeasured == nil {
				c.remeasured = map[*textproc.Sentence]bool{}
			}
			c.remeasured[d] = true
			continue
		}
		for _, dr := range found {
			c.add(dr)
		}
	}
}

// withItself reports whether figure a of sa counts the others of a set
// beside one it names ("runs Holt Academy and eight other schools", "the
// two others the trust runs", "the main depot and five branch depots")
// and figure b of sb the whole set with that one ("one of nine schools",
// "all three of its depots", "six depots, including the main one"): b is
// a plus one.
func withItself(sa *textproc.Sentence, a textproc.Number, sb *textproc.Sentence, b textproc.Number) bool {
	if b.Value != a.Value+1 {
		return false
	}
	ka, kb := tokenAt(sa, a.End-1), tokenAt(sb, b.Start)
	if ka < 0 || kb < 0 {
		return false
	}
	others := false
	for k := ka + 1; k < len(sa.Tokens) && k <= ka+3; k++ {
		if w := sa.Tokens[k].Lower; w == "other" || w == "others" {
			others = true
		}
	}
	if j := tokenAt(sa, a.Start); j >= 1 && sa.Tokens[j-1].Lower == "and" {
		others = true
	}
	if !others {
		return false
	}
	if kb >= 2 && sb.Tokens[kb-1].Lower == "of" && sb.Tokens[kb-2].Lower == "one" || kb >= 1 && sb.Tokens[kb-1].Lower == "all" {
		return true
	}
	for _, t := range sb.Tokens[kb:] {
		if t.Lower == "including" || t.Lower == "among" {
			return true
		}
	}
	return false
}

// countedWithItself reports whether figure n of d counts a set with or
// without one member where a source figure counts it the other way
// (withItself): "Kelby and 13 other districts" for "one of 14
// districts" states no new figure.
func (c *checker) countedWithItself(d *textproc.Sentence, n textproc.Number) bool {
	for i := range c.src.Sentences {
		s := &c.src.Sentences[i]
		for _, m := range c.figures(s) {
			if withItself(d, n, s, m) || withItself(s, m, d, n) {
				return true
			}
		}
	}
	return false
}

// sameThing reports whether two figures are said of the same thing: the
// nearest content word before or after each is the same.
func sameThing(sa *textproc.Sentence, a textproc.Number, sb *textproc.Sentence, b textproc.Number) bool {
	ka, kb := tokenAt(sa, a.Start), tokenAt(sb, b.Start)
	la, lb := tokenAt(sa, a.End-1), tokenAt(sb, b.End-1)
	if ka < 0 || kb < 0 {
		return false
	}
	na, nb := neighbours(sa, ka), neighbours(sb, kb)
	ea, eb := neighbours(sa, la), neighbours(sb, lb)
	return na[0] != "" && na[0] == nb[0] || ea[1] != "" && ea[1] == eb[1]
}

// tokenAt is the index of the token of s that covers byte i; -1 when none.
func tokenAt(s *textproc.Sentence, i int) int {
	for k, t := range s.Tokens {
		if t.Start <= i && i < t.End {
			return k
		}
	}
	return -1
}

// around returns the index of the last token of s that ends before e
// and of the first that starts after it, -1 where there is none.
func around(s *textproc.Sentence, e textproc.Entity) (before, after int) {
	before, after = -1, -1
	for k, t := range s.Tokens {
		if t.End <= e.Start {
			before = k
		}
		if t.Start >= e.End && after < 0 {
			after = k
		}
	}
	return before, after
}

// unitsAgree reports whether two figures can state the same quantity: the
// same unit, or a count whose noun a rewrite reworded ("300 people" → "300
// residents"). Money and percentages never pass for a bare count.
func unitsAgree(a, b string) bool {
	if a == b {
		return true
	}
	strong := func(u string) bool {
		switch u {
		case "%", "USD", "EUR", "GBP", "JPY", "CNY", "INR", "KRW", "points":
			return true
		}
		return false
	}
	return (a == "" || b == "") && !strong(a) && !strong(b)
}

// hedges before a figure make it approximate.
var hedges = map[string]bool{"about": true, "around": true, "some": true, "nearly": true, "almost": true,
	"approximately": true, "roughly": true, "over": true, "more": true, "least": true, "approached": true,
	"under": true, "less": true, "up": true, "close": true, "estimated": true, "approx": true, "than": true,
	"before": true, "after": true} // "shortly before 6 p.m."

// approximately reports whether b restates a as a rounded or cut figure
// (418 → 420, $23.6 million → $24 million, 61.47% → 61%) or within a
// hedge's slack ("more than 3,100" and "3,160"), a tenth apart at most.
func approximately(sa *textproc.Sentence, a textproc.Number, sb *textproc.Sentence, b textproc.Number) bool {
	x, y := math.Abs(a.Value), math.Abs(b.Value)
	if x == 0 || y == 0 {
		return false
	}
	// Past a tenth apart a figure is another figure, however round
	// ("200,000" is no rounding of 235,159). A tenth is the slack of a
	// figure rounded to one digit (0.83 → 0.8, 6.3 → 6) or hedged
	// ("nearly 40%" for 41.8%).
	if max(x, y)/min(x, y) > 1.1+1e-9 {
		return false
	}
	return roundsTo(x, y) || roundsTo(y, x) || hedged(sa, a) || hedged(sb, b)
}

// roundsTo reports whether x rounded or cut to y's significant digits is
// y, when y has fewer of them.
func roundsTo(x, y float64) bool {
	sy, sx := sigDigits(y), sigDigits(x)
	if sy >= sx {
		return false
	}
	p := math.Pow(10, math.Floor(math.Log10(y))-float64(sy)+1)
	return math.Abs(math.Round(x/p)*p-y) < p/1e6 || math.Abs(math.Floor(x/p)*p-y) < p/1e6
}

func sigDigits(v float64) int {
	t := strings.Trim(strings.ReplaceAll(strconv.FormatFloat(v, 'e', -1, 64), ".", ""), "-")
	m, _, _ := strings.Cut(t, "e")
	return len(strings.TrimRight(m, "0"))
}

// hedged reports a hedge word among the two tokens before the figure.
func hedged(s *textproc.Sentence, n textproc.Number) bool { return hedgedAt(s, n.Start) }

// hedgedAt reports a hedge word among the two tokens before byte at.
func hedgedAt(s *textproc.Sentence, at int) bool {
	k := -1
	for i, t := range s.Tokens {
		if t.Start >= at {
			k = i
			break
		}
	}
	for j := k - 1; j >= 0 && j >= k-2; j-- {
		if hedges[s.Tokens[j].Lower] {
			return true
		}
	}
	return false
}

func sameMagnitude(a, b float64) bool {
	a, b = math.Abs(a), math.Abs(b)
	if a == 0 || b == 0 {
		return a == b
	}
	return max(a, b)/min(a, b) < 10
}

func (c *checker) sourceHas(n textproc.Number) bool {
	for _, m := range c.srcValues {
		if sameValue(m, n) {
			return true
		}
	}
	return false
}

// statedOfSame reports whether a source sentence states figure n of d
// (the same value) of the same thing (sameThing): a figure the rewrite
// took from another sentence than the one it was paired with ("the trust,
// which owns 11 per cent of the club" against the chairman "who owns 89
// per cent of the shares"). Only a figure with a unit or of two digits or
// more tells: bare small counts recur in any article.
func (c *checker) statedOfSame(d *textproc.Sentence, n textproc.Number) bool {
	if n.Unit == "" && math.Abs(n.Value) < 10 {
		return false
	}
	for i := range c.src.Sentences {
		o := &c.src.Sentences[i]
		for _, m := range c.figures(o) {
			if sameValue(m, n) && sameThing(o, m, d, n) {
				return true
			}
		}
	}
	return false
}

// statedOnce keeps the answer of statedOfSame for one derived figure, asked
// of each of its candidate counterparts.
type statedOnce struct{ asked, stated bool }

func (o *statedOnce) of(c *checker, d *textproc.Sentence, n textproc.Number) bool {
	if !o.asked {
		o.asked, o.stated = true, c.statedOfSame(d, n)
	}
	return o.stated
}

// joinedWith returns the figure of figs that reads number n together
// with another (see checker.figures).
func joinedWith(figs []textproc.Number, n textproc.Number) (textproc.Number, bool) {
	for _, f := range figs {
		if f.Start <= n.Start && n.End <= f.End && f.Span != n.Span {
			return f, true
		}
	}
	return textproc.Number{}, false
}

// restated reports whether a derived sentence other than d states figure
// n exactly (its value and unit, as checker.figures reads them). Unlike
// derivedHas, which also takes a rounding or a hedge of n anywhere in the
// rewrite, it asks for the figure itself elsewhere: a wrong pairing, not a
// restatement.
func (c *checker) restated(n textproc.Number, d *textproc.Sentence) bool {
	for i := range c.derived.Sentences {
		if s := &c.derived.Sentences[i]; s != d {
			for _, m := range c.figures(s) {
				if m.Unit == n.Unit && m.Value == n.Value {
					return true
				}
			}
		}
	}
	return false
}

// smallCount reports a count of twelve or fewer, bare or of people: a
// rewrite restates "voted 5-2" as "seven people voted" or "a committee of
// nine", a number the source implies without stating it.
func smallCount(n textproc.Number) bool {
	return (n.Unit == "" || n.Unit == "people") && n.Value <= 12
}

// minArticle is the fewest source sentences for a fact's absence from
// the source to count: a figure or date missing from one sentence (a
// sentence-pair task, a short excerpt) says nothing, one missing from a
// whole article says the rewrite brought it in.
const minArticle = 5

// additions reports a figure or a date of d that the source states
// nowhere, in a sentence the source otherwise backs (d is aligned with
// ss): the rewrite brought in a specific fact ("surveyed 1,000 couples",
// "on Tuesday") that it did not get from its source. A figure the pair
// already reports as changed is not reported again.
func (c *checker) additions(ss []*textproc.Sentence, d *textproc.Sentence) {
	if len(c.src.Sentences) < minArticle || len(ss) == 0 {
		return
	}
	figs := c.figures(d)
	for _, n := range d.Numbers {
		// A time of day is the clocks check's ("4:52 p.m." for "4.52pm").
		if c.inClock(d, n) {
			continue
		}
		// A number read with the next as one figure ("3 1/2", "five and
		// a half") is that figure, its later part none.
		if f, ok := joinedWith(figs, n); ok {
			if f.Start != n.Start {
				continue
			}
			n = f
		}
		// A small count ("two", "three", "seven people") is too common a
		// way of restating the source to count as a new fact.
		if c.sourceHas(n) || c.reported(d.Index, n.Text) || c.nearSource(d, n) || smallCount(n) || c.rangeStated(d, n) || c.countedWithItself(d, n) {
			continue
		}
		if f, ok := c.counterpart(d, n, beside(ss, len(c.src.Sentences))); ok {
			c.add(replaced(f, d.Index, n))
			continue
		}
		if f, ok := c.countedCounterpart(d, n); ok {
			c.add(replaced(f, d.Index, n))
			continue
		}
		c.add(Drift{Kind: Number, DerivedSpan: n.Text, SourceSentence: ss[0].Index, DerivedSentence: d.Index,
			Explanation: fmt.Sprintf("gives the figure %s, which the source never states", n.Text)})
	}
	for _, dd := range d.Dates {
		if c.caseless || dd.Kind != textproc.Weekday && dd.Kind != textproc.DayMonth || c.sourceDates(dd) || c.reported(d.Index, dd.Text) {
			continue
		}
		var at []int
		for _, s := range ss {
			at = append(at, s.Index)
		}
		if sd, si, ok := c.dateCounterpart(dd, append(at, beside(ss, len(c.src.Sentences))...)); ok {
			c.add(redated(sd, si, d.Index, dd))
			continue
		}
		if sd, si, ok := c.onlyDropped(dd.Kind); ok {
			c.add(redated(sd, si, d.Index, dd))
			continue
		}
		c.add(Drift{Kind: Date, DerivedSpan: dd.Text, SourceSentence: ss[0].Index, DerivedSentence: d.Index,
			Explanation: fmt.Sprintf("dates this %s, which the source never does", dd.Text)})
	}
}

// inClock reports whether number n of s is part of a time of day.
func (c *checker) inClock(s *textproc.Sentence, n textproc.Number) bool {
	for _, t := range c.clockTimes(s) {
		if n.Start < t.End && t.Start < n.End {
			return true
		}
	}
	return false
}

// onlyDropped returns the one date of kind in the source that the derived
// text states nowhere and no drift reads, with its sentence: a rewrite
// that drops it and gives a date of its own of that kind moved it,
// wherever the two stand. ok is false when there is none or several.
func (c *checker) onlyDropped(kind textproc.DateKind) (sd textproc.Date, si int, ok bool) {
	n := 0
	for i := range c.src.Sentences {
		for _, d := range c.src.Sentences[i].Dates {
			if d.Kind == kind && !statesDateIn(c.derived, d) && !slices.ContainsFunc(c.out, func(o Drift) bool {
				return o.Kind == Date && o.SourceSentence == i && o.SourceSpan == d.Text
			}) {
				n++
				sd, si = d, i
			}
		}
	}
	return sd, si, n == 1
}

// beside returns the source sentences just before and after the
// sentences ss: a rewrite that merges two source sentences into one is
// paired with one of them, and a figure it changed may come from the
// other, whether the aligner left that one unpaired or gave it to
// another derived sentence (counterpart takes only a figure the rewrite
// states nowhere).
func beside(ss []*textproc.Sentence, n int) []int {
	var out []int
	for _, s := range ss {
		for _, i := range [2]int{s.Index - 1, s.Index + 1} {
			if i >= 0 && i < n && !slices.ContainsFunc(ss, func(o *textproc.Sentence) bool { return o.Index == i }) {
				out = append(out, i)
			}
		}
	}
	return out
}

// reported reports whether a drift already names span in derived
// sentence j.
func (c *checker) reported(j int, span string) bool {
	for _, d := range c.out {
		if d.DerivedSentence == j && d.DerivedSpan == span {
			return true
		}
	}
	return false
}

// reportedIn reports whether a drift of derived sentence j already
// reports word as its span, or a name drift a word of its span ("Harlow
// Showground" for "Showground").
func (c *checker) reportedIn(j int, word string) bool {
	for _, d := range c.out {
		if d.DerivedSentence == j && (d.DerivedSpan == word || d.Kind == Entity && slices.Contains(strings.Fields(d.DerivedSpan), word)) {
			return true
		}
	}
	return false
}

// nearSource reports whether a source figure rounds to n or is n within
// a hedge's slack (see approximately).
func (c *checker) nearSource(d *textproc.Sentence, n textproc.Number) bool {
	for i := range c.src.Sentences {
		s := &c.src.Sentences[i]
		for _, m := range s.Numbers {
			if unitsAgree(m.Unit, n.Unit) && approximately(s, m, d, n) {
				return true
			}
		}
	}
	return false
}

// sourceDates reports whether the source names date dd anywhere.
func (c *checker) sourceDates(dd textproc.Date) bool {
	if statesDateIn(c.src, dd) {
		return true
	}
	// The dateline's date ("BRENNICK, March 17 (Calder Wire) - ..."), which
	// no sentence holds.
	for _, sd := range c.src.DatelineDates {
		if sd.Kind == dd.Kind && sameDate(sd, dd) {
			return true
		}
	}
	// A day the source names relative to its publication ("tonight" in
	// a report published on a Tuesday is Tuesday night).
	return c.publishedDay(dd)
}

// publishedDay reports whether dd is one of the days the source names
// relative to its publication (textproc's PublishedDays).
func (c *checker) publishedDay(dd textproc.Date) bool {
	return slices.ContainsFunc(c.src.PublishedDays, func(p textproc.Date) bool { return p.Kind == dd.Kind && sameDate(p, dd) })
}

// ---- dates

// dates reports a weekday, a calendar date or a year in d that differs
// from every one of the same kind in the paired source sentences, against
// one the derived sentence does not also state: a date the derived text
// drops is an omission, and one it adds next to the source's ("decided
// Tuesday" that the ban "begin Sunday") dates another event. A sentence
// whose figures report another measurement (see numbers) dates that
// measurement, not the source's. A month or a year is read only when the
// source states it nowhere (srcHasMonth, srcHasYear), and two dates that
// bound a span from opposite ends are not read against each other
// (sameBound).
//
// Several changed dates of one sentence ("Thursday and Friday" → "Monday
// and Tuesday") are read against the source's in order, each source date
// once. A date the rewrite states in another sentence, against a source
// that states the derived one in another sentence too, is a wrong
// pairing of sentences, not a change: both facts survive.
func (c *checker) dates(ss []*textproc.Sentence, d *textproc.Sentence) {
	if c.remeasured[d] {
		return
	}
	var used []*textproc.Date
	for _, dd := range d.Dates {
		// A date its aligned source sentences state is settled: an anchor
		// pair does not read it again against another one.
		if !c.checkedDate(dd) || c.anchoring && slices.Contains(c.settled[d], dd.Span) {
			continue
		}
		// The counterpart is the first source date of the kind, or one
		// written as dd is (with a year or without) before one that is
		// not.
		likeDerived := func(x textproc.Date) bool { return (x.Year != 0) == (dd.Year != 0) }
		var cand *textproc.Date
		var candS *textproc.Sentence
		match := false
		for _, s := range ss {
			for k := range s.Dates {
				sd := &s.Dates[k]
				if sd.Kind != dd.Kind {
					continue
				}
				if sameDate(*sd, dd) || statesDate(s, dd) {
					match = true
				} else if (cand == nil || !likeDerived(*cand) && likeDerived(*sd)) &&
					!slices.Contains(used, sd) && !statesDate(d, *sd) && attributionDate(s, *sd) == attributionDate(d, dd) && sameBound(s, *sd, d, dd) {
					cand, candS = sd, s
				}
			}
		}
		if match && !c.anchoring {
			if c.settled == nil {
				c.settled = map[*textproc.Sentence][]textproc.Span{}
			}
			c.settled[d] = append(c.settled[d], dd.Span)
		}
		if match || cand == nil || c.bothDated(d, candS, *cand, dd) {
			continue
		}
		used = append(used, cand)
		dr := redated(*cand, candS.Index, d.Index, dd)
		if dd.Kind == textproc.Month {
			c.doubt(dr)
			continue
		}
		c.add(dr)
	}
}

// checkedDate reports whether dates reads derived date dd: a weekday or a
// calendar date always, a month or a year only when the source states it
// nowhere.
func (c *checker) checkedDate(dd textproc.Date) bool {
	switch dd.Kind {
	case textproc.Weekday, textproc.DayMonth:
		return true
	case textproc.Month:
		return !c.srcHasMonth(dd)
	case textproc.Year:
		return !c.srcHasYear(dd.Year)
	}
	return false
}

// srcHasMonth reports whether any source date falls in month dd (of its
// year, when dd gives one), a day of it included. A month alone is a
// coarse date that a timeline names in many sentences ("In September
// 2015 ... In November 2015 ..."): one the source has somewhere is read
// against a sentence the aligner paired wrongly, not changed. A month
// the source names without a year ("opens in September") does not hold
// one with a year ("joined in September 2022"), which dates something
// else.
func (c *checker) srcHasMonth(dd textproc.Date) bool {
	for i := range c.src.Sentences {
		for _, sd := range c.src.Sentences[i].Dates {
			if sd.Month == dd.Month && (sd.Year == dd.Year || dd.Year == 0) {
				return true
			}
		}
	}
	return false
}

// sameBound reports whether two dates may date the same thing by the word
// before each: a date that opens a span ("from 2005", "since May") and
// one that closes one ("through 2021", "until May") are two facts, not
// one changed.
func sameBound(s *textproc.Sentence, sd textproc.Date, d *textproc.Sentence, dd textproc.Date) bool {
	a, b := dateBound(s, sd), dateBound(d, dd)
	return a == 0 || b == 0 || a == b
}

// dateBound is +1 when the word before date dt of s opens a span of time,
// -1 when it closes one, 0 otherwise.
func dateBound(s *textproc.Sentence, dt textproc.Date) int {
	k := tokenAt(s, dt.Start)
	if k < 1 {
		return 0
	}
	switch s.Tokens[k-1].Lower {
	case "from", "since", "starting", "beginning":
		return 1
	case "through", "until", "till", "to", "by", "before":
		return -1
	}
	return 0
}

// srcHasYear reports whether the source states year y anywhere, alone,
// in a date or as a figure: a year the source has is read against a
// sentence the aligner paired wrongly, or a timeline's other year, not
// changed (as srcHasMonth).
func (c *checker) srcHasYear(y int) bool {
	for i := range c.src.Sentences {
		s := &c.src.Sentences[i]
		for _, sd := range s.Dates {
			if sd.Year == y {
				return true
			}
		}
		for _, n := range s.Numbers {
			if n.Value == float64(y) {
				return true
			}
		}
	}
	return false
}

// bothDated reports whether source date sd of sentence s, which derived
// sentence d replaces with dd, is stated in another derived sentence
// while a source sentence that d shares as many words with as with s
// states dd: each text has both dates, and d tells what that other
// sentence tells. A sentence that copies s but for the date is a change.
func (c *checker) bothDated(d, s *textproc.Sentence, sd, dd textproc.Date) bool {
	kept := false
	for i := range c.derived.Sentences {
		if o := &c.derived.Sentences[i]; o != d && statesDate(o, sd) {
			kept = true
			break
		}
	}
	if !kept {
		return false
	}
	paired := sharedStems(d, s)
	for i := range c.src.Sentences {
		if o := &c.src.Sentences[i]; o != s && (statesDate(o, dd) || c.namesPublishedDay(o, dd)) && sharedStems(d, o) >= paired {
			return true
		}
	}
	return false
}

// namesPublishedDay reports whether source sentence o may name day dd by
// a word relative to the publication ("yesterday", "on Monday"): dd is
// one of the source's PublishedDays and o names a day so.
func (c *checker) namesPublishedDay(o *textproc.Sentence, dd textproc.Date) bool {
	return c.publishedDay(dd) && slices.ContainsFunc(o.Dates, func(x textproc.Date) bool { return x.Kind == textproc.Relative || x.Kind == textproc.Weekday })
}

// onlyWord reports whether derived sentence d has a single content stem
// and source sentence s several: d can share no more than one word with
// what s says ("Here is what we know." against "I don't know what to
// tell them," the coordinator said"), which is no restatement of its
// claim. A sentence edited by a word keeps the other's words.
func onlyWord(s, d *textproc.Sentence) bool {
	return sharedStems(d, d) <= 1 && sharedStems(s, s) > 1
}

// sharedStems counts the distinct content stems of a that b has.
func sharedStems(a, b *textproc.Sentence) int {
	n := 0
	for i, t := range a.Tokens {
		if t.Kind != textproc.Word || t.Stop || slices.ContainsFunc(a.Tokens[:i], func(u textproc.Token) bool { return u.Stem == t.Stem }) {
			continue
		}
		if slices.ContainsFunc(b.Tokens, func(u textproc.Token) bool { return u.Kind == textproc.Word && u.Stem == t.Stem }) {
			n++
		}
	}
	return n
}

// editedSentence reports whether a and b are one sentence with a few words
// changed: each holds at least editedShare of the other's distinct content
// stems (contentStems). A negation dropped there, beside another clause's
// negation, is a change Find reports ("was not on his schedule and was not
// announced" → "was on his schedule and was not revealed").
func editedSentence(a, b *textproc.Sentence) bool {
	sa, sb := contentStems(a), contentStems(b)
	n := 0
	for _, w := range sa {
		if slices.Contains(sb, w) {
			n++
		}
	}
	return float64(n) >= editedShare*float64(len(sa)) && float64(n) >= editedShare*float64(len(sb))
}

// editedShare is how much of each other two sentences hold to be one
// sentence edited (editedSentence).
const editedShare = 0.8

// attributionDate reports whether date dt of s dates a statement rather
// than the event it reports: after an attribution ("officials said
// Tuesday", "announced on Friday"). A rewrite that gives the day of the
// event ("Also Monday, one soldier died") against the day the source
// says a statement was made ("a military statement said Tuesday") dates
// another thing.
//
// The attribution may be followed by its setting first ("said in an
// interview Tuesday", "told reporters on Friday").
func attributionDate(s *textproc.Sentence, dt textproc.Date) bool {
	k := tokenAt(s, dt.Start)
	for j := k - 1; j >= 0 && j >= k-5; j-- {
		t := s.Tokens[j]
		if attributionAt(s, j) {
			if j+1 == k {
				return true
			}
			switch s.Tokens[j+1].Lower {
			case "on", "in", "at", "during", "reporters", "journalists":
				return true
			}
			return false // "were told to evacuate on Friday"
		}
		if t.Kind != textproc.Word || t.Text != t.Lower {
			return false
		}
	}
	return false
}

// statesDate reports whether sentence s states date sd, as a date or as
// the other end of a range of days that one of its dates opens or closes
// ("May 19-21" states May 21, "19 to 21 May" May 19).
func statesDate(s *textproc.Sentence, sd textproc.Date) bool {
	for _, dd := range s.Dates {
		if dd.Kind == sd.Kind && sameDate(sd, dd) {
			return true
		}
		if dd.Kind == textproc.DayMonth && sd.Kind == textproc.DayMonth && sd.Month == dd.Month && (sd.Year == 0 || dd.Year == 0 || sd.Year == dd.Year) {
			if day, ok := rangeDay(s.Text, dd); ok && day == sd.Day {
				return true
			}
		}
	}
	return false
}

// statesDateIn reports whether a sentence of d states date dt
// (statesDate).
func statesDateIn(d *textproc.Doc, dt textproc.Date) bool {
	for i := range d.Sentences {
		if statesDate(&d.Sentences[i], dt) {
			return true
		}
	}
	return false
}

// rangeDate returns the date that figure n of s is, when n is the other
// end of a range of days beside one of s's dates ("21" of "May 19-21").
func rangeDate(s *textproc.Sentence, n textproc.Number) (textproc.Date, bool) {
	for _, dd := range s.Dates {
		if dd.Kind != textproc.DayMonth {
			continue
		}
		day, ok := rangeDay(s.Text, dd)
		if !ok || n.Value != float64(day) {
			continue
		}
		if n.Start >= dd.End && n.Start-dd.End <= 10 || n.End <= dd.Start && dd.Start-n.End <= 6 {
			return textproc.Date{Text: n.Text, Kind: textproc.DayMonth, Month: dd.Month, Day: day, Year: dd.Year, Span: n.Span}, true
		}
	}
	return textproc.Date{}, false
}

// rangeStated reports whether figure n of derived sentence d is a day of
// a range of days whose date the source states: a date, not a figure.
func (c *checker) rangeStated(d *textproc.Sentence, n textproc.Number) bool {
	rd, ok := rangeDate(d, n)
	return ok && c.sourceDates(rd)
}

// rangeAfter and rangeBefore match the other end of a range of days
// written beside a date: "May 19-21", "May 19 to 21", "19-21 May", "19
// and 20 May".
var (
	rangeAfter  = regexp.MustCompile(`^\s*(?:-|–|—|to|through|until|and)\s*(\d{1,2})\b`)
	rangeBefore = regexp.MustCompile(`\b(\d{1,2})\s*(?:-|–|—|to|and)\s*$`)
)

// rangeDay returns the day that closes (or opens) a range of days with
// date d of the text: a day of the same month, later (or earlier) in it.
func rangeDay(text string, d textproc.Date) (int, bool) {
	if d.End <= len(text) {
		if m := rangeAfter.FindStringSubmatch(text[d.End:]); m != nil {
			if day, err := strconv.Atoi(m[1]); err == nil && day > d.Day && day <= 31 {
				return day, true
			}
		}
	}
	if d.Start <= len(text) {
		if m := rangeBefore.FindStringSubmatch(text[:d.Start]); m != nil {
			if day, err := strconv.Atoi(m[1]); err == nil && day < d.Day && day >= 1 {
				return day, true
			}
		}
	}
	return 0, false
}

func sameDate(a, b textproc.Date) bool {
	if a.Kind == textproc.Weekday {
		return a.Weekday == b.Weekday
	}
	return a.Month == b.Month && a.Day == b.Day && (a.Year == 0 || b.Year == 0 || a.Year == b.Year)
}

// ---- quotes

// quoteSame is the share of a derived quote's content words that must come
// from one source quote for the two to be the same quote, and quoteChanged
// the share below which an aligned quote by the same speaker counts as
// reworded. A rewrite that trims a quote keeps all of its words (share 1);
// the planted reworded quotes of the example families keep about half
// (0.5-0.6); an unrelated quote shares almost none.
const (
	quoteSame    = 0.75
	quoteChanged = 0.25
)

// quotes reports a source quote put in another speaker's mouth, and a
// quote by the same speaker whose words were changed materially.
func (c *checker) quotes(ss []*textproc.Sentence, d *textproc.Sentence) {
	for _, dq := range d.Quotes {
		dw := quoteWords(d.TokensIn(dq.Span))
		if len(dw) < 2 {
			continue
		}
		// The same quote anywhere in the source, with another speaker?
		bestShare, bestQ, bestS := 0.0, textproc.Quote{}, (*textproc.Sentence)(nil)
		for _, sq := range c.srcQuotes() {
			if sh := share(dw, sq.words); sh > bestShare {
				bestShare, bestQ, bestS = sh, sq.q, sq.s
			}
		}
		if bestShare >= quoteSame {
			srcSp, derSp := speakerOf(c.src, bestS, bestQ), speakerOf(c.derived, d, dq)
			// A source quote with no speaker phrase of its own is given a
			// speaker by inference (continuedSpeaker, a colon): a drift
			// needs the derived side to name its speaker outright, not
			// by a second inference (a pronoun's antecedent).
			inferred := bareSpeaker(bestQ.Speaker) == "" && speakerName(dq.Speaker) == ""
			if !inferred && !sameSpeaker(srcSp, derSp, d, dq) && !speaksFor(bestS, srcSp, speakerName(derSp)) {
				srcSp, derSp = withFullName(c.src, srcSp), withFullName(c.derived, derSp)
				c.add(Drift{Kind: Quote, SourceSpan: srcSp, DerivedSpan: derSp,
					SourceSentence: bestS.Index, DerivedSentence: d.Index,
					Explanation: fmt.Sprintf("the quote %q is attributed to %s, but the source has %s say it", clipWords(dq.Text, 8), derSp, srcSp)})
			}
			continue
		}
		// A quote aligned with a source quote of the same speaker but with
		// materially different words.
		if len(dw) < 3 {
			continue
		}
		for _, s := range ss {
			for k, sq := range s.Quotes {
				sh := share(dw, c.srcQuoteWords(s, k))
				if sh < quoteChanged || sh >= quoteSame {
					continue
				}
				// Only a quote both sides give to the same named speaker:
				// unattributed quotation marks are as often scare quotes
				// or titles as speech.
				a, b := speakerName(sq.Speaker), speakerName(dq.Speaker)
				if a == "" || a != b {
					continue
				}
				// A quote the source splits around "Orsolo said" and the
				// rewrite joins: judge it against all the speaker's words.
				if share(dw, c.speakerWords(ss, a)) >= quoteSame {
					continue
				}
				// A partial quote made whole: the rewrite takes into the
				// quotation marks words the source sentence gives around
				// them ("the offer "undervalues the company"" → ""The
				// offer undervalues the company"").
				if share(dw, quoteWords(s.Tokens)) >= quoteSame {
					continue
				}
				c.add(Drift{Kind: Quote, SourceSpan: sq.Text, DerivedSpan: dq.Text,
					SourceSentence: s.Index, DerivedSentence: d.Index,
					Explanation: fmt.Sprintf("the quote's words differ from the source's: only %.0f%% of them are in the original quote", 100*sh)})
			}
		}
	}
}

// withFullName returns speaker phrase sp with the person it names by part of
// a name ("Vantongeren", "Dame Alison") given by the one longer name of
// doc that holds every word of it ("Wendy Vantongeren", "Dame Alison
// Threlfall"), as a report names the person; sp as it is when doc names
// no such person or several.
func withFullName(doc *textproc.Doc, sp string) string {
	name := speakerPart(sp)
	if name == "" {
		return sp
	}
	words := strings.Fields(name)
	lowerSp := strings.ToLower(sp)
	full := ""
	for i := range doc.Sentences {
		for _, e := range doc.Sentences[i].Entities {
			// Most names of the article hold none of the words: they are
			// passed over before any is split.
			if e.Kind != textproc.Person || slices.ContainsFunc(words, func(w string) bool { return !strings.Contains(e.Text, w) }) {
				continue
			}
			// The name without the titles before it ("Councillor"), or
			// the words the phrase has already ("councillor Piet Haag").
			have := strings.Fields(e.Text)
			for len(have) > 1 && (textproc.RoleTitle(strings.ToLower(have[0])) || strings.Contains(lowerSp, strings.ToLower(have[0]))) && !slices.Contains(words, have[0]) {
				have = have[1:]
			}
			text := strings.Join(have, " ")
			if len(text) <= len(name) || text == full || slices.ContainsFunc(words, func(w string) bool { return !slices.Contains(have, w) }) {
				continue
			}
			if full != "" {
				return sp // two people it may name
			}
			full = text
		}
	}
	if full == "" {
		return sp
	}
	return strings.Replace(sp, name, full, 1)
}

// speakerPart returns the capitalised words that end speaker phrase sp
// ("Dame Alison" of "said Dame Alison", "Vantongeren"); "" when it ends
// with none.
func speakerPart(sp string) string {
	f := strings.Fields(strings.TrimRight(strings.TrimSpace(sp), ",."))
	k := len(f)
	for k > 0 && f[k-1] != "" && f[k-1][0] >= 'A' && f[k-1][0] <= 'Z' {
		k--
	}
	return strings.Join(f[k:], " ")
}

// speakerOf returns who speaks quote q of sentence s of doc:
//   - its speaker phrase when that names someone, unless the phrase ends
//     at a comma, the tail of an apposition ("Jonas Whitcombe, an analyst
//     at a bank in Kellmar, said: ..."), when it is the one person the
//     sentence, or the sentence before (where the quotation may have
//     opened), names;
//   - for a personal pronoun ("she said"), the one person its own
//     sentence names before it, or else the one person the nearest
//     earlier sentence naming anyone names (whom a reader takes "she"
//     for), looking back two sentences at most and giving up when that
//     sentence names several;
//   - for a quote with no speech verb next to it, the one person its own
//     sentence names before it when a colon opens the quote ("Okafor, for
//     her part, was blunt: "...").
//
// Otherwise the speaker phrase as it is, which names nobody.
func speakerOf(doc *textproc.Doc, s *textproc.Sentence, q textproc.Quote) string {
	sp := q.Speaker
	pron := strings.ToLower(bareSpeaker(sp))
	// onlyPerson is the one person sentence t names before byte end,
	// "" when it names none or several. A name inside quotation marks is
	// a speaker's word, not a speaker.
	onlyPerson := func(t *textproc.Sentence, end int) (string, int) {
		who, n := "", 0
		for _, e := range t.Entities {
			if e.Kind != textproc.Person || e.End > end || t.InQuote(e.Span) || !couldBe(t, e, pron) {
				continue
			}
			if who == "" || surname(e.Text) != surname(who) {
				n++
			}
			who = e.Text
		}
		return who, n
	}
	// "said its finance director, Ms Rhona Keel": the name set beside
	// the description after the quote is the speaker.
	if speakerName(sp) == "" && bareSpeaker(sp) != "" && !anonymous[pron] {
		if who := apposedName(s, q, sp); who != "" {
			return who
		}
	}
	if speakerName(sp) != "" {
		if strings.HasSuffix(strings.TrimSpace(sp), ",") {
			who, n := onlyPerson(s, q.Start)
			if n == 0 && s.Index > 0 && s.Index <= len(doc.Sentences) {
				prev := &doc.Sentences[s.Index-1]
				who, n = onlyPerson(prev, len(prev.Text))
			}
			if n == 1 && !strings.Contains(sp, who) {
				return who
			}
		}
		return sp
	}
	// A phrase of punctuation alone ("," before "warned:") names no one.
	switch strings.ToLower(bareSpeaker(sp)) {
	case "":
		before := leadIn(s, q)
		if strings.HasSuffix(before, ":") {
			if who, n := onlyPerson(s, q.Start); n == 1 {
				return who
			}
		}
		if before == "" {
			if who := continuedSpeaker(doc, s); who != "" {
				return who
			}
		}
	case "he", "she":
		if who, n := onlyPerson(s, q.Start); n > 0 {
			if n == 1 {
				return who
			}
			return sp
		}
		for i := s.Index - 1; i >= 0 && i >= s.Index-2 && i < len(doc.Sentences); i-- {
			who, n := onlyPerson(&doc.Sentences[i], len(doc.Sentences[i].Text))
			if n == 1 {
				return who
			}
			if n > 1 {
				break
			}
		}
	}
	if who := describedPerson(doc, sp); who != "" {
		return who
	}
	return sp
}

// apposedName returns the person named right after speaker phrase sp of
// quote q of s, past a comma: the apposition that names the one the
// phrase describes ("said its finance director, Ms Rhona Keel, who
// added"); "" when there is none.
func apposedName(s *textproc.Sentence, q textproc.Quote, sp string) string {
	from := min(max(0, q.End), len(s.Text))
	phrase := strings.TrimRight(sp, " ,")
	i := strings.Index(s.Text[from:], phrase)
	if i < 0 {
		return ""
	}
	after := from + i + len(phrase)
	rest := s.Text[after:]
	trimmed := strings.TrimLeft(rest, " ")
	if !strings.HasPrefix(trimmed, ",") {
		return ""
	}
	at := after + len(rest) - len(trimmed) + 1
	for _, e := range s.Entities {
		if e.Kind != textproc.Person || e.Start < at {
			continue
		}
		gap := strings.Fields(s.Text[at:e.Start])
		if len(gap) == 0 || len(gap) == 1 && personHonorific(gap[0]) {
			return e.Text
		}
		break
	}
	return ""
}

// personHonorific reports whether w is an honorific before a person's name
// ("Mr", "Dr.", "Ms").
func personHonorific(w string) bool {
	w = strings.ToLower(strings.TrimRight(w, "."))
	return maleHonorifics[w] || femaleHonorifics[w] || w == "dr" || w == "prof"
}

// describedPerson returns the one person doc gives the title of speaker
// phrase sp when sp is "the" and a title ("the judge", "the company's
// chief executive"), "" when it is not or the document titles no one or
// several so: a speaker named by the post the story gives a single person.
func describedPerson(doc *textproc.Doc, sp string) string {
	f := strings.Fields(strings.ToLower(bareSpeaker(sp)))
	if len(f) < 2 || f[0] != "the" || !textproc.RoleTitle(strings.Trim(f[len(f)-1], ".,")) {
		return ""
	}
	title := canonTitle(strings.Trim(f[len(f)-1], ".,"))
	who := ""
	for i := range doc.Sentences {
		s := &doc.Sentences[i]
		for _, r := range append(slices.Clip(s.Roles), textproc.AppositionRoles(s)...) {
			head := strings.Fields(canonTitle(r.Title))
			if r.Holder == "" || len(head) == 0 || head[len(head)-1] != title {
				continue
			}
			if who != "" && surname(who) != surname(r.Holder) {
				return ""
			}
			who = r.Holder
		}
	}
	return who
}

// couldBe reports whether person e of sentence t may be whom a speaker
// phrase refers to when it is the personal pronoun pron ("she"): not a
// person whose honorific says otherwise ("Mr Venn" for "she"), nor one
// named in the possessive ("into Ms Pike's death"), who owns what the
// sentence is about rather than saying it. Any person may be named by a
// phrase that is no pronoun.
func couldBe(t *textproc.Sentence, e textproc.Entity, pron string) bool {
	if pron != "he" && pron != "she" {
		return true
	}
	rest := t.Text[min(e.End, len(t.Text)):]
	if strings.HasPrefix(rest, "'s") || strings.HasPrefix(rest, "’s") {
		return false
	}
	f := strings.Fields(e.Text)
	if len(f) == 0 {
		return true
	}
	if len(f) > 1 && thoroughfares[strings.ToLower(f[len(f)-1])] {
		return false // "On Harbour Street, Maureen Okafor ...": a place
	}
	if located(t, e) {
		return false // "He announced the ban at the State Secretariat": a place
	}
	title := strings.ToLower(strings.TrimRight(f[0], "."))
	if k := tokenAt(t, e.Start); k > 0 {
		if w := strings.TrimRight(t.Tokens[k-1].Lower, "."); maleHonorifics[w] || femaleHonorifics[w] {
			title = w
		}
	}
	return !(pron == "she" && maleHonorifics[title] || pron == "he" && femaleHonorifics[title])
}

// thoroughfares end the name of a street or a place, never a person's
// ("Harbour Street", "Kellbrook Airport"); words that are surnames too
// ("Park", "Hill", "Lane") are left out.
var thoroughfares = map[string]bool{"street": true, "road": true, "avenue": true, "boulevard": true,
	"square": true, "quay": true, "wharf": true, "airport": true, "station": true, "harbour": true, "harbor": true}

// maleHonorifics and femaleHonorifics stand before a name and say whom
// "he" or "she" may stand for.
var (
	maleHonorifics   = map[string]bool{"mr": true, "sir": true, "lord": true}
	femaleHonorifics = map[string]bool{"mrs": true, "ms": true, "miss": true, "dame": true, "lady": true}
)

// bareSpeaker returns speaker phrase sp without the punctuation around
// it: "" for a phrase of punctuation alone ("," before "warned:").
func bareSpeaker(sp string) string { return strings.Trim(sp, " ,;:") }

// leadIn returns the text of s before quote q, without the spaces and
// quotation marks that open q: "" when q opens s.
func leadIn(s *textproc.Sentence, q textproc.Quote) string {
	return strings.TrimRight(s.Text[:min(max(0, q.Start), len(s.Text))], " \"“‘'")
}

// continuedSpeaker returns who speaks a quote that opens sentence s with
// no attribution of its own: the speaker named by the speaker phrase of
// the last quote of the sentence before, in the same paragraph, when that
// sentence opens with its quote too (`"...," Penn said. "We will
// appeal."`: a quotation continued, or a second one by the same speaker,
// as news writing gives them); "" otherwise.
func continuedSpeaker(doc *textproc.Doc, s *textproc.Sentence) string {
	i := s.Index - 1
	if i < 0 || i >= len(doc.Sentences) || doc.Sentences[i].Paragraph != s.Paragraph {
		return ""
	}
	prev := &doc.Sentences[i]
	// Only after a sentence that opens with its quotation too (`"...,"
	// Penn said.`): after a partial quote in a sentence of its own words
	// (`Penn called the plan "reckless".`), the next quotation may be
	// anyone's.
	if len(prev.Quotes) == 0 || leadIn(prev, prev.Quotes[0]) != "" {
		return ""
	}
	// A speaker phrase that names someone, not a pronoun or a speaker
	// continued in turn: inferences chained lose the speaker.
	pq := prev.Quotes[len(prev.Quotes)-1]
	if speakerName(pq.Speaker) == "" {
		return ""
	}
	if who := speakerOf(doc, prev, pq); speakerName(who) != "" {
		return who
	}
	return ""
}

// quoteAt is a source quote with its sentence and content words.
type quoteAt struct {
	q     textproc.Quote
	s     *textproc.Sentence
	words []string // quoteWords
}

// srcQuotes returns the source's quotes, analysed once per Find.
func (c *checker) srcQuotes() []quoteAt {
	if c.quotesDone {
		return c.quoteList
	}
	c.quotesDone = true
	c.quoteFrom = make([]int, len(c.src.Sentences))
	for i := range c.src.Sentences {
		s := &c.src.Sentences[i]
		c.quoteFrom[i] = len(c.quoteList)
		for _, q := range s.Quotes {
			c.quoteList = append(c.quoteList, quoteAt{q, s, quoteWords(s.TokensIn(q.Span))})
		}
	}
	return c.quoteList
}

// srcQuoteWords returns quoteWords of quote k of source sentence s, from
// srcQuotes when s is one of the source's sentences (the pairs of a
// rewrite ask for the same source quotes again and again).
func (c *checker) srcQuoteWords(s *textproc.Sentence, k int) []string {
	c.srcQuotes()
	if i := s.Index; i >= 0 && i < len(c.src.Sentences) && &c.src.Sentences[i] == s {
		return c.quoteList[c.quoteFrom[i]+k].words
	}
	return quoteWords(s.TokensIn(s.Quotes[k].Span))
}

// quoteWords returns the stems of the content words among toks (a
// quote's tokens, TokensIn its span: the tokens of its text, without
// tokenizing it again), sorted, each once: a set that share merges, where
// a map per quote made a tenth of the garbage of a review.
func quoteWords(toks []textproc.Token) []string {
	out := make([]string, 0, len(toks))
	for k := range toks {
		if t := &toks[k]; t.Kind != textproc.Punct && !t.Stop {
			out = append(out, t.Stem)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// share is the fraction of a's words that b has (both sorted, each word
// once, as quoteWords gives them).
func share(a, b []string) float64 {
	if len(a) == 0 {
		return 0
	}
	n := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch c := strings.Compare(a[i], b[j]); {
		case c < 0:
			i++
		case c > 0:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return float64(n) / float64(len(a))
}

// pronouns and role nouns that stand for a speaker without naming one.
var anonymous = map[string]bool{"he": true, "she": true, "they": true, "it": true, "spokesperson": true,
	"spokesman": true, "spokeswoman": true, "official": true, "officials": true, "statement": true}

// speakerWords is the union of the content words of the quotes that the
// sentences ss give to the speaker named name.
func (c *checker) speakerWords(ss []*textproc.Sentence, name string) []string {
	var out []string
	for _, s := range ss {
		for k, q := range s.Quotes {
			if speakerName(q.Speaker) == name {
				out = append(out, c.srcQuoteWords(s, k)...)
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// sameSpeaker reports whether the derived quote's speaker may be the
// source quote's: either names nobody ("he", "the Connecticut
// Democrat"), or the names agree: the same surname, one a spelling or a
// tail of the other ("al-Sadr", "Sadr"; "Moqtada", "Muqtada"), or the
// derived sentence names the source's speaker where its speaker phrase,
// dq's, may have stopped short of the name ("said Sen. Mitch McConnell",
// where the phrase stops at "Sen.").
func sameSpeaker(srcSp, derSp string, der *textproc.Sentence, dq textproc.Quote) bool {
	a, b := speakerName(srcSp), speakerName(derSp)
	if a == "" || b == "" || a == b {
		return true
	}
	if strings.HasSuffix(a, b) || strings.HasSuffix(b, a) || len(a) >= 5 && textproc.EditsWithin(a, b, 2) {
		return true
	}
	// One names the speaker by another word of the other's name: a given
	// name ("Thaksin" for "Prime Minister Thaksin Shinawatra"), or a
	// body without its generic head ("Harlow" for "Harlow Group").
	if nameWord(srcSp, b) || nameWord(derSp, a) {
		return true
	}
	// A speaker phrase cut short ("said Sen." of "said Sen. Mitch
	// McConnell", "said U.S. Army 2nd Lt. Cody" of "... Cody Williams")
	// leaves the name to the words after it. One that gives a full name
	// ("delivery driver Tomasz Wilk") names its speaker, whoever else the
	// sentence names, but for a name between a phrase before the quote and
	// the quote, which the phrase was read past ("Living Ulva, whose
	// director Helga Marn says the dam would "...").
	if !hasWord([]*textproc.Sentence{der}, a) {
		return false
	}
	sp := strings.TrimSpace(derSp)
	at := strings.Index(der.Text, sp)
	if !fullName(sp) || at < 0 {
		return true
	}
	end := at + len(sp)
	if end <= dq.Start && strings.Contains(strings.ToLower(der.Text[end:dq.Start]), a) {
		return true
	}
	next := strings.Fields(der.Text[end:])
	return slices.ContainsFunc(next[:min(len(next), 2)], func(w string) bool {
		return strings.ToLower(strings.Trim(w, ".,;:'’\"")) == a
	})
}

// fullName reports whether speaker phrase sp gives a name of two words or
// more: capitalised words that are no titles, in a row.
func fullName(sp string) bool {
	run := 0
	for _, t := range textproc.Tokenize(sp) {
		if t.Kind == textproc.Word && t.Text != t.Lower && !textproc.RoleTitle(t.Lower) {
			if run++; run >= 2 {
				return true
			}
			continue
		}
		run = 0
	}
	return false
}

// nameWord reports whether the speaker phrase sp has w (lowercased) as a
// capitalised word of its name, before any "of".
func nameWord(sp, w string) bool {
	sp, _, _ = strings.Cut(sp, " of ")
	for _, t := range textproc.Tokenize(sp) {
		if t.Kind == textproc.Word && t.Text != t.Lower && len(t.Lower) >= 3 && baseWord(t.Lower) == w {
			return true
		}
	}
	return false
}

// spokesWords name a position whose holder speaks for a body.
var spokesWords = map[string]bool{"spokesman": true, "spokeswoman": true, "spokesperson": true,
	"representative": true, "official": true}

// speaksFor reports whether body (a speaker name, lowercased) is the body
// that the speaker sp of source sentence s speaks for: a word of the
// spokesperson's position given with sp, after it (", spokesman for
// Altmark Freight") or before it ("Altmark spokesman Jon Hale"). A
// rewrite that gives a spokesperson's words to the body they speak for
// ("Altmark said") keeps the quote's source; one that gives them to a
// person the speaker is a partner or an aide of does not.
func speaksFor(s *textproc.Sentence, sp, body string) bool {
	name := speakerName(sp)
	if name == "" || body == "" {
		return false
	}
	at := -1
	for k, t := range s.Tokens {
		if t.Kind == textproc.Word && baseWord(t.Lower) == name {
			at = k
		}
	}
	if at < 0 {
		return false
	}
	isBody := func(t textproc.Token) bool {
		return t.Kind == textproc.Word && t.Text != t.Lower && baseWord(t.Lower) == body
	}
	// After the name: a position, then the body, before the clause ends.
	position := false
	for k := at + 1; k < len(s.Tokens) && k <= at+8; k++ {
		t := s.Tokens[k]
		if t.Kind == textproc.Punct && t.Text != "," && t.Text != "'s" && t.Text != "&" || k > at+1 && t.Text == "," {
			break
		}
		if spokesWords[t.Lower] {
			position = true
		} else if position && isBody(t) {
			return true
		}
	}
	// Before the name: the body, then a position, then the name's words.
	position = false
	for k := at - 1; k >= 0 && k >= at-6; k-- {
		t := s.Tokens[k]
		if t.Kind == textproc.Punct && t.Text != "." && t.Text != "'s" || speechVerbs[t.Lower] {
			break
		}
		if spokesWords[t.Lower] {
			position = true
		} else if position && isBody(t) {
			return true
		}
	}
	return false
}

// speakerName reduces a speaker phrase to the surname that identifies the
// person ("Marlow County Fire Chief Daniel Okafor" → "okafor"); empty when
// the phrase names nobody.
func speakerName(sp string) string {
	// "Irena Kovac of the league": the person is the part before "of";
	// but not in "Director of Finance Omar Pike", "Secretary of
	// State Ines Varro", where that part is a title before the name.
	if before, _, ok := strings.Cut(sp, " of "); ok {
		if f := strings.Fields(before); len(f) == 0 || !textproc.RoleTitle(strings.ToLower(f[len(f)-1])) {
			sp = before
		}
	}
	toks := textproc.Tokenize(sp)
	// "the Connecticut Democrat", "the Fed": a description, not a name.
	if len(toks) > 0 && (toks[0].Lower == "the" || toks[0].Lower == "a" || toks[0].Lower == "an") {
		return ""
	}
	for k := len(toks) - 1; k >= 0; k-- {
		t := toks[k]
		if t.Kind != textproc.Word {
			continue
		}
		if anonymous[t.Lower] || t.Stop {
			return ""
		}
		if t.Text[0] >= 'A' && t.Text[0] <= 'Z' {
			return baseWord(t.Lower)
		}
		// "al-Tamimi", "bin-Laden": the capitalised part after a
		// lower-case particle.
		if i := strings.LastIndexByte(t.Text, '-'); i >= 0 && i+1 < len(t.Text) && t.Text[i+1] >= 'A' && t.Text[i+1] <= 'Z' {
			return baseWord(t.Lower[i+1:])
		}
	}
	return ""
}

func clipWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) <= n {
		return s
	}
	return strings.Join(f[:n], " ") + " …"
}

// ---- negation

// negations reports a negation cue on one side of a pair only, when the
// word it negates is on the other side without any cue: "did not discuss"
// against "discussed"; or, when the negated word is reworded, the words
// it governs restated without a negation (see restated). When both sides
// negate, the pair is a paraphrase, not a flip.
func (c *checker) negations(ss []*textproc.Sentence, d *textproc.Sentence) {
	// A statement turned into a question asserts nothing: "Will this
	// bring prices down?" neither drops nor makes the source's "would not
	// bring prices down". A question asked both ways round is compared.
	if question(d) && !slices.ContainsFunc(ss, question) {
		return
	}
	srcCues := 0
	for _, s := range ss {
		srcCues += len(s.Negations)
	}
	// A derived sentence negated too is read claim by claim: a negation of
	// another clause ("..., and she denied that ...") leaves the claim
	// unnegated, a change too uncertain to report on its own (doubt).
	both := len(d.Negations) > 0
	switch {
	case srcCues > 0:
		for _, s := range ss {
			for _, n := range s.Negations {
				stem, pspan := negated(s, n)
				if stem == "" || both && negates(d, stem) || !both && keptVerb(s, n, d) {
					continue
				}
				t, ok := claimToken(s, pspan, d, stem)
				if !ok {
					// "not yet decided" against "decided".
					if st, sp, adv := pastAdverb(s, pspan); adv && !(both && negates(d, st)) {
						stem, pspan = st, sp
						t, ok = claimToken(s, pspan, d, stem)
					}
				}
				if !ok {
					// "did not say whether he would stand" against
					// "confirmed that he would stand".
					t, ok = disclosed(s, pspan, d)
				}
				if ok && !(both && inNegatedClause(d, t)) && !c.keptInGroup(s, d, stem) && !prevented(d, t) && !onlyWord(s, d) {
					if deferred(s, pspan, d, t.Span) || modalOnly(d, t.Span, s, n.Span) || universal(s, n, d) {
						continue
					}
					if n.Cue == "without" && !withBefore(d, t) {
						continue
					}
					dr := Drift{Kind: Negation, SourceSpan: s.Text[withAuxiliary(s, n):pspan.End], DerivedSpan: spanText(d, claimSpan(d, t, s, n)),
						SourceSentence: s.Index, DerivedSentence: d.Index,
						Explanation: fmt.Sprintf("the source says %q; this drops the negation", s.Text[withAuxiliary(s, n):pspan.End])}
					if both && !editedSentence(s, d) {
						c.doubt(dr)
					} else {
						c.add(dr)
					}
					return
				}
			}
		}
		if both {
			return
		}
		for _, s := range ss {
			for _, n := range s.Negations {
				if stem, pspan := negated(s, n); stem != "" {
					if sp, ok := restated(s, n, pspan, d); ok {
						neg := spanText(s, negatedClause(s, n, pspan))
						c.add(Drift{Kind: Negation, SourceSpan: neg, DerivedSpan: spanText(d, sp),
							SourceSentence: s.Index, DerivedSentence: d.Index,
							Explanation: fmt.Sprintf("the source says %q; this restates the claim without the negation", neg)})
						return
					}
				}
			}
		}
	case srcCues == 0 && len(d.Negations) > 0:
		for _, n := range d.Negations {
			stem, pspan := negated(d, n)
			if stem == "" || denialWords[strings.ToLower(n.Cue)] && slices.ContainsFunc(ss, rejects) {
				// "denied that the figures had been altered" for
				// "rejected the suggestion that the figures had been
				// altered": the same denial in other words.
				continue
			}
			for _, s := range ss {
				if t, ok := claimToken(d, pspan, s, stem); ok {
					if deferred(d, pspan, s, t.Span) || modalOnly(s, t.Span, d, n.Span) || universal(d, n, s) {
						continue
					}
					c.add(Drift{Kind: Negation, SourceSpan: t.Text, DerivedSpan: d.Text[n.Start:pspan.End],
						SourceSentence: s.Index, DerivedSentence: d.Index,
						Explanation: fmt.Sprintf("this says %q where the source has no negation", d.Text[n.Start:pspan.End])})
					return
				}
			}
		}
		for _, n := range d.Negations {
			stem, pspan := negated(d, n)
			if stem == "" {
				continue
			}
			for _, s := range ss {
				if sp, ok := restated(d, n, pspan, s); ok {
					neg := spanText(d, negatedClause(d, n, pspan))
					c.add(Drift{Kind: Negation, SourceSpan: spanText(s, sp), DerivedSpan: neg,
						SourceSentence: s.Index, DerivedSentence: d.Index,
						Explanation: fmt.Sprintf("this says %q where the source makes the claim without a negation", neg)})
					return
				}
			}
		}
	}
}

// denialWords are the negation cues that deny a claim; rejectWords the
// verbs that deny one without being a negation cue ("rejected claims
// that", "dismissed suggestions that", "disputed").
var (
	denialWords = map[string]bool{"deny": true, "denies": true, "denied": true, "denying": true}
	rejectWords = map[string]bool{"reject": true, "rejects": true, "rejected": true, "rejecting": true,
		"dismiss": true, "dismisses": true, "dismissed": true, "refute": true, "refutes": true, "refuted": true,
		"dispute": true, "disputes": true, "disputed": true}
)

// rejects reports whether s denies a claim with a verb of rejecting.
func rejects(s *textproc.Sentence) bool {
	return slices.ContainsFunc(s.Tokens, func(t textproc.Token) bool { return rejectWords[t.Lower] })
}

// question reports whether s asks rather than states: it ends with a
// question mark.
func question(s *textproc.Sentence) bool {
	n := len(s.Tokens)
	return n > 0 && s.Tokens[n-1].Text == "?"
}

// keptInGroup reports whether a derived sentence of d's aligned group
// other than d, or one right beside d that no pair holds or that restates
// source sentence s, negates the word whose stem is stem: the source's
// negation is kept there ("We are not building an empire. We are building
// a safety net," as two source sentences or one, the first left out of
// the pair by the aligner or paired with a sentence before it), not
// dropped in d.
func (c *checker) keptInGroup(s, d *textproc.Sentence, stem string) bool {
	for _, o := range c.group {
		if o != d && negates(o, stem) {
			return true
		}
	}
	for _, j := range [2]int{d.Index - 1, d.Index + 1} {
		if j < 0 || j >= len(c.paired) {
			continue
		}
		if o := &c.derived.Sentences[j]; negates(o, stem) && (!c.paired[j] || restatesAll(s, o)) {
			return true
		}
	}
	return false
}

// restatesAll reports whether o holds every content stem of s, two at
// least: it states s's claim, whatever else it says.
func restatesAll(s, o *textproc.Sentence) bool {
	n := len(contentStems(s))
	return n >= 2 && sharedStems(s, o) == n
}

// inNegatedClause reports whether token t of s may be negated in s: a
// negation of s stands in t's clause, or a word with a negating prefix
// ("unnecessary to wear"; "un-" or "non-", not the "in-" of "insisted")
// stands within three tokens before it. A negation in another clause
// (apart: "..., and she denied ...", "Though they were not friends, ...")
// leaves t's claim unnegated.
func inNegatedClause(s *textproc.Sentence, t textproc.Token) bool {
	k := tokenAt(s, t.Start)
	if k < 0 {
		return true
	}
	for j := max(0, k-3); j < k; j++ {
		if w := s.Tokens[j].Lower; negativePrefix(w) && textproc.NegatedBase(w) != "" {
			return true
		}
	}
	for _, m := range s.Negations {
		n := tokenAt(s, m.Start)
		switch {
		case n < 0:
			return true
		case n < k:
			// A negation reaches past a short aside right after it
			// ("did not, however, oppose").
			from := n
			if n+1 < len(s.Tokens) && s.Tokens[n+1].Text == "," {
				if e := parenthesisEnd(s, n+1); e > 0 && e < k {
					from = e
				}
			}
			if !apart(s, from, k) {
				return true
			}
		case !apart(s, k, n) && !coordinated(s, k, n):
			return true
		}
	}
	return false
}

// coordinated reports a "but" between tokens i and j of s: in "attended
// the hearing but was not represented" the negation after it negates only
// what follows it.
func coordinated(s *textproc.Sentence, i, j int) bool {
	for k := i + 1; k < j; k++ {
		if s.Tokens[k].Lower == "but" {
			return true
		}
	}
	return false
}

// conjoinedAt reports a comma at token j of s followed by a conjunction
// that opens another clause (clauseConjunctions).
func conjoinedAt(s *textproc.Sentence, j int) bool {
	return s.Tokens[j].Text == "," && j+1 < len(s.Tokens) && clauseConjunctions[s.Tokens[j+1].Lower]
}

// negates reports whether a negation of s negates the word whose stem is
// stem.
func negates(s *textproc.Sentence, stem string) bool {
	for _, m := range s.Negations {
		if st, _ := negated(s, m); st == stem {
			return true
		}
	}
	return false
}

// keptVerb reports whether derived sentence d keeps the verb that is
// negation n's cue in s ("declined to comment" told as "Asked for
// comment, an official declined"): a verb that negates only with what
// follows it ("declined to", "failed to") still negates the claim it
// ends, with its object told before it.
func keptVerb(s *textproc.Sentence, n textproc.Negation, d *textproc.Sentence) bool {
	k := tokenAt(s, n.Start)
	if k < 0 || s.Tokens[k].Lower != n.Cue || s.Tokens[k].Stop {
		return false
	}
	stem := s.Tokens[k].Stem
	return slices.ContainsFunc(d.Tokens, func(t textproc.Token) bool { return t.Kind == textproc.Word && t.Stem == stem })
}

// clauseBoundary reports whether a new clause opens between tokens i and
// j of s: a semicolon, or a comma and a conjunction before a subject (a
// pronoun, a capitalised word, "the"): "planned to reschedule the shows,
// and she denied that ...". A comma before "and" in a list ("culture,
// rumors, and lack of support") opens none.
func clauseBoundary(s *textproc.Sentence, i, j int) bool {
	for k := i + 1; k < j; k++ {
		switch s.Tokens[k].Text {
		case ";":
			return true
		case ",":
			if k+2 < j && conjoinedAt(s, k) {
				if n := &s.Tokens[k+2]; subjectPronouns[n.Lower] || n.Lower == "the" || n.Text != n.Lower {
					return true
				}
			}
		}
	}
	return false
}

// parenthesisEnd returns the index of the comma that closes a short
// aside opened by the comma at token k of s (", however,", ", in fact,":
// one or two lower-case words), 0 when there is none.
func parenthesisEnd(s *textproc.Sentence, k int) int {
	for e := k + 1; e < len(s.Tokens) && e <= k+3; e++ {
		t := &s.Tokens[e]
		if t.Text == "," {
			if e > k+1 {
				return e
			}
			return 0
		}
		if t.Kind != textproc.Word || t.Text != t.Lower {
			return 0
		}
	}
	return 0
}

// apart reports whether tokens i and j of s stand in different clauses: a
// semicolon, comma, colon or dash between them (clauseBoundary's marks
// among them), or a word that opens a subordinate or relative clause
// ("because", "who"). A negation in one does not negate a claim in the
// other ("Though the pair were not friends, she said there was tension").
func apart(s *textproc.Sentence, i, j int) bool {
	for k := i + 1; k < j; k++ {
		switch t := &s.Tokens[k]; t.Text {
		case ";", ",", ":", "—", "–":
			return true
		default:
			if subordinators[t.Lower] {
				return true
			}
		}
	}
	return false
}

// subordinators open a clause of their own inside a sentence.
var subordinators = map[string]bool{"because": true, "although": true, "though": true, "whereas": true,
	"while": true, "unless": true, "who": true, "which": true, "whose": true}

// clauseConjunctions join two clauses after a comma.
var clauseConjunctions = map[string]bool{"and": true, "but": true, "while": true, "whereas": true, "although": true, "though": true}

// subjectPronouns open a clause as its subject.
var subjectPronouns = map[string]bool{"i": true, "you": true, "he": true, "she": true, "it": true, "we": true, "they": true}

// polarity reports a claim flipped without a negation word: a word of d
// whose opposite ("fell" for "rose", "unlikely" for "likely") the paired
// source sentences use while neither side has the other's word, said of
// the same thing (a content word next to both). A negated opposite ("did
// not rise" → "fell") keeps the claim.
func (c *checker) polarity(ss []*textproc.Sentence, d *textproc.Sentence) {
	// Source words with a negating prefix ("unlikely"): rare, so the
	// common case scans nothing.
	var prefixed []tokenRef
	for _, s := range ss {
		for k := range s.Tokens {
			if t := &s.Tokens[k]; t.Kind == textproc.Word && textproc.NegatedBase(t.Lower) != "" {
				prefixed = append(prefixed, tokenRef{s, k})
			}
		}
	}
	for k := range d.Tokens {
		t := &d.Tokens[k]
		if t.Kind != textproc.Word {
			continue
		}
		opp, base := textproc.Opposites(t.Lower), textproc.NegatedBase(t.Lower)
		if len(opp) == 0 && base == "" {
			// Only a prefixed source word can be t's opposite: scan those
			// alone, in the order the full scan meets them.
			for _, p := range prefixed {
				if textproc.NegatedBase(p.s.Tokens[p.k].Lower) == t.Lower && c.reversed(ss, p.s, p.k, d, k) {
					return
				}
			}
			continue
		}
		for _, s := range ss {
			for j := range s.Tokens {
				u := &s.Tokens[j]
				if u.Kind != textproc.Word || !(slices.Contains(opp, u.Lower) || u.Lower == base || textproc.NegatedBase(u.Lower) == t.Lower) {
					continue
				}
				if c.reversed(ss, s, j, d, k) {
					return
				}
			}
		}
	}
}

// reversed reports, and records as a drift, token j of s (one of the
// source sentences ss) stating the opposite of token k of d: neither side
// has the other's word, both or neither are negated, and they speak of
// the same thing.
func (c *checker) reversed(ss []*textproc.Sentence, s *textproc.Sentence, j int, d *textproc.Sentence, k int) bool {
	t, u := &d.Tokens[k], &s.Tokens[j]
	// The rewrite uses its word more often than the source and the
	// source's word less often: absent from the other side, or one of two
	// mentions turned ("a 30% increase ... a 27% increase" → "... a 27%
	// decrease").
	dd := []*textproc.Sentence{d}
	if wordCount(dd, t.Lower) <= wordCount(ss, t.Lower) || wordCount(ss, u.Lower) <= wordCount(dd, u.Lower) ||
		negatedAt(s, j) != negatedAt(d, k) || !shareSubject(s, j, d, k) {
		return false
	}
	if converses[t.Lower] && swappedSides(s, j, d, k) {
		return false
	}
	// The word that replaced a dropped negation ("confirmed reports" for
	// "denied reports") is that drift's, reported once.
	if slices.ContainsFunc(c.out, func(x Drift) bool {
		return x.Kind == Negation && x.DerivedSentence == d.Index && strings.Contains(x.DerivedSpan, t.Text)
	}) {
		return true
	}
	c.add(Drift{Kind: Negation, SourceSpan: u.Text, DerivedSpan: t.Text,
		SourceSentence: s.Index, DerivedSentence: d.Index,
		Explanation: fmt.Sprintf("this says %q where the source says %q: the claim is reversed", t.Text, u.Text)})
	return true
}

// converses are the opposites that state one relation from either end:
// "A bought it from B" is "B sold it to A", "A came a week after B" is "B
// came a week before A", "A is higher than B" is "B is lower than A".
var converses = map[string]bool{
	"bought": true, "sold": true, "buy": true, "sell": true,
	"won": true, "lost": true, "win": true, "lose": true, "wins": true, "loses": true,
	"before": true, "after": true, "earlier": true, "later": true,
	"higher": true, "lower": true, "more": true, "fewer": true, "less": true,
	"better": true, "worse": true, "stronger": true, "weaker": true,
	"cheaper": true, "dearer": true, "above": true, "below": true,
}

// swappedSides reports a converse told from the other end: a content
// word on one side of token j of s (within its clause) stands on the
// other side of token k of d and not on that side in s. A reversal keeps
// its participants where they were ("Before the vote, prices rose" →
// "prices rose after the vote": "vote" follows the word in both).
func swappedSides(s *textproc.Sentence, j int, d *textproc.Sentence, k int) bool {
	sb, sa := clauseSide(s, j, -1), clauseSide(s, j, 1)
	db, da := clauseSide(d, k, -1), clauseSide(d, k, 1)
	for w := range db {
		if sa[w] && !sb[w] {
			return true
		}
	}
	for w := range da {
		if sb[w] && !sa[w] {
			return true
		}
	}
	return false
}

// clauseSide returns the stems of the content words of s from token k
// in direction dir (-1 before, 1 after) up to a clause's punctuation, ten
// tokens at most. Before k it reads past the comma of a relative clause
// to its antecedent ("Jane Roe, who agreed to sell": Jane Roe sells).
func clauseSide(s *textproc.Sentence, k, dir int) map[string]bool {
	out := map[string]bool{}
	for i, n := k+dir, 0; i >= 0 && i < len(s.Tokens) && n < 10; i, n = i+dir, n+1 {
		t := s.Tokens[i]
		if t.Kind == textproc.Punct {
			if dir < 0 && t.Text == "," && i+1 < len(s.Tokens) && relativePronouns[s.Tokens[i+1].Lower] {
				continue
			}
			if t.Text != "'" && t.Text != "’" && t.Text != "-" {
				break
			}
		}
		if t.Kind == textproc.Word && !t.Stop {
			out[t.Stem] = true
		}
	}
	return out
}

// relativePronouns open a relative clause after its antecedent.
var relativePronouns = map[string]bool{"who": true, "which": true, "that": true, "whose": true}

// lexicalNegators are words that negate what follows them without a
// negation cue ("avoid gatherings" for "do not gather", "stop taking"
// for "do not take", "instead of returning" for "not return"): a
// paraphrase moves the negation into such a word, so a negation that one
// side drops or adds while the other has one of these right before the
// same word keeps the claim.
var lexicalNegators = map[string]bool{
	"avoid": true, "avoids": true, "avoided": true, "avoiding": true,
	"refrain": true, "refrains": true, "refrained": true, "refraining": true,
	"stop": true, "stops": true, "stopped": true, "stopping": true,
	"prevent": true, "prevents": true, "prevented": true, "preventing": true,
	"fail": true, "fails": true, "failed": true, "failing": true,
	"decline": true, "declines": true, "declined": true, "declining": true,
	"instead": true,
	"skip":    true, "skipped": true, "halt": true, "halted": true,
	"cancel": true, "cancelled": true, "canceled": true,
	"banned": true, "forbid": true, "forbidden": true,
	"reject": true, "rejected": true, "rejects": true,
	"dismiss": true, "dismissed": true, "dismisses": true,
	// a contrast or a limit that states the negation another way ("rather
	// than on projections" for "not on projections", "yet to respond",
	// "inability to agree", "prohibited from fishing").
	"rather": true, "yet": true, "unlike": true,
	"inability": true, "difficulty": true, "challenging": true,
	"prohibit": true, "prohibited": true, "prohibits": true, "restrict": true, "restricted": true,
	"restricts": true, "denial": true, "deny": true, "denies": true, "denied": true,
	// a want of something ("absence from the card" for "did not appear on
	// the card", "losing its licence" for "without a licence"), a
	// plan given up or put off ("scrapped", "suspended").
	"absence": true, "lose": true, "loses": true, "losing": true, "lost": true,
	"scrap": true, "scraps": true, "scrapped": true, "abandon": true, "abandons": true, "abandoned": true,
	"cease": true, "ceases": true, "ceased": true, "suspend": true, "suspends": true, "suspended": true,
}

// negatorBefore reports a lexical negator among the three tokens before
// token t of s: the word that carries the negation of t's claim ("failed
// to return", "avoid large gatherings").
func negatorBefore(s *textproc.Sentence, t textproc.Token) bool {
	for k, u := range s.Tokens {
		if u.Start != t.Start {
			continue
		}
		// Three tokens back, past an aside set off by commas ("declined,
		// through a spokesman, to comment").
		for j, n := k-1, 0; j >= 0 && n < 3; j-- {
			if s.Tokens[j].Text == "," {
				if i := asideStart(s, j); i >= 0 {
					j = i
					continue
				}
			}
			if lexicalNegator(s, j) {
				return true
			}
			n++
		}
		return false
	}
	return false
}

// asideStart returns the index of the comma that opens an aside closed by
// the comma at token j (at most six tokens between them, no other
// punctuation); -1 when there is none.
func asideStart(s *textproc.Sentence, j int) int {
	for i := j - 1; i >= 0 && i >= j-7; i-- {
		t := s.Tokens[i]
		if t.Text == "," {
			if i < j-1 {
				return i
			}
			return -1
		}
		if t.Kind == textproc.Punct {
			return -1
		}
	}
	return -1
}

// tokenRef is token k of sentence s.
type tokenRef struct {
	s *textproc.Sentence
	k int
}

// wordCount counts the tokens of ss that are the lowercased word w.
func wordCount(ss []*textproc.Sentence, w string) int {
	n := 0
	for _, s := range ss {
		for _, t := range s.Tokens {
			if t.Lower == w {
				n++
			}
		}
	}
	return n
}

// hasWord reports whether a token of ss is the lowercased word w.
func hasWord(ss []*textproc.Sentence, w string) bool { return wordCount(ss, w) > 0 }

// shareNeighbour reports whether token j of s and token k of d have a
// content word in common among the nearest one before and after each:
// "prices rose" and "prices fell" speak of the same thing, "higher energy
// bills" and "lower borrowing costs" do not.
func shareNeighbour(s *textproc.Sentence, j int, d *textproc.Sentence, k int) bool {
	return shared(neighbours(s, j), neighbours(d, k))
}

// shareSubject is shareNeighbour for opposite states: the word before each
// is read past a linking verb (subjectNeighbours).
func shareSubject(s *textproc.Sentence, j int, d *textproc.Sentence, k int) bool {
	return shared(subjectNeighbours(s, j), subjectNeighbours(d, k))
}

// shared reports a word, not empty, among both pairs of neighbours.
func shared(a, b [2]string) bool {
	for _, x := range a {
		for _, y := range b {
			if x != "" && x == y {
				return true
			}
		}
	}
	return false
}

// neighbours are the stems of the nearest content word before and after
// token k, three tokens away at most.
func neighbours(s *textproc.Sentence, k int) [2]string {
	var out [2]string
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		if t := s.Tokens[j]; t.Kind == textproc.Word && !t.Stop {
			out[0] = t.Stem
			break
		}
	}
	for j := k + 1; j < len(s.Tokens) && j <= k+3; j++ {
		if t := s.Tokens[j]; t.Kind == textproc.Word && !t.Stop {
			out[1] = t.Stem
			break
		}
	}
	return out
}

// subjectNeighbours are neighbours, the word before read past a linking
// verb ("remains open", "stayed closed"): what is open or closed is the
// word before the verb ("the road, has been closed" → "the road, remains
// open"), four tokens away at most.
func subjectNeighbours(s *textproc.Sentence, k int) [2]string {
	out := neighbours(s, k)
	for j := k - 1; j >= 0 && j >= k-4; j-- {
		t := s.Tokens[j]
		if t.Kind != textproc.Word || t.Stop || linkingVerbs[t.Lower] {
			continue
		}
		out[0] = t.Stem
		break
	}
	return out
}

// linkingVerbs tie a state to its subject without saying anything of
// their own.
var linkingVerbs = map[string]bool{"remain": true, "remains": true, "remained": true, "stay": true, "stays": true,
	"stayed": true, "become": true, "becomes": true, "became": true, "seem": true, "seems": true, "seemed": true}

// negatedAt reports a negation cue among the three tokens before token k.
func negatedAt(s *textproc.Sentence, k int) bool {
	if k >= len(s.Tokens) {
		return false
	}
	// "non-operative" written "non- operative": the prefix parted from
	// its word.
	if k >= 1 && (s.Tokens[k-1].Lower == "non" || s.Tokens[k-1].Lower == "non-") || k >= 2 && s.Tokens[k-1].Text == "-" && s.Tokens[k-2].Lower == "non" {
		return true
	}
	from := s.Tokens[max(0, k-3)].Start
	for _, n := range s.Negations {
		if n.Start >= from && n.End <= s.Tokens[k].Start {
			return true
		}
	}
	return false
}

// negated returns the stem of the content word a negation cue negates,
// and its span: the first word within two tokens after the cue that is
// not a stop word. It returns "" when the cue is part of a double negation
// ("not without"), or the next content word is a name (capitalised): such
// cues rarely flip a claim one can check on the other side.
func negated(s *textproc.Sentence, n textproc.Negation) (string, textproc.Span) {
	for _, m := range s.Negations {
		if m.End <= n.Start && n.Start-m.End <= 2 {
			return "", textproc.Span{} // "not without": double negation
		}
		// "could not cancel the contract without risking a lawsuit": a
		// negated claim with its condition, which together claim that
		// cancelling would risk a lawsuit: neither cue negates a claim.
		if m.Start != n.Start {
			first, then := m, n
			if n.Start < m.Start {
				first, then = n, m
			}
			if then.Cue == "without" && !clauseBoundary(s, tokenAt(s, first.Start), tokenAt(s, then.Start)) {
				return "", textproc.Span{}
			}
		}
	}
	// "unless the company improves its offer": a condition, whose words
	// state no claim to find unnegated on the other side.
	if n.Cue == "unless" {
		return "", textproc.Span{}
	}
	// "doesn't it", "aren't they": a question asked for effect, not a
	// claim negated.
	if n.Cue == "n't" {
		rest := strings.Fields(strings.ToLower(s.Text[n.End:]))
		if len(rest) > 0 && questionPronouns[strings.Trim(rest[0], ",.?!")] {
			return "", textproc.Span{}
		}
	}
	// "not only", "not just": an addition, not a negation. A sentence
	// opening "Not since 2011 has ..." or "Not until May will ...": the
	// inversion that stresses a time ("the worst since 2011", "reopens in
	// May"), not a claim negated.
	rest := strings.ToLower(strings.TrimLeft(s.Text[n.End:], " "))
	if strings.HasPrefix(rest, "only ") || strings.HasPrefix(rest, "just ") || strings.HasPrefix(rest, "merely ") ||
		strings.TrimSpace(s.Text[:n.Start]) == "" && (strings.HasPrefix(rest, "since ") || strings.HasPrefix(rest, "until ")) {
		return "", textproc.Span{}
	}
	for k, t := range s.Tokens {
		if t.Start < n.End {
			continue
		}
		for j := k; j < len(s.Tokens) && j < k+2; j++ {
			u := s.Tokens[j]
			if u.Kind == textproc.Punct {
				return "", textproc.Span{}
			}
			for _, m := range s.Negations {
				if m.Start >= u.Start && m.Start < u.End {
					return "", textproc.Span{} // double negation
				}
			}
			if u.Kind == textproc.Word && !u.Stop {
				if u.Text[0] >= 'A' && u.Text[0] <= 'Z' {
					return "", textproc.Span{}
				}
				if v, ok := intended(s, j); ok {
					return v.Stem, v.Span
				}
				return u.Stem, u.Span
			}
		}
		return "", textproc.Span{}
	}
	return "", textproc.Span{}
}

// intentionStems name an intention whose negation is the negation of what
// is intended: "no plans to sell the site" denies the sale, which a
// rewrite affirms with another word of intention ("intends to sell the
// site", "is preparing to sell it").
var intentionStems = map[string]bool{"plan": true, "intend": true, "intent": true}

// intended returns the verb an intention word at token k of s governs:
// the word after "to" or "of" that follows it ("plans to sell",
// "intention of selling").
func intended(s *textproc.Sentence, k int) (textproc.Token, bool) {
	if !intentionStems[s.Tokens[k].Stem] || k+2 >= len(s.Tokens) {
		return textproc.Token{}, false
	}
	if p := s.Tokens[k+1].Lower; p != "to" && p != "of" {
		return textproc.Token{}, false
	}
	if v := s.Tokens[k+2]; v.Kind == textproc.Word && !v.Stop && v.Text == v.Lower {
		return v, true
	}
	return textproc.Token{}, false
}

// modalOnly reports whether the claim at span pos of a (the side without
// the negation) is put under a modal that the negation at span neg of b
// lacks ("the target must be clear" against "the target was not
// clear"): a claim that must, should or may hold is not asserted, so the
// negation on the other side does not contradict it.
func modalOnly(a *textproc.Sentence, pos textproc.Span, b *textproc.Sentence, neg textproc.Span) bool {
	return modalBefore(a, pos) && !modalBefore(b, neg)
}

// modalBefore reports a modal verb among the three tokens before span sp
// of s.
func modalBefore(s *textproc.Sentence, sp textproc.Span) bool {
	k := tokenAt(s, sp.Start)
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		switch s.Tokens[j].Lower {
		case "must", "should", "may", "might", "could", "ought":
			return true
		}
	}
	return false
}

// universal reports a "never" (negation n of a) said against a comparison
// with everything in b ("than anything", "than anyone", "than ever"): "we
// have never seen a fire move so fast" and "faster than anything we have
// seen" make one claim, the negation carried by the comparison. A
// negation of everything compared in its own sentence ("no employer in
// the town is bigger than the plant", "nothing has cost more than the
// strike") is a superlative ("the town's largest employer"), not a claim
// denied, whatever b says; so is one of everything against b's "first"
// or "only" ("no man had held the post" for "the first man to hold
// it").
func universal(a *textproc.Sentence, n textproc.Negation, b *textproc.Sentence) bool {
	switch n.Cue {
	case "no", "none", "nothing", "nobody", "never":
		// A comparison b makes that a makes too outside the negated
		// clause ("..., and the rate was higher than at any time") is
		// that one, not the one the negation denies.
		if w, ok := comparedAll(a, n); ok && (!comparesWith(b, 0, w) || comparesWith(a, negatedClauseEnd(a, tokenAt(a, n.Start)), w)) {
			return true
		}
		// "No man had chaired the board before him" against "the first
		// man to chair the board"; "no other rider" against "the only
		// rider": the ordinal says that none came before.
		if noneBefore(a, n, b) {
			return true
		}
	}
	if n.Cue != "never" {
		return false
	}
	for k := range b.Tokens {
		if b.Tokens[k].Lower != "than" {
			continue
		}
		for j := k + 1; j < len(b.Tokens) && j <= k+2; j++ {
			switch b.Tokens[j].Lower {
			case "any", "anything", "anyone", "anybody", "ever":
				return true
			}
		}
	}
	return false
}

// noneBefore reports whether negation n of a denies everything of a kind
// that b calls the first or the only one: the word after the cue
// ("other" passed over) is the word right after b's "first" or "only"
// ("No other rider ... has won" and "the first rider ... to win").
func noneBefore(a *textproc.Sentence, n textproc.Negation, b *textproc.Sentence) bool {
	k := tokenAt(a, n.Start) + 1
	if k <= 0 || k >= len(a.Tokens) {
		return false
	}
	if a.Tokens[k].Lower == "other" && k+1 < len(a.Tokens) {
		k++
	}
	kind := a.Tokens[k].Stem
	for j := 0; j+1 < len(b.Tokens); j++ {
		if w := b.Tokens[j].Lower; (w == "first" || w == "only") && b.Tokens[j+1].Stem == kind {
			return true
		}
	}
	return false
}

// comparedAll returns the comparative of a "than" after negation n of s
// in its clause ("bigger" in "no employer is bigger than the plant"), or
// of a comparative the clause leaves without one ("no company has been
// fined more", "no other board had a higher proportion"), when the
// negation denies everything the comparison measures rather than the
// comparative itself ("no bigger than" says "as small as").
func comparedAll(s *textproc.Sentence, n textproc.Negation) (string, bool) {
	cue := tokenAt(s, n.Start)
	if cue < 0 {
		return "", false
	}
	end := negatedClauseEnd(s, cue)
	bare := -1
	for k := cue + 2; k < end; k++ {
		if s.Tokens[k].Lower != "than" {
			if bare < 0 && bareComparison(s, k, end) {
				bare = k
			}
			continue
		}
		if k-1 == cue+1 {
			return "", false // "no wider than"
		}
		return s.Tokens[k-1].Lower, true
	}
	if bare >= 0 {
		return s.Tokens[bare].Lower, true
	}
	return "", false
}

// negatedClauseEnd returns the index of the token that ends the clause of
// the negation cue at token cue of s: a semicolon, a colon or a dash, a
// word that opens a clause of its own (clauseOpeners), or a comma and a
// conjunction before a subject (", and the rate was ..."; see
// clauseBoundary); the sentence's end when none does. A comma alone may
// set off an aside within the clause ("no employer in the town, a place
// of 11,000, is bigger than the plant").
func negatedClauseEnd(s *textproc.Sentence, cue int) int {
	for k := cue + 1; k < len(s.Tokens); k++ {
		switch t := s.Tokens[k]; {
		case t.Text == ";" || t.Text == ":" || t.Text == "—" || t.Text == "–" || clauseOpeners[t.Lower]:
			return k
		case t.Text == "," && clauseBoundary(s, k-1, k+3):
			return k
		}
	}
	return len(s.Tokens)
}

// bareComparison reports whether token k of s, in a clause ending at
// token end, is a comparative with its "than" left out: one of
// bareComparatives that ends its phrase (the clause's end, a punctuation
// mark, a stop word or "per" after it: "no one has paid more", "has cost
// more per kilometre") or, after "a" or "an", ends it with its noun ("no
// other board had a higher proportion"). A comparative that modifies the
// word after it ("far more stark") compares with no everything.
func bareComparison(s *textproc.Sentence, k, end int) bool {
	if !bareComparatives[s.Tokens[k].Lower] {
		return false
	}
	ends := func(j int) bool {
		return j >= end || s.Tokens[j].Kind == textproc.Punct || s.Tokens[j].Stop || s.Tokens[j].Lower == "per"
	}
	if ends(k + 1) {
		return true
	}
	article := s.Tokens[k-1].Lower == "a" || s.Tokens[k-1].Lower == "an"
	return article && ends(k+2)
}

// bareComparatives compare without a "than" when what they are compared
// with is everything else ("no one has paid more").
var bareComparatives = map[string]bool{"more": true, "less": true, "fewer": true, "bigger": true,
	"larger": true, "higher": true, "greater": true, "longer": true, "better": true, "worse": true}

// clauseOpeners open a clause of their own after a negated one.
var clauseOpeners = map[string]bool{"but": true, "if": true, "because": true, "although": true,
	"though": true, "while": true, "whereas": true, "unless": true, "which": true}

// comparesWith reports whether s makes the comparison "w than" from its
// token from on: the same comparison stated, so a negation against it is
// a flip.
func comparesWith(s *textproc.Sentence, from int, w string) bool {
	for k := max(1, from+1); k < len(s.Tokens); k++ {
		if s.Tokens[k].Lower == "than" && s.Tokens[k-1].Lower == w {
			return true
		}
	}
	return false
}

// deferred reports a negation that puts a claim off rather than denying
// it: the negated word at span neg of a is followed by "for" or "until"
// and a time ("will not be announced for weeks", "not until June"),
// and the same claim at span pos of b by "in", "within", "after", "by"
// or "on" and a time ("announced within weeks", "in June"). Both say
// when it happens.
func deferred(a *textproc.Sentence, neg textproc.Span, b *textproc.Sentence, pos textproc.Span) bool {
	return timeAfter(a, neg, "for", "until") && timeAfter(b, pos, "in", "within", "after", "by", "on", "until")
}

// timeAfter reports whether one of the prepositions and a time word
// follow span sp of s within a few words ("for several weeks", "until
// Monday").
func timeAfter(s *textproc.Sentence, sp textproc.Span, preps ...string) bool {
	k := tokenAt(s, sp.End-1)
	if k < 0 {
		return false
	}
	prep := -1
	for j := k + 1; j < len(s.Tokens) && j <= k+4; j++ {
		if s.Tokens[j].Kind == textproc.Punct {
			return false
		}
		if slices.Contains(preps, s.Tokens[j].Lower) {
			prep = j
			break
		}
	}
	if prep < 0 {
		return false
	}
	// The time comes right after the preposition, or after a count of
	// it ("for weeks", "within a few weeks", "until next June"), not as
	// the modifier of another thing ("for the March 21 call").
	for j := prep + 1; j < len(s.Tokens) && j <= prep+4; j++ {
		t := s.Tokens[j]
		if timeWords[t.Lower] {
			return true
		}
		if t.Kind != textproc.Numeral && !timeCounts[t.Lower] {
			return false
		}
	}
	return false
}

// timeCounts may stand between a preposition and the time it governs.
var timeCounts = map[string]bool{"a": true, "few": true, "several": true, "many": true, "more": true,
	"next": true, "another": true, "some": true, "two": true, "three": true, "four": true, "couple": true, "of": true}

// timeWords name a stretch or a point of time.
var timeWords = map[string]bool{"minutes": true, "hours": true, "days": true, "weeks": true, "months": true,
	"years": true, "hour": true, "day": true, "week": true, "month": true, "year": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
	"spring": true, "summer": true, "autumn": true, "fall": true, "winter": true, "tomorrow": true}

// claimToken returns the token of b with the stem of the word at span sp
// of a (the one a negation cue negates) that makes the same claim without
// a lexical negator before it ("failed to return"): the same word, or the
// same content word next to both ("did not leave quietly" and "left
// quietly", not "her departure"). A word of another form in other
// surroundings is a paraphrase of something else.
func claimToken(a *textproc.Sentence, sp textproc.Span, b *textproc.Sentence, stem string) (textproc.Token, bool) {
	j := -1
	for i, u := range a.Tokens {
		if u.Start == sp.Start {
			j = i
		}
	}
	for k, t := range b.Tokens {
		if t.Kind != textproc.Word || t.Stem != stem && !(j >= 0 && pastOf(t.Lower, a.Tokens[j].Lower)) || negatorBefore(b, t) {
			continue
		}
		if j < 0 || a.Tokens[j].Lower == t.Lower || shareNeighbour(a, j, b, k) {
			return t, true
		}
	}
	return textproc.Token{}, false
}

// disclosed returns the verb of b that states a matter a withholds: the
// matter a's negated word at span sp (a word of saying or deciding:
// withholdWords) leaves open ("did not say whether the depot would
// close", "declined to comment on the price", "has not decided whether to
// adopt the scheme"), which b states as said or settled ("confirmed that
// the depot would close", "confirmed the price", "agreed to adopt the
// scheme"): a verb of statingWords, with no negator before it, whose
// clause holds at least half the content words of the matter in a's
// clause (one at least).
func disclosed(a *textproc.Sentence, sp textproc.Span, b *textproc.Sentence) (textproc.Token, bool) {
	j := tokenAt(a, sp.Start)
	if j < 0 || !withholdWords[a.Tokens[j].Lower] {
		return textproc.Token{}, false
	}
	matter := clauseStems(a, j+1)
	if len(matter) == 0 {
		return textproc.Token{}, false
	}
	for k, t := range b.Tokens {
		if t.Kind != textproc.Word || !statingWords[t.Lower] || negatorBefore(b, t) {
			continue
		}
		held := 0
		for _, st := range clauseStems(b, k+1) {
			if slices.Contains(matter, st) {
				held++
			}
		}
		if held > 0 && 2*held >= len(matter) {
			return t, true
		}
	}
	return textproc.Token{}, false
}

// clauseStems are the stems of the content words of s from token k to the
// end of its clause (a punctuation mark or "but").
func clauseStems(s *textproc.Sentence, k int) []string {
	var out []string
	for ; k < len(s.Tokens); k++ {
		t := &s.Tokens[k]
		if t.Kind == textproc.Punct || t.Lower == "but" {
			break
		}
		if t.Kind == textproc.Word && !t.Stop && !slices.Contains(out, t.Stem) {
			out = append(out, t.Stem)
		}
	}
	return out
}

// withholdWords are the verbs, in the form a negation leaves them, of
// saying or settling a matter that a negation withholds ("did not say",
// "declined to comment", "has not decided"); statingWords are the forms
// of those that say it was said or settled.
var (
	withholdWords = map[string]bool{"say": true, "comment": true, "confirm": true, "disclose": true,
		"reveal": true, "specify": true, "elaborate": true, "discuss": true, "answer": true,
		"respond": true, "indicate": true, "announce": true, "explain": true, "state": true,
		"decide": true, "decided": true, "agree": true, "agreed": true, "commit": true, "committed": true}
	statingWords = map[string]bool{"said": true, "says": true, "confirmed": true, "confirms": true,
		"announced": true, "announces": true, "revealed": true, "reveals": true, "disclosed": true,
		"discloses": true, "stated": true, "states": true, "acknowledged": true, "acknowledges": true,
		"admitted": true, "admits": true, "told": true, "explained": true, "explains": true,
		"indicated": true, "indicates": true, "specified": true, "decided": true, "decides": true,
		"agreed": true, "agrees": true, "committed": true, "commits": true, "approved": true, "approves": true}
)

// pastOf reports whether word is the irregular past or participle of the
// verb base ("found" of "find", "gave" of "give"), which the stemmer
// cannot join: "did not take part" and "took part" make one claim,
// negated on one side. Only a base is read so, as a negation with "do"
// leaves it: a negated past or progressive is matched by its own form,
// not by a base that is as often a noun ("won" is not "a win").
func pastOf(word, base string) bool {
	b, ok := irregularVerbs[word]
	return ok && b == base
}

// irregularVerbs maps the irregular past and participle forms of common
// English verbs to their base form. Forms that are as often another word
// ("left", "felt", "lay", "saw", "lead") are left out.
var irregularVerbs = func() map[string]string {
	m := map[string]string{}
	for _, v := range [][]string{
		{"become", "became"}, {"begin", "began", "begun"}, {"bring", "brought"}, {"build", "built"},
		{"buy", "bought"}, {"catch", "caught"}, {"choose", "chose", "chosen"}, {"come", "came"},
		{"do", "did", "done"}, {"draw", "drew", "drawn"}, {"drive", "drove", "driven"},
		{"eat", "ate", "eaten"}, {"fall", "fell", "fallen"}, {"fight", "fought"}, {"find", "found"},
		{"fly", "flew", "flown"}, {"forbid", "forbade", "forbidden"}, {"forget", "forgot", "forgotten"},
		{"forgive", "forgave", "forgiven"}, {"freeze", "froze", "frozen"}, {"get", "got", "gotten"},
		{"give", "gave", "given"}, {"go", "went", "gone"}, {"grow", "grew", "grown"}, {"hear", "heard"},
		{"hide", "hid", "hidden"}, {"hold", "held"}, {"keep", "kept"}, {"know", "knew", "known"},
		{"lend", "lent"}, {"lose", "lost"}, {"make", "made"}, {"mean", "meant"}, {"meet", "met"},
		{"overcome", "overcame"}, {"pay", "paid"}, {"ride", "rode", "ridden"},
		{"rise", "rose", "risen"}, {"run", "ran"}, {"say", "said"}, {"see", "seen"}, {"seek", "sought"},
		{"sell", "sold"}, {"send", "sent"}, {"shake", "shook", "shaken"}, {"shoot", "shot"},
		{"sing", "sang", "sung"}, {"sink", "sank", "sunk"}, {"sit", "sat"}, {"sleep", "slept"},
		{"speak", "spoke", "spoken"}, {"spend", "spent"}, {"stand", "stood"}, {"steal", "stole", "stolen"},
		{"strike", "struck"}, {"swear", "swore", "sworn"}, {"take", "took", "taken"}, {"teach", "taught"},
		{"tell", "told"}, {"think", "thought"}, {"throw", "threw", "thrown"},
		{"understand", "understood"}, {"undertake", "undertook", "undertaken"}, {"uphold", "upheld"},
		{"wear", "wore", "worn"}, {"win", "won"}, {"withdraw", "withdrew", "withdrawn"},
		{"withhold", "withheld"}, {"write", "wrote", "written"},
	} {
		for _, f := range v[1:] {
			m[f] = v[0]
		}
	}
	return m
}()

// withBefore reports "with" within three words before token t of s: the
// reversal of a "without" ("without a vote" → "with a vote"). A thing
// "without" puts aside is no claim of its own: a rewrite that drops the
// word most often restates the condition in other words ("until a vote
// is held", "in the absence of a vote").
func withBefore(s *textproc.Sentence, t textproc.Token) bool {
	k := tokenAt(s, t.Start)
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		if s.Tokens[j].Lower == "with" {
			return true
		}
	}
	return false
}

// withAuxiliary returns where negation n of s starts, from its token,
// with the auxiliary or modal before it ("did not", "has no"), as a
// report quotes it.
func withAuxiliary(s *textproc.Sentence, n textproc.Negation) int {
	k := tokenAt(s, n.Start)
	switch {
	case k < 0:
		return n.Start
	case k > 0 && auxiliaries[s.Tokens[k-1].Lower] && n.Cue != "n't":
		return s.Tokens[k-1].Start
	}
	return s.Tokens[k].Start
}

// claimSpan returns the span of d's claim at token t, the word source
// negation n of s negated: from the word of d's own that stands in the
// negation's place, when one comes within restatedGap words before t in
// the same clause ("confirmed the tabloid reports" for "denied the
// tabloid reports"), or else from the word that restates the first
// content word after the negation ("planned to reschedule" for "did not
// plan to reschedule"), to t; t's alone otherwise ("attended" for "did
// not attend").
func claimSpan(d *textproc.Sentence, t textproc.Token, s *textproc.Sentence, n textproc.Negation) textproc.Span {
	k := tokenAt(d, t.Start)
	if p := placeWord(d, k, s); p >= 0 {
		// With the auxiliary that carries its tense ("is preparing to
		// release").
		for j := p - 1; j >= 0 && j >= p-2 && auxiliaries[d.Tokens[j].Lower] && d.Tokens[j].Lower != "to"; j-- {
			p = j
		}
		return textproc.Span{Start: d.Tokens[p].Start, End: t.End}
	}
	f := slices.IndexFunc(s.Tokens, func(u textproc.Token) bool { return u.Start >= n.End && content(&u) })
	if f >= 0 && k >= 0 && s.Tokens[f].Stem != t.Stem {
		for j := k - 1; j >= 0 && j >= k-restatedGap; j-- {
			u := &d.Tokens[j]
			if u.Kind == textproc.Punct || clauseWords[u.Lower] {
				break
			}
			if u.Stem == s.Tokens[f].Stem {
				return textproc.Span{Start: u.Start, End: t.End}
			}
		}
	}
	return t.Span
}

// questionPronouns follow the auxiliary of a negative question.
var questionPronouns = map[string]bool{"it": true, "they": true, "you": true, "we": true, "he": true, "she": true, "i": true, "that": true, "this": true, "there": true}

// ---- entities

// entities reports a person's name in d that appears nowhere in the
// source: an invented official, witness or source. A name counts when the
// sentence presents it as a person who speaks or holds a role: right
// before or after a speech verb ("Brian Tolland said", "said Brian
// Tolland"), after "according to" or "by", after a role title, or
// followed by an apposition ("Brian Tolland, a ..."). Capitalised phrases that merely
// look like names ("World Wide Web", "Google Internet") are too often
// harmless additions to count.
func (c *checker) entities(ss []*textproc.Sentence, d *textproc.Sentence) {
	for _, e := range d.Entities {
		if f, s, ok := c.swappedWithin(ss, d, e); ok {
			c.add(Drift{Kind: Entity, SourceSpan: f.Text, DerivedSpan: e.Text, SourceSentence: s.Index, DerivedSentence: d.Index,
				Explanation: fmt.Sprintf("names %s where the source names %s, which is named nowhere here", e.Text, f.Text)})
			continue
		}
		if e.Kind == textproc.Place {
			continue
		}
		// "Tom Daschle of South Dakota": the person is the part before
		// "of".
		text, _, _ := strings.Cut(e.Text, " of ")
		words := strings.Fields(text)
		// "Harold Gehman Jr.": the suffix names no one.
		for len(words) > 1 && nameSuffixes[strings.ToLower(strings.TrimRight(words[len(words)-1], ".,"))] {
			words = words[:len(words)-1]
		}
		if e.Kind == textproc.Organization && len(words) >= 2 {
			c.organisation(ss, d, e)
			continue
		}
		if len(words) < 2 || !presentedAsPerson(d, e) || c.elaborates(d, e) || described(d, e) || c.affiliated(d, e) || c.namesUnnamedSpeaker(ss, d, e) || reporter(d, e) {
			continue
		}
		last := strings.Trim(baseWord(straightApostrophe(strings.ToLower(words[len(words)-1]))), ".,;:")
		if last == "" || c.srcWords[last] || isAcronym(words[len(words)-1]) || c.spelledOtherwise(last) {
			continue
		}
		// Report the run of trailing words the source lacks: the new name
		// without the known words around it ("Marlow County").
		k := len(words) - 1
		for k > 0 && !c.srcWords[strings.ToLower(baseWord(words[k-1]))] {
			k--
		}
		// "Park Place Entertainment" where the source has "Park Place"
		// as a whole name: the same body named in full. (One word more
		// only: "Marlow County Sheriff Brian Tolland" adds a person.)
		if k > 0 && k == len(words)-1 && c.wholeName(words[:k]) {
			continue
		}
		name := strings.Join(words[k:], " ")
		c.add(c.newEntity(ss, d, e, name, "who"))
	}
}

// swappedWithin returns the name of the paired source sentences ss that
// derived name e replaces one word of, keeping its first or its last
// ("Kelsford Showgrounds" for "Kelsford Racecourse", "Indlovu Development
// Bank" for "Southern Infrastructure Bank"): a name of two words or more
// that the derived text names nowhere and whose other words it never
// uses, while e has a word the source never uses. A rewrite that shortens
// or spells out a name keeps its words; one that puts another place or
// body in its stead brings a word in and drops one. Only in an article:
// in a sentence alone, a name left out is named nowhere by chance.
func (c *checker) swappedWithin(ss []*textproc.Sentence, d *textproc.Sentence, e textproc.Entity) (textproc.Entity, *textproc.Sentence, bool) {
	// A name dropped from one sentence says little; from an article, that
	// the rewrite put another in its place (minArticle). Most names are
	// the source's own: those go first, before any list is made.
	if len(c.src.Sentences) < minArticle || !placeOrBody(d, e) {
		return textproc.Entity{}, nil, false
	}
	own := nameWords(e.Text)
	if len(own) < 2 || len(own) > 4 || !slices.ContainsFunc(own, func(w string) bool { return !c.srcWords[w] && !c.spelledOtherwise(w) }) {
		return textproc.Entity{}, nil, false
	}
	for _, s := range ss {
		for _, f := range s.Entities {
			if !placeOrBody(s, f) {
				continue
			}
			theirs := nameWords(f.Text)
			if len(theirs) < 2 || len(theirs) > 4 || theirs[0] != own[0] && theirs[len(theirs)-1] != own[len(own)-1] {
				continue
			}
			// A word of e the source never uses, not even inside one
			// of f's ("Fox" of "Century-Fox"), and a word of f the
			// derived text never uses, a legal form aside ("Inc").
			whole := strings.ToLower(f.Text)
			brought := slices.ContainsFunc(own, func(w string) bool {
				return !c.srcWords[w] && !c.spelledOtherwise(w) && !strings.Contains(whole, w)
			})
			if brought && slices.ContainsFunc(theirs, func(w string) bool {
				return !slices.Contains(own, w) && !legalForms[w] && !c.derivedUses(w)
			}) && !c.namedAnywhere(wholeName(f)) {
				return f, s, true
			}
		}
	}
	return textproc.Entity{}, nil, false
}

// wholeName returns name f to be looked for whole (names): a place or a
// body the tagger took for a person ("Ferrier Coast") is not named by its
// last word ("Halliwell Coast" shares it).
func wholeName(f textproc.Entity) textproc.Entity {
	if f.Kind == textproc.Person {
		f.Kind = textproc.Misc
	}
	return f
}

// placeOrBody reports whether e of sentence s is the name of a place or
// a body: not a person's, which the person checks read, nor a heading or
// a title in capitals (textproc's Misc). A name the tagger takes for a
// person's is a place after a locative (located: "at Kelsford
// Racecourse", "in Port Ellery", "at the Harbour Pavilion").
// swappedWithin reads those of two to four words.
func placeOrBody(s *textproc.Sentence, e textproc.Entity) bool {
	switch e.Kind {
	case textproc.Place, textproc.Organization:
		return true
	case textproc.Person:
		return located(s, e)
	}
	return false
}

// located reports whether name e of sentence s stands right after a
// locative, past a "the" or an owner's name ("at the State Secretariat",
// "in Port Ellery", "at BJ's Cabana Bar"): the name of a place, whatever
// the tagger took it for.
func located(s *textproc.Sentence, e textproc.Entity) bool {
	before, _ := around(s, e)
	if before > 0 {
		if t := &s.Tokens[before]; t.Text != t.Lower && strings.HasSuffix(straightApostrophe(t.Text), "'s") {
			before--
		}
	}
	if before > 0 && s.Tokens[before].Lower == "the" {
		before--
	}
	return before >= 0 && locatives[s.Tokens[before].Lower]
}

// locatives are the prepositions that place what follows them.
var locatives = map[string]bool{"in": true, "at": true, "near": true}

// keyWord is word w of a name as the source's words are kept: lower
// case, a possessive and the punctuation around it cut.
func keyWord(w string) string {
	return strings.Trim(baseWord(straightApostrophe(strings.ToLower(w))), ".,;:\"“”'")
}

// nameWords are the words of a name (keyWord), stop words left out and
// the dots of an abbreviation too ("U.N." as "un").
func nameWords(name string) []string {
	var out []string
	for _, w := range strings.Fields(name) {
		if lw := strings.ReplaceAll(keyWord(w), ".", ""); lw != "" && !textproc.IsStop(lw) {
			out = append(out, lw)
		}
	}
	return out
}

// derivedUses reports whether any word of the derived text is w
// (lowercased, its possessive cut).
func (c *checker) derivedUses(w string) bool {
	for i := range c.derived.Sentences {
		for _, t := range c.derived.Sentences[i].Tokens {
			if t.Kind == textproc.Word && baseWord(t.Lower) == w {
				return true
			}
		}
	}
	return false
}

// newEntity is the drift of a name, name, of derived entity e that the
// source never gives: put in the place of a name of the paired source
// sentences ss (replacedName) when there is one, else new. who is the
// pronoun its explanation uses ("who", "which").
func (c *checker) newEntity(ss []*textproc.Sentence, d *textproc.Sentence, e textproc.Entity, name, who string) Drift {
	dr := Drift{Kind: Entity, DerivedSpan: name, SourceSentence: -1, DerivedSentence: d.Index,
		Explanation: fmt.Sprintf("names %s, %s appears nowhere in the source", name, who)}
	if len(ss) > 0 {
		dr.SourceSentence = ss[0].Index
	}
	if f, s, ok := c.replacedName(ss, d, e); ok {
		dr.SourceSpan, dr.SourceSentence = f, s.Index
		dr.Explanation = fmt.Sprintf("names %s where the source names %s, %s is named nowhere here", name, f, who)
	}
	return dr
}

// replacedName returns the name of the source sentences ss that derived
// entity e of sentence d stands in place of, a place never, and one d
// does not name: first the one, in ss or right beside, whose words around
// it the words around e share most, two content words at least
// (contextShare); then one standing between the same words as e
// (sameSlot: "Arden Capital is advising" → "Mott Brothers is advising");
// then one of e's kind (a person for a person, a body for a body) that
// the derived text names nowhere, as a rewrite that changes who or what a
// sentence is about drops the name it replaces; then one of e's kind,
// which the rewrite may still name elsewhere, in another part of the
// story; last, one of e's kind that the derived text names nowhere in a
// source sentence right beside ss (the aligner pairs the sentence the
// name's claim came from with its neighbour). A source sentence naming
// several such takes the first.
func (c *checker) replacedName(ss []*textproc.Sentence, d *textproc.Sentence, e textproc.Entity) (string, *textproc.Sentence, bool) {
	own := strings.Fields(e.Text)
	if len(own) == 0 {
		return "", nil, false
	}
	first := strings.ToLower(own[0])
	// Of another kind, only a name sharing e's first word: the tagger
	// may call "Harbour Estates" a person and "Harbour Holdings" a body.
	kindOf := func(f textproc.Entity) bool {
		words := strings.Fields(f.Text)
		return len(words) > 0 && (f.Kind == e.Kind || strings.ToLower(words[0]) == first)
	}
	var beside []*textproc.Sentence
	for _, s := range ss {
		for _, j := range [2]int{s.Index - 1, s.Index + 1} {
			if j >= 0 && j < len(c.src.Sentences) && !slices.ContainsFunc(ss, func(o *textproc.Sentence) bool { return o.Index == j }) {
				beside = append(beside, &c.src.Sentences[j])
			}
		}
	}
	// firstOf returns the first name of sentences, no place, that d does
	// not name and ok takes.
	firstOf := func(sentences []*textproc.Sentence, ok func(s *textproc.Sentence, f textproc.Entity) bool) (string, *textproc.Sentence, bool) {
		for _, s := range sentences {
			for _, f := range s.Entities {
				if f.Kind != textproc.Place && !names(d, f) && ok(s, f) {
					return f.Text, s, true
				}
			}
		}
		return "", nil, false
	}
	best, bestShare, at := "", minContextShare-1, (*textproc.Sentence)(nil)
	for _, s := range append(slices.Clip(ss), beside...) {
		for _, f := range s.Entities {
			if f.Kind == textproc.Place || names(d, f) {
				continue
			}
			if n := contextShare(s, f, d, e); n > bestShare {
				best, bestShare, at = f.Text, n, s
			}
		}
	}
	if at != nil {
		return best, at, true
	}
	for _, ok := range []func(s *textproc.Sentence, f textproc.Entity) bool{
		func(s *textproc.Sentence, f textproc.Entity) bool { return sameSlot(s, f, d, e) },
		func(_ *textproc.Sentence, f textproc.Entity) bool { return kindOf(f) && !c.namedAnywhere(f) },
		func(_ *textproc.Sentence, f textproc.Entity) bool { return kindOf(f) },
	} {
		if name, s, found := firstOf(ss, ok); found {
			return name, s, true
		}
	}
	return firstOf(beside, func(_ *textproc.Sentence, f textproc.Entity) bool { return kindOf(f) && !c.namedAnywhere(f) })
}

// contextShare counts the content stems within contextWords tokens of
// name f in s that stand within as many of name e in d.
func contextShare(s *textproc.Sentence, f textproc.Entity, d *textproc.Sentence, e textproc.Entity) int {
	near := func(t *textproc.Sentence, sp textproc.Span) []string {
		var out []string
		k0, k1 := tokenAt(t, sp.Start), tokenAt(t, sp.End-1)
		if k0 < 0 || k1 < 0 {
			return nil
		}
		for k := max(0, k0-contextWords); k < min(len(t.Tokens), k1+1+contextWords); k++ {
			if u := &t.Tokens[k]; (k < k0 || k > k1) && u.Kind == textproc.Word && !u.Stop && u.Text == u.Lower && !slices.Contains(out, u.Stem) {
				out = append(out, u.Stem)
			}
		}
		return out
	}
	a, b := near(s, f.Span), near(d, e.Span)
	n := 0
	for _, w := range a {
		if slices.Contains(b, w) {
			n++
		}
	}
	return n
}

// contextWords is how many tokens either side of a name contextShare
// reads; minContextShare the fewest content stems shared for the words
// around two names to say one took the other's place.
const (
	contextWords    = 6
	minContextShare = 2
)

// names reports whether s names f: a person by the surname (the last
// word, capitalised: "Harwood Drilling", which the tagger may take for a
// person, is not named by "drilling"), a body or anything else by its
// whole name.
func names(s *textproc.Sentence, f textproc.Entity) bool {
	words := strings.Fields(f.Text)
	if len(words) == 0 {
		return true
	}
	if f.Kind == textproc.Person {
		last := strings.Trim(baseWord(straightApostrophe(strings.ToLower(words[len(words)-1]))), ".,;:")
		return slices.ContainsFunc(s.Tokens, func(t textproc.Token) bool {
			return t.Kind == textproc.Word && t.Text != t.Lower && baseWord(straightApostrophe(t.Lower)) == last
		})
	}
	return strings.Contains(strings.ToLower(straightApostrophe(s.Text)), strings.ToLower(straightApostrophe(f.Text)))
}

// namedAnywhere reports whether a derived sentence names f (names).
func (c *checker) namedAnywhere(f textproc.Entity) bool {
	for i := range c.derived.Sentences {
		if names(&c.derived.Sentences[i], f) {
			return true
		}
	}
	return false
}

// sameSlot reports whether name f of s and name e of d stand between the
// same words: the same word right before each (none when both open their
// sentence) and the same right after (none when both end it), not both
// none.
func sameSlot(s *textproc.Sentence, f textproc.Entity, d *textproc.Sentence, e textproc.Entity) bool {
	cf, ce := nameContext(s, f.Span), nameContext(d, e.Span)
	return cf.before == ce.before && cf.after == ce.after && (cf.after != "" || cf.before != "")
}

// renamed reports a one-word name put in another's place in an edited
// copy of a sentence: where the source sentence has, between two words,
// the surname of a person the source names, d has another word between
// the same two, capitalised, that the source never uses nor spells
// otherwise ('…," Marlow said' → '…," Quennell said'). entities leaves
// one-word names alone, since a capitalised word alone is rarely sure to
// be a person; a word swapped for another in the same place of the same
// sentence is a name changed.
func (c *checker) renamed(ss []*textproc.Sentence, d *textproc.Sentence) {
	if len(ss) != 1 {
		return
	}
	s := ss[0]
	edited := 0 // whether s and d are one sentence edited: 1 yes, -1 no, 0 not asked yet
	for k := 1; k+1 < len(d.Tokens); k++ {
		t := &d.Tokens[k]
		if !capitalisedWord(t) || c.srcWords[t.Lower] || c.spelledOtherwise(t.Lower) || hasWord(ss, t.Lower) {
			continue
		}
		// Asked once, and only of a sentence with a new name: most have
		// none, and the question costs two lists of stems.
		if edited == 0 {
			edited = -1
			if editedSentence(s, d) {
				edited = 1
			}
		}
		if edited < 0 {
			return
		}
		for j := 1; j+1 < len(s.Tokens); j++ {
			u := &s.Tokens[j]
			if !capitalisedWord(u) || s.Tokens[j-1].Lower != d.Tokens[k-1].Lower || s.Tokens[j+1].Lower != d.Tokens[k+1].Lower ||
				hasWord([]*textproc.Sentence{d}, u.Lower) || !c.personSurname(u.Lower) {
				continue
			}
			if !c.reportedIn(d.Index, t.Text) {
				c.add(Drift{Kind: Entity, SourceSpan: u.Text, DerivedSpan: t.Text, SourceSentence: s.Index, DerivedSentence: d.Index,
					Explanation: fmt.Sprintf("names %s where the source names %s", t.Text, u.Text)})
			}
			return
		}
	}
}

// personSurname reports whether the source names a person whose name ends
// in the lowercased word w ("Ines Marlow" for "marlow"): a title or a
// place in the same slot is no person renamed.
func (c *checker) personSurname(w string) bool {
	for i := range c.src.Sentences {
		for _, e := range c.src.Sentences[i].Entities {
			if e.Kind != textproc.Person {
				continue
			}
			if surname(straightApostrophe(e.Text)) == w {
				return true
			}
		}
	}
	return false
}

// capitalisedWord reports a word token written with a capital and then
// lower-case letters: a name's shape ("Marlow"), not an acronym.
func capitalisedWord(t *textproc.Token) bool {
	return t.Kind == textproc.Word && t.Text != t.Lower && len(t.Text) > 1 && t.Text[1:] == t.Lower[1:]
}

// wholeName reports whether the source writes words, capitalised, as a
// whole name: not followed by another capitalised word, or only by a
// company's legal form ("Corvan Inc."). A person's given name is always
// followed by the surname, so a new surname after a known given name
// is still a new person.
func (c *checker) wholeName(words []string) bool {
	for i := range c.src.Sentences {
		ts := c.src.Sentences[i].Tokens
		for k := 0; k+len(words) <= len(ts); k++ {
			match := true
			for j, w := range words {
				t := ts[k+j]
				if t.Kind != textproc.Word || t.Text == t.Lower || t.Lower != strings.ToLower(baseWord(strings.Trim(w, ".,;:"))) && baseWord(t.Lower) != strings.ToLower(baseWord(strings.Trim(w, ".,;:"))) {
					match = false
					break
				}
			}
			if !match {
				continue
			}
			if k > 0 && ts[k-1].Kind == textproc.Word && ts[k-1].Text != ts[k-1].Lower && k-1 > 0 {
				continue // the tail of a longer name
			}
			end := k + len(words)
			if end == len(ts) || ts[end].Kind != textproc.Word || ts[end].Text == ts[end].Lower || legalForms[strings.ToLower(strings.TrimRight(ts[end].Text, "."))] {
				return true
			}
		}
	}
	return false
}

// legalForms follow a company's name.
var legalForms = map[string]bool{"inc": true, "corp": true, "co": true, "ltd": true, "plc": true,
	"llc": true, "ag": true, "sa": true, "nv": true, "gmbh": true}

// nameSuffixes close a person's name without naming anyone.
var nameSuffixes = map[string]bool{"jr": true, "sr": true, "ii": true, "iii": true, "iv": true}

// organisation reports an organisation of d that the source never names:
// none of its distinctive words (those before a generic head such as
// "Group", "Institute") is in the source, nor its acronym ("IAEA" for the
// International Atomic Energy Agency).
func (c *checker) organisation(ss []*textproc.Sentence, d *textproc.Sentence, e textproc.Entity) {
	words := strings.Fields(e.Text)
	acronym := ""
	distinct := 0
	for k, w := range words {
		lw := strings.Trim(baseWord(straightApostrophe(strings.ToLower(w))), ".,;:")
		if w[0] >= 'A' && w[0] <= 'Z' {
			acronym += strings.ToLower(w[:1])
		}
		if k == len(words)-1 || textproc.IsStop(lw) {
			continue
		}
		if c.srcWords[lw] || c.spelledOtherwise(lw) {
			return
		}
		distinct++
	}
	if distinct == 0 || c.abbreviated(acronym) || !presentedAsSource(d, e) || c.namesUnnamedSpeaker(ss, d, e) || c.titlesKnown(d, e) || reporter(d, e) {
		return
	}
	// The source names the body by its kind ("the association said" →
	// "the Coastal Ferry Operators Association said"): the name specifies
	// it, it does not invent it.
	if head := strings.ToLower(words[len(words)-1]); c.srcWords[strings.Trim(head, ".,;:")] {
		return
	}
	c.add(c.newEntity(ss, d, e, e.Text, "which"))
}

// reporter reports whether e is credited with reporting the news ("the
// Lakeport Courier reported", "as reported by Meridian Wire") or with
// gathering its figures ("analysts polled by Norvel Research"): a
// newspaper, an agency, a pollster or a journalist named as where the
// story came from, which is the article's provenance (see
// CreditsSource), not an actor in the story.
func reporter(s *textproc.Sentence, e textproc.Entity) bool {
	before, after := around(s, e)
	if after >= 0 {
		switch s.Tokens[after].Lower {
		case "reported", "reports":
			return true
		}
	}
	if before < 1 || s.Tokens[before].Lower != "by" {
		return false
	}
	switch s.Tokens[before-1].Lower {
	case "reported", "polled", "surveyed", "compiled":
		return true
	}
	return false
}

// titlesKnown reports whether organisation e opens the title of a person
// the source names ("Harbour Authority chief engineer Ana Ruiz", "Navy
// Capt. Ruiz" where the source has Ruiz): the body says who the person
// is, it brings in no new actor.
func (c *checker) titlesKnown(d *textproc.Sentence, e textproc.Entity) bool {
	last := tokenAt(d, e.End-1)
	if last < 0 {
		return false
	}
	for _, p := range d.Entities {
		if p.Start < e.End || p.Kind != textproc.Person || !c.srcWords[surname(p.Text)] {
			continue
		}
		first := tokenAt(d, p.Start)
		if first < 0 || first-last-1 > 4 {
			return false
		}
		for k := last + 1; k < first; k++ {
			t := d.Tokens[k]
			if t.Kind == textproc.Punct && t.Text != "." || speechVerbs[t.Lower] || t.Stop {
				return false
			}
		}
		return true
	}
	return false
}

// swaps reports two names of d that trade places with each other against
// a paired source sentence: each stands where the source has the other,
// between the same words ("Marsh told Kovac" → "Kovac told Marsh"), or
// one does while the words around the other were reworded (see traded).
func (c *checker) swaps(ss []*textproc.Sentence, d *textproc.Sentence) {
	c.mem.names = c.mem.names[:0] // the last call's lists are done with
	ents := c.names(d, ss...)
	if len(ents) < 2 {
		return
	}
	var small [4][]textproc.Entity
	srcEnts := small[:0]
	for _, s := range ss {
		srcEnts = append(srcEnts, c.names(s, d))
	}
	for i := 0; i < len(ents); i++ {
		for j := i + 1; j < len(ents); j++ {
			a, b := ents[i], ents[j]
			if a.Key == b.Key || a.Key == "" || b.Key == "" {
				continue
			}
			// The n-th mention of a name on one side is taken for its
			// n-th mention on the other: a name repeated in the sentence
			// still has its places.
			na, nb := mention(ents, i), mention(ents, j)
			for k, s := range ss {
				se := srcEnts[k]
				sa, sb := nthEntity(se, a.Key, na), nthEntity(se, b.Key, nb)
				if sa == nil || sb == nil || count(se, a.Key) != count(ents, a.Key) || count(se, b.Key) != count(ents, b.Key) {
					continue
				}
				if Coordinated(d.Text, a.Span, b.Span) && Coordinated(s.Text, sa.Span, sb.Span) {
					// "Arlen and Brisk" → "Brisk and Arlen": the order of a
					// list, not who did what.
					continue
				}
				lt, ls := tie(d.Text, a.Span, b.Span), tie(s.Text, sa.Span, sb.Span)
				if lt != "" && ls != "" && lt != ls {
					// "Hale's manager, Achterberg" → "Achterberg, who
					// manages Hale": one tie told from the other end, in
					// another form. The same form with the names traded
					// ("Smith's lawyer, Jones" → "Jones's lawyer, Smith")
					// is a swap.
					continue
				}
				if postRetold(lt, wordsBetween(d.Text, a.Span, b.Span), ls, wordsBetween(s.Text, sa.Span, sb.Span)) {
					// "Civil Defence group controller Aroha Tipene" →
					// "Aroha Tipene, group controller for Civil Defence".
					continue
				}
				da, db := nameContext(d, a.Span), nameContext(d, b.Span)
				ca, cb := nameContext(s, sa.Span), nameContext(s, sb.Span)
				if ca == cb || !traded(da, db, ca, cb, sb.Start < sa.Start) || carried(d, a, s, sa, sb) || carried(d, b, s, sb, sa) {
					continue
				}
				c.add(Drift{Kind: Entity, SourceSpan: sa.Text + " … " + sb.Text, DerivedSpan: b.Text + " … " + a.Text,
					SourceSentence: s.Index, DerivedSentence: d.Index,
					Explanation: fmt.Sprintf("swaps %s and %s: each stands where the source has the other", a.Text, b.Text)})
				return
			}
		}
	}
}

// postRetold reports whether two names tied by a post on one side ("the
// Civil Defence group controller Aroha Tipene": the body, the post, its
// holder) are tied on the other by an affiliation that holds the same
// post's words ("Aroha Tipene, group controller for Civil Defence"): one
// tie told from the other end, whatever the post's words. tie1 and
// between1 are the two names' tie and the words between them on one side,
// tie2 and between2 on the other.
func postRetold(tie1 string, between1 []string, tie2 string, between2 []string) bool {
	return tie1 == "of" && postWordsIn(between2, between1) || tie2 == "of" && postWordsIn(between1, between2)
}

// postWordsIn reports whether post, one to three lower-case words none a
// stop word, stands whole among words.
func postWordsIn(post, words []string) bool {
	if len(post) == 0 || len(post) > 3 {
		return false
	}
	for _, w := range post {
		if w != strings.ToLower(w) || textproc.IsStop(w) || !slices.Contains(words, w) {
			return false
		}
	}
	return true
}

// Coordinated reports whether the spans x and y of text are two items of
// one list: only a comma, "and", "or", "nor" or "&" stand between them
// ("Arlen and Brisk", "Arlen, Brisk"). Swapping such names reorders the
// list and changes no one's part.
func Coordinated(text string, x, y textproc.Span) bool {
	between := wordsBetween(text, x, y)
	if len(between) == 0 || len(between) > 3 {
		return false
	}
	for _, w := range between {
		switch strings.ToLower(w) {
		case ",", "and", "or", "nor", "&":
		default:
			return false
		}
	}
	return true
}

// wordsBetween returns the words of text between the spans x and y, in
// either order, with each comma a word of its own; nil when they overlap.
func wordsBetween(text string, x, y textproc.Span) []string {
	if y.Start < x.Start {
		x, y = y, x
	}
	if x.End > y.Start || y.Start > len(text) {
		return nil
	}
	return strings.Fields(strings.ReplaceAll(text[x.End:y.Start], ",", " , "))
}

// tie returns how the spans x and y of text, within tieWords words of
// each other, are tied as one name's relation to the other: "possessive" when
// the first is in the possessive ("Hale's manager, Achterberg"), "of"
// when the second follows "of", "at" or "for" (affiliations: "Oduya,
// co-president of Halcyon Row"), "relative" through a relative pronoun
// ("Achterberg, who manages Hale"),
// "post" when only the words of a post stand between (the body, then the
// post's holder); "" when they are not.
func tie(text string, x, y textproc.Span) string {
	between := wordsBetween(text, x, y)
	if len(between) == 0 || len(between) > tieWords {
		return ""
	}
	if possessive(strings.ToLower(between[0])) {
		// "Hale's manager", "Norvel Holdings' finance director".
		return "possessive"
	}
	if later := max(x.End, y.End); between[0] == "," && possessive(strings.ToLower(strings.TrimSpace(text[later:min(len(text), later+3)]))) &&
		!slices.ContainsFunc(between[1:], func(w string) bool { return !tieAdverbs[strings.ToLower(w)] }) {
		// "Achterberg, Hale's manager", "Arsenault, formerly
		// Halbrook's vice-president": the first named by the second's
		// post in apposition.
		return "apposition"
	}
	if last := strings.ToLower(between[len(between)-1]); affiliations[last] ||
		len(between) > 1 && affiliations[strings.ToLower(between[len(between)-2])] && (last == "the" || last == "a") {
		return "of"
	}
	for _, w := range between {
		switch strings.ToLower(w) {
		case "who", "whose":
			return "relative"
		}
	}
	// "Medicines Oversight Board director general Agnes Fairholm": the
	// first names the body in which the second holds the post between.
	if !slices.ContainsFunc(between, func(w string) bool { return !positionWords[strings.ToLower(w)] }) {
		return "post"
	}
	return ""
}

// possessive reports a word that opens with a possessive ending ("'s",
// "’s") or is one ("'" after a plural).
func possessive(w string) bool {
	return strings.HasPrefix(w, "'s") || strings.HasPrefix(w, "’s") || w == "'" || w == "’"
}

// tieAdverbs may stand between a name and the post in apposition that
// names it by another ("Arsenault, formerly Halbrook's vice-president").
var tieAdverbs = map[string]bool{"formerly": true, "previously": true, "now": true, "currently": true,
	"then": true, "once": true, "also": true, "later": true}

// tieWords is the most words (a comma counts as one) between two names
// tied by a post: "Harnshire Council's head of trading standards, Mark
// Osei" has six.
const tieWords = 7

// affiliations tie a post to the body that holds it ("co-president of
// Halcyon Row", "finance director at Norvel Holdings", "a
// spokesman for the ministry").
var affiliations = map[string]bool{"of": true, "at": true, "for": true}

// names returns the names of s, with its first word taken for a name
// when one of the paired sentences names it: a one-word name capitalised
// only by its place at the start of a sentence is dropped from a
// document that never writes it elsewhere (textproc drops such
// openers), and a swap can move a name there ("... with Marsh" →
// "Marsh ..."). The entities of s are returned as they are otherwise; a
// list with the first word is built in the checker's memory, valid until
// the checker is released.
func (c *checker) names(s *textproc.Sentence, paired ...*textproc.Sentence) []textproc.Entity {
	k := -1
	for i, t := range s.Tokens {
		if t.Kind == textproc.Word || t.Kind == textproc.Numeral {
			k = i
			break
		}
	}
	if k < 0 || s.Tokens[k].Kind != textproc.Word {
		return s.Entities
	}
	t := s.Tokens[k]
	if r, _ := utf8.DecodeRuneInString(t.Text); !unicode.IsUpper(r) {
		return s.Entities
	}
	if len(s.Entities) > 0 && s.Entities[0].Start <= t.Start {
		return s.Entities
	}
	key := baseWord(t.Lower)
	for _, p := range paired {
		for _, e := range p.Entities {
			if e.Key != key {
				continue
			}
			text := baseWord(t.Text)
			m := c.mem
			from := len(m.names)
			m.names = append(m.names, textproc.Entity{Text: text, Key: key, Kind: e.Kind,
				Span: textproc.Span{Start: t.Start, End: t.Start + len(text)}})
			m.names = append(m.names, s.Entities...)
			return m.names[from:len(m.names):len(m.names)]
		}
	}
	return s.Entities
}

// carried reports whether name e of d moved with the figures attached
// to it: what follows it up to the next word holds a figure and is what
// follows it in the source (se), not what follows the other name (so).
// Reordered names take their scores and ages along ("Arlen (12-3) and
// Brisk (9-6)" → "Brisk (9-6) and Arlen (12-3)"); swapped names leave
// them in place.
func carried(d *textproc.Sentence, e textproc.Entity, s *textproc.Sentence, se, so *textproc.Entity) bool {
	if at := attached(d, e.Span); at != "" && at == attached(s, se.Span) && at != attached(s, so.Span) {
		return true
	}
	// A name moves with the title written before it too: "Peldor's
	// foreign minister, Ivo Rask, and Corrin's transport minister,
	// Adela Voss" told the other way round keeps who is who.
	// The body that holds the post, in the possessive, tells two holders
	// of one title apart ("Kesmar's energy minister" and "Peldor's
	// energy minister").
	dt, dl := titleBefore(d, e.Span)
	st, sl := titleBefore(s, se.Span)
	ot, ol := titleBefore(s, so.Span)
	return dt != "" && dt == st && dt != ot || dl != "" && dl == sl && dl != ol
}

// titleBefore returns the two words written right before span sp of s,
// past a comma ("foreign minister" in "Peldor's foreign minister, Ivo
// Rask"), lowercased, when both are content words, and the same with the
// word in the possessive before them ("peldor foreign minister"); "" for
// each that is not there.
func titleBefore(s *textproc.Sentence, sp textproc.Span) (title, held string) {
	k := tokenAt(s, sp.Start)
	if k < 0 {
		return "", ""
	}
	k--
	if k >= 0 && s.Tokens[k].Text == "," {
		k--
	}
	if k < 1 {
		return "", ""
	}
	a, b := &s.Tokens[k-1], &s.Tokens[k]
	if a.Kind != textproc.Word || b.Kind != textproc.Word || a.Stop || b.Stop {
		return "", ""
	}
	title = a.Lower + " " + b.Lower
	// "Kesmar's" is one token; the apostrophe of "Holdings'" one of its own.
	if j := k - 2; j >= 0 {
		switch p := &s.Tokens[j]; {
		case p.Kind == textproc.Word && strings.HasSuffix(p.Lower, "'s"):
			held = baseWord(p.Lower) + " " + title
		case (p.Text == "'" || p.Text == "’") && j > 0 && s.Tokens[j-1].Kind == textproc.Word && s.Tokens[j-1].End == p.Start:
			held = s.Tokens[j-1].Lower + " " + title
		}
	}
	return title, held
}

// attached is the text after span sp of s up to its next word, when it
// holds a figure ("(12-3)", ", 41,"); "" otherwise.
func attached(s *textproc.Sentence, sp textproc.Span) string {
	end, figure := -1, false
	for _, t := range s.Tokens {
		if t.Start < sp.End {
			continue
		}
		if t.Kind == textproc.Word {
			break
		}
		end, figure = t.End, figure || t.Kind == textproc.Numeral
	}
	if !figure {
		return ""
	}
	return strings.TrimSpace(s.Text[sp.End:end])
}

// traded reports whether two names whose places in the derived sentence
// are da and db stand where the source (ca, cb) has the other: each
// nearer the other's place than its own; or, the two in reverse order
// (flipped), one in the other's very place while the other stands no
// nearer its own, a paraphrase having reworded the words around it
// ("Vance told the court ... Ostrow" → "Ostrow informed the court ...
// Vance"). Without the reversal one name may take a place like the
// other's in a reworded sentence ("Arlen's coastal towns ... the Brisk
// coastal road" → "the Arlen coastal towns ... Brisk's road").
func traded(da, db, ca, cb context, flipped bool) bool {
	if da.nearer(cb, ca) && db.nearer(ca, cb) {
		return true
	}
	if !flipped {
		return false
	}
	return da.takes(cb) && db.shared(ca) >= db.shared(cb) || db.takes(ca) && da.shared(cb) >= da.shared(ca)
}

// mention is how many of ents before ents[k] share its key.
func mention(ents []textproc.Entity, k int) int {
	n := 0
	for i := 0; i < k; i++ {
		if ents[i].Key == ents[k].Key {
			n++
		}
	}
	return n
}

// nthEntity returns the n-th (from 0) of ents with the key, or nil.
func nthEntity(ents []textproc.Entity, key string, n int) *textproc.Entity {
	for k := range ents {
		if ents[k].Key == key {
			if n == 0 {
				return &ents[k]
			}
			n--
		}
	}
	return nil
}

// count is how many of ents have the key.
func count(ents []textproc.Entity, key string) int {
	n := 0
	for _, e := range ents {
		if e.Key == key {
			n++
		}
	}
	return n
}

// context is the word before and the word after a name, and whether
// each is a content word: no stop word, no part of a name.
type context struct {
	before, after               string
	beforeContent, afterContent bool
}

// shared is how many of the word before and the word after c shares
// with o: 0, 1 or 2 (a paraphrase may reword one side).
func (c context) shared(o context) int {
	n := 0
	if c.before != "" && c.before == o.before {
		n++
	}
	if c.after != "" && c.after == o.after {
		n++
	}
	return n
}

// nearer reports whether c stands nearer place o than place p: it
// shares a word with o, and more words with o than with p, or as many
// and more edges of the sentence (a name first or last in both). Two
// names in like places share a word around them ("had" in "Corvan had
// 3 GW ... and Lystra had 2 GW"), so a name is placed by what tells the
// places apart, not by any word in common; an edge alone places no name
// ("Arlen frontman Brisk ..." → "Brisk, Arlen's frontman, ...").
func (c context) nearer(o, p context) bool {
	return c.shared(o) > 0 && c.placed(o) > c.placed(p)
}

// placed scores how near c stands to place o: two for each word they
// share, one for each edge of the sentence they share.
func (c context) placed(o context) int {
	n := 2 * c.shared(o)
	if c.before == "" && o.before == "" {
		n++
	}
	if c.after == "" && o.after == "" {
		n++
	}
	return n
}

// takes reports whether c is the place o: the same words before and
// after (one of them may be an edge of the sentence), a content word
// among them. Function words and other names mark no place: names in a
// list or after "in" trade such places in faithful paraphrase ("in
// Arlen and ... in Brisk" → "in Brisk and ... in Arlen").
func (c context) takes(o context) bool {
	return c == o && (c.beforeContent || c.afterContent)
}

func nameContext(s *textproc.Sentence, sp textproc.Span) context {
	var c context
	before := -1
	for k, t := range s.Tokens {
		if t.End <= sp.Start && t.Kind == textproc.Word {
			before = k
		}
		if t.Start >= sp.End && t.Kind == textproc.Word {
			c.after, c.afterContent = t.Stem, contentWord(s, t)
			break
		}
	}
	if before >= 0 {
		t := s.Tokens[before]
		c.before, c.beforeContent = t.Stem, contentWord(s, t)
	}
	return c
}

// contentWord reports whether t is no stop word and no part of a name
// of s.
func contentWord(s *textproc.Sentence, t textproc.Token) bool {
	if t.Stop {
		return false
	}
	for _, e := range s.Entities {
		if e.Start <= t.Start && t.End <= e.End {
			return false
		}
	}
	return true
}

// described reports a name right after "the": "the Nordvik Democrat" is
// a description of someone, not a person's name.
func described(s *textproc.Sentence, e textproc.Entity) bool {
	k := tokenAt(s, e.Start)
	return k > 0 && s.Tokens[k-1].Lower == "the"
}

// abbreviated reports whether the source writes the name as an acronym:
// its initials, or their tail (the name's first words may be cut off at
// "and": "Securities and Exchange Commission" for "SEC").
func (c *checker) abbreviated(initials string) bool {
	if len(initials) < 2 {
		return false
	}
	if c.acronyms == nil {
		c.acronyms = []string{}
		for i := range c.src.Sentences {
			for _, t := range c.src.Sentences[i].Tokens {
				if t.Kind == textproc.Word && len(t.Text) >= 2 && isAcronym(t.Text) {
					c.acronyms = append(c.acronyms, strings.ToLower(strings.ReplaceAll(t.Text, ".", "")))
				}
			}
		}
	}
	for _, a := range c.acronyms {
		if strings.HasSuffix(a, initials) {
			return true
		}
	}
	return false
}

// elaborates reports whether a person's name specifies someone the source
// refers to by role: the name holds a title the source uses ("the finance
// minister" → "finance minister Alda Verhoven").
func (c *checker) elaborates(d *textproc.Sentence, e textproc.Entity) bool {
	for _, r := range d.Roles {
		if r.Holder == "" || !strings.Contains(e.Text, r.Holder) {
			continue
		}
		f := strings.Fields(r.Title)
		if len(f) > 0 && c.srcWords[f[len(f)-1]] {
			return true
		}
	}
	return false
}

// positionWords name a position rather than the body that holds it: an
// affiliation's words the source may share without naming the body.
var positionWords = map[string]bool{"spokesman": true, "spokeswoman": true, "spokesperson": true,
	"president": true, "vice": true, "chairman": true, "chairwoman": true, "chair": true, "chief": true,
	"executive": true, "officer": true, "director": true, "manager": true, "general": true,
	"secretary": true, "minister": true, "analyst": true, "lawyer": true, "attorney": true,
	"prosecutor": true, "judge": true, "senior": true, "deputy": true, "head": true, "official": true,
	"publicist": true, "adviser": true, "advisor": true, "commissioner": true, "economist": true,
	"professor": true, "researcher": true, "editor": true, "reporter": true, "founder": true,
	"partner": true, "member": true, "leader": true, "former": true, "acting": true}

// affiliated reports whether a person's name comes with a body the
// source names: in the words right before it ("Port Authority spokesman Jon
// Hale", "committee spokesman ..."), after "of" in the name ("Irena
// Kovac of the weather office") or in an apposition after it (",
// a spokeswoman for the fire department", ", president of Altmark
// Freight"). The name specifies who spoke for a body the source cites;
// an invented official speaks for none of the source's.
func (c *checker) affiliated(d *textproc.Sentence, e textproc.Entity) bool {
	first, last := tokenAt(d, e.Start), tokenAt(d, e.End-1)
	if first < 0 || last < 0 {
		return false
	}
	// A word of the affiliation the source has; not a position, and not
	// the generic head that closes a capitalised name ("Wickbren Group").
	isCap := func(k int) bool {
		t := d.Tokens[k]
		return t.Kind == textproc.Word && t.Text != t.Lower
	}
	known := func(k int) bool {
		t := d.Tokens[k]
		w := strings.Trim(baseWord(straightApostrophe(t.Lower)), ".,;:")
		if t.Kind != textproc.Word || t.Stop || positionWords[w] || speechVerbs[w] || !c.srcWords[w] {
			return false
		}
		return !isCap(k) || !(k > 0 && isCap(k-1) && (k+1 == len(d.Tokens) || !isCap(k+1)))
	}
	// "Irena Kovac of the weather office": the words after "of".
	// The phrase may run on past the name's end ("Tomas Ferreira of
	// the coastal weather office"), to the clause's end.
	of := false
	for k := first; k < len(d.Tokens) && k <= last+6; k++ {
		t := d.Tokens[k]
		if k > last && (!of && (k > last+1 || t.Lower != "of") || t.Kind == textproc.Punct && t.Text != "'s" && t.Text != "-" || speechVerbs[t.Lower]) {
			break
		}
		if t.Lower == "of" {
			of = true
		} else if of && known(k) {
			return true
		}
	}
	// The words before the name, back to punctuation or a stop word: a
	// body, then a position ("Ferrovia spokesman").
	position := false
	for k := first - 1; k >= 0 && k >= first-4; k-- {
		t := d.Tokens[k]
		if t.Kind == textproc.Punct && t.Text != "." || t.Stop || speechVerbs[t.Lower] {
			break
		}
		if positionWords[t.Lower] {
			position = true
		} else if position && known(k) {
			return true
		}
	}
	// An apposition that gives a position and a body: ", a spokeswoman
	// for the fire department,".
	if last+1 < len(d.Tokens) && d.Tokens[last+1].Text == "," {
		position, body := false, false
		for k := last + 2; k < len(d.Tokens) && k <= last+10; k++ {
			t := d.Tokens[k]
			if t.Kind == textproc.Punct && t.Text != "'s" && t.Text != "&" && t.Text != "-" {
				break
			}
			position = position || positionWords[t.Lower]
			body = body || known(k)
		}
		return position && body
	}
	return false
}

// presentedAsSource reports whether the sentence presents organisation e
// as the source or agent of a claim, or as someone's employer: what a
// person is (presentedAsPerson), or right after "at", "for" or "from" ("an
// analyst at Morrow Partners"). A body only mentioned ("told the
// Associated Press", "filed with the court") is not a fact one can check.
func presentedAsSource(s *textproc.Sentence, e textproc.Entity) bool {
	if presentedAsPerson(s, e) {
		return true
	}
	for k, t := range s.Tokens {
		if t.Start >= e.Start {
			if k > 0 {
				switch s.Tokens[k-1].Lower {
				case "at", "for", "from":
					return true
				}
			}
			return false
		}
	}
	return false
}

// namesUnnamedSpeaker reports whether e names a speaker the paired source
// sentences leave unnamed: e speaks in d ("Brandt said", "said Brandt",
// "according to Brandt"), a source sentence attributes its claim to a
// pronoun or a description ("he said", "the company said", "It
// estimated", "according to reports"), and d has no more attributions
// than the source, none of them unnamed. The name fills the source's
// speaker role, it adds no actor; a name attributed on top of the
// source's own speaker (one more attribution than the source has, or the
// source's unnamed speaker kept beside it) is still reported.
func (c *checker) namesUnnamedSpeaker(ss []*textproc.Sentence, d *textproc.Sentence, e textproc.Entity) bool {
	if !speaksAt(d, e) {
		return false
	}
	unnamed, n := false, 0
	for _, s := range ss {
		if c.unattributedQuote(s) {
			return true
		}
		for k := range s.Tokens {
			if attributionAt(s, k) {
				n++
				unnamed = unnamed || unnamedSpeaker(s, k)
			}
		}
	}
	if !unnamed {
		return false
	}
	for k := range d.Tokens {
		if attributionAt(d, k) {
			if unnamedSpeaker(d, k) {
				return false
			}
			n--
		}
	}
	return n >= 0
}

// unattributedQuote reports whether source sentence s is a quotation
// that no one is said to speak: most of its words are quoted, and
// neither s nor the source sentence before it (whose speaker a quote
// running on would keep) attributes anything. A rewrite that names the
// speaker fills the source's speaker role, as when the source says "he
// said".
func (c *checker) unattributedQuote(s *textproc.Sentence) bool {
	quoted := 0
	for _, q := range s.Quotes {
		if q.Speaker != "" {
			return false
		}
		quoted += len(strings.Fields(q.Text))
	}
	// A sentence that only closes a quotation opened before it ('... in
	// the past."'): all of it is quoted.
	if len(s.Quotes) == 0 && strings.Count(s.Text, `"`)+strings.Count(s.Text, "”")+strings.Count(s.Text, "“") == 1 &&
		(strings.HasSuffix(s.Text, `"`) || strings.HasSuffix(s.Text, "”")) {
		quoted = len(strings.Fields(s.Text))
	}
	if quoted < 3 || 2*quoted < len(strings.Fields(s.Text)) || attributes(s) {
		return false
	}
	i := s.Index - 1
	return i < 0 || i >= len(c.src.Sentences) || &c.src.Sentences[s.Index] != s || !attributes(&c.src.Sentences[i])
}

// attributes reports whether s has an attribution (see attributionAt).
func attributes(s *textproc.Sentence) bool {
	for k := range s.Tokens {
		if attributionAt(s, k) {
			return true
		}
	}
	return false
}

// attributionVerbs are speechVerbs plus the other verbs a report uses
// for a speaker's claim, admission or estimate ("he adds", "she admits",
// "it estimated").
var attributionVerbs = map[string]bool{"adds": true, "estimated": true, "estimates": true,
	"states": true, "announces": true, "reports": true, "notes": true, "explains": true,
	"reveals": true, "revealed": true, "admits": true, "admitted": true, "claims": true,
	"claimed": true, "insists": true, "insisted": true}

// attributionAt reports whether token k of s attributes a claim: a speech
// verb or the "according" of "according to".
func attributionAt(s *textproc.Sentence, k int) bool {
	t := s.Tokens[k].Lower
	if t == "according" {
		return k+1 < len(s.Tokens) && s.Tokens[k+1].Lower == "to"
	}
	if t == "read" || t == "reads" {
		// "the statement read": a document speaks.
		return k > 0 && documents[s.Tokens[k-1].Lower]
	}
	return speechVerbs[t] || attributionVerbs[t]
}

// documents are the papers a report quotes as speakers ("the statement
// read", "the letter reads").
var documents = map[string]bool{"statement": true, "letter": true, "note": true, "release": true,
	"notice": true, "memo": true, "message": true, "filing": true, "report": true}

// speakerPronouns stand for a speaker without naming one.
var speakerPronouns = map[string]bool{"he": true, "she": true, "it": true, "they": true, "we": true, "i": true}

// speakerDeterminers open a description of one known speaker ("the
// company", "a prosecutor", "its chief").
var speakerDeterminers = map[string]bool{"the": true, "a": true, "an": true, "its": true, "his": true, "her": true, "their": true}

// unnamedSpeaker reports whether the attribution at token k of s is made
// by a pronoun or a description and no name: "he said in", "the company
// said", "said a prosecutor", "It estimated". A bare plural ("officials
// said", "police said") is a group, not one speaker a name could fill.
func unnamedSpeaker(s *textproc.Sentence, k int) bool {
	word := func(i int) (textproc.Token, bool) {
		if i < 0 || i >= len(s.Tokens) || s.Tokens[i].Kind != textproc.Word {
			return textproc.Token{}, false
		}
		return s.Tokens[i], true
	}
	named := func(t textproc.Token) bool { return t.Text != t.Lower && !speakerPronouns[t.Lower] }
	at, unnamed := []int{k - 1, k + 1}, false
	if s.Tokens[k].Lower == "according" {
		at = []int{k + 2}
	} else if k >= 2 && speechAdverb(s.Tokens[k-1]) {
		at[0] = k - 2 // "he also said"
	}
	for _, i := range at {
		t, ok := word(i)
		if !ok {
			continue
		}
		if named(t) {
			return false
		}
		if speakerPronouns[t.Lower] {
			unnamed = true
		}
		// "the company said": a determiner before the word before the
		// verb; "said the company": a determiner right after it, then a
		// lower-case word.
		if i == k-1 {
			if d, ok := word(i - 1); ok && speakerDeterminers[d.Lower] {
				unnamed = true
			}
		} else if n, ok := word(i + 1); ok && speakerDeterminers[t.Lower] && !named(n) {
			unnamed = true
		}
	}
	return unnamed
}

// speaksAt reports whether e stands as the speaker of a speech verb in s:
// right before it, right after it, or after "according to".
func speaksAt(s *textproc.Sentence, e textproc.Entity) bool {
	before, after := around(s, e)
	if after >= 0 && after+1 < len(s.Tokens) && s.Tokens[after].Text == "," {
		// "Lena Vorst, a spokeswoman for the port, said": past the
		// apposition.
		for k := after + 1; k < len(s.Tokens) && k <= after+12; k++ {
			if s.Tokens[k].Kind == textproc.Punct && s.Tokens[k].Text != "'s" && s.Tokens[k].Text != "-" && s.Tokens[k].Text != "&" {
				if s.Tokens[k].Text == "," && k > after+1 {
					after = k + 1
				}
				break
			}
		}
	}
	if after >= 0 && after+1 < len(s.Tokens) && speechAdverb(s.Tokens[after]) {
		after++ // "Brandt also said"
	}
	if after >= 0 && after < len(s.Tokens) && (speechVerbs[s.Tokens[after].Lower] || attributionVerbs[s.Tokens[after].Lower]) {
		return true
	}
	// "said Brandt", "said port spokesman Jon Hale": back over the
	// title before the name to the verb.
	for k := before; k >= 0 && k >= before-4; k-- {
		t := s.Tokens[k]
		if b := t.Lower; speechVerbs[b] || attributionVerbs[b] {
			return b != "told"
		}
		if t.Kind != textproc.Word && t.Text != "." || t.Stop {
			break
		}
	}
	return before >= 1 && s.Tokens[before].Lower == "to" && s.Tokens[before-1].Lower == "according"
}

// speechAdverb reports an adverb that may stand between a speaker and
// the speech verb ("he also said", "Brandt later told").
func speechAdverb(t textproc.Token) bool {
	switch t.Lower {
	case "also", "later", "then", "again", "earlier", "further", "previously", "recently", "once":
		return true
	}
	return t.Kind == textproc.Word && len(t.Lower) > 4 && strings.HasSuffix(t.Lower, "ly")
}

// speechVerbs tie a name to what it said.
var speechVerbs = map[string]bool{"said": true, "says": true, "told": true, "added": true,
	"stated": true, "explained": true, "noted": true, "confirmed": true, "announced": true,
	"warned": true, "reported": true, "wrote": true, "tweeted": true}

// presentedAsPerson reports whether the sentence presents e as a person
// who speaks or holds a role (see entities).
func presentedAsPerson(s *textproc.Sentence, e textproc.Entity) bool {
	for _, r := range s.Roles {
		if r.Holder != "" && strings.Contains(e.Text, r.Holder) {
			return true
		}
	}
	before, after := around(s, e)
	if after >= 0 {
		if speechVerbs[s.Tokens[after].Lower] {
			return true
		}
		// "Brian Tolland, a spokesman for ..." / ", who ..."
		if s.Tokens[after].Text == "," && after+1 < len(s.Tokens) {
			switch s.Tokens[after+1].Lower {
			case "a", "an", "the", "who":
				return true
			}
		}
	}
	if before >= 0 {
		// "said Brian Tolland", "said analyst Maria Lopez" ("told The
		// Courier" names the listener, not a speaker; "said on Radio
		// Nord" the medium).
		if b := s.Tokens[before].Lower; speechVerbs[b] && b != "told" {
			return true
		}
		if before >= 1 && speechVerbs[s.Tokens[before-1].Lower] && s.Tokens[before-1].Lower != "told" && s.Tokens[before].Kind == textproc.Word && s.Tokens[before].Text == s.Tokens[before].Lower && !s.Tokens[before].Stop {
			return true
		}
		if before >= 1 && s.Tokens[before].Lower == "to" && s.Tokens[before-1].Lower == "according" {
			return true
		}
		// "a report by Mara Velinsky": the agent or author of a claim.
		if s.Tokens[before].Lower == "by" {
			return true
		}
	}
	return false
}

// spelledOtherwise reports whether the source has a capitalised word
// within two edits of name: the same person transliterated another way
// ("Rashid" and "Rasheed"). A stop word or a word of a date names nobody
// ("Sander" is not "Under" spelled otherwise, nor "Marsh" "March").
func (c *checker) spelledOtherwise(name string) bool {
	if len(name) < 5 {
		return false
	}
	for _, w := range c.capitals() {
		if textproc.EditsWithin(name, w, 2) {
			return true
		}
	}
	return false
}

// capitals returns capitalWords, built on first use: the source's
// distinct capitalised words of four letters or more but stop words and
// the words of its dates, lowercased without a possessive, sorted.
func (c *checker) capitals() []string {
	if c.capitalWords != nil {
		return c.capitalWords
	}
	c.capitalWords = c.mem.capitals[:0]
	if c.capitalWords == nil {
		c.capitalWords = []string{}
	}
	for i := range c.src.Sentences {
		s := &c.src.Sentences[i]
		for k := range s.Tokens {
			t := &s.Tokens[k]
			if t.Kind != textproc.Word || t.Text == t.Lower || len(t.Lower) < 4 || t.Stop {
				continue
			}
			if !slices.ContainsFunc(s.Dates, func(d textproc.Date) bool { return d.Start <= t.Start && t.End <= d.End }) {
				c.capitalWords = append(c.capitalWords, baseWord(t.Lower))
			}
		}
	}
	// A name is met many times: each spelling is compared once.
	c.mem.capitals = c.capitalWords
	slices.Sort(c.capitalWords)
	c.capitalWords = slices.Compact(c.capitalWords)
	return c.capitalWords
}

// capitalInSource reports whether the source writes the lowercased word
// w capitalised (capitals).
func (c *checker) capitalInSource(w string) bool {
	_, ok := slices.BinarySearch(c.capitals(), w)
	return ok
}

// straightApostrophe spells curly apostrophes straight, as token.Lower
// does, so that "D’Amico" finds the source's "D'Amico".
func straightApostrophe(s string) string { return strings.ReplaceAll(s, "’", "'") }

func isAcronym(w string) bool {
	letters := 0
	for _, r := range w {
		if r >= 'a' && r <= 'z' {
			return false
		}
		if r >= 'A' && r <= 'Z' {
			letters++
		}
	}
	return letters > 0
}

// postQualifier reports whether token t, a word of role r's own phrase
// before its title word, qualifies the post ("artistic director",
// "first-team coach"): a rewrite that writes another such word gives
// another post. Words after the title are none: a phrase there names the
// body the post belongs to as often as its field ("president of a
// shipping company" told as "of a shipping firm"). Nor are possessives,
// the post's owner ("the company's director"), the role's modifiers (how
// the title holds: "former"), words of tenure ("longtime"), and the words
// of its title, head.
func postQualifier(t *textproc.Token, r textproc.Role, head []string) bool {
	return t.Kind == textproc.Word && !t.Stop && t.Text == t.Lower && len(t.Lower) > 3 && baseWord(t.Lower) == t.Lower &&
		!slices.Contains(head, t.Lower) && !slices.Contains(r.Modifiers, t.Lower) && !tenureWords[t.Lower]
}

// tenureWords say how long or since when a post is held, not which post
// it is (textproc reads "current" and "sitting" as a role's modifiers).
var tenureWords = map[string]bool{"longtime": true, "longstanding": true,
	"long-time": true, "long-standing": true, "long-serving": true, "veteran": true,
	"incumbent": true, "newly": true, "serving": true}

// pastAdverb returns the word after the negated word at span sp of s
// when that word is an adverb saying when or how the claim fails ("no
// longer holds", "has never previously had", "did not immediately
// respond"): the claim a rewrite states without the negation is the
// word after it ("still holds"). adv is false when there is none.
func pastAdverb(s *textproc.Sentence, sp textproc.Span) (stem string, span textproc.Span, adv bool) {
	k := tokenAt(s, sp.Start)
	if k < 0 || k+1 >= len(s.Tokens) || !negationAdverbs[s.Tokens[k].Lower] && !mannerAdverb(s.Tokens[k+1:], s.Tokens[k].Lower) {
		return "", textproc.Span{}, false
	}
	u := &s.Tokens[k+1]
	if u.Kind != textproc.Word || u.Stop || u.Text != u.Lower {
		return "", textproc.Span{}, false
	}
	return u.Stem, u.Span, true
}

// mannerAdverb reports whether w, the word after a negation, is an
// adverb of manner before the verb it qualifies ("denied knowingly
// taking"): a word in "-ly" followed by a verb's "-ing" or "-ed" form.
func mannerAdverb(next []textproc.Token, w string) bool {
	if len(next) == 0 || len(w) < 5 || !strings.HasSuffix(w, "ly") {
		return false
	}
	v := next[0].Lower
	return strings.HasSuffix(v, "ing") || strings.HasSuffix(v, "ed")
}

// negationAdverbs stand between a negation and the word it negates.
var negationAdverbs = map[string]bool{"longer": true, "yet": true, "ever": true, "again": true,
	"always": true, "previously": true, "immediately": true, "currently": true, "necessarily": true,
	"publicly": true, "formally": true, "officially": true}

// prevented reports whether claim token t of s is a gerund, or the
// adverb of one, after "from" (at most one word between): the object of
// a verb of preventing, which negates it ("barred her from publicly
// dating" says she may not date).
func prevented(s *textproc.Sentence, t textproc.Token) bool {
	k := tokenAt(s, t.Start)
	if k < 0 || !strings.HasSuffix(t.Lower, "ing") && (k+1 >= len(s.Tokens) || !strings.HasSuffix(s.Tokens[k+1].Lower, "ing")) {
		return false
	}
	for j := k - 1; j >= 0 && j >= k-2; j-- {
		if s.Tokens[j].Lower == "from" {
			return true
		}
	}
	return false
}

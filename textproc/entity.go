package textproc

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// entities finds role titles and named entities in a sentence's tokens.
//
// A named entity is a run of capitalised tokens, with "of", "for", "and",
// "the", "de" allowed inside it ("Secretary of State", "Bank of Japan"). A
// possessive ends a run ("Japan's Foreign Minister" is "Japan" then a role).
// Role titles are cut out of runs; the run that follows a title is a person.
// The first word of a sentence is part of a name only when it is no stop word
// and does not look like a verb or adverb ("Spurred", "However").
//
// low is text with its ASCII letters lowercased (asciiLower), or "". The
// entities are appended to ents.
func entities(ents []Entity, text, low string, toks []Token, ds []Date) ([]Role, []Entity) {
	roles := findRoles(text, toks)
	var small [2][64]bool
	inRole, holderStart := small[0][:0], small[1][:0]
	if len(toks) > 64 {
		inRole, holderStart = make([]bool, 0, len(toks)), make([]bool, 0, len(toks))
	}
	inRole, holderStart = inRole[:len(toks)], holderStart[:len(toks)]
	// Dates are not names: "on Tuesday" must not join "Ana Kovac"; nor
	// is a currency code before its figure ("R6.8 billion", "Rs 450").
	for k := range toks {
		t := &toks[k]
		for _, d := range ds {
			if t.Start >= d.Start && t.End <= d.End && t.Kind == Word {
				inRole[k] = true
			}
		}
		if k+1 < len(toks) && letterCurrency(t, &toks[k+1]) != "" {
			inRole[k] = true
		}
	}
	for _, r := range roles {
		for k := r.titleStart; k < r.tokEnd; k++ {
			inRole[k] = true
		}
		if r.holderStart >= 0 {
			holderStart[r.holderStart] = true
		}
	}
	for k := 0; k < len(toks); {
		if inRole[k] || !capitalised(&toks[k]) || (k == firstWordToken(toks) && !nameLike(&toks[k])) {
			k++
			continue
		}
		end := k + 1
		for end < len(toks) && !inRole[end] && !possessive(&toks[end-1]) {
			t := &toks[end]
			if capitalised(t) {
				end++
				continue
			}
			// A plural possessive inside an organisation's name:
			// "Residents' Association", "Supporters' Trust".
			if pluralPossessiveOrg(toks, end) {
				end += 2
				continue
			}
			// A middle initial: "James T. Kirk".
			if t.Text == "." && end+1 < len(toks) && capitalised(&toks[end+1]) && utf8.RuneCountInString(toks[end-1].Text) == 1 {
				end += 2
				continue
			}
			if connector[t.Lower] && end+1 < len(toks) && capitalised(&toks[end+1]) && !inRole[end+1] {
				end += 2
				continue
			}
			break
		}
		e := Entity{Span: Span{toks[k].Start, toks[end-1].End}}
		if possessive(&toks[end-1]) {
			e.End -= possessiveLen(toks[end-1].Text)
		}
		e.Text = text[e.Start:e.End]
		e.Key = entityKey(lowerAt(e.Text, low, e.Start))
		e.Kind = classify(toks[k:end], e.Key, holderStart[k] || (k > 0 && personTitle[strings.TrimSuffix(toks[k-1].Lower, ".")] && (k < 2 || toks[k-1].Text != ".")))
		if e.Kind == Person && k > 0 && toks[k-1].Text == toks[k-1].Lower && bodyKinds[toks[k-1].Lower] {
			// "the consumer group Fair Signal", "the security firm
			// Greyfen Secure": a name after the kind of body it is
			// names that body, whatever its last word.
			e.Kind = Organization
		}
		ents = append(ents, e)
		k = end
	}
	out := make([]Role, len(roles))
	for i, r := range roles {
		out[i] = r.Role
	}
	return out, ents
}

// personTitle are honorifics before a person's name.
var personTitle = setOf("mr", "mrs", "ms", "dr", "prof", "sir", "dame", "lord", "lady")

// connector are lower-case words allowed inside a name ("Bank of Japan").
// "and" is not one: "Marsh and Kovac" are two names.
var connector = setOf("of", "for", "the", "de", "del", "da", "van", "von", "bin", "al", "la", "le")

func firstWordToken(toks []Token) int {
	for k, t := range toks {
		if t.Kind == Word || t.Kind == Numeral {
			return k
		}
	}
	return -1
}

// capitalised reports a word token starting with an upper-case letter.
func capitalised(t *Token) bool {
	if t.Kind != Word {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsUpper(r)
}

// nameLike decides whether a sentence's first word, capitalised only by
// position, is a name: not a stop word, not a verb or adverb by its ending,
// not a common sentence opener.
func nameLike(t *Token) bool {
	if t.Stop || sentenceStarter[t.Lower] || opener[t.Lower] {
		return false
	}
	if _, ok := places[t.Lower]; ok {
		return true
	}
	for _, suf := range []string{"ed", "ing", "ly"} {
		if strings.HasSuffix(t.Lower, suf) && len(t.Lower) > len(suf)+3 {
			return false
		}
	}
	return true
}

var opener = setOf("according", "although", "despite", "because", "during",
	"though", "until", "unless", "whether", "while", "amid", "among", "under",
	"asked", "instead", "still", "even", "here", "now", "then", "thus",
	"today", "yesterday", "tomorrow", "several", "few", "any", "every", "another",
	"mr", "mrs", "ms", "dr", "former", "let", "please", "use")

// pluralPossessiveOrg reports whether token k is the apostrophe of a
// plural possessive ("Residents'") that an organisation's head word
// follows ("Residents' Association", "Supporters' Trust", "Nurses'
// Union"): the name runs on through it.
func pluralPossessiveOrg(toks []Token, k int) bool {
	if k < 1 || k+1 >= len(toks) || toks[k].Text != "'" && toks[k].Text != "’" || toks[k-1].End != toks[k].Start {
		return false
	}
	return strings.HasSuffix(toks[k-1].Lower, "s") && capitalised(&toks[k+1]) && orgSuffixes[toks[k+1].Lower]
}

func possessive(t *Token) bool {
	return strings.HasSuffix(t.Lower, "'s") || strings.HasSuffix(t.Lower, "s'")
}

func possessiveLen(s string) int {
	switch {
	case strings.HasSuffix(s, "’s"):
		return len("’s")
	case strings.HasSuffix(s, "'s"), strings.HasSuffix(s, "'S"):
		return 2
	case strings.HasSuffix(s, "s'"):
		return 1
	}
	return 0
}

// entityKey is the lowercased name (given as lower(name)) with a
// canonical form for places, so that "U.S." and "United States" share a
// key; a leading "the" is dropped.
func entityKey(k string) string {
	k = strings.TrimPrefix(k, "the ")
	if p, ok := places[k]; ok {
		return p
	}
	return k
}

func classify(toks []Token, key string, afterTitle bool) EntityKind {
	if afterTitle {
		return Person
	}
	if _, ok := places[key]; ok {
		return Place
	}
	last := toks[len(toks)-1]
	if orgSuffixes[strings.TrimSuffix(last.Lower, "'s")] || orgSuffixes[toks[0].Lower] {
		return Organization
	}
	if len(toks) == 1 && isAcronym(toks[0].Text) {
		return Organization
	}
	words := 0
	for _, t := range toks {
		if t.Kind != Word || connector[t.Lower] {
			return Misc
		}
		words++
	}
	if words >= 2 && words <= 4 {
		return Person
	}
	return Misc
}

func isAcronym(s string) bool {
	if utf8.RuneCountInString(s) < 2 {
		return false
	}
	for _, r := range s {
		if !unicode.IsUpper(r) && r != '&' {
			return false
		}
	}
	return true
}

// roleMatch is a Role with the token range it covers.
type roleMatch struct {
	Role
	tokStart, tokEnd int // the role phrase (modifiers, qualifiers, title)
	titleStart       int // first token of the title itself
	holderStart      int // first token of the holder, -1 when none
}

// namePart reports a capitalised title of n tokens at k inside a name:
// right after a capitalised word that is no title and right before the
// word that ends an institution's name ("Kilcurran General Hospital",
// "the United Nations General Assembly"). A role names a person after it,
// not a body.
func namePart(toks []Token, k, n int) bool {
	if k == 0 || k+n >= len(toks) || !capitalised(&toks[k]) || !capitalised(&toks[k-1]) || isTitleWord(toks[k-1].Lower) {
		return false
	}
	next := &toks[k+n]
	return capitalised(next) && (orgSuffixes[next.Lower] || institutionHeads[next.Lower])
}

// institutionHeads end the names of institutions that orgSuffixes does
// not mark as organisations, for they are places as much as bodies.
var institutionHeads = setOf("hospital", "assembly", "infirmary", "clinic")

// findRoles matches role titles (longest first) with the modifiers and
// country qualifiers before them and the name after them.
func findRoles(text string, toks []Token) []roleMatch {
	var out []roleMatch
	for k := 0; k < len(toks); k++ {
		if toks[k].Kind != Word {
			continue
		}
		mods, first := joinedTitle(toks[k].Lower)
		n, title := matchTitle(toks, k, first)
		if n == 0 || namePart(toks, k, n) {
			continue
		}
		// A title is a role only when it names someone: capitalised, or
		// followed by a name, or preceded by a modifier or qualifier. This
		// keeps "the head of the delegation" and "a general strike" out.
		start := k
		for start > 0 {
			p := &toks[start-1]
			if roleModifiers[p.Lower] || (p.Kind == Word && isQualifier(p)) || p.Text == "-" && start >= 2 && roleModifiers[toks[start-2].Lower] {
				start--
				continue
			}
			break
		}
		// A modifier may stand before the words that qualify the title
		// ("the retired High Court judge", "former Acme chief
		// executive"): up to roleReach words back, none of them a stop
		// word.
		for q := start - 1; q >= 0 && start-q <= roleReach && toks[q].Kind == Word && !toks[q].Stop; q-- {
			if roleModifiers[toks[q].Lower] {
				start = q
			}
		}
		for q := start; q < k; q++ {
			if roleModifiers[toks[q].Lower] {
				mods = append(mods, toks[q].Lower)
			}
		}
		holder := -1
		hEnd := k + n
		for hEnd < len(toks) && capitalised(&toks[hEnd]) && !isTitleWord(toks[hEnd].Lower) && hEnd-(k+n) < 4 {
			hEnd++
			if possessive(&toks[hEnd-1]) {
				break
			}
		}
		if hEnd > k+n {
			holder = k + n
		}
		if !capitalised(&toks[k]) && holder < 0 && len(mods) == 0 && start == k && !lowerRole[title] {
			k += n - 1
			continue
		}
		r := roleMatch{tokStart: start, titleStart: k, tokEnd: k + n, holderStart: holder}
		r.Title = canonicalTitle(title)
		r.Modifiers = mods
		r.Start, r.End = toks[start].Start, toks[k+n-1].End
		r.Text = text[r.Start:r.End]
		if holder >= 0 {
			end := toks[hEnd-1].End
			if possessive(&toks[hEnd-1]) {
				end -= possessiveLen(toks[hEnd-1].Text)
			}
			r.Holder = text[toks[holder].Start:end]
		}
		out = append(out, r)
		k += n - 1
	}
	return out
}

// roleReach is how many words a role's modifier may stand before its
// title (or the qualifiers right before it).
const roleReach = 3

// rolePrefixes are modifiers written joined to the title ("ex-president",
// "co-president").
var rolePrefixes = [...]string{"ex-", "then-", "former-", "co-", "vice-"}

// joinedTitle reads a hyphenated word w (lowercased) as a title: a title
// the lexicon spells with a hyphen ("co-founder") as it is, one it spells
// as words as those ("vice-chair" is "vice chair"), else the title after
// the modifiers joined to it ("ex-president", "co-president": the
// modifiers and "president"). Any other word is returned as it is.
func joinedTitle(w string) (mods []string, first string) {
	if strings.IndexByte(w, '-') < 0 || roleTitles[w] {
		return nil, w
	}
	if words := strings.ReplaceAll(w, "-", " "); roleTitles[words] {
		return nil, words
	}
	for _, pre := range rolePrefixes {
		if rest, ok := strings.CutPrefix(w, pre); ok {
			mods = append(mods, strings.TrimSuffix(pre, "-"))
			w = rest
		}
	}
	return mods, w
}

// lowerRole are titles that name a role even in lower case and without a
// name ("his spokesperson said", "the foreign minister told").
var lowerRole = setOf("spokesperson", "spokesman", "spokeswoman", "foreign minister",
	"prime minister", "president", "defense minister", "defence minister",
	"national security adviser", "national security advisor", "secretary of state", "finance minister")

// canonicalTitle spells variants one way so that callers compare titles
// directly: "advisor" as "adviser", "defence" as "defense".
func canonicalTitle(t string) string {
	t = strings.ReplaceAll(t, "advisor", "adviser")
	t = strings.ReplaceAll(t, "defence", "defense")
	switch t {
	case "gen.":
		return "general"
	case "sen.":
		return "senator"
	case "rep.":
		return "representative"
	case "gov.":
		return "governor"
	}
	return t
}

func isTitleWord(w string) bool { return roleTitles[w] || roleModifiers[w] }

// matchTitle finds the longest role title starting at token k (whose
// lowercased text, prefixes stripped, is first). It returns the number of
// tokens and the title.
func matchTitle(toks []Token, k int, first string) (int, string) {
	if !titleFirstShapes.may(first) || !titleFirstWords[first] {
		// A hyphenated title read as words by joinedTitle.
		if strings.IndexByte(first, ' ') >= 0 && roleTitles[first] {
			return 1, first
		}
		return 0, ""
	}
	bestN, best := 0, ""
	if roleTitles[first] {
		bestN, best = 1, first
	}
	// Longer phrases are built in a stack buffer and looked up without
	// making a string; only a match is copied out.
	var buf [64]byte
	phrase := append(buf[:0], first...)
	for n := 2; n <= 5 && k+n <= len(toks); n++ {
		t := toks[k+n-1]
		if t.Kind != Word {
			break
		}
		phrase = append(append(phrase, ' '), t.Lower...)
		if roleTitles[string(phrase)] {
			bestN, best = n, string(phrase)
		}
	}
	return bestN, best
}

// titleFirstWords are the first words of roleTitles, to skip most tokens
// without building phrases.
var titleFirstWords = func() map[string]bool {
	m := map[string]bool{}
	for t := range roleTitles {
		first, _, _ := strings.Cut(t, " ")
		m[first] = true
	}
	return m
}()

// titleFirstShapes are the shapes of titleFirstWords.
var titleFirstShapes = shapesOf(titleFirstWords)

// isQualifier reports a word that qualifies a title: a country, its
// demonym or abbreviation ("U.S.", "Japanese", "Japan's").
func isQualifier(t *Token) bool {
	w := strings.TrimSuffix(t.Lower, "'s")
	if _, ok := places[w]; ok && capitalised(t) {
		return true
	}
	return false
}

// bodyKinds are the lower-case nouns for a kind of organisation that
// stand before its name: the words that end one (orgSuffixes) and those
// that rarely do.
var bodyKinds = func() map[string]bool {
	m := setOf("firm", "charity", "coalition", "consultancy", "campaign", "forum", "nonprofit", "watchdog",
		"regulator", "insurer", "lender", "retailer", "publisher", "broadcaster", "newspaper", "club", "band",
		"team", "school", "hospital")
	for w := range orgSuffixes {
		m[w] = true
	}
	return m
}()

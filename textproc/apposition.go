package textproc

// AppositionRoles returns the titles s gives a person in an apposition,
// set off by a comma beside the name: after it ("Ines Marlowe, chief
// medical officer of Lyrant,", "Oskar Brandt, the company's chief
// executive,") or before it ("Lyrant's head of research, Ines Marlowe,").
// Each Role's Text is the title with what qualifies it ("chief medical
// officer of Lyrant"), its Title the title matched ("chief"), its Holder
// the person. Analyze leaves them out of Sentence.Roles, which hold the
// titles written before a name ("Chief Executive Oskar Brandt"); drift
// reads both.
func AppositionRoles(s *Sentence) []Role {
	var out []Role
	toks := s.Tokens
	for _, e := range s.Entities {
		if e.Kind != Person {
			continue
		}
		first, last := -1, -1
		for k := range toks {
			if toks[k].Start >= e.Start && toks[k].End <= e.End {
				if first < 0 {
					first = k
				}
				last = k
			}
		}
		if first < 0 {
			continue
		}
		if k := last + 1; k < len(toks) && toks[k].Text == "," {
			if k+3 < len(toks) && toks[k+1].Kind == Numeral && toks[k+2].Text == "," {
				// The age between the name and the title ("Dean
				// Marsh, 51, managing director of Calloway").
				k += 2
			}
			relative := k+2 < len(toks) && toks[k+1].Lower == "who" && toks[k+2].Lower == "is"
			if relative {
				// A relative clause that states a title ("the group's
				// leader, Wren, who is also the council's deputy
				// leader,"), besides any before the name; one that says
				// anything else ("who is stepping down") states none.
				k += 2
				if k+1 < len(toks) && toks[k+1].Lower == "also" {
					k++
				}
			}
			if r, ok := appositionAfter(s, k+1); ok {
				r.Holder = e.Text
				out = append(out, r)
				if !relative {
					continue
				}
			}
		}
		// A name that a speech verb follows opens its own clause ("The
		// council's reserves, Ede said, stand at £9m"): the comma before
		// it closes another phrase, not the name's apposition, which
		// would close with a comma after the name.
		speaks := last+1 < len(toks) && speechVerbs[toks[last+1].Lower]
		if k := first - 1; k > 0 && toks[k].Text == "," && !speaks {
			if r, ok := appositionBefore(s, k); ok {
				r.Holder = e.Text
				out = append(out, r)
			}
		}
	}
	return out
}

// appositionWords is how far an apposition's title may stand from its
// comma, in words ("the regional chief", "the utility's managing
// director"), and how many words may qualify it after ("of mine rescue
// at Tarnwell").
const (
	appositionLead = 3
	appositionTail = 5
)

// appositionAfter reads the apposition that starts at token k, after the
// comma that follows a name: determiners and possessives, at most
// appositionLead words, a title, and its qualifier up to the next
// punctuation.
func appositionAfter(s *Sentence, k int) (Role, bool) {
	toks := s.Tokens
	var mods []string
	from := -1 // the first modifier's token
	lead := 0  // words before the title, determiners and possessives aside
	for j := k; j < len(toks); j++ {
		t := &toks[j]
		if t.Kind != Word || speechVerbs[t.Lower] || clauseAux[t.Lower] {
			// A verb after the name's comma is the name's own clause
			// ("Albescu's spokesman, Ines Varro, said the president
			// welcomed it"), not an apposition.
			return Role{}, false
		}
		joined, first := joinedTitle(t.Lower)
		if n, title := appositionTitle(toks, j, first); n > 0 {
			mods = append(mods, joined...)
			var head int
			title, head = headTitle(toks, j+n, title)
			if namesAfter(s, toks, head) {
				return Role{}, false
			}
			end := j + n
			if head < len(toks) && clauseAux[toks[head].Lower] {
				// A verb follows the title: the comma closed an opening
				// phrase and a clause starts ("According to Feld, a
				// trained inspector would have seen it").
				return Role{}, false
			}
			for end < len(toks) && end < j+n+appositionTail && toks[end].Kind == Word {
				// "Kyi, a U.N. envoy says, ...": the title is the
				// speaker's, not the name's.
				if speechVerbs[toks[end].Lower] {
					return Role{}, false
				}
				end++
			}
			from = phraseStart(toks, k, j, from)
			return Role{Text: s.Text[toks[from].Start:toks[end-1].End], Title: canonicalTitle(title),
				Modifiers: mods, Span: Span{toks[from].Start, toks[end-1].End}}, true
		}
		if m := appositionModifier(t.Lower); m != "" {
			mods = append(mods, m)
			if from < 0 {
				from = j
			}
		}
		switch {
		case determiners[t.Lower] || possessivePronouns[t.Lower] || possessive(t):
		case t.Stop:
			// "Pryce, who is stepping down as chairman,": a relative
			// clause, not a title beside the name.
			return Role{}, false
		default:
			if lead++; lead > appositionLead {
				return Role{}, false
			}
		}
	}
	return Role{}, false
}

// appositionBefore reads the apposition that ends at the comma at token
// comma, before a name: the words back to the previous punctuation or
// the sentence's start (at most appositionLead+appositionTail+1), in
// which a title stands.
func appositionBefore(s *Sentence, comma int) (Role, bool) {
	toks := s.Tokens
	start := comma
	for start > 0 && comma-start < appositionLead+appositionTail+1 && toks[start-1].Kind == Word {
		start--
	}
	if start > 0 && toks[start-1].Kind == Word {
		// A clause runs on before the window: the title stands after
		// an owner in the possessive ("refused by the district
		// council's chief planning officer, Ines Varro").
		owner := -1
		for j := start; j < comma; j++ {
			if possessive(&toks[j]) {
				owner = j
			}
		}
		start = owner + 1
		if owner < 0 {
			start = comma
		}
	}
	if start == comma {
		return Role{}, false
	}
	var mods []string
	from := -1 // the first modifier's token
	for j := start; j < comma; j++ {
		t := &toks[j]
		joined, first := joinedTitle(t.Lower)
		if n, title := appositionTitle(toks, j, first); n > 0 {
			mods = append(mods, joined...)
			var head int
			if title, head = headTitle(toks[:comma], j+n, title); namesAfter(s, toks[:comma], head) {
				return Role{}, false
			}
			from = phraseStart(toks, start, j, from)
			return Role{Text: s.Text[toks[from].Start:toks[comma-1].End], Title: canonicalTitle(title),
				Modifiers: mods, Span: Span{toks[from].Start, toks[comma-1].End}}, true
		}
		if m := appositionModifier(t.Lower); m != "" {
			mods = append(mods, m)
			if from < 0 {
				from = j
			}
		}
	}
	return Role{}, false
}

// appositionModifier returns the role modifier word w gives a title in an
// apposition: a role modifier itself, or "former" for "previously"
// ("Ola Grint, previously head of lending"); "" for none.
func appositionModifier(w string) string {
	if w == "previously" {
		return "former"
	}
	if roleModifiers[w] {
		return w
	}
	return ""
}

// phraseStart returns the first token of the role phrase whose title
// starts at token j, reading no further back than token k: the first
// modifier (mod, -1 when none) or the run of lower-case words that
// qualify the title ("the union's regional secretary", "Hopcar's country
// manager"), whichever comes first; determiners and possessives are not
// part of it.
func phraseStart(toks []Token, k, j, mod int) int {
	from := qualifiersFrom(toks, k, j, false)
	if mod >= 0 && mod < from {
		return mod
	}
	return from
}

// qualifiersFrom returns the first of the lower-case words that qualify a
// title starting at token j, reading no further back than token k: words
// that are no stop word, possessive or speech verb ("plant manager",
// "country manager"); j when there are none. With capital, capitalised
// words qualify too: those of a title written capitalised ("Regional
// Fire Chief").
func qualifiersFrom(toks []Token, k, j int, capital bool) int {
	from := j
	for from > k {
		t := &toks[from-1]
		if t.Kind != Word || t.Stop || t.Text != t.Lower && !(capital && capitalised(t)) || possessive(t) || speechVerbs[t.Lower] {
			break
		}
		from--
	}
	return from
}

// QualifiedRole returns role r of s as a report quotes it: its phrase with
// the words right before it that qualify its title, at most two: in
// lower case ("plant manager" where the role parsed is "manager"), or
// capitalised before a capitalised title ("Regional Fire Chief").
func (s *Sentence) QualifiedRole(r Role) string {
	if start := s.QualifiedStart(r); start < r.Start {
		return s.Text[start:r.Start] + r.Text
	}
	return r.Text
}

// QualifiedStart returns where QualifiedRole's phrase starts in s: the
// first word that qualifies role r's title, or r.Start when none does.
func (s *Sentence) QualifiedStart(r Role) int {
	for j, t := range s.Tokens {
		if t.Start == r.Start {
			if from := qualifiersFrom(s.Tokens, max(0, j-2), j, capitalised(&t)); from < j {
				return s.Tokens[from].Start
			}
			break
		}
	}
	return r.Start
}

// headTitle returns the title that heads a phrase whose first title,
// title, ends before token k: the last of the titles that follow it
// word by word up to a preposition ("general secretary of the union"
// is a secretary; "chief medical officer" a chief), and the token after
// that last title.
func headTitle(toks []Token, k int, title string) (string, int) {
	end := k
	for k < len(toks) && toks[k].Kind == Word && !stopPrepositions[toks[k].Lower] {
		if n, t := appositionTitle(toks, k, toks[k].Lower); n > 0 {
			title, k = t, k+n
			end = k
			continue
		}
		k++
	}
	return title, end
}

// namesAfter reports whether a person is named after the title whose
// head ends before token k, before the phrase ends (punctuation or a
// preposition): "Vice President Pence" in a list is a titled person,
// not a title ("chief medical officer of Lyrant" is one).
func namesAfter(s *Sentence, toks []Token, k int) bool {
	end := k
	for end < len(toks) && toks[end].Kind == Word && !stopPrepositions[toks[end].Lower] {
		end++
	}
	if end == k {
		return false
	}
	for _, e := range s.Entities {
		if e.Kind == Person && e.Start >= toks[k].Start && e.Start < toks[end-1].End {
			return true
		}
	}
	return false
}

// clauseAux are the auxiliaries that make a title their subject.
var clauseAux = setOf("would", "will", "was", "were", "is", "are", "has", "have", "had", "can",
	"could", "should", "may", "might", "must", "did", "does", "do")

// stopPrepositions end a title's head: what follows qualifies it.
var stopPrepositions = setOf("of", "at", "for", "in", "to", "with", "and")

// possessivePronouns open an apposition as a determiner does ("Hallam,
// its acting director,").
var possessivePronouns = setOf("its", "his", "her", "their", "our", "your", "my")

// appositionTitle is matchTitle for an apposition, which also takes the
// posts a name's apposition gives that name no one before a name
// (appositionHeads: "Ines Varro, the council's senior planning
// officer,"; "Officer Ines Varro" is no title of the list).
func appositionTitle(toks []Token, k int, first string) (int, string) {
	if n, t := matchTitle(toks, k, first); n > 0 {
		return n, t
	}
	if appositionHeads[first] {
		return 1, first
	}
	return 0, ""
}

// appositionHeads are the posts appositionTitle adds to the title list.
var appositionHeads = setOf("officer", "organiser", "organizer", "consultant", "economist", "analyst",
	"councillor", "councilor", "member", "engineer", "scientist", "researcher", "epidemiologist",
	"strategist", "trustee", "auditor", "superintendent", "commander")

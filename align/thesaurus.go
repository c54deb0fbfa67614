package align

import "github.com/wiretrace/wiretrace/textproc"

// Thesaurus tells which words are synonyms. Two words are synonyms when
// their groups share an id.
type Thesaurus interface {
	// Groups returns the ids of the synonym groups of a word, given as its
	// textproc.Stem. The result must not be modified and may be nil.
	Groups(stem string) []uint32
}

// Thesauri combines thesauri: a word's groups are the union of its groups in
// each, kept apart by putting the thesaurus's position in the id's top byte.
type Thesauri []Thesaurus

// Groups implements Thesaurus. It allocates; Context calls it once per word
// type, not per sentence pair.
func (ts Thesauri) Groups(stem string) []uint32 {
	var out []uint32
	for k, t := range ts {
		if t == nil {
			continue
		}
		for _, g := range t.Groups(stem) {
			out = append(out, uint32(k)<<24|g&0xFFFFFF)
		}
	}
	return out
}

// wordList is a Thesaurus built from lists of words that are synonyms.
type wordList map[string][]uint32

func (w wordList) Groups(stem string) []uint32 { return w[stem] }

// Fallback is a small built-in thesaurus of synonyms common in news
// rewrites, used when WordNet is not loaded and alongside it (WordNet lacks
// several pairs that rewriters use, such as "strengthen"/"bolster").
var Fallback Thesaurus = newWordList(fallbackSets)

func newWordList(sets [][]string) wordList {
	w := wordList{}
	for id, set := range sets {
		for _, word := range set {
			s := textproc.Stem(word)
			w[s] = append(w[s], uint32(id))
		}
	}
	return w
}

// fallbackSets: each line is one sense; words in a line may replace each
// other in news prose.
var fallbackSets = [][]string{
	{"strengthen", "bolster", "reinforce", "fortify", "boost", "enhance", "intensify", "beef"},
	{"increase", "boost", "raise", "rise", "grow", "expand", "hike", "ramp"},
	{"build-up", "buildup", "expansion", "growth", "increase", "strengthening"},
	{"decrease", "reduce", "cut", "lower", "fall", "drop", "decline", "slash", "shrink"},
	{"say", "said", "stated", "tell", "told", "announce", "declare", "add", "note", "remark"},
	{"meet", "meeting", "talk", "talks", "discussion", "discuss", "conversation", "session"},
	{"concern", "worry", "fear", "threat", "anxiety"},
	{"military", "armed", "army"},
	{"defense", "defence"},
	{"capability", "capacity", "ability", "strength"},
	{"historic", "unprecedented", "landmark"},
	{"spending", "expenditure", "budget", "outlay"},
	{"ally", "allies", "partner", "partners"},
	{"buy", "purchase", "acquire", "acquisition", "takeover"},
	{"sell", "sale", "divest"},
	{"company", "firm", "business", "corporation"},
	{"big", "large", "major", "huge", "significant", "substantial"},
	{"small", "minor", "little", "slight"},
	{"begin", "start", "launch", "commence", "initiate"},
	{"end", "finish", "conclude", "complete", "halt", "stop"},
	{"kill", "slay", "dead", "die", "death"},
	{"injure", "wound", "hurt"},
	{"arrest", "detain", "apprehend", "custody"},
	{"charge", "accuse", "indict", "allege"},
	{"show", "reveal", "indicate", "demonstrate", "suggest"},
	{"help", "aid", "assist", "support"},
	{"plan", "intend", "aim", "propose", "expect"},
	{"pressure", "push", "urge", "press"},
	{"continue", "keep", "maintain", "remain", "persist"},
	{"choice", "option", "alternative"},
	{"situation", "environment", "landscape", "circumstance", "condition"},
	{"region", "area", "zone"},
	{"official", "officer", "authority"},
	{"country", "nation"},
	{"quick", "fast", "rapid", "swift"},
	{"important", "key", "crucial", "vital", "essential", "pivotal", "critical"},
	{"rule", "regulation", "law"},
	{"chief", "head", "leader", "boss"},
	{"spokesperson", "spokesman", "spokeswoman", "representative"},
	{"prompt", "spur", "trigger", "cause", "raise"},
	{"return", "comeback"},
	{"undertake", "pursue", "engage"},
	{"percent", "%", "pct"},
	{"profit", "earnings", "income"},
	{"share", "stock"},
	{"quarter", "period"},
	{"price", "cost"},
	{"job", "employment"},
	{"attack", "assault", "strike"},
	{"vote", "ballot", "election"},
	{"law", "legislation", "bill"},
	{"court", "tribunal"},
	{"agree", "accept", "approve"},
	{"reject", "refuse", "decline", "deny", "dismiss"},
	{"leave", "depart", "exit", "quit", "resign"},
	{"find", "discover", "uncover"},
	{"try", "attempt", "seek"},
	{"need", "require"},
	{"about", "approximately", "roughly", "nearly", "around"},
	{"also", "too", "additionally"},
	{"because", "due"},
	{"however", "though", "although"},
}

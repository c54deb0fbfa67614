package textproc

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// paraQuote is a direct quote found in a paragraph, offsets in the
// paragraph, inner text only.
type paraQuote struct {
	start, end int // the quoted words, quotation marks excluded
	speaker    string
}

// paragraphQuotes finds the quotes of a paragraph: text between curly
// double quotes, or between a pair of straight double quotes. Quotes are
// found per paragraph because one quote may span several sentences.
func paragraphQuotes(para string) []paraQuote {
	var out []paraQuote
	open := -1
	// A mark starts with '"' or with 0xE2, the first byte of '“' and '”'
	// (never a continuation byte): the next of each is found by
	// strings.IndexByte, every other byte skipped without a look.
	quote, e2 := -1, -1 // the next '"' and 0xE2 at or after i, or len(para)
	for i := 0; i < len(para); {
		if quote < i {
			quote = indexByteFrom(para, i, '"')
		}
		if e2 < i {
			e2 = indexByteFrom(para, i, 0xE2)
		}
		if i = min(quote, e2); i == len(para) {
			break
		}
		r, n := rune(para[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(para[i:])
		}
		switch {
		case r == '“' || (r == '"' && open < 0):
			open = i + n
		case (r == '”' || r == '"') && open >= 0:
			if i > open {
				out = append(out, paraQuote{start: open, end: i})
			}
			open = -1
		}
		i += n
	}
	for k := range out {
		out[k].speaker = speaker(para, out[k].start, out[k].end)
	}
	return out
}

// indexByteFrom is the index of the first c in s at or after i, or
// len(s) when there is none.
func indexByteFrom(s string, i int, c byte) int {
	if k := strings.IndexByte(s[i:], c); k >= 0 {
		return i + k
	}
	return len(s)
}

// speaker finds who spoke the quote at para[start:end] from a speech verb
// next to it: after the quote (`"...," said Okafor`, `"...," he said`) or
// before it (`Okafor said: "..."`).
func speaker(para string, start, end int) string {
	after := para[min(end+len("”"), len(para)):]
	if end < len(para) && para[end] == '"' {
		after = para[end+1:]
	}
	var buf [40]Token
	before := beforeQuote(para, start)
	bt := tokenize(buf[:0], before, "", false, nil)
	j := len(bt) - 1
	for j >= 0 && bt[j].Kind == Punct {
		j--
	}
	// A quotation introduced before it (a speech verb, or a colon) and
	// closed by a full stop is a sentence of its own: a speech verb after it
	// reports the next sentence's words (`..., adding: "I had no role."
	// Haverill said he had not ...`).
	introduced := j >= 1 && speechVerbs[bt[j].Lower] || len(bt) > 0 && bt[len(bt)-1].Text == ":"
	if introduced && end > start && para[end-1] == '.' {
		after = ""
	}
	var abuf [40]Token
	toks := tokenize(abuf[:0], clip(after, 120), "", false, nil)
	k := 0
	for k < len(toks) && toks[k].Kind == Punct && toks[k].Text != "." {
		k++
	}
	if k < len(toks) && speechVerbs[toks[k].Lower] {
		// `"...," said the spokesperson, Okafor.`
		if toks[k].Lower == "according" && k+1 < len(toks) && toks[k+1].Lower == "to" {
			k++
		}
		return phrase(toks[k+1:], after)
	}
	// `"...," Okafor said.`
	for j := k; j < len(toks) && j < k+8; j++ {
		if toks[j].Kind == Punct {
			// `"...," Dr Ines Okafor, the agency's chief inspector, told
			// reporters.`: a name, an apposition, the verb.
			if toks[j].Text == "," && j > k && appositionThenSpeech(toks, k, j) {
				return after[toks[k].Start:toks[j-1].End]
			}
			break
		}
		if speechVerbs[toks[j].Lower] && j > k {
			return after[toks[k].Start:toks[j-1].End]
		}
	}
	// `Okafor said: "..."` — the words before the opening quote.
	if j >= 1 && speechVerbs[bt[j].Lower] {
		e := j - 1
		// `Ines Varro, 31, a delivery driver, said: "..."`: the name
		// before the apposition.
		if bt[e].Text == "," {
			if name := nameBeforeApposition(bt, e, before); name != "" {
				return name
			}
		}
		s := e
		for s > 0 && e-s < 6 && bt[s-1].Kind != Punct && !speechVerbs[bt[s-1].Lower] && (capitalised(&bt[s-1]) || bt[s-1].Lower == "the" || roleTitles[bt[s-1].Lower] || connector[bt[s-1].Lower]) {
			s--
		}
		return strings.TrimSpace(before[bt[s].Start:bt[e].End])
	}
	return characteriser(bt, j, before)
}

// beforeQuote returns the text of para before the opening quotation mark
// of the quote at para[start:], its last 120 bytes at most.
func beforeQuote(para string, start int) string {
	openLen := len("“")
	if start > 0 && para[start-1] == '"' {
		openLen = 1
	}
	before := para[:max(0, start-openLen)]
	if len(before) > 120 {
		before = before[len(before)-120:]
	}
	return before
}

// appositionThenSpeech reports whether toks[k:comma] is a name (every
// word capitalised) and the comma at comma opens an apposition of at most
// eight tokens, closed by a comma, that a speech verb follows.
func appositionThenSpeech(toks []Token, k, comma int) bool {
	if !allCapitalised(toks[k:comma]) {
		return false
	}
	for i := comma + 1; i < len(toks) && i <= comma+9; i++ {
		if toks[i].Kind == Punct && toks[i].Text != "'" && toks[i].Text != "’" {
			return toks[i].Text == "," && i > comma+1 && i+1 < len(toks) && speechVerbs[toks[i+1].Lower]
		}
	}
	return false
}

// characterisingVerbs say what someone called a thing, in the words of
// the quote that follows them or their object ("dismissed the plan as",
// "called it", "described the deal as").
var characterisingVerbs = setOf("called", "calls", "described", "describes", "dismissed", "dismisses",
	"branded", "brands", "labelled", "labeled", "termed", "hailed", "hails")

// determiners open a noun phrase that is no name ("A group called ..."
// names the group; "The union called it ..." is left unattributed, as
// unsure).
var determiners = setOf("a", "an", "the")

// passiveAux are the auxiliaries of a passive ("was called").
var passiveAux = setOf("was", "were", "is", "are", "be", "been", "being")

// characteriser returns the subject of a verb of characterising or of
// speech that introduces the quote after token j of bt, within eight words
// and no punctuation before it (`Okafor dismissed the plan as "..."`,
// `Okafor called the closure "..."`, `Okafor said the plan was "..."`):
// the capitalised phrase that opens the sentence, up to its first
// punctuation; "" for a passive or when the sentence opens otherwise.
func characteriser(bt []Token, j int, before string) string {
	if j < 1 {
		return ""
	}
	v := -1
	for k := j; k >= 0 && k > j-8; k-- {
		if bt[k].Kind == Punct && bt[k].Text != "'" {
			break
		}
		if characterisingVerbs[bt[k].Lower] || speechVerbs[bt[k].Lower] && bt[k].Lower != "according" {
			v = k
			break
		}
	}
	// "It was called ...": a passive names no one who called it so.
	if v < 1 || passiveAux[bt[v-1].Lower] {
		return ""
	}
	start := 0
	for k := v - 1; k >= 0; k-- {
		if bt[k].Text == "." || bt[k].Text == "!" || bt[k].Text == "?" {
			start = k + 1
			break
		}
		// "…, and Orvane's managing director, Lev Dansk, said …": the
		// clause a conjunction opens after a comma has its own subject.
		if bt[k].Text == "," && k+2 < v && clauseOpeners[bt[k+1].Lower] {
			start = k + 2
			break
		}
	}
	if start >= v || !capitalised(&bt[start]) || bt[start].Stop || determiners[bt[start].Lower] {
		return ""
	}
	// A subject named by its post and then by the name set off by commas
	// ("Orvane's managing director, Lev Dansk, said"): the name speaks.
	if c := slices.IndexFunc(bt[start:v], func(t Token) bool { return t.Text == "," }); c >= 0 {
		if name := phrase(bt[start+c+1:v], before); name != "" && allCapitalised(bt[start+c+1:v]) {
			return name
		}
	}
	return phrase(bt[start:v], before)
}

// nameBeforeApposition returns the name before the apposition that the
// comma at token e of bt closes: the capitalised words before the comma
// that opens it, within ten tokens ("Ines Varro, 64, a retired nurse,"),
// or relativeClauseLen when a relative pronoun opens it ("Graham Tolley,
// who agreed in February to sell a 75 per cent stake,").
// "" when there is none, or when the apposition is itself a name (a post
// and then its holder: "the agency's inspector, Ines Varro,"), which the
// speaker's other readings take.
func nameBeforeApposition(bt []Token, e int, before string) string {
	for c := e - 1; c > 0 && c >= e-relativeClauseLen; c-- {
		t := &bt[c]
		if t.Kind == Punct && t.Text != "," && t.Text != "'" && t.Text != "’" {
			return ""
		}
		// Past ten tokens, only a relative clause sets off the name
		// ("Graham Tolley, who agreed on 2 February to sell a 75 per cent
		// stake, insisted").
		if t.Text != "," || c < e-10 && !relativeOpeners[bt[c+1].Lower] {
			continue
		}
		if c+1 < e && allCapitalised(bt[c+1:e]) {
			return ""
		}
		if !capitalised(&bt[c-1]) {
			continue
		}
		s := c - 1
		for s > 0 && c-1-s < 5 && capitalised(&bt[s-1]) {
			s--
		}
		return strings.TrimSpace(before[bt[s].Start:bt[c-1].End])
	}
	return ""
}

// relativeClauseLen is the most tokens a relative clause between a name
// and its speech verb spans; relativeOpeners open one.
const relativeClauseLen = 24

var relativeOpeners = setOf("who", "whose")

// clauseOpeners open a second clause after a comma, with a subject of its
// own.
var clauseOpeners = setOf("and", "but", "while")

// allCapitalised reports whether every word of toks up to its first
// punctuation is capitalised: a name.
func allCapitalised(toks []Token) bool {
	n := 0
	for _, t := range toks {
		if t.Kind == Punct {
			break
		}
		if !capitalised(&t) {
			return false
		}
		n++
	}
	return n > 0
}

// phrase returns the noun phrase at the start of toks: up to the first
// punctuation or after six words. The dot of an initial or of a title
// abbreviation does not end it ("Neal R. Sonnett", "Sen. Mitch
// McConnell").
func phrase(toks []Token, src string) string {
	if len(toks) == 0 || toks[0].Kind == Punct {
		return ""
	}
	e := 0
	for e+1 < len(toks) && e < 5 {
		next := toks[e+1]
		if next.Text == "." && e+2 < len(toks) && capitalised(&toks[e+2]) && abbreviation(&toks[e]) {
			e += 2
			continue
		}
		if next.Kind == Punct || speechVerbs[next.Lower] || next.Lower == "on" || next.Lower == "in" || next.Lower == "at" {
			break
		}
		e++
	}
	return src[toks[0].Start:toks[e].End]
}

// abbreviation reports an initial ("R") or a title abbreviation ("Sen",
// "Dr") before a name.
func abbreviation(t *Token) bool {
	if !capitalised(t) {
		return false
	}
	return utf8.RuneCountInString(t.Text) == 1 || nameAbbreviations[t.Lower]
}

var nameAbbreviations = setOf("sen", "rep", "gov", "gen", "dr", "mr", "mrs", "ms", "lt", "col", "sgt", "capt", "prof", "st", "jr")

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// quotesIn returns the parts of a paragraph's quotes that fall inside the
// sentence span sp, with offsets relative to the sentence.
func quotesIn(qs []paraQuote, para string, sp Span) []Quote {
	var out []Quote
	for _, q := range qs {
		s, e := max(q.start, sp.Start), min(q.end, sp.End)
		if s >= e {
			continue
		}
		text := strings.TrimSpace(para[s:e])
		if text == "" {
			continue
		}
		out = append(out, Quote{Text: text, Speaker: q.speaker, Span: Span{s - sp.Start, e - sp.Start}})
	}
	return out
}

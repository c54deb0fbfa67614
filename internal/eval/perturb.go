package eval

import (
	"math/rand"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/drift"
	"github.com/wiretrace/wiretrace/textproc"
)

// Edit names one labelled fact edit of the perturbation benchmark, the
// way FactCC built its training data: a real sentence, paraphrased, with
// one fact changed.
type Edit string

// The edits. Each is planted in one sentence of a paraphrased copy of a
// real article window; every other sentence is paraphrased only.
const (
	// EditNumber changes a figure ("12" → "17").
	EditNumber Edit = "number"
	// EditNumberReworded changes a figure and rewords its unit or the
	// thing it counts the same way ("45%" → "61 per cent", "12 workers" →
	// "15 employees").
	EditNumberReworded Edit = "number_reworded"
	// EditRole changes a person's title or adds "former" to it.
	EditRole Edit = "role"
	// EditQuote gives a quote to another named person.
	EditQuote Edit = "quote"
	// EditDate shifts a weekday or a calendar date.
	EditDate Edit = "date"
	// EditNegationNot adds or removes "not".
	EditNegationNot Edit = "negation_not"
	// EditNegationImplicit flips a claim without "not" ("rose" → "fell",
	// "approved" → "rejected", "no plans" → "plans").
	EditNegationImplicit Edit = "negation_implicit"
	// EditInvented inserts an invented person or organisation.
	EditInvented Edit = "invented_name"
	// EditNameSwap swaps two names of one sentence.
	EditNameSwap Edit = "name_swap"
	// EditNumberPair changes two figures of one sentence ("rose 5% to
	// $3 billion" → "rose 8% to $4 billion").
	EditNumberPair Edit = "number_pair"
)

// Edits lists every edit in report order.
var Edits = []Edit{EditNumber, EditNumberReworded, EditRole, EditQuote, EditDate,
	EditNegationNot, EditNegationImplicit, EditInvented, EditNameSwap, EditNumberPair}

// PerturbCase is one pair of the perturbation benchmark: a window of a
// real article and its paraphrase with at most one planted edit.
type PerturbCase struct {
	ID   string // source id, "#" and the edit ("control" for none)
	Part Part
	// Edit is the planted edit; empty for a control case (paraphrase only),
	// on which every drift is false.
	Edit Edit
	// Want are the drift kinds that report the edit.
	Want []drift.Kind
	// Old and New are the words the edit replaced and the words it wrote;
	// a drift reports the edit when its spans share a word with them.
	Old, New        string
	Source, Derived *article.Article
}

// windowSentences is how many sentences of a source article a case holds:
// about a short news story.
const windowSentences = 14

// PerturbCases builds the benchmark from srcs with a seeded generator: per
// source, one control case and at most one case per edit (when the window
// has a sentence the edit applies to). The same sources and seed give the
// same cases.
func PerturbCases(srcs []PerturbSource, seed int64) []PerturbCase {
	var out []PerturbCase
	for _, src := range srcs {
		rng := rand.New(rand.NewSource(seed ^ int64(hashString(src.ID))))
		w := newWindow(src, rng)
		if w == nil {
			continue
		}
		// Each case draws from a generator of its own, so that whether
		// one edit applies (which turns on how textproc reads the
		// source) never changes another edit's case.
		w.rng = rand.New(rand.NewSource(seed ^ int64(hashString(src.ID+"#control"))))
		out = append(out, w.control())
		for _, e := range Edits {
			w.rng = rand.New(rand.NewSource(seed ^ int64(hashString(src.ID+"#"+string(e)))))
			if c, ok := w.plant(e); ok {
				out = append(out, c)
			}
		}
	}
	return out
}

func hashString(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * 16777619
	}
	return h
}

// window is a run of a source article's sentences, analysed.
type window struct {
	src   PerturbSource
	rng   *rand.Rand
	sents []textproc.Sentence // the window's sentences (Index is into doc)
	paras []int               // paragraph of each sentence
	doc   *textproc.Doc
	// people are the person names of the whole article, for quotes moved
	// to another person.
	people []string
}

func newWindow(src PerturbSource, rng *rand.Rand) *window {
	var paras []string
	for _, p := range strings.Split(src.Text, "\n") {
		if p = strings.TrimSpace(p); p != "" {
			paras = append(paras, p)
		}
	}
	doc := textproc.Analyze(&article.Article{Paragraphs: paras})
	if len(doc.Sentences) < 4 {
		return nil
	}
	start := 0
	if n := len(doc.Sentences) - windowSentences; n > 0 {
		start = rng.Intn(n + 1)
	}
	end := min(len(doc.Sentences), start+windowSentences)
	w := &window{src: src, rng: rng, doc: doc}
	for _, s := range doc.Sentences[start:end] {
		w.sents = append(w.sents, s)
		w.paras = append(w.paras, s.Paragraph)
	}
	// People for a moved quote: the named role holders and speakers of
	// the article (capitalised runs alone are too often places or
	// products).
	seen := map[string]bool{}
	addPerson := func(name string) {
		if len(strings.Fields(name)) >= 2 && !seen[strings.ToLower(name)] {
			seen[strings.ToLower(name)] = true
			w.people = append(w.people, name)
		}
	}
	for _, s := range doc.Sentences {
		for _, r := range s.Roles {
			addPerson(r.Holder)
		}
		for _, q := range s.Quotes {
			if personNamed(&s, trailingName(q.Speaker)) {
				addPerson(trailingName(q.Speaker))
			}
		}
	}
	return w
}

// article joins sentence texts into paragraphs as the window has them.
func (w *window) article(texts []string) *article.Article {
	a := &article.Article{}
	for i, t := range texts {
		if i == 0 || w.paras[i] != w.paras[i-1] {
			a.Paragraphs = append(a.Paragraphs, t)
			continue
		}
		a.Paragraphs[len(a.Paragraphs)-1] += " " + t
	}
	return a
}

func (w *window) sourceTexts() []string {
	out := make([]string, len(w.sents))
	for i, s := range w.sents {
		out[i] = s.Text
	}
	return out
}

// paraphrased returns every sentence of the window paraphrased; sentence
// skip is left out (the caller writes it).
func (w *window) paraphrased(skip int) []string {
	out := make([]string, len(w.sents))
	for i, s := range w.sents {
		if i != skip {
			out[i] = paraphrase(s.Text, w.rng, "", len(s.Quotes) > 0)
		}
	}
	return out
}

func (w *window) control() PerturbCase {
	return PerturbCase{ID: w.src.ID + "#control", Part: w.src.Part(),
		Source: w.sourceArticle(), Derived: w.derivedArticle(w.paraphrased(-1))}
}

// sourceArticle and derivedArticle carry publication dates a day apart,
// as real pages do, so that the benchmark measures drift, not which of
// two undated near-copies Compare takes for the original.
func (w *window) sourceArticle() *article.Article {
	a := w.article(w.sourceTexts())
	a.Published = "2025-03-03"
	return a
}

func (w *window) derivedArticle(texts []string) *article.Article {
	a := w.article(texts)
	a.Published = "2025-03-04"
	return a
}

// edited is one sentence with an edit applied.
type edited struct {
	text     string
	old, new string
	want     []drift.Kind
	// keep is the span of text the paraphrase leaves alone when it is
	// not new (two edits with words between them).
	keep string
}

// plant applies e to one sentence of the window that it fits, chosen at
// random, and paraphrases the rest.
func (w *window) plant(e Edit) (PerturbCase, bool) {
	order := w.rng.Perm(len(w.sents))
	for _, i := range order {
		ed, ok := w.apply(e, &w.sents[i])
		if !ok {
			continue
		}
		keep := ed.new
		if ed.keep != "" {
			keep = ed.keep
		}
		text := paraphrase(ed.text, w.rng, keep, len(w.sents[i].Quotes) > 0)
		if keep != "" && !strings.Contains(text, keep) {
			text = ed.text
		}
		texts := w.paraphrased(i)
		texts[i] = text
		return PerturbCase{ID: w.src.ID + "#" + string(e), Part: w.src.Part(), Edit: e, Want: ed.want,
			Old: ed.old, New: ed.new,
			Source: w.sourceArticle(), Derived: w.derivedArticle(texts)}, true
	}
	return PerturbCase{}, false
}

func (w *window) apply(e Edit, s *textproc.Sentence) (edited, bool) {
	switch e {
	case EditNumber:
		return w.editNumber(s, false)
	case EditNumberReworded:
		return w.editNumber(s, true)
	case EditRole:
		return w.editRole(s)
	case EditQuote:
		return w.editQuote(s)
	case EditDate:
		return w.editDate(s)
	case EditNegationNot:
		return w.editNot(s)
	case EditNegationImplicit:
		return w.editPolarity(s)
	case EditInvented:
		return w.editInvented(s)
	case EditNameSwap:
		return w.editSwap(s)
	case EditNumberPair:
		return w.editNumberPair(s)
	}
	return edited{}, false
}

func replaceSpan(text string, sp textproc.Span, with string) string {
	return text[:sp.Start] + with + text[sp.End:]
}

// ---- numbers

// countSynonyms reword the thing a figure counts without changing it.
var countSynonyms = map[string]string{
	"people": "individuals", "workers": "employees", "employees": "staff members",
	"students": "pupils", "children": "kids", "cases": "infections", "deaths": "fatalities",
	"cars": "vehicles", "vehicles": "cars", "homes": "houses", "houses": "homes",
	"members": "participants", "patients": "sufferers", "visitors": "guests",
	"users": "customers", "customers": "clients", "stores": "shops", "shops": "stores",
	"jobs": "positions", "companies": "firms", "firms": "companies", "times": "occasions",
	"kilometres": "km", "kilometers": "km", "miles": "mi", "percent": "per cent", "minutes": "mins",
}

func (w *window) editNumber(s *textproc.Sentence, reword bool) (edited, bool) {
	for _, k := range w.rng.Perm(len(s.Numbers)) {
		n := s.Numbers[k]
		// The numeral itself inside the number's text.
		tok, ok := numeralIn(s, n)
		if !ok || n.Value < 2 || n.Value >= 1e15 {
			continue
		}
		newNum := changedNumeral(tok.Text, w.rng)
		if newNum == "" {
			continue
		}
		if !reword {
			text := replaceSpan(s.Text, tok.Span, newNum)
			return edited{text: text, old: tok.Text, new: newNum, want: []drift.Kind{drift.Number}}, true
		}
		// Reword the unit or the counted thing after the figure.
		after := s.Text[tok.End:]
		var newTail string
		switch {
		case strings.HasPrefix(after, "%"):
			newTail = newNum + " per cent" + after[1:]
		case strings.HasPrefix(after, " percent"):
			newTail = newNum + "%" + after[len(" percent"):]
		case strings.HasPrefix(after, " per cent"):
			newTail = newNum + " percent" + after[len(" per cent"):]
		default:
			f := strings.Fields(after)
			if len(f) == 0 {
				continue
			}
			word := strings.Trim(f[0], ".,;:")
			syn, ok := countSynonyms[strings.ToLower(word)]
			if !ok {
				continue
			}
			i := strings.Index(after, word)
			newTail = newNum + after[:i] + syn + after[i+len(word):]
		}
		text := s.Text[:tok.Start] + newTail
		return edited{text: text, old: tok.Text, new: newNum, want: []drift.Kind{drift.Number}}, true
	}
	return edited{}, false
}

// editNumberPair changes two figures of s, each the way editNumber
// changes one.
func (w *window) editNumberPair(s *textproc.Sentence) (edited, bool) {
	var toks []textproc.Token
	for _, k := range w.rng.Perm(len(s.Numbers)) {
		n := s.Numbers[k]
		tok, ok := numeralIn(s, n)
		if !ok || n.Value < 2 || n.Value >= 1e15 || len(toks) == 1 && toks[0].Span == tok.Span {
			continue
		}
		if toks = append(toks, tok); len(toks) == 2 {
			break
		}
	}
	if len(toks) < 2 {
		return edited{}, false
	}
	if toks[0].Start > toks[1].Start {
		toks[0], toks[1] = toks[1], toks[0]
	}
	a, b := changedNumeral(toks[0].Text, w.rng), changedNumeral(toks[1].Text, w.rng)
	if a == "" || b == "" {
		return edited{}, false
	}
	text := s.Text[:toks[0].Start] + a + s.Text[toks[0].End:toks[1].Start] + b + s.Text[toks[1].End:]
	keep := a + s.Text[toks[0].End:toks[1].Start] + b
	return edited{text: text, old: toks[0].Text + " " + toks[1].Text, new: a + " " + b, keep: keep,
		want: []drift.Kind{drift.Number}}, true
}

func numeralIn(s *textproc.Sentence, n textproc.Number) (textproc.Token, bool) {
	for _, t := range s.Tokens {
		if t.Start >= n.Start && t.End <= n.End && t.Kind == textproc.Numeral {
			return t, true
		}
	}
	return textproc.Token{}, false
}

// changedNumeral writes another value in the numeral's own format: the
// same decimals and thousands separators, 15% to 80% off either way.
func changedNumeral(num string, rng *rand.Rand) string {
	clean := strings.ReplaceAll(num, ",", "")
	v, err := strconv.ParseFloat(clean, 64)
	if err != nil || v <= 0 {
		return ""
	}
	dec := 0
	if i := strings.IndexByte(clean, '.'); i >= 0 {
		dec = len(clean) - i - 1
	}
	f := 1 + 0.15 + 0.65*rng.Float64()
	if rng.Intn(2) == 0 {
		f = 1 / f
	}
	nv := v * f
	out := strconv.FormatFloat(nv, 'f', dec, 64)
	if out == strconv.FormatFloat(v, 'f', dec, 64) || strings.HasPrefix(out, "0") && dec == 0 {
		out = strconv.FormatFloat(v+1, 'f', dec, 64)
	}
	if strings.Contains(num, ",") {
		out = withThousands(out)
	}
	return out
}

func withThousands(s string) string {
	intPart, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if hasFrac {
		b.WriteString("." + frac)
	}
	return b.String()
}

// ---- roles

var otherTitles = []string{"chief executive", "chairman", "president", "director", "spokesperson",
	"senator", "governor", "minister", "mayor", "treasurer", "adviser", "founder", "vice president", "manager"}

func (w *window) editRole(s *textproc.Sentence) (edited, bool) {
	for _, k := range w.rng.Perm(len(s.Roles)) {
		r := s.Roles[k]
		if r.Holder == "" || len(r.Modifiers) > 0 {
			continue
		}
		// The title's words are the tail of the role phrase.
		n := len(strings.Fields(r.Title))
		f := strings.Fields(r.Text)
		if len(f) < n {
			continue
		}
		titleText := strings.Join(f[len(f)-n:], " ")
		ts := r.End - len(titleText)
		if ts < r.Start || s.Text[ts:r.End] != titleText {
			continue
		}
		if w.rng.Intn(3) == 0 {
			mod := "former"
			if isUpperStart(titleText) {
				mod = "Former"
			}
			text := s.Text[:ts] + mod + " " + s.Text[ts:]
			return edited{text: text, old: titleText, new: mod + " " + titleText, want: []drift.Kind{drift.Role}}, true
		}
		nt := otherTitles[w.rng.Intn(len(otherTitles))]
		if nt == r.Title || strings.Contains(r.Title, nt) || strings.Contains(nt, r.Title) {
			continue
		}
		if isUpperStart(titleText) {
			nt = titleCase(nt)
		}
		text := replaceSpan(s.Text, textproc.Span{Start: ts, End: r.End}, nt)
		return edited{text: text, old: titleText, new: nt, want: []drift.Kind{drift.Role}}, true
	}
	return edited{}, false
}

func isUpperStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func titleCase(s string) string {
	f := strings.Fields(s)
	for i, w := range f {
		r, n := utf8.DecodeRuneInString(w)
		f[i] = string(unicode.ToUpper(r)) + w[n:]
	}
	return strings.Join(f, " ")
}

// ---- quotes

func (w *window) editQuote(s *textproc.Sentence) (edited, bool) {
	for _, q := range s.Quotes {
		name := trailingName(q.Speaker)
		if !personNamed(s, name) || len(strings.Fields(q.Text)) < 4 {
			continue
		}
		i := strings.LastIndex(s.Text, name)
		if i < 0 || (i >= q.Start && i < q.End) {
			continue
		}
		surname := lastWord(name)
		var others []string
		for _, p := range w.people {
			if !strings.Contains(strings.ToLower(p), strings.ToLower(surname)) && !strings.Contains(s.Text, p) {
				others = append(others, p)
			}
		}
		want := []drift.Kind{drift.Quote}
		var other string
		if len(others) > 0 {
			other = others[w.rng.Intn(len(others))]
		} else {
			other = w.inventedPerson()
			want = append(want, drift.Entity)
		}
		if !strings.Contains(name, " ") {
			other = lastWord(other)
		}
		// A person the window never names is an invented name there too.
		if !strings.Contains(strings.Join(w.sourceTexts(), " "), other) && !wants(want, drift.Entity) {
			want = append(want, drift.Entity)
		}
		text := s.Text[:i] + other + s.Text[i+len(name):]
		return edited{text: text, old: name, new: other, want: want}, true
	}
	return edited{}, false
}

// personNamed reports whether the sentence names name as a person: a
// role's holder or a person entity.
func personNamed(s *textproc.Sentence, name string) bool {
	if name == "" {
		return false
	}
	for _, r := range s.Roles {
		if r.Holder != "" && strings.Contains(r.Holder, name) {
			return true
		}
	}
	for _, e := range s.Entities {
		if e.Kind == textproc.Person && strings.Contains(e.Text, name) {
			return true
		}
	}
	return false
}

// trailingName is the run of capitalised words that ends a speaker
// phrase ("Fire Chief Daniel Okafor" → "Daniel Okafor"); empty when the
// phrase names nobody ("he", "the spokesperson").
func trailingName(sp string) string {
	f := strings.Fields(sp)
	k := len(f)
	for k > 0 && isUpperStart(f[k-1]) && !titleWords[strings.ToLower(f[k-1])] {
		k--
	}
	if k == len(f) {
		return ""
	}
	return strings.Trim(strings.Join(f[k:], " "), ".,;:")
}

var titleWords = map[string]bool{"president": true, "chief": true, "minister": true, "director": true,
	"senator": true, "governor": true, "mayor": true, "secretary": true, "the": true, "dr.": true, "mr.": true, "ms.": true, "mrs.": true}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return strings.Trim(f[len(f)-1], ".,;:")
}

// ---- dates

var weekdayNames = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}

func (w *window) editDate(s *textproc.Sentence) (edited, bool) {
	for _, k := range w.rng.Perm(len(s.Dates)) {
		d := s.Dates[k]
		switch d.Kind {
		case textproc.Weekday:
			nw := weekdayNames[(d.Weekday-1+1+w.rng.Intn(6))%7]
			return edited{text: replaceSpan(s.Text, d.Span, nw), old: d.Text, new: nw, want: []drift.Kind{drift.Date}}, true
		case textproc.DayMonth:
			day := strconv.Itoa(d.Day)
			i := strings.Index(d.Text, day)
			if i < 0 {
				continue
			}
			nd := (d.Day-1+1+w.rng.Intn(9))%28 + 1
			if nd == d.Day {
				continue
			}
			nt := d.Text[:i] + strconv.Itoa(nd) + d.Text[i+len(day):]
			return edited{text: replaceSpan(s.Text, d.Span, nt), old: d.Text, new: nt, want: []drift.Kind{drift.Date}}, true
		}
	}
	return edited{}, false
}

// ---- negation

var auxiliaries = map[string]bool{"is": true, "was": true, "are": true, "were": true, "will": true,
	"would": true, "can": true, "could": true, "should": true, "has": true, "have": true, "had": true,
	"does": true, "did": true, "may": true, "might": true, "must": true}

func (w *window) editNot(s *textproc.Sentence) (edited, bool) {
	toks := s.Tokens
	// Remove an existing "not" after an auxiliary, or insert one.
	for k := 0; k+2 < len(toks); k++ {
		if auxiliaries[toks[k].Lower] && toks[k+1].Lower == "not" && toks[k+2].Kind == textproc.Word {
			text := s.Text[:toks[k].End] + s.Text[toks[k+1].End:]
			return edited{text: text, old: "not " + toks[k+2].Text, new: toks[k].Text + " " + toks[k+2].Text, want: []drift.Kind{drift.Negation}}, true
		}
	}
	var cands []int
	for k := 0; k+1 < len(toks); k++ {
		if auxiliaries[toks[k].Lower] && toks[k+1].Kind == textproc.Word && !toks[k+1].Stop && toks[k+1].Text == toks[k+1].Lower {
			if quoteCovers(s, toks[k].Start) {
				continue
			}
			cands = append(cands, k)
		}
	}
	if len(cands) == 0 || len(s.Negations) > 0 {
		return edited{}, false
	}
	k := cands[w.rng.Intn(len(cands))]
	text := s.Text[:toks[k].End] + " not" + s.Text[toks[k].End:]
	return edited{text: text, old: toks[k+1].Text, new: "not " + toks[k+1].Text, want: []drift.Kind{drift.Negation}}, true
}

func quoteCovers(s *textproc.Sentence, at int) bool {
	for _, q := range s.Quotes {
		if at >= q.Start && at < q.End {
			return true
		}
	}
	return false
}

// opposites flip a claim without a negation word.
var opposites = map[string]string{
	"rose": "fell", "fell": "rose", "increased": "decreased", "decreased": "increased",
	"increase": "decrease", "decrease": "increase", "won": "lost", "lost": "won",
	"approved": "rejected", "rejected": "approved", "accepted": "declined", "agreed": "refused",
	"supports": "opposes", "opposes": "supports", "supported": "opposed", "opposed": "supported",
	"allowed": "banned", "banned": "allowed", "confirmed": "denied", "denied": "confirmed",
	"higher": "lower", "lower": "higher", "more": "fewer", "likely": "unlikely", "unlikely": "likely",
	"able": "unable", "possible": "impossible", "legal": "illegal", "safe": "unsafe",
	"effective": "ineffective", "true": "false", "false": "true", "success": "failure",
	"succeeded": "failed", "failed": "succeeded", "include": "exclude", "includes": "excludes",
	"always": "never", "never": "always", "positive": "negative", "negative": "positive",
	"gained": "lost", "boosted": "cut", "raised": "lowered", "lowered": "raised", "better": "worse", "worse": "better",
	"best": "worst", "worst": "best", "good": "bad", "bad": "good", "strong": "weak", "weak": "strong",
}

func (w *window) editPolarity(s *textproc.Sentence) (edited, bool) {
	// "no plans to" → "plans to": a negation without "not" removed.
	for k := 0; k+1 < len(s.Tokens); k++ {
		if s.Tokens[k].Lower == "no" && s.Tokens[k+1].Kind == textproc.Word && !s.Tokens[k+1].Stop && !quoteCovers(s, s.Tokens[k].Start) {
			text := s.Text[:s.Tokens[k].Start] + s.Text[s.Tokens[k+1].Start:]
			return edited{text: text, old: "no " + s.Tokens[k+1].Text, new: s.Tokens[k+1].Text, want: []drift.Kind{drift.Negation}}, true
		}
	}
	var cands []int
	for k, t := range s.Tokens {
		if _, ok := opposites[t.Lower]; ok && t.Text == t.Lower && !quoteCovers(s, t.Start) {
			cands = append(cands, k)
		}
	}
	if len(cands) == 0 {
		return edited{}, false
	}
	t := s.Tokens[cands[w.rng.Intn(len(cands))]]
	nw := opposites[t.Lower]
	return edited{text: replaceSpan(s.Text, t.Span, nw), old: t.Text, new: nw, want: []drift.Kind{drift.Negation}}, true
}

// ---- invented names

var firstNames = []string{"Mara", "Tobias", "Ilse", "Dorian", "Selma", "Kasimir", "Nadia", "Oren",
	"Lucian", "Petra", "Anselm", "Greta", "Milo", "Rosalind", "Evander", "Talia"}

var nameSyllables = []string{"vel", "mar", "dor", "ka", "lin", "stra", "bren", "tov", "ash", "quin",
	"rel", "zan", "holt", "wick", "ler", "sen", "dal", "mor", "vik", "ther"}

var orgSuffixes = []string{"Holdings", "Institute", "Group", "Partners", "Foundation", "Analytics",
	"Logistics", "Council", "Associates", "Labs"}

func (w *window) inventedWord() string {
	for {
		n := 2 + w.rng.Intn(2)
		var b strings.Builder
		for i := 0; i < n; i++ {
			b.WriteString(nameSyllables[w.rng.Intn(len(nameSyllables))])
		}
		word := titleCase(b.String())
		if !strings.Contains(strings.ToLower(w.src.Text), strings.ToLower(word)) {
			return word
		}
	}
}

func (w *window) inventedPerson() string {
	return firstNames[w.rng.Intn(len(firstNames))] + " " + w.inventedWord()
}

func (w *window) inventedOrg() string {
	return w.inventedWord() + " " + orgSuffixes[w.rng.Intn(len(orgSuffixes))]
}

func (w *window) editInvented(s *textproc.Sentence) (edited, bool) {
	text := strings.TrimRight(s.Text, " ")
	if len(s.Tokens) < 6 || len(s.Quotes) > 0 || !strings.HasSuffix(text, ".") {
		return edited{}, false
	}
	body := strings.TrimSuffix(text, ".")
	var name, add string
	switch w.rng.Intn(3) {
	case 0:
		name = w.inventedPerson()
		add = ", according to " + name + "."
	case 1:
		p, o := w.inventedPerson(), w.inventedOrg()
		name = p + ", an analyst at " + o
		add = ", said " + name + "."
	default:
		name = w.inventedOrg()
		add = ", according to a report by " + name + "."
	}
	return edited{text: body + add, new: name, want: []drift.Kind{drift.Entity}}, true
}

// ---- name swaps

func (w *window) editSwap(s *textproc.Sentence) (edited, bool) {
	var names []textproc.Entity
	for _, e := range s.Entities {
		if e.Kind != textproc.Person || quoteCovers(s, e.Start) {
			continue
		}
		dup := false
		for _, n := range names {
			if lastWord(n.Key) == lastWord(e.Key) {
				dup = true
			}
		}
		if !dup {
			names = append(names, e)
		}
	}
	if len(names) < 2 {
		return edited{}, false
	}
	a, b := names[0], names[1]
	if drift.Coordinated(s.Text, a.Span, b.Span) {
		// Reordering a list ("A and B" → "B and A") changes no fact.
		return edited{}, false
	}
	text := s.Text[:a.Start] + b.Text + s.Text[a.End:b.Start] + a.Text + s.Text[b.End:]
	return edited{text: text, old: a.Text, new: b.Text, want: []drift.Kind{drift.Entity, drift.Role, drift.Quote}}, true
}

// ---- paraphrase

// synonyms reword common news words without changing a fact.
var synonyms = map[string]string{
	"help": "assist", "helped": "assisted", "start": "begin", "started": "began", "began": "started",
	"buy": "purchase", "bought": "purchased", "show": "indicate", "shows": "indicates", "showed": "indicated",
	"need": "require", "needs": "requires", "needed": "required", "tried": "attempted", "big": "large",
	"large": "big", "important": "significant", "significant": "important", "many": "numerous",
	"often": "frequently", "quickly": "rapidly", "recent": "latest", "recently": "lately", "main": "primary",
	"area": "region", "company": "firm", "firm": "company", "children": "kids", "job": "position",
	"announced": "revealed", "decided": "chose", "allow": "permit", "enough": "sufficient",
	"however": "nevertheless", "almost": "nearly", "nearly": "almost", "after": "following",
	"said": "stated", "says": "states", "told": "informed", "also": "additionally", "use": "utilize",
	"used": "utilized", "using": "utilizing", "make": "create", "made": "created", "get": "obtain",
	"got": "obtained", "hard": "difficult", "difficult": "hard", "end": "conclusion", "whole": "entire",
	"people": "individuals", "believe": "think", "believed": "thought", "think": "believe",
	"look": "appear", "looks": "appears", "place": "location", "problem": "issue", "problems": "issues",
	"issue": "problem", "chance": "opportunity", "plan": "proposal", "plans": "proposals", "ask": "request",
	"asked": "requested", "fast": "quick", "idea": "notion", "rules": "regulations", "about": "regarding",
	"keep": "maintain", "kept": "maintained", "world": "globe", "answer": "response", "near": "close to",
}

var frontedClause = regexp.MustCompile(`^((?:In|On|At|After|Before|During|Since|Last|Earlier|Later|Despite|Following|For|By|Under|With|When|While|Although|Because|If|As) [^,;"“”]{2,80}), ([a-zA-Z][^;"“”]{10,})\.$`)

var trailingSaid = regexp.MustCompile(`, ((?:[A-Z][\w.'’-]+ ){0,2}[A-Z][\w.'’-]+) (said|says)\.$`)

var activeVoice = regexp.MustCompile(`^((?:[A-Z][\w.&'’-]+ ){0,3}[A-Z][\w.&'’-]+) (announced|released|approved|signed|launched|published|unveiled|rejected|confirmed|completed|acquired|built|opened|closed|issued) (the|a|an|its|their) ([^,;:"“”]{3,90})\.$`)

// paraphrase rewords a sentence: synonyms for common words, a fronted
// clause moved to the end, "X said" turned to "said X", and active voice
// turned passive, each at random. keep is text that must survive
// unchanged (an edit's new words). A sentence that quotes someone keeps
// its words (reported speech is not reworded; a quote may open in an
// earlier sentence, so the marks alone cannot tell its extent) and is
// only restructured outside the quote ("X said" → "said X").
func paraphrase(text string, rng *rand.Rand, keep string, quoted bool) string {
	protect := func(i, j int) bool {
		if keep == "" {
			return false
		}
		k := strings.Index(text, keep)
		return k >= 0 && i < k+len(keep) && j > k
	}
	// Word synonyms: rebuild the sentence word by word.
	var b strings.Builder
	last := 0
	for _, m := range wordRE.FindAllStringIndex(text, -1) {
		word := text[m[0]:m[1]]
		syn, ok := synonyms[strings.ToLower(word)]
		if !ok || quoted || protect(m[0], m[1]) || rng.Intn(10) < 3 {
			continue
		}
		if isUpperStart(word) {
			if m[0] != 0 {
				continue // a name, not a common word
			}
			r, n := utf8.DecodeRuneInString(syn)
			syn = string(unicode.ToUpper(r)) + syn[n:]
		}
		b.WriteString(text[last:m[0]])
		b.WriteString(syn)
		last = m[1]
	}
	b.WriteString(text[last:])
	out := b.String()
	if m := frontedClause.FindStringSubmatch(out); m != nil && !quoted && rng.Intn(2) == 0 {
		out = upperFirst(m[2]) + " " + lowerFirst(m[1]) + "."
	}
	if m := trailingSaid.FindStringSubmatchIndex(out); m != nil && rng.Intn(2) == 0 {
		out = out[:m[0]] + ", " + out[m[4]:m[5]] + " " + out[m[2]:m[3]] + "."
	}
	if m := activeVoice.FindStringSubmatch(out); m != nil && !quoted && rng.Intn(2) == 0 {
		out = upperFirst(m[3]) + " " + m[4] + " was " + m[2] + " by " + m[1] + "."
	}
	return out
}

var wordRE = regexp.MustCompile(`[A-Za-z]+`)

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// lowerFirst lowercases the first letter unless the first word looks like
// a name or an acronym (capitals inside it).
func lowerFirst(s string) string {
	f, _, _ := strings.Cut(s, " ")
	if f == "I" || strings.IndexFunc(f[1:], unicode.IsUpper) >= 0 {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

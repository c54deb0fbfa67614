package drift

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/wiretrace/wiretrace/textproc"
)

// figureList cuts an empty list with room for n figures from the array
// of the checker's memory (checkerMem.figs), a new one when too little is
// left; lists cut before stay valid.
func (c *checker) figureList(n int) []textproc.Number {
	m := c.mem
	if cap(m.figs)-len(m.figs) < n {
		m.figs = make([]textproc.Number, 0, max(n, 2*cap(m.figs), 64))
	}
	l := len(m.figs)
	m.figs = m.figs[:l+n]
	return m.figs[l : l : l+n]
}

// figures returns the quantities of s the numbers check compares, each
// as one value: not the hour or minute of a clock time ("4:17 p.m.",
// "1635 GMT"; clocks compares those as times), and the terms of a mixed
// number or a fraction read together ("3 1/2" and "165-1/4" as 3.5 and
// 165.25, "1 1/2 million", "16/32", "3 ½", "five and a half"), so that a
// rewrite that changes the whole part ("2 1/2 inches" → "3 1/2 inches")
// shows, and one that writes the value another way ("2.5") does not.
// Found once per sentence that holds a number (a share spelled in words
// alone is read again each time: rare, and cheap to find).
func (c *checker) figures(s *textproc.Sentence) []textproc.Number {
	if len(s.Numbers) == 0 {
		// Most sentences: nothing to find or remember, but for a share
		// spelled in words.
		return spelledPeriods(spelledShares(nil, s), s)
	}
	if f, ok := c.figureCache[s]; ok {
		return f
	}
	ns := s.Numbers
	out := c.figureList(len(ns) + 1) // a figure per number at most, and room for a spelled share
	clocks := c.clockTimes(s)
	valid := func(n textproc.Number) bool {
		if n.Start < 0 || n.End > len(s.Text) || n.Start >= n.End {
			return false
		}
		for _, t := range clocks {
			if n.Start < t.End && t.Start < n.End {
				return false
			}
		}
		return true
	}
	// between is the text from figure i's end to figure j's start.
	between := func(i, j int) string {
		if j >= len(ns) || !valid(ns[j]) || ns[i].End > ns[j].Start {
			return "\x00"
		}
		return s.Text[ns[i].End:ns[j].Start]
	}
	for i := 0; i < len(ns); i++ {
		n := ns[i]
		if !valid(n) {
			continue
		}
		whole := wholeNumeral(n.Text)
		switch sep := between(i, i+1); {
		case whole && (sep == " " || sep == "-") && between(i+1, i+2) == "/" && wholeNumeral(ns[i+1].Text):
			// "3 1/2", "165-1/4", "1 1/2 million"
			if den, scale := denominator(ns[i+2]); den > ns[i+1].Value {
				out = append(out, joined(s, n, ns[i+2], (n.Value+ns[i+1].Value/den)*scale))
				i += 2
				continue
			}
		case whole && sep == "/":
			// "16/32", "3/4 of"
			if den, scale := denominator(ns[i+1]); den > 0 {
				out = append(out, joined(s, n, ns[i+1], n.Value/den*scale))
				i++
				continue
			}
		case sep == " and a " && ns[i+1].Value < 1:
			// "five and a half"
			out = append(out, joined(s, n, ns[i+1], n.Value+ns[i+1].Value))
			i++
			continue
		}
		if r, size := utf8.DecodeRuneInString(strings.TrimPrefix(s.Text[n.End:], " ")); vulgar[r] > 0 {
			// "3 ½"
			end := len(s.Text) - len(strings.TrimPrefix(s.Text[n.End:], " ")) + size
			n.Value += vulgar[r]
			n.Text = s.Text[n.Start:end]
			n.End = end
		}
		out = append(out, n)
	}
	out = spelledPeriods(spelledShares(out, s), s)
	c.figureCache[s] = out
	return out
}

// fractionDenominators are the ordinals that name a share of a whole.
var fractionDenominators = map[string]float64{"third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
	"fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8, "tenth": 10, "tenths": 10}

// fractionNumerators are the spelled counts of such shares.
var fractionNumerators = map[string]float64{"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
	"seven": 7, "nine": 9}

// spelledShares appends the shares of a whole that s spells out, as
// percentages: "two-thirds" (66.7 %), "three-quarters", and "a third of",
// "two fifths of" (the count, the ordinal, then "of": "a third time" and
// "the third quarter" are no shares). A rewrite that turns two-thirds
// into three-quarters changed the figure; one that writes 67 per cent
// did not.
func spelledShares(out []textproc.Number, s *textproc.Sentence) []textproc.Number {
	for k := range s.Tokens {
		t := &s.Tokens[k]
		if t.Kind != textproc.Word {
			continue
		}
		num, den, end := 0.0, 0.0, k
		if a, b, ok := strings.Cut(t.Lower, "-"); ok {
			num, den = fractionNumerators[a], fractionDenominators[b]
		} else if k+2 < len(s.Tokens) && s.Tokens[k+2].Lower == "of" {
			num, den, end = fractionNumerators[t.Lower], fractionDenominators[s.Tokens[k+1].Lower], k+1
		}
		if num == 0 || den == 0 || num >= den {
			continue
		}
		span := textproc.Span{Start: t.Start, End: s.Tokens[end].End}
		out = append(out, textproc.Number{Text: s.Text[span.Start:span.End], Value: math.Round(num/den*1000) / 10, Unit: "%", Span: span})
	}
	return out
}

// periodYears are the words that name a span of years.
var periodYears = map[string]float64{"decade": 10, "decades": 10, "century": 100, "centuries": 100}

// spelledPeriods reads the spans of years that s names by a word as
// figures in years: "a decade" (10 years), "four decades" (the figure
// "four" becomes 40 years), "a century". A rewrite that writes "almost ten
// years" for "almost a decade" kept the figure; one that writes "two
// decades" changed it.
func spelledPeriods(out []textproc.Number, s *textproc.Sentence) []textproc.Number {
	for k := 1; k < len(s.Tokens); k++ {
		t := &s.Tokens[k]
		years := periodYears[t.Lower]
		if years == 0 || t.Kind != textproc.Word {
			continue
		}
		prev := &s.Tokens[k-1]
		if i := slices.IndexFunc(out, func(n textproc.Number) bool { return n.End == prev.End && n.Unit == "" }); i >= 0 {
			n := &out[i]
			n.Value *= years
			n.Unit, n.End = "years", t.End
			n.Text = s.Text[n.Start:n.End]
			continue
		}
		switch prev.Lower {
		case "a", "an", "one":
			out = append(out, textproc.Number{Text: s.Text[prev.Start:t.End], Value: years, Unit: "years", Span: textproc.Span{Start: prev.Start, End: t.End}})
		}
	}
	return out
}

// vulgar are the fraction characters a figure may end with.
var vulgar = map[rune]float64{'½': 0.5, '¼': 0.25, '¾': 0.75, '⅓': 1.0 / 3, '⅔': 2.0 / 3, '⅛': 0.125}

// wholeNumeral reports whether a figure is written as digits with no
// decimals and nothing else ("3", not "3.5", "3%" or "three").
func wholeNumeral(text string) bool {
	if text == "" {
		return false
	}
	for i := 0; i < len(text); i++ {
		if text[i] < '0' || text[i] > '9' {
			return false
		}
	}
	return true
}

// denominator reads the leading digits of the figure that closes a
// fraction and the scale its words add ("2 million" of "1 1/2 million":
// 2 and a million); den is 0 when the figure does not start with digits.
func denominator(n textproc.Number) (den, scale float64) {
	k := 0
	for k < len(n.Text) && n.Text[k] >= '0' && n.Text[k] <= '9' {
		k++
	}
	if k == 0 {
		return 0, 0
	}
	d, err := strconv.ParseFloat(n.Text[:k], 64)
	if err != nil || d == 0 {
		return 0, 0
	}
	return d, n.Value / d
}

// joined is the figure from a's start to b's end with value v and b's
// unit (the unit closes the phrase: "1 1/2 million people").
func joined(s *textproc.Sentence, a, b textproc.Number, v float64) textproc.Number {
	unit := b.Unit
	if unit == "" {
		unit = a.Unit
	}
	return textproc.Number{Text: s.Text[a.Start:b.End], Value: v, Unit: unit, Span: textproc.Span{Start: a.Start, End: b.End}}
}

// clock is a time of day named in a sentence: minutes after midnight and
// the time zone written after it, lowercased ("" when none).
type clock struct {
	minute int
	zone   string
	text   string
	textproc.Span
}

// clockRE finds "4:17 p.m.", "9am", "6.30 P.M.", "16:50" and "0315 GMT".
var clockRE = regexp.MustCompile(`(?i)\b(\d{1,2})(?:[:.](\d{2}))?\s?([ap])\.?m\b\.?|\b(\d{1,2}):(\d{2})\b|\b([012]\d)([0-5]\d)\s?(GMT|UTC)\b`)

// notZones are capitalised words that may follow a time without naming
// its zone.
var notZones = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true,
	"friday": true, "saturday": true, "sunday": true, "on": true, "in": true, "at": true, "and": true, "the": true}

// clockTimes returns the times of day of s, found once per sentence.
func (c *checker) clockTimes(s *textproc.Sentence) []clock {
	if t, ok := c.clockCache[s]; ok {
		return t
	}
	t := clockTimes(s)
	c.clockCache[s] = t
	return t
}

// mayTellTime reports whether text may hold a clock time: a digit right
// before ":" or before "am"/"pm" (dots and a space allowed), or "GMT" or
// "UTC". It spares the regular expression nearly every sentence.
func mayTellTime(text string) bool {
	for i := 0; i < len(text); i++ {
		if text[i] < '0' || text[i] > '9' {
			continue
		}
		j := i + 1
		if j < len(text) && text[j] == ':' {
			return true
		}
		if j < len(text) && text[j] == ' ' {
			j++
		}
		if j < len(text) && (text[j]|0x20 == 'a' || text[j]|0x20 == 'p') {
			j++
			if j < len(text) && text[j] == '.' {
				j++
			}
			if j < len(text) && text[j]|0x20 == 'm' {
				return true
			}
		}
	}
	return strings.Contains(text, "GMT") || strings.Contains(text, "UTC")
}

// clockTimes returns the times of day of s.
func clockTimes(s *textproc.Sentence) []clock {
	if !mayTellTime(s.Text) {
		return nil
	}
	var out []clock
	for _, m := range clockRE.FindAllStringSubmatchIndex(s.Text, -1) {
		num := func(g int) int {
			if m[2*g] < 0 {
				return 0
			}
			v, _ := strconv.Atoi(s.Text[m[2*g]:m[2*g+1]])
			return v
		}
		var h, min int
		zone := ""
		switch {
		case m[2] >= 0: // 12-hour clock
			h, min = num(1)%12, num(2)
			if strings.EqualFold(s.Text[m[6]:m[7]], "p") {
				h += 12
			}
		case m[8] >= 0:
			h, min = num(4), num(5)
		default:
			h, min = num(6), num(7)
			zone = strings.ToLower(s.Text[m[16]:m[17]])
		}
		if zone == "" {
			w := strings.Trim(firstField(s.Text[m[1]:]), "().,;")
			if w != "" && w[0] >= 'A' && w[0] <= 'Z' && !notZones[strings.ToLower(w)] {
				zone = strings.ToLower(w)
			}
		}
		out = append(out, clock{minute: 60*h + min, zone: zone, text: strings.TrimSpace(s.Text[m[0]:m[1]]), Span: textproc.Span{Start: m[0], End: m[1]}})
	}
	return out
}

// clocks reports a time of day of the derived sentences ds that the
// paired source sentences ss give otherwise: a source time no derived
// time restates, in the same zone or with a zone on one side only. Two
// times in different zones are a conversion ("4:17 p.m. Eastern", "2:17
// p.m. MDT"), not compared; a time one side adds dates another event.
func (c *checker) clocks(ss, ds []*textproc.Sentence) {
	type at struct {
		t clock
		s *textproc.Sentence
	}
	var src []at
	for _, s := range ss {
		for _, t := range c.clockTimes(s) {
			src = append(src, at{t, s})
		}
	}
	if len(src) == 0 {
		return
	}
	var der []at
	used := make([]bool, len(src))
	for _, d := range ds {
		if c.remeasured[d] {
			continue
		}
		for _, t := range c.clockTimes(d) {
			matched := false
			for k, f := range src {
				if !used[k] && f.t.minute == t.minute && (f.t.zone == t.zone || f.t.zone == "" || t.zone == "") {
					used[k], matched = true, true
					break
				}
			}
			if !matched {
				der = append(der, at{t, d})
			}
		}
	}
	for _, dt := range der {
		for k, f := range src {
			if used[k] || f.t.zone != "" && dt.t.zone != "" && f.t.zone != dt.t.zone {
				continue
			}
			// "shortly before 6 p.m." and "about 5:40 p.m.": a hedged
			// time allows half an hour.
			if (hedgedAt(f.s, f.t.Start) || hedgedAt(dt.s, dt.t.Start)) && abs(f.t.minute-dt.t.minute) <= 30 {
				used[k] = true
				break
			}
			used[k] = true
			c.add(Drift{Kind: Number, SourceSpan: f.t.text, DerivedSpan: dt.t.text,
				SourceSentence: f.s.Index, DerivedSentence: dt.s.Index,
				Explanation: fmt.Sprintf("the source gives the time %s where this gives %s", f.t.text, dt.t.text)})
			break
		}
	}
}

// firstField is the first space-separated word of s.
func firstField(s string) string {
	s = strings.TrimLeft(s, " \t\n")
	if i := strings.IndexAny(s, " \t\n"); i >= 0 {
		return s[:i]
	}
	return s
}

// total reports whether figure n of d sums two of the source's figures
// of its unit that d does not restate (free: "three firefighters and
// four other people" → "seven people"), or gives the size of a change
// between two of them (all: "rose to $2,800 from $2,500" → "rose by
// $300 to $2,800"): a rewrite that adds up what the source lists, or
// gives a change by its size, restates it.
func total(free, all []numAt, d *textproc.Sentence, n textproc.Number) bool {
	for i, a := range free {
		for _, b := range free[i+1:] {
			if !unitsAgree(a.n.Unit, n.Unit) || !unitsAgree(b.n.Unit, n.Unit) {
				continue
			}
			sum := textproc.Number{Value: a.n.Value + b.n.Value, Unit: n.Unit}
			if sameValue(sum, n) || approximately(a.s, sum, d, n) {
				return true
			}
		}
	}
	// A change given by its size says so ("by $300", "up 3 points"); a
	// figure that is the difference of two others without it is so by
	// chance.
	if !changeBy(d, n) {
		return false
	}
	for i, a := range all {
		for _, b := range all[i+1:] {
			if unitsAgree(a.n.Unit, n.Unit) && unitsAgree(b.n.Unit, n.Unit) && sameValue(textproc.Number{Value: math.Abs(a.n.Value - b.n.Value), Unit: n.Unit}, n) {
				return true
			}
		}
	}
	return false
}

// changeBy reports whether figure n of s gives the size of a change:
// "by", "up" or "down" right before it.
func changeBy(s *textproc.Sentence, n textproc.Number) bool {
	k := tokenAt(s, n.Start)
	if k < 1 {
		return false
	}
	switch s.Tokens[k-1].Lower {
	case "by", "up", "down":
		return true
	}
	return false
}

// countsOther reports whether counts a of sa and b of sb count
// different things: each is followed by its own noun ("six fines",
// "12 people"), and the noun of one stands elsewhere in the other's
// sentence, not after a figure ("fined 14 drivers"). A rewrite that
// rewords what it counts ("12 workers" → "15 employees") keeps neither
// word.
func countsOther(sa *textproc.Sentence, a textproc.Number, sb *textproc.Sentence, b textproc.Number) bool {
	wa, wb := counted(sa, a), counted(sb, b)
	if wa == "" || wb == "" || wa == wb {
		return false
	}
	return uncounted(sb, wa) || uncounted(sa, wb)
}

// counted is the stem of the noun a count counts: its unit word ("12
// people") or the lower-case content word right after it ("four
// arrests"); empty for amounts (money, percentages, measures), whose unit
// is their anchor, and when no such word follows.
func counted(s *textproc.Sentence, n textproc.Number) string {
	if n.Unit != "" && n.Unit != "people" {
		return ""
	}
	k := tokenAt(s, n.End-1)
	if k < 0 {
		return ""
	}
	if t := s.Tokens[k]; t.Start > n.Start && t.Kind == textproc.Word && !t.Stop {
		return t.Stem // the unit word of "12 people"
	}
	if k+1 < len(s.Tokens) {
		if t := s.Tokens[k+1]; t.Kind == textproc.Word && !t.Stop && t.Text == t.Lower {
			return t.Stem
		}
	}
	return ""
}

// uncounted reports whether s has a word with the stem that no figure of
// s counts.
func uncounted(s *textproc.Sentence, stem string) bool {
	for k, t := range s.Tokens {
		if t.Kind != textproc.Word || t.Stem != stem {
			continue
		}
		j := k - 1
		if j > 0 && s.Tokens[j].Text == "-" {
			j-- // "25-minute"
		}
		if j < 0 || s.Tokens[j].Kind != textproc.Numeral {
			return true
		}
	}
	return false
}

// isAge reports whether figure n of s is a person's age set off after a
// name ("Reyes, 18, ..."): an age is compared only with an age. An age
// is a whole number of years a life can reach; a larger figure after a
// capitalised word and a comma ("By the end of February, 512,000
// patients") counts something else.
func isAge(s *textproc.Sentence, n textproc.Number) bool {
	if n.Unit != "" || n.Value < 0 || n.Value > maxAge || n.Value != math.Trunc(n.Value) {
		return false
	}
	k := tokenAt(s, n.Start)
	if k < 2 || s.Tokens[k-1].Text != "," {
		return false
	}
	name := s.Tokens[k-2]
	return name.Kind == textproc.Word && name.Text != name.Lower
}

// maxAge is the oldest age a figure set off after a name can give.
const maxAge = 120

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// measures are units of length, mass, area and volume by the words news
// writes them with: the dimension and the size in the dimension's base
// unit (metres, kilograms, square metres, litres).
var measures = map[string]struct {
	dim  string
	size float64
}{
	"mm": {"m", 0.001}, "millimetres": {"m", 0.001}, "millimeters": {"m", 0.001},
	"cm": {"m", 0.01}, "centimetres": {"m", 0.01}, "centimeters": {"m", 0.01},
	"m": {"m", 1}, "metres": {"m", 1}, "meters": {"m", 1}, "metre": {"m", 1}, "meter": {"m", 1},
	"km": {"m", 1000}, "kilometres": {"m", 1000}, "kilometers": {"m", 1000}, "kilometre": {"m", 1000}, "kilometer": {"m", 1000},
	"in": {"m", 0.0254}, "inch": {"m", 0.0254}, "inches": {"m", 0.0254},
	"ft": {"m", 0.3048}, "foot": {"m", 0.3048}, "feet": {"m", 0.3048},
	"yd": {"m", 0.9144}, "yard": {"m", 0.9144}, "yards": {"m", 0.9144},
	"mi": {"m", 1609.344}, "mile": {"m", 1609.344}, "miles": {"m", 1609.344},
	"g": {"kg", 0.001}, "grams": {"kg", 0.001}, "kg": {"kg", 1}, "kilograms": {"kg", 1}, "kilos": {"kg", 1},
	"lb": {"kg", 0.45359237}, "lbs": {"kg", 0.45359237}, "oz": {"kg", 0.028349523}, "ounces": {"kg", 0.028349523},
	"t": {"kg", 1000}, "tonnes": {"kg", 1000}, "tonne": {"kg", 1000},
	"ha": {"m2", 1e4}, "hectares": {"m2", 1e4}, "acres": {"m2", 4046.8564}, "acre": {"m2", 4046.8564},
	"litres": {"l", 1}, "liters": {"l", 1}, "gallons": {"l", 3.785411784},
}

// measure returns the unit of length, mass, area or volume written right
// after figure n of s ("12 metres", "40ft", "3 km"), lowercased; "" when
// none. A qualified unit ("nautical miles", "square feet") is none: it is
// not the plain unit.
func measure(s *textproc.Sentence, n textproc.Number) string {
	rest := strings.ToLower(s.Text[n.End:])
	// "40ft": the unit may be glued to the figure or inside its text.
	if f := strings.Fields(strings.ToLower(n.Text)); len(f) > 1 {
		if _, ok := measures[strings.Trim(f[len(f)-1], ".,;")]; ok {
			return strings.Trim(f[len(f)-1], ".,;")
		}
	}
	w := firstField(rest)
	if rest != "" && rest[0] == ' ' || rest != "" && rest[0] >= 'a' && rest[0] <= 'z' {
		w = strings.Trim(w, ".,;:)")
	} else {
		return ""
	}
	if _, ok := measures[w]; ok {
		return w
	}
	return ""
}

// converted reports whether figures a of sa and b of sb state one
// measure in two units ("12 metres", "about 40ft"): the same dimension,
// other units, and values a tenth apart at most once converted.
func converted(sa *textproc.Sentence, a textproc.Number, sb *textproc.Sentence, b textproc.Number) bool {
	ua, ub := measure(sa, a), measure(sb, b)
	if ua == "" || ub == "" {
		return false
	}
	ma, mb := measures[ua], measures[ub]
	if ma.dim != mb.dim || ma.size == mb.size {
		return false
	}
	x, y := math.Abs(a.Value)*ma.size, math.Abs(b.Value)*mb.size
	return x > 0 && y > 0 && max(x, y)/min(x, y) <= 1.1+1e-9
}

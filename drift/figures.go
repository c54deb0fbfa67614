package drift

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/wiretrace/wiretrace/textproc"
)

// timeMarkers follow the hour of a clock time ("6 p.m.", "1635 GMT").
var timeMarkers = map[string]bool{"a.m": true, "p.m": true, "am": true, "pm": true,
	"gmt": true, "utc": true, "bst": true, "cet": true, "est": true, "edt": true, "cst": true,
	"cdt": true, "mst": true, "mdt": true, "pst": true, "pdt": true, "aest": true, "et": true}

// quantity reports whether figure n of s states a quantity the numbers
// check can compare on its own: not the hour or minute of a clock time
// ("4:17 p.m.", "1635 GMT"; clocks compares those as times), and not one
// term of a fraction or a ratio ("12/24", "3 1/2", "five and a half"),
// which it cannot read as one value.
func (c *checker) quantity(s *textproc.Sentence, n textproc.Number) bool {
	if n.Start < 0 || n.End > len(s.Text) || n.Start >= n.End {
		return false
	}
	for _, t := range c.clockTimes(s) {
		if n.Start < t.End && t.Start < n.End {
			return false
		}
	}
	before, after := s.Text[:n.Start], s.Text[n.End:]
	if r, _ := utf8.DecodeRuneInString(strings.TrimLeft(after, " ")); strings.ContainsRune("½¼¾⅓⅔⅛", r) {
		return false // "3 ½"
	}
	if f := firstField(after); after != "" && after[0] == ' ' && strings.Contains(f, "/") && strings.IndexFunc(f, unicode.IsDigit) == 0 {
		return false // "3 1/2": the whole part of a mixed number
	}
	if mixedFraction(before, after) {
		return false // the "1" and "2" of "3 1/2"
	}
	if n.Value < 1 && strings.HasSuffix(strings.ToLower(strings.TrimRight(before, " ")), "and a") {
		return false // "five and a half"
	}
	return true
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
	if c.clockCache == nil {
		c.clockCache = map[*textproc.Sentence][]clock{}
	}
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

// mixedFraction reports whether the figure between before and after is
// the numerator or the denominator of a fraction that follows a whole
// number ("3 1/2").
func mixedFraction(before, after string) bool {
	switch {
	case startsDigitAfter(after, "/"):
	case endsDigitBefore(before, "/"):
		before = strings.TrimRight(strings.TrimSuffix(before, "/"), "0123456789")
	default:
		return false
	}
	if !strings.HasSuffix(before, " ") {
		return false
	}
	before = strings.TrimRight(before, " ")
	return before != "" && before[len(before)-1] >= '0' && before[len(before)-1] <= '9'
}

// startsDigitAfter reports whether text starts with sep and a digit.
func startsDigitAfter(text, sep string) bool {
	return strings.HasPrefix(text, sep) && len(text) > len(sep) && text[len(sep)] >= '0' && text[len(sep)] <= '9'
}

// endsDigitBefore reports whether text ends with a digit and sep.
func endsDigitBefore(text, sep string) bool {
	if !strings.HasSuffix(text, sep) {
		return false
	}
	text = strings.TrimSuffix(text, sep)
	return text != "" && text[len(text)-1] >= '0' && text[len(text)-1] <= '9'
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
// of its unit ("three firefighters and four other people" → "seven people"):
// a rewrite that adds up what the source lists restates it.
func total(free []numAt, d *textproc.Sentence, n textproc.Number) bool {
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
// name ("Reyes, 18, ..."): an age is compared only with an age.
func isAge(s *textproc.Sentence, n textproc.Number) bool {
	if n.Unit != "" {
		return false
	}
	k := tokenAt(s, n.Start)
	if k < 2 || s.Tokens[k-1].Text != "," {
		return false
	}
	name := s.Tokens[k-2]
	return name.Kind == textproc.Word && name.Text != name.Lower
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

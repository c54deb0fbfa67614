package textproc

import (
	"strconv"
	"strings"
)

// spelledNumberShapes are the shapes of the spelled numbers.
var spelledNumberShapes = shapesOf(spelledNumbers)

// numbers finds quantities, skipping numerals that belong to a date.
// Currency comes from a symbol before ("$", "US$", "€") or a word after
// ("dollars", "yen"); a magnitude word multiplies ("billion", "bn"); a
// percent sign or word makes the unit "%". They are appended to out.
func numbers(out []Number, text string, toks []Token, ds []Date) []Number {
	inDate := func(t *Token) bool {
		for _, d := range ds {
			if t.Start >= d.Start && t.End <= d.End {
				return true
			}
		}
		return false
	}
	for k := 0; k < len(toks); k++ {
		t := &toks[k]
		var v float64
		switch {
		case t.Kind == Numeral && !inDate(t):
			f, err := strconv.ParseFloat(numeralText(t.Text), 64)
			if err != nil {
				continue
			}
			v = f
		case t.Kind == Word && spelledNumberShapes.may(t.Lower) && spelledNumbers[t.Lower] != 0:
			v = spelledNumbers[t.Lower]
		default:
			continue
		}
		first, last := k, k
		n := Number{Value: v}
		// Currency before: "$", "US$", "€", "R", "Rs".
		if k > 0 {
			if c := currencySymbols[toks[k-1].Text]; c != "" {
				n.Unit, first = c, k-1
				if k > 1 && (toks[k-2].Text == "US" || toks[k-2].Text == "U.S.") && toks[k-2].End == toks[k-1].Start {
					first = k - 2
				}
			} else if c := letterCurrency(&toks[k-1], t); c != "" {
				n.Unit, first = c, k-1
			}
		}
		j := k + 1
		// A magnitude joined by a hyphen: "R6.8-billion", "$2-million".
		if j+1 < len(toks) && toks[j].Text == "-" && toks[j].Start == t.End && toks[j+1].Start == toks[j].End && len(toks[j+1].Lower) > 2 && magnitudes[toks[j+1].Lower] != 0 {
			j++
		}
		// A spelled number before a numeral's magnitude: "2.5 billion".
		if j < len(toks) {
			if m, ok := magnitudes[toks[j].Lower]; ok && (len(toks[j].Lower) > 2 || n.Unit != "" || toks[j].Start == t.End) {
				// "m", "k", "bn" count only glued to the number or after currency.
				if len(toks[j].Lower) > 2 || toks[j].Start == t.End {
					n.Value *= m
					last, j = j, j+1
				}
			}
		}
		if j < len(toks) {
			w := toks[j].Lower
			switch {
			case toks[j].Text == "%" || w == "percent" || w == "pct" || w == "percentage":
				n.Unit, last = "%", j
				if w == "percentage" && j+1 < len(toks) && toks[j+1].Lower == "points" {
					n.Unit, last = "points", j+1
				}
			case w == "per" && j+1 < len(toks) && toks[j+1].Lower == "cent":
				n.Unit, last = "%", j+1
			case currencyWords[w] != "" && n.Unit == "":
				n.Unit, last = currencyWords[w], j
			case measureUnits[w] != "" && n.Unit == "":
				n.Unit, last = measureUnits[w], j
			}
		}
		n.Start, n.End = toks[first].Start, toks[last].End
		n.Text = text[n.Start:n.End]
		out = append(out, n)
		k = last
	}
	return out
}

// MaybeMetres reports a figure read in millions from a glued "m" with no
// currency ("the 62m spire", "a 10,000m runner"): it names metres as
// often as millions, so its value over a million may be the one meant.
func (n Number) MaybeMetres() bool {
	t := n.Text
	return n.Unit == "" && len(t) >= 2 && t[len(t)-1] == 'm' && t[len(t)-2] >= '0' && t[len(t)-2] <= '9'
}

// numeralText returns a numeral as strconv.ParseFloat reads it: without
// its thousands commas ("10,000"), a decimal comma as a point ("2,4",
// "12,75": one comma, one or two digits after it, as South African and
// continental European writers put a decimal).
func numeralText(s string) string {
	if i := strings.IndexByte(s, ','); i > 0 && strings.Count(s, ",") == 1 && !strings.Contains(s, ".") && len(s)-i-1 <= 2 {
		return s[:i] + "." + s[i+1:]
	}
	return strings.ReplaceAll(s, ",", "")
}

// spelledUnits are the units that follow a spelled multiple of ten
// ("twenty-one").
var spelledUnits = map[string]float64{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
	"six": 6, "seven": 7, "eight": 8, "nine": 9}

// SpelledCompound returns the value of a spelled number of tens and units
// joined by a hyphen ("twenty-nine", "forty-one"; lower case), as style
// guides write a number that opens a sentence; 0 when w is no such
// number. Numbers leaves them out (a figure that the relation's fitted
// models count); drift reads them as values a source states.
func SpelledCompound(w string) float64 {
	tens, unit, ok := strings.Cut(w, "-")
	if !ok {
		return 0
	}
	return SpelledTensUnits(tens, unit)
}

// SpelledMeasure returns the value and unit of a spelled count joined by
// a hyphen to a unit of measure ("three-day": 3, "days"; "five-year": 5,
// "years"; "ten-mile": 10, "mi"; "three-and-a-half-year": 3.5, "years";
// lower case), as such a measure is written
// before a noun; 0 and "" when w is no such word. Numbers leaves them out,
// as it does SpelledCompound's; drift reads them as values a source
// states.
func SpelledMeasure(w string) (float64, string) {
	count, unit, ok := strings.Cut(w, "-")
	if !ok || !spelledNumberShapes.may(count) {
		return 0, ""
	}
	v := spelledNumbers[count]
	if v == 0 {
		return 0, ""
	}
	// "three-and-a-half-year": three and a half years.
	if rest, ok := strings.CutPrefix(unit, "and-a-half-"); ok {
		v, unit = v+0.5, rest
	}
	u := measureUnits[unit]
	if u == "" {
		u = measureUnits[unit+"s"]
	}
	if u == "" || u == "%" {
		return 0, ""
	}
	return v, u
}

// SpelledTensUnits returns the value of the spelled multiple of ten tens
// followed by the spelled unit unit ("twenty", "nine": 29; lower case); 0
// when they are no such pair.
func SpelledTensUnits(tens, unit string) float64 {
	if !spelledNumberShapes.may(tens) {
		return 0
	}
	t := spelledNumbers[tens]
	if t < 20 || t > 90 || t != float64(int(t)/10*10) {
		return 0
	}
	if u := spelledUnits[unit]; u > 0 {
		return t + u
	}
	return 0
}

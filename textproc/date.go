package textproc

import (
	"strconv"
	"strings"
	"time"

	"github.com/wiretrace/wiretrace/article"
)

// dates appends to out the weekdays, day-month dates, months, years and
// relative days of a sentence.
func dates(out []Date, text string, toks []Token) []Date {
	for k := 0; k < len(toks); k++ {
		t := &toks[k]
		switch {
		case t.Kind == Word:
			w := t.Lower
			// Weekdays and months are capitalised: most words skip both
			// lookups.
			// Text stored lower-cased still names full weekdays and
			// full month names followed by a day ("march 18").
			if !capitalised(t) && !lowerDate(toks, k) {
				if rel := relativeAt(toks, k); rel > 0 {
					out = append(out, mkDate(text, toks, k, k+rel-1, Date{Kind: Relative}))
					k += rel - 1
				}
				continue
			}
			if wd, ok := weekday(w); ok && (len(w) > 4 || nextIs(toks, k, ".")) {
				end := k
				if len(w) <= 4 {
					end = k + 1
				}
				out = append(out, mkDate(text, toks, k, end, Date{Kind: Weekday, Weekday: wd}))
				continue
			}
			if m, ok := month(w); ok {
				j := k + 1
				if monthCut(w) && nextIs(toks, k, ".") {
					j++
				}
				d := Date{Kind: Month, Month: m}
				if day, ok := dayAt(toks, j); ok {
					d.Kind, d.Day = DayMonth, day
					j++
					if j+1 < len(toks) && toks[j].Text == "," {
						if y, ok := yearAt(toks, j+1); ok {
							d.Year = y
							j += 2
						}
					}
				} else if y, ok := yearAt(toks, j); ok {
					d.Year = y
					j++
				} else if m == 5 || m == 3 || len(w) <= 4 {
					// "May" and "March" are words too, "June" a name;
					// abbreviations without a day are too ambiguous. A
					// day before the month ("31 March", "1 May") or a
					// word that places it in time ("from June") makes it
					// a date.
					_, dayBefore := dayAt(toks, k-1)
					if !dayBefore && !(k > 0 && monthLeads[toks[k-1].Lower]) {
						continue
					}
				}
				// "5 January": a day before the month.
				if d.Day == 0 && k > 0 {
					if day, ok := dayAt(toks, k-1); ok && (len(out) == 0 || out[len(out)-1].End <= toks[k-1].Start) {
						d.Kind, d.Day = DayMonth, day
						out = append(out, mkDate(text, toks, k-1, j-1, d))
						k = j - 1
						continue
					}
				}
				out = append(out, mkDate(text, toks, k, j-1, d))
				k = j - 1
				continue
			}
			if rel := relativeAt(toks, k); rel > 0 {
				out = append(out, mkDate(text, toks, k, k+rel-1, Date{Kind: Relative}))
				k += rel - 1
			}
		case t.Kind == Numeral:
			if y, ok := yearAt(toks, k); ok && !(k > 0 && currencySymbols[toks[k-1].Text] != "") && !(k+1 < len(toks) && magnitudes[toks[k+1].Lower] != 0) {
				kind := Year
				if decade(toks, k) {
					kind = Decade
				}
				out = append(out, mkDate(text, toks, k, k, Date{Kind: kind, Year: y}))
			}
		}
	}
	return out
}

// monthCut reports whether w, a key of months, is a month's name cut
// short ("sept", "jun"), not its whole name ("june", "may").
func monthCut(w string) bool {
	return len(w) <= 4 && w != "may" && w != "june" && w != "july"
}

// monthLeads are the words that place a month in time before it ("in
// May", "from June", "by March").
var monthLeads = setOf("in", "since", "until", "till", "early", "late", "from", "by", "before", "after", "through", "mid")

func mkDate(text string, toks []Token, first, last int, d Date) Date {
	d.Start, d.End = toks[first].Start, toks[last].End
	d.Text = text[d.Start:d.End]
	return d
}

func nextIs(toks []Token, k int, s string) bool { return k+1 < len(toks) && toks[k+1].Text == s }

// dayAt reads a day of the month at token k ("5", "5th").
func dayAt(toks []Token, k int) (int, bool) {
	if k < 0 || k >= len(toks) || toks[k].Kind != Numeral || len(toks[k].Text) > 2 {
		return 0, false
	}
	d, err := strconv.Atoi(toks[k].Text)
	if err != nil || d < 1 || d > 31 {
		return 0, false
	}
	return d, true
}

// decade reports whether the year at token k names a decade ("the early
// 2000s"): an "s" written against it.
func decade(toks []Token, k int) bool {
	return k+1 < len(toks) && toks[k+1].Start == toks[k].End && toks[k+1].Lower == "s"
}

// yearAt reads a four-digit year from 1800 to 2199 at token k.
func yearAt(toks []Token, k int) (int, bool) {
	if k >= len(toks) || toks[k].Kind != Numeral || len(toks[k].Text) != 4 {
		return 0, false
	}
	y, err := strconv.Atoi(toks[k].Text)
	if err != nil || y < 1800 || y > 2199 {
		return 0, false
	}
	return y, true
}

// relativeAt matches "today", "yesterday", "tomorrow", "tonight", and
// "last/next/this week|month|year|weekend"; it returns the token count.
func relativeAt(toks []Token, k int) int {
	switch toks[k].Lower {
	case "today", "yesterday", "tomorrow", "tonight":
		return 1
	case "last", "next", "this", "earlier", "later":
		if k+1 < len(toks) && strings.Contains("|week|month|year|weekend|summer|winter|spring|autumn|fall|", "|"+toks[k+1].Lower+"|") {
			return 2
		}
	}
	return 0
}

// dayOffsets are the relative words that name one day, as days after
// the day of writing.
var dayOffsets = map[string]int{"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}

// publishedDays returns the days d names relative to a's publication
// time, read in its own time zone (the writer's day): a relative word
// (dayOffsets) names one day, given as its weekday and its day, month and
// year; a weekday alone names, as news reports write, the nearest day of
// that name before or after the publication (within six days; the day
// itself when it is that day), given as those days' dates ("on Thursday"
// in a report published on Tuesday 12 May is 7 or 14 May). The time is
// read only for a text that names such a day.
func publishedDays(d *Doc, a *article.Article) []Date {
	var named [3]bool
	var weekdays [8]bool
	some := false
	for i := range d.Sentences {
		for _, x := range d.Sentences[i].Dates {
			if off, ok := dayOffsets[strings.ToLower(x.Text)]; ok && x.Kind == Relative {
				named[off+1], some = true, true
			}
			if x.Kind == Weekday {
				weekdays[x.Weekday], some = true, true
			}
		}
	}
	if !some {
		return nil
	}
	t, ok := a.PublishedTime()
	if !ok {
		return nil
	}
	dated := func(day time.Time) Date {
		return Date{Text: day.Format("2 January 2006"), Kind: DayMonth, Month: int(day.Month()), Day: day.Day(), Year: day.Year()}
	}
	var out []Date
	for off := -1; off <= 1; off++ {
		if !named[off+1] {
			continue
		}
		day := t.AddDate(0, 0, off)
		out = append(out, Date{Text: day.Weekday().String(), Kind: Weekday, Weekday: isoWeekday(day)}, dated(day))
	}
	for off := -6; off <= 6; off++ {
		day := t.AddDate(0, 0, off)
		if weekdays[isoWeekday(day)] && (off == 0 || isoWeekday(t) != isoWeekday(day)) {
			out = append(out, dated(day))
		}
	}
	return out
}

// isoWeekday is t's weekday numbered as Date.Weekday: 1 (Monday) to 7
// (Sunday).
func isoWeekday(t time.Time) int {
	if wd := int(t.Weekday()); wd != 0 {
		return wd
	}
	return 7
}

// lowerDate reports a lower-case word at k that names a date all the same:
// a full weekday name, or a full month name (not "may" or "march", which
// are words too) followed by a day.
func lowerDate(toks []Token, k int) bool {
	w := toks[k].Lower
	// Both need a full name of five to nine letters: most words are
	// turned away without a lookup.
	if len(w) < 5 || len(w) > len("wednesday") {
		return false
	}
	if _, ok := weekday(w); ok && len(w) > 5 {
		return true
	}
	m, ok := month(w)
	if !ok || len(w) <= 4 || m == 5 || m == 3 {
		return false
	}
	_, day := dayAt(toks, k+1)
	return day
}

// weekday returns weekdays[w] and whether w is a key, turning most words
// away by their shape without a lookup; month does so for months.
func weekday(w string) (int, bool) {
	if !weekdayShapes.may(w) {
		return 0, false
	}
	d, ok := weekdays[w]
	return d, ok
}

func month(w string) (int, bool) {
	if !monthShapes.may(w) {
		return 0, false
	}
	m, ok := months[w]
	return m, ok
}

var weekdayShapes, monthShapes = shapesOf(weekdays), shapesOf(months)

package extract

import (
	"cmp"
	"maps"
	"regexp"
	"slices"
	"strings"
	"time"
)

// dateLayouts are the timestamp forms found in page metadata, tried in
// order. Zone-less forms are kept zone-less in the output.
var dateLayouts = []struct {
	layout string
	zone   bool // the layout carries a zone
	clock  bool // the layout carries a time of day
}{
	{time.RFC3339Nano, true, true},
	{"2006-01-02T15:04:05Z0700", true, true},
	{"2006-01-02T15:04:05.999999999Z0700", true, true},
	{"2006-01-02T15:04Z07:00", true, true},
	{"2006-01-02T15:04:05", false, true},
	{"2006-01-02T15:04:05.999999999", false, true},
	{"2006-01-02T15:04", false, true},
	{"2006-01-02 15:04:05Z07:00", true, true},
	{"2006-01-02 15:04:05 -0700", true, true},
	{"2006-01-02 15:04:05 -07:00", true, true},
	{"2006-01-02 15:04:05 MST", true, true},
	{"2006-01-02 15:04:05", false, true},
	{"2006-01-02 15:04", false, true},
	{time.RFC1123Z, true, true},
	{time.RFC1123, true, true},
	{"Mon, 2 Jan 2006 15:04:05 -0700", true, true},
	{"Mon, 2 Jan 2006 15:04:05 MST", true, true},
	{time.RFC850, true, true},
	{time.ANSIC, false, true},
	{"2006-01-02", false, false},
	{"2006/01/02", false, false},
	{"20060102", false, false},
}

// normalizeDate turns a metadata timestamp into ISO 8601: RFC 3339 when it
// has a time of day and zone, "YYYY-MM-DDTHH:MM:SS" with a time but no
// zone, "YYYY-MM-DD" for a day. It reports false for anything it cannot
// read or a year outside 1990–2100 (placeholder dates like 0001-01-01).
func normalizeDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return "", false
	}
	for _, l := range dateLayouts {
		t, err := time.Parse(l.layout, s)
		if err != nil {
			continue
		}
		if t.Year() < 1990 || t.Year() > 2100 {
			return "", false
		}
		switch {
		case l.zone && l.clock:
			return t.Format(time.RFC3339), true
		case l.clock:
			return t.Format("2006-01-02T15:04:05"), true
		default:
			return t.Format("2006-01-02"), true
		}
	}
	return textDate(s)
}

var months = map[string]time.Month{
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
	"jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}

const monthRE = `(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)`

// foreignMonths are the names of the months in the languages of the
// European and Latin American press, with the genitive forms Slavic
// languages write a date with ("5 marca 2024", "5 марта 2024"), lower-cased.
var foreignMonths = func() map[string]time.Month {
	m := map[string]time.Month{}
	for _, names := range [][12]string{
		{"januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember"},                 // de
		{"jänner", "feber", "maerz", "", "", "", "", "", "", "", "", ""},                                                                        // de (Austria), ASCII
		{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},               // fr
		{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"},           // es
		{"", "", "", "", "", "", "", "", "setiembre", "", "", ""},                                                                               // es (Peru, Uruguay)
		{"janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"},           // pt
		{"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"},      // it
		{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"},            // nl
		{"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"},              // sv
		{"januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"},                // da
		{"januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"},                 // no
		{"stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września", "października", "listopada", "grudnia"}, // pl
		{"ledna", "února", "března", "dubna", "května", "června", "července", "srpna", "září", "října", "listopadu", "prosince"},                // cs
		{"ianuarie", "februarie", "martie", "aprilie", "mai", "iunie", "iulie", "august", "septembrie", "octombrie", "noiembrie", "decembrie"},  // ro
		{"ocak", "şubat", "mart", "nisan", "mayıs", "haziran", "temmuz", "ağustos", "eylül", "ekim", "kasım", "aralık"},                         // tr
		{"januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober", "november", "desember"},             // id
		{"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"},                  // ru
		{"січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня", "жовтня", "листопада", "грудня"},             // uk
	} {
		for i, n := range names {
			if n != "" {
				m[n] = time.Month(i + 1)
			}
		}
	}
	return m
}()

// foreignMonthRE matches one of foreignMonths, the longest first.
var foreignMonthRE = func() string {
	names := slices.Collect(maps.Keys(foreignMonths))
	slices.SortFunc(names, func(a, b string) int { return cmp.Or(len(b)-len(a), strings.Compare(a, b)) })
	return "(" + strings.Join(names, "|") + ")"
}()

var (
	// "5. März 2024", "5 de marzo de 2024", "1er avril 2024", "5 марта
	// 2024 г.": the day first, as every language but English writes it.
	foreignDate = regexp.MustCompile(`(?i)(?:^|[^\p{L}\d])(\d{1,2})(?:\.|º|°|er|-?го)?\s+(?:de\s+)?` + foreignMonthRE + `\.?,?\s+(?:de\s+|del\s+)?((?:19|20)\d\d)(?:[^\d]|$)`)
	// "2024年3月5日" (Chinese, Japanese), "2024년 3월 5일" (Korean).
	cjkDate = regexp.MustCompile(`((?:19|20)\d\d)\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]`)
	// "January 28, 2025", "Jan. 28 2025"
	mdyDate = regexp.MustCompile(`(?i)\b` + monthRE + `\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b`)
	// "28 January 2025", "28 Jan, 2025"
	dmyDate = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+` + monthRE + `\.?,?\s+((?:19|20)\d\d)\b`)
	// "2025-01-28", "2025.01.28", "2025/1/28": year first, one separator;
	// also the day of an ISO 8601 timestamp written out ("2025-01-28T08:10")
	isoDate = regexp.MustCompile(`\b((?:19|20)\d\d)([-./])(\d{1,2})([-./])(\d{1,2})(?:\b|T\d)`)
)

// textDate finds the first date written in s and returns it as
// YYYY-MM-DD.
func textDate(s string) (string, bool) {
	d, _, ok := textDateAt(s)
	return d, ok
}

// updateLabel matches the words that introduce a page's update date
// ("Updated", "Last updated on", "Modified", "Revised", "Reviewed"), and
// the update in French, Spanish, Portuguese, Italian, German and Dutch
// ("mis à jour", "actualizado", "atualizado", "aggiornato", "aktualisiert",
// "bijgewerkt").
var updateLabel = regexp.MustCompile(`(?i)\b(?:updated|modified|revised|reviewed|mis à jour|actualizad[oa]|atualizad[oa]|aggiornat[oa]|aktualisiert|bijgewerkt)\b`)

// updateWords are a part of each of updateLabel's words without a k or an
// s (which case folding may match with other letters, as Kelvin's sign):
// updatedDate looks for them, a byte scan, before the expression.
var updateWords = newFoldWords("updat", "modif", "revi", "jour", "tuali", "aggiorn", "bijgewer")

// hasYear reports whether s holds four digits starting 19 or 20, as every
// date textDate reads does.
func hasYear(s string) bool {
	for i := 0; i+3 < len(s); i++ {
		if yearAt(s, i) {
			return true
		}
	}
	return false
}

// yearAt reports whether s holds four digits starting 19 or 20 at i.
func yearAt(s string, i int) bool {
	return i+3 < len(s) && (s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') &&
		'0' <= s[i+2] && s[i+2] <= '9' && '0' <= s[i+3] && s[i+3] <= '9'
}

// yearShapes reports whether s has a year (hasYear), whether one follows
// a space, as in every date written with its month's name (mdyDate,
// dmyDate, foreignDate), and whether one comes before a separator, as in
// a numeric date (isoDate).
func yearShapes(s string) (year, spaced, joined bool) {
	for i := 0; i+3 < len(s); i++ {
		if !yearAt(s, i) {
			continue
		}
		year = true
		if i > 0 {
			switch s[i-1] {
			case ' ', '\t', '\n', '\f', '\r':
				spaced = true
			}
		}
		if i+4 < len(s) {
			switch s[i+4] {
			case '-', '.', '/':
				joined = true
			}
		}
	}
	return year, spaced, joined
}

// updatedDate reports whether the first date written in s is labelled as
// an update: one of the updateLabel words comes before it.
func updatedDate(s string) bool {
	if !hasYear(s) || !updateWords.in(s) || !updateLabel.MatchString(s) {
		return false // byte scans, then one expression, rather than the dates' four
	}
	_, at, ok := textDateAt(s)
	return ok && updateLabel.MatchString(s[:at])
}

// textDateAt is textDate that also gives where in s the date starts.
func textDateAt(s string) (string, int, bool) {
	// Every form has a year; the written-out ones need a space before
	// it, the numeric one a separator after it: a byte scan spares the
	// expressions most text with figures in it (prices, counts, a
	// copyright line's year).
	year, spaced, joined := yearShapes(s)
	if !year {
		return "", 0, false
	}
	type hit struct {
		at      int
		y, m, d string
	}
	var best *hit
	consider := func(h hit) {
		if best == nil || h.at < best.at {
			best = &h
		}
	}
	if spaced {
		if m := mdyDate.FindStringSubmatchIndex(s); m != nil {
			consider(hit{m[0], s[m[6]:m[7]], s[m[2]:m[3]], s[m[4]:m[5]]})
		}
		if m := dmyDate.FindStringSubmatchIndex(s); m != nil {
			consider(hit{m[0], s[m[6]:m[7]], s[m[4]:m[5]], s[m[2]:m[3]]})
		}
	}
	if joined {
		if m := isoDate.FindStringSubmatchIndex(s); m != nil && s[m[4]:m[5]] == s[m[8]:m[9]] {
			consider(hit{m[0], s[m[2]:m[3]], s[m[6]:m[7]], s[m[10]:m[11]]})
		}
	}
	if spaced {
		if m := foreignDate.FindStringSubmatchIndex(s); m != nil {
			consider(hit{m[2], s[m[6]:m[7]], s[m[4]:m[5]], s[m[2]:m[3]]})
		}
	}
	// The CJK form needs its year mark, which a plain search finds far
	// faster than the expression fails over a page of other text.
	if strings.Contains(s, "年") || strings.Contains(s, "년") {
		if m := cjkDate.FindStringSubmatchIndex(s); m != nil {
			consider(hit{m[0], s[m[2]:m[3]], s[m[4]:m[5]], s[m[6]:m[7]]})
		}
	}
	if best == nil {
		return "", 0, false
	}
	y, _ := atoi(best.y)
	d, _ := atoi(best.d)
	var mon time.Month
	if n, ok := atoi(best.m); ok {
		mon = time.Month(n)
	} else if f, ok := foreignMonths[strings.ToLower(best.m)]; ok {
		mon = f
	} else {
		mon = months[strings.ToLower(best.m[:3])]
	}
	if mon < 1 || mon > 12 || d < 1 || d > 31 || y < 1990 || y > 2100 {
		return "", 0, false
	}
	t := time.Date(y, mon, d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return "", 0, false // 31 February
	}
	return t.Format("2006-01-02"), best.at, true
}

// urlDateRE matches a date in a URL path: /2025/01/28/, /2025-01-28-,
// /20250128/.
var urlDateRE = regexp.MustCompile(`/((?:19|20)\d\d)[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:[^0-9]|$)`)

// urlDate returns the date written in a URL's path as YYYY-MM-DD. News
// sites put the publication day there; it is the fallback when the page
// declares no date.
func urlDate(u string) (string, bool) {
	m := urlDateRE.FindStringSubmatch(u)
	if m == nil {
		return "", false
	}
	return normalizeDate(m[1] + "-" + m[2] + "-" + m[3])
}

// numericRE matches a numeric date with the year last: "23.07.2025",
// "10/31/2024", "2/24/2026".
var numericRE = regexp.MustCompile(`(?:^|[^0-9./])(\d{1,2})([./])(\d{1,2})[./]((?:19|20)\d\d)(?:[^0-9]|$)`)

// numericDate reads the first numeric date in s as YYYY-MM-DD. Dotted
// dates are day first (the European form); slashed ones are month first
// in American English pages and day first elsewhere, unless one of the
// numbers is over 12 and so can only be the day.
func numericDate(s, lang string) (string, bool) {
	m := numericRE.FindStringSubmatch(s)
	if m == nil {
		return "", false
	}
	a, _ := atoi(m[1])
	b, _ := atoi(m[3])
	y, _ := atoi(m[4])
	day, mon := a, b
	switch {
	case a > 12:
	case b > 12:
		day, mon = b, a
	case m[2] == "/" && (lang == "" || strings.EqualFold(lang, "en-us") || strings.EqualFold(lang, "en")):
		day, mon = b, a
	}
	if mon < 1 || mon > 12 || day < 1 || day > 31 {
		return "", false
	}
	t := time.Date(y, time.Month(mon), day, 0, 0, 0, 0, time.UTC)
	if t.Day() != day {
		return "", false
	}
	return t.Format("2006-01-02"), true
}

// timeDay returns the day number (days since 1970) of a normalised date.
func timeDay(d string) (float64, error) {
	t, err := time.Parse("2006-01-02", d[:10])
	if err != nil {
		return 0, err
	}
	return float64(t.Unix() / 86400), nil
}

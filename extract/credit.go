package extract

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// agencies maps the ways a news agency or syndicate is written to the name
// this package reports. The list is the agencies whose copy other outlets
// republish (wire services), not the outlets themselves.
var agencies = []agency{
	// Longest forms first: "Thomson Reuters" before "Reuters".
	newAgency(`\bThomson Reuters\b`, "Thomson Reuters"),
	newAgency(`\bReuters\b`, "Reuters"),
	newAgency(`\bAssociated Press\b|\(AP\)|\bAP\b`, "AP"),
	newAgency(`\bAgence France[- ]Presse\b|\bAFP\b`, "AFP"),
	newAgency(`\bBloomberg(?: News)?\b`, "Bloomberg"),
	newAgency(`\b(?:dpa|DPA|Deutsche Presse-Agentur)\b`, "dpa"),
	newAgency(`\bKyodo(?: News)?\b`, "Kyodo"),
	newAgency(`\bJiji(?: Press)?\b`, "Jiji Press"),
	newAgency(`\bXinhua\b`, "Xinhua"),
	newAgency(`\bYonhap\b`, "Yonhap"),
	newAgency(`\bAgencia EFE\b|\bEFE\b`, "EFE"),
	newAgency(`\bANSA\b`, "ANSA"),
	newAgency(`\bUnited Press International\b|\bUPI\b`, "UPI"),
	newAgency(`\bTASS\b`, "TASS"),
	newAgency(`\bInterfax\b`, "Interfax"),
	newAgency(`\bPress Trust of India\b|\bPTI\b`, "PTI"),
	newAgency(`\bIANS\b`, "IANS"),
	newAgency(`\bAustralian Associated Press\b|\bAAP\b`, "AAP"),
	newAgency(`\bThe Canadian Press\b`, "The Canadian Press"),
	newAgency(`\bPA Media\b|\bPress Association\b`, "PA Media"),
	newAgency(`\bAnadolu(?: Agency)?\b`, "Anadolu"),
	newAgency(`\bBernama\b`, "Bernama"),
	newAgency(`\bANI\b`, "ANI"),
}

// agency is one way of writing a news agency: the expression of its
// forms, the name reported, and words one of which every match holds
// (requiredWords), looked for before the expression runs: most text names
// no agency, and a plain search fails faster than the expression.
type agency struct {
	pattern *regexp.Regexp
	name    string
	words   []string
}

func newAgency(expr, name string) agency {
	return agency{pattern: regexp.MustCompile(expr), name: name, words: requiredWords(expr)}
}

// mayMatch reports whether s holds one of a's words: whether a.pattern
// can match s at all (always true when a has none).
func (a *agency) mayMatch(s string) bool {
	if a.words == nil {
		return true
	}
	for _, w := range a.words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// requiredWords returns words one of which every match of the expression
// expr holds, nil when it cannot tell: a literal, one of each branch of
// an alternation, the best of a sequence's parts.
func requiredWords(expr string) []string {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil
	}
	return wordsOf(re.Simplify())
}

func wordsOf(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return nil
		}
		return []string{string(re.Rune)}
	case syntax.OpCapture, syntax.OpPlus:
		return wordsOf(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return wordsOf(re.Sub[0])
		}
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			w := wordsOf(sub)
			if w == nil {
				return nil
			}
			out = append(out, w...)
		}
		return out
	case syntax.OpConcat:
		// The part whose shortest word is longest: the rarest to find.
		var best []string
		for _, sub := range re.Sub {
			if w := wordsOf(sub); w != nil && (best == nil || shortest(w) > shortest(best)) {
				best = w
			}
		}
		return best
	}
	return nil
}

// shortest is the length of the shortest of words.
func shortest(words []string) int {
	n := -1
	for _, w := range words {
		if n < 0 || len(w) < n {
			n = len(w)
		}
	}
	return n
}

// agencyIn returns the first agency named in s, or "".
func agencyIn(s string) string {
	for i := range agencies {
		if a := &agencies[i]; a.mayMatch(s) && a.pattern.MatchString(s) {
			return a.name
		}
	}
	return ""
}

// copyrightLine matches a credit or copyright notice: "© Thomson Reuters
// 2019.", "Copyright 2025 The Associated Press. All rights reserved.",
// "(c) AFP". "Copyright" and "(c)" count only before a year or a name, so
// that "Copyright lawyers said ..." and a list item "(c) the council
// shall ..." stay text.
var copyrightLine = regexp.MustCompile(`^\s*(?:©|\((?i:c)\)\s*(?:(?:19|20)\d\d|\p{Lu})|(?i:copyright)\s*(?:©|\((?i:c)\)|(?:19|20)\d\d))`)

// isCopyright reports a copyright notice line: it starts with one and
// stays short (a sentence that merely mentions copyright is longer).
func isCopyright(s string) bool {
	if len(s) >= 200 {
		return false
	}
	t := strings.TrimSpace(s)
	if !strings.HasPrefix(t, "©") && !strings.HasPrefix(t, "(") && (len(t) < 9 || !strings.EqualFold(t[:9], "copyright")) {
		return false
	}
	return copyrightLine.MatchString(t)
}

// creditFromNotice returns the credit named by a copyright notice, when
// it names an agency.
func creditFromNotice(s string) string {
	if !isCopyright(s) {
		return ""
	}
	return agencyIn(s)
}

// datelineRE matches the dateline that opens a wire story: a place in
// capitals, an optional region and date, an optional agency in
// parentheses, then a dash or colon. "WASHINGTON (Reuters) - ",
// "TOKYO, Jan 28 (Reuters) - ", "BERLIN — ", "PARIS (AFP) - ".
var datelineRE = regexp.MustCompile(`^((?:[A-Z][A-Z.'’\-]+)(?:\s+[A-Z][A-Z.'’\-]+){0,3})` +
	`(?:,\s*[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+){0,2})?` +
	`(?:,?\s+` + monthRE + `\.?\s+\d{1,2}(?:,\s*\d{4})?)?` +
	`\s*(?:\(([^()]{1,40})\))?` +
	`\s*(?:-{1,2}|—|–|:)\s+\S`)

// casedDatelineRE matches the dateline of a wire story whose place is
// written in ordinary case, which only the agency in parentheses tells from
// a sentence's opening words: "Washington (AP) — ", "Madrid, 4 mar
// (EFE).- ", "Hamburg (dpa) - ", "Nairobi, March 3 (AFP) – ".
// Some wires send it with no dash after the agency, the story's first
// word following it ("New Delhi, Mar 4 (PTI) The ..."; the dash group is
// then empty): only an agency a list knows makes that a dateline.
var casedDatelineRE = regexp.MustCompile(`^(\p{Lu}[\p{L}.'’\-/]+(?:\s+\p{Lu}[\p{L}.'’\-/]+){0,2})` +
	`(?:,\s*\p{Lu}[\p{L}.]+(?:\s+\p{Lu}[\p{L}.]+){0,2})?` +
	`(?:,?\s+(?i:` + monthRE + `\.?\s+\d{1,2}|\d{1,2}\.?\s+(?:de\s+)?(?:` + monthRE + `|` + foreignMonthRE + `)\.?)(?:,?\s*(?:de\s+)?\d{4})?)?` +
	`\s*\((?P<agency>[^()]{1,40})\)` +
	`(?:\s*\.?\s*(?P<dash>-{1,2}|—|–|:)\s*\S|\s+\p{Lu})`)

// releaseDatelineRE matches the dateline of a press release as its
// distribution service sends it: "BOSTON, March 4, 2026 /PRNewswire/ --",
// "Austin, Texas, Jan. 5, 2026 /Business Wire/ —": the service, between
// slashes, is the credit.
var releaseDatelineRE = regexp.MustCompile(`^(\p{Lu}[\p{L}.'’\-]+(?:\s+\p{Lu}[\p{L}.'’\-]+){0,3})` +
	`(?:,\s*\p{Lu}[\p{L}.]+(?:\s+\p{Lu}[\p{L}.]+){0,2})?` +
	`,?\s+(?i:` + monthRE + `)\.?\s+\d{1,2},?\s+\d{4}` +
	`\s*/\s*(\p{Lu}[\p{L} -]{2,30}?)\s*/\s*(?:-{1,2}|—|–)\s*\S`)

// The indexes of casedDatelineRE's and agencyLeadRE's named groups.
var (
	casedAgency = casedDatelineRE.SubexpIndex("agency")
	casedDash   = casedDatelineRE.SubexpIndex("dash")
	leadAgency  = agencyLeadRE.SubexpIndex("agency")
)

// agencyLeadRE matches a story opened by its agency with no place, or
// with the day alone: "(Reuters) - ", "(CNN) — ", "March 4 (Reuters) - ".
var agencyLeadRE = regexp.MustCompile(`^(?:(?i:` + monthRE + `)\.?\s+\d{1,2}\s*)?\((?P<agency>[^()]{1,40})\)\s*\.?\s*(?:-{1,2}|—|–|:)\s*\S`)

// notPlace lists capitalised words that open paragraphs the way a
// dateline does ("UPDATE: ...", "DEAR ABBY: ...") but name no place.
var notPlace = map[string]bool{
	"UPDATE": true, "UPDATED": true, "BREAKING": true, "EXCLUSIVE": true, "WATCH": true,
	"VIDEO": true, "PHOTOS": true, "PHOTO": true, "LISTEN": true, "ANALYSIS": true,
	"OPINION": true, "EDITOR'S": true, "EDITORS": true, "CORRECTION": true, "DEAR": true,
	"NOTE": true, "READ": true, "ALSO": true, "RELATED": true, "ADVERTISEMENT": true,
	"SPONSORED": true, "LIVE": true, "FACT": true, "CLAIM": true, "VERDICT": true,
	"Q": true, "A": true, "FAQ": true, "TL;DR": true, "WARNING": true, "SPOILER": true,
	"NEWS": true, "TOP": true, "LATEST": true, "MORE": true, "SHARE": true, "MENU": true,
	"HOME": true, "SEARCH": true, "SUBSCRIBE": true, "LOGIN": true, "FOLLOW": true,
}

// leadDateline reads the dateline and the agency credited in an opening
// paragraph. Either may be empty.
func leadDateline(p string) (place, agency string) {
	m := datelineRE.FindStringSubmatch(p)
	if m == nil {
		if r := releaseDatelineRE.FindStringSubmatch(p); r != nil {
			return r[1], r[len(r)-1]
		}
		if r := agencyLeadRE.FindStringSubmatch(p); r != nil {
			// The agency alone opens the story: no place to give.
			ag := r[leadAgency]
			if a := agencyIn("(" + ag + ")"); a != "" {
				return "", a
			}
			// An outlet no list knows: its call letters ("(CNN)",
			// "(WKTX)") or a name a news organisation's word ends
			// ("(Meridian Press)"); "(Officials) - ..." is no credit.
			ag = strings.TrimSpace(ag)
			if f := strings.Fields(ag); outletName(ag) && (strings.ToUpper(ag) == ag && len(ag) >= 2 || newsOrgWords[strings.ToLower(f[len(f)-1])]) {
				return "", ag
			}
			return "", ""
		}
		m = casedDatelineRE.FindStringSubmatch(p)
		if m == nil {
			return "", ""
		}
		ag := m[casedAgency]
		if m[casedDash] == "" {
			// No dash: a known agency, or no dateline.
			if a := agencyIn("(" + ag + ")"); a != "" {
				return m[1], a
			}
			return "", ""
		}
		// Only an agency or outlet in the parentheses makes a dateline
		// of ordinary words: "Officials (police and fire) - ..." does not, nor
		// an outlet-like name after a sentence's opening ("The Mayor
		// (Labour) - ...").
		first, _, _ := strings.Cut(m[1], " ")
		if agencyIn("("+ag+")") == "" && agencyIn(ag) == "" && (!outletName(ag) || stopIndex[strings.ToLower(first)] != nil) {
			return "", ""
		}
		m = []string{m[0], m[1], "", ag}
	}
	place = strings.TrimRight(m[1], ".,:-–—")
	// A dateline place has letters enough to be a name: "AP —" or
	// "US:" open sentences, not datelines.
	if len([]rune(strings.ReplaceAll(place, ".", ""))) < 3 {
		return "", ""
	}
	first, _, _ := strings.Cut(place, " ")
	if notPlace[first] {
		return "", ""
	}
	if m[3] != "" {
		agency = agencyIn("(" + m[3] + ")")
		if agency == "" {
			agency = agencyIn(m[3])
		}
		if agency == "" && outletName(m[3]) {
			// "PLACE (Outlet) -" credits the outlet whether or not it
			// is an agency we know: nothing else sits in that slot.
			agency = strings.TrimSpace(m[3])
		}
	}
	return place, agency
}

// outletName reports whether s reads as an outlet's name: one to four
// words, each capitalised, no digits ("Meridian Press", "AFP").
func outletName(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 4 {
		return false
	}
	for _, w := range words {
		r := []rune(w)
		if !unicode.IsUpper(r[0]) || strings.ContainsAny(w, "0123456789") {
			return false
		}
	}
	return true
}

// orgName reports whether name reads as an organisation's (outletName) of
// two words or more, the last one of ends ("Meridian Press", "Kestrel
// News Service"): what tells an outlet no list knows from a person, a
// role or a data source.
func orgName(name string, ends map[string]bool) bool {
	f := strings.Fields(name)
	return len(f) >= 2 && outletName(name) && ends[strings.ToLower(f[len(f)-1])]
}

// tailCredit matches the agency sign-off closing a story: "— AP",
// "-- AFP", "(Reporting by ...; Editing by ...)", "Source: Reuters".
var tailCredit = regexp.MustCompile(`^(?:[-—–]{1,2}\s*(.{2,40})|\(?\s*(?:Reporting|Writing) by .{2,300}|(?:Source|Sources|Credit|With (?:input|files) from|Distributed by|Provided by)\s*:?\s+(.{2,60}))$`)

// republished matches the note a syndicated story ends with, naming where
// it came from: "This article was originally published by Futurism.",
// "This article is republished from The Conversation under a Creative
// Commons license.", "This story was produced by ProPublica." Notes that
// name where it went ("This article was reprinted on Wired.com") do not
// match.
var republished = regexp.MustCompile(`(?i)^(?:this (?:article|story|post|piece|report) )?(?:was |is |has been )?(?:(?:originally|first) (?:published|appeared|posted) (?:by|in|on|at)|(?:republished|reprinted|adapted|syndicated)(?: with permission)? (?:from|by)|(?:produced|reported) (?:by|in partnership with))\s+(?-i:the\s+)?((?-i:\p{Lu})[^.,;:()]{1,50}?)(?:\s+(?:under|with|and|on|in)\b|[.,;:(]|$)`)

// contributed matches the lines that say an agency or outlet contributed
// to a story: "The Associated Press contributed to this report.",
// "Contributing: Reuters", "Information from Reuters was used in this
// report.", "Additional reporting by Meridian Press", "This story includes
// reporting from Reuters."
var contributed = regexp.MustCompile(`(?i)^(?:(.{2,60}?) contributed (?:to this (?:report|story|article)|reporting)|contributing:\s*(.{2,60})|(?:information|material|reporting) from (.{2,60}?) (?:was|were) used in this (?:report|story|article)|(?:with )?additional reporting (?:by|from) (.{2,60})|(?:editor'?s note:\s*)?this (?:story|report|article) includes reporting (?:by|from) (.{2,60}))\.?$`)

// tweetSignature matches the signature of an embedded social media post:
// a name, the account's "(@handle)", a date.
var tweetSignature = regexp.MustCompile(`\(@\w+\)`)

// endSignOff matches an agency's name set after a dash at the end of a
// paragraph's last sentence: "... in November. — AFP".
var endSignOff = regexp.MustCompile(`[.!?"”’]\s*[-—–]{1,2}\s*(\p{Lu}[\p{L}.\- ]{1,30}?)\.?$`)

// dayName reports a name that is a date: it opens with a month or a
// weekday, or holds a digit ("March 3", "Tuesday", "Jan").
func dayName(s string) bool {
	if strings.ContainsAny(s, "0123456789") {
		return true
	}
	first, _, _ := strings.Cut(s, " ")
	first = strings.TrimRight(first, ".,")
	return monthOnly.MatchString(first) || weekday.MatchString(first)
}

var (
	monthOnly = regexp.MustCompile(`^(?i:` + monthRE + `)$`)
	weekday   = regexp.MustCompile(`^(?i:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun)$`)
)

// firstPublishedBy matches the note that names the outlet before saying
// the story was first published: "This report by The Canadian Press was
// first published March 4, 2026."
var firstPublishedBy = regexp.MustCompile(`(?i)^this (?:article|story|report|piece) by (?-i:the\s+)?((?-i:\p{Lu})[^.,;:()]{1,50}?) (?:was|has been) (?:first|originally) (?:published|posted)\b`)

// signOffStaff open the parts of a sign-off that name the agency's staff,
// lower-cased.
var signOffStaff = []string{
	"reporting by", "additional reporting by", "writing by", "editing by",
	"compiled by", "graphics by", "fact-checking by",
}

// signOffOutlet returns the outlet named first in a sign-off in
// parentheses that goes on to name its staff: "(Meridian Press; reporting
// by A, editing by B)", "(Kestrel Wire; Writing by A; Editing by B)". The
// house style of the wires that put the agency there; "(Reporting by A;
// Editing by B)", which names no outlet, is tailCredit's.
func signOffOutlet(p string) string {
	t := strings.TrimRight(strings.TrimSpace(p), ".")
	if len(t) < 4 || len(t) > bodyCreditMaxChars || t[0] != '(' || t[len(t)-1] != ')' {
		return ""
	}
	outlet, rest, ok := strings.Cut(t[1:len(t)-1], ";")
	outlet = strings.TrimSpace(outlet)
	if !ok || !outletName(outlet) && agencyIn(outlet) == "" {
		return ""
	}
	rest = strings.ToLower(strings.TrimSpace(rest))
	for _, s := range signOffStaff {
		if strings.HasPrefix(rest, s) {
			if a := agencyIn(outlet); a != "" {
				return a
			}
			return outlet
		}
	}
	return ""
}

// creditFromTail returns the agency or outlet named by a closing sign-off
// paragraph.
func creditFromTail(p string) string {
	p = strings.TrimSpace(p)
	if tweetSignature.MatchString(p) {
		// "— Reuters (@Reuters) March 4, 2026": an embedded post's
		// signature, not the story's.
		return ""
	}
	if o := signOffOutlet(p); o != "" {
		return o
	}
	m := republished.FindStringSubmatch(p)
	if m == nil {
		m = firstPublishedBy.FindStringSubmatch(p)
	}
	if m != nil {
		name := strings.TrimSpace(m[1])
		if a := agencyIn(name); a != "" {
			return a
		}
		if dayName(name) {
			// "originally published on March 3": when, not where.
			return ""
		}
		return name
	}
	if m := contributed.FindStringSubmatch(p); m != nil {
		// "The Associated Press contributed to this report.": an
		// agency's or an outlet's, not a colleague's ("Staff writer
		// Jane Doe contributed reporting").
		name := ""
		for _, g := range m[1:] {
			if g != "" {
				name = strings.TrimRight(strings.TrimSpace(g), ".")
			}
		}
		if a := agencyIn(name); a != "" {
			return a
		}
		if orgName(name, newsOrgWords) {
			return name
		}
		return ""
	}
	if m := endSignOff.FindStringSubmatch(p); m != nil {
		// "... in November. — AFP": the agency signs at the end of the
		// story's last paragraph.
		if a := agencyIn(m[1]); a != "" && len(m[1]) <= len(a)+16 {
			return a
		}
	}
	m = tailCredit.FindStringSubmatch(p)
	if m == nil {
		return ""
	}
	if strings.HasPrefix(strings.TrimLeft(m[0], "( "), "Reporting by") || strings.HasPrefix(strings.TrimLeft(m[0], "( "), "Writing by") {
		// The "Reporting by X; Editing by Y" sign-off is the Reuters
		// house style; other agencies name their reporters in bylines.
		if a := agencyIn(m[0]); a != "" {
			return a
		}
		// "Reporting by Meridian Press Agency": an outlet, not a
		// reporter, reported it.
		if o := reportingOutlet(m[0]); o != "" {
			return o
		}
		// "(Reporting by A; Editing by B) Meridian Press": the outlet
		// signs after the parenthesis.
		if i := strings.LastIndexByte(m[0], ')'); i > 0 && outletName(strings.TrimRight(m[0][i+1:], ". ")) {
			return strings.TrimRight(strings.TrimSpace(m[0][i+1:]), ". ")
		}
		return "Reuters"
	}
	if a := agencyIn(m[0]); a != "" {
		return a
	}
	// An outlet no list knows, named alone in the sign-off: "— Meridian
	// News Agency", "Source: Danube Press". Its name must read as a news
	// organisation's, since a chart's "Source:" names where its data came
	// from ("Source: National Weather Service") and a dash may close a
	// letter with its writer's name.
	name, words := m[1], newsOrgWords
	if name == "" {
		name, words = m[2], pressWords
	}
	name = strings.TrimRight(strings.TrimSpace(name), ".")
	if orgName(name, words) {
		return name
	}
	return ""
}

// pressWords are the words that end a news organisation's name and never a
// data source's: what a "Source:" line must end in to credit an outlet
// no list knows.
var pressWords = map[string]bool{
	"press": true, "news": true, "wire": true, "newswire": true, "newsroom": true,
}

// reportingOutlet returns the outlet a "Reporting by" sign-off names in
// place of its reporters ("Reporting by Meridian Press Agency."): the
// words after "by", up to the sign-off's next part, when they read as an
// outlet's name ending in a word news organisations are named by.
func reportingOutlet(signOff string) string {
	_, after, ok := strings.Cut(signOff, " by ")
	if !ok {
		return ""
	}
	name := after
	if i := strings.IndexAny(name, ";,()"); i >= 0 {
		name = name[:i]
	}
	if i := strings.Index(name, " and "); i >= 0 {
		name = name[:i]
	}
	name = strings.TrimRight(strings.TrimSpace(name), ".")
	words := strings.Fields(name)
	if len(words) < 2 || !outletName(name) || !newsOrgWords[strings.ToLower(words[len(words)-1])] {
		return ""
	}
	return name
}

// newsOrgWords end the names of news organisations ("… Press Agency",
// "… News Service", "… Wire", "The … Times").
var newsOrgWords = map[string]bool{
	"agency": true, "press": true, "news": true, "wire": true, "newswire": true, "service": true,
	"times": true, "post": true, "herald": true, "journal": true, "gazette": true, "tribune": true,
	"network": true, "media": true, "radio": true, "television": true, "broadcasting": true,
	"bureau": true, "telegraph": true, "chronicle": true, "observer": true, "courier": true,
	"dispatch": true, "daily": true, "association": true, "syndicate": true,
}

// datelineLine matches a line that is only a dateline: one to four words
// in capitals, optionally with a date ("WASHINGTON", "NEW YORK, Jan 5").
var datelineLine = regexp.MustCompile(`^([A-Z][A-Z.'’\-]+(?:\s+[A-Z][A-Z.'’\-]+){0,3})(?:,\s*[A-Za-z]+\.?(?:\s+\d{1,2})?(?:,\s*\d{4})?)?$`)

// lineDateline returns the place when a whole line is a dateline.
func lineDateline(s string) string {
	m := datelineLine.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil || len(m[1]) < 3 {
		return ""
	}
	if first, _, _ := strings.Cut(m[1], " "); notPlace[first] {
		return ""
	}
	return m[1]
}

// noticeOutlet returns the outlet a copyright or credit notice names: a
// known agency, else the notice's owner when it reads as an outlet's name
// ("© Meridian Press 2026" credits Meridian Press). The caller drops an
// owner that is the site itself.
func noticeOutlet(s string) string {
	if !isCopyright(s) {
		return ""
	}
	if a := agencyIn(s); a != "" {
		return a
	}
	if o := noticeOwner(s); outletName(o) {
		return o
	}
	return ""
}

// ownedBySite reports whether an owner named in a notice is the site that
// serves the page: its name ("Harbour Times Ltd" for "Harbour Times"), its
// publisher, or its host ("The Harbour Times" for harbourtimes.example).
func ownedBySite(owner string, names ...string) bool {
	o := squash(owner)
	for _, n := range names {
		if n == "" {
			continue
		}
		if sameOwner(owner, n) || sameName(owner, n) {
			return true
		}
		h := strings.ToLower(strings.TrimPrefix(n, "www."))
		if i := strings.IndexByte(h, '.'); i > 0 && !strings.Contains(h, " ") {
			h = h[:i]
		}
		if h = squash(h); len(h) >= 3 && (strings.Contains(o, h) || strings.Contains(h, o)) {
			return true
		}
	}
	return false
}

// squash lowercases s and keeps only its letters and digits, without a
// leading "the".
func squash(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, s)
	return strings.TrimPrefix(s, "the")
}

// inSiteFooter reports whether n sits in a footer (a <footer>, a
// contentinfo region or a box named for a footer), the site's or the
// article's own: there the copyright notice names the site's owner ("©
// 2019 Example Interactive Inc. All Rights Reserved." closing each story)
// rather than a story's source. An agency's notice is read wherever it
// stands (creditLines).
func inSiteFooter(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && (p.DataAtom == atom.Footer || attr(p, "role") == "contentinfo" || footerNamed(p)) {
			return true
		}
	}
	return false
}

// footerNamed reports an element whose class or id names it a footer or
// the site's legal notices ("footer", "site-footer", "footer2-row",
// "block--legal"), token by token.
func footerNamed(n *html.Node) bool {
	for _, t := range nameTokens(classID(n), nil) {
		if t = strings.TrimRight(t, "0123456789"); t == "footer" || t == "legal" {
			return true
		}
	}
	return false
}

// inPictureCredit reports a notice that credits a picture: inside a
// <figure> or <figcaption>, a box whose class names a caption, a photo or
// an attribution, or a credit box beside a picture ("© Jane Doe" under a
// photo, "©Stock Agency"). It names who took the picture, not where the
// story came from; a credit box with no picture ("© Meridian Press 2026"
// under the story) still credits the story.
func inPictureCredit(n *html.Node) bool {
	for p, depth := n.Parent, 0; p != nil && depth < 4; p, depth = p.Parent, depth+1 {
		if p.Type != html.ElementNode {
			continue
		}
		if p.DataAtom == atom.Figure || p.DataAtom == atom.Figcaption {
			return true
		}
		for _, t := range nameTokens(classID(p), nil) {
			switch t {
			case "caption", "captions", "attribution", "photo", "image", "img":
				return true
			case "credit", "credits":
				if p.Parent != nil && holdsPicture(p.Parent) {
					return true
				}
			}
		}
	}
	return false
}

// holdsPicture reports an element with an <img> or <picture> among its
// children or theirs.
func holdsPicture(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.DataAtom == atom.Img || c.DataAtom == atom.Picture {
			return true
		}
		for g := c.FirstChild; g != nil; g = g.NextSibling {
			if g.DataAtom == atom.Img || g.DataAtom == atom.Picture {
				return true
			}
		}
	}
	return false
}

// maxItemCredits is the most credit lines a page is read for: a roundup
// of a day's stories credits a few outlets; more are a list of sources.
const maxItemCredits = 8

// readItemCredit adds to m's item credits the outlet that element n, a
// short line whose class or id names it a credit or a source
// ("item-credit", "entry__source", "storyVia"), names: roundups and live
// blogs set the outlet of each item apart so. A picture's credit names
// who took the picture, not where a story came from.
func (m *pageMeta) readItemCredit(n *html.Node) {
	if !creditClassed(n) || n.FirstChild == nil || inPictureCredit(n.FirstChild) {
		return
	}
	t := collapse(textOf(n))
	if len(t) >= 200 {
		return
	}
	if o := creditLineOutlet(t); o != "" && !slices.Contains(m.itemCredits, o) {
		m.itemCredits = append(m.itemCredits, o)
	}
}

// creditClassed reports whether element n's class or id holds a token
// that names a credit or a source line.
func creditClassed(n *html.Node) bool {
	for _, t := range nameTokens(classID(n), nil) {
		switch t {
		case "credit", "credits", "source", "sources", "via":
			return true
		}
	}
	return false
}

// creditLine matches what a credit line says of an outlet: "Source: X",
// "Via X", "Courtesy of X", "X reports", "X reported".
var creditLine = regexp.MustCompile(`^(?:(?:Source|Sources|Via|Courtesy of|From)\s*:?\s+(.{2,60}?)|(.{2,60}?)\s+(?:reports|reported|reports that)\b.*?)\.?$`)

// creditLineOutlet returns the outlet a line set apart as a credit names
// (creditClassed): a sign-off or syndication note (creditFromTail), or
// "Source: X", "Via X", "X reports" when X reads as a news organisation's
// name (capitalised words ending in one that names news organisations:
// "Herald", "Wire Service"); empty otherwise (a data source, a person).
func creditLineOutlet(line string) string {
	if c := creditFromTail(line); c != "" {
		return c
	}
	m := creditLine.FindStringSubmatch(line)
	if m == nil {
		return ""
	}
	name := strings.TrimSpace(m[1] + m[2])
	if a := agencyIn(name); a != "" {
		return a
	}
	if orgName(name, newsOrgWords) {
		return name
	}
	return ""
}

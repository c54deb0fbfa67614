package extract

import (
	"html"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/wiretrace/wiretrace/article"
)

// titleOf chooses the headline: the <h1> that the declared titles name,
// when the page shows several (the blog's name, a banner and the story:
// <title>, og:title and the JSON-LD headline say which is the story);
// else the one the page shows in an <h1>, when one reads as a headline
// (four words or more, not the site's name: a short <h1> is often the
// logo); else the JSON-LD headline, og:title or twitter:title, the first
// <h1>, or <title>, with the site's name cut off where a page appends it
// ("Headline | Site"). The declared titles are often written for search
// engines and differ from the shown headline.
func (m *pageMeta) titleOf(site string) string {
	if len(m.h1s) > 1 {
		declared := []string{m.ld.headline, m.firstMeta("og:title", "twitter:title"), m.title}
		for i, d := range declared {
			if d != "" {
				declared[i] = stripSiteName(html.UnescapeString(d), site)
			}
		}
		for _, h := range m.h1s {
			if len(h) > 300 || site != "" && sameName(h, site) {
				continue
			}
			for _, d := range declared {
				if d != "" && namesHeadline(d, h) {
					return h
				}
			}
		}
	}
	for _, h := range m.h1s {
		if wordCount(h) >= 4 && len(h) <= 300 && !(site != "" && sameName(h, site)) {
			return h
		}
	}
	if t := m.ld.headline; t != "" {
		return stripSiteName(t, site)
	}
	if t := m.firstMeta("og:title", "twitter:title"); t != "" {
		return stripSiteName(collapse(html.UnescapeString(t)), site)
	}
	title := stripSiteName(m.title, site)
	if m.h1 != "" && (title == "" || wordCount(title) <= wordCount(m.h1)) {
		return m.h1
	}
	return title
}

// namesHeadline reports whether a declared title names the shown
// headline h: the same words, or one holding the other with h at least
// titleShare of the declared title's length (a declared title adds a
// subtitle or a year; a shown one drops them).
func namesHeadline(declared, h string) bool {
	d, k := bodyTitleKey(declared), bodyTitleKey(h)
	if d == "" || k == "" || float64(len(k)) < titleShare*float64(len(d)) {
		return false
	}
	return strings.Contains(d, k) || strings.Contains(k, d)
}

// titleShare is how much of a declared title a shown headline must cover
// to be the one it names.
const titleShare = 0.6

var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " • ", " « "}

// stripSiteName cuts a site name off a title: the part after (or before)
// the last separator when it is the site's name or host, or when it is
// short next to the rest (1–4 words: site names are short, headlines are
// not).
func stripSiteName(t, site string) string {
	t = collapse(t)
	for _, sep := range titleSeparators {
		i := strings.LastIndex(t, sep)
		if i <= 0 {
			continue
		}
		head, tail := strings.TrimSpace(t[:i]), strings.TrimSpace(t[i+len(sep):])
		switch {
		case site != "" && sameName(tail, site):
			return head
		case site != "" && sameName(head, site):
			return tail
		case wordCount(tail) <= 4 && wordCount(head) >= 2*wordCount(tail) && wordCount(head) >= 3:
			return head
		case sep == " | " && wordCount(head) <= 2 && wordCount(tail) >= 4:
			// A section label before the headline: "Opinion | ...".
			return tail
		}
	}
	return t
}

// sameName compares a site name with a piece of a title, ignoring case,
// spaces and a "www." or ".com" on either.
func sameName(a, b string) bool {
	norm := func(s string) string {
		s = strings.ToLower(s)
		s = strings.TrimPrefix(s, "www.")
		if i := strings.LastIndexByte(s, '.'); i > 0 && len(s)-i <= 4 {
			s = s[:i]
		}
		return strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return r
			}
			return -1
		}, s)
	}
	na, nb := norm(a), norm(b)
	return na != "" && na == nb
}

// containsName reports whether s mentions the site's name.
func containsName(s, site string) bool {
	return site != "" && strings.Contains(strings.ToLower(s), strings.ToLower(site))
}

// wordCount returns the number of words of s, split at white space as
// strings.Fields splits, without building the slice.
func wordCount(s string) int {
	n := 0
	for range strings.FieldsSeq(s) {
		n++
	}
	return n
}

// bylineOf chooses the author line: JSON-LD persons, author meta tags,
// then a byline element's text.
func (m *pageMeta) bylineOf(site string) string {
	people, declared := m.ld.personAuthors()
	persons := strings.Join(dedupe(people), ", ")
	if b := cleanByline(persons, site); b != "" {
		return m.declaredOrShown(b, site)
	}
	for _, k := range []string{"author", "article:author", "dc.creator", "byl", "sailthru.author", "parsely-author", "citation_author"} {
		// "Site staff" and "@handle" and profile URLs name no one; a
		// visible byline says more.
		if v := m.meta[k]; metaNamesSomeone(v) && !containsName(v, site) {
			if b := cleanByline(v, site); b != "" {
				return m.declaredOrShown(b, site)
			}
		}
	}
	if b := cleanByline(m.byline, site); b != "" {
		return b
	}
	// A person the page declares by type, with no byline element
	// beside the text, wrote it even when the site bears that name (a
	// personal site: "Jane Doe" at janedoe.com; a publisher that types
	// its brand a Person has a visible byline, read above). A "by" label
	// further down is more often a quotation's or a picture's credit.
	if declared {
		if b := cleanByline(persons, ""); b != "" {
			return b
		}
	}
	if b := cleanByline(m.labelled, site); b != "" {
		return b
	}
	if b := cleanByline(m.nearByline, site); b != "" {
		return b
	}
	if b := cleanByline(m.bylineBefore, site); b != "" {
		return b
	}
	if b := cleanByline(m.authorLink, site); b != "" {
		return b
	}
	if b := cleanByline(m.avatarName, site); b != "" {
		return b
	}
	// No person is named. An author the page declares as an
	// organisation (JSON-LD, the author meta tag, the "Written by"
	// label SEO plugins write for link previews) is still who the page
	// says wrote it, even when that is the site itself.
	if m.meta["twitter:label1"] == "Written by" {
		if b := cleanByline(m.meta["twitter:data1"], ""); b != "" {
			return b
		}
	}
	// A byline the page shows that names the site ("By Corvalla").
	if b := m.shownByline(""); b != "" {
		return b
	}
	for _, org := range m.ld.authorOrg {
		if b := cleanByline(org, ""); b != "" {
			return b
		}
	}
	for _, k := range []string{"author", "article:author"} {
		if v := m.meta[k]; metaNamesSomeone(v) {
			if b := cleanByline(v, ""); b != "" {
				return b
			}
		}
	}
	return ""
}

// metaNamesSomeone reports an author meta value that can name a person
// or a desk: not empty, no profile URL, no "@handle".
func metaNamesSomeone(v string) bool {
	return v != "" && !strings.Contains(v, "://") && !strings.HasPrefix(v, "@")
}

// shownByline is the first of the byline element, the labelled name and
// the "By" line beside the headline that cleanByline keeps, site being
// the site's name to leave out ("" keeps it).
func (m *pageMeta) shownByline(site string) string {
	for _, v := range []string{m.byline, m.labelled, m.nearByline} {
		if b := cleanByline(v, site); b != "" {
			return b
		}
	}
	return ""
}

// declaredOrShown is preferShown over the page's shown byline.
func (m *pageMeta) declaredOrShown(declared, site string) string {
	return preferShown(declared, m.shownByline(site))
}

func dedupe(xs []string) []string {
	out := xs[:0:0]
	seen := map[string]bool{}
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

var (
	// handle matches a social media handle printed beside a name.
	// An address ("jane@example.com") is no handle.
	handle = regexp.MustCompile(`(?:^|\s+)@\w+`)
	// bylinePrefix matches a byline's label before the names ("By",
	// "Written by:", bylineVerbs), or the label alone.
	bylinePrefix = regexp.MustCompile(`(?i)^(?:(?:` + bylineVerbAlt + `)\s+)?(?:by|von|par|por|di|door|av)\s*:?(?:\s+|$)`)
	// bylineStop cuts what follows the names: a date (its weekday written
	// out, or cut short before a day or month: "Sat, 20 Dec"; the month
	// named in another language: "5. März"), a role line, an update
	// stamp, or the body the names write for ("on behalf of the Vision
	// Doc group").
	bylineStop = regexp.MustCompile(`(?i)\s*(?:\||•|·|\bon\s+behalf\s+of\b|\bpublished\b|\bupdated\b|\bposted\b|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:mon|tue|wed|thu|fri|sat|sun)\.?,?\s+(?:\d|` + monthRE + `)|\bon\s+` + monthRE + `|` + monthRE + `\.?\s+\d{1,2}|\d{1,2}\s+` + monthRE + `|\d{1,2}\.?\s+(?:de\s+)?` + foreignMonthRE + `(?:[^\p{L}]|$)|\d{4}-\d\d-\d\d|\d{1,2}/\d{1,2}/\d{2,4}|\d+\s+(?:min|hours?|days?)\b)`)
)

// bylineNames is s without what bylineStop finds after its names (a date,
// a role line, an update stamp): "By Jane Doe · 4 March 2026" is as short
// a byline as "By Jane Doe".
func bylineNames(s string) string {
	if loc := bylineStop.FindStringIndex(s); loc != nil && loc[0] > 0 {
		return s[:loc[0]]
	}
	return s
}

// bylineSeps are the marks between a byline's date and names.
const bylineSeps = " ,;:-–—·•|"

// cleanByline trims a byline to the names: no "By", no date, no site
// name; "" when what is left does not look like names.
func cleanByline(s, site string) string {
	s = collapse(s)
	if templatePlaceholder(s) {
		return ""
	}
	s = bylinePrefix.ReplaceAllString(glued(s), "")
	s = handle.ReplaceAllString(s, "")
	loc := bylineStop.FindStringIndex(s)
	if loc != nil && loc[0] == 0 {
		// The date comes first ("Dec. 19, 2025 · Jane Doe"): the
		// names follow it.
		s = strings.TrimLeft(s[loc[1]:], bylineSeps)
		if len(s) >= 4 && allDigits(s[:4]) {
			s = strings.TrimLeft(s[4:], bylineSeps) // the year
		}
		s = bylinePrefix.ReplaceAllString(s, "")
		if strings.ContainsAny(s, "0123456789") {
			return "" // more of the date, or a time
		}
		loc = bylineStop.FindStringIndex(s)
	}
	if loc != nil {
		s = s[:loc[0]]
	}
	s = strings.Trim(s, " ,;:-–—")
	if s == "" || !bylineSized(s) || (site != "" && sameName(s, site)) || genericAuthor[strings.ToLower(s)] {
		return ""
	}
	if r, _ := utf8.DecodeRuneInString(s); !unicode.IsLetter(r) && !unicode.IsDigit(r) {
		return ""
	}
	if !namesLike(s) {
		return ""
	}
	return s
}

// agencyJoin matches what joins a news agency to the names before it in a
// byline: a comma, a bar, a slash, a parenthesis ("Marc Dubois (AFP)"),
// "with" and its French, Spanish and German forms, "for" ("Jane Doe for
// Reuters"), or a space ("Jane Doe Associated Press").
var agencyJoin = regexp.MustCompile(`(?i)(?:\s*[,|/(]\s*|\s+(?:with|avec|con|mit|for)\s+|\s+)$`)

// agencyPlace matches what may follow an agency that opens a byline: its
// desk's place (", Washington", " / New Delhi") or its staff ("Reuters
// Staff").
var agencyPlace = regexp.MustCompile(`^\s*[,/|–—-]\s*\p{Lu}\p{L}+(?:\s+\p{Lu}\p{L}+){0,2}\.?$|^\s+(?i:staff)(?:\s+(?i:writers?|reporters?))?\.?$`)

// bylineAgency splits off the news agency a byline ends with ("Jane
// Doe, The Canadian Press", "Claire Dubois avec AFP"), which credits the
// story and is none of its writers: it returns the names and the agency.
// A byline that is an agency alone ("Reuters", "The Associated Press",
// "PTI, Washington") stays whole and credits it too; one that only holds an agency's name as
// a surname ("Michael R. Bloomberg") credits none.
func bylineAgency(s string) (names, agency string) {
	for i := range agencies {
		a := &agencies[i]
		if !a.mayMatch(s) {
			continue
		}
		locs := a.pattern.FindAllStringIndex(s, -1)
		if len(locs) == 0 {
			continue
		}
		if first := locs[0]; strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(s[:first[0]], "The "), "the ")) == "" && agencyPlace.MatchString(s[first[1]:]) {
			// The agency and its desk's place: "PTI, Washington".
			return s, a.name
		}
		loc := locs[len(locs)-1]
		if strings.TrimRight(s[loc[1]:], " .)") != "" {
			continue
		}
		head := s[:loc[0]]
		if strings.HasSuffix(head, "The ") || strings.HasSuffix(head, "the ") {
			head = head[:len(head)-4]
		}
		if strings.TrimSpace(head) == "" {
			return s, a.name
		}
		j := agencyJoin.FindStringIndex(head)
		if j == nil || j[0] == 0 || wordCount(head[:j[0]]) < 2 {
			continue
		}
		// Joined by a space alone, a one-word agency may be a surname:
		// only its name of several words or its acronym is taken off.
		name := s[loc[0]:loc[1]]
		if strings.TrimSpace(head[j[0]:]) == "" && !strings.Contains(name, " ") && strings.ToUpper(name) != name {
			continue
		}
		return head[:j[0]], a.name
	}
	// An outlet no list knows, after a comma, a bar or "for", named as
	// a news organisation is ("Jane Doe, Meridian Press", "Jane Doe for
	// Kestrel News Service"); a role ("Staff Writer") or an affiliation
	// ("Heart Association") is not one.
	if m := bylineOutlet.FindStringSubmatch(s); m != nil && wordCount(m[1]) >= 2 {
		if name := strings.TrimRight(m[2], " ."); orgName(name, bylineOutletWords) {
			return m[1], name
		}
	}
	return s, ""
}

// bylineOutlet splits a byline into its names and what follows a comma, a
// bar or "for" at its end.
var bylineOutlet = regexp.MustCompile(`^(.+?)(?:\s*[,|]\s*|\s+for\s+)((?:The\s+)?\p{Lu}[\p{L}&'’\- ]{2,40})$`)

// bylineOutletWords end the names of news outlets that write bylines'
// credits: fewer than newsOrgWords, since a byline's affiliation may be a
// network or an association that is no outlet, and "News" ends the names
// of a site's own desks ("Jane Doe, Local News", "Medical News").
var bylineOutletWords = map[string]bool{
	"press": true, "wire": true, "newswire": true, "agency": true,
}

// glued takes off a "By" label written against the name, its elements
// side by side in the markup with no space between ("ByTrevor Jones"):
// "By" then a capital and a small letter, which no name opens with
// ("Bynum" goes on in small letters).
func glued(s string) string {
	r := []rune(s)
	if len(r) > 3 && r[0] == 'B' && r[1] == 'y' && unicode.IsUpper(r[2]) && unicode.IsLower(r[3]) {
		return string(r[2:])
	}
	return s
}

// templateMarks are the delimiters of template languages (Mustache,
// Jinja, JavaScript template literals, ERB): text that still holds them was
// never rendered.
var templateMarks = []string{"{{", "}}", "{%", "${", "<%", "%%"}

// templatePath matches a template variable printed as is: a dotted path of
// lower-case identifiers ("post.meta.writer_name"), a bracketed or braced
// upper-case token ("[AUTHOR_NAME]", "{AUTHOR}").
var templatePath = regexp.MustCompile(`^(?:[a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)+|\[[A-Z0-9_]+\]|\{[A-Za-z0-9_.]+\})$`)

// templateFields are the field names a template variable for an author
// ends in or passes through. A dotted user name ("jane.q.doe") names no
// field and stays a byline.
var templateFields = bodyWordSet("author", "authors", "name", "byline", "creator", "writer", "fullname", "username")

// templatePlaceholder reports an author string that is a template
// placeholder the page forgot to fill: a content system's variable
// printed instead of its value.
func templatePlaceholder(s string) bool {
	for _, m := range templateMarks {
		if strings.Contains(s, m) {
			return true
		}
	}
	if !templatePath.MatchString(s) {
		return false
	}
	if s[0] == '[' || s[0] == '{' {
		return true
	}
	for _, seg := range strings.FieldsFunc(s, func(r rune) bool { return r == '.' || r == '_' }) {
		if templateFields[seg] {
			return true
		}
	}
	return false
}

// bylineSized reports whether s is as long as a byline: one name of up to
// 12 words, or a list of up to 12 names (commas, "and", "&") of up to 6
// words each.
func bylineSized(s string) bool {
	if len(s) <= 120 && wordCount(s) <= 12 {
		return true
	}
	if len(s) > 400 {
		return false
	}
	names := 0
	for _, part := range bylineListSep.Split(s, -1) {
		if wordCount(part) > 6 {
			return false
		}
		names++
	}
	return names <= 12
}

var bylineListSep = regexp.MustCompile(`\s*(?:,|&|\band\b)\s*`)

// genericAuthor lists the placeholders content systems print where no
// author was set: they name no one.
var genericAuthor = map[string]bool{
	"author": true, "the author": true, "admin": true, "administrator": true,
	"editor": true, "guest": true, "guest author": true, "anonymous": true,
	"unknown": true, "user": true, "by": true,
}

// nameConnectors are the lower-case words names and lists of names hold.
var nameConnectors = map[string]bool{
	"and": true, "&": true, "de": true, "da": true, "di": true, "del": true, "der": true,
	"van": true, "von": true, "la": true, "le": true, "bin": true, "al": true, "y": true,
	"e": true, "of": true, "the": true, "staff": true, "und": true, "et": true,
}

// namesLike reports whether a byline reads as names: a single handle
// ("jdoe"), or words most of which are capitalised. A sentence caught by a
// byline class ("The ministries claim that ...") is not.
func namesLike(s string) bool {
	words := strings.Fields(s)
	if len(words) == 1 {
		return true
	}
	var upper, other int
	for _, w := range words {
		w = strings.Trim(w, ",.;()\"'")
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case w == "" || nameConnectors[strings.ToLower(w)]:
		case unicode.IsUpper(r) || !unicode.IsLetter(r) || !unicode.IsLower(r):
			upper++
		default:
			other++
		}
	}
	// Names of people and desks are capitalised; allow one lower-case
	// word in three ("Jane Doe, staff writer"). A name written all in
	// lower case ("jane doe") is a name too, when short.
	return other*3 <= upper+other || upper == 0 && other <= 3 && strings.ToLower(s) == s
}

// publishedOf chooses the publication date: the date written beside the
// headline, or else from JSON-LD, meta tags,
// <time> elements and elements classed as dates, in that order of trust;
// then from weaker witnesses: the date of the JSON-LD page, a script's
// data, a date in the byline, an update date shown on the page, the
// article's dateModified. A page that shows only when it was updated has
// no other date to give; a page that shows its update date beside the
// headline and declares another publication day gets the declared one.
func (m *pageMeta) publishedOf() string {
	d := m.chosenDate()
	if u, ok := normalizeDate(m.updatedText); ok && sameDay(u, d) {
		if pub, ok := normalizeDate(m.declaredPublished()); ok && !sameDay(pub, d) {
			return pub
		}
	}
	return d
}

// declaredPublished is the publication date the JSON-LD article or else
// a meta tag declares, as written: the first that reads as a date.
func (m *pageMeta) declaredPublished() string {
	if _, ok := normalizeDate(m.ld.published); ok {
		return m.ld.published
	}
	return m.firstMeta(
		"article:published_time", "og:published_time", "og:article:published_time",
		"datepublished", "publishdate", "publish-date", "publish_date", "pubdate",
		"publication_date", "article.published", "parsely-pub-date", "sailthru.date",
		"dc.date.issued", "dc.date", "dcterms.created", "dcterms.date", "date",
		"original-publish-date", "cxenseparse:recs:publishtime", "article:published",
		"pdate", "sn-post-date", "post-date", "article_date_original", "datecreated",
		"published", "date_published", "publication-date", "citation_publication_date",
		"citation_date", "dc.date.created",
	)
}

// sameDay reports whether two normalised dates fall on the same day.
func sameDay(a, b string) bool { return len(a) >= 10 && len(b) >= 10 && a[:10] == b[:10] }

// metaModified is the page's first modified meta tag, as written.
func (m *pageMeta) metaModified() string {
	return m.firstMeta("article:modified_time", "og:updated_time", "datemodified", "last-modified")
}

// modifiedOf returns when the page says it last changed, normalised:
// its JSON-LD dateModified or a modified meta tag; empty when neither is
// readable or it is not after published.
func (m *pageMeta) modifiedOf(published string) string {
	for _, c := range []string{m.ld.modified, m.metaModified()} {
		if d, ok := normalizeDate(c); ok {
			if order, ok := article.ComparePublished(published, d); ok && order < 0 {
				return d
			}
			return ""
		}
	}
	return ""
}

// chosenDate ranks the date witnesses (see publishedOf).
func (m *pageMeta) chosenDate() string {
	cands := []string{m.declaredPublished(), m.pubAt, m.dateText}
	cands = append(cands, m.times...)
	cands = append(cands, m.ld.pageDate, m.scriptDate, bylineDate(m.byline), m.updatedText,
		m.ld.modified, m.metaModified())
	declared := ""
	for _, c := range cands {
		if d, ok := normalizeDate(c); ok {
			declared = d
			break
		}
	}
	// The date shown beside the headline wins over a declared one of
	// another day (metadata often carries a re-publication or index
	// date); the declared one keeps its time of day when they agree.
	if m.nearTitle != "" && !strings.HasPrefix(declared, m.nearTitle) {
		return m.nearTitle
	}
	if declared == "" {
		// A page that declares no date: the first date it shows.
		return m.shownDate
	}
	return declared
}

// lastDate is the publication date of a page no other witness dates:
// a meta tag whose name, under any vendor's prefix, says publication date
// ("w-published-date"); page state kept HTML-escaped in an attribute
// (&quot;datePublished&quot;:...); a numeric date shown on the page.
func (m *pageMeta) lastDate(page string) string {
	keys := make([]string, 0, len(m.meta))
	for k := range m.meta {
		if publicationMetaName(k) {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		if d, ok := normalizeDate(m.meta[k]); ok {
			return d
		}
	}
	if strings.Contains(page, "&quot;") {
		if d, ok := normalizeDate(scriptDate(strings.ReplaceAll(page, "&quot;", `"`))); ok {
			return d
		}
	}
	return m.shownNumeric
}

// publicationMetaName reports a meta name whose tokens name a
// publication date or time ("w-published-date", "article.publishedTime")
// and no update.
func publicationMetaName(k string) bool {
	pub, when := false, false
	for _, t := range nameTokens(k, nil) {
		switch t {
		case "published", "publish", "publication", "pub":
			pub = true
		case "date", "time", "datetime", "at", "on":
			when = true
		case "modified", "updated", "update", "expires", "expiry":
			return false
		}
	}
	return pub && when
}

// bylineDate is the date a byline line carries ("By Jane Doe - Mar 27,
// 2024").
func bylineDate(b string) string {
	if d, ok := textDate(b); ok {
		return d
	}
	return ""
}

// languageOf returns the page's language as a BCP 47 tag: the declared
// one, unless the text plainly is in another (site templates often
// declare "en-US" on every page whatever its language), else the guess.
func (m *pageMeta) languageOf(text string) string {
	guess, sure := guessLanguageSure(text)
	for _, l := range []string{m.lang, m.firstMeta("content-language", "language", "dc.language", "og:locale", "inlanguage"), m.ld.language} {
		if t := normalizeLang(l); t != "" {
			primary, _, _ := strings.Cut(t, "-")
			if sure && guess != primary {
				return guess
			}
			return t
		}
	}
	return guess
}

// normalizeLang writes a language tag in BCP 47 case ("en_us" → "en-US");
// "" for a value that is not a tag.
func normalizeLang(l string) string {
	l = strings.TrimSpace(strings.ReplaceAll(l, "_", "-"))
	if i := strings.IndexAny(l, ",; "); i >= 0 {
		l = l[:i]
	}
	parts := strings.Split(l, "-")
	if len(parts[0]) < 2 || len(parts[0]) > 3 {
		return ""
	}
	for _, r := range parts[0] {
		if r > unicode.MaxASCII || !unicode.IsLetter(r) {
			return ""
		}
	}
	parts[0] = strings.ToLower(parts[0])
	for i := 1; i < len(parts); i++ {
		switch len(parts[i]) {
		case 2:
			parts[i] = strings.ToUpper(parts[i])
		case 4:
			parts[i] = strings.ToUpper(parts[i][:1]) + strings.ToLower(parts[i][1:])
		default:
			parts[i] = strings.ToLower(parts[i])
		}
	}
	if len(parts) > 1 && parts[1] == "" {
		parts = parts[:1]
	}
	return strings.Join(parts, "-")
}

// siteName cleans the declared site name: a URL or a handle stands for
// the host.
func siteName(declared, pageURL string) string {
	s := collapse(declared)
	switch {
	case strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://"):
		return article.Host(s)
	case strings.HasPrefix(s, "@"):
		if h := article.Host(pageURL); h != "" {
			return h
		}
		return strings.TrimPrefix(s, "@")
	}
	return s
}

// urlOf chooses the page's address: canonical link, og:url, the JSON-LD
// url, then the one the caller gave. Relative links are resolved against
// the caller's URL.
func (m *pageMeta) urlOf(base string) string {
	host := article.Host(base)
	for _, u := range []string{m.canonical, m.meta["og:url"], m.ld.url} {
		if abs := absURL(strings.TrimSpace(u), base); abs != "" && !otherOutlet(host, article.Host(abs)) {
			return abs
		}
	}
	return base
}

// originOf returns the address of the story's original at another
// outlet that the page declares: a syndication-source or original-source
// meta tag, or a canonical link to another outlet's site than the page's
// own (own, its address): a syndicating site points search engines at
// the original so ("msn.com" → "cnn.com"). "" when it declares none.
func (m *pageMeta) originOf(own string) string {
	host := article.Host(own)
	for _, u := range []string{m.meta["syndication-source"], m.meta["original-source"]} {
		if abs := absURL(strings.TrimSpace(u), own); abs != "" && (hostNames(host) == nil || otherOutlet(host, article.Host(abs))) {
			return abs
		}
	}
	for _, u := range []string{m.canonical, m.meta["og:url"]} {
		if abs := absURL(strings.TrimSpace(u), own); abs != "" && otherOutlet(host, article.Host(abs)) {
			return abs
		}
	}
	return ""
}

// otherOutlet reports two hosts of different outlets: both named, and no
// name part of one is a name part of the other ("m.economictimes.com" and
// "economictimes.indiatimes.com" are one outlet, "businessinsider.de" and
// "businessinsider.com" one outlet's editions, "msn.com" and "cnn.com"
// two outlets).
func otherOutlet(a, b string) bool {
	pa, pb := hostNames(a), hostNames(b)
	if len(pa) == 0 || len(pb) == 0 {
		return false
	}
	for _, x := range pa {
		for _, y := range pb {
			if strings.Contains(x, y) || strings.Contains(y, x) {
				return false
			}
		}
	}
	return true
}

// hostNames returns the labels of a host that name its owner, squashed
// (squash): not "www", "m" or "amp", not the top-level domain nor a
// second level under a country's ("co.uk"). A host without a dot (a bad
// link, "localhost") has none.
func hostNames(h string) []string {
	labels := strings.Split(h, ".")
	if len(labels) < 2 {
		return nil
	}
	labels = labels[:len(labels)-1]
	if n := len(labels); n >= 2 && genericSLD[labels[n-1]] {
		labels = labels[:n-1]
	}
	var out []string
	for _, l := range labels {
		if l == "www" || l == "m" || l == "amp" || l == "mobile" {
			continue
		}
		if q := squash(l); len(q) >= 2 {
			out = append(out, q)
		}
	}
	return out
}

// genericSLD are the second-level labels under a country's domain that
// name no one ("bbc.co.uk", "abc.net.au").
var genericSLD = map[string]bool{"co": true, "com": true, "net": true, "org": true, "gov": true, "ac": true, "edu": true, "ne": true, "or": true, "go": true}

// absURL resolves u against base well enough for canonical links
// (absolute, scheme-relative or root-relative); "" when it cannot.
func absURL(u, base string) string {
	switch {
	case u == "":
		return ""
	case strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "https://"):
		return u
	case strings.HasPrefix(u, "//"):
		scheme := "https:"
		if strings.HasPrefix(base, "http://") {
			scheme = "http:"
		}
		return scheme + u
	case strings.HasPrefix(u, "/") && base != "":
		i := strings.Index(base, "://")
		if i < 0 {
			return ""
		}
		end := strings.IndexByte(base[i+3:], '/')
		if end < 0 {
			return base + u
		}
		return base[:i+3+end] + u
	}
	return ""
}

// preferShown chooses between the author a page declares (JSON-LD, a
// meta tag) and the byline it shows: the shown one when the declared one
// is an account name ("pat.quillon", "MarenT": the content system's
// login, not the writer's name) and the shown one is a name of several
// words. Otherwise the declared one: a byline element elsewhere is more
// often a caption or a list item. A shown byline that holds the declared
// name and adds a role ("Jane Doe, Football Desk") does not replace it:
// the role reads as a desk's credit to the trace (trace.genericByline).
func preferShown(declared, shown string) string {
	if shown != "" && loginName(declared) && strings.Contains(shown, " ") {
		return shown
	}
	return declared
}

// loginName reports an account name: one word, with a dot, an
// underscore, an "@" or a digit ("pat.quillon", "jdoe_2"), a capital
// after its first letter ("MarenT") or no capital at all ("jdoe").
func loginName(s string) bool {
	if strings.Contains(s, " ") {
		return false
	}
	for i, c := range s {
		if c == '.' || c == '_' || c == '@' || unicode.IsDigit(c) {
			return true
		}
		if i > 0 && unicode.IsUpper(c) {
			return true
		}
	}
	first, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(first)
}

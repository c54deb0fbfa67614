package extract

import (
	"regexp"
	"strings"
	"unicode"
)

// Pages label their furniture with a few stock words: "Advertisement"
// above an ad slot, "Related stories" above teasers, "Comments" above the
// thread. Such a label, standing alone as a block, is never article text
// (in the benchmark pages, every block that is one of these labels is
// outside the true body), and a section label also announces that what
// follows it is not the article.

// bodyLabels are whole labels, lower-cased, without end punctuation.
var bodyLabels = map[string]bool{
	"advertisement": true, "advertisements": true, "advert": true, "ad": true,
	"ads": true, "sponsored": true, "anzeige": true, "werbung": true,
	"publicidad": true, "publicité": true, "pubblicità": true, "реклама": true,
	"iklan": true, "광고": true, "広告": true, "publicidade": true,
	"comments": true, "comment": true, "leave a comment": true, "leave a reply": true,
	"share": true, "share this": true, "share this article": true, "share this story": true,
	"print": true, "email": true, "tweet": true, "topics": true, "tags": true,
	"subscribe": true, "sign up": true, "newsletter": true, "follow us": true,
	"tell us what you think": true, "see also": true,
	"advertisement continue reading below": true, "story continues below": true,
	"continue reading below": true, "skip advert": true, "close": true,
	// "Read more" also opens the rest of a folded article, so it only
	// labels, it does not start a section.
	"read more": true, "more": true, "text size": true,
}

// bodySectionLabels start the title of a section of teasers.
var bodySectionLabels = []string{
	"related", "more from", "more great", "more stories", "more news",
	"you may also", "you might also", "you may like", "you might like",
	"popular on", "popular now", "popular posts", "popular stories",
	"popular articles", "most popular", "most read", "trending now",
	"trending stories", "trending on", "recommended for you",
	"recommended stories", "recommended articles", "recommended reading",
	"read next", "also read", "don't miss", "don’t miss",
	"latest news", "top stories", "editor's picks", "editors' picks",
}

// bodyLabelPrefixes start furniture lines that carry a list after them.
var bodyLabelPrefixes = []string{
	"filed under", "tags:", "topics:", "tagged:", "related:", "see more:",
}

// bodyLabelWords is the most words a label has.
const bodyLabelWords = 6

// bodyNormLabel lower-cases a short block and trims the punctuation
// around it; it returns "" for blocks too long to be labels.
func bodyNormLabel(text string) string {
	if len(text) > 80 || strings.Count(text, " ") >= bodyLabelWords {
		return ""
	}
	t := strings.ToLower(strings.TrimFunc(text, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r)
	}))
	t = strings.Join(strings.FieldsFunc(t, func(r rune) bool {
		return unicode.IsSpace(r) || r == '-' || r == '–' || r == '—' || r == '|'
	}), " ")
	return t
}

// bodyIsLabel reports a block that is only a furniture label.
func bodyIsLabel(text string) bool {
	t := bodyNormLabel(text)
	if t == "" {
		return false
	}
	if bodyLabels[t] || bodySectionTitleText(text, false) {
		return true
	}
	lt := strings.ToLower(text)
	for _, p := range bodyLabelPrefixes {
		if strings.HasPrefix(lt, p) {
			return true
		}
	}
	return false
}

// bodyIsSectionLabel reports a normalised label that titles a section of
// teasers.
func bodyIsSectionLabel(t string) bool {
	for _, p := range bodySectionLabels {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	return false
}

// bodyCreditPrefixes open the credit lines that close agency copy
// ("Reporting by …; Editing by …"): the benchmark's true bodies leave them
// out far more often than not. (Rights lines, "Copyright 2019 …", are kept
// as often as not, so they stay.)
var bodyCreditPrefixes = []string{
	"reporting by", "additional reporting by", "writing by", "editing by",
	"compiled by", "source:", "sources:",
}

// bodyCreditParts are credit lines anywhere in a short block.
var bodyCreditParts = []string{
	"contributed to this report", "contributed reporting", "contributed to this story",
}

// bodyCreditMaxChars: credit lines are short; a long paragraph that
// mentions a copyright is prose.
const bodyCreditMaxChars = 300

// bodyIsCredit reports a reporting credit or rights line.
func bodyIsCredit(text string) bool {
	if len(text) > bodyCreditMaxChars {
		return false
	}
	// A line opening with © and a name, not a year, is a photo credit
	// and its caption ("© Jane Doe A crowd outside the court…"); with a
	// year it is a rights line, which the true bodies keep.
	if rest, ok := strings.CutPrefix(text, "©"); ok {
		rest = strings.TrimSpace(rest)
		return rest != "" && !unicode.IsDigit([]rune(rest)[0])
	}
	lt := strings.ToLower(strings.TrimLeft(text, "( "))
	for _, p := range bodyCreditPrefixes {
		if strings.HasPrefix(lt, p) {
			return true
		}
	}
	for _, p := range bodyCreditParts {
		if strings.Contains(lt, p) {
			return true
		}
	}
	return signOffOutlet(text) != ""
}

// bodyMetaMaxChars bounds the byline and date lines above an article.
const bodyMetaMaxChars = 80

// bodyBylinePrefixes open a byline ("By Jane Doe"), in the languages of
// the pages we see most.
var bodyBylinePrefixes = []string{"by ", "por ", "von ", "par ", "di ", "door ", "av "}

// bodyMonths are month names and abbreviations (English), whose presence
// with a digit marks a date line.
var bodyMonths = []string{
	"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
}

// bodyIsMeta reports a byline or a date line: the furniture that sits
// between a headline and the first paragraph, which the benchmark's true
// bodies leave out.
func bodyIsMeta(text string) bool {
	if len(text) > bodyMetaMaxChars {
		return false
	}
	lt := strings.ToLower(unglue(text))
	return bodyBylineStart(lt) || bodyHasDate(lt) || bodyIsRole(lt)
}

// bodyIsByline reports a "By Jane Doe" line.
func bodyIsByline(text string) bool {
	return len(text) <= bodyMetaMaxChars && bodyBylineStart(strings.ToLower(text))
}

// bodyBylineStart reports a lower-cased line that opens as a byline.
func bodyBylineStart(lt string) bool {
	for _, p := range bodyBylinePrefixes {
		if strings.HasPrefix(lt, p) {
			return true
		}
	}
	return false
}

// unglue puts a space where a lower-case letter runs into an upper-case
// one ("Jane DoeFebruary 19, 2026"): a byline and its date, or a name and
// its title, set in adjacent inline elements with no space between them
// read as one word, and the month or the title is then not found as a
// word of its own. Camel-cased names ("TrendLine", "iPhone") split too,
// which no test of a meta line minds.
func unglue(s string) string {
	n := 0
	for i := 1; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' && s[i-1] >= 'a' && s[i-1] <= 'z' {
			n++
		}
	}
	if n == 0 {
		return s
	}
	b := make([]byte, 0, len(s)+n)
	for i := 0; i < len(s); i++ {
		if i > 0 && s[i] >= 'A' && s[i] <= 'Z' && s[i-1] >= 'a' && s[i-1] <= 'z' {
			b = append(b, ' ')
		}
		b = append(b, s[i])
	}
	return string(b)
}

// bodyRoleNouns are the staff titles a byline box prints on a line of its
// own under the name ("Health reporter", "Chief political correspondent",
// "Staff writer"), singular, lower-cased.
var bodyRoleNouns = map[string]bool{
	"reporter": true, "correspondent": true, "writer": true, "editor": true,
	"columnist": true, "contributor": true, "journalist": true, "staff": true,
	"producer": true, "photographer": true, "critic": true,
}

// bodyRoleWords is the most words a role line has: a title of two or
// three words, after a name of two or three ("Jane Doe, Health reporter").
const bodyRoleWords = 6

// bodyIsRole reports a staff title line (lower-cased): a few words, not a
// sentence, one of whose comma-separated parts ends in a role noun
// ("business reporter", "jane doe, senior editor"). Above the first
// paragraph such a line is the byline's, never the story's; it is no
// label, since within the story "Our reporter" may open a paragraph.
func bodyIsRole(lt string) bool {
	if endsSentence(lt) || strings.Count(lt, " ") >= bodyRoleWords {
		return false
	}
	for part := range strings.SplitSeq(lt, ",") {
		words := strings.Fields(part)
		if len(words) == 0 {
			continue
		}
		last := strings.TrimRight(words[len(words)-1], ")")
		if bodyRoleNouns[last] || bodyRoleNouns[strings.TrimSuffix(last, "s")] {
			return true
		}
	}
	return false
}

// bodyHasDate reports a clock time (12:45), a numeric date (2019-11-18,
// 18/11/2019, 18.11.2019) or a month name next to a number.
func bodyHasDate(lt string) bool {
	digits := 0
	for i := 0; i < len(lt); i++ {
		c := lt[i]
		if c >= '0' && c <= '9' {
			digits++
			continue
		}
		if digits > 0 && i+2 < len(lt) && lt[i+1] >= '0' && lt[i+1] <= '9' && lt[i+2] >= '0' && lt[i+2] <= '9' {
			switch {
			case c == ':' && digits <= 2:
				return true // clock time
			case (c == '-' || c == '/' || c == '.') && (digits == 4 || digits <= 2) && bodyDateTail(lt[i+1:], c):
				return true
			}
		}
		digits = 0
	}
	if !strings.ContainsAny(lt, "0123456789") {
		return false
	}
	for _, m := range bodyMonths {
		i := strings.Index(lt, m)
		if i < 0 || i > 0 && lt[i-1] >= 'a' && lt[i-1] <= 'z' {
			continue
		}
		// The month's word, then a number right after it ("Nov. 19")
		// or right before it ("19 November").
		j := i + len(m)
		for j < len(lt) && lt[j] >= 'a' && lt[j] <= 'z' {
			j++
		}
		after := strings.TrimLeft(lt[j:], ". ")
		before := strings.TrimRight(lt[:i], " ")
		if after != "" && after[0] >= '0' && after[0] <= '9' || before != "" && before[len(before)-1] >= '0' && before[len(before)-1] <= '9' {
			return true
		}
	}
	return false
}

// bodyDateTail reports whether s, after the first separator sep of a
// numeric date, goes on as "dd<sep>dd…".
func bodyDateTail(s string, sep byte) bool {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i >= 1 && i <= 2 && i+1 < len(s) && s[i] == sep && s[i+1] >= '0' && s[i+1] <= '9'
}

// bodyStampPrefixes open the time stamps a page prints above or below the
// article ("Updated at 1:23 p.m.", "First Published on Nov 20, 2019").
var bodyStampPrefixes = []string{
	"updated", "last updated", "published", "first published", "posted",
	"last modified", "modified",
}

// readingTime matches a reading-time label: "6 min read", "5-minute
// read", "Reading time: 4 minutes".
var readingTime = regexp.MustCompile(`(?i)^(?:reading time:?\s*\d{1,3}\s*(?:min|mins|minutes?)|\d{1,3}[\s-]*(?:min|mins|minutes?)\.?\s+read)$`)

// bodyIsStamp reports a short time stamp line, wherever it sits: a date
// stamp, or how long the article takes to read.
func bodyIsStamp(text string) bool {
	if len(text) > bodyMetaMaxChars {
		return false
	}
	if readingTime.MatchString(strings.TrimSpace(text)) {
		return true
	}
	lt := strings.ToLower(unglue(text))
	for _, p := range bodyStampPrefixes {
		if strings.HasPrefix(lt, p) {
			return bodyHasDate(lt)
		}
	}
	return false
}

// bodyCallCues mark the calls to action that pages append to an article:
// follow us, sign up, subscribe, join, email the author, listen live.
//
// Each cue is a phrase that addresses the reader; words that news prose
// also uses ("said on Twitter", "listen to", "the newsletter") are not
// cues on their own.
var bodyCallCues = []string{
	"follow us", "follow him", "follow her", "follow them", "follow @",
	"sign up", "signup", "subscribe to", "subscribe now", "our newsletter",
	"newsletters", "your inbox", "click here", "share it with", "share this",
	"join our", "if you enjoyed", "may be reached", "can be reached",
	"email us", "listen live", "listen back", "download our",
	"get the latest", "support our", "become a member", "have a tip",
	"tip us", "we'd like to hear", "we’d like to hear", "letters to the editor",
}

// bodyCallMaxChars bounds a call to action; longer blocks are prose.
const bodyCallMaxChars = 400

// bodyIsCall reports a call to action, or the author's contact (an
// address or handle alone).
func bodyIsCall(text string) bool {
	if len(text) > bodyCallMaxChars {
		return false
	}
	lt := strings.ToLower(text)
	if !strings.ContainsAny(lt, " \u00a0") && (strings.Contains(lt, "@") || strings.HasPrefix(lt, "twitter.com/")) {
		return true
	}
	for _, c := range bodyCallCues {
		if strings.Contains(lt, c) {
			return true
		}
	}
	for _, c := range bodyCallOpenings {
		if strings.HasPrefix(lt, c) {
			return true
		}
	}
	first := lt
	if i := strings.IndexFunc(lt, func(r rune) bool { return !unicode.IsLetter(r) }); i >= 0 {
		first = lt[:i]
	}
	return bodyCallVerbs[first]
}

// bodyCallOpenings open a call to action.
var bodyCallOpenings = []string{"how to listen", "sign up", "disclaimer:"}

// bodyCallVerbs are imperatives that open a call to action ("Follow us",
// "Listen: …", "Download the app").
var bodyCallVerbs = map[string]bool{
	"follow": true, "listen": true, "subscribe": true, "download": true,
}

// bodyCaptionPrefixes open a photo caption or credit line.
var bodyCaptionPrefixes = []string{
	"photo:", "photos:", "foto:", "fotos:", "фото:", "credit:", "picture:",
	"pictured:", "photograph:", "photo by", "photos by",
}

// bodyCaptionParts sit inside a caption: "(Image: Getty)".
var bodyCaptionParts = []string{"(image:", "(photo:", "(credit:", "(picture:", "photo credit", "photo ©", "photos ©"}

// bodyCreditEnds close a caption with its agency credit: "…the
// ceremony. Jane Doe/Getty Images".
var bodyCreditEnds = []string{
	"getty", "getty images", "/ap", "ap photo", "/afp", "/reuters",
	"shutterstock", "istock", "/epa", "/bloomberg",
}

// bodyCaptionMaxChars bounds a caption.
const bodyCaptionMaxChars = 300

// bodyIsCaption reports a photo caption or credit that the page set
// outside a figure element.
func bodyIsCaption(text string) bool {
	if len(text) > bodyCaptionMaxChars {
		return false
	}
	lt := strings.ToLower(strings.TrimSpace(text))
	// A closing parenthesis of agencies: "(NASA/JPL-Caltech/ASU)".
	if strings.HasSuffix(lt, ")") {
		if i := strings.LastIndexByte(lt, '('); i > 0 {
			in := lt[i+1 : len(lt)-1]
			if strings.Contains(in, "/") && !strings.Contains(in, " ") {
				return true
			}
		}
	}
	for _, p := range bodyCaptionPrefixes {
		if strings.HasPrefix(lt, p) {
			return true
		}
	}
	for _, p := range bodyCaptionParts {
		if strings.Contains(lt, p) {
			return true
		}
	}
	lt = strings.TrimRight(lt, ") .")
	for _, e := range bodyCreditEnds {
		if strings.HasSuffix(lt, e) {
			return true
		}
	}
	return false
}

// bodySectionTitleText reports a block that titles a section of teasers:
// a heading, or a label that is not a sentence ("Related stories",
// "You may also like…", but not "Popular demand grew.").
func bodySectionTitleText(text string, heading bool) bool {
	t := bodyNormLabel(text)
	if t == "" || !bodyIsSectionLabel(t) {
		return false
	}
	if heading {
		return true
	}
	tt := strings.TrimSpace(text)
	return !strings.HasSuffix(tt, ".") || strings.HasSuffix(tt, "..")
}

// bodyFurniture reports a block of page furniture wherever it stands in
// the article: a label, a time stamp, a caption or a credit line.
func bodyFurniture(text string) bool {
	return bodyIsLabel(text) || bodyIsStamp(text) || bodyIsCaption(text) || bodyIsCredit(text)
}

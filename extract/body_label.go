package extract

import (
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
	"explore further": true, "tell us what you think": true, "see also": true,
	"advertisement continue reading below": true, "story continues below": true,
	"continue reading below": true, "skip advert": true, "close": true,
	// "Read more" also opens the rest of a folded article, so it only
	// labels, it does not start a section.
	"read more": true,
}

// bodySectionLabels start the title of a section of teasers.
var bodySectionLabels = []string{
	"related", "more from", "more great", "more stories", "more news",
	"you may also", "you might also", "you may like", "you might like",
	"popular", "most popular", "most read", "trending", "recommended",
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
	if bodyLabels[t] || bodyIsSectionLabel(t) {
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
	"compiled by",
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
	return false
}

package extract

import (
	"regexp"
	"slices"
	"strings"
)

// The text of an article a language model wrote often arrives as the
// model wrote it: in Markdown ("# Headline", "**bold**" phrases, "- "
// list items, "[text](link)") and with the names of the fields it was
// asked to fill ("Title: ...", "Headline: ..."). The marks are no part of
// the words, and they get in their way ("**Dec. 17**" hides the date, and
// "Dec." no longer reads as an abbreviation to the sentence splitter). A
// text that reads as Markdown (markdownShape) is read as its plain words,
// and its labels as labels (labelledFields), before the dump reader
// classifies its lines.

// markdownHeading, markdownRule and markdownItem match a heading line, a
// horizontal rule and a list item's marker; markdownLink a link or an
// image; markdownStrong and markdownEm emphasis around words, the
// markers touching the words (so that "2 * 3" and "snake_case" stay).
var (
	markdownHeading = regexp.MustCompile(`^\s{0,3}#{1,6}\s+`)
	markdownRule    = regexp.MustCompile(`^\s{0,3}(?:[-*_]\s*){3,}$`)
	markdownItem    = regexp.MustCompile(`^\s{0,6}(?:[-*+]|\d{1,3}[.)])\s+`)
	markdownLink    = regexp.MustCompile(`!?\[([^\]\n]*)\]\([^)\s]*(?:\s+"[^"\n]*")?\)`)
	markdownStrong  = regexp.MustCompile(`(\*\*|__)([^\s*_](?:[^*\n]*?[^\s*_])?)(\*\*|__)`)
	markdownEm      = regexp.MustCompile(`(^|[\s(“"'])[*_]([^\s*_](?:[^*_\n]*?[^\s*_])?)[*_]([\s.,;:!?)”"']|$)`)
	markdownCode    = regexp.MustCompile("`([^`\n]+)`")
)

// markdownShape reports whether text reads as Markdown: a heading line
// and one more mark of it (another heading, bold words, a link), or
// bold words twice, among its first markdownLines lines. One mark alone
// is too little: a dump's "# 3" or a stray pair of asterisks says nothing
// of the rest.
func markdownShape(text string) bool {
	if !strings.ContainsAny(text, "#*_") {
		return false
	}
	headings, strong, links := 0, 0, 0
	for i, l := range strings.SplitN(text, "\n", markdownLines+1) {
		if i == markdownLines {
			break
		}
		if markdownHeading.MatchString(l) {
			headings++
		}
		strong += len(markdownStrong.FindAllStringIndex(l, 2))
		links += len(markdownLink.FindAllStringIndex(l, 2))
		if headings >= 2 || headings >= 1 && strong+links >= 1 || strong >= 2 {
			return true
		}
	}
	return false
}

// markdownLines is how many lines markdownShape reads: a Markdown text
// shows its marks from its headline on.
const markdownLines = 200

// plainMarkdown returns text with its Markdown marks taken off each line:
// headings' and list items' markers, rules, emphasis, inline code marks
// and links (their text stays). Lines stay lines: the dump reader still
// sees the headline above the body and each item on its own.
func plainMarkdown(text string) string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		if markdownRule.MatchString(l) {
			lines[i] = ""
			continue
		}
		l = markdownHeading.ReplaceAllString(l, "")
		l = markdownItem.ReplaceAllString(l, "")
		l = markdownLink.ReplaceAllString(l, "$1")
		l = markdownCode.ReplaceAllString(l, "$1")
		l = markdownStrong.ReplaceAllString(l, "$2")
		l = markdownEm.ReplaceAllString(l, "$1$2$3")
		lines[i] = l
	}
	return strings.Join(lines, "\n")
}

// fieldLabel matches a line a language model opens with the name of the
// field it fills: "Title: ...", "Headline: ...", "Subheadline: ...".
var fieldLabel = regexp.MustCompile(`^\s*(?i:(title|headline|sub-?headline|sub-?title|sub-?heading|dek|standfirst))\s*:\s*(\S.*)$`)

// labelledFields takes the field labels off the first lines of text
// (fieldLines of them): the line labelled as the title or headline is the
// article's title, returned and cut from the text; a subheadline keeps
// its words without the label.
func labelledFields(text string) (title, rest string) {
	lines := strings.SplitN(text, "\n", fieldLines+1)
	if !slices.ContainsFunc(lines[:min(len(lines), fieldLines)], fieldLabel.MatchString) {
		return "", text // no label: the text as it came, not a copy
	}
	for i := 0; i < len(lines) && i < fieldLines; i++ {
		m := fieldLabel.FindStringSubmatch(lines[i])
		if m == nil {
			continue
		}
		switch strings.ToLower(m[1]) {
		case "title", "headline":
			if title == "" {
				title, lines[i] = strings.TrimSpace(m[2]), ""
			}
		default:
			lines[i] = m[2]
		}
	}
	return title, strings.Join(lines, "\n")
}

// fieldLines is how many lines labelledFields reads: the labels open a
// text.
const fieldLines = 6

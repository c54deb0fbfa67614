package extract

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/wiretrace/wiretrace/article"
)

// htmlComments returns the reader comments of a page: those its JSON-LD
// lists, else those its markup shows. Comments are found by the names
// pages give them (schema.org Comment, classes and ids such as
// "comment", "comment-123" inside a "comments" or "discussion" section),
// never by a site's particular layout.
func htmlComments(root *html.Node, m *pageMeta, f *commentFinder) []article.Comment {
	var out []article.Comment
	for _, c := range m.ld.comments {
		out = append(out, article.Comment{Author: c.author, Text: c.text, Score: c.score})
	}
	if len(out) > 0 {
		return out
	}
	if len(f.sections) == 0 && !f.schema {
		return nil
	}
	seen := map[string]bool{}
	walk(root, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return true
		}
		if n.Data == "form" || n.Data == "script" || n.Data == "style" || n.Data == "template" {
			return false
		}
		if !f.isItem(n) {
			return true
		}
		if c, ok := f.readComment(n); ok && !seen[c.Text] {
			seen[c.Text] = true
			out = append(out, c)
		}
		return true // replies nest inside their parent comment
	})
	return out
}

// inCommentSection reports whether n lies in a reader comments section,
// named as such (commentSection) or headed "Comments" (commentHeading):
// the names, avatars and author links there are the readers', never the
// article's byline.
func inCommentSection(n *html.Node) bool {
	depth := 0
	for p := n.Parent; p != nil && depth < 40; p, depth = p.Parent, depth+1 {
		if p.Type != html.ElementNode {
			continue
		}
		if namedCommentSection(p) {
			return true
		}
		for c := p.FirstChild; c != nil; c = c.NextSibling {
			if commentSectionHeading(c) {
				return true
			}
		}
	}
	return false
}

// namedCommentSection reports an element whose class or id names a
// comments section (sectionHint, then commentSection).
func namedCommentSection(n *html.Node) bool {
	for _, a := range n.Attr {
		if (a.Key == "class" || a.Key == "id") && sectionHint(a.Val) {
			return commentSection.in(classID(n))
		}
	}
	return false
}

// otherPagesComments reports a box of a site's latest comments, on other
// pages ("latest-comments", "recent_comments" in a sidebar): its class or
// id says so. Its items name readers and quote them, but no thread of
// this page (its names are still no byline: inCommentSection).
func otherPagesComments(n *html.Node) bool {
	for _, tok := range nameTokens(classNames(n), nil) {
		if tok == "latest" || tok == "recent" {
			return true
		}
	}
	return false
}

// commentSectionHeading reports a heading that opens a comments section:
// "Comments", "12 Replies", "Discussion" (commentHeading).
func commentSectionHeading(n *html.Node) bool {
	if n.Type != html.ElementNode || n.Data != "h2" && n.Data != "h3" && n.Data != "h4" {
		return false
	}
	// The heading whole, or either half of one in two languages
	// ("コメント / Comments").
	for _, part := range headingLanguages.Split(collapse(textOf(n)), 3) {
		if commentHeading.MatchString(part) {
			return true
		}
	}
	return false
}

// headingLanguages splits a heading written in two languages.
var headingLanguages = regexp.MustCompile(`\s+[/|·]\s+`)

// commentItemClass matches a class token or id naming one comment (not the
// section, the form or a part of a comment): "comment", "c-comment",
// "comment-item", "comment__item", "comment-123".
var commentItemClass = regexp.MustCompile(`^(?:[a-z][a-z0-9]*[-_]+)?(?:comment|reply)(?:[-_]+(?:item|entry|container|wrapper|node|card|thread-item|single|\d+))?$|^comment\d+$`)

// commentSection holds the words of which the class or id of a comments
// section, lower-cased, holds one.
var commentSection = newFoldWords(append([]string{"comments", "commentlist", "comment-list", "comment-section", "comment_section",
	"comment-thread", "comment_thread", "discussion", "responses", "replies", "reactions", "réactions", "disqus"}, foreignComments...)...)

// foreignComments are the words for reader comments in the languages of
// the European and Asian press, as stems that class names and headings
// write with their endings (a heading may add up to five letters): German,
// Scandinavian and Finnish "Kommentare", "kommentarer", "kommentit";
// Polish, Czech, Slovak, the South Slavic languages and Indonesian
// "komentarze", "komentáře", "komentar"; French "commentaires", Spanish
// and Portuguese "comentarios", Italian "commenti", Dutch "reacties",
// Turkish "yorumlar", Hungarian "hozzászólások", Greek "σχόλια", Russian
// and Ukrainian "комментарии", "коментарі"; Korean, Japanese and Chinese.
// commentSection, commentHeading and sectionWords read them.
var foreignComments = []string{"komment", "koment", "commentaire", "comentario", "comentário", "commenti", "reacties", "yorum", "hozzászól", "hozzaszol", "σχόλι", "коммент", "комент", "댓글", "コメント", "评论", "評論"}

// commentFinder knows the comment sections of a page, found in one pass,
// and remembers which elements it has judged to be comments, so that
// each element's class is read once however deep the page nests.
type commentFinder struct {
	sections map[*html.Node]bool
	// outer are the sections inside no other, in the order the page
	// names them: each one's search covers the sections inside it.
	outer []*html.Node
	// heads are the headings that made their parents sections
	// ("Comments (3)").
	heads map[*html.Node]*html.Node
	items map[*html.Node]bool
	// listed are comments found by structure, not by name: the repeated
	// items of a comments section whose items carry no comment class.
	listed map[*html.Node]bool
	schema bool // the page marks up schema.org Comments
	// datedTexts memoizes datedText for the texts timeMark reads: the
	// headings of a page, close together, read the same nodes.
	datedTexts map[*html.Node]bool
}

// timeMark reports a node that gives a time: a <time> element, or a text
// that is a date or a time (datedText, judged once a page).
func (f *commentFinder) timeMark(c *html.Node) bool {
	if c.Type == html.ElementNode {
		return c.Data == "time"
	}
	if c.Type != html.TextNode {
		return false
	}
	if t := strings.TrimSpace(c.Data); t == "" || len(t) > 120 {
		return false // the space between elements, or a paragraph (datedText reads neither)
	}
	d, ok := f.datedTexts[c]
	if !ok {
		d = datedText(c.Data)
		if f.datedTexts == nil {
			f.datedTexts = map[*html.Node]bool{}
		}
		f.datedTexts[c] = d
	}
	return d
}

func newCommentFinder(root *html.Node) *commentFinder {
	f := &commentFinder{sections: map[*html.Node]bool{}, heads: map[*html.Node]*html.Node{}, items: map[*html.Node]bool{}, listed: map[*html.Node]bool{}}
	var found, others []*html.Node
	mark := func(sec *html.Node) {
		if !f.sections[sec] {
			f.sections[sec] = true
			found = append(found, sec)
		}
	}
	walk(root, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return true
		}
		if n.Parent != nil && commentSectionHeading(n) {
			// A section headed "Comments", "12 replies", "Discussion".
			sec := headingSection(n)
			mark(sec)
			if f.heads[sec] == nil {
				f.heads[sec] = n
			}
		} else if n.Parent != nil && minorHeading(n) {
			others = append(others, n)
		}
		if namedCommentSection(n) && !otherPagesComments(n) {
			mark(n)
		}
		if strings.Contains(attr(n, "itemtype"), "schema.org/Comment") {
			f.schema = true
		}
		return true
	})
	for _, sec := range found {
		if f.nested(sec) {
			continue
		}
		f.listItems(sec)
		if h := f.heads[sec]; h != nil && !f.holdsItems(sec) && sec.Parent != nil && sec.Parent.Type == html.ElementNode &&
			sec.Data != "body" && sec.Parent.Data != "body" && !f.sections[sec.Parent] {
			// A heading's box that holds no comments (a bar with a
			// notice under the heading): the comments follow it, in
			// the box around.
			delete(f.sections, sec)
			sec = sec.Parent
			f.sections[sec], f.heads[sec] = true, h
			f.listItems(sec)
		}
		f.outer = append(f.outer, sec)
	}
	// A heading of other words ("Your views", "Listener notes (6)")
	// over three or more items, each dated and naming its commenter:
	// a thread all the same.
	if len(others) > lastHeadings {
		others = others[len(others)-lastHeadings:]
	}
	for _, h := range others {
		if !f.timesAfter(h, 3) {
			continue // fewer than three dated items follow closely
		}
		sec := headingSection(h)
		if f.sections[sec] || f.nested(sec) || f.holdsSection(sec) {
			continue
		}
		f.heads[sec] = h
		items := f.findItems(sec, true)
		if len(items) < 3 {
			delete(f.heads, sec)
			continue
		}
		f.sections[sec] = true
		for _, c := range items {
			f.listed[c] = true
		}
		f.outer = append(f.outer, sec)
	}
	return f
}

// lastHeadings is how many of a page's last minor headings may open a
// thread of other words: reader comments follow the story, and only the
// footer's and sidebars' headings come after them. A long guide's
// subheadings, read each, cost a page a few per cent of its time.
const lastHeadings = 10

// minorHeading reports an h2, h3 or h4 of a few words: the heading a
// section of reader comments may have whatever its words.
func minorHeading(n *html.Node) bool {
	switch n.Data {
	case "h2", "h3", "h4":
		l := textLen(n, 61)
		return l > 0 && l <= 60
	}
	return false
}

// holdsSection reports whether a section already found lies inside n.
func (f *commentFinder) holdsSection(n *html.Node) bool {
	for sec := range f.sections {
		if contains(n, sec) {
			return true
		}
	}
	return false
}

// holdsItems reports whether sec holds a comment.
func (f *commentFinder) holdsItems(sec *html.Node) bool {
	found := false
	walk(sec, func(n *html.Node) bool {
		if !found && n.Type == html.ElementNode && n != sec && f.isItem(n) {
			found = true
		}
		return !found
	})
	return found
}

// commentHeading matches the heading of a comments section: "Comments",
// "12 Replies", "Discussion", "Comments (3)", "Comments 3".
var commentHeading = regexp.MustCompile(`(?i)^(?:\d+\s+)?(?:comments?|replies|responses|reactions|discussion|conversation|(?:leser)?(?:` +
	strings.Join(foreignComments, "|") + `)\p{L}{0,5})(?:\s*\(\d+\)|\s+\d+)?$`)

// listItems finds the comments of a section by their structure, whether
// or not classes name some of them (a thread whose replies alone carry a
// "reply" class): the largest run of sibling elements of one kind
// (itemKind), each naming its commenter (commenterIn), and the elements
// of that kind nested in them (replies).
func (f *commentFinder) listItems(sec *html.Node) {
	for _, c := range f.findItems(sec, false) {
		f.listed[c] = true
	}
}

// findItems returns the items listItems lists in sec: the run and the
// replies nested in it. Strict, it asks more of an unnamed section: three
// items or more, each dated (datedItem), every one naming its commenter.
func (f *commentFinder) findItems(sec *html.Node, strict bool) []*html.Node {
	var best []*html.Node
	// Comments follow their heading: what comes before it in a section
	// a heading made (the page's column that also holds the article) is
	// not searched.
	head := f.heads[sec]
	passed := head == nil // the walk, in document order, has left the heading behind
	walk(sec, func(n *html.Node) bool {
		if n == head {
			passed = true
			return false
		}
		if n.Type != html.ElementNode || n.Data == "form" || n.Data == "script" || n.Data == "style" {
			return n.Type != html.ElementNode
		}
		// A child follows the heading when its parent came after it, or,
		// in the heading's own box, when a sibling holding it came
		// before.
		holds := !passed && contains(n, head)
		branchSeen := false
		after := func(c *html.Node) bool {
			if !holds {
				return passed
			}
			if !branchSeen && contains(c, head) {
				branchSeen = true
				return false
			}
			return branchSeen
		}
		// The children of each kind, kinds in the order they first
		// appear: of two runs as long, the earlier is taken, whatever
		// the map's order.
		groups := map[string][]*html.Node{}
		var kinds []string
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Data == "dt" && c.Type == html.ElementNode {
				if d := nextElement(c); d != nil && d.Data == "dd" {
					continue // a term: its description holds the comment
				}
			}
			if c.Type == html.ElementNode && blockish[c.Data] && after(c) {
				k := itemKind(c)
				if groups[k] == nil {
					kinds = append(kinds, k)
				}
				groups[k] = append(groups[k], c)
			}
		}
		for _, k := range kinds {
			g := groups[k]
			if len(g) < 2 || len(g) <= len(best) || strict && (len(g) < 3 || g[0].Data == "blockquote" || socialHandle(g[0])) {
				// Strict, a run of quotations, or of posts that show
				// their author's handle ("@name.bsky.social"), is posts
				// embedded from a social network, not this page's thread.
				continue
			}
			// Every item names its commenter; of four or more, one may
			// not be read so (a short comment beside its links).
			unnamed, undated := 0, false
			for _, c := range g {
				if strict && (!f.datedItem(c) || !ownWords(c)) {
					undated = true
					break
				}
				if !commenterIn(c) {
					unnamed++
					if unnamed > 1 || len(g) < 4 || strict {
						break
					}
				}
			}
			if !undated && (unnamed == 0 || unnamed == 1 && len(g) >= 4 && !strict) {
				best = g
			}
		}
		return true
	})
	if len(best) == 0 {
		return nil
	}
	out := slices.Clone(best)
	// Replies nest in their comment as items of the same kind.
	key := itemKind(best[0])
	walk(sec, func(n *html.Node) bool {
		if n.Type == html.ElementNode && itemKind(n) == key && commenterIn(n) && !slices.Contains(best, n) {
			out = append(out, n)
		}
		return true
	})
	return out
}

// compactFigure matches a figure with a unit letter that timeAgo also
// reads as a time ("450W", "120d" is no time ago a page prints: those
// are "3h", "2d").
var compactFigure = regexp.MustCompile(`^(?:\d{3}|\d+[A-Z])\S*$`)

// socialHandle reports an item that shows a social network's handle of
// its author, a text of one word that opens with "@" ("@tbielski",
// "@marisolplays.bsky.social").
func socialHandle(n *html.Node) bool {
	found := false
	walk(n, func(c *html.Node) bool {
		if found {
			return false
		}
		if c.Type == html.TextNode {
			t := strings.TrimSpace(c.Data)
			found = len(t) > 1 && t[0] == '@' && !strings.ContainsAny(t, " \t\n")
		}
		return !found
	})
	return found
}

// ownWords reports an item that reads as a reader's words rather than a
// card pointing elsewhere: no heading of the top three levels (a card's or
// a section's title), and three quarters of its words outside links.
func ownWords(n *html.Node) bool {
	words, linked, titled := 0, 0, false
	walk(n, func(c *html.Node) bool {
		if titled {
			return false
		}
		if c.Type == html.ElementNode {
			if l := headingLevel(c.DataAtom); l > 0 && l <= 3 {
				titled = true
				return false
			}
			if skipText[c.Data] {
				return false
			}
		}
		if c.Type == html.TextNode {
			k := wordCount(c.Data)
			words += k
			for p := c.Parent; p != nil && p != n; p = p.Parent {
				if p.Type == html.ElementNode && p.Data == "a" {
					linked += k
					break
				}
			}
		}
		return true
	})
	return !titled && words > 0 && 4*linked <= words
}

// timesAfter reports whether, within timesReach nodes and timesText bytes
// of text after the heading h, the page gives at least n times or dates
// (timeMark): the cheap test before findItems. A thread's first items
// follow its heading closely.
func (f *commentFinder) timesAfter(h *html.Node, n int) bool {
	found, seen, read := 0, 0, 0
	more := func() bool { return found < n && seen <= timesReach && read <= timesText }
	visit := func(c *html.Node) bool {
		if !more() {
			return false
		}
		seen++
		if c.Type == html.TextNode {
			read += len(c.Data)
		}
		if f.timeMark(c) {
			found++
			return c.Type != html.ElementNode // a <time>'s own text is the same time
		}
		return true
	}
	// What follows h, its own subtree aside.
	for at := h; at != nil && more(); at = at.Parent {
		for c := at.NextSibling; c != nil && more(); c = c.NextSibling {
			walk(c, visit)
		}
	}
	return found >= n
}

// timesReach is how many nodes after a heading timesAfter reads: three
// comments of a rich theme's markup (avatars, meta lines, buttons) fit
// in it many times over.
const timesReach = 150

// timesText is how many bytes of text timesAfter reads: three comments,
// long ones too; an article's subheading is followed by paragraphs that
// spend it at once.
const timesText = 3000

// datedItem reports an item that carries its time (timeMark: "3 hours
// ago", "14 Mar 2024", "13.04.2024, 18:22").
func (f *commentFinder) datedItem(n *html.Node) bool {
	found := false
	walk(n, func(c *html.Node) bool {
		found = found || f.timeMark(c)
		return !found
	})
	return found
}

// datedText reports a short text, or a part of a meta line, that is a
// date or a time ("3 hours ago", "14 Mar 2024", "13.04.2024, 18:22").
func datedText(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 120 || strings.IndexFunc(s, unicode.IsDigit) < 0 && !strings.Contains(s, "ago") && !strings.Contains(s, "day") && !strings.Contains(s, "now") {
		return false // every form has a digit or one of those words
	}
	if !strings.ContainsAny(s, "·•|–—") {
		return datedPart(s)
	}
	for _, part := range metaSep.Split(s, -1) {
		if datedPart(strings.TrimSpace(part)) {
			return true
		}
	}
	return false
}

// maybeDated is the byte scan before datedPart's expressions: every form
// they read has a year, a month's name, a word of relative time, two
// numbers joined by a separator ("13.04", "18:22") or a number and its
// unit letter ("3h").
func maybeDated(s string) bool {
	if hasYear(s) {
		return true
	}
	for i := 0; i+2 < len(s); i++ {
		// A three-letter word of time or a month's name opens at i
		// (ASCII, either case): "ago", "now", "tod", "yes", "edi",
		// "jan" ... "dec".
		switch string([]byte{s[i] | 0x20, s[i+1] | 0x20, s[i+2] | 0x20}) {
		case "ago", "now", "tod", "yes", "edi", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec":
			return true
		}
	}
	for i := 1; i+1 < len(s); i++ {
		if isDigit(s[i-1]) && (s[i] == '.' || s[i] == '/' || s[i] == ':' || s[i] == '-') && isDigit(s[i+1]) {
			return true
		}
	}
	return len(s) <= 5 && len(s) >= 2 && isDigit(s[0]) && s[len(s)-1] >= 'a' && s[len(s)-1] <= 'z'
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }

// datedPart reports a part of a meta line that is a date or a time.
func datedPart(part string) bool {
	switch {
	case part == "" || len(part) > 40 || !maybeDated(part):
		return false
	case timeAgo.MatchString(part):
		return !compactFigure.MatchString(part)
	case shortDate.MatchString(part), numericStamp.MatchString(part):
		return true
	}
	if _, at, ok := textDateAt(part); ok && at == 0 && wordCount(part) <= 6 {
		return true
	}
	_, ok := numericDate(part, "")
	return ok && wordCount(part) <= 3
}

// bodyBlocks returns the elements the article body leaves out as reader
// comments. In each section holding comments: the smallest element that
// holds them all when the comments are most of its text (their names,
// times and tallies go with them), and the whole section when that
// element is most of the section's text (its heading, form and links go
// too), else the heading that opened the section; when the comments are
// not most of the smallest element holding them (comments spread through
// a page), each comment alone.
func (f *commentFinder) bodyBlocks() map[*html.Node]bool {
	var out map[*html.Node]bool
	for _, sec := range f.outer {
		var block *html.Node
		var items []*html.Node
		walk(sec, func(n *html.Node) bool {
			if n.Type != html.ElementNode || !f.isItem(n) {
				return true
			}
			items = append(items, n)
			for block != nil && !contains(block, n) {
				block = block.Parent
			}
			if block == nil {
				block = n
			}
			return false
		})
		if block == nil {
			continue
		}
		if out == nil {
			out = map[*html.Node]bool{}
		}
		said := 0
		for _, it := range items {
			said += len(textOf(it))
		}
		if h := f.heads[sec]; h != nil && textBefore(block, h) {
			// The heading opened its comments inside a column that
			// holds the article too: what stands before the heading
			// stays, the heading and each comment go.
			out[h] = true
			for _, it := range items {
				out[it] = true
			}
			continue
		}
		switch all := len(textOf(block)); {
		case 2*said < all:
			for _, it := range items {
				out[it] = true
			}
			continue
		case 2*all >= len(textOf(sec)):
			block = sec
		default:
			if h := f.heads[sec]; h != nil {
				out[h] = true
			}
		}
		out[block] = true
	}
	return out
}

// actionBar reports a block whose text is all short links and buttons, two
// or more (a comment's actions and vote tallies: "+7 −0 Reply Report"),
// none a web address (a commenter's link on a line of its own is part of
// what they wrote).
func actionBar(n *html.Node) bool {
	controls, other := 0, false
	walk(n, func(c *html.Node) bool {
		if other {
			return false
		}
		switch {
		case c.Type == html.ElementNode && (c.Data == "a" || c.Data == "button"):
			t := collapse(textOf(c))
			if wordCount(t) > 3 || strings.Contains(t, "://") || strings.Contains(t, "www.") {
				other = true
			}
			controls++
			return false
		case c.Type == html.ElementNode && skipText[c.Data]:
			return false
		case c.Type == html.TextNode && hasLetterOrDigit(c.Data):
			other = true
		}
		return true
	})
	return controls >= 2 && !other
}

// hasLetterOrDigit reports whether s holds a letter or a digit.
func hasLetterOrDigit(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

// textBefore reports whether block holds text before the element h, in
// document order (h inside block).
func textBefore(block, h *html.Node) bool {
	if !contains(block, h) {
		return false
	}
	found, done := false, false
	walk(block, func(n *html.Node) bool {
		if done || found {
			return false
		}
		if n == h {
			done = true
			return false
		}
		if n.Type == html.ElementNode && skipText[n.Data] {
			return false
		}
		if n.Type == html.TextNode && strings.TrimSpace(n.Data) != "" {
			found = true
		}
		return true
	})
	return found
}

// contains reports whether n is a or inside it.
func contains(a, n *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n == a {
			return true
		}
	}
	return false
}

// nested reports a section inside another section, which the outer one's
// search covers.
func (f *commentFinder) nested(sec *html.Node) bool {
	for p := sec.Parent; p != nil; p = p.Parent {
		if f.sections[p] {
			return true
		}
	}
	return false
}

// itemKind is what makes items of a list one kind: their tag and their
// first class name without a BEM modifier ("beitrag" and "beitrag
// beitrag--antwort", a reply, are one kind; "comment odd" and "comment
// even" too).
func itemKind(n *html.Node) string {
	first, _, _ := strings.Cut(strings.TrimSpace(attr(n, "class")), " ")
	return n.Data + " " + nameBlock(first)
}

// headingSection returns the section a comment heading opens: the
// heading's parent, or the nearest ancestor that holds more than the
// heading and what stands beside it in a bar ("Conversation" with its
// count, "Discussion 7" with a sort menu).
func headingSection(h *html.Node) *html.Node {
	own := len(collapse(textOf(h)))
	p := h.Parent
	for p.Parent != nil && p.Parent.Type == html.ElementNode && p.Data != "body" && p.Parent.Data != "body" &&
		textLen(p, own+headingBar) < own+headingBar {
		p = p.Parent
	}
	return p
}

// textLen is len(collapse(textOf(n))), counted only up to limit: it stops
// reading once the text is that long, so a climb up a page's boxes reads
// a few bytes of each, not the page.
func textLen(n *html.Node, limit int) int {
	count, space, started := 0, false, false
	walk(n, func(c *html.Node) bool {
		if count >= limit {
			return false
		}
		switch c.Type {
		case html.ElementNode:
			if skipText[c.Data] {
				return false
			}
			if blockish[c.Data] && started {
				space = true
			}
		case html.TextNode:
			for i := 0; i < len(c.Data); {
				r, w := utf8.DecodeRuneInString(c.Data[i:])
				i += w
				if unicode.IsSpace(r) {
					space = started
					continue
				}
				if space {
					count++
					space = false
				}
				count += w // bytes as written, as collapse keeps them
				started = true
			}
		}
		return true
	})
	return count
}

// headingBar is how much text, in bytes, may stand beside a comment
// heading in the bar that holds it.
const headingBar = 40

// commenterIn reports an item that names its commenter: by markup
// (hasAuthorPart) or by opening with a name (leadingName).
func commenterIn(n *html.Node) bool {
	return hasAuthorPart(n) || leadingName(n) != nil || termName(n) != ""
}

// nextElement returns the element after n among its siblings, or nil.
func nextElement(n *html.Node) *html.Node {
	for c := n.NextSibling; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			return c
		}
	}
	return nil
}

// prevElement returns the element before n among its siblings, or nil.
func prevElement(n *html.Node) *html.Node {
	for c := n.PrevSibling; c != nil; c = c.PrevSibling {
		if c.Type == html.ElementNode {
			return c
		}
	}
	return nil
}

// termName returns the commenter of a comment written as a description of
// a term (<dt><b>Jane</b> 3 Jan</dt><dd>text</dd>): the name set apart in
// bold, a citation or a link in the term before the description n, or "".
func termName(n *html.Node) string {
	if n.Data != "dd" {
		return ""
	}
	dt := prevElement(n)
	if dt == nil || dt.Data != "dt" {
		return ""
	}
	for c := dt.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.Data == "b" || c.Data == "strong" || c.Data == "cite" || c.Data == "a") {
			name := collapse(textOf(c))
			if name == "" {
				continue // an anchor the page links to ("<a name=c66>")
			}
			if wordCount(name) <= 4 && nameEnd(name) {
				return name
			}
			return ""
		}
	}
	return ""
}

// hasAuthorPart reports an element holding a commenter's name: an author
// itemprop, an author-classed element or a <cite>.
func hasAuthorPart(n *html.Node) bool {
	owner := ownerOf(n)
	found := false
	walk(n, func(c *html.Node) bool {
		if found || c.Type != html.ElementNode {
			return !found
		}
		if c.Data == "cite" || strings.EqualFold(attr(c, "itemprop"), "author") {
			found = true
			return false
		}
		for _, tok := range partNames(partAttrs(c), owner) {
			if commentAuthor.MatchString(tok) {
				found = true
				return false
			}
		}
		return true
	})
	return found
}

// leadingName returns the element that opens n with a commenter's name
// when n's markup names none: n's first text stands in an element of its
// own, is a few words that end no sentence, and more text follows it in
// n ("<li><b>Jenna R.</b><p>Twenty minutes is optimistic.</p></li>").
// A time or meta line before it is passed over. It returns nil when n
// opens otherwise: a list of one paragraph each is not a list of comments.
func leadingName(n *html.Node) *html.Node {
	owner := ownerOf(n)
	var first *html.Node
	walk(n, func(c *html.Node) bool {
		if first != nil {
			return false
		}
		if c.Type == html.ElementNode {
			// What a page hides from screen readers is decoration (an
			// avatar's initial), never the commenter's name.
			if skipText[c.Data] || c.Data == "time" || c.Data == "img" || c.Data == "button" || attr(c, "aria-hidden") == "true" {
				return false
			}
			for _, tok := range partNames(partAttrs(c), owner) {
				if c != n && commentNoise.MatchString(tok) && !metaLine.MatchString(tok) {
					return false
				}
			}
			if avatar(c) {
				return false
			}
		}
		if c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" {
			// The name may stand in the comment's meta line, among its
			// separators and time ("Holly Brand · 3 hours ago").
			if t := strings.TrimSpace(c.Data); hasLetter(t) && !metaPart(t) || !inMetaLine(c, n, owner) {
				first = c.Parent
			}
		}
		return true
	})
	if first == nil || first == n || headingLevel(first.DataAtom) > 0 {
		// A heading opening an item titles a section of text, not a
		// commenter.
		return nil
	}
	name := textOf(first)
	words := wordCount(name)
	if words == 0 || words > 4 || len(name) > 40 || !nameEnd(name) || !hasLetter(name) {
		return nil
	}
	// The rest must read as a reader's words: a sentence or more, mostly
	// outside links, not cut short ("Jane: The child who said…" in a
	// widget of the site's latest comments links to another page's).
	var all, linked strings.Builder
	walk(n, func(c *html.Node) bool {
		if c == first || c.Type == html.ElementNode && skipText[c.Data] {
			return false
		}
		if c.Type == html.TextNode {
			all.WriteString(c.Data + " ")
			for p := c.Parent; p != nil && p != n; p = p.Parent {
				if p.Type == html.ElementNode && p.Data == "a" {
					// A vote's link shows a tally ("+7", "👍 18"), no text.
					if _, tally := voteScore(collapse(textOf(p))); !tally {
						linked.WriteString(c.Data + " ")
					}
					break
				}
			}
		}
		return true
	})
	rest := collapse(all.String())
	restWords := wordCount(rest)
	if restWords < 4 || !strings.ContainsAny(rest, ".!?") || strings.HasSuffix(rest, "…") || strings.HasSuffix(rest, "...") ||
		wordCount(linked.String()) > restWords/4 {
		return nil
	}
	return first
}

// hasLetter reports whether s holds a letter.
func hasLetter(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

// nameEnd reports a short line that ends as a name may: in no sentence
// mark (endsSentence), or in an initial or a title ("Jenna R.", "Jr.").
// A colon ends a label or a reply's subject ("Re:"), not a name.
func nameEnd(s string) bool {
	switch {
	case !endsSentence(s):
		return true
	case strings.HasSuffix(s, "."):
		return utf8.RuneCountInString(s[strings.LastIndexByte(s, ' ')+1:]) <= 3
	}
	return false
}

// sectionHint is the cheap test before commentSection: every section name
// holds one of sectionWords.
func sectionHint(s string) bool {
	return sectionWords.in(s)
}

// sectionWords are the words of sectionHint.
var sectionWords = newFoldWords(append([]string{"comment", "discuss", "respons", "repl", "reaction", "réaction", "disqus"}, foreignComments...)...)

// itemWords are the words of which an element's class or id must hold one
// for isItem to judge it.
var itemWords = newFoldWords("comment", "reply")

// isItem reports an element that holds one reader comment.
func (f *commentFinder) isItem(n *html.Node) bool {
	if f.listed[n] {
		return true
	}
	// Most elements carry no comment name at all: answer those without
	// the memo.
	hint := false
	for _, a := range n.Attr {
		switch a.Key {
		case "class", "id":
			hint = hint || itemWords.in(a.Val)
		case "itemtype":
			hint = true
		}
	}
	if !hint {
		return false
	}
	is, ok := f.items[n]
	if !ok {
		is = f.judge(n)
		f.items[n] = is
	}
	return is
}

func (f *commentFinder) judge(n *html.Node) bool {
	if strings.Contains(attr(n, "itemtype"), "schema.org/Comment") {
		return true
	}
	switch n.Data {
	case "a", "span", "button", "input", "textarea", "label", "time", "img", "p", "h2", "h3", "h4":
		return false
	}
	ci := classID(n)
	if ci == "" {
		return false
	}
	match := false
	for _, tok := range strings.Fields(ci) {
		if commentItemClass.MatchString(tok) {
			match = true
			break
		}
	}
	if !match || actionOnly(n) {
		return false
	}
	// A class alone is weak evidence ("comment" also styles editor's
	// notes): require the comments section around it.
	depth := 0
	for p := n.Parent; p != nil && depth < 40; p, depth = p.Parent, depth+1 {
		if f.sections[p] {
			return true
		}
	}
	return false
}

// partNames returns the class names of class as the parts of a comment
// they name: each lower-cased, with the words before the part that name
// the comment itself or a vendor's versioned prefix (a word with a digit)
// taken off ("commenter-name" and "post-author" are "name" and "author",
// "post-message" is "message", "vf3-comment__username" a "username"), the
// rest joined by "-"; a name of no such word stays whole ("comment-body"
// too, which commentText reads). The comment's own class name, owner
// ("" when unknown), names it as well: its words open its parts' names,
// as a block's elements are named after it (an item classed "response"
// has "response-author" and "response-text", one classed
// "fyre-comment-article" has "fyre-comment-username").
func partNames(class, owner string) []string {
	var out []string
	var ownerToks []string
	for _, name := range strings.Fields(strings.ToLower(class)) {
		out = append(out, name)
		// Most names open with no such word: look at the first word
		// before splitting the name.
		i := strings.IndexAny(name, "-_")
		if i <= 0 || !partOwners[name[:i]] && !strings.ContainsAny(name[:i], "0123456789") && !strings.HasPrefix(owner, name[:i]) {
			continue
		}
		if owner != "" && ownerToks == nil {
			ownerToks = nameTokens(owner, nil)
		}
		toks := nameTokens(name, nil)
		k := 0
		for k < len(toks)-1 && k < len(ownerToks) && toks[k] == ownerToks[k] {
			k++
		}
		for k < len(toks)-1 && (partOwners[toks[k]] || strings.ContainsAny(toks[k], "0123456789")) {
			k++
		}
		if k > 0 {
			out = append(out, strings.Join(toks[k:], "-"))
		}
	}
	return out
}

// partOwners are the words that open a class name of a comment's part by
// naming the comment ("comment-author", "post-body", "reply-text").
var partOwners = map[string]bool{"comment": true, "comments": true, "commenter": true, "post": true, "reply": true, "entry": true, "c": true}

// partAttrs is what names an element as a part of a comment: its class
// and the names a page's scripts and tests give it (data-hook,
// data-testid, data-role: "author-name", "comment-content"), which
// builds of hashed class names keep.
func partAttrs(n *html.Node) string {
	out := attr(n, "class")
	for _, a := range n.Attr {
		switch a.Key {
		case "data-hook", "data-testid", "data-role":
			if len(a.Val) < 64 {
				out += " " + a.Val
			}
		}
	}
	return out
}

// ownerOf is the class name that names item itself, lower-cased: its
// first, without a BEM modifier ("response" of "response depth-1",
// "fyre-comment-article"), "" when it has none or one naming no block of
// parts (a utility class with a digit, a colon or a bracket).
func ownerOf(item *html.Node) string {
	first, _, _ := strings.Cut(strings.TrimSpace(strings.ToLower(attr(item, "class"))), " ")
	first = nameBlock(first)
	if len(first) < 3 || strings.ContainsAny(first, "0123456789:[") {
		return ""
	}
	return first
}

// voteWay tells a class name of a vote's button or count by its words:
// 1 for a vote for the comment ("vf-like-count", "btn_up"), -1 against
// it ("vf-dislike-count", "btn_down"), 0 for neither.
func voteWay(name string) int {
	for _, w := range nameTokens(name, nil) {
		switch {
		case w == "like", w == "likes", w == "up", w == "upvote", w == "upvotes", w == "agree", w == "plus", w == "clap", w == "claps", foreignLikes[w]:
			return 1
		case w == "dislike", w == "dislikes", w == "down", w == "downvote", w == "downvotes", w == "disagree", w == "minus":
			return -1
		}
	}
	return 0
}

// control reports a button or a link: one vote's control, whose count
// inside ("<button class="vote-up">▲ <span class="vote-count">21</span>")
// is that vote's.
func control(n *html.Node) bool { return n.Data == "button" || n.Data == "a" }

// foreignLikes are the words for liking a comment in the languages of
// foreignComments, as class names write them (ASCII, no accents): German
// "gefaellt", French "aime" ("j-aime"), Spanish "gusta" ("me-gusta"),
// Portuguese "curtir", "gostei", Italian "piace" ("mi-piace"), Dutch
// "leuk", Polish "lubie", Turkish "begen", Hungarian "tetszik", Russian
// "nravitsya", Indonesian "suka"; Japanese "iine", Chinese "zan".
var foreignLikes = map[string]bool{"suka": true, "gefaellt": true, "gefallt": true, "aime": true, "jaime": true, "gusta": true, "megusta": true,
	"curtir": true, "gostei": true, "piace": true, "mipiace": true, "leuk": true, "lubie": true, "begen": true, "begeni": true,
	"tetszik": true, "nravitsya": true, "iine": true, "zan": true}

// labelledVote reads a vote button's label for screen readers that gives
// its direction and its count ("Upvote, 26 upvotes", "Dislike this
// comment (3)"): the direction (voteWay of its words, 1 or -1) and the
// count, its only number.
func labelledVote(label string) (way, count int, ok bool) {
	if len(label) > 60 {
		return 0, 0, false
	}
	nums := signedNumber.FindAllString(label, 2)
	if len(nums) != 1 {
		return 0, 0, false
	}
	v, ok := atoi(strings.TrimLeft(nums[0], "+"))
	if !ok || v < 0 {
		return 0, 0, false
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(label), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if d := voteWay(w); d != 0 {
			if way != 0 && d != way {
				return 0, 0, false
			}
			way = d
		}
	}
	return way, v, way != 0
}

// downTally and upTally match a count of votes against and for a
// comment shown beside a thumb or an arrow ("👎 2", "▼ 6"; "👍 24", "▲
// 24"): the score is their difference.
var downTally, upTally = regexp.MustCompile(`^[👎▼↓]\s*(\d{1,7})$`), regexp.MustCompile(`^[👍▲↑]\s*\d{1,7}$`)

// avatar reports an element a class names an avatar ("vf-avatar"): a
// picture or its initials ("SS"), never the commenter's name or words.
func avatar(n *html.Node) bool {
	c := partAttrs(n)
	return avatarWord.in(c) && slices.Contains(nameTokens(c, nil), "avatar")
}

var avatarWord = newFoldWords("avatar")

// actionOnly reports an element of under three words: a "Reply" link or a
// "2 replies" toggle classed as a reply, not a comment.
func actionOnly(n *html.Node) bool {
	return wordCount(textOf(n)) < 3
}

// commentPart names the parts of a comment by class token, its words
// joined as class names join them ("comment-author", "comment__author"
// in BEM's element style, "comment_text").
var (
	commentAuthor = regexp.MustCompile(`^(?:comment[-_]*)?(?:author|author[-_]+name|username|user[-_]+name|user|nickname|nick|fn|commenter|display[-_]+name|name|poster)$`)
	commentText   = regexp.MustCompile(`^(?:comment[-_]*)?(?:content|text|message|copy|comment[-_]*text|entry[-_]+content)$|^comment[-_]*body$|^body$`)
	commentScore  = regexp.MustCompile(`^(?:comment[-_]*)?(?:score|votes?|vote[-_]+count|votes[-_]+count|points|karma|likes?|like[-_]+count|rating|net[-_]+votes?)$|^[a-z]+[-_]+votes?[-_]+count$`)
	commentNoise  = regexp.MustCompile(`^(?:comment[-_]*)?(?:meta|metadata|date|time|timestamp|reply|reply[-_]+link|actions|tools|footer|header|avatar|vote|votes|voting|score|likes?|report|share|permalink|edit|flag|badge)$`)
	signedNumber  = regexp.MustCompile(`[+\-−]?\d{1,7}`)
)

// readComment reads one comment element: its author, text and score,
// leaving out the replies nested in it.
func (f *commentFinder) readComment(item *html.Node) (article.Comment, bool) {
	owner := ownerOf(item)
	var c article.Comment
	var textNode *html.Node
	textRank := 0
	var up, down *int
	// Reading a number reads a subtree's text; a few tries find the
	// count on real pages, and the cap keeps nested look-alikes linear.
	numberTries := 6
	number := func(n *html.Node) (int, bool) {
		if numberTries == 0 {
			return 0, false
		}
		numberTries--
		return numberIn(n)
	}
	f.walkOwn(item, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return true
		}
		ip := strings.ToLower(attr(n, "itemprop"))
		if label := attr(n, "aria-label"); label != "" {
			// A tally labelled for screen readers ("-4 points"), or one
			// side of it ("Upvote, 26 upvotes", "Downvote, 2 downvotes").
			if v, ok := voteScore(label); c.Score == nil && ok {
				c.Score = &v
				return false
			}
			if way, v, ok := labelledVote(label); ok {
				if way > 0 && up == nil {
					up = &v
				} else if way < 0 && down == nil {
					down = &v
				}
				return false
			}
			if up == nil && control(n) && voteWay(label) > 0 {
				// An icon button labelled as a vote for the comment
				// ("clap", "like") with its count beside it, not inside
				// it.
				if _, inside := numberIn(n); !inside {
					if next := nextElement(n); next != nil {
						if v, ok := number(next); ok && v >= 0 {
							up = &v
							return false
						}
					}
				}
			}
		}
		toks := partNames(partAttrs(n), owner)
		// The vote a part's class names say it counts ("vote vote-down":
		// one side of the tally, whichever of its names comes first).
		way := 0
		for _, tok := range toks {
			way += voteWay(tok)
		}
		if c.Score == nil && (n.Data == "button" || n.Data == "a" || n.FirstChild != nil && n.FirstChild == n.LastChild && n.FirstChild.Type == html.TextNode) {
			// A like button or link that shows its tally ("Like (22)",
			// "👍 41"), or an element of a tally's words alone ("12
			// points"); a thumb down ("👎 2") counts against it.
			if t := collapse(textOf(n)); len(t) < 24 {
				if m := downTally.FindStringSubmatch(t); m != nil {
					if v, ok := atoi(m[1]); ok {
						down = &v
					}
					return false
				}
				if v, ok := voteScore(t); ok {
					switch {
					case way < 0:
						// "−3" in a link classed as a vote against.
						v = abs(v)
						down = &v
					case upTally.MatchString(t) || way > 0:
						up = &v
					default:
						c.Score = &v
					}
					return false
				}
			}
		}
		switch {
		case ip == "author" || ip == "creator" || n.Data == "cite":
			if c.Author == "" {
				c.Author = authorName(n)
			}
			return false
		case ip == "text" || ip == "commenttext":
			textNode, textRank = n, 3
			return false
		case ip == "upvotecount":
			if v, ok := number(n); ok {
				up = &v
			}
			return false
		case ip == "downvotecount":
			if v, ok := number(n); ok {
				down = &v
			}
			return false
		}
		for _, tok := range toks {
			switch {
			case c.Author == "" && commentAuthor.MatchString(tok):
				c.Author = authorName(n)
				return false
			case commentText.MatchString(tok):
				rank := 2
				if strings.HasSuffix(tok, "body") {
					rank = 1 // bodies often wrap the meta line too
				}
				if rank > textRank {
					textNode, textRank = n, rank
				}
				return true
			case up == nil && (strings.Contains(tok, "up") && strings.Contains(tok, "vote") || voteWay(tok) > 0):
				// A count of likes beside one of dislikes is one side
				// of the score.
				if v, ok := number(n); ok {
					up = &v
					if control(n) {
						return false // its count inside is this side's
					}
				}
			case down == nil && (strings.Contains(tok, "down") && strings.Contains(tok, "vote") || voteWay(tok) < 0):
				if v, ok := number(n); ok {
					down = &v
					if control(n) {
						return false
					}
				}
			case c.Score == nil && way == 0 && commentScore.MatchString(tok):
				if v, ok := number(n); ok {
					c.Score = &v
					return false
				}
			}
		}
		return true
	})
	if c.Score == nil && (up != nil || down != nil) {
		s := 0
		if up != nil {
			s += *up
		}
		if down != nil {
			s -= abs(*down)
		}
		c.Score = &s
	}
	if c.Author == "" {
		c.Author = termName(item)
	}
	var named *html.Node // a leading name, the author of an item that marks none
	if c.Author == "" {
		if named = leadingName(item); named != nil {
			c.Author = textOf(named)
		}
	}
	src := textNode
	if src == nil {
		src = item
	}
	c.Text = f.commentParagraphs(src, c.Author, named, owner)
	c.Author = commentAuthorName(c.Author)
	if c.Score == nil {
		if s, ok := voteScore(lastParagraph(c.Text)); ok {
			c.Score = &s
		}
	}
	c.Text = dropVoteTail(c.Text)
	c.Text = dropMetaLines(c.Text, &c.Score)
	return c, len(c.Text) >= 2 && !isCommentLabel(c)
}

// dropMetaLines removes from a comment's text the paragraphs that are
// its meta line, where the markup names none ("2 hours ago · 14 points",
// "March 3, 2026 | Reply"): every part of the line, between "·", "•" or
// "|", is a time, a date, a vote tally or an action ("3 replies by
// Jane"). A tally gives the comment its score when it has none; a comment
// of meta lines alone has no text.
func dropMetaLines(text string, score **int) string {
	paras := strings.Split(text, "\n\n")
	out := paras[:0]
	for _, p := range paras {
		if s, ok := commentMeta(p); ok {
			if s != nil && *score == nil {
				*score = s
			}
			continue
		}
		out = append(out, p)
	}
	return strings.Join(out, "\n\n")
}

// commentMeta reports a comment's meta line (see dropMetaLines) and the
// score its vote tally gives, nil when it has none.
func commentMeta(line string) (*int, bool) {
	if len(line) > 120 {
		return nil, false
	}
	var score *int
	for _, part := range metaSep.Split(line, -1) {
		part = strings.TrimSpace(part)
		switch {
		case part == "":
		case timeAgo.MatchString(part), uiLine.MatchString(part), commentAction.MatchString(part), shortDate.MatchString(part), numericStamp.MatchString(part):
		case voteLine.MatchString(part):
			if v, ok := voteScore(part); ok {
				score = &v
			}
		default:
			// A date, and nothing before it ("Mark Williams Aug 13,
			// 2025" names the commenter).
			if _, at, ok := textDateAt(part); !ok || at > 0 || wordCount(part) > 6 {
				return nil, false
			}
		}
	}
	return score, true
}

// The parts of a comment's meta line besides its time (timeAgo), date
// and tally: a date of the year without the year ("3 Jan", "Mar 2, 4:10
// pm", shortDate), a numeric date with its time ("13.04.2024, 18:22",
// numericStamp); the separators between them (a dash too, between words or
// opening the line: "Jane – 3 Jan"), and the actions offered on a
// comment that a dump's buttons (uiLine) do not name, or the thread's
// pointer to the comment it answers ("Reply to Sara").
var (
	shortDate     = regexp.MustCompile(`^(?:\d{1,2}\s+` + monthRE + `\.?|` + monthRE + `\.?\s+\d{1,2})(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?i:[ap]\.?m\.?)?)?$`)
	numericStamp  = regexp.MustCompile(`^\d{1,2}[./-]\d{1,2}[./-](?:19|20)?\d\d,?(?:\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?i:[ap]\.?m\.?)?)?$`)
	metaSep       = regexp.MustCompile(`\s*[·•|]\s*|^\s*[–—]\s*|\s+[–—]\s+`)
	commentAction = regexp.MustCompile(`(?i)^(?:(?:expand|show|see|read) (?:the )?(?:full comment|more|less)|(?:in )?repl(?:y|ying) to @?\S.{0,40}|\d+ repl(?:y|ies)(?: by \S.{0,60})?)$`)
)

// metaLine matches the class name of a comment's meta line, where its
// commenter is often named beside its time.
var metaLine = regexp.MustCompile(`^(?:comment[-_]*)?(?:meta|metadata|header)$`)

// inMetaLine reports whether c lies in a meta line (metaLine) of item n,
// whose own class name is owner.
func inMetaLine(c, n *html.Node, owner string) bool {
	for p := c.Parent; p != nil && p != n; p = p.Parent {
		for _, tok := range partNames(attr(p, "class"), owner) {
			if metaLine.MatchString(tok) {
				return true
			}
		}
	}
	return false
}

// metaPart reports a text of a meta line that names no one: a time, a
// date, a tally or an action (commentMeta).
func metaPart(t string) bool {
	_, ok := commentMeta(t)
	return ok
}

// saidSuffix matches what follows a commenter's name in many themes.
var saidSuffix = regexp.MustCompile(`(?i)[\s,]+(?:said|says|wrote|writes|replied|commented)\s*:?\s*$`)

// commentAuthorName trims an author line to the name: "Jane Doe on
// September 12, 2018 at 4:47 pm said:" → "Jane Doe".
func commentAuthorName(s string) string {
	s = saidSuffix.ReplaceAllString(collapse(s), "")
	s = strings.TrimSuffix(s, ":")
	if loc := bylineStop.FindStringIndex(s); loc != nil && loc[0] > 0 {
		s = s[:loc[0]]
	}
	s = strings.TrimSpace(saidSuffix.ReplaceAllString(s, ""))
	if len(s) > 80 || wordCount(s) > 6 {
		return ""
	}
	return s
}

// voteTail matches a vote tally printed as the last line of a comment's
// text ("Rating: 36 Votes", "12 likes", "Score: 5").
var voteTail = regexp.MustCompile(`(?i)^(?:(?:rating|score|votes?|likes?|points?)\s*:?\s*[+\-−]?\d{1,7}(?:\s+(?:votes?|likes?|points?))?|[+\-−]?\d{1,7}\s+(?:votes?|likes?|points?))$`)

func lastParagraph(text string) string {
	if i := strings.LastIndex(text, "\n\n"); i >= 0 {
		return text[i+2:]
	}
	return text
}

// dropVoteTail removes a vote tally from the end of a comment's text.
func dropVoteTail(text string) string {
	i := strings.LastIndex(text, "\n\n")
	if i < 0 {
		return text
	}
	if last := text[i+2:]; voteTail.MatchString(last) || voteLine.MatchString(last) {
		return text[:i]
	}
	return text
}

// isCommentLabel reports a "comment" that is only a label of the comment
// section ("Add Your Comment", "Comment"): no author, no score, a few
// words naming comments.
func isCommentLabel(c article.Comment) bool {
	return c.Author == "" && c.Score == nil && wordCount(c.Text) <= 4 && containsFold(c.Text, "omment")
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// walkOwn walks the comment's own subtree, leaving out nested comments.
func (f *commentFinder) walkOwn(item *html.Node, visit func(*html.Node) bool) {
	walk(item, func(n *html.Node) bool {
		if n != item && n.Type == html.ElementNode && f.isItem(n) {
			return false
		}
		return visit(n)
	})
}

// authorName returns the name in an author element: its itemprop=name
// part when it has one, else its text.
func authorName(n *html.Node) string {
	name := ""
	walk(n, func(c *html.Node) bool {
		if name == "" && c.Type == html.ElementNode && strings.EqualFold(attr(c, "itemprop"), "name") {
			name = textOf(c)
			if name == "" {
				name = attr(c, "content")
			}
		}
		return name == ""
	})
	if name == "" {
		name = nameText(n)
	}
	name = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(name), "says:"))
	return strings.TrimSuffix(name, ":")
}

// nameText is the text of a commenter's element without the badges set
// beside the name ("Hester Laidlaw <span class=badge>Author</span>",
// "<span class=says>says:</span> <span class=post-author-badge>Recipe
// author</span>"): elements whose class names a badge, a label, a role or
// a flair, and what follows a "says".
func nameText(n *html.Node) string {
	var b strings.Builder
	stop := false
	walk(n, func(c *html.Node) bool {
		if stop {
			return false
		}
		switch c.Type {
		case html.TextNode:
			b.WriteString(c.Data)
		case html.ElementNode:
			if skipText[c.Data] {
				return false
			}
			for _, tok := range nameTokens(attr(c, "class"), nil) {
				switch tok {
				case "badge", "label", "role", "flair", "pill":
					return false
				case "says":
					stop = true
					return false
				}
			}
			if blockish[c.Data] {
				b.WriteByte(' ')
			}
		}
		return true
	})
	return collapse(b.String())
}

// numberIn reads the first signed number in an element's text or value
// attributes ("-3 ( +3 / -6 )" → -3).
func numberIn(n *html.Node) (int, bool) {
	number := func(m string) (int, bool) { return atoi(strings.ReplaceAll(m, "−", "-")) }
	for _, s := range []string{attr(n, "data-score"), attr(n, "data-value"), attr(n, "content"), attr(n, "value")} {
		if m := signedNumber.FindString(s); m != "" {
			if v, ok := number(m); ok {
				return v, true
			}
		}
	}
	// Text of two numbers ("▲ 14 ▼ 3") is no one score.
	if ms := signedNumber.FindAllString(textOf(n), 2); len(ms) == 1 {
		return number(ms[0])
	}
	return 0, false
}

// afterBlock reports a node whose previous sibling, white space aside, is
// a block element.
func afterBlock(n *html.Node) bool {
	for p := n.PrevSibling; p != nil; p = p.PrevSibling {
		if p.Type == html.TextNode && strings.TrimSpace(p.Data) == "" {
			continue
		}
		return p.Type == html.ElementNode && blockish[p.Data]
	}
	return false
}

// commentParagraphs returns the text of a comment as paragraphs joined by
// blank lines, without the author (or the element named, which holds
// it), meta line, buttons and vote counts.
func (f *commentFinder) commentParagraphs(src *html.Node, author string, named *html.Node, owner string) string {
	var paras []string
	var cur strings.Builder
	flush := func() {
		if t := collapse(cur.String()); t != "" {
			paras = append(paras, t)
		}
		cur.Reset()
	}
	walk(src, func(n *html.Node) bool {
		if n != src && n.Type == html.ElementNode && f.isItem(n) || n == named {
			return false
		}
		if n.Type == html.ElementNode && n.Data == "dt" {
			// The term that names a reply's commenter goes with the
			// reply.
			if dd := nextElement(n); dd != nil && f.isItem(dd) {
				return false
			}
		}
		if afterBlock(n) {
			// What follows a block ends its paragraph: "<p>…</p><span>▲
			// 12</span>" is a paragraph and a tally.
			flush()
		}
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
		case html.ElementNode:
			if skipText[n.Data] || n.Data == "time" || n.Data == "button" || n.Data == "form" || n.Data == "img" || n.Data == "footer" || attr(n, "aria-hidden") == "true" {
				return false
			}
			if _, tally := voteScore(attr(n, "aria-label")); tally {
				return false
			}
			ip := strings.ToLower(attr(n, "itemprop"))
			if ip == "author" || ip == "creator" || ip == "datepublished" || ip == "upvotecount" || ip == "downvotecount" {
				return false
			}
			for _, tok := range partNames(partAttrs(n), owner) {
				if n != src && (commentNoise.MatchString(tok) || commentAuthor.MatchString(tok) || (strings.Contains(tok, "vote") && !commentText.MatchString(tok))) {
					return false
				}
			}
			if avatar(n) {
				return false
			}
			if n != src && len(paras)+cur.Len() > 0 && blockish[n.Data] && actionBar(n) {
				// A bar of links after the words ("+7 −0 Reply
				// Report", in any language) is no part of them.
				return false
			}
			if n.Data == "br" {
				flush()
			} else if blockish[n.Data] {
				flush()
			}
		}
		return true
	})
	flush()
	if len(paras) > 0 && author != "" && paras[0] == author {
		paras = paras[1:]
	}
	return strings.Join(paras, "\n\n")
}

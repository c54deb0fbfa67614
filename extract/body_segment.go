package extract

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// bodyBox is a block-level element of the page that holds text blocks. Boxes
// are numbered in document (pre)order, so a box's parent has a smaller
// index and its blocks are the contiguous run blocks[first:end].
type bodyBox struct {
	node   *html.Node
	parent int32 // -1 for the root box
	tag    atom.Atom
	// hint is the class/id verdict on this element alone: hintJunk,
	// hintStrongJunk or 0.
	hint       int8
	first, end int32 // its blocks
	boxEnd     int32 // boxes[i+1:boxEnd] are its descendants
	// cls is the first word of the class attribute: with the tag, what
	// marks boxes of the same kind ("paragraph of the article body").
	cls string

	// Sums over the box's blocks, filled by chooseContainer.
	raw   float64 // prose chars, class hints ignored
	prose float64 // prose chars outside boilerplate boxes
	junk  float64 // link, furniture and boilerplate chars

	bad       bool // inside a boilerplate box (the box itself or an ancestor)
	strongBad bool // inside a box with a strong boilerplate hint
	teasers   bool // a list of story teasers
	pull      bool // inside a pull quote (an aside within the article)
	cut       bool // cut by a section title before it
	marked    bool // itemprop="articleBody": the page names its article body
	chars     int  // text chars in the box, and those in links
	links     int
}

const (
	hintJunk       = -1 // weak boilerplate hint: meta, widget, sidebar…
	hintStrongJunk = -2 // strong: comments, related, share, newsletter…
)

// bodyBlock is one paragraph-like run of text: the text of a block-level
// element up to its first nested block-level child, or between two of them.
type bodyBlock struct {
	text      string
	box       int32 // the innermost box holding the text
	chars     int   // non-space runes
	linkChars int   // non-space runes inside links
	punct     int   // sentence punctuation: . ! ? ; , and their CJK forms
	heading   int   // 1…6 inside <hN>, else 0
	// linkFirst: the block opens with a link (a teaser's headline).
	linkFirst bool
}

// bodySegmenter cuts a page into boxes and blocks in one walk.
type bodySegmenter struct {
	boxes  []bodyBox
	blocks []bodyBlock
	// unhide reads elements with the hidden attribute as shown: pages
	// that stream their server rendering send the article in a hidden
	// element that a script moves into place once it has arrived.
	unhide bool
	// leave are elements left out, subtree and all: the reader
	// comments found by structure (commentFinder.bodyBlocks).
	leave map[*html.Node]bool
	// hints caches the verdict on each class attribute value: pages
	// repeat the same few hundred classes on thousands of elements.
	hints map[string]int8
	// titles are the page's <title> and og:title, normalised by
	// bodyTitleKey, to recognise the headline repeated above the article.
	titles []string

	// The block being written.
	buf       strings.Builder
	chars     int
	linkChars int
	punct     int
	linkFirst bool
	space     bool // a space is pending before the next rune

	// Context of the walk.
	popup   int // inside a pop-up trigger
	box     int32
	link    int
	heading int
}

// bodySkip lists elements whose content is never article text: code,
// media, forms controls, and the page's navigation, header, footer and
// figure captions (the benchmark pages' true bodies hold no figcaption,
// nav, header or footer text); a figure that holds a table is read
// (bodyHolds). Asides are sidebars, except for the pull quotes inside an
// article (see pullQuote).
var bodySkip = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Math: true, atom.Iframe: true, atom.Object: true,
	atom.Embed: true, atom.Canvas: true, atom.Video: true, atom.Audio: true,
	atom.Button: true, atom.Select: true, atom.Textarea: true, atom.Input: true,
	atom.Label: true, atom.Option: true, atom.Nav: true, atom.Footer: true,
	atom.Figure: true, atom.Figcaption: true,
	atom.Head: true, atom.Title: true, atom.Meta: true, atom.Link: true,
	atom.Picture: true, atom.Source: true, atom.Map: true, atom.Dialog: true,
}

// bodyBlockTags are the elements that start a new block.
var bodyBlockTags = map[atom.Atom]bool{
	atom.Html: true, atom.Body: true, atom.Main: true, atom.Article: true,
	atom.Section: true, atom.Div: true, atom.P: true, atom.Ul: true, atom.Ol: true,
	atom.Li: true, atom.Dl: true, atom.Dt: true, atom.Dd: true, atom.H1: true,
	atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Blockquote: true, atom.Pre: true, atom.Table: true, atom.Thead: true,
	atom.Tbody: true, atom.Tfoot: true, atom.Tr: true, atom.Td: true, atom.Th: true,
	atom.Caption: true, atom.Hr: true, atom.Address: true, atom.Center: true,
	atom.Form: true, atom.Fieldset: true, atom.Details: true, atom.Summary: true,
	atom.Hgroup: true, atom.Menu: true, atom.Aside: true, atom.Header: true,
}

func bodySegment(root *html.Node, unhide bool, leave map[*html.Node]bool) *bodySegmenter {
	s := &bodySegmenter{box: -1, unhide: unhide, leave: leave}
	s.walk(root)
	s.flush()
	return s
}

func (s *bodySegmenter) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		s.text(n.Data)
		return
	case html.DocumentNode:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			s.walk(c)
		}
		return
	case html.ElementNode:
	default:
		return
	}
	a := n.DataAtom
	if a == atom.Head {
		s.readTitles(n)
		return
	}
	if s.leave[n] || bodySkip[a] && !(a == atom.Figure && bodyHolds(n, atom.Table)) || bodyHidden(n, s.unhide) && !bodyCollapsed(n) || a == atom.Header && !bodyHoldsParagraph(n) || a == atom.Span && bodyMicrodata(n) {
		return
	}
	switch a {
	case atom.Br:
		s.space = true
		return
	case atom.Img:
		return
	}
	if !bodyBlockTags[a] {
		// A pop-up inside a pop-up trigger (a person's card inside the
		// link on their name) is hidden; the trigger's own text is not.
		if a != atom.A && bodyPopup(n) {
			if s.popup > 0 {
				return
			}
			s.popup++
			defer func() { s.popup-- }()
		}
		// A heading's link to a named place on the page is its
		// permalink ("<h2 id="costs"><a href="#costs">Costs</a></h2>", as
		// documentation and Markdown sites write every section title):
		// the heading's text, not a way off the page.
		if a == atom.A && !(s.heading > 0 && bodyFragmentLink(attr(n, "href"))) {
			s.link++
			start, startLinks, block := s.buf.Len(), s.linkChars, len(s.blocks)
			defer func() {
				s.link--
				// A link that shows its address is a citation the
				// reader sees as text, not a way off the page.
				if len(s.blocks) == block && s.buf.Len() >= start {
					if t := s.buf.String()[start:]; bodyLooksURL(strings.TrimSpace(t)) {
						s.linkChars = startLinks
					}
				}
			}()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			s.walk(c)
		}
		return
	}

	s.flush()
	parent := s.box
	s.boxes = append(s.boxes, bodyBox{
		node: n, parent: parent, tag: a,
		hint:   s.boxHint(n, a),
		first:  int32(len(s.blocks)),
		cls:    bodyFirstClass(n),
		marked: bodyMarkedBody(n),
	})
	s.box = int32(len(s.boxes) - 1)
	saved := s.heading
	if h := headingLevel(a); h > 0 {
		s.heading = h
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		s.walk(c)
	}
	s.flush()
	s.heading = saved
	s.boxes[s.box].end = int32(len(s.blocks))
	s.boxes[s.box].boxEnd = int32(len(s.boxes))
	s.box = parent
}

// bodyFragmentLink reports a link to a named place on the same page:
// "#" and a name ("#costs", "#section-2"), not a bare "#" or a script's
// route ("#!/home", "#/home").
func bodyFragmentLink(href string) bool {
	href = strings.TrimSpace(href)
	if len(href) < 2 || href[0] != '#' {
		return false
	}
	c := href[1]
	return c == '_' || c == '-' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

// text appends a text node to the current block, collapsing white space.
func (s *bodySegmenter) text(t string) {
	for i := 0; i < len(t); {
		r, size := rune(t[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(t[i:])
		}
		i += size
		if bodySpace(r) {
			s.space = true
			continue
		}
		if s.space && s.buf.Len() > 0 {
			s.buf.WriteByte(' ')
		}
		s.space = false
		s.buf.WriteRune(r)
		if s.chars == 0 {
			s.linkFirst = s.link > 0
		}
		s.chars++
		if s.link > 0 {
			s.linkChars++
		}
		switch r {
		case '.', '!', '?', ';', ',', '。', '！', '？', '，', '、', '؟', '،':
			s.punct++
		}
	}
}

// bodySpace reports the runes text collapses: white space, the zero-width
// space and the byte-order mark. ASCII, most of a page, is told apart
// without unicode.IsSpace.
func bodySpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff'
}

// flush ends the current block.
func (s *bodySegmenter) flush() {
	if s.chars > 0 && s.box >= 0 {
		s.blocks = append(s.blocks, bodyBlock{
			text:      s.buf.String(),
			box:       s.box,
			chars:     s.chars,
			linkChars: s.linkChars,
			punct:     s.punct,
			heading:   s.heading,
			linkFirst: s.linkFirst,
		})
	}
	s.buf.Reset()
	s.chars, s.linkChars, s.punct = 0, 0, 0
	s.space = false
}

// bodyMetaProps are the schema.org microdata properties whose text is
// for machines, not readers: addresses, image sizes, the publisher, the
// page entity, time stamps. Themes write them out in spans the style
// sheet hides.
var bodyMetaProps = map[string]bool{
	"url": true, "width": true, "height": true, "logo": true, "image": true,
	"thumbnailurl": true, "publisher": true, "mainentityofpage": true,
	"datemodified": true, "datepublished": true, "datecreated": true,
}

// bodyMicrodata reports an element holding a machine-facing microdata
// property (bodyMetaProps); the walk asks only of spans, which themes
// use for it (a link's text in a paragraph stays).
func bodyMicrodata(n *html.Node) bool {
	v := attr(n, "itemprop")
	return v != "" && bodyMetaProps[strings.ToLower(v)]
}

// bodyHidden reports elements the page hides from readers; with unhide,
// only those its style hides.
func bodyHidden(n *html.Node, unhide bool) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			if !unhide {
				return true
			}
		case "style":
			if bodyStyleHides(a.Val) {
				return true
			}
		}
	}
	return false
}

// bodyPanelWords name the widgets that fold part of a page's text away
// until the reader opens it: accordions, collapsible sections, tabs,
// FAQ answers, toggles.
var bodyPanelWords = bodyWordSet(
	"accordion", "accordions", "collapse", "collapsible", "collapsed",
	"tab", "tabs", "tabpanel", "faq", "faqs", "toggle", "expander",
	"expandable", "disclosure",
)

// bodyCollapsed reports a hidden element that is the folded part of a
// panel (the element or its parent or grandparent is named for one): its
// text is the article's, shown on a click, not text hidden from readers.
func bodyCollapsed(n *html.Node) bool {
	for d := 0; d < 3 && n != nil && n.Type == html.ElementNode; d, n = d+1, n.Parent {
		if attr(n, "role") == "tabpanel" {
			return true
		}
		for _, a := range n.Attr {
			if a.Key != "class" && a.Key != "id" {
				continue
			}
			var buf [16]string
			for _, name := range strings.Fields(a.Val) {
				for _, w := range nameTokens(name, buf[:0]) {
					if bodyPanelWords[w] {
						return true
					}
				}
			}
		}
	}
	return false
}

func bodyStyleHides(style string) bool {
	i := strings.Index(style, "display")
	if i < 0 {
		i = strings.Index(style, "visibility")
		if i < 0 {
			return false
		}
	}
	rest := strings.ToLower(style[i:])
	rest = strings.ReplaceAll(rest, " ", "")
	return strings.HasPrefix(rest, "display:none") || strings.HasPrefix(rest, "visibility:hidden")
}

func bodyFirstClass(n *html.Node) string {
	for _, a := range n.Attr {
		if a.Key == "class" {
			f := strings.TrimSpace(a.Val)
			if i := strings.IndexAny(f, " \t\n\r\f"); i >= 0 {
				f = f[:i]
			}
			return f
		}
	}
	return ""
}

// readTitles records the page titles from <head>.
func (s *bodySegmenter) readTitles(head *html.Node) {
	for c := head.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		switch c.DataAtom {
		case atom.Title:
			if c.FirstChild != nil && c.FirstChild.Type == html.TextNode {
				s.addTitle(c.FirstChild.Data)
			}
		case atom.Meta:
			var prop, content string
			for _, a := range c.Attr {
				switch a.Key {
				case "property", "name":
					prop = a.Val
				case "content":
					content = a.Val
				}
			}
			if prop == "og:title" || prop == "twitter:title" {
				s.addTitle(content)
			}
		}
	}
}

func (s *bodySegmenter) addTitle(t string) {
	if k := bodyTitleKey(t); k != "" {
		s.titles = append(s.titles, k)
	}
}

// bodyTitleKey lower-cases t and keeps its letters and digits, one space
// between words, so that a headline matches the title whatever its
// punctuation and case.
func bodyTitleKey(t string) string {
	var b strings.Builder
	space := false
	for _, r := range t {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		space = true
	}
	return b.String()
}

// bodyIsTitle reports whether text is the page's headline: at least
// bodyTitleMinChars long and part of the page title (which often adds the
// site's name) or holding all of it with little more (a paragraph that
// names the page's subject in passing is not its headline).
func (s *bodySegmenter) bodyIsTitle(text string) bool {
	if len(text) < bodyTitleMinChars || len(s.titles) == 0 {
		return false
	}
	k := bodyTitleKey(text)
	if len(k) < bodyTitleMinChars {
		return false
	}
	for _, t := range s.titles {
		if strings.Contains(t, k) || strings.Contains(k, t) && len(t) >= bodyTitleMinChars && len(k) < 2*len(t) {
			return true
		}
	}
	return false
}

// bodyTitleMinChars: shorter texts ("News", "Home") match titles by chance.
const bodyTitleMinChars = 12

// bodyHoldsParagraph reports whether n has a <p> inside: a <header> that
// holds paragraphs is a section a page builder named so, not a masthead.
func bodyHoldsParagraph(n *html.Node) bool { return bodyHolds(n, atom.P) }

// bodyHolds reports whether n has an element of kind a inside. A
// <figure> that holds a <table> is the article's table (block editors
// wrap tables in figures), not a picture with its caption.
func bodyHolds(n *html.Node, a atom.Atom) bool {
	found := false
	walk(n, func(c *html.Node) bool {
		if found || c.Type != html.ElementNode {
			return false
		}
		found = c.DataAtom == a
		return !found
	})
	return found
}

// boxHint is the class hint of a block element, except that an
// <article> or the element marked itemprop="articleBody" is never
// condemned by its class name alone (themes name the article
// "newsletter-post" or "readmore-wrapper"); what it holds still counts.
//
// A <header> that holds paragraphs (bodyHoldsParagraph; others are
// skipped) is boilerplate unless it holds most of the page's prose: page
// builders wrap whole sections, the article's too, in <header>. So is a
// <form>: what it holds is its labels, its terms and its "Thank you, your
// download is on the way" (a sign-up box, a quote request, a product
// chooser), unless it holds most of the prose (ASP.NET pages wrap the
// whole page in one form).
func (s *bodySegmenter) boxHint(n *html.Node, a atom.Atom) int8 {
	switch {
	case a == atom.Article || bodyMarkedBody(n):
		return 0
	case a == atom.Header || a == atom.Form:
		return hintJunk
	}
	h := s.classHint(n)
	if h == hintJunk && bodyCollapsed(n) {
		// "accordion-panel-hidden": the folded state of a panel,
		// not furniture.
		return 0
	}
	return h
}

// classHint is the boilerplate verdict of an element's class, id and ARIA
// role (bodyAttrHint of each), with class values cached.
func (s *bodySegmenter) classHint(n *html.Node) int8 {
	var hint int8
	heading := headingLevel(n.DataAtom) > 0
	for _, a := range n.Attr {
		if heading && a.Key == "class" {
			// Not cached: the names read otherwise on a heading.
			hint = min(hint, bodyAttrHint(a.Key, a.Val, true))
			continue
		}
		if a.Key == "id" && heading && slugOf(a.Val, textPrefix(n, maxSlugText+1)) {
			// "what-share-of-adults-..." on the heading "What share of
			// adults ...?": an id made of the heading's own words (for
			// a link to the section) names no part of the page.
			continue
		}
		if a.Key != "class" {
			hint = min(hint, bodyAttrHint(a.Key, a.Val, false))
			continue
		}
		h, ok := s.hints[a.Val]
		if !ok {
			h = bodyAttrHint(a.Key, a.Val, false)
			if s.hints == nil {
				s.hints = map[string]int8{}
			}
			s.hints[a.Val] = h
		}
		hint = min(hint, h)
	}
	return hint
}

// textPrefix returns the text of n's text nodes, in order, up to about
// max bytes, from at most max nodes: a heading's words, read without
// walking a subtree of a malformed page that nests the rest of the page
// inside it.
func textPrefix(n *html.Node, max int) string {
	var b strings.Builder
	nodes := 0
	var read func(*html.Node)
	read = func(c *html.Node) {
		for ; c != nil && b.Len() <= max && nodes < max; c = c.NextSibling {
			nodes++
			switch c.Type {
			case html.TextNode:
				b.WriteString(c.Data)
				b.WriteByte(' ')
			case html.ElementNode:
				if !skipText[c.Data] {
					read(c.FirstChild)
				}
			}
		}
	}
	read(n.FirstChild)
	return b.String()
}

// headingLevel is the level of a heading element, 1 for <h1> to 6 for
// <h6>, and 0 for any other element.
func headingLevel(a atom.Atom) int {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return int(a.String()[1] - '0')
	}
	return 0
}

// maxSlugText is the longest heading text whose id slugOf reads as its
// slug.
const maxSlugText = 300

// slugOf reports whether id is a slug of text: two or more words, each
// (but numbers, as a repeated title's "-2") one of text's words, lower
// case.
func slugOf(id, text string) bool {
	var buf [16]string
	toks := nameTokens(id, buf[:0])
	if len(toks) < 2 || len(text) > maxSlugText {
		return false
	}
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	n := 0
	for _, t := range toks {
		if allDigits(t) {
			continue
		}
		if !slices.Contains(words, t) { // nameTokens' tokens are lower case
			return false
		}
		n++
	}
	return n >= 2
}

// bodyLooksURL reports text that is a web address.
func bodyLooksURL(t string) bool {
	return (strings.HasPrefix(t, "http://") || strings.HasPrefix(t, "https://") || strings.HasPrefix(t, "www.")) && !strings.Contains(t, " ")
}

// bodyMarkedBody reports an element that schema.org microdata names as
// the article's body.
func bodyMarkedBody(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key == "itemprop" && strings.Contains(a.Val, "articleBody") {
			return true
		}
	}
	return false
}

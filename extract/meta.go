package extract

import (
	"encoding/json"
	"maps"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// pageMeta is what one pass over an HTML page gathers for the metadata
// fields: the declarations in <head>, JSON-LD objects, and the few
// elements of the body that carry metadata (<h1>, <time>, bylines).
type pageMeta struct {
	lang      string
	title     string   // <title>
	h1        string   // first <h1>
	h1s       []string // the first few <h1> texts
	h2s       []string // the first few <h2> texts
	canonical string
	// meta maps lower-cased name, property or itemprop to the first
	// content seen.
	meta   map[string]string
	ld     ldInfo
	times  []string // datetime attributes of <time>, in page order
	pubAt  string   // <time> or element marked as the publication date
	byline string   // text of the first element marked as a byline
	// labelled is the name after a "By" or "Written by" label set
	// apart from it ("<p>Written by</p><p>Jane Doe</p>").
	labelled string
	// dateline is the text of an element marked as the dateline.
	dateline string
	// dateText is the date shown by an element whose class names a
	// publication date ("article-publish-date").
	dateText string
	// updatedText is the date shown by an element whose class names an
	// update ("last-updated"): the page's only date when it shows no
	// other.
	updatedText string
	// nearTitle is the first date written in the text that follows the
	// first <h1>, within nearTitleChars: where pages show the date
	// beside the headline and byline.
	nearTitle string
	// nearTitleUpdate says the date beside the headline is labelled as
	// an update ("Updated March 3, 2025").
	nearTitleUpdate bool
	// labelledDate is the first date the page's text introduces as the
	// publication ("Published on March 3, 2025", "Posted: 03/03/2025",
	// "<b>Published</b> <span>Mar 3, 2025</span>"), as YYYY-MM-DD;
	// pubLabelOpen says the last text was such a label with no date
	// after it, which the next text may give.
	labelledDate string
	pubLabelOpen bool
	// scriptDate is a publication date in a script's data (the state a
	// JavaScript framework ships: "publishedDate":"2025-01-28").
	scriptDate string
	// creditLines holds the text around copyright notices ("© Thomson
	// Reuters"), which name an agency outside the body.
	creditLines []string
	// shownDate is the first short text on the page that is a date, the
	// last witness for a page that declares none.
	shownDate string
	// shownNumeric is the first short text on the page that holds a
	// numeric date ("23.07.2025", "10/31/2024"), read with the page's
	// language when the order is ambiguous: a witness only when no other
	// says anything.
	shownNumeric string
	// authorLink is the name on the first link to an author's page
	// ("/authors/jane-doe" reading "Jane Doe").
	authorLink string
	// nearByline is a "By Jane Doe" or "Posted by Jane Doe" line set
	// beside the headline without a byline's class.
	nearByline string
	// bylineBefore is such a line set just above the headline (a meta
	// row of date and author, then the title).
	bylineBefore string
	// avatarName is the name written beside a person's picture that the
	// picture's alt text names too: an author's avatar and name.
	avatarName string
	// outletLines are the copyright notices outside the site's footer
	// (in the article or beside it), whose owner, any outlet, is the
	// story's source; the footer's notice names the site's own owner.
	outletLines []string
	// itemCredits are the outlets named by lines set apart as a credit
	// ("Source: Meridian Press", "Via The Harbour Courier."): a roundup
	// or a live blog
	// credits each item's outlet beside it.
	itemCredits []string
}

// ldInfo is the subset of a schema.org Article in JSON-LD this package
// reads.
type ldInfo struct {
	headline  string
	published string
	modified  string // the article's dateModified
	// pageDate is the datePublished of a JSON-LD thing that is not an
	// article (a WebPage): the article's date when the page is it.
	pageDate  string
	authors   []string // persons
	authorOrg []string // organisations named as author
	// authorRefs are authors given only by "@id"; people maps the @id
	// of every Person in the page's graphs to its name (Yoast and other
	// SEO plugins write the author that way).
	authorRefs []string
	people     map[string]string
	// typedPerson: an author is declared a Person by its @type.
	typedPerson bool
	// pageAuthors are the persons a WebPage names as its author, and
	// pageTyped says one is typed a Person.
	pageAuthors []string
	pageTyped   bool
	sourceOrg   string
	publisher   string
	language    string
	url         string
	comments    []ldComment
}

type ldComment struct {
	author string
	text   string
	score  *int
}

// readMeta walks the parsed page once and gathers its metadata.
func readMeta(root *html.Node) *pageMeta {
	m := &pageMeta{meta: make(map[string]string)}
	// Each of these reads the text of a subtree; capping the tries keeps
	// a page of nested look-alikes from making the pass quadratic.
	creditTries, bylineTries, datelineTries, dateTries, headingTries, avatarTries := 8, 4, 4, 4, 8, 8
	afterTitle := -1 // chars of text read after the first <h1>; -1 before it
	// The last "By" line before the first <h1> and the text read when it
	// was met.
	byBefore, byBeforeAt := "", 0
	read := 0 // chars of text read so far
	walk(root, func(n *html.Node) bool {
		if n.Type == html.TextNode {
			trimmed := strings.TrimSpace(n.Data)
			read += len(trimmed)
			// A "By" line (nearBylineRE) opens with one of two
			// letters; most text cannot match it.
			first := byte(0)
			if trimmed != "" {
				first = trimmed[0] | 0x20
			}
			if m.shownDate == "" && len(n.Data) < 60 {
				if t := trimmed; len(t) >= 8 && strings.ContainsAny(t, "0123456789") {
					if d, ok := textDate(t); ok {
						m.shownDate = d
					} else if m.shownNumeric == "" {
						m.shownNumeric, _ = numericDate(t, m.lang)
					}
				}
			}
			if (afterTitle < 0 || afterTitle < nearTitleChars && m.nearByline == "") && len(n.Data) < 80 && (first == 'b' || first == 'p') {
				if t := collapse(n.Data); nearBylineRE.MatchString(t) && wordCount(bylineNames(t)) <= 6 {
					if afterTitle < 0 {
						byBefore, byBeforeAt = t, read
					} else {
						m.nearByline = t
					}
				}
			}
			if afterTitle >= 0 && afterTitle < nearTitleChars && m.nearTitle == "" {
				if t := trimmed; t != "" && len(t) < 100 {
					if d, ok := textDate(t); ok {
						m.nearTitle = d
						m.nearTitleUpdate = updatedDate(t)
					}
				}
				afterTitle += len(n.Data)
			}
			if m.labelledDate == "" && len(n.Data) < 300 && (m.pubLabelOpen || pubLabels.in(n.Data)) {
				m.readLabelledDate(collapse(n.Data))
			}
			if m.labelled == "" && bylineLabel(n.Data) && !inCommentSection(n) {
				m.labelled = labelledName(n)
			}
			// Copyright notices name the agency a story came from
			// ("© Thomson Reuters"); they sit outside the body.
			if creditTries > 0 && isCopyright(n.Data) && n.Parent != nil && !inPictureCredit(n) {
				creditTries--
				if t := textOf(n.Parent); len(t) < 200 {
					m.creditLines = append(m.creditLines, t)
					if !inSiteFooter(n) {
						m.outletLines = append(m.outletLines, t)
					}
				}
			}
			return false
		}
		if n.Type != html.ElementNode {
			return true
		}
		switch n.Data {
		case "html":
			if l := attr(n, "lang"); l != "" {
				m.lang = l
			} else if l := attr(n, "xml:lang"); l != "" {
				m.lang = l
			}
		case "title":
			if m.title == "" && n.Namespace == "" {
				m.title = textOf(n)
			}
			return false
		case "meta":
			content := attr(n, "content")
			if content == "" {
				return false
			}
			for _, k := range []string{"property", "name", "itemprop", "http-equiv"} {
				// itemprop may list several properties
				// ("datePublished dateCreated").
				for _, key := range strings.Fields(strings.ToLower(attr(n, k))) {
					if _, seen := m.meta[key]; !seen && len(m.meta) < 512 {
						m.meta[key] = strings.TrimSpace(content)
					}
				}
			}
			return false
		case "link":
			if m.canonical == "" && strings.EqualFold(strings.TrimSpace(attr(n, "rel")), "canonical") {
				m.canonical = strings.TrimSpace(attr(n, "href"))
			}
			return false
		case "script":
			if n.FirstChild == nil {
				return false
			}
			if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") {
				m.ld.merge(n.FirstChild.Data)
			} else if m.scriptDate == "" {
				m.scriptDate = scriptDate(n.FirstChild.Data)
			}
			return false
		case "style", "noscript", "template", "svg":
			return false
		case "a":
			if m.authorLink == "" {
				if name := authorLinkName(n); name != "" && !inCommentSection(n) {
					m.authorLink = name
				}
			}
		case "img":
			if m.avatarName == "" && avatarTries > 0 && (attr(n, "alt") != "" || ownAvatarClass(n)) && avatarImage(n) && !inCommentSection(n) {
				avatarTries--
				m.avatarName = avatarName(n)
			}
			return false
		case "h1":
			if afterTitle < 0 && byBefore != "" && read-byBeforeAt <= beforeTitleChars {
				m.bylineBefore = byBefore
			}
			if afterTitle < 0 || m.nearTitle == "" && len(m.h1s) < 4 {
				// The date beside the headline: a later <h1> (the
				// story's, after the site's name) opens the window
				// again while no date is found.
				afterTitle = 0
			}
			keep := false
			if len(m.h1s) < 4 && headingTries > 0 && read <= lateHeadingChars {
				headingTries--
				keep = !hiddenHeading(n) && !siteHeading(n)
			}
			if keep {
				t := collapse(textOf(n))
				if m.h1 == "" {
					m.h1 = t
				}
				m.h1s = append(m.h1s, t)
			}
			return false
		case "h2":
			// Not skipped: an <h2> may hold a byline or a <time>.
			if len(m.h2s) < 4 {
				m.h2s = append(m.h2s, collapse(textOf(n)))
			}
		case "time":
			if dt := strings.TrimSpace(attr(n, "datetime")); dt == "" && len(m.times) < 16 {
				// A <time> that shows its date only as text.
				if d, ok := normalizeDate(collapse(textOf(n))); ok {
					m.times = append(m.times, d)
				}
			} else if dt != "" {
				m.times = append(m.times, dt)
				if m.pubAt == "" && (hasAttr(n, "pubdate") || strings.EqualFold(attr(n, "itemprop"), "datePublished")) {
					m.pubAt = dt
				}
			}
		}
		// One scan of the attributes decides which of the tests below
		// can apply; most elements need none.
		var itemprop, rel string
		named, credited := false, false
		for _, a := range n.Attr {
			switch a.Key {
			case "itemprop":
				itemprop = a.Val
			case "rel":
				rel = a.Val
			case "class", "id":
				named = named || metaNames.in(a.Val)
				credited = credited || creditNames.in(a.Val)
			}
		}
		if credited && len(m.itemCredits) < maxItemCredits {
			m.readItemCredit(n)
		}
		if itemprop == "" && rel == "" && !named {
			return true
		}
		if m.pubAt == "" && strings.EqualFold(itemprop, "datePublished") {
			if v := attr(n, "content"); v != "" {
				m.pubAt = v
			} else if v := attr(n, "datetime"); v != "" {
				m.pubAt = v
			}
		}
		if dateTries > 0 && named {
			kind := dateNodeKind(n)
			if kind == datePublished && m.dateText == "" || kind == dateUpdated && m.updatedText == "" {
				text := textOf(n) // read once for both uses below
				if kind == datePublished && updatedDate(text) {
					// A date element that shows "Updated ..." whatever its class.
					kind = dateUpdated
				}
				if kind == datePublished || m.updatedText == "" {
					dateTries--
					for _, v := range []string{attr(n, "datetime"), attr(n, "content"), attr(n, "value"), innerTime(n), text} {
						if _, ok := normalizeDate(v); ok {
							if kind == datePublished {
								m.dateText = v
							} else {
								m.updatedText = v
							}
							break
						}
					}
				}
			}
		}
		if m.dateline == "" && datelineTries > 0 && named && strings.Contains(classID(n), "dateline") {
			datelineTries--
			m.dateline = textOf(n)
		}
		if m.byline == "" && bylineTries > 0 && isBylineNode(n) && !inCommentSection(n) {
			bylineTries--
			if t := textOf(n); t != "" && len(t) < 200 {
				m.byline = t
			}
		}
		return true
	})
	return m
}

// bylineLabel reports text that is only a byline's label: "By",
// "Written by", "Author:", "Contributors:". Its white space is trimmed
// first: templates indent a lone "by" between the tags.
func bylineLabel(t string) bool {
	t = strings.TrimSpace(t)
	if len(t) > 40 || t == "" || !strings.ContainsRune("abcprstw", rune(t[0]|0x20)) {
		// Every label opens with one of these letters, in either case:
		// most short texts need no lower-casing.
		return false
	}
	t = strings.ToLower(strings.TrimSpace(strings.TrimRight(t, ":")))
	t = strings.Join(strings.Fields(t), " ")
	switch t {
	case "by", "author", "authors", "writer", "contributor", "contributors":
		return true
	}
	w, ok := strings.CutSuffix(t, " by")
	return ok && bylineVerbs[w]
}

// bylineVerbs say who made the text in a byline's label ("Written by",
// "Reported by"): the label names no one.
var bylineVerbs = map[string]bool{"written": true, "authored": true, "posted": true, "words": true,
	"article": true, "story": true, "reported": true, "text": true, "reporting": true}

// bylineVerbAlt is bylineVerbs as an alternation of a regular expression,
// for the expression that reads a byline's label (bylinePrefix).
var bylineVerbAlt = strings.Join(slices.Sorted(maps.Keys(bylineVerbs)), "|")

// labelledName returns the text that follows a byline label: the next
// element beside it, or when the label ends its element, the element
// after that one.
func labelledName(label *html.Node) string {
	// next is the element or text beside n: the name ("<b>By</b>
	// Jane Doe", or text split by markup comments, "by: <!-- -->Jane").
	next := func(n *html.Node) *html.Node {
		for c := n.NextSibling; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode || c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" {
				return c
			}
		}
		return nil
	}
	el := next(label)
	if el == nil && label.Parent != nil && label.NextSibling == nil {
		el = next(label.Parent)
	}
	if el == nil {
		return ""
	}
	t := collapse(el.Data)
	if el.Type == html.ElementNode {
		t = collapse(textOf(el))
	}
	if len(t) < 100 {
		return t
	}
	return ""
}

// creditNames are the words whose presence in a class or id makes an
// element worth asking whether it is a credit line (creditClassed).
var creditNames = newFoldWords("credit", "source", "via")

// metaNames are the words whose presence in a class or id makes an
// element worth the metadata tests (dates, bylines, datelines); "by"
// stands for "byline" and a byline named for its label ("by", "post-by").
// They are looked for in one pass, as this runs on every class and id of
// the page.
var metaNames = newFoldWords("date", "publish", "time", "posted", "modif", "by", "author", "writer", "contributor", "autor", "auteur")

// nearBylineRE matches a byline line: "By Jane Doe", "by Jane Doe",
// "Posted by Jane Doe".
var nearBylineRE = regexp.MustCompile(`^(?i:(?:posted\s+)?by)\s*:?\s+\p{Lu}\p{L}+\s+\p{Lu}`)

// avatarImage reports a picture of a person: one whose class, its
// parents' or its address names an avatar, an author, a profile or a
// headshot, or a round crop ("rounded-full", "circle").
func avatarImage(img *html.Node) bool {
	if avatarWords.in(attr(img, "src")) {
		return true
	}
	e := img
	for i := 0; i < 3 && e != nil && e.Type == html.ElementNode; i, e = i+1, e.Parent {
		toks := nameTokens(classID(e), nil)
		for j, t := range toks {
			switch t {
			case "avatar", "author", "authors", "profile", "headshot", "portrait", "circle":
				return true
			case "rounded":
				// "rounded-full", a round crop; not "rounded-lg".
				if j+1 < len(toks) && toks[j+1] == "full" {
					return true
				}
			}
		}
	}
	return false
}

// ownAvatarClass reports a picture whose own class names an avatar
// ("avatar avatar-96 photo", WordPress's).
func ownAvatarClass(img *html.Node) bool {
	return slices.Contains(nameTokens(attr(img, "class"), nil), "avatar")
}

// capitalisedRun returns the words that open s up to its first word that
// is not capitalised ("Jane Doe in Gardening" gives "Jane Doe").
func capitalisedRun(s string) string {
	words := strings.Fields(s)
	k := 0
	for k < len(words) {
		if r, _ := utf8.DecodeRuneInString(words[k]); !unicode.IsUpper(r) {
			break
		}
		k++
	}
	return strings.Join(words[:k], " ")
}

// avatarWords are the words of a picture's address that make it a
// person's (avatarImage).
var avatarWords = newFoldWords("avatar", "author", "profile", "headshot")

// avatarName returns the text that follows a person's picture inside
// the elements around it when the picture's alt text holds it ("Picture
// of Jane Doe" beside "Jane Doe"): two to four capitalised words, or "".
func avatarName(img *html.Node) string {
	alt := strings.ToLower(collapse(attr(img, "alt")))
	if len(alt) > 100 {
		return ""
	}
	// The first text after the picture inside its third enclosing
	// element at most (the nearest box holding any text after it: the
	// walk reads the picture's own parent first).
	box := img
	for i := 0; i < 3 && box.Parent != nil && box.Parent.Type == html.ElementNode; i++ {
		box = box.Parent
	}
	text, after := "", false
	walk(box, func(c *html.Node) bool {
		if text != "" {
			return false
		}
		if c == img {
			after = true
			return false
		}
		if after && c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" {
			text = collapse(c.Data)
		}
		return c.Type == html.ElementNode && c.Data != "script" && c.Data != "style"
	})
	switch {
	case alt == "":
		// A picture whose own class names an avatar, with no alt text
		// to check the name by ("<img class="avatar"> Jane Doe in
		// Gardening"): the capitalised words that open the text.
		text = capitalisedRun(text)
	case !strings.Contains(alt, strings.ToLower(text)):
		return ""
	}
	if n := wordCount(text); n < 2 || n > 4 {
		return ""
	}
	for _, w := range strings.Fields(text) {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return ""
		}
	}
	return text
}

// authorLinkName returns the name a link to an author's page shows: the
// path has an "author" or "authors" segment followed by the name's slug
// ("/authors/jane-doe" reading "Jane Doe"), or "".
func authorLinkName(a *html.Node) string {
	href := attr(a, "href")
	if !slices.ContainsFunc(authorDirs, func(dir string) bool { return containsFold(href, dir) }) {
		return "" // most links, told without lower-casing them
	}
	href = strings.ToLower(href)
	i := -1
	for _, dir := range authorDirs {
		if i = strings.Index(href, dir); i >= 0 {
			break
		}
	}
	if i < 0 {
		return ""
	}
	slug := strings.Trim(href[strings.Index(href[i+1:], "/")+i+2:], "/")
	if j := strings.IndexAny(slug, "/?#"); j >= 0 {
		slug = slug[:j]
	}
	name := collapse(textOf(a))
	if n := wordCount(name); n < 2 || n > 4 || len(name) > 60 {
		return ""
	}
	if !slugNames(slug, name) {
		return ""
	}
	return name
}

// authorDirs are the folders of a site's pages about its writers:
// "/author/jane-doe", "/userprofile/janedoe", "/contributors/jane-doe".
var authorDirs = []string{"/author/", "/authors/", "/profile/", "/profiles/", "/userprofile/",
	"/contributor/", "/contributors/", "/writer/", "/writers/"}

// slugNames reports whether an author page's slug is made from the name
// its link shows: "jane-doe" or "janedoe" for Jane Doe.
func slugNames(slug, name string) bool {
	words := strings.Fields(strings.ToLower(name))
	return slug == strings.Join(words, "-") || slug == strings.Join(words, "")
}

// lateHeadingChars is how much page text may come before a story's
// <h1>: past it, an <h1> heads a promotion, the comments or a list of
// other stories after the article. 13,000: on the fit part of the WCXB
// set none of the 16 <h1>s with more text before them held the true
// title, and headlines came as late as 12,600 behind long menus.
const lateHeadingChars = 13000

// siteHeading reports a heading that holds the site's name, not a
// story's: a theme's logo or site-title heading ("site-title", "logo",
// "brand", "masthead" in its class or id), or one whose whole text is a
// link to the site's home page. Themes put the site's name in an <h1> on
// every page, ahead of the story's own.
func siteHeading(n *html.Node) bool {
	toks := nameTokens(classNames(n), nil)
	for i, t := range toks {
		switch t {
		case "logo", "brand", "branding", "masthead":
			return true
		case "site":
			if i+1 < len(toks) && (toks[i+1] == "title" || toks[i+1] == "name") {
				return true
			}
		}
	}
	var link *html.Node
	walk(n, func(c *html.Node) bool {
		if link == nil && c.Type == html.ElementNode && c.Data == "a" {
			link = c
		}
		return link == nil
	})
	return link != nil && homeLink(attr(link, "href")) && collapse(textOf(link)) == collapse(textOf(n))
}

// hiddenHeading reports a heading the page does not show: hidden by its
// style or its hidden attribute, or kept for screen readers by its class
// ("sr-only", "screen-reader-text"). The headline is the one a reader
// sees.
func hiddenHeading(n *html.Node) bool {
	if bodyHidden(n, false) {
		return true
	}
	return slices.ContainsFunc(strings.Fields(classNames(n)), hiddenClassName)
}

// homeLink reports an address that is a site's home page: "/", or a
// scheme and host with no path.
func homeLink(href string) bool {
	href = strings.TrimSpace(href)
	if href == "/" {
		return true
	}
	_, rest, ok := strings.Cut(href, "//")
	if !ok || rest == "" {
		return false
	}
	host, path, _ := strings.Cut(rest, "/")
	return host != "" && strings.Trim(path, "/") == ""
}

// nearTitleChars is how much text after the headline is read for its
// date: the byline, the date and a standfirst, not the article.
const nearTitleChars = 600

// beforeTitleChars is how much text may stand between a "By" line above
// the headline and the headline: a date, a category label.
const beforeTitleChars = 200

func hasAttr(n *html.Node, name string) bool {
	for _, a := range n.Attr {
		if a.Key == name {
			return true
		}
	}
	return false
}

// innerTime returns the datetime of the first <time> inside n: the
// machine-readable form of the date n shows ("Posted on <time ...>").
func innerTime(n *html.Node) string {
	dt := ""
	walk(n, func(c *html.Node) bool {
		if dt != "" || c.Type != html.ElementNode {
			return false
		}
		if c.Data == "time" {
			dt = attr(c, "datetime")
			return false
		}
		return true
	})
	return dt
}

// Kinds of date an element's class or id names.
const (
	datePublished = 1
	dateUpdated   = 2
)

// dateNodeKind reads the tokens of an element's class and id names: a
// publication date ("publish-date", "post_date", "entry-date", "pubdate",
// "article-timestamp", "posted-on"), an update ("last-updated",
// "date-modified"), or 0.
func dateNodeKind(n *html.Node) int {
	ci := classID(n)
	if ci == "" {
		return 0
	}
	kind := 0
	var toks []string
	for _, name := range strings.Fields(ci) {
		if nameIsState(name) {
			continue
		}
		toks = nameTokens(name, toks[:0])
		named, updated := false, false
		for _, t := range toks {
			switch t {
			case "date", "dates", "pubdate", "published", "publish", "publication", "posted", "timestamp", "time", "datetime":
				named = true
			case "updated", "update", "modified", "modify", "lastmod", "revised":
				updated = true
			}
		}
		for _, t := range toks {
			switch t {
			case "comment", "comments", "related", "event", "events", "expiry", "expires", "birth", "picker":
				named, updated = false, false
			}
		}
		switch {
		case updated:
			kind = dateUpdated
		case named:
			return datePublished
		}
	}
	return kind
}

// scriptDataKeys are the keys under which JavaScript page state holds a
// story's publication date.
var scriptDataKeys = []string{
	`"datePublished"`, `"publishedDate"`, `"publishDate"`, `"publish_date"`, `"published_at"`,
	`"publishedAt"`, `"published_on"`, `"first_publication_date"`, `"date_published"`,
	`"publicationDate"`, `"pubDate"`, `"postDate"`, `"post_date"`,
	`publishedDate:`, `publishDate:`, `published_on:`, `publishedAt:`,
}

// scriptDate returns the earliest-placed publication date found in a
// script's data under one of scriptDataKeys, as written
// ("2025-01-28T10:00:00Z").
func scriptDate(src string) string {
	if !strings.Contains(src, "ublish") && !strings.Contains(src, "ubDate") && !strings.Contains(src, "ostDate") && !strings.Contains(src, "ost_date") {
		return ""
	}
	best, bestAt := "", len(src)
	for _, k := range scriptDataKeys {
		i := strings.Index(src[:bestAt], k)
		if i < 0 {
			continue
		}
		rest := strings.TrimLeft(src[i+len(k):], " \t\n:")
		rest = strings.TrimLeft(rest, `\"'`)
		if len(rest) > 32 {
			rest = rest[:32]
		}
		if j := strings.IndexAny(rest, `"'\,}`); j >= 0 {
			rest = rest[:j]
		}
		if _, ok := normalizeDate(rest); ok {
			best, bestAt = rest, i
		}
	}
	return best
}

// isBylineNode reports an element that pages use for the author line:
// rel="author", itemprop="author", or a class or id naming a byline.
func isBylineNode(n *html.Node) bool {
	if strings.EqualFold(attr(n, "rel"), "author") || strings.EqualFold(attr(n, "itemprop"), "author") {
		return true
	}
	ci := classNames(n)
	if ci == "" {
		return false
	}
	var toks []string
	for _, name := range strings.Fields(ci) {
		if nameIsState(name) {
			continue
		}
		toks = nameTokens(nameBlock(moduleLocal(name)), toks[:0])
		if bylineName(name, toks) {
			return true
		}
	}
	return false
}

// bylineName reports whether class name name, of tokens toks, names a
// byline: its tokens hold "byline", or end in the author ("post-author",
// "text__author", "authorName", "entry-author-link", "author-wrapper") or the label ("by",
// "post-by"), and say nothing of another person's text or of a picture
// ("comment-author", "author-bio", "author-avatar").
func bylineName(name string, toks []string) bool {
	if len(toks) == 0 {
		return false
	}
	for _, t := range toks {
		switch t {
		case "comment", "comments", "bio", "avatar", "image", "img", "photo", "picture", "description", "desc", "box", "card", "title", "label", "info", "details":
			return false
		}
	}
	for _, t := range toks {
		if t == "byline" || t == "bylines" {
			return true
		}
	}
	last := toks[len(toks)-1]
	if last == "by" {
		// "by", "post-by": the label of a byline, in a name of words
		// (plainName), not a generated one.
		return plainName(name)
	}
	if len(toks) > 1 {
		switch last {
		case "name", "names", "link", "links", "text", "container", "wrapper", "wrap":
			last = toks[len(toks)-2]
		}
	}
	switch last {
	case "author", "authors", "writer", "writers", "contributor", "contributors",
		// The author in German, Spanish, Portuguese, Polish, French and
		// Italian class names.
		"autor", "autoren", "autores", "auteur", "auteurs", "autore", "autori":
		return true
	}
	return false
}

// plainName reports a class name written in lower-case words and
// separators alone: a short token ("by") read from a generated name
// ("iWgt1WvufJ2EB3ABy") is a fragment of a hash, not a word.
func plainName(name string) bool {
	for i := 0; i < len(name); i++ {
		if c := name[i]; 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
			return false
		}
	}
	return true
}

// articleTypes lists the schema.org types whose JSON-LD describes the
// article itself (as opposed to the site, breadcrumbs, or the publisher).
var articleTypes = map[string]bool{
	"article": true, "newsarticle": true, "blogposting": true, "reportagenewsarticle": true,
	"analysisnewsarticle": true, "opinionnewsarticle": true, "backgroundnewsarticle": true,
	"reviewnewsarticle": true, "livebloposting": true, "liveblogposting": true, "report": true,
	"techarticle": true, "scholarlyarticle": true, "socialmediaposting": true, "posting": true,
	"discussionforumposting": true, "webpage": false,
}

// merge reads one JSON-LD script and fills the fields still empty. Broken
// JSON is ignored: pages ship it often, and it is only a hint.
func (ld *ldInfo) merge(src string) {
	var v any
	if err := json.Unmarshal([]byte(strings.TrimSpace(src)), &v); err != nil {
		return
	}
	ld.visit(v, 0)
}

// visit walks a decoded JSON-LD value; depth bounds the walk on crafted
// input.
func (ld *ldInfo) visit(v any, depth int) {
	if depth > 8 {
		return
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			ld.visit(e, depth+1)
		}
	case map[string]any:
		if isArticleType(x["@type"]) {
			ld.readArticle(x)
		} else {
			if ld.pageDate == "" {
				ld.pageDate = ldString(x["datePublished"])
			}
			if t, _ := x["@type"].(string); strings.EqualFold(t, "WebPage") && len(ld.pageAuthors) == 0 {
				// A page typed only as a WebPage with its author:
				// the article's author when no Article says.
				page := ldInfo{}
				page.readAuthors(x["author"])
				ld.pageAuthors, ld.pageTyped = page.authors, page.typedPerson
			}
		}
		if t, _ := x["@type"].(string); strings.EqualFold(t, "Person") {
			if id, name := ldString(x["@id"]), collapse(ldName(x)); id != "" && name != "" && len(ld.people) < 64 {
				if ld.people == nil {
					ld.people = map[string]string{}
				}
				ld.people[id] = name
			}
		}
		for _, k := range []string{"@graph", "mainEntity", "mainEntityOfPage", "itemListElement"} {
			if c, ok := x[k]; ok {
				if _, isStr := c.(string); !isStr {
					ld.visit(c, depth+1)
				}
			}
		}
	}
}

func isArticleType(t any) bool {
	switch x := t.(type) {
	case string:
		return articleTypes[strings.ToLower(x)]
	case []any:
		for _, e := range x {
			if isArticleType(e) {
				return true
			}
		}
	}
	return false
}

func (ld *ldInfo) readArticle(x map[string]any) {
	if ld.headline == "" {
		ld.headline = collapse(html.UnescapeString(ldString(x["headline"])))
		if ld.headline == "" {
			ld.headline = collapse(html.UnescapeString(ldString(x["name"])))
		}
	}
	if ld.published == "" {
		ld.published = ldString(x["datePublished"])
		if ld.published == "" {
			ld.published = ldString(x["dateCreated"])
		}
	}
	if ld.modified == "" {
		ld.modified = ldString(x["dateModified"])
	}
	if len(ld.authors) == 0 && len(ld.authorOrg) == 0 && len(ld.authorRefs) == 0 {
		ld.readAuthors(x["author"])
		if len(ld.authors) == 0 {
			ld.readAuthors(x["creator"])
		}
	}
	if ld.sourceOrg == "" {
		ld.sourceOrg = ldName(x["sourceOrganization"])
	}
	if ld.publisher == "" {
		ld.publisher = ldName(x["publisher"])
	}
	if ld.language == "" {
		ld.language = ldString(x["inLanguage"])
	}
	if ld.url == "" {
		ld.url = ldString(x["url"])
	}
	if len(ld.comments) == 0 {
		ld.readComments(x["comment"])
	}
}

func (ld *ldInfo) readAuthors(v any) {
	switch x := v.(type) {
	case string:
		if s := collapse(x); s != "" && !strings.Contains(s, "://") {
			ld.authors = append(ld.authors, s)
		}
	case []any:
		for _, e := range x {
			ld.readAuthors(e)
		}
	case map[string]any:
		name := collapse(ldName(x))
		if name == "" {
			if id := ldString(x["@id"]); id != "" {
				ld.authorRefs = append(ld.authorRefs, id)
			}
			return
		}
		t, _ := x["@type"].(string)
		if strings.EqualFold(t, "Organization") || strings.EqualFold(t, "NewsMediaOrganization") {
			ld.authorOrg = append(ld.authorOrg, name)
			return
		}
		ld.typedPerson = ld.typedPerson || strings.EqualFold(t, "Person")
		ld.authors = append(ld.authors, name)
	}
}

// personAuthors returns the JSON-LD authors that are people, with those
// given by @id resolved, and whether one is declared a Person (by its
// @type, or by an @id that names a Person).
func (ld *ldInfo) personAuthors() (names []string, declared bool) {
	names, declared = ld.authors, ld.typedPerson
	if len(ld.authors) == 0 && len(ld.authorRefs) == 0 && len(ld.authorOrg) == 0 {
		names, declared = ld.pageAuthors, ld.pageTyped
	}
	for _, id := range ld.authorRefs {
		if name := ld.people[id]; name != "" {
			names = append(names[:len(names):len(names)], name)
			declared = true
		}
	}
	return names, declared
}

func (ld *ldInfo) readComments(v any) {
	items, ok := v.([]any)
	if !ok {
		if v == nil {
			return
		}
		items = []any{v}
	}
	for _, e := range items {
		x, ok := e.(map[string]any)
		if !ok {
			continue
		}
		text := collapse(ldString(x["text"]))
		if text == "" {
			continue
		}
		c := ldComment{author: collapse(ldName(x["author"])), text: text}
		up, upOK := ldNumber(x["upvoteCount"])
		down, downOK := ldNumber(x["downvoteCount"])
		if upOK || downOK {
			s := up - down
			c.score = &s
		}
		ld.comments = append(ld.comments, c)
	}
}

// ldString returns a JSON-LD value as a string: a string itself, the first
// string of a list, or the @value of a value object.
func ldString(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case []any:
		for _, e := range x {
			if s := ldString(e); s != "" {
				return s
			}
		}
	case map[string]any:
		return ldString(x["@value"])
	}
	return ""
}

// ldName returns the name of a JSON-LD thing (a person, an organisation),
// or the string itself.
func ldName(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case map[string]any:
		return ldString(x["name"])
	case []any:
		for _, e := range x {
			if s := ldName(e); s != "" {
				return s
			}
		}
	}
	return ""
}

func ldNumber(v any) (int, bool) {
	switch x := v.(type) {
	case float64:
		return int(x), true
	case string:
		n, ok := atoi(strings.TrimSpace(x))
		return n, ok
	}
	return 0, false
}

// atoi parses a small signed decimal integer, refusing anything longer
// than 9 digits (vote counts and years, never overflow).
func atoi(s string) (int, bool) {
	neg := false
	if s != "" && (s[0] == '-' || s[0] == '+') {
		neg = s[0] == '-'
		s = s[1:]
	} else if strings.HasPrefix(s, "\u2212") {
		neg = true
		s = s[len("\u2212"):]
	}
	if s == "" || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	if neg {
		n = -n
	}
	return n, true
}

// firstMeta returns the content of the first of keys present.
func (m *pageMeta) firstMeta(keys ...string) string {
	for _, k := range keys {
		if v := m.meta[k]; v != "" {
			return v
		}
	}
	return ""
}

// pubLabel matches the words that introduce a publication date:
// "Published", "Posted", "First published", "Publication date", and the
// publication in French, Spanish, Portuguese, Italian, German and Dutch
// ("Publié le", "Publicado el", "Pubblicato il", "Veröffentlicht am",
// "Gepubliceerd op").
var pubLabel = regexp.MustCompile(`(?i)\b(?:published|posted|publication date|date published)\b|\b(?:publiée?|publicad[oa]|pubblicat[oa]|veröffentlicht|gepubliceerd)(?:\s|:|$)`)

// pubLabels are the words of which a text must hold one for
// readLabelledDate to read it, unless a label before it is open: every
// publication label holds one.
var pubLabels = newFoldWords("publi", "posted", "pubbl", "veröffentl")

// pubLabelReach is how far after its label a publication date may start:
// room for "on", a colon, "by" and a name.
const pubLabelReach = 40

// readLabelledDate reads one text of the page for a date its words
// introduce as the publication: the date after a pubLabel in t, or t's
// date when the text before ended with a label.
func (m *pageMeta) readLabelledDate(t string) {
	if t == "" {
		return
	}
	rest := ""
	if m.pubLabelOpen {
		m.pubLabelOpen = false
		rest = t
	} else if loc := pubLabel.FindStringIndex(t); loc != nil {
		rest = t[loc[1]:]
		if strings.TrimLeft(rest, " :-–—|·") == "" {
			m.pubLabelOpen = true
			return
		}
	} else {
		return
	}
	if len(rest) > pubLabelReach+30 {
		rest = rest[:pubLabelReach+30]
	}
	if d, at, ok := textDateAt(rest); ok && at <= pubLabelReach && !updateLabel.MatchString(rest[:at]) {
		m.labelledDate = d
	} else if d, ok := numericDate(rest, m.lang); ok {
		m.labelledDate = d
	}
}

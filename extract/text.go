package extract

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/wiretrace/wiretrace/article"
)

// lineKind is the role of one line of a plain-text page dump.
type lineKind uint8

const (
	kindOther         lineKind = iota // unclassified boilerplate
	kindMenu                          // navigation before the article
	kindCaption                       // an image caption or photo credit
	kindTitle                         // the headline
	kindSection                       // a section label ("politics")
	kindDateline                      // a line that is only a dateline
	kindByline                        // "By Jane Doe"
	kindDate                          // a line that is only a date
	kindBody                          // a paragraph of the article
	kindCredit                        // the agency credit ("© <Agency> <year>.")
	kindCopyright                     // the site's copyright notice
	kindAdvert                        // shop and subscribe prompts
	kindCommentHeader                 // "5 Comments", "Leave a comment"
	kindComment                       // a paragraph of a reader comment
	kindVote                          // a comment's vote line ("-3 ( +3 / -6 )")
	kindLogin                         // login, register, newsletter prompts
	kindRelated                       // a headline in a list after the article
	kindCommentAuthor                 // "Jane on May 5, 2025 at 4:47 pm said:"
)

var kindNames = [...]string{"other", "menu", "caption", "title", "section", "dateline", "byline", "date", "body", "credit", "copyright", "advert", "comment-header", "comment", "vote", "login", "related", "comment-author"}

func (k lineKind) String() string { return kindNames[k] }

// textLine is one non-blank line of a dump with the features the
// classifier reads.
type textLine struct {
	text  string
	words int
	kind  lineKind
	prose bool // reads as running text, see isProse
	hard  bool // a boilerplate pattern matched: never body
	// gap is set when a blank line comes before this one: blocks of
	// lines set apart by blank lines are one unit on the page.
	gap bool
}

var (
	// voteLine matches the vote tallies pages print under a comment:
	// "-3 ( +3 / -6 )", "12 ▲ 3 ▼", "5 points", "12 upvotes", "Likes: 4",
	// "Like (4)", and a count after an up arrow, a thumb or a heart ("▲
	// 12", "👍 12", "♥ 12") or signed alone ("+12").
	voteLine = regexp.MustCompile(`^(?:([+\-−–]?\s?\d{1,7})\s*\(\s*\+\s?(\d{1,7})\s*/\s*[-−–]\s?(\d{1,7})\s*\)` +
		`|[▲↑]\s*(\d{1,7})\s*[▼↓]\s*(\d{1,7})` +
		`|(\d{1,7})\s*[▲↑]\s*(\d{1,7})\s*[▼↓]` +
		`|([+\-−]?\d{1,7})\s+(?i:points?|votes?|likes?|upvotes?)` +
		`|(?:Likes?|Votes?|Score|Points|Rating)\s*(?::\s*|\(\s*)?([+\-−]?\d{1,7})\)?(?:\s+(?i:votes?|likes?|points?))?` +
		`|(?:[▲↑♥❤]|👍\s?)\s*(\d{1,7})|([+\-−]\d{1,7}))$`)
	commentHeader = regexp.MustCompile(`(?i)^(?:\d{1,6}\s+(?:comments?|replies|responses)|comments?(?:\s*\(\d+\))?|(?:leave|post|add|write|view|show|read)\s+(?:a\s+|all\s+)?(?:\d+\s+)?comments?|discussion|what do you think\??)$`)
	loginLine     = regexp.MustCompile(`(?i)^(?:log ?in|sign ?in|sign ?up|register|subscribe|newsletter)\b|\b(?:log ?in|sign ?in|register) to (?:comment|reply|post|leave|continue|read)|\b(?:log ?in|login) (?:or|/) (?:register|sign ?up)\b|\b(?:register|sign ?up) (?:or|/) (?:log ?in|login)\b|forgot (?:your )?password|create an account|user registration|account to (?:log ?in|sign ?in|login)|\bnewsletter sign ?up\b|(?:facebook|google|twitter|apple) (?:connect|users|login)`)
	captionLine   = regexp.MustCompile(`(?i)\b(?:image|photo|photograph|picture|pictured|illustration|file photo|video)\s*:\s*\S|^(?:image|photo|picture|video)s?\s*:?$|\((?:[A-Z]+ )?photo\b|\bphoto(?:graph)?\s+(?:by|credit)\b|\bimage (?:caption|copyright|source)\b|\bgetty images\s*$|^[—–-]\s.{1,80}\(@\w{1,30}\)`)
	advertLine    = regexp.MustCompile(`(?i)^(?:advertisement|advert|sponsored(?: content)?|promoted|ad|ads by \S+|buy now|shop now|order now|learn more|read more|continue reading|subscribe now|download (?:the|our) app|shop\b.{0,40}!|story continues below(?: advertisement)?|scroll to continue(?: with content)?|(?:read more|related|see also|also read|recommended|more|watch|listen)\s*:.{0,100})$`)
	// authorBox matches the heading of an author's biography box, which
	// follows the story: "About the author", "About Jane Doe".
	authorBox = regexp.MustCompile(`^(?i:about the authors?|about|sobre|über|à propos de|acerca de)(?:\s+(?:the\s+)?\p{Lu}[\p{L}.'-]*){1,4}$|^(?i:about the authors?)$`)
	// promoLine matches the site's calls to action: "Follow us on
	// Twitter", "Sign up for our newsletter", "Listen to the show live".
	promoLine = regexp.MustCompile(`(?i)^(?:follow|subscribe|sign up|listen|watch|download|join|click|share|support|get (?:the|our)|for more|to read more|read (?:more|the full)|do you have|have a (?:news )?tip|contact us|email us|send us)\b.{0,150}\b(?:here|us|our|newsletters?|app|podcast|twitter|facebook|instagram|youtube|linkedin|tiktok|whatsapp|e-?mail)\b`)
	// consentLine matches cookie and consent banners.
	consentLine = regexp.MustCompile(`\bcookies?\b.{0,200}\b(?:website|browser|consent|privacy|gdpr)\b|\b(?:website|site|we)\s+uses?\s+cookies\b|\b(?:accept|allow|enable)\s+(?:all\s+)?cookies\b|\bcookie (?:settings|policy|preferences)\b`)
	// commentAuthorLine matches the line that opens a comment in many
	// themes: "Jane Doe on September 12, 2018 at 4:47 pm said:".
	commentAuthorLine = regexp.MustCompile(`(?i)^(.{1,60}?)(?:\s+on\s+.{4,50}?)?\s+(?:said|says|wrote|writes|replied|commented)\s*:$`)
	// loginStart is the part of loginLine that only reads a line's first
	// word ("Subscribe", "Register / Login"); on a long line that word
	// opens a sentence ("Register offices will close ..."), so long lines
	// need loginAnywhere.
	loginStart    = regexp.MustCompile(`(?i)^(?:log ?in|sign ?in|sign ?up|register|subscribe|newsletter)\b`)
	loginAnywhere = regexp.MustCompile(`(?i)\b(?:log ?in|sign ?in|register) to (?:comment|reply|post|leave|continue|read)|\b(?:log ?in|login) (?:or|/) (?:register|sign ?up)\b|\b(?:register|sign ?up) (?:or|/) (?:log ?in|login)\b|forgot (?:your )?password|create an account|account to (?:log ?in|sign ?in|login)`)
	// uiLine matches the buttons a dump keeps as text around comments
	// and share bars.
	uiLine     = regexp.MustCompile(`(?i)^(?:reply|replies|report|report abuse|share|like|flag|quote|permalink|edit|delete|follow|tweet|email|print|copy link|load more(?: comments)?|show more(?: replies)?)$`)
	bylineLine = regexp.MustCompile(`^(?i:by)\s+\p{Lu}`)
)

// midStory reports the boilerplate kinds that sites insert between the
// paragraphs of a story.
func midStory(k lineKind) bool {
	return k == kindAdvert || k == kindCaption || k == kindOther
}

// endsSentence reports a line that ends as sentences do, closing quotes
// and brackets aside.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, " \"'”’»)]")
	r, _ := utf8.DecodeLastRuneInString(s)
	switch r {
	case '.', '!', '?', '…', ':', ';', '。', '！', '？':
		return true
	}
	return false
}

// isProse reports a line that reads as running text: a sentence of five
// words or more, or a line so long (25 words) that it is a paragraph that
// lost its final stop. Headlines run 6–20 words without a stop, menus
// and captions shorter.
func isProse(s string, words int) bool {
	if words >= 25 {
		return true
	}
	return words >= 5 && endsSentence(s)
}

// loginKeys and captionKeys are words every loginLine and captionLine
// match holds; they gate the regexps.
var (
	loginKeys   = []string{"log", "sign", "regist", "subscri", "newsletter", "password", "account", "connect", "users"}
	captionKeys = []string{"image", "photo", "picture", "illustration", "video", "getty", "(@"}
)

func containsAny(s string, keys []string) bool {
	for _, k := range keys {
		if strings.Contains(s, k) {
			return true
		}
	}
	return false
}

// linkRef matches the numbered link markers of text-browser dumps
// ("[12]Politics").
var linkRef = regexp.MustCompile(`\[\d{1,4}\]`)

// listItem matches a line that starts a list item, which is never the
// continuation of a wrapped line.
var listItem = regexp.MustCompile(`^(?:[*+•o-]|\d{1,3}[.)])\s`)

// unwrap undoes the hard line wrapping of text-browser dumps (lynx, w3m
// and "save as text" wrap paragraphs at 70–80 columns), so that each
// paragraph is one line again, as in dumps that do not wrap. A dump is
// taken as wrapped when many of its lines reach nearly the same width and
// most of those end mid-sentence; a line that reaches the width then
// continues on the next one. Dumps without wrapping pass unchanged.
func unwrap(text string) string {
	raw := strings.Split(text, "\n")
	lens := make([]int, 0, len(raw))
	for i, l := range raw {
		raw[i] = strings.TrimRight(l, " \t\r")
		if n := utf8.RuneCountInString(strings.TrimSpace(raw[i])); n > 0 {
			lens = append(lens, n)
		}
	}
	if len(lens) < 5 {
		return joinContinuations(raw)
	}
	sorted := append([]int(nil), lens...)
	slices.Sort(sorted)
	width := sorted[len(sorted)*95/100]
	// 50–110 columns: the widths text browsers and mailers wrap at.
	// Unwrapped dumps have paragraphs hundreds of characters long.
	if width < 50 || width > 110 || sorted[len(sorted)-1] > width+40 {
		return joinContinuations(raw)
	}
	long, open := 0, 0
	for _, l := range raw {
		t := strings.TrimSpace(l)
		if utf8.RuneCountInString(t) >= width-15 {
			long++
			if !endsSentence(t) {
				open++
			}
		}
	}
	// A fifth of the lines near the width, most ending mid-sentence:
	// prose poured into a fixed width. Menus and headline lists are short.
	if long < 3 || long*5 < len(lens) || open*2 < long {
		return joinContinuations(raw)
	}
	var b strings.Builder
	for i, l := range raw {
		t := strings.TrimSpace(l)
		b.WriteString(t)
		if i+1 == len(raw) {
			break
		}
		next := strings.TrimSpace(raw[i+1])
		// The next word did not fit: the line stopped within a long
		// word's length (20) of the width.
		if t != "" && next != "" && utf8.RuneCountInString(t) >= width-20 && !listItem.MatchString(next) {
			b.WriteByte(' ')
			continue
		}
		b.WriteByte('\n')
	}
	out := b.String()
	if strings.Count(out, "[") >= 3 && len(linkRef.FindAllStringIndex(out, 3)) == 3 {
		out = linkRef.ReplaceAllString(out, "")
	}
	return out
}

// joinContinuations joins a line that stops mid-sentence to the next
// when that one goes on in lower case: pages that break lines with <br>
// inside paragraphs, dumped as text, cut sentences that way. The line
// must hold four words or more and the next two or more, so that menu
// items and one-word section labels stay apart.
func joinContinuations(raw []string) string {
	var b strings.Builder
	for i, l := range raw {
		t := strings.TrimSpace(l)
		b.WriteString(t)
		if i+1 == len(raw) {
			break
		}
		next := strings.TrimSpace(raw[i+1])
		r, _ := utf8.DecodeRuneInString(next)
		if t != "" && unicode.IsLower(r) && wordCount(t) >= 4 && wordCount(next) >= 2 &&
			!endsSentence(t) && !listItem.MatchString(next) {
			b.WriteByte(' ')
			continue
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// splitLines cuts a dump into non-blank lines with their features.
func splitLines(text string) []textLine {
	var out []textLine
	blank := false
	for len(text) > 0 {
		var l string
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			l, text = text[:i], text[i+1:]
		} else {
			l, text = text, ""
		}
		l = collapse(strings.TrimPrefix(l, "\uFEFF"))
		if l == "" {
			blank = true
			continue
		}
		tl := textLine{text: l, words: textWords(l), gap: blank}
		blank = false
		// The patterns below only ever match short lines, and each is
		// tried only when a cheap keyword test passes, so that a dump of
		// a million lines costs one scan per line, not a dozen regexps.
		var lower string
		if len(l) < 300 {
			lower = strings.ToLower(l)
		}
		switch {
		case len(l) < 48 && voteLine.MatchString(l):
			tl.kind, tl.hard = kindVote, true
		case isCopyright(l):
			tl.kind, tl.hard = kindCopyright, true
			if creditFromNotice(l) != "" {
				tl.kind = kindCredit
			}
		case len(l) < 64 && commentHeader.MatchString(l):
			tl.kind, tl.hard = kindCommentHeader, true
		case len(l) < 120 && strings.HasSuffix(l, ":") && commentAuthorLine.MatchString(l):
			tl.kind, tl.hard = kindCommentAuthor, true
		case lower != "" && containsAny(lower, loginKeys) && loginLine.MatchString(l) && (len(l) < 60 || !loginStart.MatchString(l) || loginAnywhere.MatchString(l)):
			tl.kind, tl.hard = kindLogin, true
		case lower != "" && containsAny(lower, captionKeys) && captionLine.MatchString(l):
			tl.kind, tl.hard = kindCaption, true
		case len(l) < 80 && advertLine.MatchString(l):
			tl.kind, tl.hard = kindAdvert, true
		case len(l) < 30 && uiLine.MatchString(l):
			tl.kind, tl.hard = kindOther, true
		case len(l) < 80 && authorBox.MatchString(l):
			tl.kind, tl.hard = kindOther, true
		case len(l) < 1200 && containsFold(l, "cookie") && consentLine.MatchString(strings.ToLower(l)):
			// Cookie banners run long, and read as prose.
			tl.kind, tl.hard = kindLogin, true
		}
		tl.prose = !tl.hard && isProse(l, tl.words)
		out = append(out, tl)
	}
	return out
}

// maxHeads is how many lines without a stop in a row may sit between two
// paragraphs of one story (a subheading, a caption, a link to another
// story). 2 scored best on the benchmark pages rendered to text (F1 0.840
// with 1, 0.853 with 2, 0.845 with 3 when only lines of 12 words or less
// could bridge; 0.889 with 2 and 0.883 with 3 once longer ones could).
const maxHeads = 2

// maxGap is how many lines of subheadings and inserted boilerplate may
// sit between two paragraphs of one story.
const maxGap = 4

// listBlock returns the length of the list that starts at lines[i]: two
// to 15 lines without a stop, none boilerplate, that all open with the
// same word ("Path A: ...", "Path B: ...") or with a list marker; 0 when
// no list starts there.
func listBlock(lines []textLine, i int) int {
	first := func(l textLine) string {
		w, _, _ := strings.Cut(l.text, " ")
		return strings.TrimRight(w, ":.,")
	}
	n := 0
	for k := i; k < len(lines) && n < 15; k++ {
		l := lines[k]
		if l.hard || l.prose || l.words > 24 {
			break
		}
		if n > 0 && !(first(l) == first(lines[i]) || listItem.MatchString(l.text) && listItem.MatchString(lines[i].text)) {
			break
		}
		n++
	}
	if n < 2 {
		return 0
	}
	return n
}

// bodyRun finds the article body in a dump: the run of prose lines with the
// most text, bridging single short lines between prose (subheadings),
// among the runs before the comment section when a comment section is
// found. It returns the run's first and last line, or -1, -1.
func bodyRun(lines []textLine) (int, int) {
	type run struct{ start, end, chars, paras, heads int }
	var runs []run
	for i := 0; i < len(lines); {
		if !lines[i].prose {
			i++
			continue
		}
		r := run{start: i, end: i}
		j := i
		for j < len(lines) {
			if lines[j].prose {
				r.end = j
				r.chars += len(lines[j].text)
				r.paras++
				j++
				continue
			}
			// Between two paragraphs of one story sit lines without a
			// stop (subheadings, captions, links to other stories; up to
			// maxHeads in a row) and the boilerplate sites cut into
			// stories: adverts, photo credits, embedded posts, "Read
			// more" links. A gap of up to maxGap such lines followed by
			// prose leaves the story whole; what in it is not a
			// subheading is not part of the story.
			// A list inside the story (items sharing their first word,
			// or bulleted) bridges as one line, and belongs to it.
			if n := listBlock(lines, j); n > 0 && j+n < len(lines) && lines[j+n].prose {
				r.heads++
				j += n
				continue
			}
			k, heads := j, 0
			for k < len(lines) && k < j+maxGap && !lines[k].prose {
				if lines[k].hard {
					if !midStory(lines[k].kind) {
						break
					}
				} else {
					// (25 words or more would be prose.)
					if lines[k].words >= 25 || heads == maxHeads {
						break
					}
					heads++
				}
				k++
			}
			if k > j && k < len(lines) && lines[k].prose {
				r.heads += heads
				j = k
				continue
			}
			break
		}
		// A list of teasers (a headline, a one-sentence summary, again
		// and again) reads as prose with many subheadings; stories have
		// a subheading every few paragraphs at most. Such a run counts
		// for a quarter.
		if r.heads >= 3 && r.heads*2 >= r.paras {
			r.chars /= 4
		}
		runs = append(runs, r)
		i = j
	}
	if len(runs) == 0 {
		return -1, -1
	}
	// Comments are prose too, and one comment can outweigh a short story.
	// A run that ends right before a vote line is a comment; so is every
	// run after the first one that does, when an earlier run exists.
	zone := len(lines)
	for _, r := range runs {
		if r.end+1 < len(lines) && lines[r.end+1].kind == kindVote {
			zone = r.start
			break
		}
	}
	// A commenter's "X said:" line after the first prose run opens the
	// comment zone too. (Section headers do not: "Comments" is also a
	// menu link, and on the benchmark pages that rule lost more stories
	// than it saved.)
	for i := runs[0].end + 1; i < zone; i++ {
		if lines[i].kind == kindCommentAuthor {
			zone = i
			break
		}
	}
	best := -1
	for k, r := range runs {
		if r.start >= zone {
			break
		}
		if best < 0 || r.chars > runs[best].chars {
			best = k
		}
	}
	if best < 0 {
		return -1, -1
	}
	return runs[best].start, runs[best].end
}

// fromText extracts the article of a plain-text page dump by classifying
// its lines: the body is the main prose run, the title and dateline come
// from the lines above it, the credit and comments from the lines below.
func fromText(text string, opts Options) *article.Article {
	if markdownShape(text) {
		text = plainMarkdown(text)
	}
	title, text := labelledFields(text)
	a := &article.Article{URL: opts.URL, Site: article.Host(opts.URL), Title: title}
	lines := splitLines(unwrap(text))
	start := classifyText(lines)
	if a.Site == "" && start > 0 {
		// The logo's text on the first line names the site.
		a.Site = dumpSite(lines[:start])
	}
	for i := range lines {
		l := &lines[i]
		switch l.kind {
		case kindBody:
			a.Paragraphs = append(a.Paragraphs, l.text)
		case kindTitle:
			if a.Title == "" {
				a.Title = l.text
			}
		case kindDateline:
			if a.Dateline == "" {
				a.Dateline = lineDateline(l.text)
			}
		case kindByline:
			if a.Byline == "" {
				a.Byline = cleanByline(l.text, a.Site)
			}
		case kindDate:
			if a.Published == "" {
				a.Published, _ = textDate(l.text)
			}
		case kindCredit:
			if a.Credit == "" {
				a.Credit = creditFromNotice(l.text)
				if a.Credit == "" {
					a.Credit = noticeOwner(l.text)
				}
				if a.Credit == "" {
					// A sign-off ("(Reporting by A; Editing by B)").
					a.Credit = creditFromTail(l.text)
				}
			}
		}
	}
	for i := 0; i < len(a.Paragraphs) && i < 3 && a.Dateline == ""; i++ {
		place, agency := leadDateline(a.Paragraphs[i])
		a.Dateline = place
		if a.Credit == "" {
			a.Credit = agency
		}
	}
	if a.Credit == "" && len(a.Paragraphs) > 0 {
		a.Credit = creditFromTail(a.Paragraphs[len(a.Paragraphs)-1])
	}
	// "By Jane Doe, Associated Press", as on pages.
	var agency string
	a.Byline, agency = bylineAgency(a.Byline)
	if a.Credit == "" {
		a.Credit = agency
	}
	if a.Published == "" {
		a.Published, _ = urlDate(a.URL)
	}
	if a.Published == "" {
		a.Published = bodyDate(a.Paragraphs)
	}
	a.Comments = textComments(lines)
	a.Language = guessLanguage(a.Text())
	return a
}

// classifyText labels every line of a dump in place and returns the
// index of the body's first line (-1 when there is no body).
func classifyText(lines []textLine) int {
	start, end := bodyRun(lines)
	if start < 0 {
		return -1
	}
	// Calls to follow, subscribe or share that close a story are the
	// site's, not the story's.
	for end > start && promoLine.MatchString(lines[end].text) && lines[end].words <= 25 {
		lines[end].kind = kindAdvert
		end--
	}
	for i := start; i <= end; i++ {
		switch {
		case lines[i].hard:
		case !lines[i].prose && lines[i].words > 12:
			// A long line without a stop inside the story: a photo
			// caption or a link to another story, not a subheading.
			lines[i].kind = kindCaption
		default:
			lines[i].kind = kindBody
		}
	}
	classifyHeader(lines[:start])
	classifyTail(lines[end+1:], dumpSite(lines[:start]))
	return start
}

// navWords are first lines of dumps that are navigation, not a site name.
var navWords = map[string]bool{
	"menu": true, "home": true, "search": true, "sections": true, "navigation": true,
	"skip navigation": true, "skip to content": true, "skip to main content": true,
	"main menu": true, "open menu": true, "toggle navigation": true, "close": true,
}

// dumpSite guesses the site's name in a dump: its first line, when that
// is a short name in capitals ("Harbour Times") as a logo renders. It is
// used to tell the site's own copyright from a credit, and "" when the
// first line does not look like a name.
func dumpSite(header []textLine) string {
	if len(header) == 0 {
		return ""
	}
	l := header[0]
	if l.hard || l.words == 0 || l.words > 4 || endsSentence(l.text) || isMenuLine(l.text) {
		return ""
	}
	if first, _, _ := strings.Cut(l.text, " "); l.words == 1 && notPlace[strings.ToUpper(first)] || navWords[strings.ToLower(l.text)] {
		return "" // "Menu", "Home", "Skip navigation": not a name
	}
	for _, w := range strings.Fields(l.text) {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return ""
		}
	}
	return l.text
}

// classifyHeader labels the lines above the body: the headline is the
// longest line that is not boilerplate (4 words at least: shorter lines
// there are menu items and section labels), the nearest to the body on a
// tie.
func classifyHeader(lines []textLine) {
	title := -1
	for i := range lines {
		l := &lines[i]
		if l.hard {
			continue
		}
		switch {
		case lineDateline(l.text) != "":
			l.kind = kindDateline
		case bylineLine.MatchString(l.text) && l.words <= 10:
			l.kind = kindByline
		case l.words <= 8 && isDateOnly(l.text):
			l.kind = kindDate
		case l.words == 1 && !endsSentence(l.text):
			l.kind = kindSection
		case isMenuLine(l.text):
			l.kind = kindMenu
		default:
			l.kind = kindMenu
		}
	}
	// The headline is the nearest line above the story that reads as one:
	// four words or more (shorter lines there are menu items and section
	// labels), no more than 40, and not a sentence (headlines carry no
	// full stop, questions and exclamations aside). Two such lines in a
	// row (no blank line between) are a headline and its standfirst: the
	// upper one is the headline. Three or more are a list of other
	// stories' headlines, passed over.
	headline := func(l *textLine) bool {
		return l.kind == kindMenu && !isMenuLine(l.text) && l.words >= 4 && l.words <= 40 && len(l.text) <= 300 &&
			(!l.prose || strings.HasSuffix(l.text, "?") || strings.HasSuffix(l.text, "!"))
	}
	for i := len(lines) - 1; i >= 0 && title < 0; i-- {
		if !headline(&lines[i]) {
			continue
		}
		top := i
		for top > 0 && !lines[top].gap && headline(&lines[top-1]) {
			top--
		}
		if i-top+1 <= 2 {
			title = top
		}
		i = top
	}
	if title >= 0 {
		lines[title].kind = kindTitle
	}
}

// isMenuLine reports a line of navigation links joined by separators
// ("Home | News | Sport").
func isMenuLine(s string) bool {
	n := 0
	for _, sep := range []string{" | ", " • ", " · ", " / ", " > ", " › "} {
		n += strings.Count(s, sep)
	}
	return n >= 2
}

// textWords counts the words of a line for the length tests: runs
// between spaces, plus one word for every two CJK characters, since
// Chinese and Japanese write without spaces (two characters is about
// the length of a word in both).
func textWords(s string) int {
	n, cjk := 0, 0
	inWord := false
	for _, r := range s {
		switch {
		case isCJK(r):
			cjk++
			inWord = false
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if !inWord {
				n++
			}
			inWord = true
		case unicode.IsSpace(r):
			inWord = false
		}
	}
	return n + cjk/2
}

func isCJK(r rune) bool {
	return r >= 0x3040 && r <= 0x30ff || r >= 0x3400 && r <= 0x9fff || r >= 0xac00 && r <= 0xd7af || r >= 0xf900 && r <= 0xfaff
}

// isDateOnly reports a line that is a date with at most a few words
// around it ("January 28, 2025 10:14 JST", "Published 28 Jan 2025").
func isDateOnly(s string) bool {
	_, ok := textDate(s)
	return ok
}

// classifyTail labels the lines below the body: credit and copyright,
// adverts, the comment section and its vote lines, login prompts, and
// related headlines.
func classifyTail(lines []textLine, site string) {
	creditSeen := false
	for i := range lines {
		l := &lines[i]
		if l.kind == kindCredit {
			creditSeen = true
		}
		if l.hard {
			continue
		}
		switch {
		case i == 0 && !creditSeen && creditFromTail(l.text) != "":
			l.kind, creditSeen = kindCredit, true
		case !l.prose && l.words >= 3 && (titleCaseRatio(l.text) >= 0.6 || isShortRun(lines, i)):
			l.kind = kindRelated
		}
	}
	// Two copyright notices right after the body: the first credits the
	// story's owner ("© Example Wire 2025."), the second is the site's
	// own. A lone notice is the site's.
	if !creditSeen && len(lines) > 1 && lines[0].kind == kindCopyright && lines[1].kind == kindCopyright &&
		noticeOwner(lines[0].text) != "" && !sameOwner(noticeOwner(lines[0].text), site) {
		lines[0].kind = kindCredit
	}
	markComments(lines)
}

// isShortRun reports whether line i sits among other short lines without
// a full stop: a list of headlines, whatever their capitalisation.
func isShortRun(lines []textLine, i int) bool {
	short := func(j int) bool {
		return j >= 0 && j < len(lines) && !lines[j].prose && !lines[j].hard && lines[j].words >= 2
	}
	return short(i-1) || short(i+1)
}

// titleCaseRatio is the share of words of four letters or more that start
// with a capital: headlines in title case score near 1, sentences low.
func titleCaseRatio(s string) float64 {
	var long, upper int
	for _, w := range strings.Fields(s) {
		w = strings.TrimLeft(w, "\"'“‘(")
		if utf8.RuneCountInString(w) < 4 {
			continue
		}
		long++
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) || unicode.IsDigit(r) {
			upper++
		}
	}
	if long == 0 {
		return 0
	}
	return float64(upper) / float64(long)
}

// noticeRE reads the owner of a "© Owner 2025." notice, the mark
// written alone, after the word ("Copyright © Owner 2025") or before it
// ("© Copyright Owner 2025").
var noticeRE = regexp.MustCompile(`(?i)^\s*(?:copyright\s*)?(?:©|\(c\)|copyright)\s*(?:copyright\s+)?(?:(?:19|20)\d\d\s*)?([^©\d][^©]{1,60}?)[\s,]*(?:(?:19|20)\d\d)?\s*[.]?\s*(?:all rights reserved\.?)?$`)

// sameOwner reports whether a copyright owner is the site itself ("Harbour
// Times Ltd" for the site "Harbour Times").
func sameOwner(owner, site string) bool {
	if site == "" {
		return false
	}
	o, st := strings.ToLower(owner), strings.ToLower(site)
	return strings.Contains(o, st) || strings.Contains(strings.ReplaceAll(o, " ", ""), strings.ReplaceAll(st, " ", ""))
}

// noticeOwner returns the name in a copyright notice, without the year.
func noticeOwner(s string) string {
	m := noticeRE.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	return strings.Trim(m[1], " .,")
}

// markComments labels the comment paragraphs of a tail: the lines before
// each vote line, back to the previous vote line or the comment section's
// header.
func markComments(lines []textLine) {
	prev := -1
	for i := range lines {
		if lines[i].kind != kindVote {
			continue
		}
		start := prev + 1
		if prev < 0 {
			// The first comment starts after the last boilerplate line
			// before its vote line (the section header, a login prompt,
			// the credit).
			for j := i - 1; j >= 0; j-- {
				if lines[j].hard {
					start = j + 1
					break
				}
			}
		}
		for j := start; j < i; j++ {
			if !lines[j].hard {
				lines[j].kind = kindComment
			}
		}
		prev = i
	}
	// Themes without votes open each comment with its author's line
	// ("Jane on May 5, 2025 at 4:47 pm said:"); the comment runs to the
	// next one, or to a prompt or notice that closes the section.
	for i := range lines {
		if lines[i].kind != kindCommentAuthor {
			continue
		}
		for j := i + 1; j < len(lines); j++ {
			k := lines[j].kind
			if k == kindCommentAuthor || k == kindVote || k == kindCommentHeader || k == kindLogin || k == kindCopyright || k == kindCredit {
				break
			}
			if !lines[j].hard {
				lines[j].kind = kindComment
			}
		}
	}
}

// timeAgo matches a comment's time stamp, told relative to now: "2 hours
// ago", "an hour ago", "8d", "yesterday", "just now", and the mark of an
// edit after it or alone ("6d Edited", "Edited").
var timeAgo = regexp.MustCompile(`(?i)^(?:(?:(?:\d+|an?|one)\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|mo|months?|y|yrs?|years?)\s+ago|\d{1,3}(?:s|m|min|h|d|w|mo|y)|just now|yesterday|today)\s*(?:edited)?|edited)$`)

// textComments groups comment lines into comments: each ends at its vote
// line, whose net count is the comment's score. A short first line
// without a full stop, followed by more lines, is the commenter's name.
func textComments(lines []textLine) []article.Comment {
	var out []article.Comment
	var paras []string
	author, byLine := "", false
	flush := func() {
		if len(paras) > 0 && byLine {
			out = append(out, article.Comment{Author: author, Text: strings.Join(paras, "\n\n")})
		}
		paras, author, byLine = nil, "", false
	}
	for _, l := range lines {
		switch l.kind {
		case kindCommentAuthor:
			flush()
			author, byLine = commentAuthorName(l.text), true
		case kindComment:
			paras = append(paras, l.text)
		case kindVote:
			if len(paras) == 0 {
				continue
			}
			c := article.Comment{Author: author}
			if !byLine && len(paras) > 1 && wordCount(paras[0]) <= 3 && !endsSentence(paras[0]) {
				c.Author, paras = paras[0], paras[1:]
			}
			if len(paras) > 1 && (timeAgo.MatchString(paras[0]) || isDateOnly(paras[0]) && wordCount(paras[0]) <= 6) {
				paras = paras[1:]
			}
			c.Text = strings.Join(paras, "\n\n")
			if s, ok := voteScore(l.text); ok {
				c.Score = &s
			}
			out = append(out, c)
			paras, author, byLine = nil, "", false
		case kindCommentHeader, kindLogin, kindCopyright, kindCredit:
			flush()
		}
	}
	flush()
	return out
}

// voteScore reads the net score of a vote line: the signed first number
// of "-3 ( +3 / -6 )", up minus down for arrow tallies, the count of
// "5 points".
func voteScore(s string) (int, bool) {
	m := voteLine.FindStringSubmatch(s)
	if m == nil {
		return 0, false
	}
	num := func(x string) int {
		n, _ := atoi(strings.ReplaceAll(strings.ReplaceAll(strings.ReplaceAll(x, " ", ""), "−", "-"), "–", "-"))
		return n
	}
	switch {
	case m[1] != "":
		return num(m[1]), true
	case m[4] != "":
		return num(m[4]) - num(m[5]), true
	case m[6] != "":
		return num(m[6]) - num(m[7]), true
	case m[8] != "":
		return num(m[8]), true
	case m[9] != "":
		return num(m[9]), true
	case m[10] != "":
		return num(m[10]), true
	case m[11] != "":
		return num(m[11]), true
	}
	return 0, false
}

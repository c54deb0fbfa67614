package extract

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/net/html"

	"github.com/wiretrace/wiretrace/article"
)

// DefaultMaxBytes is the size limit Page applies when Options.MaxBytes is
// zero: 32 MiB, before and after gzip decompression. Real news pages,
// inline scripts and images included, stay well under 10 MiB; the limit
// keeps a 100 MB file or a gzip bomb from taking unbounded memory.
const DefaultMaxBytes = 32 << 20

// Options tunes Page. The zero value is ready to use.
type Options struct {
	// URL is where the page was fetched from, when known. It resolves a
	// relative canonical link and names the site when the page does not.
	URL string
	// MaxBytes is the largest page Page accepts, compressed or not;
	// 0 means DefaultMaxBytes.
	MaxBytes int64
	// ContentType is the media type the server declared for the page
	// ("text/html; charset=iso-8859-1"), when known. Its charset wins
	// over the page's own declarations, as in browsers; a byte order
	// mark wins over both.
	ContentType string
	// Decoded says the page arrived as Unicode text, not bytes: a JSON
	// string, a form's text field, a page's source pasted in. It is read
	// as UTF-8 whatever charset it declares, since the declaration
	// describes bytes that were decoded already (decoding a pasted
	// Shift_JIS page's text as Shift_JIS again makes mojibake). Files,
	// uploads and fetched pages are bytes: leave it false and the
	// charset is detected.
	Decoded bool
}

// Errors Page returns for input that is not a page it can read. Test them
// with errors.Is; the returned errors wrap them with detail.
var (
	// ErrEmpty reports a page with no content at all.
	ErrEmpty = errors.New("empty page")
	// ErrBinary reports bytes that are not text: an image, an archive,
	// random data.
	ErrBinary = errors.New("binary data, not a page")
	// ErrTooLarge reports a page, or its decompressed form, over
	// Options.MaxBytes.
	ErrTooLarge = errors.New("page too large")
	// ErrUndecodable reports text in an encoding this package cannot
	// identify or decode.
	ErrUndecodable = errors.New("undecodable text")
	// ErrTruncated reports a compressed page cut short: the data ends
	// before its gzip stream does (an interrupted download).
	ErrTruncated = errors.New("gzip stream truncated")
)

// Page extracts the article from a page: HTML in any common charset or a
// plain-text dump of a page, either possibly gzip-compressed. The format
// and charset are detected, never declared by the caller.
//
// A page in which no article body is found yields an Article with empty
// Paragraphs and a nil error: metadata and comments may still be there.
// Input that is not a readable page yields an error wrapping ErrEmpty,
// ErrBinary, ErrTooLarge, ErrUndecodable or ErrTruncated. Page never
// panics on input and works in time and memory linear in the page's size.
func Page(data []byte, opts Options) (*article.Article, error) {
	text, isHTML, err := decodePage(data, opts)
	if err != nil {
		return nil, err
	}
	var a *article.Article
	if isHTML {
		a, err = fromHTML(text, opts, nil)
	} else {
		a = fromText(text, opts)
	}
	if err != nil {
		return nil, err
	}
	if a.Paragraphs == nil {
		a.Paragraphs = []string{}
	}
	if a.Comments == nil {
		a.Comments = []article.Comment{}
	}
	return a, nil
}

// decodePage turns a page's bytes, size-checked and decompressed, into
// text, and says whether it is HTML.
func decodePage(data []byte, opts Options) (text string, isHTML bool, err error) {
	limit := opts.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	if int64(len(data)) > limit {
		return "", false, fmt.Errorf("extract: %d bytes over the %d-byte limit: %w", len(data), limit, ErrTooLarge)
	}
	data, err = gunzip(data, limit)
	if err != nil {
		return "", false, fmt.Errorf("extract: %w", err)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return "", false, fmt.Errorf("extract: %w", ErrEmpty)
	}
	if err := checkBinary(data); err != nil {
		return "", false, fmt.Errorf("extract: %w", err)
	}
	head := data
	if len(head) > 4096 {
		head = head[:4096]
	}
	isHTML = looksHTML(string(head))
	var cs string
	if opts.Decoded {
		text, cs, err = decodeAs(data, nil, "utf-8")
	} else {
		text, cs, err = decodeText(data, isHTML, opts.ContentType)
	}
	if err != nil {
		return "", false, fmt.Errorf("extract: %w", err)
	}
	if strings.HasPrefix(cs, "utf-16") {
		isHTML = looksHTML(text)
	}
	if !isHTML && strings.HasPrefix(strings.ToLower(strings.TrimSpace(opts.ContentType)), "text/html") && strings.Contains(text, "<") {
		// Declared HTML whose first 4 KiB hold no markup (a long
		// preamble of text): trust the declaration.
		isHTML = true
	}
	if undecodable(text) {
		return "", false, fmt.Errorf("extract: text decoded as %s is mostly invalid: %w", cs, ErrUndecodable)
	}
	text = dropControls(text)
	if strings.TrimSpace(strings.TrimPrefix(text, "\uFEFF")) == "" {
		return "", false, fmt.Errorf("extract: %w", ErrEmpty)
	}
	return text, isHTML, nil
}

// fromHTML extracts the article of an HTML page: metadata, body and
// comments from one parse.
// When choices is not nil, it receives the candidates of the fields
// chosen by fitted models.
func fromHTML(text string, opts Options, choices *Choices) (*article.Article, error) {
	root, err := html.Parse(strings.NewReader(stripInert(text)))
	if err != nil {
		// The parser refuses pages nested more than 512 elements deep
		// (runs of unclosed tags do that). Their text is still worth
		// reading: flatten the markup to lines and read it as a dump.
		return fromText(flattenHTML(text), opts), nil
	}
	if containsFold(text, "<template") {
		// Only a page with placeholders streams (most have none: a
		// tenth of the WCXB pages hold a template).
		revealStreamed(root)
	}
	m := readMeta(root)
	a := &article.Article{}
	a.URL = m.urlOf(opts.URL)
	a.Site = siteName(m.firstMeta("og:site_name", "application-name"), a.URL)
	if a.Site == "" {
		a.Site = article.Host(a.URL)
		if a.Site == "" {
			a.Site = article.Host(opts.URL)
		}
	}
	a.Title = m.headlineOf(a.Site, choices)
	a.Byline = m.bylineOf(a.Site)
	comments := newCommentFinder(root)
	paras, dropped := htmlBodyCredits(root, comments.bodyBlocks())
	if bodyChars(paras) < bodyFallbackChars {
		// The markup holds no article: the page renders it from its
		// script data.
		if p2 := scriptBody(text); bodyChars(p2) >= max(bodyFallbackChars, 2*bodyChars(paras)) {
			paras = p2
		}
	}
	// A paragraph of invisible characters alone (a zero-width joiner
	// that a page builder puts in every empty block) says nothing.
	a.Paragraphs = slices.DeleteFunc(paras, invisible)
	if a.Byline == "" {
		// "By Jane Doe" as the story's first line, unmarked.
		for i := 0; i < len(a.Paragraphs) && i < 2; i++ {
			if p := a.Paragraphs[i]; bylineLine.MatchString(p) && wordCount(p) <= 10 {
				a.Byline = cleanByline(p, a.Site)
				break
			}
		}
	}
	a.Comments = htmlComments(root, m, comments)
	a.Paragraphs = dropComments(a.Paragraphs, a.Comments)
	a.Paragraphs = dropAboveDateline(a.Paragraphs)
	a.Dateline, a.Credit = htmlDatelineCredit(a, m, dropped)
	for _, c := range m.itemCredits {
		if !sameName(c, a.Credit) && !ownedBySite(c, a.Site, m.ld.publisher, article.Host(a.URL)) {
			a.Credits = append(a.Credits, c)
		}
	}
	a.Byline, _ = bylineAgency(a.Byline)
	a.Published = m.dateOf(a.URL, a.Paragraphs, text, choices)
	a.Modified = m.modifiedOf(a.Published)
	a.Paragraphs = dropDateLine(a.Paragraphs)
	a.Language = m.languageOf(a.Text())
	return a, nil
}

// htmlDatelineCredit reads the dateline and the credited agency from the
// body's first and last paragraphs, then from the metadata, then from the
// sign-offs the body left out (dropped).
func htmlDatelineCredit(a *article.Article, m *pageMeta, dropped []string) (dateline, credit string) {
	own := false // the credit found names the page's own site
	// The dateline opens the story, but a byline or a stray caption may
	// come first in the body: look at the first three paragraphs.
	for i := 0; i < len(a.Paragraphs) && i < 3 && dateline == ""; i++ {
		var agency string
		dateline, agency = leadDateline(a.Paragraphs[i])
		if credit == "" {
			// "(Reuters) - ..." credits with no place to give.
			credit = agency
		}
		if dateline == "" && wordCount(a.Paragraphs[i]) <= 4 {
			// A dateline set as its own paragraph ("WASHINGTON").
			dateline = lineDateline(a.Paragraphs[i])
		}
	}
	if dateline == "" && m.dateline != "" {
		dateline = lineDateline(m.dateline)
	}
	if credit == "" {
		for _, l := range m.creditLines {
			if c := creditFromNotice(l); c != "" {
				credit = c
				break
			}
		}
	}
	if credit == "" {
		// The sign-off sits in the last three paragraphs (a tag line or
		// a reader prompt may follow it).
		for i := len(a.Paragraphs) - 1; i >= 0 && i >= len(a.Paragraphs)-3; i-- {
			if c := creditFromTail(a.Paragraphs[i]); c != "" {
				credit = c
				break
			}
		}
	}
	if credit == "" && m.ld.sourceOrg != "" {
		credit = m.ld.sourceOrg
	}
	if credit == "" {
		for _, org := range m.ld.authorOrg {
			if !sameName(org, a.Site) && !sameName(org, m.ld.publisher) {
				credit = org
				break
			}
		}
	}
	if credit == "" {
		// Any outlet named in a notice in or beside the story, or at
		// the body's end ("© Meridian Press 2026"), not only agencies.
		lines := append(append([]string(nil), m.outletLines...), a.Paragraphs[max(0, len(a.Paragraphs)-3):]...)
		for _, l := range lines {
			if c := noticeOutlet(l); c != "" && !ownedBySite(c, a.Site, m.ld.publisher, article.Host(a.URL)) {
				credit = c
				break
			}
		}
	}
	if credit != "" && (sameName(credit, a.Site) || containsName(credit, a.Site)) {
		// "Originally published on <this site>", "PLACE (<this site>) -":
		// the site credits itself.
		credit, own = "", true
	}
	if credit == "" && a.Byline != "" {
		// "By Jane Doe, Associated Press": a byline naming an agency
		// credits it.
		_, credit = bylineAgency(a.Byline)
		if credit == "" {
			// The agency after a mark the byline was cut at ("By Jane
			// Doe | Reuters").
			_, credit = bylineAgency(collapse(m.byline))
		}
		if sameName(credit, a.Site) || containsName(credit, a.Site) {
			// "By Jane Doe | <this site>": its own staff.
			credit = ""
		}
	}
	if credit == "" {
		if au := m.meta["author"]; au != "" && agencyIn(au) != "" && wordCount(au) <= 4 {
			credit = agencyIn(au)
		}
	}
	if credit == "" && !own {
		// The original's address at another outlet, declared for search
		// engines: that outlet, by its host.
		if o := m.originOf(a.URL); o != "" {
			credit = article.Host(o)
		}
	}
	// Sign-offs ("Reporting by ...; Editing by ...") are not body, so the
	// body scorer left them out; they still name the source, but not on
	// the credited outlet's own page, where the sign-off is its own too.
	for i := 0; credit == "" && !own && i < len(dropped); i++ {
		if credit = creditFromTail(dropped[i]); credit == "" {
			if credit = noticeOutlet(dropped[i]); ownedBySite(credit, a.Site, m.ld.publisher) {
				credit = ""
			}
		}
	}
	return dateline, credit
}

// dropAboveDateline drops the lines the body holds above a wire dateline
// ("BRESKA, Feb 18 (Meridian Press) - ...") that opens its second or
// third paragraph, when they are short and no sentences: the dateline
// opens the story, so they are the byline box's furniture (a staff title,
// a place, a reading time) that the body scorer kept. Left in, they would
// also hide the dateline from readers of the body that look for it in the
// first paragraph only.
func dropAboveDateline(paras []string) []string {
	for i := 1; i < len(paras) && i < 3; i++ {
		if p := paras[i-1]; len(p) > bodyMetaMaxChars || endsSentence(p) {
			return paras
		}
		if place, _ := leadDateline(paras[i]); place != "" {
			return paras[i:]
		}
	}
	return paras
}

// dropDateLine takes out of the body's first three paragraphs the first
// that is a date alone ("Wed 4 Mar 2026 14.30 GMT", "Friday, November 14,
// 2025"): the story's meta line, read as a witness of its date, not text.
func dropDateLine(paras []string) []string {
	for i := 0; i < len(paras) && i < 3; i++ {
		if p := paras[i]; wordCount(p) <= 7 && !endsSentence(p) {
			if _, ok := textDate(p); ok {
				return slices.Delete(paras, i, i+1)
			}
		}
	}
	return paras
}

// bodyDate finds a date written near the top of the body (a "Published
// January 5, 2025" line that the page did not mark up).
func bodyDate(paras []string) string {
	for i, p := range paras {
		if i >= 3 {
			break
		}
		if len(p) > 300 {
			p = p[:300]
		}
		if d, ok := textDate(p); ok {
			return d
		}
	}
	return ""
}

// dropComments removes from the body any paragraph that is the text of a
// reader comment: the comment sections are reported apart, and a body
// scorer that let one through would duplicate it.
func dropComments(paras []string, comments []article.Comment) []string {
	if len(comments) == 0 {
		return paras
	}
	seen := make(map[string]bool)
	for _, c := range comments {
		for _, p := range strings.Split(c.Text, "\n\n") {
			if len(p) >= 20 {
				seen[collapse(p)] = true
			}
		}
		if len(c.Text) >= 20 {
			seen[collapse(c.Text)] = true
		}
	}
	out := paras[:0:0]
	for _, p := range paras {
		if !seen[collapse(p)] {
			out = append(out, p)
		}
	}
	return out
}

// isControl reports the control characters no article text holds: C0 and
// C1 controls other than the white space that separates lines and words.
// Kept, they would reach a reader's terminal (ESC, CSI) through every
// field of the article.
func isControl(r rune) bool {
	return (r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f') || (r >= 0x7f && r <= 0x9f)
}

// hasControl reports whether s holds a control character (isControl),
// byte by byte: C1 controls are U+0080-U+009F, encoded 0xC2 0x80-0x9F.
// Decoding every rune of a page to look for them was a twentieth of the
// extraction's time.
func hasControl(s string) bool {
	for i := 0; i < len(s); i++ {
		switch controlByte[s[i]] {
		case 0:
		case 1:
			return true
		default: // 0xC2
			if i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9f {
				return true
			}
		}
	}
	return false
}

// controlByte is 1 for the bytes that are control characters, 2 for the
// first byte of a C1 control's encoding, 0 for every other.
var controlByte = func() (t [256]uint8) {
	for c := range 0x20 {
		if !strings.ContainsRune("\t\n\r\f", rune(c)) {
			t[c] = 1
		}
	}
	t[0x7f], t[0xc2] = 1, 2
	return t
}()

// dropControls replaces the control characters of text with spaces.
func dropControls(text string) string {
	if !hasControl(text) {
		return text
	}
	return strings.Map(func(r rune) rune {
		if isControl(r) {
			return ' '
		}
		return r
	}, text)
}

// Choices are the candidates a page offers for the fields Page chooses
// with fitted models, each with the features its model scores.
type Choices struct {
	Date  []Candidate // features: DateFeatures
	Title []Candidate // features: TitleFeatures
}

// Candidate is one value a page offers for a field.
type Candidate struct {
	Text     string
	Features []float64
}

// PageChoices returns the candidates of an HTML page's fitted fields:
// what `wiretrace train` fits the choosers on. A page that is not HTML
// has none. It fails where Page fails.
func PageChoices(data []byte, opts Options) (*Choices, error) {
	text, isHTML, err := decodePage(data, opts)
	if err != nil {
		return nil, err
	}
	c := &Choices{}
	if isHTML {
		if _, err := fromHTML(text, opts, c); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// invisible reports text with nothing to see: white space and format
// characters (zero-width spaces and joiners, byte order marks, soft
// hyphens) alone.
func invisible(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) && !unicode.Is(unicode.Cf, r) {
			return false
		}
	}
	return true
}

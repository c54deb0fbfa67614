package extract

import (
	"strings"
	"testing"
	"unicode"

	"golang.org/x/net/html"
)

// htmlBody returns the body paragraphs of htmlBodyCredits.
func htmlBody(root *html.Node) []string {
	paras, _ := htmlBodyCredits(root, nil)
	return paras
}

// bodyClassHint is the boilerplate verdict of an element's class, id and
// ARIA role, as the segmenter reads them (bodyAttrHint of each).
func bodyClassHint(n *html.Node) int8 {
	var hint int8
	for _, a := range n.Attr {
		hint = min(hint, bodyAttrHint(a.Key, a.Val, false))
	}
	return hint
}

// bodyOf parses page and returns htmlBody's paragraphs.
func bodyOf(t testing.TB, page string) []string {
	t.Helper()
	root, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	return htmlBody(root)
}

// bodyChrome wraps an article in the furniture of a typical news page.
func bodyChrome(article string) string {
	return `<html><head><title>T</title><script>var x = "<p>not text</p>";</script></head><body>
<header class="site-header"><a href="/">Daily Planet</a><nav><ul><li><a href="/world">World</a></li><li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<div class="site-content">` + article + `
<aside class="sidebar"><h3>Most read</h3><ul><li><a href="/1">Council approves new bridge over the river after long debate</a></li><li><a href="/2">Harbour festival returns with tall ships and fireworks</a></li></ul></aside>
</div>
<footer><p>Copyright 2026 Daily Planet Media. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>`
}

// bodyDeep wraps paragraphs in the chain of single-child wrappers a
// component framework renders around each section of an article.
func bodyDeep(paras string) string {
	return strings.Repeat(`<div class="wrap">`, 7) + `<p>` + paras + `</p>` + strings.Repeat(`</div>`, 7)
}

const (
	bodyP1 = "The city council voted on Tuesday to extend the tram line to the airport, ending a decade of argument over its cost and route."
	bodyP2 = "Supporters said the extension, expected to cost 410 million euros, would take thousands of cars off the ring road every day."
	bodyP3 = "Opponents warned that the budget leaves no room for the delays that have dogged every large transport project in the region."
	bodyP4 = "Construction is due to start next spring, with the first trams running by the end of the decade if the schedule holds."
	// A best-of list's items.
	bodyW1 = "The low-floor model wins on access: its doors open level with every platform, and its ramps fold out in seconds."
	bodyW2 = "The articulated model carries the most riders, though its length rules it out of the old town's tighter curves."
	bodyW3 = "The battery model needs no overhead wire in the historic centre, at the price of a charging stop at each terminus."
	bodyW4 = "The refurbished model costs a third as much as a new one, and the depot already knows how to keep it running."
	bodyW5 = "The hydrogen model runs the longest between stops for fuel, but the city would have to build its own supply."
)

func TestHTMLBody(t *testing.T) {
	for _, tc := range []struct {
		name    string
		page    string
		want    []string
		wantNot []string
	}{
		{
			name: "article without the page chrome or title",
			page: bodyChrome(`<article><h1>Council backs tram extension</h1><div class="byline">By Ana Ruiz</div>
<div class="article-body"><p>` + bodyP1 + `</p><p>` + bodyP2 + `</p><p>` + bodyP3 + `</p></div></article>`),
			want:    []string{bodyP1, bodyP2, bodyP3},
			wantNot: []string{"Council backs tram extension", "Daily Planet", "Most read", "Copyright", "Ana Ruiz"},
		},
		{
			name: "a paragraph that holds the page title is not the headline",
			page: strings.Replace(bodyChrome(`<article><h1>Extend the tram line to the airport</h1>
<div class="article-body"><p>`+bodyP1+`</p><p>`+bodyP2+`</p></div></article>`), "<title>T</title>", `<title>Extend the tram line to the airport | Daily Planet</title><meta property="og:title" content="Extend the tram line to the airport">`, 1),
			want: []string{bodyP1, bodyP2},
		},
		{
			name: "items that share a widget class and hold most of the article are the article",
			page: bodyChrome(`<article><div class="entry-content"><p>` + bodyP1 + `</p><p>` + bodyP2 + `</p><p>` + bodyP3 + `</p>
<div class="product-widget"><p>` + bodyW1 + `</p></div><div class="product-widget"><p>` + bodyW2 + `</p></div>
<div class="product-widget"><p>` + bodyW3 + `</p></div><div class="product-widget"><p>` + bodyW4 + `</p></div>
<div class="product-widget"><p>` + bodyW5 + `</p></div><div class="product-widget"><p>` + bodyP4 + `</p></div></div></article>`),
			want: []string{bodyP1, bodyP2, bodyP3, bodyW1, bodyW2, bodyW3, bodyW4, bodyW5, bodyP4},
		},
		{
			name: "the chunks of an article each wrapped many levels deep are one article",
			page: bodyChrome(`<article><div class="sections">` + bodyDeep(bodyP1) + bodyDeep(bodyP2+`</p><p>`+bodyP3+`</p><p>`+bodyP4+`</p><p>`+bodyW1) + bodyDeep(bodyW2) + `</div></article>`),
			want: []string{bodyP1, bodyP2, bodyP3, bodyP4, bodyW1, bodyW2},
		},
		{
			name: "a lead beside a section wrapped many levels deep is the same article",
			page: bodyChrome(`<article><div class="story"><p>` + bodyP1 + `</p>` + bodyDeep(bodyP2+`</p><p>`+bodyP3+`</p><p>`+bodyP4) + `</div></article>`),
			want: []string{bodyP1, bodyP2, bodyP3, bodyP4},
		},
		{
			name: "microdata a theme writes out for machines is not text",
			page: bodyChrome(`<article><div class="entry-content"><p>` + bodyP1 + `</p><p>` + bodyP2 + `</p>
<span itemprop="image"><span itemprop="url">https://example.org/images/tram-render-large.jpeg</span> <span itemprop="width">1200</span></span>
<span itemprop="publisher"><span itemprop="name">Daily Planet Media Group</span></span></div></article>`),
			want:    []string{bodyP1, bodyP2},
			wantNot: []string{"tram-render", "1200", "Media Group"},
		},
		{
			name: "a table in a figure is the article's, its picture's caption is not",
			page: bodyChrome(`<article><div class="entry-content"><p>` + bodyP1 + `</p><p>` + bodyP2 + `</p>
<figure class="wp-block-image"><img src="/tram.jpg"><figcaption>The new tram at the depot.</figcaption></figure>
<figure class="wp-block-table"><table><tr><th>Phase</th><th>Opens</th></tr><tr><td>Business park</td><td>2029</td></tr></table></figure>
<p>` + bodyP3 + `</p></div></article>`),
			want:    []string{bodyP1, bodyP2, "Phase", "Opens", "Business park", "2029", bodyP3},
			wantNot: []string{"depot"},
		},
		{
			name: "subheadings, lists and quotes inside the article stay",
			page: bodyChrome(`<article><div class="entry-content"><p>` + bodyP1 + `</p><h2>What happens next</h2><p>` + bodyP2 + `</p>
<ul><li>Phase one reaches the business park in 2029.</li><li>Phase two reaches the terminal in 2031.</li></ul>
<blockquote><p>This is the most important decision of the term, the mayor said.</p></blockquote><p>` + bodyP3 + `</p></div></article>`),
			want: []string{bodyP1, "What happens next", bodyP2, "Phase one reaches the business park in 2029.",
				"Phase two reaches the terminal in 2031.", "This is the most important decision of the term, the mayor said.", bodyP3},
		},
		{
			// Documentation and Markdown sites link every section title to
			// itself; a bare "#" is a menu's trigger, still a link.
			name: "subheadings that link to their own place on the page stay",
			page: bodyChrome(`<article><div class="content"><p>` + bodyP1 + `</p><h2 id="plans"><a href="#plans">What happens next</a></h2><p>` + bodyP2 + `</p>
<h3 id="cost"><a class="anchor" href="#cost"><!--[-->What it will cost<!--]--></a></h3><p>` + bodyP3 + `</p>
<h3><a href="#">Choose your city</a></h3><p>` + bodyP4 + `</p></div></article>`),
			want:    []string{bodyP1, "What happens next", bodyP2, "What it will cost", bodyP3, bodyP4},
			wantNot: []string{"Choose your city"},
		},
		{
			// An id made of the heading's words names the section, not a
			// share bar or a comments box.
			name: "subheadings whose id spells their words stay",
			page: `<html><body><article><h1>Tram line to reach the airport</h1><p>` + bodyP1 + `</p><p>` + bodyP2 + `</p><h2 id="who-will-share-the-cost">Who will share the cost?</h2><p>` + bodyP3 + `</p>
<h2 id="comments-from-residents-2">Comments from residents</h2><p>` + bodyP4 + `</p><div id="share-bar"><h3>Share this story</h3></div><p>` + bodyP1 + `</p></article></body></html>`,
			want:    []string{bodyP1, bodyP2, "Who will share the cost?", bodyP3, "Comments from residents", bodyP4, bodyP1},
			wantNot: []string{"Share this story"},
		},
		{
			// A checklist or a list of products links the things it names;
			// a plain item among them marks it the article's. A list of
			// links alone, or of headlines, is a menu or teasers.
			name: "a checklist whose items link to the things named stays",
			page: bodyChrome(`<article><div class="entry"><p>` + bodyP1 + `</p><p>` + bodyP2 + `</p><h3>What to pack</h3>
<ul><li><a href="/gear/tents">Tent</a></li><li>Rainfly</li><li>Tent poles or <a href="/gear/poles">trekking poles</a></li><li><a href="/gear/stakes">Stakes</a></li></ul><p>` + bodyP3 + `</p>
<ul><li><a href="/guides">Guides</a></li><li><a href="/reviews">Reviews</a></li><li><a href="/deals">Deals</a></li></ul><p>` + bodyP4 + `</p>
<ul><li>Also read:</li><li><a href="/a">Tram drivers vote to strike over new rosters and pay</a></li><li><a href="/b">Council approves the new bridge over the river after a long debate</a></li></ul></div></article>`),
			want: []string{bodyP1, bodyP2, "What to pack", "Tent", "Rainfly", "Tent poles or trekking poles", "Stakes", bodyP3, bodyP4},
		},
		{
			// A heading's class that calls it a header describes the
			// heading, not the page's header.
			name: "subheadings whose class calls them headers stay",
			page: `<html><body><article><h1>Tram line to reach the airport</h1><p>` + bodyP1 + `</p><p>` + bodyP2 + `</p><h3 class="header-anchor-post">Who will pay for it<div class="header-anchor-parent"><div id="§who-will-pay" class="header-anchor offset-top"></div><button aria-label="Link" data-href="/p/tram#who-will-pay"></button></div></h3><p>` + bodyP3 + `</p>
<h2 class="section-header">What comes next</h2><p>` + bodyP4 + `</p></article></body></html>`,
			want: []string{bodyP1, bodyP2, "Who will pay for it", bodyP3, "What comes next", bodyP4},
		},
		{
			name: "captions, share bars, adverts and newsletter prompts go",
			page: bodyChrome(`<article><div class="story"><figure><img src="a.jpg"><figcaption>The tram depot in the north of the city.</figcaption></figure>
<div class="share-bar"><a href="#">Facebook</a><a href="#">Twitter</a></div><p>` + bodyP1 + `</p>
<div class="ad-slot"><span>Advertisement</span></div><p>` + bodyP2 + `</p>
<div class="newsletter-signup"><p>Get the morning briefing in your inbox every day, free of charge, from our newsroom.</p></div><p>` + bodyP3 + `</p></div></article>`),
			want:    []string{bodyP1, bodyP2, bodyP3},
			wantNot: []string{"tram depot", "Facebook", "Advertisement", "morning briefing"},
		},
		{
			name: "comment thread and related stories go",
			page: bodyChrome(`<article><div class="text"><p>` + bodyP1 + `</p><p>` + bodyP2 + `</p></div>
<h3>Related stories</h3><div><p>Tram drivers vote to strike over new rosters, union says, in a dispute over pay and hours.</p></div>
<section id="comments"><div class="comment"><p>About time! I have waited twenty years for this line, and I will believe it when I ride it.</p></div>
<div class="comment"><p>Another white elephant that taxpayers will be paying for long after the ribbon is cut, mark my words.</p></div></section></article>`),
			want:    []string{bodyP1, bodyP2},
			wantNot: []string{"Related stories", "strike", "About time", "white elephant"},
		},
		{
			name: "an article cut into chunks by adverts is whole",
			page: bodyChrome(`<article><div class="body"><div class="chunk"><p>` + bodyP1 + `</p><p>` + bodyP2 + `</p></div>
<div class="promo-box"><a href="/offer">Subscribe for one euro a week</a></div>
<div class="chunk"><p>` + bodyP3 + `</p><p>` + bodyP4 + `</p></div></div></article>`),
			want:    []string{bodyP1, bodyP2, bodyP3, bodyP4},
			wantNot: []string{"Subscribe"},
		},
		{
			name: "an embedded post quoted in a widget stays",
			page: bodyChrome(`<article><div class="article-text"><p>` + bodyP1 + `</p><p>` + bodyP2 + `</p>
<div class="embed-widget"><blockquote class="embedded-post"><p>Great news for the north side of town today.</p></blockquote></div><p>` + bodyP3 + `</p></div></article>`),
			want: []string{bodyP1, bodyP2, "Great news for the north side of town today.", bodyP3},
		},
		{
			name: "teasers far from the article stay out",
			page: bodyChrome(`<main><article><div class="article-body"><p>` + bodyP1 + `</p><p>` + bodyP2 + `</p><p>` + bodyP3 + `</p><p>` + bodyP4 + `</p></div></article>
<div class="more-news"><ul><li><div class="card"><h4><a href="/a">Bus fares frozen</a></h4><div class="excerpt">The transport authority froze bus fares for a second year, citing the cost of living and falling ridership.</div></div></li>
<li><div class="card"><h4><a href="/b">Cycle lanes widened</a></h4><div class="excerpt">Three cycle lanes in the centre will be widened this summer after a rise in cyclists during the tram works.</div></div></li></ul></div></main>`),
			want:    []string{bodyP1, bodyP2, bodyP3, bodyP4},
			wantNot: []string{"bus fares", "cycle lanes"},
		},
		{
			name: "a pull quote inside the article stays",
			page: bodyChrome(`<article><div class="article-body"><p>` + bodyP1 + `</p><aside><q>It is the most important decision of the term.</q></aside><p>` + bodyP2 + `</p></div></article>`),
			want: []string{bodyP1, "It is the most important decision of the term.", bodyP2},
		},
		{
			name: "linked names in a table inside the article stay",
			page: bodyChrome(`<article><div class="article-body"><p>` + bodyP1 + `</p><table><tr><th>Line</th><th>Trams per hour</th></tr><tr><td><a href="/lines/4">Airport line</a></td><td>12</td></tr></table><p>` + bodyP2 + `</p></div></article>`),
			want: []string{bodyP1, "Line", "Trams per hour", "Airport line", "12", bodyP2},
		},
		{
			name:    "hidden text stays out",
			page:    bodyChrome(`<article><div class="content"><p>` + bodyP1 + `</p><p style="display: none">Hidden teaser that scripts reveal later on the page.</p><p hidden>Also hidden from readers of the page.</p><p>` + bodyP2 + `</p></div></article>`),
			want:    []string{bodyP1, bodyP2},
			wantNot: []string{"Hidden teaser", "Also hidden"},
		},
		{
			name: "a call to action inside the article stays out",
			page: bodyChrome(`<article><div class="entry-content"><p>` + bodyP1 + `</p><p>` + bodyP2 + `</p>
<div class="inline-cta"><h3>Thinking of moving to the city?</h3><p>Our agents know every street on the new tram line, and the first valuation is free.</p></div>
<p>` + bodyP3 + `</p></div></article>`),
			want: []string{bodyP1, bodyP2, bodyP3},
		},
		{
			name: "a form's text stays out",
			page: bodyChrome(`<article><div class="entry-content"><p>` + bodyP1 + `</p><p>` + bodyP2 + `</p><p>` + bodyP3 + `</p>
<form action="/subscribe"><p>Get the transit newsletter: the week's votes, works and timetable changes, every Friday.</p><p>Thank you! Your submission has been received, and the first issue is on its way.</p></form></div></article>`),
			want: []string{bodyP1, bodyP2, bodyP3},
		},
		{
			name: "a form around the whole page holds the article",
			page: `<html><body><form id="aspnetForm" action="/story.aspx"><div class="story"><p>` + bodyP1 + `</p><p>` + bodyP2 + `</p><p>` + bodyP3 + `</p></div></form></body></html>`,
			want: []string{bodyP1, bodyP2, bodyP3},
		},
		{
			name: "a page with no text has no body",
			page: `<html><body><img src="a.png"><script>document.write("x")</script></body></html>`,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := bodyOf(t, tc.page)
			if len(tc.want) > 0 || tc.wantNot == nil {
				if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
					t.Errorf("body:\n  got  %q\n  want %q", got, tc.want)
				}
			}
			joined := strings.ToLower(strings.Join(got, "\n"))
			for _, no := range tc.wantNot {
				if strings.Contains(joined, strings.ToLower(no)) {
					t.Errorf("body holds %q: %q", no, got)
				}
			}
		})
	}
}

func TestBodyClassHint(t *testing.T) {
	for _, tc := range []struct {
		attr string
		want int8
	}{
		{`class="article-body"`, 0},
		{`class="post-comments"`, hintStrongJunk},
		{`id="relatedPosts"`, hintStrongJunk},
		{`class="entry-meta"`, hintJunk},
		{`class="post type-post tag-politics category-news"`, 0}, // a post labelled with its tags
		{`class="post-tags"`, hintJunk},
		{`class="header"`, hintJunk},
		{`class="download-link"`, 0}, // "ad" only as a whole word
		{`class="ad-slot"`, hintJunk},
		{`class="unsubscribed-content"`, 0},
		{`class="subscribe-box"`, hintStrongJunk},
		{`class="d-none d-print-block"`, hintJunk},
		{`role="navigation"`, hintJunk},
		{`class="sharebar"`, hintStrongJunk},
		{`class="relatedpoststitle"`, hintStrongJunk},
		{`class="inlinegallery-item"`, hintJunk},
		{`class="newsletter-post post"`, hintStrongJunk},
		{`class="node node--promoted"`, 0},
		{`class="is-promoted has-share-float"`, 0},
		{`class="field field--label-hidden"`, 0},
		{`class="tag-social-media"`, 0},
		{`class="commentary"`, 0},
		{`class="siteHeader"`, hintJunk},
		{`class="blog-cta"`, hintJunk},
		{`class="ServiceRequestCta_container__lOiMa"`, hintJunk},
		{`class="actor"`, 0}, // "cta" only as a whole word
	} {
		t.Run(tc.attr, func(t *testing.T) {
			root, err := html.Parse(strings.NewReader(`<div ` + tc.attr + `>x</div>`))
			if err != nil {
				t.Fatal(err)
			}
			div := root.FirstChild.LastChild.FirstChild // html > body > div
			if got := bodyClassHint(div); got != tc.want {
				t.Errorf("bodyClassHint(%s) = %d, want %d", tc.attr, got, tc.want)
			}
		})
	}
}

func TestBodyIsLabel(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"Advertisement", true},
		{"ADVERTISEMENT - Continue Reading Below", true},
		{"Related stories:", true},
		{"You may also like...", true},
		{"Filed under: Politics | Transport", true},
		{"Comments", true},
		{"Club statement", false},
		{"What happens next", false},
		{bodyP1, false},
	} {
		if got := bodyIsLabel(tc.text); got != tc.want {
			t.Errorf("bodyIsLabel(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

func TestBodyIsMeta(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"By Ana Ruiz, Transport Correspondent", true},
		{"Nov. 19, 2019, 8:41 AM UTC", true},
		{"Published 18/11/2019", true},
		{"Updated: 2019-11-18 17:32", true},
		{"19 November 2019", true},
		{"What's new in 4.11 (spring update)?", false},
		{"Baby boomers may need to plan for a longer retirement", false},
		{"BAAR, SWITZERLAND", false},
		{"Transport reporter", true},
		{"Chief political correspondent", true},
		{"Ana Ruiz, Senior Editor", true},
		{"Daily Planet Staff", true},
		{"Daily Planet StaffMarch 3, 2026", true},
		{"Ana RuizUpdated 12:40", true},
		{"What the reporter saw.", false},
		{"A day in the life of a city editor on deadline night in the newsroom", false},
		{"Trams return to the old town", false},
		{bodyP1, false},
	} {
		if got := bodyIsMeta(tc.text); got != tc.want {
			t.Errorf("bodyIsMeta(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

func TestBodyIsCredit(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"(Reporting by Ana Ruiz; Editing by Tom Brown)", true},
		{"Additional reporting by Joe Bloggs in Madrid.", true},
		{"Staff writer Joe Bloggs contributed to this report.", true},
		{"© Jane Doe Crowds outside the council chamber on Tuesday.", true},
		{"© 2026 Daily Planet Media. All rights reserved.", false},
		{"(Harbour Wire; reporting by Ana Ruiz, editing by Tom Brown)", true},
		{"(Harbour Wire; Writing by Ana Ruiz; Editing by Tom Brown).", true},
		{"(the council; reporting by residents, editing by no one)", false},
		{"(Harbour Wire; see the full timetable below)", false},
		{bodyP2, false},
	} {
		if got := bodyIsCredit(tc.text); got != tc.want {
			t.Errorf("bodyIsCredit(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

func TestHTMLBodyDropsClosingCalls(t *testing.T) {
	page := bodyChrome(`<article><div class="article-body"><p>` + bodyP1 + `</p><p>` + bodyP2 + `</p><p>` + bodyP3 + `</p>
<p>Follow us on Twitter for the latest transport news.</p><p>Get the morning briefing in your inbox: sign up for our newsletter.</p></div></article>`)
	got := bodyOf(t, page)
	if want := []string{bodyP1, bodyP2, bodyP3}; strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("body:\n  got  %q\n  want %q", got, want)
	}
}

func TestHTMLBodySkipsHoverCards(t *testing.T) {
	page := bodyChrome(`<article><div class="article-body"><p>The mayor, <span class="rollover-people"><a class="rollover-people-link" href="/people/ana-ruiz">Ana Ruiz</a><span class="rollover-people-block"><a href="/p/1">Ruiz opens new library</a><a href="/p/2">Ruiz on housing</a></span></span>, spoke first. ` + bodyP1 + `</p><p>` + bodyP2 + `</p></div></article>`)
	got := bodyOf(t, page)
	want := []string{"The mayor, Ana Ruiz, spoke first. " + bodyP1, bodyP2}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("body:\n  got  %q\n  want %q", got, want)
	}
}

func TestBodyIsCaption(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"The tram depot at night. Ana Ruiz/Getty Images", true},
		{"Crowds outside the chamber (Image: GETTY)", true},
		{"The first map of the moon's surface. (NASA/JPL-Caltech)", true},
		{"Photo: Ana Ruiz", true},
		{"Main image credit: Getty", true},
		{"The council met on Tuesday (its last meeting of the year).", false},
		{bodyP3, false},
	} {
		if got := bodyIsCaption(tc.text); got != tc.want {
			t.Errorf("bodyIsCaption(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

func TestHTMLBodyKeepsCitedAddresses(t *testing.T) {
	page := bodyChrome(`<article><div class="article-body"><p>` + bodyP1 + `</p><p><a href="https://council.example/minutes/2026-03">https://council.example/minutes/2026-03</a></p><p>` + bodyP2 + `</p></div></article>`)
	want := []string{bodyP1, "https://council.example/minutes/2026-03", bodyP2}
	if got := bodyOf(t, page); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("body:\n  got  %q\n  want %q", got, want)
	}
}

func TestBodyTextRulesSpareProse(t *testing.T) {
	for _, text := range []string{
		"He announced his resignation on Twitter on Monday.",
		"Residents said they would listen to both sides before the vote.",
		"Popular demand grew.",
		"Prince Andrew (pictured) declined to comment.",
		"Followers of the club lined the streets for the parade.",
	} {
		if bodyIsCall(text) || bodyIsLabel(text) || bodyIsCaption(text) || bodyIsCredit(text) || bodyIsStamp(text) {
			t.Errorf("a text rule drops the sentence %q", text)
		}
	}
	// A subheading that starts like a section label does not cut the
	// article after it.
	page := bodyChrome(`<article><div class="article-body"><p>` + bodyP1 + `</p><h2>Popular uprising spreads</h2><p>` + bodyP2 + `</p><p>` + bodyP3 + `</p></div></article>`)
	want := []string{bodyP1, "Popular uprising spreads", bodyP2, bodyP3}
	if got := bodyOf(t, page); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("body:\n  got  %q\n  want %q", got, want)
	}
}

// TestHTMLBodyPathologicalPages runs shapes that would be slow with a
// careless algorithm: deep nesting and thousands of section titles. It
// asserts no time; a regression shows as a hang under go test -timeout.
func TestHTMLBodyPathologicalPages(t *testing.T) {
	// The parser refuses more than 512 open elements.
	deep := strings.Repeat("<div>", 500) + "<p>" + bodyP1 + "</p>" + strings.Repeat("</div>", 500)
	if got := bodyOf(t, "<html><body>"+deep+"</body></html>"); len(got) != 1 || got[0] != bodyP1 {
		t.Errorf("deep page body = %q, want the one paragraph", got)
	}
	var b strings.Builder
	b.WriteString("<html><body><article><p>" + bodyP1 + "</p><p>" + bodyP2 + "</p></article><div>")
	for i := 0; i < 3000; i++ {
		b.WriteString(`<h3>Related stories</h3><p><a href="/x">A teaser headline that links away</a></p>`)
	}
	b.WriteString("</div></body></html>")
	if got := bodyOf(t, b.String()); strings.Join(got, "\n") != bodyP1+"\n"+bodyP2 {
		t.Errorf("many-titles page body = %q", got)
	}
}

func TestHTMLBodyCreditsKeepsSignOffs(t *testing.T) {
	page := bodyChrome(`<article><div class="article-body"><p>` + bodyP1 + `</p><p>` + bodyP2 + `</p><p>(Reporting by Ana Ruiz; Editing by Tom Brown)</p></div></article>`)
	root, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	paras, credits := htmlBodyCredits(root, nil)
	if strings.Join(paras, "\n") != bodyP1+"\n"+bodyP2 {
		t.Errorf("paragraphs = %q, want the two paragraphs", paras)
	}
	if len(credits) != 1 || !strings.HasPrefix(credits[0], "(Reporting by") {
		t.Errorf("credits = %q, want the sign-off", credits)
	}
}

func TestHTMLBodyWholeArticle(t *testing.T) {
	for _, tc := range []struct {
		name string
		page string
		want []string
	}{
		{
			name: "an unclosed banner aside the parser stretches over the page is no sidebar",
			page: `<html><body><aside class="notice"><a href="/fair">Meet us at the fair</a>
<main><article class="post"><h1>Tram line</h1><p>` + bodyP1 + `</p><p>` + bodyP2 + `</p><p>` + bodyP3 + `</p></article></main></body></html>`,
			want: []string{bodyP1, bodyP2, bodyP3},
		},
		{
			name: "a list of linked, described items that holds most of the prose is the article",
			page: bodyChrome(`<article><div class="entry-content"><p>` + bodyP1 + `</p><ul>
<li><a href="/low">The low-floor tram</a> ` + bodyW1 + `</li><li><a href="/long">The articulated tram</a> ` + bodyW2 + `</li>
<li><a href="/battery">The battery tram</a> ` + bodyW3 + `</li><li><a href="/old">The refurbished tram</a> ` + bodyW4 + `</li></ul></div></article>`),
			want: []string{bodyP1, "The low-floor tram " + bodyW1, "The articulated tram " + bodyW2, "The battery tram " + bodyW3, "The refurbished tram " + bodyW4},
		},
		{
			name: "a list of linked items between the article's paragraphs is the article's",
			page: bodyChrome(`<article><div class="text"><p>` + bodyP1 + `</p><ul>
<li><a href="/a">Airport line plans</a> The route the council chose, with its eleven stops.</li>
<li><a href="/b">Cost review by the auditors</a> The auditors' estimate of what the line will cost.</li>
<li><a href="/c">Depot proposal for the north</a> Where the trams would be kept and serviced.</li></ul><p>` + bodyP2 + `</p></div></article>`),
			want: []string{bodyP1, "Airport line plans The route the council chose, with its eleven stops.",
				"Cost review by the auditors The auditors' estimate of what the line will cost.", "Depot proposal for the north Where the trams would be kept and serviced.", bodyP2},
		},
		{
			name: "the folded answers of an accordion are the article's",
			page: bodyChrome(`<article><div class="entry-content"><p>` + bodyP1 + `</p><div class="faq-accordion">
<h3>How long will it take?</h3><div class="accordion-body" style="display:none"><p>` + bodyP4 + `</p></div>
<h3>What will it cost?</h3><div class="panel-hidden" style="display: none"><p>` + bodyP2 + `</p></div></div>
<div class="guide-accordion"><div class="accordion-panel-hidden"><p>` + bodyP3 + `</p></div></div></div></article>`),
			want: []string{bodyP1, "How long will it take?", bodyP4, "What will it cost?", bodyP2, bodyP3},
		},
		{
			name: "widgets a page builder numbers one by one, holding the article, are the article",
			page: bodyChrome(`<article><div class="builder-page"><div class="intro"><p>` + bodyW1 + `</p><p>` + bodyW2 + `</p><p>` + bodyW3 + `</p></div><div class="builder-widget builder-widget-1a2"><p>` + bodyP1 + `</p></div>
<div class="builder-widget builder-widget-2b7"><p>` + bodyP2 + `</p></div><div class="builder-widget builder-widget-3c4"><p>` + bodyP3 + `</p></div>
<div class="builder-widget builder-widget-4d9"><p>` + bodyP4 + `</p></div><div class="builder-widget builder-widget-5e1"><p>` + bodyW4 + `</p></div>
<div class="builder-widget builder-widget-6f3"><p>` + bodyW5 + `</p></div></div></article>`),
			want: []string{bodyW1, bodyW2, bodyW3, bodyP1, bodyP2, bodyP3, bodyP4, bodyW4, bodyW5},
		},
		{
			name: "a card nested deep in the article does not leave the article's other paragraphs out",
			page: bodyChrome(`<article><div class="entry-content"><p>` + bodyP1 + `</p><p>` + bodyP2 + `</p><p>` + bodyP3 + `</p>
<section class="card"><h3>Five models</h3><div class="card-inner"><h4>Compared</h4><div class="card-body"><h5>By price</h5><div class="card-main"><h6>Cheapest first</h6><div class="card-list"><div class="item"><p>` + bodyW1 + `</p></div>
<div class="item"><p>` + bodyW2 + `</p></div><div class="item"><p>` + bodyW3 + `</p></div><div class="item"><p>` + bodyW4 + `</p></div>
<div class="item"><p>` + bodyW5 + `</p></div></div></div></div></div></section></div></article>`),
			want: []string{bodyP1, bodyP2, bodyP3, "Five models", "Compared", "By price", "Cheapest first", bodyW1, bodyW2, bodyW3, bodyW4, bodyW5},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := bodyOf(t, tc.page); strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("body:\n  got  %q\n  want %q", got, tc.want)
			}
		})
	}
}

// TestBodySpace holds bodySpace to unicode.IsSpace and the two invisible
// runes, over ASCII, Latin-1 and a few wider runes.
func TestBodySpace(t *testing.T) {
	runes := []rune{'\u200b', '\ufeff', '\u2003', '\u3000', '\u200c', 'é', 'A'}
	for r := rune(0); r < 0x100; r++ {
		runes = append(runes, r)
	}
	for _, r := range runes {
		want := unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff'
		if got := bodySpace(r); got != want {
			t.Errorf("bodySpace(%U) = %v, want %v", r, got, want)
		}
	}
}

// TestBodyDeckAboveByline checks that a short deck above the byline, a
// line that ends no sentence, does not start the story: the byline and
// date lines under it are still above the story and dropped, and the
// story's sentences kept.
func TestBodyDeckAboveByline(t *testing.T) {
	page := bodyChrome(`<main><div data-component="section-label">Local</div>
<h1 data-component="headline">Panel finds altered images in lab papers</h1>
<div data-component="subheadline">Report prompts retraction requests and an appeal</div>
<div data-component="byline-block"><span class="author-name">Gabriel Insley</span><time datetime="2026-04-08">April 8, 2026 at 4:20 p.m.</time></div>
<p>A university inquiry has found manipulated images in nine figures across four papers produced by the laboratory, the panel said on Tuesday.</p>
<p>The panel of five released its 212-page report after a review that lasted more than a year, and the university said it would ask journals to act.</p>
</main>`)
	got := strings.Join(bodyOf(t, page), "\n")
	if strings.Contains(got, "April 8, 2026") || strings.Contains(got, "Insley") {
		t.Errorf("the byline and date under the deck are in the body:\n%s", got)
	}
	if !strings.Contains(got, "manipulated images in nine figures") || !strings.Contains(got, "212-page report") {
		t.Errorf("the story is not in the body:\n%s", got)
	}
}

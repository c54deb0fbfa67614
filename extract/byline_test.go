package extract

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestAuthorLinkName(t *testing.T) {
	tests := []struct{ page, want string }{
		{`<a href="/authors/jane-doe">Jane Doe</a>`, "Jane Doe"},
		{`<a href="https://example.org/author/jane-doe/?ref=top">Jane Doe</a>`, "Jane Doe"},
		{`<a href="/authors/">All our writers</a>`, ""},
		{`<a href="/authors/jane-doe">More stories</a>`, ""},
		{`<a href="/topics/jane-doe">Jane Doe</a>`, ""},
		{`<a href="/author/janedoe/">Jane Doe</a>`, "Jane Doe"},
		{`<a href="/author/jane/">Jane Doe</a>`, ""},
		{`<a href="/component/comprofiler/userprofile/janedoe?tab=10">Jane Doe</a>`, "Jane Doe"},
		{`<a href="/contributors/jane-doe">Jane Doe</a>`, "Jane Doe"},
		{`<a href="/people/jane-doe">Jane Doe</a>`, ""},
	}
	for _, tt := range tests {
		root, err := html.Parse(strings.NewReader(tt.page))
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		walk(root, func(n *html.Node) bool {
			if n.Type == html.ElementNode && n.Data == "a" {
				got = authorLinkName(n)
			}
			return true
		})
		if got != tt.want {
			t.Errorf("authorLinkName(%s) = %q, want %q", tt.page, got, tt.want)
		}
	}
}

// TestNearByline: a "by Jane Doe" line beside the headline, with no
// byline class, names the author.
func TestNearByline(t *testing.T) {
	// A date or stamp after the names on the same line ("By Jane Doe ·
	// 4 March 2026") leaves a byline as short as the name alone.
	for _, line := range []string{"by Nicole Example", "By Nicole Example",
		"By Nicole Example · 4 March 2026", "By Nicole Example | Updated 5 March 2026, 10:04 am"} {
		page := `<html><body><article><h1>Planting a kitchen garden in a small yard</h1><div><span>Published May 2, 2025</span> <span>` + line + `</span></div>
<p>A kitchen garden needs less room than most people think: four raised beds and a sunny fence will feed a family through the summer.</p></article></body></html>`
		a, err := Page([]byte(page), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if a.Byline != "Nicole Example" {
			t.Errorf("byline from %q = %q, want %q", line, a.Byline, "Nicole Example")
		}
	}
}

func TestBylineClassCamelCase(t *testing.T) {
	tests := []struct {
		name, class, want string
	}{
		{"module class with camel-case humps", "ArticleHeader_authorName", "Nicole Example"},
		{"camel-case byline", "articleByline", "Nicole Example"},
		{"camel-case author picture says no name", "authorAvatar", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := `<html><body><article><h1>Planting a kitchen garden in a small yard</h1><p class="` + tt.class + `">Nicole Example</p>
<p>A kitchen garden needs less room than most people think: four raised beds and a sunny fence will feed a family through the summer.</p></article></body></html>`
			a, err := Page([]byte(page), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if a.Byline != tt.want {
				t.Errorf("byline = %q, want %q", a.Byline, tt.want)
			}
		})
	}
}

func TestTemplatePlaceholderAuthor(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"site.meta.author", true},
		{"entry.author_name", true},
		{"{{ post.author }}", true},
		{"${authorName}", true},
		{"[AUTHOR_NAME]", true},
		{"{AUTHOR}", true},
		{"<%= writer %>", true},
		{"jane.q.doe", false},
		{"Jane Doe", false},
		{"j.doe", false},
	} {
		t.Run(tc.in, func(t *testing.T) {
			if got := templatePlaceholder(tc.in); got != tc.want {
				t.Errorf("templatePlaceholder(%q) = %v, want %v", tc.in, got, tc.want)
			}
		})
	}
}

// TestPersonNamedLikeTheSite checks a JSON-LD author typed Person whose
// name is the site's: on a personal site with no byline beside the text it
// is the author; where a publisher types its brand a Person, the visible
// byline wins, and an author not typed Person is still no author when it
// is the site's name.
func TestPersonNamedLikeTheSite(t *testing.T) {
	page := func(author, byline string) string {
		return `<html><head><link rel="canonical" href="https://www.janeexample.com/notes/raised-beds">
<meta property="og:site_name" content="janeexample.com">
<script type="application/ld+json">[{"@context":"https://schema.org","@type":"BlogPosting","headline":"Planting a kitchen garden in a small yard","author":[` + author + `]}]</script></head>
<body><article><h1>Planting a kitchen garden in a small yard</h1>` + byline + `
<p>A kitchen garden needs less room than most people think: four raised beds and a sunny fence will feed a family through the summer.</p>
<p>Start with the bed nearest the kitchen door, where you will pass it every day and notice what it needs.</p></article></body></html>`
	}
	tests := []struct {
		name, author, byline, want string
	}{
		{"personal site", `{"@type":"Person","name":"Jane Example"}`, "", "Jane Example"},
		{"visible byline first", `{"@type":"Person","name":"Jane Example"}`, `<p class="byline">By Nicole Writer</p>`, "Nicole Writer"},
		{"untyped name of the site", `{"name":"Jane Example"}`, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Page([]byte(page(tt.author, tt.byline)), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if a.Byline != tt.want {
				t.Errorf("byline = %q, want %q (site %q)", a.Byline, tt.want, a.Site)
			}
		})
	}
}

// TestBylineClassBy checks a byline element named for its label ("by",
// "post-by"), its label written against the name in the markup.
func TestBylineClassBy(t *testing.T) {
	for _, tt := range []struct{ byline, want string }{
		{`<p class="by">Nicole Writer</p>`, "Nicole Writer"},
		{`<div class="post-by"><span>By</span><a href="/a/nw">Nicole Writer</a></div>`, "Nicole Writer"},
		{`<p class="bylaw">Nicole Writer</p>`, ""},
	} {
		page := `<html><body><article><h1>Planting a kitchen garden in a small yard</h1>` + tt.byline + `
<p>A kitchen garden needs less room than most people think: four raised beds and a sunny fence will feed a family through the summer.</p>
<p>Start with the bed nearest the kitchen door, where you will pass it every day and notice what it needs.</p></article></body></html>`
		a, err := Page([]byte(page), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if a.Byline != tt.want {
			t.Errorf("%s: byline = %q, want %q", tt.byline, a.Byline, tt.want)
		}
	}
}

// TestBylineRound holds the byline mechanisms of the byline round, each on
// a page in invented names: the byline of the page is want.
func TestBylineRound(t *testing.T) {
	const body = `<p>A kitchen garden needs less room than most people think: four raised beds and a sunny fence will feed a family through the summer.</p>`
	page := func(head, article string) string {
		return `<html><head>` + head + `</head><body><article><h1>Planting a kitchen garden in a small yard</h1>` + article + body + `</article></body></html>`
	}
	tests := []struct{ name, page, want string }{
		{"indented label", page("", "<div>\n                    by\n                    <span>Nicole Example</span>\n</div>"), "Nicole Example"},
		{"label with the name as text", page("", "<div><strong>Author:</strong> Nicole Example</div>"), "Nicole Example"},
		{"by: line", page("", "<p>by: Nicole Example, May 2, 2025</p>"), "Nicole Example"},
		{"CSS-modules hash", page("", `<p class="Author_author__7tQx2">Nicole Example</p>`), "Nicole Example"},
		{"CSS-modules hash and line", page("", `<a class="_authorName_9k3v2_51">Nicole Example</a>`), "Nicole Example"},
		{"date before the name", page("", `<div class="publish-date-author">Dec. 19, 2025 · Nicole Example</div>`), "Nicole Example"},
		{"an address is no handle", page(`<meta name="author" content="nicole.example@example.org">`, ""), "nicole.example@example.org"},
		{"account name gives way", page(`<meta name="author" content="nicole.e">`, `<p class="byline">By Nicole Example</p>`), "Nicole Example"},
		{"avatar and name", page("", `<div><img class="author-image" alt="Picture of Nicole Example" src="/n.jpg"><div>Nicole Example</div></div>`), "Nicole Example"},
		{"avatar without alt text", page("", `<p>May 2, 2025 <img class="avatar avatar-xs" src="/g.png"/> Nicole Example in <a href="/c/garden">Garden</a></p>`), "Nicole Example"},
		{"a picture without alt text that is no avatar", page("", `<p><img class="hero-image" src="/g.png"/> Nicole Example in <a href="/c/garden">Garden</a></p>`), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Page([]byte(tt.page), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if a.Byline != tt.want {
				t.Errorf("byline = %q, want %q", a.Byline, tt.want)
			}
		})
	}
}

func TestModuleLocal(t *testing.T) {
	for in, want := range map[string]string{
		"Author_author__7tQx2":                 "Author_author",
		"styles_dateAndAuthorContainer__QmZ8r": "styles_dateAndAuthorContainer",
		"_authorName_9k3v2_51":                 "_authorName",
		"elementor-author-box__name":           "elementor-author-box__name",
		"post_author":                          "post_author",
	} {
		if got := moduleLocal(in); got != want {
			t.Errorf("moduleLocal(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestBylineLabel checks the texts that are only a byline's label, in any
// case and spacing, against texts that open with the same letters.
func TestBylineLabel(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"By", true},
		{"  by  ", true},
		{"BY:", true},
		{"Author:", true},
		{"Written  by", true},
		{"Reported by:", true},
		{"Story by", true},
		{"text by", true},
		{"Contributors:", true},
		{"Writer", true},
		{"Contributing", false},
		{"", false},
		{":", false},
		{"By Jane Doe", false},
		{"Photo by", false},
		{"Ke by", false},
		{"Bylines", false},
		{"© by", false},
		{"12 by", false},
	} {
		if got := bylineLabel(tc.in); got != tc.want {
			t.Errorf("bylineLabel(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

// TestBylineNotACommenter: the names of a reader comments section (its
// author spans, "Posted by" links to a commenter, avatars) are the
// readers', never the article's byline, whether the section is named by
// its class or by its heading; the article's own byline still wins.
func TestBylineNotACommenter(t *testing.T) {
	const story = `<h1>Ferry timetable changes from Monday</h1>
<p>The island ferry will run every forty minutes from Monday, the operator said, instead of every hour.</p>
<p>The change adds six crossings a day and follows two years of complaints from commuters.</p>`
	for _, tt := range []struct{ name, byline, comments, want string }{
		{"named section", "", `<div id="comments"><div class="comment"><span class="author">Rick Dalton</span><p>About time.</p></div></div>`, ""},
		{"headed section", "", `<section><h3>Comments</h3><p class="byline">Posted by <a href="/author/ana-ruiz">Ana Ruiz</a></p><p>Still too few.</p></section>`, ""},
		{"author link", "", `<div class="comments-list"><span class="comments-post">Posted by: <a href="/authors/tom-berg">Tom Berg</a></span><p>Good news.</p></div>`, ""},
		{"own byline kept", `<p class="byline">By Lena Ostrova</p>`, `<div id="comments"><div class="comment"><span class="author">Rick Dalton</span><p>About time.</p></div></div>`, "Lena Ostrova"},
	} {
		page := `<html><body><article>` + tt.byline + story + `</article>` + tt.comments + `</body></html>`
		a, err := Page([]byte(page), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if a.Byline != tt.want {
			t.Errorf("%s: byline = %q, want %q", tt.name, a.Byline, tt.want)
		}
	}
}

func TestBylineAboveHeadline(t *testing.T) {
	// A meta row of section, date and author set just above the headline.
	page := `<html><body><main><header><div><a href="/c/garden">Garden</a> <span>Published May 2, 2025</span> <span>by Nicole Example</span></div>
<h1>Planting a kitchen garden in a small yard</h1></header>
<p>A kitchen garden needs less room than most people think: four raised beds and a sunny fence will feed a family through the summer.</p>
<p>Start with the crops you buy most often, and plant them where you pass every day, so that watering and picking become a habit.</p></main></body></html>`
	a, err := Page([]byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Byline != "Nicole Example" {
		t.Errorf("byline = %q, want %q", a.Byline, "Nicole Example")
	}
	// A "By" line far above the headline (a menu's, a promoted story's)
	// is no byline of this one.
	far := strings.Replace(page, "<h1>", "<p>"+strings.Repeat("Our weekly picks for the season ahead. ", 8)+"</p><h1>", 1)
	if a, err := Page([]byte(far), Options{}); err != nil || a.Byline != "" {
		t.Errorf("byline far above the headline = %q (err %v), want none", a.Byline, err)
	}
}

func TestBylineClassOtherLanguages(t *testing.T) {
	for _, tc := range []struct{ class, line string }{
		{"autor", "Von Anna Beispiel"},
		{"autor", "Por Anna Beispiel"},
		{"article-auteur", "Par Anna Beispiel"},
		{"nome-autore", "di Anna Beispiel"},
	} {
		page := `<html><body><article><h1>Der Hafen erweitert seine Kaianlagen bis 2028</h1><p><span class="` + tc.class + `">` + tc.line + `</span></p>
<p>Der Hafen will seine Kaianlagen bis 2028 um 800 Meter verlängern, teilte die Betreibergesellschaft am Dienstag mit.</p>
<p>Die Kosten werden auf 240 Millionen Euro geschätzt; Bund und Land sollen die Hälfte tragen.</p></article></body></html>`
		a, err := Page([]byte(page), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if a.Byline != "Anna Beispiel" {
			t.Errorf("byline in class %q = %q, want %q", tc.class, a.Byline, "Anna Beispiel")
		}
	}
}

func TestBylineAgencyIsCredit(t *testing.T) {
	for _, tc := range []struct{ byline, want, credit string }{
		{"By Nicole Example, The Canadian Press", "Nicole Example", "The Canadian Press"},
		{"By NICOLE EXAMPLE and JON ROE Associated Press", "NICOLE EXAMPLE and JON ROE", "AP"},
		{"Par Nicole Example avec AFP", "Nicole Example", "AFP"},
		{"By Michael R. Bloomberg", "Michael R. Bloomberg", ""},
		{"By Nicole Example", "Nicole Example", ""},
		{"Reuters", "Reuters", "Reuters"},
		{"PTI, Washington", "PTI, Washington", "PTI"},
		{"By Nicole Example | Reuters", "Nicole Example", "Reuters"},
		{"Nicole Example (AFP)", "Nicole Example", "AFP"},
		{"By Nicole Example for Reuters", "Nicole Example", "Reuters"},
		{"By Reuters Staff", "Reuters Staff", "Reuters"},
		{"By Nicole Example and Jon Roe, Meridian Press", "Nicole Example and Jon Roe", "Meridian Press"},
		{"By Nicole Example for Kestrel Wire", "Nicole Example", "Kestrel Wire"},
		{"By Nicole Example, Local News", "Nicole Example, Local News", ""},
		{"By Nicole Example, Staff Writer", "Nicole Example, Staff Writer", ""},
		{"By Nicole Example, American Heart Association", "Nicole Example, American Heart Association", ""},
	} {
		page := `<html><body><article><h1>Planting a kitchen garden in a small yard</h1><p class="byline">` + tc.byline + `</p>
<p>A kitchen garden needs less room than most people think: four raised beds and a sunny fence will feed a family through the summer.</p></article></body></html>`
		a, err := Page([]byte(page), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if a.Byline != tc.want || a.Credit != tc.credit {
			t.Errorf("byline %q: byline %q, credit %q; want %q, %q", tc.byline, a.Byline, a.Credit, tc.want, tc.credit)
		}
	}
}

func TestBylineOwnOutletIsNoCredit(t *testing.T) {
	page := `<html><head><meta property="og:site_name" content="Kestrel News"></head><body><article><h1>Planting a kitchen garden in a small yard</h1><p class="byline">By Nicole Example | Kestrel News</p>
<p>A kitchen garden needs less room than most people think: four raised beds and a sunny fence will feed a family through the summer.</p></article></body></html>`
	a, err := Page([]byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Byline != "Nicole Example" || a.Credit != "" {
		t.Errorf("byline %q, credit %q; want Nicole Example and no credit (the site's own staff)", a.Byline, a.Credit)
	}
}

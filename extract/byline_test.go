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
	for _, line := range []string{"by Nicole Example", "Written by Nicole Example", "By Nicole Example"} {
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

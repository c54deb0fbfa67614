package extract

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestNoticeOutlet(t *testing.T) {
	tests := []struct{ in, want string }{
		{"© Meridian Press 2026", "Meridian Press"},
		{"Copyright 2026 The Associated Press. All rights reserved.", "AP"},
		{"© 2026 Northgate Wire", "Northgate Wire"},
		{"(c) Harbour Times 2025.", "Harbour Times"},
		{"Copyright © Meridian Media Group Ltd 2026", "Meridian Media Group Ltd"},
		{"© Copyright Dalby Herald 2026", "Dalby Herald"},
		{"© 2026 all photos by our readers and contributors, used with permission", ""},
		{"Copyright lawyers said the case was weak.", ""},
	}
	for _, tt := range tests {
		if got := noticeOutlet(tt.in); got != tt.want {
			t.Errorf("noticeOutlet(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestOwnedBySite(t *testing.T) {
	tests := []struct {
		owner string
		names []string
		want  bool
	}{
		{"Harbour Times Ltd", []string{"Harbour Times"}, true},
		{"The Harbour Times", []string{"", "harbourtimes.example"}, true},
		{"Meridian Press", []string{"Valley Ledger", "valleyledger.example"}, false},
	}
	for _, tt := range tests {
		if got := ownedBySite(tt.owner, tt.names...); got != tt.want {
			t.Errorf("ownedBySite(%q, %q) = %v, want %v", tt.owner, tt.names, got, tt.want)
		}
	}
}

// TestSiteFooterNotice: the footer's notice names the site's owner, not a
// story's source.
func TestSiteFooterNotice(t *testing.T) {
	page := `<html><head><meta property="og:site_name" content="Valley Ledger"></head><body><article><h1>Council approves a footbridge over the river</h1>
<p>The town council voted on Tuesday to build a footbridge over the river, ending a decade of argument over how walkers and cyclists should cross.</p>
<p>The bridge will cost about four million, most of it from a regional transport fund, and is due to open in the spring of 2028.</p></article>
<footer><p>© 2026 Harrow Street Media Group. All rights reserved.</p></footer></body></html>`
	// The footer as a box named for it, not a <footer> element, and the
	// article's own footer.
	classed := strings.NewReplacer("<footer>", `<div class="footer-wrap site-footer">`, "</footer>", "</div>").Replace(page)
	inArticle := strings.NewReplacer("</article>", "", "</footer>", "</footer></article>").Replace(page)
	for _, p := range []string{page, classed, inArticle} {
		a, err := Page([]byte(p), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if a.Credit != "" {
			t.Errorf("credit = %q, want none (the footer names the site's owner)", a.Credit)
		}
	}
}

func TestPictureCreditIsNoCredit(t *testing.T) {
	for _, credit := range []string{
		`<figure><img src="a.jpg"><figcaption>The new bridge. ©Harbour Photo Agency</figcaption></figure>`,
		`<div class="lead"><div class="img"><img src="a.jpg"></div><div class="credits">© Jane Example</div></div>`,
		`<span class="caption"><span class="attribution">© Northgate Images</span> The new bridge.</span>`,
	} {
		page := `<html><body><article><h1>Council approves a footbridge over the river</h1>` + credit + `
<p>The town council voted on Tuesday to build a footbridge over the river, ending a decade of argument over how walkers and cyclists should cross.</p>
<p>The bridge will cost about four million, most of it from a regional transport fund, and is due to open in the spring of 2028.</p></article></body></html>`
		a, err := Page([]byte(page), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if a.Credit != "" {
			t.Errorf("credit = %q from %s, want none (a picture's credit)", a.Credit, credit)
		}
	}
}

func TestFooterNamed(t *testing.T) {
	for class, want := range map[string]bool{
		"footer": true, "site-footer": true, "footer2-row": true, "l-mega__block--legal": true,
		"footnote": false, "legality-check": false, "credit": false,
	} {
		n := &html.Node{Type: html.ElementNode, Data: "div", Attr: []html.Attribute{{Key: "class", Val: class}}}
		if got := footerNamed(n); got != want {
			t.Errorf("footerNamed(class %q) = %v, want %v", class, got, want)
		}
	}
}

// TestDeclaredOrigin: a page that points search engines at the original
// of its story on another outlet's site (a canonical link there, or a
// syndication-source meta tag) credits that outlet and keeps its own
// address; a canonical link to the same outlet's other host (a mobile
// site, a country edition) credits no one.
func TestDeclaredOrigin(t *testing.T) {
	body := `<article><h1>Harbour bridge closes for repairs</h1>
<p>The harbour bridge will close for six weeks from Monday while engineers replace corroded cables, the transport authority said on Tuesday.</p>
<p>About 14,000 vehicles cross the bridge each day; drivers will be diverted through the inland ring road.</p></article>`
	cases := []struct {
		name, head, url, wantURL, wantCredit string
	}{
		{"canonical at another outlet", `<link rel="canonical" href="https://www.harbourline-news.com/2026/03/03/bridge">`,
			"https://www.coastline-daily.com/news/bridge", "https://www.coastline-daily.com/news/bridge", "harbourline-news.com"},
		{"syndication source", `<meta name="syndication-source" content="https://www.harbourline-news.com/2026/03/03/bridge">`,
			"", "", "harbourline-news.com"},
		{"mobile host of the same outlet", `<link rel="canonical" href="https://m.coastline-daily.com/news/bridge">`,
			"https://www.coastline-daily.com/news/bridge", "https://m.coastline-daily.com/news/bridge", ""},
		{"another edition of the same outlet", `<link rel="canonical" href="https://www.coastline-daily.co.uk/news/bridge">`,
			"https://www.coastline-daily.com/news/bridge", "https://www.coastline-daily.co.uk/news/bridge", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a, err := Page([]byte(`<html><head>`+tc.head+`</head><body>`+body+`</body></html>`), Options{URL: tc.url})
			if err != nil {
				t.Fatal(err)
			}
			if a.Credit != tc.wantCredit || a.URL != tc.wantURL {
				t.Errorf("credit %q, url %q; want %q, %q", a.Credit, a.URL, tc.wantCredit, tc.wantURL)
			}
		})
	}
}

// TestAgencyWords checks that every agency's pattern is guarded by the
// words its matches must hold, and that the guard never refuses a text
// the pattern matches.
func TestAgencyWords(t *testing.T) {
	texts := []string{"Thomson Reuters", "(Reuters) -", "The Associated Press", "(AP)", "By AP staff", "Agence France-Presse",
		"Agence France Presse", "AFP", "Bloomberg News", "dpa", "DPA", "Deutsche Presse-Agentur", "Kyodo News", "Jiji Press",
		"Xinhua", "Yonhap", "Agencia EFE", "EFE", "ANSA", "United Press International", "UPI", "TASS", "Interfax",
		"Press Trust of India", "PTI", "IANS", "Australian Associated Press", "AAP", "The Canadian Press", "PA Media",
		"Press Association", "Anadolu Agency", "Bernama", "ANI", "a plain sentence naming no agency"}
	for i := range agencies {
		a := &agencies[i]
		if len(a.words) == 0 {
			t.Errorf("agency %s: no required words in %s", a.name, a.pattern)
		}
		for _, s := range texts {
			if a.pattern.MatchString(s) && !a.mayMatch(s) {
				t.Errorf("agency %s: %q matches %s but its words %q refuse it", a.name, s, a.pattern, a.words)
			}
		}
	}
	if got := requiredWords(`(?i)reuters`); got != nil {
		t.Errorf("requiredWords of a case-folded expression = %q, want nil", got)
	}
}

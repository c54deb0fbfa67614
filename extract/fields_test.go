package extract

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/unicode"
)

func TestNormalizeDate(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"2025-01-28T10:14:00Z", "2025-01-28T10:14:00Z"},
		{"2025-01-28T10:14:00.000+09:00", "2025-01-28T10:14:00+09:00"},
		{"2025-01-28T10:14:00+0900", "2025-01-28T10:14:00+09:00"},
		{"2025-01-28T10:14:00", "2025-01-28T10:14:00"},
		{"2025-01-28 10:14:00", "2025-01-28T10:14:00"},
		{"2025-01-28", "2025-01-28"},
		{"20250128", "2025-01-28"},
		{"Tue, 28 Jan 2025 10:14:00 GMT", "2025-01-28T10:14:00Z"},
		{"January 28, 2025", "2025-01-28"},
		{"Jan. 28 2025", "2025-01-28"},
		{"28 January 2025", "2025-01-28"},
		{"01:38:07 PM IST Nov 20, 2019", "2019-11-20"},
		{"First Published on Nov 20, 2019 01:38 pm", "2019-11-20"},
		{"Essay - Published: 2019.11.20 |", "2019-11-20"},
		{"Posted 2019/11/20", "2019-11-20"},
		{"2019.1.5", "2019-01-05"},
		{"Published 2022-11-23T08:10+02:00", "2022-11-23"},
		{"build 2022-11-23Tx", ""},
		{"2019.11-20", ""},
		{"version 2019.13.02", ""},
		{"0001-01-01T00:00:00Z", ""},
		{"February 30, 2025", ""},
		// The day first, with the month named in another language.
		{"5. März 2024", "2024-03-05"},
		{"12 de março de 2024", "2024-03-12"},
		{"Publié le 1er avril 2024 à 10h", "2024-04-01"},
		{"martedì 5 marzo 2024", "2024-03-05"},
		{"5 marca 2024", "2024-03-05"},
		{"5 марта 2024 г.", "2024-03-05"},
		{"14 Şubat 2024", "2024-02-14"},
		{"2024年3月5日 10:00", "2024-03-05"},
		{"2024년 3월 5일", "2024-03-05"},
		{"31 febbraio 2024", ""},
		{"15 marzo", ""},
		{"yesterday", ""},
		{"", ""},
	} {
		t.Run(tc.in, func(t *testing.T) {
			got, ok := normalizeDate(tc.in)
			if got != tc.want || ok != (tc.want != "") {
				t.Errorf("normalizeDate(%q) = %q, %v; want %q", tc.in, got, ok, tc.want)
			}
		})
	}
}

func TestURLDate(t *testing.T) {
	for u, want := range map[string]string{
		"https://example.com/2019/11/19/story-title/":   "2019-11-19",
		"https://example.com/news/2025-01-28-storm":     "2025-01-28",
		"https://example.com/a/20250128/x":              "2025-01-28",
		"https://example.com/2019/11/story-title":       "",
		"https://example.com/item/123456789012/x":       "",
		"https://example.com/2019/13/45/not-a-date.htm": "",
	} {
		if got, _ := urlDate(u); got != want {
			t.Errorf("urlDate(%q) = %q, want %q", u, got, want)
		}
	}
}

func TestLeadDateline(t *testing.T) {
	for _, tc := range []struct{ in, place, agency string }{
		{"WASHINGTON (Reuters) - Japan will continue to strengthen", "WASHINGTON", "Reuters"},
		{"TOKYO, Jan 28 (Reuters) - Shares fell", "TOKYO", "Reuters"},
		{"NEW YORK (AP) — A jury found", "NEW YORK", "AP"},
		{"PARIS (AFP) - France said", "PARIS", "AFP"},
		{"BERLIN — The government", "BERLIN", ""},
		{"ST. JOSEPH, Mich. (AP) — Officials", "ST. JOSEPH", "AP"},
		{"NEW DELHI: The court ruled", "NEW DELHI", ""},
		{"DEAR ABBY: My husband", "", ""},
		{"UPDATE: the road has reopened", "", ""},
		{"US - China talks resume", "", ""},
		{"The minister said on Tuesday", "", ""},
		// A place in ordinary case is a dateline only before an agency
		// or outlet in parentheses.
		{"Washington (AP) — The Senate voted", "Washington", "AP"},
		{"Madrid, 4 mar (EFE).- El Ayuntamiento aprobó", "Madrid", "EFE"},
		{"Nairobi, March 3 (Meridian Wire) – Kenya said", "Nairobi", "Meridian Wire"},
		{"Paris, 12 de marzo de 2026 (EFE) - El Gobierno", "Paris", "EFE"},
		{"Washington — The Senate voted", "", ""},
		{"Officials (police and fire) - said", "", ""},
		{"The Mayor (Labour) - said it was time", "", ""},
		// A press release as its distribution service sends it.
		{"BOSTON, March 4, 2026 /PRNewswire/ -- Harbour Labs said", "BOSTON", "PRNewswire"},
		{"Austin, Texas, Jan. 5, 2026 /Example Wire/ — The company", "Austin", "Example Wire"},
		{"Sales rose 4% in 2026 / 2027 - the company said", "", ""},
		// The agency alone, or after the day: no place.
		{"(Reuters) - Oil prices rose", "", "Reuters"},
		{"March 4 (Reuters) - Oil prices rose", "", "Reuters"},
		{"(Meridian Press) — Ecuador raised", "", "Meridian Press"},
		{"(WKTX) — A fire broke out", "", "WKTX"},
		{"(Officials) - said the road was closed", "", ""},
		{"(2) - the second point", "", ""},
		// No dash after a known agency; a slash in the place; dashes
		// against the agency.
		{"New Delhi, Mar 4 (PTI) The government said", "New Delhi", "PTI"},
		{"Frankfurt/Main (dpa) - Die Bank", "Frankfurt/Main", "dpa"},
		{"SAN FRANCISCO--(Example Wire)--Acme said", "SAN FRANCISCO", "Example Wire"},
		{"Springfield (Main Street) The shop", "", ""},
	} {
		t.Run(tc.in, func(t *testing.T) {
			place, agency := leadDateline(tc.in)
			if place != tc.place || agency != tc.agency {
				t.Errorf("leadDateline(%q) = %q, %q; want %q, %q", tc.in, place, agency, tc.place, tc.agency)
			}
		})
	}
}

func TestCredit(t *testing.T) {
	for _, tc := range []struct{ in, notice, tail string }{
		{"© Thomson Reuters 2019.", "Thomson Reuters", ""},
		{"Copyright 2025 The Associated Press. All rights reserved.", "AP", ""},
		{"(c) AFP 2025", "AFP", ""},
		{"©2025 Example Media Inc.", "", ""},
		{"— AP", "", "AP"},
		{"-- AFP", "", "AFP"},
		{"(Reporting by Jane Doe; Editing by John Roe)", "", "Reuters"},
		{"(Reporting by Jane Doe; Editing by John Roe) Harbour Wire", "", "Harbour Wire"},
		{"(Harbour Wire; reporting by Jane Doe, editing by John Roe)", "", "Harbour Wire"},
		{"Reporting by Hallorn Press Agency", "", "Hallorn Press Agency"},
		{"Reporting by Orbeline News.", "", "Orbeline News"},
		{"(Reporting by Tamsin News Service; Editing by John Roe)", "", "Tamsin News Service"},
		{"Reporting by Jane Doe and Harbour Wire staff", "", "Reuters"},
		{"(Agence France-Presse; Writing by Jane Doe; Editing by John Roe)", "", "AFP"},
		{"(Harbour Wire; photos on page 4)", "", ""},
		{"Source: Bloomberg", "", "Bloomberg"},
		{"— Meridian News Agency", "", "Meridian News Agency"},
		{"-- Kestrel Wire.", "", "Kestrel Wire"},
		{"Source: Danube Press", "", "Danube Press"},
		{"Source: National Weather Service", "", ""},
		{"Source: Bureau of Labor Statistics", "", ""},
		{"— Jane Doe", "", ""},
		{"— Halvard Tribune", "", "Halvard Tribune"},
		{"This article was originally published by Futurism. Read the original article.", "", "Futurism"},
		{"This article is republished from The Conversation under a Creative Commons license.", "", "The Conversation"},
		{"Originally published in the Example Herald on May 5.", "", "Example Herald"},
		{"Republished with permission from Reuters.", "", "Reuters"},
		{"This story was produced by ProPublica, a nonprofit newsroom.", "", "ProPublica"},
		{"This article was reprinted on Wired.com.", "", ""},
		{"This story was originally published on March 3 and has been updated.", "", ""},
		{"This story was first published on Tuesday, March 3.", "", ""},
		{"The Associated Press contributed to this report.", "", "AP"},
		{"Contributing: Reuters", "", "Reuters"},
		{"Information from The Associated Press was used in this report.", "", "AP"},
		{"Additional reporting by Meridian Press.", "", "Meridian Press"},
		{"Editor's note: This story includes reporting from Reuters.", "", "Reuters"},
		{"Staff writer Jane Doe contributed reporting.", "", ""},
		{"AFP contributed photos.", "", ""},
		{"— Reuters (@Reuters) March 4, 2026", "", ""},
		{"Prices rose again in November. — AFP", "", "AFP"},
		{"He said it was over. — Jane Doe", "", ""},
		{"This report by The Harbour Wire was first published March 4, 2026.", "", "The Harbour Wire"},
		{"This story by our reporter was first published in 2019.", "", ""},
		{"This article has been adapted from its original source.", "", ""},
		{"The AP reported earlier that talks had stalled.", "", ""},
		{"Copyright lawyers for AFP said the case would go on.", "", ""},
		{"(c) AFP 2019", "AFP", ""},
		{"Copyright © 2019 Reuters", "Reuters", ""},
	} {
		t.Run(tc.in, func(t *testing.T) {
			if got := creditFromNotice(tc.in); got != tc.notice {
				t.Errorf("creditFromNotice(%q) = %q, want %q", tc.in, got, tc.notice)
			}
			if got := creditFromTail(tc.in); got != tc.tail {
				t.Errorf("creditFromTail(%q) = %q, want %q", tc.in, got, tc.tail)
			}
		})
	}
}

func TestStripSiteName(t *testing.T) {
	for _, tc := range []struct{ title, site, want string }{
		{"Big storm hits coast | Daily Example", "Daily Example", "Big storm hits coast"},
		{"Big storm hits coast - dailyexample.com", "", "Big storm hits coast"},
		{"Daily Example: Big storm hits coast", "Daily Example", "Daily Example: Big storm hits coast"},
		{"Daily Example | Big storm hits coast", "Daily Example", "Big storm hits coast"},
		{"Opinion | Republicans are following the leader", "", "Republicans are following the leader"},
		{"Storm – a short title", "", "Storm – a short title"},
		{"A headline with no site name at all", "", "A headline with no site name at all"},
	} {
		t.Run(tc.title, func(t *testing.T) {
			if got := stripSiteName(tc.title, tc.site); got != tc.want {
				t.Errorf("stripSiteName(%q, %q) = %q, want %q", tc.title, tc.site, got, tc.want)
			}
		})
	}
}

func TestCleanByline(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"By Jane Doe", "Jane Doe"},
		{"by: Jane Doe | January 5, 2025", "Jane Doe"},
		{"Bryan Smith @bsmith", "Bryan Smith"},
		{"Jeff Roe Monday, November 18, 2019", "Jeff Roe"},
		{"By Jane Doe, Associated Press", "Jane Doe, Associated Press"},
		{"Daily Example", ""},
		{"The ministries claim that troops are blocking the roads", ""},
		{"jdoe", "jdoe"},
		{"Jane Doe, staff writer", "Jane Doe, staff writer"},
		{"María de la Cruz and Jan van Dijk", "María de la Cruz and Jan van Dijk"},
		{"Published 3 hours ago", ""},
		{"Sat, 20 Dec, 2025 - 06:36", ""},
		{"Jane Doe Thu. Dec 4, 2025", "Jane Doe"},
		{"Sun Li, 20 Dec 2025", "Sun Li"},
		{"Maria Rossi 5 marzo 2024", "Maria Rossi"},
		{"Иван Петров 5 марта 2024", "Иван Петров"},
		// A label whose name the page left empty names no one; every
		// label of bylineLabel is taken off the names.
		{"Written By", ""},
		{"Authored by: Dr. Jane Roe", "Dr. Jane Roe"},
		{"Text by Hunter Marlowe", "Hunter Marlowe"},
		{"ByTrevor Jonas", "Trevor Jonas"},
		{"Bynum Carter", "Bynum Carter"},
		{"Reporting by Ana Ruiz", "Ana Ruiz"},
		{"Reported by Jane Doe", "Jane Doe"},
		{"Dec. 19, 2025 · Jane Doe on behalf of the Vision Doc group", "Jane Doe"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			if got := cleanByline(tc.in, "Daily Example"); got != tc.want {
				t.Errorf("cleanByline(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestLanguage(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"The council said on Monday that the works would start in the spring and that the road was to be closed for a week.", "en"},
		{"Der Nachtzug fährt ab Dezember auch im Winter jeden Tag, teilte das Unternehmen mit, und die Nachfrage ist gestiegen.", "de"},
		{"Le conseil a dit lundi que les travaux commenceront au printemps et que la route sera fermée pour une semaine.", "fr"},
		{"El consejo dijo el lunes que las obras empezarán en la primavera y que la carretera estará cerrada por una semana.", "es"},
		{"O conselho disse na segunda que as obras vão começar na primavera e que a estrada não vai abrir durante uma semana.", "pt"},
		{"大阪市内の商店街で、十年ぶりに夜市が開かれた。", "ja"},
		{"Сегодня в Москве прошёл снег.", "ru"},
		{"12 34 56", ""},
	} {
		t.Run(tc.want+" "+tc.text[:8], func(t *testing.T) {
			if got := guessLanguage(tc.text); got != tc.want {
				t.Errorf("guessLanguage(%q) = %q, want %q", tc.text, got, tc.want)
			}
		})
	}
	for in, want := range map[string]string{"en_us": "en-US", "EN": "en", "zh-hant-tw": "zh-Hant-TW", "x": "", "en-": "en", "de-DE, en": "de-DE"} {
		if got := normalizeLang(in); got != want {
			t.Errorf("normalizeLang(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestVoteScore(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
		ok   bool
	}{
		{"-3 ( +3 / -6 )", -3, true},
		{"+14 ( +16 / -2 )", 14, true},
		{"0 ( +0 / -0 )", 0, true},
		{"▲ 12 ▼ 3", 9, true},
		{"5 points", 5, true},
		{"Likes: 4", 4, true},
		{"Rating: 7 Votes", 7, true},
		{"▲ 12", 12, true},
		{"👍 12", 12, true},
		{"+12", 12, true},
		{"-3", -3, true},
		{"12 upvotes", 12, true},
		{"12", 0, false},
		{"Page 12", 0, false},
		{"-3 is not a vote line", 0, false},
		{"Japan can be strong!", 0, false},
	} {
		t.Run(tc.in, func(t *testing.T) {
			got, ok := voteScore(tc.in)
			if got != tc.want || ok != tc.ok {
				t.Errorf("voteScore(%q) = %d, %v; want %d, %v", tc.in, got, ok, tc.want, tc.ok)
			}
		})
	}
}

// TestCharsets decodes the same text sent in each supported encoding,
// declared and undeclared.
func TestCharsets(t *testing.T) {
	const latin = "Café owners fight Lyon’s new terrace fees — up to €95 a square metre, the owners said on Monday."
	const jp = "大阪の商店街で夜市が復活した。二日間で約三万人が訪れたという。"
	cp1252, _ := charmap.Windows1252.NewEncoder().String(latin)
	latin1, _ := charmap.ISO8859_1.NewEncoder().String("Café owners fight the new fees, the owners said on Monday.")
	sjis, _ := japanese.ShiftJIS.NewEncoder().String(jp)
	eucjp, _ := japanese.EUCJP.NewEncoder().String(jp)
	u16le, _ := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder().String("<p>" + latin + "</p>")
	u16be, _ := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().String("<p>" + latin + "</p>")
	pad := strings.Repeat("<!-- padding past the 1 KiB the HTML standard scans -->\n", 30)
	for _, tc := range []struct {
		name, page, want string
		contentType      string
	}{
		{"utf-8", "<p>" + latin + "</p>", "€95", ""},
		{"utf-8 with BOM", "\xef\xbb\xbf<p>" + latin + "</p>", "€95", ""},
		{"windows-1252 declared", `<meta charset="windows-1252"><p>` + cp1252 + "</p>", "€95", ""},
		{"windows-1252 undeclared", "<p>" + cp1252 + "</p>", "Lyon’s", ""},
		{"windows-1252 declared late", "<html><head>" + pad + `<meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head><p>` + cp1252 + "</p>", "€95", ""},
		{"iso-8859-1 declared", `<meta charset="iso-8859-1"><p>` + latin1 + "</p>", "Café", ""},
		{"utf-8 mislabelled latin-1", `<meta charset="iso-8859-1"><p>` + latin + "</p>", "€95", ""},
		{"shift_jis declared", `<meta charset="Shift_JIS"><p>` + sjis + "</p>", "夜市", ""},
		{"shift_jis undeclared", "<p>" + sjis + "</p>", "夜市", ""},
		{"euc-jp undeclared", "<p>" + eucjp + "</p>", "夜市", ""},
		{"utf-16le without BOM", u16le, "€95", ""},
		{"utf-16be with BOM", u16be, "€95", ""},
		{"text in windows-1252", cp1252 + "\n", "€95", ""},
		{"text in shift_jis", sjis + "\n", "夜市", ""},
		{"utf-8 declared on windows-1252 bytes", `<meta charset="utf-8"><p>` + cp1252 + "</p>", "€95", ""},
		{"header charset wins", `<meta charset="utf-8"><p>` + cp1252 + "</p>", "€95", "text/html; charset=windows-1252"},
		{"header latin-1 on utf-8 bytes", "<p>" + latin + "</p>", "€95", "text/html; charset=ISO-8859-1"},
		{"header charset on a text dump", sjis + "\n", "夜市", "text/plain; charset=Shift_JIS"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, err := Page([]byte(tc.page), Options{ContentType: tc.contentType})
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(a.Text(), tc.want) {
				t.Errorf("body %q lacks %q", a.Text(), tc.want)
			}
		})
	}
}

// TestTextLines pins the classification of the kinds of lines a page
// dump holds.
func TestTextLines(t *testing.T) {
	dump := `Example Gazette
Home | World | Business | Sport
Sign in / Register
A fisherman mends his nets at dawn. Photo: Jane Doe
world

Harbour town votes to keep its lighthouse lit

By Sam Roe
January 5, 2025
PORTHAVEN

The town council voted on Tuesday to keep paying for the lighthouse, which the coast guard stopped using in 2019.

Councillors said the light was part of the town's identity and drew visitors all year.

© Example Wire 2025.
© 2025 Example Gazette Ltd.

Advertisement

2 Comments
Login to comment

Good decision, it is part of who we are.

+5 ( +6 / -1 )

A waste of money.

-2 ( +3 / -5 )

More from Example Gazette
Fishing Quotas Cut Again for the Spring
New Ferry Timetable Starts in March
`
	lines := splitLines(dump)
	classifyText(lines)
	want := []lineKind{kindMenu, kindMenu, kindLogin, kindCaption, kindSection, kindTitle, kindByline, kindDate, kindDateline,
		kindBody, kindBody, kindCredit, kindCopyright, kindAdvert, kindCommentHeader, kindLogin,
		kindComment, kindVote, kindComment, kindVote, kindRelated, kindRelated, kindRelated}
	if len(lines) != len(want) {
		t.Fatalf("got %d lines, want %d", len(lines), len(want))
	}
	for i, l := range lines {
		if l.kind != want[i] {
			t.Errorf("line %d %q: kind %s, want %s", i, l.text, l.kind, want[i])
		}
	}
	a, err := Page([]byte(dump), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Harbour town votes to keep its lighthouse lit" || a.Credit != "Example Wire" || a.Dateline != "PORTHAVEN" ||
		a.Byline != "Sam Roe" || a.Published != "2025-01-05" || len(a.Paragraphs) != 2 || len(a.Comments) != 2 {
		t.Errorf("got %+v", a)
	}
}

func TestHTMLDateline(t *testing.T) {
	for _, tc := range []struct{ name, page, want string }{
		{"in the lead", "<article><p>OSLO (Reuters) - The government said on Monday it would raise the fuel tax from July.</p><p>More text follows here in a second paragraph.</p></article>", "OSLO"},
		{"own paragraph", "<article><p>OSLO</p><p>The government said on Monday it would raise the fuel tax from July, officials said.</p><p>More text follows here in a second paragraph.</p></article>", "OSLO"},
		{"dateline element", `<article><span class="dateline">OSLO, Norway</span><p>The government said on Monday it would raise the fuel tax from July, officials said.</p></article>`, "OSLO"},
		{"no dateline", "<article><p>The government said on Monday it would raise the fuel tax from July, officials said.</p></article>", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, err := Page([]byte(tc.page), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if a.Dateline != tc.want {
				t.Errorf("dateline = %q, want %q (body %q)", a.Dateline, tc.want, a.Paragraphs)
			}
		})
	}
}

func TestTitleChoice(t *testing.T) {
	body := `<p>The river council met on Tuesday evening to weigh the plans for the new footbridge.</p>`
	tests := []struct {
		name, head, h1s, want string
	}{
		{"shown headline over a declared one",
			`<title>Footbridge plan approved | Valley Ledger</title>`,
			`<h1>Council approves a footbridge over the river</h1>`,
			"Council approves a footbridge over the river"},
		{"the h1 the title names, not the blog's name before it",
			`<title>Council approves a footbridge over the river - Notes from the Valley</title>`,
			`<h1>Notes from the Valley: a weekly letter</h1><h1>Council approves a footbridge over the river</h1>`,
			"Council approves a footbridge over the river"},
		{"the h1 og:title names, not a banner",
			`<meta property="og:title" content="Why the footbridge took ten years">`,
			`<h1>Subscribe for more stories like this one</h1><h1>Why the footbridge took ten years</h1>`,
			"Why the footbridge took ten years"},
		{"a short h1 the title holds is too little of it",
			`<title>Footbridge over the river approved after ten years of debate</title>`,
			`<h1>Footbridge</h1>`,
			"Footbridge over the river approved after ten years of debate"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := `<html><head>` + tt.head + `</head><body>` + tt.h1s + body + `</body></html>`
			a, err := Page([]byte(page), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != tt.want {
				t.Errorf("title = %q, want %q", a.Title, tt.want)
			}
		})
	}
}

func TestPublishedNotUpdated(t *testing.T) {
	body := `<p>The river council met on Tuesday evening to weigh the plans for the new footbridge.</p>`
	ld := `<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-03-01T09:00:00Z","dateModified":"2025-06-05T10:00:00Z"}</script>`
	tests := []struct {
		name, head, shown, want string
	}{
		{"a shown publication date of another day wins",
			ld, `<span class="post-date">March 2, 2024</span>`, "2024-03-02"},
		{"the update is the only date a page gives",
			``, `<span class="post-date">Updated June 5, 2025</span>`, "2025-06-05"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := `<html><head>` + tt.head + `</head><body><h1>Council approves a footbridge over the river</h1>` + tt.shown + body + `</body></html>`
			a, err := Page([]byte(page), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if a.Published != tt.want {
				t.Errorf("published = %q, want %q", a.Published, tt.want)
			}
		})
	}
}

// TestCreditLineOutlet checks what a line set apart as a credit names:
// an outlet, not a data source or a person.
func TestCreditLineOutlet(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Source: The Lanholm Herald", "The Lanholm Herald"},
		{"Via The Kestrel Chronicle.", "The Kestrel Chronicle"},
		{"Reprinted from The Harbour Gazette.", "The Harbour Gazette"},
		{"The Tarnby Courier reports. Read the full story", "The Tarnby Courier"},
		{"Source: Reuters", "Reuters"},
		{"Source: National Statistics Office", ""},
		{"Via Jane Doe", ""},
		{"Photo: Lena Marsh", ""},
	} {
		if got := creditLineOutlet(tc.in); got != tc.want {
			t.Errorf("creditLineOutlet(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestItemCredits checks that a page crediting an item's outlet in a line
// classed as a credit or source names it among its credits, and that a
// source line under a picture or naming the page's own site does not.
func TestItemCredits(t *testing.T) {
	page := `<html><head><title>Morning briefing</title><meta property="og:site_name" content="Lanholm Review"></head><body><article>
<h1>Morning briefing</h1>
<h2>Bridge reopens</h2>
<p>The Ossel ferry crossing reopened to traffic on Tuesday after six weeks of repairs to its deck and rails, officials said.</p>
<p>Freight lorries will be allowed back from Thursday once the load tests are complete, the transport ministry added.</p>
<p class="item__source">Source: Meridian Press Service</p>
<h2>Markets</h2>
<p>Shares in the region's largest lender rose in early trading after it raised its forecast for the year by a fifth.</p>
<p class="item__source">Source: Lanholm Review</p>
<figure><img src="a.jpg"><figcaption><span class="credit">Via Harbour Press Agency</span></figcaption></figure>
</article></body></html>`
	a, err := Page([]byte(page), Options{URL: "https://lanholmreview.example/briefing"})
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Credits) != 1 || a.Credits[0] != "Meridian Press Service" {
		t.Errorf("credits %q, want [Meridian Press Service]", a.Credits)
	}
}

package extract

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// TestPageGolden extracts every page in testdata/pages and compares the
// result with testdata/golden/<page>.json. Run with -update to rewrite
// the golden files after a deliberate change, then review the diff.
func TestPageGolden(t *testing.T) {
	pages, err := filepath.Glob("testdata/pages/*")
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) < 8 {
		t.Fatalf("found %d fixture pages in testdata/pages, want at least 8", len(pages))
	}
	for _, page := range pages {
		name := filepath.Base(page)
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(page)
			if err != nil {
				t.Fatal(err)
			}
			a, err := Page(data, Options{})
			if err != nil {
				t.Fatalf("extract %s: %v", name, err)
			}
			got, err := json.MarshalIndent(a, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := filepath.Join("testdata", "golden", name+".json")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("read golden file (run go test -update to create it): %v", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("extraction of %s differs from %s (run go test -update and review the diff):\n%s", name, golden, got)
			}
		})
	}
	goldens, _ := filepath.Glob("testdata/golden/*.json")
	if len(goldens) != len(pages) && !*update {
		t.Errorf("%d golden files for %d pages: remove the stale ones", len(goldens), len(pages))
	}
}

// TestPageFields pins the fields each fixture layout exists to exercise,
// so that a golden update cannot silently lose them.
func TestPageFields(t *testing.T) {
	for _, tc := range []struct {
		page                                       string
		title, byline, published, dateline, credit string
		lang, site, url                            string
		paras, comments                            int
		bodyHas                                    string
		scores                                     []int
	}{
		{page: "wire-site.html", title: "Kenya opens second rail link to Ugandan border", byline: "Amina Otieno",
			published: "2025-03-06T09:42:00Z", dateline: "NAIROBI", credit: "Reuters", lang: "en-GB", site: "Lakeside Courier",
			url: "https://www.lakesidecourier.example/world/africa/kenya-rail-link-2025-03-06/", bodyHas: "Malaba"},
		{page: "blog-comments.html", title: "The night the harbour lights went out", byline: "Mairi Campbell", credit: "-", dateline: "-",
			published: "2024-11-18T21:05:33Z", lang: "en-US", site: "tidewaternotes.example",
			url: "https://tidewaternotes.example/2024/11/harbour-lights/", comments: 3, scores: []int{12, -2, 5}, bodyHas: "lifeboat station"},
		{page: "modern-jsonld.html", title: "Drought pushes Spanish olive oil prices to a two-year high",
			published: "2025-07-14T06:30:00+02:00", dateline: "MADRID", credit: "AP", lang: "en", site: "The Meridian",
			url: "https://meridian.example/business/2025/07/14/olive-oil-prices-drought", bodyHas: "Jaén"},
		{page: "modern-jsonld-gzip.html.gz", title: "Drought pushes Spanish olive oil prices to a two-year high", credit: "AP", bodyHas: "Úbeda"},
		{page: "latin-windows1252.html", title: "Café owners fight Lyon’s new terrace fees", byline: "Claire Dubois",
			published: "2025-05-02", dateline: "LYON", lang: "en", bodyHas: "€95 a square metre"},
		{page: "japanese-shiftjis.html", title: "大阪の商店街、夜市を復活", published: "2025-08-21T18:00:00+09:00", lang: "ja", bodyHas: "夜市"},
		{page: "german-utf16le.html", title: "Bahn verlängert Nachtzug nach Wien", lang: "de", paras: 2, bodyHas: "zwölf Stunden"},
		{page: "text-dump.txt", title: "Ferry operator cancels winter crossings after engine fault", byline: "Ruth Calloway",
			published: "2025-01-12", dateline: "PORTWENNA", credit: "-", lang: "en", site: "Harbour Times", paras: 6, comments: 3,
			scores: []int{14, 3, -4}, bodyHas: "What happens now"},
		{page: "wrapped-dump.txt", title: "County approves new bridge over the Ashford river", byline: "Helen Marsh",
			published: "2025-03-03", dateline: "ASHFORD", credit: "-", lang: "en", site: "-", paras: 4, bodyHas: "Mill Street the trucks"},
		{page: "pasted-dump.txt", title: "Library reopens after two-year rebuild", credit: "-", lang: "en", paras: 5, bodyHas: "living room for the whole city"},
		{page: "japanese-shiftjis-dump.txt", title: "札幌で初雪、平年より五日遅く", lang: "ja", paras: 2, bodyHas: "気象台"},
	} {
		t.Run(tc.page, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "pages", tc.page))
			if err != nil {
				t.Fatal(err)
			}
			a, err := Page(data, Options{})
			if err != nil {
				t.Fatal(err)
			}
			// "" leaves a field unchecked; "-" wants it empty.
			check := func(field, got, want string) {
				if want == "-" {
					want = ""
				} else if want == "" {
					return
				}
				if got != want {
					t.Errorf("%s = %q, want %q", field, got, want)
				}
			}
			check("title", a.Title, tc.title)
			check("byline", a.Byline, tc.byline)
			check("published", a.Published, tc.published)
			check("dateline", a.Dateline, tc.dateline)
			check("credit", a.Credit, tc.credit)
			check("language", a.Language, tc.lang)
			check("site", a.Site, tc.site)
			check("url", a.URL, tc.url)
			if tc.paras > 0 && len(a.Paragraphs) != tc.paras {
				t.Errorf("got %d paragraphs, want %d:\n%s", len(a.Paragraphs), tc.paras, strings.Join(a.Paragraphs, "\n"))
			}
			if !strings.Contains(a.Text(), tc.bodyHas) {
				t.Errorf("body lacks %q:\n%s", tc.bodyHas, a.Text())
			}
			if len(a.Comments) != tc.comments {
				t.Errorf("got %d comments, want %d: %+v", len(a.Comments), tc.comments, a.Comments)
			}
			for i, want := range tc.scores {
				if i < len(a.Comments) && (a.Comments[i].Score == nil || *a.Comments[i].Score != want) {
					t.Errorf("comment %d score = %v, want %d", i, a.Comments[i].Score, want)
				}
			}
			for _, c := range a.Comments {
				if strings.Contains(a.Text(), c.Text) {
					t.Errorf("comment also in body: %q", c.Text)
				}
			}
		})
	}
}

// TestPageTruncatedGzip reads a page whose gzip stream was cut off, as an
// interrupted download leaves it: the part that arrived is not the page,
// and reading it as the page would compare half an article as if it were
// all of it, so Page refuses it as index does.
func TestPageTruncatedGzip(t *testing.T) {
	page := "<html><body><p>" + strings.Repeat("The harbour reopened on Tuesday after the storm, officials said. ", 200) + "</p></body></html>"
	z := gz([]byte(page))
	a, err := Page(z[:len(z)/2], Options{})
	if !errors.Is(err, ErrTruncated) {
		t.Fatalf("Page of a cut gzip stream = %v, %v; want ErrTruncated", a, err)
	}
	if !strings.Contains(err.Error(), "truncated") {
		t.Errorf("error %q does not say truncated", err)
	}
}

// TestPageErrors checks that input which is not a readable page yields
// the matching sentinel error.
func TestPageErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		data []byte
		opts Options
		want error
	}{
		{"empty", nil, Options{}, ErrEmpty},
		{"white space", []byte(" \n\t\r\n "), Options{}, ErrEmpty},
		{"empty html", []byte("\xef\xbb\xbf  "), Options{}, ErrEmpty},
		{"png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), Options{}, ErrBinary},
		{"nul bytes", []byte("abc\x00\x01\x02\x03def\x00ghi"), Options{}, ErrBinary},
		{"control bytes", bytes.Repeat([]byte("\x01\x02\x03\x04\x05ab"), 100), Options{}, ErrBinary},
		{"over the limit", bytes.Repeat([]byte("a"), 2000), Options{MaxBytes: 1000}, ErrTooLarge},
		{"gzip over the limit", gz(bytes.Repeat([]byte("<p>a</p>"), 1000)), Options{MaxBytes: 1000}, ErrTooLarge},
		{"broken gzip", []byte("\x1f\x8b\x08\x00garbage"), Options{}, ErrBinary},
		{"empty gzip", gz(nil), Options{}, ErrEmpty},
		{"truncated gzip header", gz([]byte("<p>a</p>"))[:6], Options{}, ErrBinary},
		{"undecodable utf-16", append([]byte("\xff\xfe"), bytes.Repeat([]byte("\x00\xd8"), 200)...), Options{}, ErrUndecodable},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, err := Page(tc.data, tc.opts)
			if err == nil {
				t.Fatalf("no error, got %+v", a)
			}
			if tc.want != nil && !errors.Is(err, tc.want) {
				t.Errorf("error %q is not %q", err, tc.want)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error spans lines: %q", err)
			}
		})
	}
}

func TestInvisibleParagraphs(t *testing.T) {
	page := `<html><body><article><h1>Ferry timetable changes from May</h1>
<p>The ferry company will add two evening sailings from May, it said on Friday, after a year of complaints about the last boat leaving too early.</p>
<p>&zwj;</p><p>&#8203; &#xFEFF;</p>
<p>The new timetable also moves the first morning sailing half an hour earlier, to 5.30am, for workers on the early shift at the port.</p></article></body></html>`
	a, err := Page([]byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Paragraphs) != 2 {
		t.Errorf("paragraphs = %q, want the two with text", a.Paragraphs)
	}
}

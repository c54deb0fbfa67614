package source

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestItemsFolder(t *testing.T) {
	dir := filepath.Join("testdata", "pages")
	var names, types []string
	for it, err := range Items(context.Background(), []string{dir}, Options{}) {
		if err != nil {
			t.Fatalf("unexpected error: %v", err)
		}
		names = append(names, it.Name)
		types = append(types, it.ContentType)
		if len(it.Data) == 0 || bytes.HasPrefix(it.Data, []byte{0x1f, 0x8b}) {
			t.Errorf("%s: data is empty or still compressed", it.Name)
		}
	}
	// Lexical order; logo.png, site.css and the hidden .drafts folder are
	// skipped; the .html.gz page is decompressed.
	want := []string{
		filepath.Join(dir, "harbour-strike.html"),
		filepath.Join(dir, "orchard-frost.txt"),
		filepath.Join(dir, "regional", "council-vote.html.gz"),
	}
	wantTypes := []string{"text/html", "text/plain", "text/html"}
	if strings.Join(names, "\n") != strings.Join(want, "\n") {
		t.Errorf("names:\n%s\nwant:\n%s", strings.Join(names, "\n"), strings.Join(want, "\n"))
	}
	if strings.Join(types, ",") != strings.Join(wantTypes, ",") {
		t.Errorf("content types %v, want %v", types, wantTypes)
	}
}

func TestItemsInputs(t *testing.T) {
	tmp := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(tmp, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	page := readFile(t, "testdata/pages/harbour-strike.html")
	gzPage := write("harbour", gzipBytes(t, []byte(page)))
	truncatedGzip := gzipBytes(t, []byte(page))
	truncatedGzip = truncatedGzip[:len(truncatedGzip)/2]
	multi := write("multi.html.gz", gzipMembers(t, page[:100], page[100:]))
	big := write("big.html", []byte("<html><body>"+strings.Repeat("<p>filler paragraph</p>", 100)+"</body></html>"))
	sniffedWARC := write("crawl.bin", []byte(response("https://ferries.example/skarholm", pageA)))
	feedAsHTML := write("feed.html", []byte(readFile(t, "testdata/feeds/ledger.atom")))
	missing := filepath.Join(tmp, "missing.html")
	mirror := filepath.Join(tmp, "mirror")
	os.MkdirAll(mirror, 0o755)
	write("mirror/sitemap.xml", []byte(`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://ledger.example/</loc></url></urlset>`))
	write("mirror/README", []byte("Mirror of ledger.example made on 2026-03-05.\n"))
	write("mirror/index", []byte(pageA))
	// A link to a page is read; a link to a folder is not followed.
	linked := filepath.Join(tmp, "linked")
	os.MkdirAll(filepath.Join(linked, "sub"), 0o755)
	if err := os.Symlink(filepath.Join(tmp, "multi.html.gz"), filepath.Join(linked, "story.html.gz")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(linked, filepath.Join(linked, "sub", "loop")); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name   string
		inputs []string
		stdin  string
		max    int64
		want   []got
	}{
		{
			name:   "html file",
			inputs: []string{"testdata/pages/harbour-strike.html"},
			want:   []got{{name: "testdata/pages/harbour-strike.html", ctype: "text/html", data: page}},
		},
		{
			name:   "gzip file without extension is sniffed",
			inputs: []string{gzPage},
			want:   []got{{name: gzPage, ctype: "text/html; charset=utf-8", data: page}},
		},
		{
			name:   "multi-member gzip page read whole",
			inputs: []string{multi},
			want:   []got{{name: multi, ctype: "text/html", data: page}},
		},
		{
			name:   "stdin page",
			inputs: []string{"-"},
			stdin:  pageB,
			want:   []got{{name: "-", ctype: "text/html; charset=utf-8", data: pageB}},
		},
		{
			name:   "stdin gzip WARC",
			inputs: []string{"-"},
			stdin:  string(gzipMembers(t, response("https://ferries.example/skarholm", pageA))),
			want:   []got{{name: "-@0", url: "https://ferries.example/skarholm", ctype: "text/html; charset=utf-8", data: pageA}},
		},
		{
			name:   "WARC detected by content, not name",
			inputs: []string{sniffedWARC},
			want:   []got{{name: sniffedWARC + "@0", url: "https://ferries.example/skarholm", ctype: "text/html; charset=utf-8", data: pageA}},
		},
		{
			name:   "feed detected by content, not name",
			inputs: []string{feedAsHTML},
			want: []got{
				{name: feedAsHTML + "#1", url: "https://ledger.example/local/ashby-footbridge", ctype: "text/html", data: "<p>ASHBY - Ashby district council postponed a vote on the planned river footbridge on Monday.</p>"},
				{name: feedAsHTML + "#2", url: "https://ledger.example/business/harbour-talks", ctype: "text/html", data: "<p>The harbour authority and the dockworkers' union will meet again on Thursday.</p>"},
			},
		},
		{
			name:   "walk skips a sitemap and a README, keeps an extensionless page",
			inputs: []string{mirror},
			want:   []got{{name: filepath.Join(mirror, "index"), ctype: "text/html; charset=utf-8", data: pageA}},
		},
		{
			name:   "walk reads a link to a page, does not follow a link to a folder",
			inputs: []string{linked},
			want:   []got{{name: filepath.Join(linked, "story.html.gz"), ctype: "text/html", data: page}},
		},
		{
			name:   "missing file is an error, the next input is read",
			inputs: []string{missing, "testdata/pages/orchard-frost.txt"},
			want: []got{
				{name: missing, err: fs.ErrNotExist},
				{name: "testdata/pages/orchard-frost.txt", ctype: "text/plain", data: readFile(t, "testdata/pages/orchard-frost.txt")},
			},
		},
		{
			name:   "image given by name is not a page",
			inputs: []string{"testdata/pages/logo.png"},
			want:   []got{{name: "testdata/pages/logo.png", err: ErrNotPage}},
		},
		{
			name:   "page over the limit",
			inputs: []string{big},
			max:    1000,
			want:   []got{{name: big, err: ErrTooLarge}},
		},
		{
			name:   "gzip bomb over the limit",
			inputs: []string{"-"},
			stdin:  string(gzipBytes(t, bytes.Repeat([]byte("<p>a</p>"), 1<<16))),
			max:    1 << 12,
			want:   []got{{name: "-", err: ErrTooLarge}},
		},
		{
			name:   "truncated gzip page",
			inputs: []string{"-"},
			stdin:  string(truncatedGzip),
			want:   []got{{name: "-", err: ErrTruncated}},
		},
		{
			name:   "broken gzip header",
			inputs: []string{"-"},
			stdin:  "\x1f\x8b\x00garbage",
			want:   []got{{name: "-", err: errSome}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			opts := Options{MaxItemBytes: tc.max, Stdin: strings.NewReader(tc.stdin)}
			compare(t, tc.name, collect(t, context.Background(), tc.inputs, opts), tc.want)
		})
	}
}

func TestItemsStops(t *testing.T) {
	t.Run("cancelled context", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		out := collect(t, ctx, []string{"testdata/pages"}, Options{})
		if len(out) != 1 || !errors.Is(out[0].err, context.Canceled) {
			t.Fatalf("got %v, want one context.Canceled", dump(out))
		}
	})
	t.Run("cancelled mid-WARC", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		n := 0
		var last error
		for _, err := range Items(ctx, []string{"testdata/crawl.warc.gz", "testdata/pages"}, Options{}) {
			n++
			last = err
			cancel()
		}
		if n != 2 || !errors.Is(last, context.Canceled) {
			t.Fatalf("got %d items ending with %v, want an item then context.Canceled", n, last)
		}
	})
	t.Run("break", func(t *testing.T) {
		n := 0
		for range Items(context.Background(), []string{"testdata/pages", "testdata/feeds", "testdata/crawl.warc.gz"}, Options{}) {
			n++
			break
		}
		if n != 1 {
			t.Fatalf("loop ran %d times", n)
		}
	})
}

func TestMeasure(t *testing.T) {
	size := func(paths ...string) int64 {
		var n int64
		for _, p := range paths {
			info, err := os.Stat(p)
			if err != nil {
				t.Fatal(err)
			}
			n += info.Size()
		}
		return n
	}
	pageFiles := []string{"testdata/pages/harbour-strike.html", "testdata/pages/orchard-frost.txt", "testdata/pages/regional/council-vote.html.gz"}
	tests := []struct {
		name   string
		inputs []string
		want   Size
	}{
		{"folder of pages", []string{"testdata/pages"}, Size{3, true, size(pageFiles...), true}},
		{"files", pageFiles[:2], Size{2, true, size(pageFiles[:2]...), true}},
		{"missing file counts its error", []string{"testdata/nothing-here.html"}, Size{1, true, 0, true}},
		{"stdin", []string{"-"}, Size{}},
		{"URL", []string{"https://ledger.example/"}, Size{}},
		{"WARC: bytes only", []string{"testdata/pages", "testdata/crawl.warc.gz"}, Size{0, false, size(append(pageFiles, "testdata/crawl.warc.gz")...), true}},
		{"feeds folder: bytes only", []string{"testdata/feeds"}, Size{0, false, size("testdata/feeds/ledger.atom", "testdata/feeds/northwire.rss"), true}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Measure(context.Background(), tc.inputs); got != tc.want {
				t.Errorf("Measure(%v) = %+v, want %+v", tc.inputs, got, tc.want)
			}
		})
	}
}

// TestOnRead checks that OnRead reports every stored byte of the inputs,
// so that a byte progress bar over Measure's Bytes ends at 100 %.
func TestOnRead(t *testing.T) {
	inputs := []string{"testdata/pages", "testdata/crawl.warc.gz", "testdata/feeds"}
	var read int64
	for range Items(context.Background(), inputs, Options{OnRead: func(n int64) { read += n }}) {
	}
	if want := Measure(context.Background(), inputs); !want.BytesKnown || read != want.Bytes {
		t.Errorf("OnRead reported %d bytes, Measure %+v", read, want)
	}
}

func TestFeeds(t *testing.T) {
	type entry struct {
		name, url, title, author string
		published, modified      time.Time
		text                     string // a part of Data
		err                      bool
	}
	tests := []struct {
		file string
		want []entry
	}{
		{
			file: "testdata/feeds/northwire.rss",
			want: []entry{
				{name: "#1", url: "https://northwire.example/2026/03/04/port-calloway-strike", title: "Dockworkers at Port Calloway walk out over night-shift rota", author: "Maren Ostby",
					published: time.Date(2026, 3, 4, 7, 15, 0, 0, time.UTC), text: "Nobody asked us"},
				{name: "#2", url: "https://northwire.example/2026/04/09/vellen-frost", title: "Late frost hits Vellen valley orchards",
					published: time.Date(2026, 4, 9, 14, 40, 0, 0, time.UTC), text: "apple orchards"},
				{name: "#3", err: true},
			},
		},
		{
			file: "testdata/feeds/ledger.json",
			want: []entry{
				{name: "#1", url: "https://ledger.example/local/mill-road-cycle-lanes", title: "Council approves new cycle lanes on Mill Road", author: "Dev Hollis",
					published: time.Date(2026, 3, 10, 7, 30, 0, 0, time.UTC), text: "protected cycle lanes"},
			},
		},
		{
			file: "testdata/feeds/ledger.atom",
			want: []entry{
				{name: "#1", url: "https://ledger.example/local/ashby-footbridge", title: "Ashby council delays vote on river footbridge", author: "Dev Hollis",
					published: time.Date(2026, 3, 2, 18, 30, 0, 0, time.UTC), modified: time.Date(2026, 3, 3, 8, 0, 0, 0, time.UTC), text: "<p>ASHBY"},
				{name: "#2", url: "https://ledger.example/business/harbour-talks", title: "Harbour talks to resume on Thursday",
					published: time.Date(2026, 3, 5, 9, 0, 0, 0, time.UTC), text: "meet again"},
			},
		},
	}
	for _, tc := range tests {
		t.Run(filepath.Base(tc.file), func(t *testing.T) {
			i := 0
			for it, err := range Items(context.Background(), []string{tc.file}, Options{}) {
				if i >= len(tc.want) {
					t.Fatalf("extra item %q (err %v)", it.Name, err)
				}
				w := tc.want[i]
				i++
				if it.Name != tc.file+w.name {
					t.Errorf("name %q, want %q", it.Name, tc.file+w.name)
				}
				if w.err {
					if err == nil || !strings.Contains(err.Error(), tc.file) {
						t.Errorf("%s: error %v, want one naming the feed", it.Name, err)
					}
					continue
				}
				if err != nil {
					t.Errorf("%s: unexpected error %v", it.Name, err)
					continue
				}
				if it.URL != w.url || it.Title != w.title || it.Author != w.author {
					t.Errorf("%s: got url %q title %q author %q, want %q %q %q", it.Name, it.URL, it.Title, it.Author, w.url, w.title, w.author)
				}
				if !it.Published.Equal(w.published) || !it.Modified.Equal(w.modified) {
					t.Errorf("%s: published %v modified %v, want %v %v", it.Name, it.Published, it.Modified, w.published, w.modified)
				}
				if !it.Fetched.IsZero() || it.ContentType != "text/html" || !bytes.Contains(it.Data, []byte(w.text)) {
					t.Errorf("%s: fetched %v, type %q, data %q", it.Name, it.Fetched, it.ContentType, it.Data)
				}
			}
			if i != len(tc.want) {
				t.Errorf("got %d items, want %d", i, len(tc.want))
			}
		})
	}
}

// FuzzFeed feeds arbitrary bytes to the feed path: no panic, no hang, no
// item over the limit.
func FuzzFeed(f *testing.F) {
	for _, p := range []string{"testdata/feeds/northwire.rss", "testdata/feeds/ledger.atom"} {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
		f.Add(data[:len(data)/2])
	}
	f.Add([]byte(`{"version": "https://jsonfeed.org/version/1.1", "title": "x", "items": [{"id": "1", "url": "https://x.example/1", "content_html": "<p>hi</p>"}]}`))
	const limit = 1 << 14
	f.Fuzz(func(t *testing.T, data []byte) {
		if !isFeed(data) {
			// Keep the fuzzer on the feed path; other bytes are pages.
			return
		}
		opts := Options{MaxItemBytes: limit, Stdin: bytes.NewReader(data)}
		for it, err := range Items(context.Background(), []string{"-"}, opts) {
			if err != nil {
				if !strings.Contains(err.Error(), "-") {
					t.Fatalf("error %q does not name the input", err)
				}
				continue
			}
			if int64(len(it.Data)) > limit {
				t.Fatalf("item of %d bytes over the %d limit", len(it.Data), limit)
			}
		}
	})
}

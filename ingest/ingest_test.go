package ingest

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/wiretrace/wiretrace/index"
	"github.com/wiretrace/wiretrace/source"
	"github.com/wiretrace/wiretrace/store/pebble"
)

const page = `<html><head><title>Harbour talks resume</title></head><body><article>
<h1>Harbour talks resume</h1>
<p>Negotiators for the port authority and the dock workers' union met again on Thursday after a week without talks, the union said.</p>
<p>The two sides disagree over night-shift pay and the number of cranes each crew must run, according to a statement from the authority.</p>
<p>A strike vote planned for Monday has been postponed while the talks continue, union officials told reporters at the gate.</p>
</article></body></html>`

func TestFileURL(t *testing.T) {
	abs, err := filepath.Abs("a.html")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, want string }{
		{"", ""},
		{"-", ""},
		{"crawl.warc.gz@1234", ""},
		{"feed.xml#3", ""},
		{"a.html", "file://" + filepath.ToSlash(abs)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := fileURL(tc.name); got != tc.want {
				t.Errorf("fileURL(%q) = %q, want %q", tc.name, got, tc.want)
			}
		})
	}
}

// TestSameIDEverywhere checks that a page file read by Read (extract,
// compare, trace) and by Index gets the same fields and so the same id,
// and that the file is named by its file:// URL.
func TestSameIDEverywhere(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "talks.html")
	if err := os.WriteFile(path, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	a, err := Read(context.Background(), path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(a.URL, "file://") || !strings.HasSuffix(a.URL, "/talks.html") {
		t.Errorf("url %q, want the file's file:// URL", a.URL)
	}
	st, err := pebble.Open(filepath.Join(dir, "store"), pebble.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ix := index.New(st)
	var ids []string
	sum, err := Index(context.Background(), ix, []string{path}, IndexOptions{OnCommit: func(c []string) { ids = append(ids, c...) }})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Indexed != 1 || len(ids) != 1 || ids[0] != a.ID() {
		t.Fatalf("indexed %d as %v, want one article with Read's id %s", sum.Indexed, ids, a.ID())
	}
	again, err := Read(context.Background(), "-", Options{Stdin: strings.NewReader(page)})
	if err != nil {
		t.Fatal(err)
	}
	if again.URL != "" {
		t.Errorf("standard input got url %q", again.URL)
	}
}

// TestReadCancel checks that fetching a URL stops when ctx ends.
func TestReadCancel(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(release)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := Read(ctx, srv.URL+"/story", Options{})
		done <- err
	}()
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Errorf("Read after cancel: %v, want context.Canceled", err)
	}
}

// TestIndexCountsFailures checks that a page that cannot be read is
// counted as failed and an empty file as empty, not failed; both are
// reported.
func TestIndexCountsFailures(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{"good.html": page, "empty.html": "  ", "photo.html": "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	st, err := pebble.Open(filepath.Join(t.TempDir(), "store"), pebble.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var mu sync.Mutex // OnFail is called from any goroutine
	var failed []string
	sum, err := Index(context.Background(), index.New(st), []string{dir}, IndexOptions{
		OnFail: func(name string, err error) {
			mu.Lock()
			defer mu.Unlock()
			failed = append(failed, filepath.Base(name))
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(failed)
	if sum.Items != 3 || sum.Indexed != 1 || sum.Empty != 1 || sum.Failed != 1 || !slices.Equal(failed, []string{"empty.html", "photo.html"}) {
		t.Errorf("summary %+v, reported %v: want 3 items, 1 indexed, 1 empty, 1 failed, both reported", sum, failed)
	}
}

// warcRecord is a WARC response record holding an HTML page.
func warcRecord(uri, html string) string {
	body := "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + html
	return "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: " + uri +
		"\r\nWARC-Date: 2026-03-04T10:00:00Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: " +
		strconv.Itoa(len(body)) + "\r\n\r\n" + body + "\r\n\r\n"
}

// TestReadCollection checks that a WARC file read as one page gives its
// one page, and that one holding several is refused, not read as one.
func TestReadCollection(t *testing.T) {
	dir := t.TempDir()
	one := filepath.Join(dir, "one.warc")
	two := filepath.Join(dir, "two.warc")
	other := strings.ReplaceAll(page, "Harbour talks resume", "Ferry strike called off")
	if err := os.WriteFile(one, []byte(warcRecord("https://port.example/talks", page)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(two, []byte(warcRecord("https://port.example/talks", page)+warcRecord("https://port.example/ferry", other)), 0o644); err != nil {
		t.Fatal(err)
	}
	a, err := Read(context.Background(), one, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a.URL != "https://port.example/talks" || a.Title != "Harbour talks resume" || strings.Contains(a.Text(), "WARC") {
		t.Errorf("one-record WARC read as %q %q %q", a.URL, a.Title, a.Text())
	}
	data, _ := os.ReadFile(one)
	if a, err := Read(context.Background(), "-", Options{Stdin: strings.NewReader(string(data))}); err != nil || a.Title != "Harbour talks resume" {
		t.Errorf("one-record WARC on standard input: %v, %v", a, err)
	}
	if _, err := Read(context.Background(), two, Options{}); err == nil || !strings.Contains(err.Error(), "more than one page") {
		t.Errorf("two-record WARC: err %v, want a refusal", err)
	}
}

func TestPageRefusesCollection(t *testing.T) {
	if _, err := Page([]byte(warcRecord("https://port.example/talks", page)), "", 0); err == nil {
		t.Error("a WARC file taken for a page")
	}
	if a, err := Page([]byte(page), "", 0); err != nil || a.Title != "Harbour talks resume" {
		t.Errorf("page: %v, %v", a, err)
	}
}

func TestReadOtherScheme(t *testing.T) {
	_, err := Read(context.Background(), "ftp://example.invalid/story.html", Options{})
	if err == nil || !strings.Contains(err.Error(), "only http and https") {
		t.Errorf("ftp URL: err %v, want it named as a scheme not fetched", err)
	}
	// A file:// URL, as a trace names a file, reads the file: the same
	// article, the same id.
	path := filepath.Join(t.TempDir(), "talks.html")
	if err := os.WriteFile(path, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	a, err := Read(context.Background(), path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Read(context.Background(), a.URL, Options{})
	if err != nil || b.ID() != a.ID() {
		t.Errorf("read %s: %v, id %v; want the file's article", a.URL, err, b)
	}
}

// TestArticleFeedDates checks that a feed entry's dates complete the
// article: its publication when the page gives none, and its last update
// when that is after the publication.
func TestArticleFeedDates(t *testing.T) {
	doc := []byte("<html><body><article><h1>Ferry returns</h1><p>The harbour ferry returned to service on Monday after a month of repairs to its hull and engines.</p></article></body></html>")
	pub := time.Date(2026, 3, 2, 18, 30, 0, 0, time.UTC)
	it := source.Item{Name: "feed.xml#1", URL: "https://ledger.example/ferry", Published: pub, Modified: pub.Add(14 * time.Hour)}
	a, err := Article(doc, it, 0)
	if err != nil {
		t.Fatal(err)
	}
	if a.Published != "2026-03-02T18:30:00Z" || a.Modified != "2026-03-03T08:30:00Z" {
		t.Errorf("published %q modified %q, want the entry's 2026-03-02T18:30:00Z and 2026-03-03T08:30:00Z", a.Published, a.Modified)
	}
	it.Modified = pub.Add(-time.Hour)
	if a, err = Article(doc, it, 0); err != nil || a.Modified != "" {
		t.Errorf("modified %q (err %v), want none for an update before the publication", a.Modified, err)
	}
}

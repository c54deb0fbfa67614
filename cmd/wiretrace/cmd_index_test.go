package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/cluster"
	"github.com/wiretrace/wiretrace/internal/sharedtest"
	"github.com/wiretrace/wiretrace/source"
	"github.com/wiretrace/wiretrace/store/pebble"
)

// indexCorpus writes a small corpus of invented pages: three articles in a
// folder (one gzip-compressed), a feed with two entries, a WARC file with
// one page, and two items that must fail.
func indexCorpus(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	page := func(title, body string) string {
		var b strings.Builder
		fmt.Fprintf(&b, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>%s</title></head><body>", title)
		b.WriteString(`<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav><article>`)
		fmt.Fprintf(&b, "<h1>%s</h1>", title)
		for _, p := range strings.Split(body, "\n") {
			fmt.Fprintf(&b, "<p>%s</p>", p)
		}
		b.WriteString("</article><footer>Copyright 2026. All rights reserved.</footer></body></html>")
		return b.String()
	}
	write := func(name string, data []byte) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("pages/ferry.html", []byte(page("Ferry service to Skarholm resumes after storms",
		"SKARHOLM - The ferry between the mainland and Skarholm island resumed on Friday after a week in which storms kept every crossing in port, the operator said.\n"+
			"About 1,200 islanders depend on the service for supplies, and the island's only shop had run out of fresh milk by Wednesday, shop owner Liv Andersen said.\n"+
			"The operator said it would add two extra crossings on Saturday to clear the backlog of freight.")))
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(page("Vellen growers count the cost of a late frost",
		"VELLEN - Apple growers in the Vellen valley said on Thursday that a late frost had destroyed blossom in about a third of their orchards.\n"+
			"Grower Tomas Reinholt said he lost most of his early varieties in one night and expected a harvest half the usual size.\n"+
			"The growers' association will ask the regional government for emergency aid once the damage is counted.")))
	zw.Close()
	write("pages/regional/frost.html.gz", gz.Bytes())
	write("pages/library.html", []byte(page("Ashby library to open on Sundays from May",
		"ASHBY - The Ashby public library will open on Sunday afternoons from May, the district council decided on Monday after a petition signed by 3,400 residents.\n"+
			"The extra hours will cost about 40,000 a year, paid from the council's culture budget, councillor Dev Ramsay said.")))
	write("pages/style.css", []byte("body { margin: 0 }"))
	write("pages/empty.html", []byte("   \n"))
	write("feed.rss", []byte(`<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Northwire</title>
<item><title>Harbour talks to resume on Thursday</title><link>https://northwire.example/harbour-talks</link>
<pubDate>Thu, 05 Mar 2026 09:00:00 +0000</pubDate>
<content:encoded><![CDATA[<p>PORT CALLOWAY - The harbour authority and the dockworkers' union will meet again on Thursday to discuss the night-shift rota that set off this week's strike, both sides said.</p><p>Eleven container ships were still waiting at anchor on Wednesday evening.</p>]]></content:encoded></item>
<item><title>Empty entry</title><link>https://northwire.example/gallery</link></item>
</channel></rss>`))
	body := page("Council approves new cycle lanes on Mill Road",
		"ASHBY - The district council approved two kilometres of protected cycle lanes on Mill Road on Tuesday, after a year of consultation with residents and shop owners.\n"+
			"Work is due to start in September and to take four months, the council said.")
	http := fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n%s", len(body), body)
	warc := fmt.Sprintf("WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://ledger.example/mill-road\r\nWARC-Date: 2026-03-10T08:00:00Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n", len(http), http)
	write("crawl.warc", []byte(warc))
	return dir
}

// summaryRE reads the summary line of wiretrace index.
var summaryRE = regexp.MustCompile(`indexed (\d+) articles from (\d+) items in .*: (\d+) duplicates, (\d+) empty, (\d+) failed`)

type indexCounts struct{ indexed, items, duplicates, empty, failed int }

func parseSummary(t *testing.T, out string) indexCounts {
	t.Helper()
	m := summaryRE.FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no summary line in output:\n%s", out)
	}
	n := make([]int, 5)
	for i := range n {
		n[i], _ = strconv.Atoi(m[i+1])
	}
	return indexCounts{n[0], n[1], n[2], n[3], n[4]}
}

func runCLI(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb}
	code = run(context.Background(), e, args)
	return code, out.String(), errb.String()
}

func TestIndexCommand(t *testing.T) {
	corpus := indexCorpus(t)
	storeDir := filepath.Join(t.TempDir(), "store")
	inputs := []string{filepath.Join(corpus, "pages"), filepath.Join(corpus, "feed.rss"), filepath.Join(corpus, "crawl.warc")}

	code, out, errs := runCLI(t, "", append([]string{"index", "--store", storeDir, "--workers", "2"}, inputs...)...)
	if code != 0 {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errs)
	}
	got := parseSummary(t, out)
	// 3 pages + 1 feed entry + 1 WARC page indexed; the empty page is
	// empty, not failed; the feed entry without content fails; both are
	// logged; style.css is never read.
	want := indexCounts{indexed: 5, items: 7, empty: 1, failed: 1}
	if got != want {
		t.Errorf("first run: %+v, want %+v\nstdout:\n%s\nstderr:\n%s", got, want, out, errs)
	}
	for _, name := range []string{"empty.html", "feed.rss#2"} {
		if !strings.Contains(errs, name) || !strings.Contains(errs, "level=WARN") {
			t.Errorf("stderr does not log the failure of %s:\n%s", name, errs)
		}
	}

	// The same corpus again adds nothing: ids come from the content.
	code, out, errs = runCLI(t, "", append([]string{"index", "--store", storeDir, "--json"}, inputs...)...)
	if code != 0 {
		t.Fatalf("second run: exit %d\n%s\n%s", code, out, errs)
	}
	var rep indexReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("--json output: %v\n%s", err, out)
	}
	if rep.Items != 7 || rep.Indexed != 0 || rep.Duplicates != 5 || rep.Empty != 1 || rep.Failed != 1 || rep.StoreCount != 5 || rep.Backend != "pebble" || rep.Store != storeDir {
		t.Errorf("second run: %+v, want 0 indexed, 5 duplicates, 1 empty, 1 failed, 5 in the store", rep)
	}
	// Five small pages take a few MiB on disk at most (the write-ahead
	// log preallocated for 64 MiB memtables made any store 70 MiB or more).
	if rep.StoreBytes <= 0 || rep.StoreBytes > 8<<20 {
		t.Errorf("second run: store_bytes %d; want the store's size on disk, under 8 MiB", rep.StoreBytes)
	}
	if _, out, _ := runCLI(t, "", append([]string{"index", "--store", storeDir}, inputs...)...); !strings.Contains(out, "MiB on disk") {
		t.Errorf("summary does not say the store's size on disk:\n%s", out)
	}

	st, err := pebble.Open(storeDir, pebble.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	if n, err := st.Count(ctx); err != nil || n != 5 {
		t.Fatalf("store holds %d documents (err %v), want 5", n, err)
	}
	// What the source knew and the page did not say is kept: the feed
	// entry's link and date, the WARC record's URL and fetch time.
	found := map[string]bool{}
	err = st.Scan(ctx, func(id string) error {
		d, err := st.Get(ctx, id)
		if err != nil {
			return err
		}
		var a article.Article
		if err := json.Unmarshal(d.Article, &a); err != nil {
			return err
		}
		switch {
		case strings.Contains(a.Text(), "dockworkers' union"):
			found["feed"] = true
			if a.URL != "https://northwire.example/harbour-talks" || a.Published != "2026-03-05T09:00:00Z" || a.Title != "Harbour talks to resume on Thursday" {
				t.Errorf("feed entry stored as url %q published %q title %q", a.URL, a.Published, a.Title)
			}
			if !strings.HasSuffix(d.Meta["source"], "feed.rss#1") {
				t.Errorf("feed entry source %q", d.Meta["source"])
			}
		case strings.Contains(a.Text(), "cycle lanes"):
			found["warc"] = true
			if a.URL != "https://ledger.example/mill-road" || d.Meta["fetched"] != "2026-03-10T08:00:00Z" {
				t.Errorf("WARC page stored as url %q fetched %q", a.URL, d.Meta["fetched"])
			}
			if a.Published == "2026-03-10T08:00:00Z" {
				t.Errorf("the WARC-Date became the publication time")
			}
		case strings.Contains(a.Text(), "Vellen valley"):
			found["gzip"] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"feed", "warc", "gzip"} {
		if !found[k] {
			t.Errorf("no %s article in the store", k)
		}
	}
}

func TestIndexCommandStdinAndFailures(t *testing.T) {
	storeDir := filepath.Join(t.TempDir(), "store")
	page := "<html><head><title>Night trains return to the coast line</title></head><body><article>" +
		"<p>The night train between the capital and the coast will run again from June, the rail operator said on Monday, four years after the service was cut.</p>" +
		"<p>Tickets go on sale next week, with sleeper cabins from 89 a night.</p></article></body></html>"
	code, out, errs := runCLI(t, page, "index", "--store", storeDir, "-")
	if code != 0 {
		t.Fatalf("stdin: exit %d\n%s\n%s", code, out, errs)
	}
	if got := parseSummary(t, out); got.indexed != 1 {
		t.Errorf("stdin: %+v, want 1 indexed", got)
	}

	// Nothing readable: the run fails as a whole, exit 1.
	missing := filepath.Join(t.TempDir(), "missing.html")
	code, out, errs = runCLI(t, "", "index", "--store", storeDir, missing)
	if code != 1 || !strings.Contains(errs, "missing.html") {
		t.Errorf("missing input: exit %d, want 1 with the file named\nstdout:\n%s\nstderr:\n%s", code, out, errs)
	}
}

func TestIndexCommandUsage(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"index", "--store", dir},
		{"index", "--store", dir, "--workers", "0", "x.html"},
		{"index", "--store", dir, "--max-bytes", "-1", "x.html"},
		{"index", "--no-such-flag", "x.html"},
		{"index", "--store", dir, "--redis", "127.0.0.1:1", "x.html"},
	} {
		if code, _, errs := runCLI(t, "", args...); code != 2 {
			t.Errorf("%q: exit %d, want 2 (stderr %q)", args, code, errs)
		}
	}
}

// TestIndexSharedPages indexes 20 of the 181 pages of the extraction
// benchmark (real pages nobody on the team wrote, .html.gz files) twice:
// all are indexed the first time, all are duplicates the second. Twenty
// keeps the test a few seconds under -race; `wiretrace index` on the whole
// folder is the manual check.
func TestIndexSharedPages(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping in -short: extracts 20 real pages")
	}
	html := sharedtest.Dir(t, "eval", "extraction", "html")
	pages, err := filepath.Glob(filepath.Join(html, "*.html.gz"))
	if err != nil || len(pages) < 20 {
		t.Fatalf("found %d pages under %s (err %v), want at least 20", len(pages), html, err)
	}
	pages = pages[:20]
	storeDir := filepath.Join(t.TempDir(), "store")
	args := append([]string{"index", "--store", storeDir}, pages...)
	code, out, errs := runCLI(t, "", args...)
	if code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, out, errs)
	}
	if got := parseSummary(t, out); got != (indexCounts{indexed: 20, items: 20}) {
		t.Errorf("first run: %+v, want all 20 pages indexed\nstderr:\n%s", got, errs)
	}
	code, out, errs = runCLI(t, "", args...)
	if code != 0 {
		t.Fatalf("second run: exit %d\n%s\n%s", code, out, errs)
	}
	if got := parseSummary(t, out); got != (indexCounts{duplicates: 20, items: 20}) {
		t.Errorf("second run: %+v, want all 20 pages duplicates", got)
	}
}

// startRedis runs a real redis-server on a free loopback port for the
// test. It skips when redis-server is not installed (fails under CI=true,
// where scripts/test.sh installs it).
func startRedis(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("redis-server")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("redis-server is required under CI=true: %v", err)
		}
		t.Skipf("skipping: redis-server not installed (apt-get install redis-server): %v", err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	_, port, _ := net.SplitHostPort(addr)
	cmd := exec.Command(path, "--port", port, "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", t.TempDir())
	if err := cmd.Start(); err != nil {
		t.Fatalf("start redis-server: %v", err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	for deadline := time.Now().Add(10 * time.Second); ; {
		c, err := net.DialTimeout("tcp", addr, 200*time.Millisecond)
		if err == nil {
			c.Close()
			return addr
		}
		if time.Now().After(deadline) {
			t.Fatalf("redis-server on %s did not come up: %v", addr, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestIndexCommandRedis indexes the corpus into a real Redis server
// through --redis, twice: the second run finds every article stored.
func TestIndexCommandRedis(t *testing.T) {
	addr := startRedis(t)
	corpus := indexCorpus(t)
	inputs := []string{filepath.Join(corpus, "pages"), filepath.Join(corpus, "feed.rss"), filepath.Join(corpus, "crawl.warc")}
	code, out, errs := runCLI(t, "", append([]string{"index", "--redis", addr}, inputs...)...)
	if code != 0 {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errs)
	}
	if got := parseSummary(t, out); got != (indexCounts{indexed: 5, items: 7, empty: 1, failed: 1}) {
		t.Errorf("first run: %+v, want 5 indexed, 1 empty, 1 failed", got)
	}
	if !strings.Contains(out, "redis store "+addr+" holds 5 articles") {
		t.Errorf("stdout does not report the Redis store's count:\n%s", out)
	}
	code, out, errs = runCLI(t, "", append([]string{"index", "--redis", addr}, inputs...)...)
	if code != 0 {
		t.Fatalf("second run: exit %d\n%s\n%s", code, out, errs)
	}
	if got := parseSummary(t, out); got.indexed != 0 || got.duplicates != 5 {
		t.Errorf("second run: %+v, want 0 indexed and 5 duplicates", got)
	}
}

// TestIndexCommandURL indexes a page fetched from a site on a loopback
// port; the stored article keeps the URL it was fetched from.
func TestIndexCommandURL(t *testing.T) {
	page := "<html><head><title>Night trains return to the coast line</title></head><body><article>" +
		"<p>The night train between the capital and the coast will run again from June, the rail operator said on Monday, four years after the service was cut.</p>" +
		"<p>Tickets go on sale next week, with sleeper cabins from 89 a night.</p></article></body></html>"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			w.Write([]byte("User-agent: *\nDisallow: /members/\n"))
		case "/travel/night-trains", "/members/night-trains":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte(page))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	storeDir := filepath.Join(t.TempDir(), "store")
	code, out, errs := runCLI(t, "", "index", "--store", storeDir, "--host-delay", "1ms",
		srv.URL+"/travel/night-trains", srv.URL+"/members/night-trains")
	if code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, out, errs)
	}
	if got := parseSummary(t, out); got != (indexCounts{indexed: 1, items: 2, failed: 1}) {
		t.Errorf("%+v, want the public page indexed and the robots.txt-disallowed one failed", got)
	}
	if !strings.Contains(errs, "robots.txt") {
		t.Errorf("stderr does not say why the second URL failed:\n%s", errs)
	}
	st, err := pebble.Open(storeDir, pebble.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	err = st.Scan(ctx, func(id string) error {
		d, err := st.Get(ctx, id)
		if err != nil {
			return err
		}
		var a article.Article
		if err := json.Unmarshal(d.Article, &a); err != nil {
			return err
		}
		if a.URL != srv.URL+"/travel/night-trains" || d.Meta["fetched"] == "" {
			t.Errorf("stored url %q fetched %q", a.URL, d.Meta["fetched"])
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestIndexCommandInterrupted checks that an interrupt (a cancelled
// context, as SIGINT gives) ends the run with exit 130 and a summary.
func TestIndexCommandInterrupted(t *testing.T) {
	corpus := indexCorpus(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb}
	code := run(ctx, e, []string{"index", "--store", filepath.Join(t.TempDir(), "store"), corpus})
	if code != exitInterrupted || !strings.Contains(errb.String(), "interrupted") {
		t.Errorf("exit %d, want %d with \"interrupted\"\nstderr:\n%s", code, exitInterrupted, errb.String())
	}
	parseSummary(t, out.String())
}

// TestReporterLogs checks the progress lines written when stderr is not a
// terminal, with an ETA from the bytes read when the item count is unknown.
func TestReporterLogs(t *testing.T) {
	var buf bytes.Buffer
	r := newReporter(&buf, source.Size{Bytes: 1000, BytesKnown: true})
	r.every = 0
	r.read(250)
	r.step()
	r.fail("crawl.warc.gz@512", fmt.Errorf("read crawl.warc.gz: record at offset 512: %w", source.ErrTruncated))
	r.finish()
	out := buf.String()
	for _, want := range []string{"level=INFO msg=progress extracted=1 failed=0", "read_percent=25", "eta=", "level=WARN msg=skipped item=crawl.warc.gz@512"} {
		if !strings.Contains(out, want) {
			t.Errorf("log lacks %q:\n%s", want, out)
		}
	}
}

// TestIndexMissingPath indexes an existing page and a path that does not
// exist: the page is indexed, and the run fails naming the missing path.
func TestIndexMissingPath(t *testing.T) {
	t.Setenv("WIRETRACE_REDIS", "")
	dir := t.TempDir()
	page := filepath.Join(dir, "trains.html")
	if err := os.WriteFile(page, []byte("<html><body><article><h1>Night trains return</h1><p>The night train between the capital and the coast will run again from June, the rail operator said on Monday.</p></article></body></html>"), 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "trians.html")
	code, out, errs := runCLI(t, "", "index", "--store", filepath.Join(dir, "store"), page, missing)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if got := parseSummary(t, out); got.indexed != 1 || got.failed != 1 {
		t.Errorf("%+v, want the page indexed and the missing path failed", got)
	}
	if !strings.Contains(errs, "no such file or folder: "+missing) {
		t.Errorf("stderr does not name the missing path:\n%s", errs)
	}
}

// TestStoreInForeignFolder gives a folder of other files as the store:
// every command refuses it and leaves it as it was.
func TestStoreInForeignFolder(t *testing.T) {
	t.Setenv("WIRETRACE_REDIS", "")
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("my notes"), 0o644); err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(t.TempDir(), "p.html")
	if err := os.WriteFile(page, []byte("<html><body><p>The night train will run again from June, the operator said.</p></body></html>"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"index", "--store", dir, page}, {"trace", "--store", dir, page}, {"cluster", "--store", dir}} {
		code, _, errs := runCLI(t, "", args...)
		if code != 1 || !strings.Contains(errs, "holds other files and no wiretrace store") {
			t.Errorf("%s: exit %d, stderr %q; want a refusal", args[0], code, errs)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the folder now holds %d entries, want its one file", len(entries))
	}
}

// TestClusterJSON lists the clusters of an indexed story as JSON: the
// object GET /v1/clusters answers, {"clusters": [...]}.
func TestClusterJSON(t *testing.T) {
	t.Setenv("WIRETRACE_REDIS", "")
	storeDir := filepath.Join(t.TempDir(), "store")
	if code, out, errs := runCLI(t, "", "index", "--store", storeDir, filepath.Join("..", "..", "examples", "wildfire")); code != 0 {
		t.Fatalf("index: exit %d\n%s\n%s", code, out, errs)
	}
	code, out, errs := runCLI(t, "", "cluster", "--store", storeDir, "--json")
	if code != 0 {
		t.Fatalf("cluster: exit %d\n%s", code, errs)
	}
	var list cluster.List
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatalf("cluster --json: %v\n%s", err, out)
	}
	if len(list.Clusters) == 0 || list.Clusters[0].Size < 2 {
		t.Errorf("clusters %+v, want the wildfire story", list.Clusters)
	}
}

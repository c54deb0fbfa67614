package main

// Bad input, command by command: every command must answer empty files,
// binary junk, truncated archives, pathological markup, huge streams,
// missing paths and wrong usage with a clear one-line error and the right
// exit status (1 for a failure of the work, 2 for bad usage), and never
// with a panic, a hang or memory that grows with the input.

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/wiretrace/wiretrace/ingest"
	"golang.org/x/text/encoding/charmap"
)

// badTimeout is how long one command may take on bad input before the
// test calls it a hang. Every case here finishes in well under a second
// without -race; the margin is for -race and a busy machine.
const badTimeout = 60 * time.Second

// badResult is what one in-process command run did.
type badResult struct {
	code           int
	stdout, stderr string
	elapsed        time.Duration
}

// runGuarded runs one command line in-process with stdin, failing the test
// on a panic or when the command does not return within badTimeout.
func runGuarded(t *testing.T, stdin io.Reader, args ...string) badResult {
	t.Helper()
	if stdin == nil {
		stdin = strings.NewReader("")
	}
	var out, errb syncBuffer
	e := &env{stdin: stdin, stdout: &out, stderr: &errb}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	type outcome struct {
		code  int
		panic any
	}
	done := make(chan outcome, 1)
	start := time.Now()
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- outcome{panic: p}
			}
		}()
		done <- outcome{code: run(ctx, e, args)}
	}()
	select {
	case o := <-done:
		if o.panic != nil {
			t.Fatalf("%q panicked: %v", args, o.panic)
		}
		return badResult{code: o.code, stdout: out.String(), stderr: errb.String(), elapsed: time.Since(start)}
	case <-time.After(badTimeout):
		cancel()
		t.Fatalf("%q did not return within %s (a hang); stderr so far: %.500s", args, badTimeout, errb.String())
	}
	return badResult{}
}

// checkOneLine checks the CLI's error contract on a failed run: stderr ends
// with one line "wiretrace NAME: message" whose message is not empty and
// shows no Go internals. With only, that line must be all of stderr.
func checkOneLine(t *testing.T, name string, r badResult, only bool) {
	t.Helper()
	lines := strings.Split(strings.TrimRight(r.stderr, "\n"), "\n")
	last := lines[len(lines)-1]
	prefix := "wiretrace " + name + ": "
	if !strings.HasPrefix(last, prefix) || len(strings.TrimSpace(last[len(prefix):])) < 5 {
		t.Errorf("stderr does not end with a %q line: %q", prefix+"…", r.stderr)
		return
	}
	for _, bad := range []string{"panic", "%!", "goroutine ", "runtime error", "<nil>"} {
		if strings.Contains(r.stderr, bad) {
			t.Errorf("stderr shows %q: %q", bad, r.stderr)
		}
	}
	if only && len(lines) != 1 {
		t.Errorf("stderr is %d lines, want one: %q", len(lines), r.stderr)
	}
}

// wantExit checks the exit status and, for a failure, the error line.
func wantExit(t *testing.T, name string, r badResult, code int, only bool) {
	t.Helper()
	if r.code != code {
		t.Errorf("exit %d, want %d; stderr %q; stdout %.300q", r.code, code, r.stderr, r.stdout)
		return
	}
	if code != 0 {
		checkOneLine(t, name, r, only)
	}
}

// storyHTML is a small invented news page: a headline and paragraphs that
// the extractor reads as an article.
func storyHTML(title string, paras ...string) string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + " | Harbour Gazette</title></head>\n<body><article><h1>" + title + "</h1>\n")
	for _, p := range paras {
		b.WriteString("<p>" + p + "</p>\n")
	}
	b.WriteString("</article></body></html>\n")
	return b.String()
}

// The invented story most bad pages carry, so that a page that should
// still be read has something to read.
const badTitle = "Ferry fares on the northern route rise by a tenth"

var badParas = []string{
	"PORT ELLIS, March 3 - The operator of the northern ferry route will raise fares by 10% from April, it said on Tuesday, blaming the cost of fuel and a new crew agreement.",
	"A single crossing for a car and driver will cost 84 crowns, up from 76, while foot passengers will pay 12 crowns, the company said in a statement.",
	"Island councillors said the increase would hurt families who cross to the mainland for school and work, and asked the regional government to step in.",
	"The company said it had held fares for three years and that the new prices were still below those on the southern route.",
}

// writeFile writes data to name in dir and returns its path.
func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func gzipBytes(t *testing.T, data []byte, level int) []byte {
	t.Helper()
	var b bytes.Buffer
	zw, err := gzip.NewWriterLevel(&b, level)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := zw.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// warcRecord is one WARC response record for page at uri.
func warcRecord(uri, page string) []byte {
	resp := "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + page
	return []byte(fmt.Sprintf("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\nWARC-Date: 2026-03-03T10:00:00Z\r\n"+
		"WARC-Record-ID: <urn:uuid:%08x-0000-4000-8000-000000000000>\r\nContent-Type: application/http; msgtype=response\r\n"+
		"Content-Length: %d\r\n\r\n%s\r\n\r\n", uri, len(uri), len(resp), resp))
}

// utf16LE encodes s as UTF-16 little-endian without a byte order mark.
func utf16LE(s string) []byte {
	u := utf16.Encode([]rune(s))
	b := make([]byte, 2*len(u))
	for i, c := range u {
		b[2*i], b[2*i+1] = byte(c), byte(c>>8)
	}
	return b
}

// gzipBomb is 40 MiB of one letter, over the 32 MiB default limit once
// decompressed, in about 170 KiB; made once, since compressing it takes a
// while under -race.
var gzipBomb = sync.OnceValue(func() []byte {
	var b bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&b, gzip.BestSpeed)
	chunk := bytes.Repeat([]byte("a"), 1<<20)
	for range 40 {
		zw.Write(chunk)
	}
	zw.Close()
	return b.Bytes()
})

// badPage is one bad input and what extraction must make of it.
type badPage struct {
	name string
	// path makes the input in dir.
	path func(t *testing.T, dir string) string
	// readable: the page still holds an article, so extract and compare
	// succeed (exit 0) and the text holds want; otherwise they fail
	// with exit 1 and an error line holding want.
	readable bool
	want     string
	// index is the exit status of `wiretrace index` given only this
	// input: 1 when nothing in it can be indexed. indexOut is in its
	// JSON summary when it succeeds; "" means one article indexed.
	index    int
	indexOut string
}

func badPages() []badPage {
	page := storyHTML(badTitle, badParas...)
	file := func(name string, data func(t *testing.T) []byte) func(t *testing.T, dir string) string {
		return func(t *testing.T, dir string) string { return writeFile(t, dir, name, data(t)) }
	}
	bytesOf := func(b []byte) func(t *testing.T) []byte { return func(*testing.T) []byte { return b } }
	random := make([]byte, 64<<10)
	rand.NewChaCha8([32]byte{7}).Read(random)
	return []badPage{
		{name: "empty file", path: file("empty.html", bytesOf(nil)), want: "empty page", index: 1},
		{name: "blank file", path: file("blank.txt", bytesOf([]byte(" \n\t\r\n  \n"))), want: "empty page", index: 1},
		{name: "random bytes", path: file("random.html", bytesOf(random)), want: "binary", index: 1},
		{name: "PNG header", path: file("photo.html", bytesOf(append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), random[:512]...))), want: "PNG", index: 1},
		{name: "zip archive", path: file("story.html", func(t *testing.T) []byte {
			var b bytes.Buffer
			zw := zip.NewWriter(&b)
			w, err := zw.Create("story.html")
			if err != nil {
				t.Fatal(err)
			}
			io.WriteString(w, page)
			if err := zw.Close(); err != nil {
				t.Fatal(err)
			}
			return b.Bytes()
		}), want: "ZIP", index: 1},
		{name: "truncated gzip", path: file("story.html.gz", func(t *testing.T) []byte {
			// Cut inside the deflate stream: every command refuses
			// the file as cut short, as index refuses a cut WARC
			// record, rather than read half an article as the page.
			gz := gzipBytes(t, []byte(page), gzip.BestCompression)
			return gz[:len(gz)*2/3]
		}), want: "truncated", index: 1},
		{name: "gzip header then junk", path: file("junk.html.gz", bytesOf(append([]byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3}, random[:4096]...))), want: "gzip", index: 1},
		{name: "gzip bomb", path: file("bomb.html.gz", func(*testing.T) []byte { return gzipBomb() }), want: "limit", index: 1},
		{name: "unclosed tags", path: file("unclosed.html", bytesOf([]byte(
			"<html><head><title>"+badTitle+"</title><body><div><article><h1>"+badTitle+"</h1><p>"+strings.Join(badParas, "<p><b>")+"<div><span><table><tr><td>"))),
			readable: true, want: "crew agreement", index: 0},
		{name: "100k nested divs", path: file("nested.html", bytesOf([]byte(
			"<html><body>"+strings.Repeat("<div>", 100000)+"<h1>"+badTitle+"</h1><p>"+strings.Join(badParas, "</p><p>")+"</p>"+strings.Repeat("</div>", 100000)+"</body></html>"))),
			readable: true, want: "crew agreement", index: 0},
		{name: "50k nested links", path: file("links.html", bytesOf([]byte(
			"<html><body><article><h1>"+badTitle+"</h1><p>"+strings.Join(badParas, "</p><p>")+"</p>"+strings.Repeat("<a href=x><b>", 50000)+"</article></body></html>"))),
			readable: true, want: "crew agreement", index: 0},
		{name: "UTF-16 without BOM", path: file("utf16.html", bytesOf(utf16LE(strings.Replace(page, `<meta charset="utf-8">`, "", 1)))),
			readable: true, want: "northern ferry route", index: 0},
		{name: "Latin-1 declared UTF-8", path: file("latin1.html", bytesOf([]byte(strings.ReplaceAll(page, "crowns", "kr\xf3nur")))),
			readable: true, want: "crew agreement", index: 0},
		{name: "one 1 MB word", path: file("word.html", bytesOf([]byte(storyHTML(badTitle, append(append([]string{}, badParas...), strings.Repeat("x", 1<<20))...)))),
			readable: true, want: "crew agreement", index: 0},
		{name: "nonexistent", path: func(t *testing.T, dir string) string { return filepath.Join(dir, "no-such-page.html") }, want: "no such file", index: 1},
		{name: "directory", path: func(t *testing.T, dir string) string {
			d := filepath.Join(dir, "folder.html")
			if err := os.Mkdir(d, 0o755); err != nil {
				t.Fatal(err)
			}
			return d
		}, want: "directory", index: 0, indexOut: `"items": 0`},
	}
}

// TestBadPagesExtractCompare runs extract and compare (each side) over
// every bad page.
func TestBadPagesExtractCompare(t *testing.T) {
	good := filepath.Join("..", "..", "examples", "rate-decision", "original.html")
	for _, p := range badPages() {
		t.Run(p.name, func(t *testing.T) {
			path := p.path(t, t.TempDir())
			r := runGuarded(t, nil, "extract", "--json", path)
			if p.readable {
				wantExit(t, "extract", r, 0, true)
				var a struct{ Paragraphs []string }
				if err := json.Unmarshal([]byte(r.stdout), &a); err != nil || !strings.Contains(strings.Join(a.Paragraphs, "\n"), p.want) {
					t.Errorf("extract: body lacks %q (%v): %.300s", p.want, err, r.stdout)
				}
			} else {
				wantExit(t, "extract", r, 1, true)
				if !strings.Contains(r.stderr, p.want) {
					t.Errorf("extract: error %q does not say %q", r.stderr, p.want)
				}
			}
			for _, args := range [][]string{{path, good}, {good, path}} {
				r := runGuarded(t, nil, append([]string{"compare", "--json"}, args...)...)
				if p.readable {
					wantExit(t, "compare", r, 0, true)
					var rep struct{ Relation string }
					if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil || rep.Relation == "" {
						t.Errorf("compare %q: output is not a report (%v): %.300s", args, err, r.stdout)
					}
					continue
				}
				wantExit(t, "compare", r, 1, true)
				if !strings.Contains(r.stderr, p.want) || !strings.Contains(r.stderr, filepath.Base(path)) {
					t.Errorf("compare %q: error %q does not name the page and say %q", args, r.stderr, p.want)
				}
			}
		})
	}
}

// TestBadPagesTrace traces every bad page against a small index.
func TestBadPagesTrace(t *testing.T) {
	t.Setenv("WIRETRACE_REDIS", "")
	storeDir := filepath.Join(t.TempDir(), "store")
	if r := runGuarded(t, nil, "index", "--store", storeDir, filepath.Join("..", "..", "examples", "wildfire")); r.code != 0 {
		t.Fatalf("index: exit %d: %s", r.code, r.stderr)
	}
	for _, p := range badPages() {
		if p.readable && p.name != "100k nested divs" && p.name != "UTF-16 without BOM" {
			// Trace reads pages as compare does; tracing every
			// readable page again only costs time under -race.
			continue
		}
		t.Run(p.name, func(t *testing.T) {
			r := runGuarded(t, nil, "trace", "--store", storeDir, "--json", p.path(t, t.TempDir()))
			if p.readable {
				wantExit(t, "trace", r, 0, false)
				if !strings.Contains(r.stdout, `"matches"`) {
					t.Errorf("trace output is not a result: %.300s", r.stdout)
				}
				return
			}
			wantExit(t, "trace", r, 1, false)
			if !strings.Contains(r.stderr, p.want) {
				t.Errorf("trace: error %q does not say %q", r.stderr, p.want)
			}
		})
	}
}

// TestBadPagesIndex indexes every bad page alone: a page with nothing in
// it fails the run (exit 1) after a log line naming it; one that still
// holds an article is indexed.
func TestBadPagesIndex(t *testing.T) {
	t.Setenv("WIRETRACE_REDIS", "")
	for _, p := range badPages() {
		t.Run(p.name, func(t *testing.T) {
			dir := t.TempDir()
			path := p.path(t, dir)
			r := runGuarded(t, nil, "index", "--store", filepath.Join(dir, "store"), "--json", path)
			wantExit(t, "index", r, p.index, false)
			if p.index == 0 {
				// An empty folder is an input with no items, not a
				// failure.
				want := p.indexOut
				if want == "" {
					want = `"indexed": 1`
				}
				if !strings.Contains(r.stdout, want) {
					t.Errorf("index: %s", r.stdout)
				}
				return
			}
			if !strings.Contains(r.stderr, filepath.Base(path)) {
				t.Errorf("index: the log does not name the input: %q", r.stderr)
			}
		})
	}
}

// TestBadArchivesAndFeeds gives index a WARC file cut inside its second
// record and feeds with broken XML; extract reads the same files as pages.
func TestBadArchivesAndFeeds(t *testing.T) {
	t.Setenv("WIRETRACE_REDIS", "")
	dir := t.TempDir()
	second := storyHTML("Council delays vote on the harbour wall", "PORT ELLIS, March 4 - The island council postponed its vote on rebuilding the harbour wall until May, saying engineers needed more time to cost the work.",
		"The wall was damaged in January storms, and two fishing boats were lost when it gave way.")
	first := gzipBytes(t, warcRecord("https://gazette.example/ferry-fares", storyHTML(badTitle, badParas...)), gzip.DefaultCompression)
	cut := gzipBytes(t, warcRecord("https://gazette.example/harbour-wall", second), gzip.DefaultCompression)
	warcGz := writeFile(t, dir, "crawl.warc.gz", append(append([]byte{}, first...), cut[:len(cut)/2]...))
	// The same record uncompressed, cut inside its content.
	plain := warcRecord("https://gazette.example/harbour-wall", second)
	warc := writeFile(t, dir, "crawl.warc", append(warcRecord("https://gazette.example/ferry-fares", storyHTML(badTitle, badParas...)), plain[:len(plain)-200]...))
	// Only a header, cut in the middle of a field.
	headerOnly := writeFile(t, dir, "header.warc", []byte("WARC/1.0\r\nWARC-Type: response\r\nContent-Len"))
	brokenFeed := writeFile(t, dir, "news.rss", []byte(`<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Harbour Gazette</title>`+
		`<item><title>`+badTitle+`</title><link>https://gazette.example/ferry-fares</link><description>&lt;p&gt;`+badParas[0]+`</description>`+
		`<item><title>Unclosed</title><description><![CDATA[<p>never closed`))
	junkFeed := writeFile(t, dir, "junk.xml", []byte("<?xml version=\"1.0\"?>\x00\x01\x02<rss><<<<>>>"))

	for _, tc := range []struct {
		name, path string
		code       int
		stdout     string // in index --json's output
	}{
		{"truncated warc.gz record", warcGz, 0, `"indexed": 1`},
		{"truncated warc record", warc, 0, `"indexed": 1`},
		{"warc header only", headerOnly, 1, `"indexed": 0`},
		{"feed with broken XML", brokenFeed, 1, `"indexed": 0`},
		{"feed of junk", junkFeed, 1, `"indexed": 0`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := runGuarded(t, nil, "index", "--store", filepath.Join(t.TempDir(), "store"), "--json", tc.path)
			wantExit(t, "index", r, tc.code, false)
			if !strings.Contains(r.stdout, tc.stdout) {
				t.Errorf("index --json lacks %s: %s", tc.stdout, r.stdout)
			}
			if tc.code == 0 && !strings.Contains(r.stdout, `"failed": 1`) {
				t.Errorf("the cut record is not counted as failed: %s", r.stdout)
			}
			if !strings.Contains(r.stderr, filepath.Base(tc.path)) {
				t.Errorf("the log does not name the input: %q", r.stderr)
			}
			// extract reads any file as a page: it may find text in
			// it or refuse it, but with one line and no panic.
			r = runGuarded(t, nil, "extract", tc.path)
			if r.code != 0 {
				wantExit(t, "extract", r, 1, true)
			}
		})
	}
}

// repeatReader yields unit over and over, n bytes in all, without holding
// them: a stream as large as a test wants at no memory cost.
type repeatReader struct {
	unit []byte
	off  int
	left int64
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.left <= 0 {
		return 0, io.EOF
	}
	if int64(len(p)) > r.left {
		p = p[:r.left]
	}
	n := 0
	for n < len(p) {
		c := copy(p[n:], r.unit[r.off:])
		n += c
		r.off = (r.off + c) % len(r.unit)
	}
	r.left -= int64(n)
	return n, nil
}

// randomReader yields n random bytes.
type randomReader struct {
	rng  *rand.ChaCha8
	left int64
}

func (r *randomReader) Read(p []byte) (int, error) {
	if r.left <= 0 {
		return 0, io.EOF
	}
	if int64(len(p)) > r.left {
		p = p[:r.left]
	}
	r.rng.Read(p)
	r.left -= int64(len(p))
	return len(p), nil
}

// hugeStream is 100 MB on stdin: words in paragraphs, or random bytes.
func hugeStream(random bool) io.Reader {
	const size = 100_000_000
	if random {
		return &randomReader{rng: rand.NewChaCha8([32]byte{9}), left: size}
	}
	return &repeatReader{unit: []byte("<p>word </p>"), left: size}
}

// raceFactor is how much more the race detector makes a run allocate:
// about twice as much, measured on the huge-stream cases.
var raceFactor = func() uint64 {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "-race" && s.Value == "true" {
				return 2
			}
		}
	}
	return 1
}()

// allocated runs f and returns the bytes it allocated on the heap.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestHugeStdin feeds 100 MB on standard input to every command that reads
// a page: each must refuse it at the size limit, quickly, having
// allocated a bounded amount whatever the stream's length.
func TestHugeStdin(t *testing.T) {
	t.Setenv("WIRETRACE_REDIS", "")
	storeDir := filepath.Join(t.TempDir(), "store")
	if r := runGuarded(t, nil, "index", "--store", storeDir, filepath.Join("..", "..", "examples", "earnings", "original.html")); r.code != 0 {
		t.Fatalf("index: exit %d: %s", r.code, r.stderr)
	}
	good := filepath.Join("..", "..", "examples", "earnings", "original.html")
	for _, tc := range []struct {
		name string
		args []string
		// limit is the size limit in force; maxAlloc the bytes the
		// command may allocate reading up to it.
		limit    int64
		maxAlloc uint64
		want     string
	}{
		// The default 32 MiB limit: reading to it costs a few times
		// the limit in buffers, far below the 100 MB the stream holds.
		{"extract", []string{"extract", "-"}, ingest.DefaultMaxBytes, 4 * ingest.DefaultMaxBytes, "larger than"},
		{"compare", []string{"compare", good, "-"}, ingest.DefaultMaxBytes, 4 * ingest.DefaultMaxBytes, "larger than"},
		{"trace", []string{"trace", "--store", storeDir, "-"}, ingest.DefaultMaxBytes, 4 * ingest.DefaultMaxBytes, "larger than"},
		{"index", []string{"index", "--store", storeDir, "-"}, ingest.DefaultMaxBytes, 4 * ingest.DefaultMaxBytes, "no article indexed"},
		// A 1 MB limit: what is allocated follows the limit, not the
		// stream.
		{"extract small limit", []string{"extract", "--max-bytes", "1000000", "-"}, 1e6, 12 << 20, "larger than"},
		{"compare small limit", []string{"compare", "--max-bytes", "1000000", "-", good}, 1e6, 12 << 20, "larger than"},
		{"index small limit", []string{"index", "--store", storeDir, "--max-bytes", "1000000", "-"}, 1e6, 12 << 20, "no article indexed"},
	} {
		for _, random := range []bool{false, true} {
			if random && tc.args[0] != "extract" {
				// Every command reads stdin through the same
				// limit; random bytes differ only in extract's
				// binary check.
				continue
			}
			name := tc.name + " paragraphs"
			if random {
				name = tc.name + " random"
			}
			t.Run(name, func(t *testing.T) {
				var r badResult
				alloc := allocated(func() { r = runGuarded(t, hugeStream(random), tc.args...) })
				wantExit(t, tc.args[0], r, 1, tc.args[0] != "index")
				if !strings.Contains(r.stderr, tc.want) {
					t.Errorf("error %q does not say %q", r.stderr, tc.want)
				}
				t.Logf("%s: %.1f MiB allocated in %s", name, float64(alloc)/(1<<20), r.elapsed.Round(time.Millisecond))
				if alloc > raceFactor*tc.maxAlloc {
					t.Errorf("allocated %.1f MiB for a %d-byte limit, want at most %.1f MiB", float64(alloc)/(1<<20), tc.limit, float64(tc.maxAlloc)/(1<<20))
				}
			})
		}
	}
}

// TestHugeFile gives a 100 MB file (sparse: it costs no disk) to the
// commands that read pages by name.
func TestHugeFile(t *testing.T) {
	t.Setenv("WIRETRACE_REDIS", "")
	dir := t.TempDir()
	huge := filepath.Join(dir, "huge.html")
	f, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(100_000_000); err != nil {
		t.Fatal(err)
	}
	f.Close()
	good := filepath.Join("..", "..", "examples", "earnings", "original.html")
	for _, args := range [][]string{
		{"extract", huge},
		{"compare", huge, good},
		{"index", "--store", filepath.Join(dir, "store"), huge},
	} {
		t.Run(args[0], func(t *testing.T) {
			var r badResult
			alloc := allocated(func() { r = runGuarded(t, nil, args...) })
			wantExit(t, args[0], r, 1, args[0] != "index")
			t.Logf("%s: %.1f MiB allocated in %s", args[0], float64(alloc)/(1<<20), r.elapsed.Round(time.Millisecond))
			if alloc > raceFactor*4*ingest.DefaultMaxBytes {
				t.Errorf("allocated %.1f MiB for a 100 MB file", float64(alloc)/(1<<20))
			}
		})
	}
}

// TestBadUsage checks every command's usage errors (exit 2, one error
// line after the usage text) and the failures of its work that need no
// page (exit 1).
func TestBadUsage(t *testing.T) {
	t.Setenv("WIRETRACE_REDIS", "")
	dir := t.TempDir()
	good := filepath.Join("..", "..", "examples", "earnings", "original.html")
	notDir := writeFile(t, dir, "file", []byte("not a folder"))
	full := filepath.Join(dir, "full")
	if err := os.Mkdir(full, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, full, "x", []byte("x"))
	badEval := filepath.Join(dir, "eval", "extraction")
	if err := os.MkdirAll(badEval, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, badEval, "ground-truth.json", []byte(`{"a": [`))
	for _, tc := range []struct {
		name string
		args []string
		code int
		want string // in the error line
	}{
		{"no command", []string{}, 2, ""},
		{"unknown command", []string{"frobnicate"}, 2, "unknown command"},

		{"extract no page", []string{"extract"}, 2, "one PAGE"},
		{"extract two pages", []string{"extract", good, good}, 2, "one PAGE"},
		{"extract unknown flag", []string{"extract", "--frob", good}, 2, "frob"},
		{"extract max-bytes zero", []string{"extract", "--max-bytes", "0", good}, 2, "max-bytes"},
		{"extract max-bytes not a number", []string{"extract", "--max-bytes", "lots", good}, 2, "max-bytes"},

		{"compare no pages", []string{"compare"}, 2, "two pages"},
		{"compare one page", []string{"compare", good}, 2, "two pages"},
		{"compare unknown flag", []string{"compare", "--frob", good, good}, 2, "frob"},
		{"compare max-bytes zero", []string{"compare", "--max-bytes", "0", good, good}, 2, "max-bytes"},
		{"compare max-bytes negative", []string{"compare", "--max-bytes", "-5", good, good}, 2, "max-bytes"},
		{"compare bad URL host", []string{"compare", "http://127.0.0.1:1/story", good}, 1, "127.0.0.1:1"},

		{"index no input", []string{"index", "--store", filepath.Join(dir, "s1")}, 2, "INPUT"},
		{"index unknown flag", []string{"index", "--frob", good}, 2, "frob"},
		{"index workers zero", []string{"index", "--workers", "0", good}, 2, "workers"},
		{"index max-bytes negative", []string{"index", "--max-bytes", "-1", good}, 2, "max-bytes"},
		{"trace max-bytes zero", []string{"trace", "--max-bytes", "0", good}, 2, "max-bytes"},
		{"index store and redis", []string{"index", "--store", dir, "--redis", "127.0.0.1:1", good}, 2, "not both"},
		{"index store is a file", []string{"index", "--store", notDir, good}, 1, "file"},
		{"index redis unreachable", []string{"index", "--redis", "127.0.0.1:1", good}, 1, "127.0.0.1:1"},

		{"trace no page", []string{"trace", "--store", dir}, 2, "one page"},
		{"trace unknown flag", []string{"trace", "--frob", good}, 2, "frob"},
		{"trace missing store", []string{"trace", "--store", filepath.Join(dir, "none"), good}, 1, "no index at"},
		{"trace store is a file", []string{"trace", "--store", notDir, good}, 1, "file"},
		{"trace redis unreachable", []string{"trace", "--redis", "127.0.0.1:1", good}, 1, "127.0.0.1:1"},

		{"eval no suite", []string{"eval"}, 2, "suites"},
		{"eval unknown suite", []string{"eval", "frob"}, 2, "unknown suite"},
		{"eval unknown flag", []string{"eval", "extraction", "--frob"}, 2, "frob"},
		{"eval missing data", []string{"eval", "extraction", "--data", filepath.Join(dir, "none")}, 1, "none"},
		{"eval broken ground truth", []string{"eval", "extraction", "--data", filepath.Join(dir, "eval")}, 1, "ground-truth.json"},
		{"eval mrpc missing data", []string{"eval", "mrpc", "--data", filepath.Join(dir, "none")}, 1, "none"},
		{"eval short-answers missing data", []string{"eval", "short-answers", "--data", filepath.Join(dir, "none")}, 1, "none"},
		{"eval title missing data", []string{"eval", "title", "--data", filepath.Join(dir, "none")}, 1, "none"},
		{"eval title extra arg", []string{"eval", "title", "x"}, 2, "no arguments"},

		{"bench no job", []string{"bench"}, 2, "jobs"},
		{"bench unknown job", []string{"bench", "frob"}, 2, "unknown bench job"},
		{"bench index n zero", []string{"bench", "index", "--n", "0"}, 2, "positive"},
		{"bench index extra arg", []string{"bench", "index", "x"}, 2, "no arguments"},
		{"bench index store not empty", []string{"bench", "index", "--store", full, "--quiet"}, 1, "not empty"},
		{"bench serve clients zero", []string{"bench", "serve", "--clients", "0"}, 2, "positive"},
		{"bench serve unknown flag", []string{"bench", "serve", "--frob"}, 2, "frob"},
		{"bench serve unreachable", []string{"bench", "serve", "--url", "http://127.0.0.1:1", "--duration", "300ms", "--clients", "2"}, 1, "requests failed"},

		{"serve extra arg", []string{"serve", "x"}, 2, "no arguments"},
		{"serve unknown flag", []string{"serve", "--frob"}, 2, "frob"},
		{"serve max-body zero", []string{"serve", "--max-body", "0"}, 2, "max-body"},
		{"serve demo and store", []string{"serve", "--demo", "--store", dir}, 2, "--demo"},
		{"serve bad address", []string{"serve", "--store", filepath.Join(dir, "s2"), "--addr", "nowhere:-1", "--token", "t"}, 1, "nowhere"},
		{"serve store is a file", []string{"serve", "--store", notDir, "--addr", "127.0.0.1:0"}, 1, "file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := runGuarded(t, nil, tc.args...)
			if len(tc.args) == 0 {
				if r.code != 2 || !strings.Contains(r.stdout, "Usage") {
					t.Errorf("no command: exit %d, stdout %q", r.code, r.stdout)
				}
				return
			}
			if r.code != tc.code {
				t.Fatalf("exit %d, want %d; stderr %q", r.code, tc.code, r.stderr)
			}
			name := tc.args[0]
			if name == "frobnicate" {
				if !strings.Contains(r.stderr, tc.want) {
					t.Errorf("stderr %q", r.stderr)
				}
				return
			}
			// Flag errors come after the flag package's usage text,
			// and serve and bench serve say what they start before
			// they fail; every other error is the only line.
			only := !strings.Contains(tc.name, "flag") && !strings.Contains(tc.name, "not a number") &&
				tc.name != "serve bad address" && tc.name != "bench serve unreachable"
			checkOneLine(t, name, r, only)
			if !strings.Contains(r.stderr, tc.want) {
				t.Errorf("error %q does not say %q", r.stderr, tc.want)
			}
		})
	}
}

// TestServeBadRequests sends bad requests to a running `wiretrace serve`:
// each gets a 4xx with a JSON error, and the server goes on serving.
func TestServeBadRequests(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	base, stderr, done := startServe(t, ctx, "--demo", "--addr", "127.0.0.1:0", "--max-body", "1000000")
	random := make([]byte, 4096)
	rand.NewChaCha8([32]byte{3}).Read(random)
	jsonPage := func(page []byte) io.Reader {
		b, _ := json.Marshal(map[string]string{"page": string(page)})
		return bytes.NewReader(b)
	}
	for _, tc := range []struct {
		name, path string
		body       func() io.Reader
		status     int
	}{
		{"malformed JSON", "/v1/compare", func() io.Reader { return strings.NewReader(`{"a": "x", "b": `) }, http.StatusBadRequest},
		{"empty body", "/v1/extract", func() io.Reader { return strings.NewReader("") }, http.StatusBadRequest},
		{"binary body", "/v1/trace", func() io.Reader { return bytes.NewReader(random) }, http.StatusBadRequest},
		{"random page", "/v1/extract", func() io.Reader { return jsonPage(random) }, http.StatusUnprocessableEntity},
		// An empty page is a missing field: 400, not 422.
		{"empty page", "/v1/trace", func() io.Reader { return jsonPage(nil) }, http.StatusBadRequest},
		{"empty pages", "/v1/compare", func() io.Reader { return strings.NewReader(`{"a": "", "b": ""}`) }, http.StatusBadRequest},
		{"body over the limit", "/v1/extract", func() io.Reader {
			return io.MultiReader(strings.NewReader(`{"page": "`), &repeatReader{unit: []byte("<p>word </p>"), left: 5_000_000}, strings.NewReader(`"}`))
		}, http.StatusRequestEntityTooLarge},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, err := http.Post(base+tc.path, "application/json", tc.body())
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			var body struct{ Error string }
			if err := json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(&body); err != nil || body.Error == "" {
				t.Errorf("status %d: body is not a JSON error (%v)", resp.StatusCode, err)
			}
			if resp.StatusCode != tc.status {
				t.Errorf("status %d, want %d: %q", resp.StatusCode, tc.status, body.Error)
			}
		})
	}
	resp, err := http.Get(base + "/healthz")
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("server stopped serving after the bad requests: %v", err)
	}
	resp.Body.Close()
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("serve exited %d after the interrupt: %s", code, stderr.String())
		}
	case <-time.After(20 * time.Second):
		t.Error("serve did not stop within 20s of the interrupt")
	}
}

// cyrillicStory is an invented story in Russian, for charsets that only
// the HTTP header names.
var cyrillicStory = storyHTML("Паромные тарифы на северной линии вырастут на десять процентов",
	"ПОРТ-ЭЛЛИС, 3 марта. Оператор северной паромной линии с апреля повысит тарифы на 10%, сообщила компания во вторник, объяснив это ценами на топливо и новым соглашением с экипажами.",
	"Одна поездка для автомобиля с водителем будет стоить 84 кроны вместо 76, а пешие пассажиры заплатят 12 крон, говорится в заявлении компании.",
	"Депутаты островного совета заявили, что повышение ударит по семьям, которые ездят на материк на учёбу и работу.")

// TestCompareHeaderCharset compares a page whose only charset declaration
// is the server's Content-Type header (KOI8-R, no meta tag) with the same
// story in UTF-8: the header must decide the decoding, so the two are
// duplicates.
func TestCompareHeaderCharset(t *testing.T) {
	koi8 := koi8r(t, strings.Replace(cyrillicStory, `<meta charset="utf-8">`, "", 1))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/story" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=koi8-r")
		w.Write(koi8)
	}))
	defer srv.Close()
	utf := writeFile(t, t.TempDir(), "story.html", []byte(cyrillicStory))
	r := runGuarded(t, nil, "compare", "--json", srv.URL+"/story", utf)
	wantExit(t, "compare", r, 0, true)
	var rep struct {
		Relation string
		A        struct{ Sentences []string }
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Relation != "duplicate" || !strings.Contains(strings.Join(rep.A.Sentences, " "), "паромной") {
		t.Errorf("KOI8-R page against its UTF-8 copy: %s, first sentence %q", rep.Relation, rep.A.Sentences)
	}
}

func koi8r(t *testing.T, s string) []byte {
	t.Helper()
	b, err := charmap.KOI8R.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestCompareEscapeSequences compares a page whose title and text hold
// terminal escape sequences: the text report must not pass them on.
func TestCompareEscapeSequences(t *testing.T) {
	page := writeFile(t, t.TempDir(), "esc.html", []byte(storyHTML("Fares \x1b]0;owned\x07 rise",
		"PORT ELLIS - The council said \x1b[31mred\x1b[0m it would vote on the harbour wall \x1b]52;c;eA==\x07 next month.",
		"The wall was damaged in January storms and must be rebuilt.")))
	r := runGuarded(t, nil, "compare", "--color", "never", page, page)
	wantExit(t, "compare", r, 0, true)
	if strings.ContainsAny(r.stdout, "\x1b\x07") || !strings.Contains(r.stdout, "harbour wall") {
		t.Errorf("the report passes the page's control characters on: %q", r.stdout)
	}
}

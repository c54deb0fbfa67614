package source

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the WARC fixture files under testdata/")

// warcRecord builds one WARC/1.1 record around block, with the two CRLFs
// that end it.
func warcRecord(typ, uri, date, ctype, block string) string {
	var b strings.Builder
	b.WriteString("WARC/1.1\r\n")
	fmt.Fprintf(&b, "WARC-Type: %s\r\n", typ)
	fmt.Fprintf(&b, "WARC-Record-ID: <urn:uuid:%08x-0000-4000-8000-000000000000>\r\n", len(block)+len(uri))
	if uri != "" {
		fmt.Fprintf(&b, "WARC-Target-URI: %s\r\n", uri)
	}
	if date != "" {
		fmt.Fprintf(&b, "WARC-Date: %s\r\n", date)
	}
	if ctype != "" {
		fmt.Fprintf(&b, "Content-Type: %s\r\n", ctype)
	}
	fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n", len(block))
	b.WriteString(block)
	b.WriteString("\r\n\r\n")
	return b.String()
}

// httpResponse builds an HTTP response as a WARC response record holds it.
func httpResponse(status string, headers []string, body string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "HTTP/1.1 %s\r\n", status)
	for _, h := range headers {
		b.WriteString(h + "\r\n")
	}
	b.WriteString("\r\n")
	b.WriteString(body)
	return b.String()
}

// response is a WARC response record of an HTML page.
func response(uri, body string) string {
	return warcRecord("response", uri, "2026-03-05T10:11:12Z", "application/http; msgtype=response",
		httpResponse("200 OK", []string{"Content-Type: text/html; charset=utf-8", fmt.Sprintf("Content-Length: %d", len(body))}, body))
}

// gzipMembers compresses each part as its own gzip member, as CC-NEWS
// writes one member per record.
func gzipMembers(t testing.TB, parts ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	for _, p := range parts {
		zw := gzip.NewWriter(&buf)
		if _, err := zw.Write([]byte(p)); err != nil {
			t.Fatal(err)
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
	}
	return buf.Bytes()
}

func gzipBytes(t testing.TB, data []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(data)
	zw.Close()
	return buf.Bytes()
}

const (
	pageA = "<html><head><title>Ferry service to Skarholm resumes</title></head><body><p>The ferry to Skarholm resumed on Friday after a week of storms.</p></body></html>"
	pageB = "<html><body><article><p>Vellen growers count frost damage.</p></article></body></html>"
)

// got is an item or an error, flattened for comparison.
type got struct {
	name, url, ctype, data string
	err                    error
}

func collect(t *testing.T, ctx context.Context, inputs []string, opts Options) []got {
	t.Helper()
	var out []got
	for it, err := range Items(ctx, inputs, opts) {
		out = append(out, got{it.Name, it.URL, it.ContentType, string(it.Data), err})
		if len(out) > 1000 {
			t.Fatal("runaway iteration")
		}
	}
	return out
}

func TestWARCRecords(t *testing.T) {
	recA := response("https://ferries.example/skarholm", pageA)
	recB := response("https://growers.example/frost", pageB)
	info := warcRecord("warcinfo", "", "2026-03-05T10:00:00Z", "application/warc-fields", "software: invented-crawler/1.0\r\n")
	request := warcRecord("request", "https://ferries.example/skarholm", "", "application/http; msgtype=request", "GET /skarholm HTTP/1.1\r\nHost: ferries.example\r\n\r\n")
	notFound := warcRecord("response", "https://ferries.example/gone", "", "application/http; msgtype=response",
		httpResponse("404 Not Found", []string{"Content-Type: text/html"}, "<html><body>gone</body></html>"))
	image := warcRecord("response", "https://ferries.example/logo.png", "", "application/http; msgtype=response",
		httpResponse("200 OK", []string{"Content-Type: image/png"}, "\x89PNG\r\n\x1a\n"))
	sniffed := warcRecord("response", "https://ferries.example/plain", "", "application/http; msgtype=response",
		httpResponse("200 OK", nil, pageB))
	chunked := warcRecord("response", "https://ferries.example/chunked", "", "application/http; msgtype=response",
		httpResponse("200 OK", []string{"Content-Type: text/html", "Transfer-Encoding: chunked"},
			fmt.Sprintf("%x\r\n%s\r\n%x\r\n%s\r\n0\r\n\r\n", 20, pageA[:20], len(pageA)-20, pageA[20:])))
	gzBody := string(gzipBytes(t, []byte(pageB)))
	encoded := warcRecord("response", "https://growers.example/gz", "", "application/http; msgtype=response",
		httpResponse("200 OK", []string{"Content-Type: text/html", "Content-Encoding: gzip"}, gzBody))
	brotli := warcRecord("response", "https://growers.example/br", "", "application/http; msgtype=response",
		httpResponse("200 OK", []string{"Content-Type: text/html", "Content-Encoding: br"}, "\x0b\x02\x80"))
	bracketed := warcRecord("response", "<https://ferries.example/warc10>", "", "application/http; msgtype=response",
		httpResponse("200 OK", []string{"Content-Type: text/html"}, pageA))
	big := response("https://growers.example/big", "<html><body>"+strings.Repeat("<p>long long page</p>", 200)+"</body></html>")
	truncatedB := recB[:len(recB)-40]

	tests := []struct {
		name  string
		input string
		opts  Options
		want  []got // err compared with errors.Is; data compared in full
	}{
		{
			name:  "two responses with offsets",
			input: recA + recB,
			want: []got{
				{name: "-@0", url: "https://ferries.example/skarholm", ctype: "text/html; charset=utf-8", data: pageA},
				{name: fmt.Sprintf("-@%d", len(recA)), url: "https://growers.example/frost", ctype: "text/html; charset=utf-8", data: pageB},
			},
		},
		{
			name:  "warcinfo, request, 404 and image records skipped",
			input: info + request + notFound + image + recB,
			want:  []got{{name: fmt.Sprintf("-@%d", len(info)+len(request)+len(notFound)+len(image)), url: "https://growers.example/frost", ctype: "text/html; charset=utf-8", data: pageB}},
		},
		{
			name:  "missing Content-Type sniffed as HTML",
			input: sniffed,
			want:  []got{{name: "-@0", url: "https://ferries.example/plain", ctype: "text/html; charset=utf-8", data: pageB}},
		},
		{
			name:  "chunked transfer coding removed",
			input: chunked,
			want:  []got{{name: "-@0", url: "https://ferries.example/chunked", ctype: "text/html", data: pageA}},
		},
		{
			name:  "gzip content coding removed",
			input: encoded,
			want:  []got{{name: "-@0", url: "https://growers.example/gz", ctype: "text/html", data: pageB}},
		},
		{
			name: "codings declared but already removed",
			input: warcRecord("response", "https://growers.example/decoded", "", "application/http; msgtype=response",
				httpResponse("200 OK", []string{"Content-Type: text/html", "Transfer-Encoding: chunked", "Content-Encoding: gzip"}, pageB)),
			want: []got{{name: "-@0", url: "https://growers.example/decoded", ctype: "text/html", data: pageB}},
		},
		{
			name:  "unsupported content coding is an item error",
			input: brotli + recA,
			want: []got{
				{name: "-@0", err: errSome},
				{name: fmt.Sprintf("-@%d", len(brotli)), url: "https://ferries.example/skarholm", ctype: "text/html; charset=utf-8", data: pageA},
			},
		},
		{
			name: "HTML resource record kept, other resources skipped",
			input: warcRecord("resource", "file:///mirror/logo.png", "", "image/png", "\x89PNG\r\n") +
				warcRecord("resource", "file:///mirror/ferry.html", "2026-03-05T10:11:12Z", "text/html; charset=utf-8", pageA),
			want: []got{{name: fmt.Sprintf("-@%d", len(warcRecord("resource", "file:///mirror/logo.png", "", "image/png", "\x89PNG\r\n"))),
				url: "file:///mirror/ferry.html", ctype: "text/html; charset=utf-8", data: pageA}},
		},
		{
			name:  "WARC 1.0 angle brackets around the URI",
			input: bracketed,
			want:  []got{{name: "-@0", url: "https://ferries.example/warc10", ctype: "text/html", data: pageA}},
		},
		{
			name:  "oversized record skipped, next one read",
			input: big + recA,
			opts:  Options{MaxItemBytes: 1024},
			want: []got{
				{name: "-@0", err: ErrTooLarge},
				{name: fmt.Sprintf("-@%d", len(big)), url: "https://ferries.example/skarholm", ctype: "text/html; charset=utf-8", data: pageA},
			},
		},
		{
			name:  "truncated last record",
			input: recA + truncatedB,
			want: []got{
				{name: "-@0", url: "https://ferries.example/skarholm", ctype: "text/html; charset=utf-8", data: pageA},
				{name: fmt.Sprintf("-@%d", len(recA)), err: ErrTruncated},
			},
		},
		{
			name:  "truncated inside the header",
			input: recA + recB[:30],
			want: []got{
				{name: "-@0", url: "https://ferries.example/skarholm", ctype: "text/html; charset=utf-8", data: pageA},
				{name: fmt.Sprintf("-@%d", len(recA)), err: ErrTruncated},
			},
		},
		{
			name:  "garbage after a record stops the file",
			input: recA + "this is not a WARC record\r\n" + recB,
			want: []got{
				{name: "-@0", url: "https://ferries.example/skarholm", ctype: "text/html; charset=utf-8", data: pageA},
				{name: fmt.Sprintf("-@%d", len(recA)), err: errFraming},
			},
		},
		{
			name:  "huge Content-Length on a short file",
			input: "WARC/1.1\r\nWARC-Type: response\r\nContent-Type: application/http\r\nContent-Length: 9000000000000000000\r\n\r\nshort",
			want:  []got{{name: "-@0", err: ErrTruncated}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, gz := range []bool{false, true} {
				input := []byte(tc.input)
				if gz {
					// One member for the whole file: offsets are then
					// those of the member, all 0.
					input = gzipBytes(t, input)
				}
				opts := tc.opts
				opts.Stdin = bytes.NewReader(input)
				out := collect(t, context.Background(), []string{"-"}, opts)
				want := tc.want
				if gz {
					want = append([]got(nil), tc.want...)
					for i := range want {
						want[i].name = "-@0"
					}
				}
				compare(t, fmt.Sprintf("gzip=%v", gz), out, want)
			}
		})
	}
}

// errSome stands for any error in a want list.
var errSome = errors.New("any error")

func compare(t *testing.T, label string, out, want []got) {
	t.Helper()
	if len(out) != len(want) {
		t.Errorf("%s: got %d items, want %d:\n%s", label, len(out), len(want), dump(out))
		return
	}
	for i := range want {
		g, w := out[i], want[i]
		switch {
		case w.err == nil && g.err != nil:
			t.Errorf("%s: item %d: unexpected error %v", label, i, g.err)
		case w.err != nil && g.err == nil:
			t.Errorf("%s: item %d: got item %q, want error %v", label, i, g.name, w.err)
		case w.err != nil && w.err != errSome && !errors.Is(g.err, w.err):
			t.Errorf("%s: item %d: error %v, want %v", label, i, g.err, w.err)
		}
		if w.err != nil && g.err != nil && !strings.Contains(g.err.Error(), inputOf(g.name)) {
			t.Errorf("%s: item %d: error %q does not name the input", label, i, g.err)
		}
		g.err, w.err = nil, nil
		if g != w {
			t.Errorf("%s: item %d:\n got %+v\nwant %+v", label, i, g, w)
		}
	}
}

// inputOf strips a record offset or entry number from an item name.
func inputOf(name string) string {
	if i := strings.LastIndexAny(name, "@#"); i > 0 && strings.Trim(name[i+1:], "0123456789") == "" {
		return name[:i]
	}
	return name
}

func dump(out []got) string {
	var b strings.Builder
	for _, g := range out {
		fmt.Fprintf(&b, "  %s %s %q err=%v\n", g.name, g.url, clip([]byte(g.data), 40), g.err)
	}
	return b.String()
}

// TestWARCMembers checks the CC-NEWS layout, one gzip member per record:
// names carry member offsets, and a damaged member costs only itself.
func TestWARCMembers(t *testing.T) {
	info := warcRecord("warcinfo", "", "", "application/warc-fields", "software: invented-crawler/1.0\r\n")
	recA := response("https://ferries.example/skarholm", pageA)
	recB := response("https://growers.example/frost", pageB)
	m0 := gzipMembers(t, info)
	m1 := gzipMembers(t, recA)
	m2 := gzipMembers(t, recB[:len(recB)-30]) // truncated inside a whole member
	m3 := gzipMembers(t, recB)
	m4 := gzipMembers(t, recA)
	cut := m4[:len(m4)/2] // a member cut short: the file ends mid-stream

	input := bytes.Join([][]byte{m0, m1, m2, m3, cut}, nil)
	out := collect(t, context.Background(), []string{"-"}, Options{Stdin: bytes.NewReader(input)})
	off1 := len(m0)
	off2 := off1 + len(m1)
	off3 := off2 + len(m2)
	off4 := off3 + len(m3)
	want := []got{
		{name: fmt.Sprintf("-@%d", off1), url: "https://ferries.example/skarholm", ctype: "text/html; charset=utf-8", data: pageA},
		{name: fmt.Sprintf("-@%d", off2), err: ErrTruncated},
		{name: fmt.Sprintf("-@%d", off3), url: "https://growers.example/frost", ctype: "text/html; charset=utf-8", data: pageB},
		{name: fmt.Sprintf("-@%d", off4), err: errSome},
	}
	compare(t, "members", out, want)
	for _, g := range out {
		if g.err != nil && !strings.Contains(g.err.Error(), "offset") {
			t.Errorf("error %q does not give the offset", g.err)
		}
	}
}

// TestWARCFixture reads the committed .warc.gz fixture; -update rewrites it.
func TestWARCFixture(t *testing.T) {
	path := filepath.Join("testdata", "crawl.warc.gz")
	if *update {
		recs := []string{
			warcRecord("warcinfo", "", "2026-03-05T10:00:00Z", "application/warc-fields", "software: invented-crawler/1.0\r\nformat: WARC File Format 1.1\r\n"),
			warcRecord("request", "https://ledger.example/business/harbour-strike", "2026-03-05T10:00:01Z", "application/http; msgtype=request", "GET /business/harbour-strike HTTP/1.1\r\nHost: ledger.example\r\n\r\n"),
			response("https://ledger.example/business/harbour-strike", readFile(t, "testdata/pages/harbour-strike.html")),
			warcRecord("response", "https://ledger.example/img/logo.png", "2026-03-05T10:00:02Z", "application/http; msgtype=response",
				httpResponse("200 OK", []string{"Content-Type: image/png"}, readFile(t, "testdata/pages/logo.png"))),
			warcRecord("response", "https://ledger.example/old-url", "2026-03-05T10:00:03Z", "application/http; msgtype=response",
				httpResponse("301 Moved Permanently", []string{"Location: https://ledger.example/local/ashby-footbridge"}, "")),
			warcRecord("metadata", "https://ledger.example/business/harbour-strike", "2026-03-05T10:00:04Z", "application/warc-fields", "fetchTimeMs: 120\r\n"),
			response("https://ledger.example/local/ashby-footbridge", gunzipFile(t, "testdata/pages/regional/council-vote.html.gz")),
		}
		if err := os.WriteFile(path, gzipMembers(t, recs...), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var items []Item
	for it, err := range Items(context.Background(), []string{path}, Options{}) {
		if err != nil {
			t.Fatalf("unexpected error: %v", err)
		}
		items = append(items, it)
	}
	if len(items) != 2 {
		t.Fatalf("got %d items, want the 2 HTML responses", len(items))
	}
	wantURLs := []string{"https://ledger.example/business/harbour-strike", "https://ledger.example/local/ashby-footbridge"}
	wantText := []string{"Port Calloway", "footbridge"}
	for i, it := range items {
		if it.URL != wantURLs[i] {
			t.Errorf("item %d: URL %q, want %q", i, it.URL, wantURLs[i])
		}
		if !bytes.Contains(it.Data, []byte(wantText[i])) || bytes.HasPrefix(it.Data, []byte("HTTP/")) {
			t.Errorf("item %d: data is not the page: %q", i, clip(it.Data, 60))
		}
		if !it.Fetched.Equal(time.Date(2026, 3, 5, 10, 11, 12, 0, time.UTC)) {
			t.Errorf("item %d: Fetched %v, want the WARC-Date", i, it.Fetched)
		}
		if !it.Published.IsZero() {
			t.Errorf("item %d: Published %v: a WARC-Date is not a publication time", i, it.Published)
		}
		if !strings.HasPrefix(it.Name, path+"@") || it.Name == path+"@0" {
			t.Errorf("item %d: name %q, want %s@<member offset>", i, it.Name, path)
		}
	}
}

func readFile(t testing.TB, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func gunzipFile(t testing.TB, path string) string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	data, err := readLimited(zr, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// FuzzWARC feeds arbitrary bytes, plain and gzip, to the WARC path: no
// panic, no hang, no item over the limit, every error named.
func FuzzWARC(f *testing.F) {
	recA := response("https://ferries.example/skarholm", pageA)
	recB := response("https://growers.example/frost", pageB)
	chunked := warcRecord("response", "https://ferries.example/chunked", "", "application/http; msgtype=response",
		httpResponse("200 OK", []string{"Content-Type: text/html", "Transfer-Encoding: chunked"}, "5\r\nhello\r\n0\r\n\r\n"))
	f.Add([]byte(recA + recB))
	f.Add([]byte(recA[:len(recA)/2]))
	f.Add([]byte(chunked))
	f.Add(gzipMembers(f, recA, recB))
	f.Add(gzipMembers(f, recA, recB[:50]))
	const limit = 1 << 12
	f.Fuzz(func(t *testing.T, data []byte) {
		opts := Options{MaxItemBytes: limit, Stdin: bytes.NewReader(data)}
		n := 0
		for it, err := range Items(context.Background(), []string{"-"}, opts) {
			n++
			if n > len(data)+2 {
				t.Fatalf("%d items from %d bytes", n, len(data))
			}
			if err != nil {
				if !strings.HasPrefix(it.Name, "-") || !strings.Contains(err.Error(), "-") {
					t.Fatalf("error %q (item %q) does not name the input", err, it.Name)
				}
				continue
			}
			if int64(len(it.Data)) > limit {
				t.Fatalf("item of %d bytes over the %d limit", len(it.Data), limit)
			}
		}
	})
}

// FuzzResponse feeds arbitrary bytes to the HTTP response parser inside
// WARC response records, which the framing fuzzer rarely reaches intact.
func FuzzResponse(f *testing.F) {
	f.Add([]byte(httpResponse("200 OK", []string{"Content-Type: text/html"}, pageA)))
	f.Add([]byte(httpResponse("200 OK", []string{"Content-Type: text/html", "Transfer-Encoding: chunked"}, "5\r\nhello\r\n0\r\n\r\n")))
	f.Add([]byte(httpResponse("200 OK", []string{"Content-Type: text/html", "Content-Encoding: gzip"}, string(gzipBytes(f, []byte(pageB))))))
	f.Add([]byte(httpResponse("301 Moved", []string{"Location: /x"}, "")))
	const limit = 1 << 12
	f.Fuzz(func(t *testing.T, block []byte) {
		it, keep, err := responseItem(recordHeader{targetURI: "https://x.example/"}, block, limit)
		if err == nil && keep && int64(len(it.Data)) > max(limit, int64(len(block))) {
			t.Fatalf("item of %d bytes from a %d-byte block", len(it.Data), len(block))
		}
	})
}

// TestWARCDamagedMember checks that a corrupt gzip member in the middle of
// a .warc.gz costs its own record only: reading resumes at the next member
// header, and garbage at the end of the file is an error, not a hang.
func TestWARCDamagedMember(t *testing.T) {
	recA := response("https://ferries.example/skarholm", pageA)
	recB := response("https://growers.example/frost", pageB)
	mA := gzipMembers(t, recA)
	mB := gzipMembers(t, recB)
	// Overwrite the middle of B's deflate data (past its 10-byte header,
	// before its 8-byte trailer).
	for i := 20; i < len(mB)-20; i++ {
		mB[i] = byte(i * 7)
	}
	mC := gzipMembers(t, recB)
	input := bytes.Join([][]byte{mA, mB, mC, []byte("\x00\x00garbage")}, nil)

	var items, errs []got
	for it, err := range Items(context.Background(), []string{"-"}, Options{Stdin: bytes.NewReader(input)}) {
		g := got{name: it.Name, url: it.URL, data: string(it.Data), err: err}
		if err != nil {
			errs = append(errs, g)
			if !strings.Contains(err.Error(), "offset") {
				t.Errorf("error %q does not give the offset", err)
			}
			continue
		}
		items = append(items, g)
	}
	wantItems := []string{"-@0 https://ferries.example/skarholm", fmt.Sprintf("-@%d https://growers.example/frost", len(mA)+len(mB))}
	var gotItems []string
	for _, g := range items {
		gotItems = append(gotItems, g.name+" "+g.url)
	}
	if strings.Join(gotItems, "\n") != strings.Join(wantItems, "\n") {
		t.Errorf("items:\n%s\nwant:\n%s\nerrors:\n%s", strings.Join(gotItems, "\n"), strings.Join(wantItems, "\n"), dump(errs))
	}
	if len(errs) == 0 || errs[0].name != fmt.Sprintf("-@%d", len(mA)) {
		t.Errorf("want the first error at the damaged member -@%d, got:\n%s", len(mA), dump(errs))
	}
	if last := errs[len(errs)-1].name; last != fmt.Sprintf("-@%d", len(mA)+len(mB)+len(mC)) {
		t.Errorf("want the last error at the trailing garbage, got:\n%s", dump(errs))
	}
}

package extract

import (
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wiretrace/wiretrace/internal/sharedtest"
)

// BenchmarkPage runs the whole pipeline (charset, parse, metadata, body,
// comments) on the body benchmark's synthetic page, to compare with
// BenchmarkHTMLBodyParse: the difference is the cost of everything but the
// body.
func BenchmarkPage(b *testing.B) {
	page := []byte(bodyBenchPage())
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Page(page, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPageText runs the text-dump path on a dump of realistic size:
// a header, a 30-paragraph story, 60 comments with vote lines and a list
// of related headlines.
func BenchmarkPageText(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("Example Gazette\nHome | World | Sport\n\nHarbour town votes to keep its lighthouse lit\n\nPORTHAVEN\n\n")
	for i := 0; i < 30; i++ {
		sb.WriteString("The town council voted on Tuesday to keep paying for the lighthouse, which the coast guard stopped using in 2019, officials said.\n\n")
	}
	sb.WriteString("© Example Wire 2025.\n\n60 Comments\nLogin to comment\n\n")
	for i := 0; i < 60; i++ {
		sb.WriteString("Good decision, it is part of who we are and it should stay.\n\n+5 ( +6 / -1 )\n\n")
	}
	for i := 0; i < 20; i++ {
		sb.WriteString("Fishing Quotas Cut Again for the Spring\nExample Blog\n")
	}
	page := []byte(sb.String())
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Page(page, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPageCorpus runs Page over the 181 pages of the shared
// extraction benchmark (../shared/eval/extraction), decompressed
// beforehand; pages/s is b.N*181 over the time.
func BenchmarkPageCorpus(b *testing.B) {
	dir := sharedtest.Dir(b, "eval", "extraction", "html")
	files, err := filepath.Glob(filepath.Join(dir, "*.html.gz"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no pages in %s (%v)", dir, err)
	}
	var pages [][]byte
	var size int64
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			b.Fatal(err)
		}
		zr, err := gzip.NewReader(fh)
		if err != nil {
			b.Fatal(err)
		}
		data, err := io.ReadAll(zr)
		fh.Close()
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, data)
		size += int64(len(data))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range pages {
			if _, err := Page(p, Options{}); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.N*len(pages))/b.Elapsed().Seconds(), "pages/s")
}

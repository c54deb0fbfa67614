package source

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// BenchmarkWARC reads a gzip WARC file of 1,000 HTML responses of about
// 20 KB, one member per record as in CC-NEWS; compare runs with benchstat.
func BenchmarkWARC(b *testing.B) {
	page := "<html><body>" + strings.Repeat("<p>The ferry to Skarholm resumed on Friday after a week of storms.</p>", 280) + "</body></html>"
	recs := make([]string, 1000)
	for i := range recs {
		recs[i] = response("https://ferries.example/skarholm", page)
	}
	data := gzipMembers(b, recs...)
	b.SetBytes(int64(len(recs) * len(page)))
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for _, err := range Items(context.Background(), []string{"-"}, Options{Stdin: bytes.NewReader(data)}) {
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != len(recs) {
			b.Fatalf("read %d records, want %d", n, len(recs))
		}
	}
}

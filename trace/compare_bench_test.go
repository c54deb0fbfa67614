package trace

import (
	"fmt"
	"testing"

	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/examples"
	"github.com/wiretrace/wiretrace/textproc"
)

// benchPair builds a 40-sentence source and a 40-sentence rewrite from the
// example families: the rewrite pages (reworded, padded) against their
// originals, repeated with the family name in each paragraph so that
// repeats stay distinct sentences.
func benchPair(b *testing.B) (src, der *article.Article) {
	b.Helper()
	fams, err := examples.Families()
	if err != nil {
		b.Fatal(err)
	}
	src, der = &article.Article{Title: "bench source"}, &article.Article{Title: "bench rewrite"}
	count := func(a *article.Article) int { return len(textproc.Analyze(a).Sentences) }
	for round := 0; count(src) < 40 || count(der) < 40; round++ {
		for _, fam := range fams {
			var orig, rw *article.Article
			for _, f := range fam.Files {
				switch f.Role {
				case "original":
					orig = loadExample(b, f)
				case "rewrite":
					rw = loadExample(b, f)
				}
			}
			tag := fmt.Sprintf(" (part %d)", round)
			for _, p := range orig.Paragraphs {
				if count(src) < 40 {
					src.Paragraphs = append(src.Paragraphs, p+tag)
				}
			}
			for _, p := range rw.Paragraphs {
				if count(der) < 40 {
					der.Paragraphs = append(der.Paragraphs, p+tag)
				}
			}
		}
	}
	return src, der
}

// BenchmarkCompare measures Compare on a pair of 40-sentence articles
// (target: at most 3 ms per pair on one core).
func BenchmarkCompare(b *testing.B) {
	src, der := benchPair(b)
	var r Report
	for b.Loop() {
		r = Compare(src, der, Options{})
	}
	b.ReportMetric(float64(len(r.A.Sentences)), "src-sentences")
	b.ReportMetric(float64(len(r.B.Sentences)), "derived-sentences")
}

// BenchmarkAssess measures the relation's evidence for the 40-sentence
// pair of BenchmarkCompare, analysis excluded: alignment, rescue and the
// shared-content measures.
func BenchmarkAssess(b *testing.B) {
	src, der := benchPair(b)
	da, db := textproc.Analyze(src), textproc.Analyze(der)
	b.ReportAllocs()
	for b.Loop() {
		as := assess(da, db, Options{})
		as.evidence(src, der, da, db)
	}
}

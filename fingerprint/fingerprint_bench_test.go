package fingerprint

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/wiretrace/wiretrace/article"
)

func BenchmarkOf(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 1))
	var paras []string
	for range 10 {
		paras = append(paras, strings.Join(randomWords(r, 55, 30000), " ")+".")
	}
	a := &article.Article{Title: "A title of the story", Paragraphs: paras}
	b.ReportAllocs()
	for b.Loop() {
		Of(a, Options{})
	}
}

func BenchmarkSignature(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 1))
	sh := Shingles(randomWords(r, 550, 30000))
	for b.Loop() {
		Signature(sh)
	}
}

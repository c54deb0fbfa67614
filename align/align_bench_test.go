package align

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/textproc"
)

// benchWords is an invented news vocabulary for synthetic articles.
var benchWords = strings.Fields(`council budget harbour district approved Monday plan buses routes
residents service years mayor Elena Varga said officials transport ministry funding million
percent increase bridge repairs contract company Nordhavn Logistics signed agreement workers
union strike talks wages inflation rising costs fuel prices ferry schedule delays winter storm
coast guard rescued fishermen vessel engine failure hospital treated injuries police arrested
suspect theft warehouse court hearing Tuesday judge ruled appeal lawyers statement spokesperson
election campaign candidate votes poll survey support opposition party leader criticised decision
housing rents tenants shortage construction permits apartments developers investment bank loans
interest rates central bank economy growth quarter exports shipping port container terminal`)

// benchDocs builds a synthetic n-sentence source and a rewrite of it, with
// word frequencies shaped like news text: a third of the words are function
// words, the rest drawn from a topic list and a long tail of rarer words (a
// Zipf law over 5,000 invented ones). The rewrite shuffles the sentences,
// replaces a third of the words of three in four, and replaces every fourth
// sentence with an unrelated one (padding).
func benchDocs(n int) (*textproc.Doc, *textproc.Doc) {
	r := rand.New(rand.NewPCG(1, 2))
	zipf := rand.NewZipf(r, 1.1, 2, 4999)
	function := strings.Fields("the of to a in and that for on with said was by as at from its is has")
	word := func() string {
		switch x := r.IntN(10); {
		case x < 3:
			return function[r.IntN(len(function))]
		case x < 5:
			return benchWords[r.IntN(len(benchWords))]
		default:
			return fmt.Sprintf("w%dx", zipf.Uint64())
		}
	}
	join := func(w []string) string {
		s := strings.Join(w, " ") + "."
		return strings.ToUpper(s[:1]) + s[1:]
	}
	sentence := func() []string {
		w := make([]string, 18+r.IntN(12))
		for k := range w {
			w[k] = word()
		}
		w[len(w)/2] += ","
		return w
	}
	var src, der []string
	for i := 0; i < n; i++ {
		w := sentence()
		src = append(src, join(w))
		if i%4 != 3 {
			for k := range w {
				if r.IntN(3) == 0 {
					w[k] = word()
				}
			}
			der = append(der, join(w))
		} else {
			der = append(der, join(sentence()))
		}
	}
	r.Shuffle(len(der), func(i, j int) { der[i], der[j] = der[j], der[i] })
	para := func(ss []string) []string {
		var ps []string
		for k := 0; k < len(ss); k += 4 {
			ps = append(ps, strings.Join(ss[k:min(k+4, len(ss))], " "))
		}
		return ps
	}
	return textproc.Analyze(&article.Article{Paragraphs: para(src)}),
		textproc.Analyze(&article.Article{Paragraphs: para(der)})
}

// BenchmarkScore measures one sentence-pair score inside a prepared Context
// (the inner loop of Align).
func BenchmarkScore(b *testing.B) {
	src, der := benchDocs(40)
	ctx := NewContext(src, der, Fallback)
	sim := Lexical{}
	b.ReportAllocs()
	b.ResetTimer()
	for k := 0; b.Loop(); k++ {
		sim.Score(&src.Sentences[k%len(src.Sentences)], &der.Sentences[(k/7)%len(der.Sentences)], ctx)
	}
}

// BenchmarkNewContext measures preparing a 40-sentence pair.
func BenchmarkNewContext(b *testing.B) {
	src, der := benchDocs(40)
	b.ReportAllocs()
	for b.Loop() {
		NewContext(src, der, Fallback)
	}
}

// BenchmarkAlign40 measures Align on a 40-sentence pair (analysis
// excluded): the share of Compare's 2 ms budget that alignment takes.
func BenchmarkAlign40(b *testing.B) {
	src, der := benchDocs(40)
	if len(src.Sentences) != 40 || len(der.Sentences) != 40 {
		b.Fatalf("bench docs have %d and %d sentences, want 40", len(src.Sentences), len(der.Sentences))
	}
	b.ReportAllocs()
	for b.Loop() {
		Align(src, der, Options{})
	}
}

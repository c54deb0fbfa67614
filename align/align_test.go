package align

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/textproc"
)

func doc(paras ...string) *textproc.Doc {
	return textproc.Analyze(&article.Article{Paragraphs: paras})
}

// noSynonyms is a thesaurus that knows none.
var noSynonyms = Thesauri{}

func TestScorePairOrdering(t *testing.T) {
	// Each row: a base sentence, a variant that should score higher, and
	// one that should score lower. The sentences are invented.
	for _, tc := range []struct {
		name, base, better, worse string
	}{
		{"same words beat a paraphrase",
			"The council approved the harbour budget on Monday.",
			"The council approved the harbour budget on Monday.",
			"On Monday, councillors signed off on spending for the port district."},
		{"spelling variant is nearly the same word",
			"National Security Adviser Ana Ruiz met the delegation.",
			"National Security Advisor Ana Ruiz met the delegation.",
			"National Security Official Ana Ruiz met the delegation."},
		{"agreeing numbers beat clashing ones",
			"The company reported a profit of $2.5 billion for the quarter.",
			"The company reported quarterly profit of $2.5 billion.",
			"The company reported quarterly profit of $7.1 billion."},
		{"negation clash lowers the score",
			"The minister attended the summit in Geneva.",
			"The minister was at the summit in Geneva.",
			"The minister did not attend the summit in Geneva."},
		{"related beats unrelated",
			"Tokyo is undertaking a historic expansion of its navy.",
			"Tokyo's navy is growing at a historic pace.",
			"Heavy rain flooded several roads in the capital."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := ScorePair(tc.base, tc.better, Options{})
			w := ScorePair(tc.base, tc.worse, Options{})
			if b <= w {
				t.Errorf("better %.3f <= worse %.3f", b, w)
			}
			for _, s := range []float64{b, w} {
				if s < 0 || s > 1 {
					t.Errorf("score %v out of [0,1]", s)
				}
			}
		})
	}
}

func TestSynonymsRaiseScore(t *testing.T) {
	a := "Japan will strengthen its defense capabilities."
	b := "Japan will bolster its defense capabilities."
	with := ScorePair(a, b, Options{Thesaurus: Fallback})
	without := ScorePair(a, b, Options{Thesaurus: noSynonyms})
	if with <= without {
		t.Errorf("with synonyms %.3f, without %.3f: synonyms should count", with, without)
	}
}

func TestAlignCases(t *testing.T) {
	src := doc(
		"The harbour council approved a budget of $40 million on Monday, Mayor Elena Varga said.",
		"The plan adds 40 electric buses to the northern routes. Residents had asked for better service for years.",
		"Work on the new ferry terminal will begin in March, according to the port authority.",
	)
	t.Run("verbatim copy", func(t *testing.T) {
		al := Align(src, src, Options{})
		if len(al.Pairs) != len(src.Sentences) {
			t.Fatalf("got %d pairs, want %d: %+v", len(al.Pairs), len(src.Sentences), al.Pairs)
		}
		for k, p := range al.Pairs {
			if p.Kind != Verbatim || !slices.Equal(p.Source, []int{k}) || !slices.Equal(p.Derived, []int{k}) {
				t.Errorf("pair %d = %+v, want verbatim %d-%d", k, p, k, k)
			}
		}
		if al.SourceCoverage() != 1 || al.DerivedSupport() != 1 {
			t.Errorf("coverage %.2f support %.2f, want 1", al.SourceCoverage(), al.DerivedSupport())
		}
	})
	t.Run("reordered, edited, padded", func(t *testing.T) {
		der := doc(
			"Work on the new ferry terminal will start in March, the port authority said.",
			"The harbour council on Monday approved a $40 million budget, Mayor Elena Varga said.",
			"Experts agree that sustainable mobility is the future of every modern city.",
		)
		al := Align(src, der, Options{})
		want := map[int]int{0: 1, 3: 0} // source sentence -> derived
		for i, j := range want {
			found := false
			for _, p := range al.Pairs {
				if slices.Contains(p.Source, i) && slices.Contains(p.Derived, j) {
					found = true
				}
			}
			if !found {
				t.Errorf("source %d not aligned with derived %d: %+v", i, j, al.Pairs)
			}
		}
		if u := al.Unsupported(); !slices.Equal(u, []int{2}) {
			t.Errorf("unsupported %v, want [2]", u)
		}
		if o := al.Omitted(); !slices.Equal(o, []int{1, 2}) {
			t.Errorf("omitted %v, want [1 2]", o)
		}
	})
	t.Run("split sentence", func(t *testing.T) {
		der := doc("The harbour council approved a budget of $40 million on Monday. Mayor Elena Varga announced the decision.")
		al := Align(src, der, Options{})
		if len(al.Pairs) == 0 || !slices.Contains(al.Pairs[0].Source, 0) {
			t.Fatalf("pairs %+v: want source 0 aligned", al.Pairs)
		}
	})
	t.Run("two sentences merged into one", func(t *testing.T) {
		src := doc("The ferry terminal will close for repairs. Work starts in March and lasts six weeks.")
		der := doc("The ferry terminal will close for six weeks of repairs starting in March.")
		al := Align(src, der, Options{})
		if len(al.Pairs) != 1 || !slices.Equal(al.Pairs[0].Source, []int{0, 1}) || !slices.Equal(al.Pairs[0].Derived, []int{0}) {
			t.Errorf("pairs %+v, want sources [0 1] merged into derived [0]", al.Pairs)
		}
	})
	t.Run("empty documents", func(t *testing.T) {
		al := Align(&textproc.Doc{}, src, Options{})
		if len(al.Pairs) != 0 || al.SourceCoverage() != 0 || len(al.Unsupported()) != len(src.Sentences) {
			t.Errorf("empty source: %+v", al)
		}
		al = Align(src, &textproc.Doc{}, Options{})
		if len(al.Pairs) != 0 || al.DerivedSupport() != 0 || len(al.Omitted()) != len(src.Sentences) {
			t.Errorf("empty derived: %+v", al)
		}
	})
}

func TestKinds(t *testing.T) {
	src := doc("Police arrested two men after a robbery at a jewellery shop in the old town on Friday night.")
	for _, tc := range []struct {
		name, text string
		want       Kind
	}{
		{"verbatim", "Police arrested two men after a robbery at a jewellery shop in the old town on Friday night.", Verbatim},
		{"edited", "Police arrested two men after a robbery at a jewellery shop in the old town late on Friday.", Edited},
		{"paraphrase", "Two men were detained by officers on Friday night following a jewellery shop robbery in the old town.", Paraphrase},
	} {
		t.Run(tc.name, func(t *testing.T) {
			al := Align(src, doc(tc.text), Options{})
			if len(al.Pairs) != 1 || al.Pairs[0].Kind != tc.want {
				t.Errorf("pairs %+v, want one %s pair (best score %.3f)", al.Pairs, tc.want, al.DerivedBest[0])
			}
		})
	}
}

// TestAlignConcurrent runs Align on shared documents from several
// goroutines: Align must not write to its inputs (run with -race).
func TestAlignConcurrent(t *testing.T) {
	src := doc("The harbour council approved a budget of $40 million on Monday, Mayor Elena Varga said. Work will begin in March.")
	der := doc("Work will start in March. On Monday the harbour council, Mayor Elena Varga said, approved a $40 million budget.")
	want := Align(src, der, Options{})
	done := make(chan Alignment)
	for range 4 {
		go func() { done <- Align(src, der, Options{}) }()
	}
	for range 4 {
		if got := <-done; len(got.Pairs) != len(want.Pairs) {
			t.Errorf("concurrent Align gave %d pairs, want %d", len(got.Pairs), len(want.Pairs))
		}
	}
}

// delegating is a Similarity other than Lexical (as a sentence-embedding
// model would be) that scores like Lexical and records the clause texts it
// is handed.
type delegating struct{ seen map[string]bool }

func (d delegating) Score(a, b *textproc.Sentence, ctx *Context) float64 {
	d.seen[a.Text], d.seen[b.Text] = true, true
	return Lexical{}.Score(a, b, ctx)
}

func TestOtherSimilarityGetsClauses(t *testing.T) {
	src := doc("The minister said the country had no choice but to expand its fleet, ministry spokesperson Karin Lund told a news conference in Bergen.")
	der := doc("Officials stressed that a larger fleet was essential. The statement came from ministry spokesperson Karin Lund, speaking to reporters.")
	d := delegating{seen: map[string]bool{}}
	got := Align(src, der, Options{Similarity: d})
	want := Align(src, der, Options{})
	if len(got.Pairs) != len(want.Pairs) {
		t.Fatalf("pairs %+v with another similarity, %+v with Lexical", got.Pairs, want.Pairs)
	}
	for k := range got.Pairs {
		if !slices.Equal(got.Pairs[k].Source, want.Pairs[k].Source) || !slices.Equal(got.Pairs[k].Derived, want.Pairs[k].Derived) {
			t.Errorf("pair %d: %+v, want %+v", k, got.Pairs[k], want.Pairs[k])
		}
	}
	clause := false
	for text := range d.seen {
		for _, s := range append(src.Sentences, der.Sentences...) {
			if text != s.Text && strings.Contains(s.Text, text) {
				clause = true
			}
		}
	}
	if !clause {
		t.Errorf("the similarity saw no clause, only %v", d.seen)
	}
}

// TestAlignRecycledContexts checks that Align gives the same alignment
// whatever Context it recycles: pairs of different sizes are aligned
// once each on fresh Contexts, then many times over in parallel and in
// turn (so that each reuses arrays, maps and matchers another pair
// filled), and every result must equal the first.
func TestAlignRecycledContexts(t *testing.T) {
	type pair struct{ src, der *textproc.Doc }
	var pairs []pair
	for _, n := range []int{3, 12, 40, 25} {
		src, der := benchDocs(n)
		pairs = append(pairs, pair{src, der}, pair{der, src})
	}
	want := make([]Alignment, len(pairs))
	for k, p := range pairs {
		want[k] = Align(p.src, p.der, Options{})
	}
	done := make(chan error)
	for w := 0; w < 4; w++ {
		go func() {
			var err error
			for round := 0; round < 5 && err == nil; round++ {
				for k := range pairs {
					k := (k + w + round) % len(pairs)
					got := Align(pairs[k].src, pairs[k].der, Options{})
					if !reflect.DeepEqual(got, want[k]) {
						err = fmt.Errorf("pair %d, round %d: alignment differs from the first one", k, round)
						break
					}
				}
			}
			done <- err
		}()
	}
	for w := 0; w < 4; w++ {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}

package benchindex

import (
	"reflect"
	"strings"
	"testing"

	"github.com/wiretrace/wiretrace/fingerprint"
	"github.com/wiretrace/wiretrace/textproc"
)

func shingles(paras []string) []uint64 {
	return fingerprint.Shingles(textproc.Words(strings.Join(paras, "\n")))
}

func TestCorpus(t *testing.T) {
	c := Corpus{Seed: 7}
	a1, _, _ := c.Article(123)
	a2, _, _ := c.Article(123)
	if !reflect.DeepEqual(a1, a2) {
		t.Fatal("article 123 differs between two calls")
	}
	if b, _, _ := (Corpus{Seed: 8}).Article(123); reflect.DeepEqual(a1, b) {
		t.Fatal("seeds 7 and 8 give the same article")
	}
	n := 2000
	if raceEnabled {
		n = 600
	}
	counts := map[Kind]int{}
	var editJ []float64
	for i := range n {
		a, kind, of := c.Article(i)
		counts[kind]++
		words := len(strings.Fields(a.Text()))
		if kind == Original && (words < 300 || words > 830) {
			t.Errorf("article %d has %d words, want 300-800", i, words)
		}
		if kind == Original {
			if of != -1 {
				t.Errorf("original %d has origin %d", i, of)
			}
			continue
		}
		orig, okind, _ := c.Article(of)
		if okind != Original || of >= i {
			t.Errorf("derived %d comes from %d (%s)", i, of, okind)
		}
		j := fingerprint.Jaccard(shingles(orig.Paragraphs), shingles(a.Paragraphs))
		switch kind {
		case Copy:
			if j != 1 {
				t.Errorf("copy %d has Jaccard %.2f", i, j)
			}
		case Edited:
			editJ = append(editJ, j)
			if j < 0.45 || j > 0.95 {
				t.Errorf("edited %d has Jaccard %.2f, want 0.5-0.9", i, j)
			}
		case Rewrite:
			if j > 0.25 {
				t.Errorf("rewrite %d has Jaccard %.2f, want a paraphrase's low overlap", i, j)
			}
		}
	}
	derived := n - counts[Original]
	if derived < n*3/100 || derived > n*7/100 {
		t.Errorf("%d derived articles of %d, want about 5%%", derived, n)
	}
	t.Logf("kinds %v; edited Jaccard %v", counts, editJ)
}

func BenchmarkArticle(b *testing.B) {
	c := Corpus{Seed: 1}
	i := 0
	for b.Loop() {
		c.Article(i)
		i++
	}
}

// TestFamiliesTogether checks that the sample holds every kind of derived
// article, about as many as asked, each asked about with its original.
func TestFamiliesTogether(t *testing.T) {
	c := Corpus{Seed: 7}
	asked := 0
	together := func(id, orig string) bool {
		asked++
		return id != orig && asked%2 == 0
	}
	got := c.FamiliesTogether(20000, 300, together)
	total, in := 0, 0
	for _, k := range got {
		if k.Of == 0 {
			t.Errorf("no %s article looked at", k.Kind)
		}
		total += k.Of
		in += k.In
	}
	if total < 200 || total > 400 || total != asked {
		t.Errorf("looked at %d derived articles (asked %d), want about 300", total, asked)
	}
	if in != asked/2 {
		t.Errorf("%d together, want %d", in, asked/2)
	}
}

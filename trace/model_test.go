package trace

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/wiretrace/wiretrace/align"
	"github.com/wiretrace/wiretrace/article"
)

func TestModelScores(t *testing.T) {
	m := Model{Bias: -1, W: []float64{2}}
	if got := m.Score([]float64{0.5, 99}); math.Abs(got-0.5) > 1e-9 {
		t.Errorf("logistic score %.3f, want 0.5 (features past W weigh nothing)", got)
	}
	s := Trees{Bias: 0.5, Trees: []Tree{
		{Feature: 1, Threshold: 0.3, Left: -1, Right: 1},
		{Feature: 0, Threshold: 5, Left: 2, Above: &Tree{Feature: 1, Threshold: 0.25, Left: -3, Right: 3}},
	}}
	for _, tc := range []struct {
		x    []float64
		want float64
	}{
		{[]float64{9, 0.2}, 0.5 - 1 - 3},
		{[]float64{9, 0.3}, 0.5 + 1 + 3},
		{[]float64{1, 0.2}, 0.5 - 1 + 2},
	} {
		if got := s.Score(tc.x); math.Abs(got-1/(1+math.Exp(-tc.want))) > 1e-9 {
			t.Errorf("trees score of %v = %.3f, want log-odds %.1f", tc.x, got, tc.want)
		}
	}
}

func TestOrder(t *testing.T) {
	pair := func(src int) align.Pair { return align.Pair{Source: []int{src}, Derived: []int{src}} }
	tests := []struct {
		name  string
		pairs []align.Pair
		want  float64
	}{
		{"too few to tell", []align.Pair{pair(0)}, 0.5},
		{"in order", []align.Pair{pair(0), pair(1), pair(2), pair(3)}, (3 + orderPrior) / (3 + 2.0*orderPrior)},
		{"reversed", []align.Pair{pair(3), pair(2), pair(1), pair(0)}, orderPrior / (3 + 2.0*orderPrior)},
	}
	for _, tt := range tests {
		if got := order(tt.pairs); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("%s: order %.3f, want %.3f", tt.name, got, tt.want)
		}
	}
}

// TestPairEvidenceSymmetry checks that the derived evidence does not depend
// on which article is a, and that the direction evidence flips sign.
func TestPairEvidenceSymmetry(t *testing.T) {
	a := &article.Article{Paragraphs: []string{
		"The Tamsel dam failed on Tuesday and flooded 340 homes in Korsvik, officials said.",
		"Engineer Lise Marholm said the sluice gates had not been serviced since 2019.",
		"Rescue crews moved 1,200 residents to the Oskarby sports hall overnight.",
	}}
	b := &article.Article{Paragraphs: []string{
		"Hundreds of homes in Korsvik were flooded when the Tamsel dam gave way on Tuesday.",
		"The gates had gone unserviced since 2019, according to engineer Lise Marholm.",
		"It is a reminder that infrastructure matters to every community.",
	}}
	ab, ba := PairEvidence(a, b, Options{}), PairEvidence(b, a, Options{})
	for k, name := range DerivedFeatureNames {
		if name == "order" {
			continue // read along the derived side, which the swap changes
		}
		if math.Abs(ab.Derived[k]-ba.Derived[k]) > 0.05 {
			t.Errorf("derived feature %s: %.3f one way, %.3f the other", name, ab.Derived[k], ba.Derived[k])
		}
	}
	for k, name := range DirectionFeatureNames {
		if ab.Direction[k]*ba.Direction[k] > 1e-9 {
			t.Errorf("direction feature %s: %.3f and %.3f, want opposite signs", name, ab.Direction[k], ba.Direction[k])
		}
	}
}

// TestSortHashes checks the radix sort against slices.Sort on lists
// short and long, with repeats and with bytes all keys share.
func TestSortHashes(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var buf []uint64
	for _, n := range []int{0, 1, 5, radixMin - 1, radixMin, 300, 1500} {
		for _, mask := range []uint64{^uint64(0), 0xFF00FF, 7} {
			x := make([]uint64, n)
			for k := range x {
				x[k] = r.Uint64() & mask
			}
			want := slices.Sorted(slices.Values(x))
			buf = sortHashes(x, buf)
			if !slices.Equal(x, want) {
				t.Fatalf("%d keys under mask %x: not sorted as slices.Sort sorts them", n, mask)
			}
		}
	}
}

func TestLeads(t *testing.T) {
	m := &Model{Bias: 1, W: []float64{2, -1}}
	// Log-odds 1+2-1 = 2, 1+0-3 = -2, 1+4-0 = 5.
	got := Leads(m, [][]float64{{1, 1}, {0, 3}, {2, 0}})
	want := []float64{2 - 5, -2 - 5, 5 - 2}
	for i := range want {
		if math.Abs(got[i]-want[i]) > 1e-12 {
			t.Fatalf("Leads = %v, want %v", got, want)
		}
	}
	if got := Leads(m, [][]float64{{1, 1}}); got[0] != 2 {
		t.Fatalf("a lone candidate's lead = %v, want its log-odds 2", got[0])
	}
}

// TestSharedFacts holds that the shared names and figures are read back
// from the derived features as the counts Compare's same-story rule
// weighs.
func TestSharedFacts(t *testing.T) {
	if n, f := (Evidence{}).SharedFacts(); n != 0 || f != 0 {
		t.Errorf("no evidence: %d names, %d figures, want 0 and 0", n, f)
	}
	a := &article.Article{Paragraphs: []string{"Mayor Ilse Varga and Okko Brandt of the Dalemark Union met on Monday; 340 trains and 12 depots were idle."}}
	b := &article.Article{Paragraphs: []string{"Okko Brandt and Ilse Varga talked as 340 trains stood in 12 depots."}}
	n, f := PairEvidence(a, b, DefaultOptions()).SharedFacts()
	if n != 2 || f != 2 {
		t.Errorf("shared %d names and %d figures, want 2 and 2", n, f)
	}
}

func TestDateEvidence(t *testing.T) {
	blog := &article.Article{Published: "2026-03-14T06:00:00Z"}
	story := &article.Article{Published: "2026-03-14T13:05:00Z"}
	if got := dateEvidence(blog, story); got != 1 {
		t.Fatalf("dateEvidence = %v, want 1: the earlier page is the original", got)
	}
	// Changed after the story appeared, the live blog may have taken
	// from it: the dates no longer tell.
	blog.Modified = "2026-03-14T17:52:00Z"
	if got := dateEvidence(blog, story); got != 0 {
		t.Errorf("dateEvidence = %v, want 0 for an earlier page changed after the later one appeared", got)
	}
	if got := dateEvidence(story, blog); got != 0 {
		t.Errorf("dateEvidence, swapped = %v, want 0", got)
	}
	// Changed before it appeared, it is still the earlier text.
	blog.Modified = "2026-03-14T09:00:00Z"
	if got := dateEvidence(story, blog); got != -1 {
		t.Errorf("dateEvidence, swapped = %v, want -1", got)
	}
	// The later page's own changes say nothing of which came first.
	blog.Modified = ""
	story.Modified = "2026-03-15T09:00:00Z"
	if got := dateEvidence(blog, story); got != 1 {
		t.Errorf("dateEvidence = %v, want 1", got)
	}
}

package eval

import (
	"bytes"
	"context"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/wiretrace/wiretrace/internal/sharedtest"
	"github.com/wiretrace/wiretrace/trace"
)

// TestFittedFilesReproduce refits every file of FittedFiles from the
// shared data and holds the committed file to what its fit prints: a
// fitted file edited by hand, or left stale after a change the fit depends
// on (the drift model reads the pairs the relation judges derived), fails
// here with the command that regenerates it.
func TestFittedFilesReproduce(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("skipping the refits in -short mode")
	}
	data := sharedtest.Dir(t, "eval")
	for _, f := range FittedFiles {
		t.Run(f.Name, func(t *testing.T) {
			t.Parallel()
			want, err := f.Fit(context.Background(), data)
			if err != nil {
				t.Fatal(err)
			}
			got, err := os.ReadFile(filepath.Join("..", "..", filepath.FromSlash(f.Path)))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s is not what its fit prints today; regenerate it: wiretrace train %s > %s", f.Path, f.Name, f.Path)
			}
		})
	}
}

func TestFaithfulBound(t *testing.T) {
	tests := []struct {
		p      float64
		n      int
		lo, hi float64
	}{
		{0, 485, 0, 0},
		{0.10, 485, 0.148, 0.150}, // 0.10 + 1.96·√(0.09·(1/485 + 1/207.9))
		{0.11, 485, 0.159, 0.162},
		{0.10, 0, 1, 1},
	}
	for _, tt := range tests {
		if got := faithfulBound(tt.p, tt.n); got < tt.lo || got > tt.hi {
			t.Errorf("faithfulBound(%v, %d) = %.4f, want in [%v, %v]", tt.p, tt.n, got, tt.lo, tt.hi)
		}
	}
}

// TestDirectionStages checks fitDirection's promise: its second stage,
// over the page evidence alone, leaves the direction of a pair whose page
// evidence is zero (plain texts) as the first stage gives it, and learns
// the page evidence from the examples that have it.
func TestDirectionStages(t *testing.T) {
	n := len(trace.DirectionFeatureNames)
	page := slices.Index(trace.DirectionFeatureNames, pageEvidence)
	rng := rand.New(rand.NewPCG(7, 7))
	var X [][]float64
	var y, stories []bool
	var w []float64
	for i := 0; i < 400; i++ {
		x := make([]float64, n)
		story := i%4 == 0
		for k := 0; k < page; k++ {
			x[k] = rng.NormFloat64()
		}
		if story {
			x[page] = 1 // the original has the dateline
		}
		neg := make([]float64, n)
		for k, v := range x {
			neg[k] = -v
		}
		X = append(X, x, neg)
		y = append(y, x[0] > 0 || story, !(x[0] > 0 || story))
		w = append(w, 1, 1)
		stories = append(stories, story, story)
	}
	m := fitDirection(X, y, w, stories)
	first := trace.Trees{Bias: m.Bias}
	for _, tr := range m.Trees {
		if tr.Feature < page {
			first.Trees = append(first.Trees, tr)
		}
	}
	if len(first.Trees) == len(m.Trees) {
		t.Fatalf("no second-stage tree over the page evidence")
	}
	for i := 0; i < 50; i++ {
		x := make([]float64, n)
		for k := 0; k < page; k++ {
			x[k] = rng.NormFloat64()
		}
		if got, want := m.Mirrored(x), first.Mirrored(x); math.Abs(got-want) > 1e-12 {
			t.Fatalf("plain pair %v: direction %v, first stage alone %v", x, got, want)
		}
	}
	x := make([]float64, n)
	x[page] = 1
	if p := m.Mirrored(x); p <= 0.5 {
		t.Errorf("a dateline on a's side alone: direction %v, want above 0.5", p)
	}
}

// TestDealBags checks the dealings of examples to bags: the shipped one
// is i mod bags, and every other puts each example in one bag, fills the
// bags evenly, and differs from the shipped one and from the others.
func TestDealBags(t *testing.T) {
	const n = 5003
	seen := map[string]bool{}
	for d := 0; d <= 3; d++ {
		got := deal(n, bags, d, 0)
		count := make([]int, bags)
		key := make([]byte, n)
		for i, b := range got {
			if d == 0 && b != i%bags {
				t.Fatalf("dealing 0: example %d in bag %d, want %d", i, b, i%bags)
			}
			if b < 0 || b >= bags {
				t.Fatalf("dealing %d: example %d in bag %d, out of range", d, i, b)
			}
			count[b]++
			key[i] = byte('0' + b)
		}
		for b, c := range count {
			if c != n/bags && c != n/bags+1 {
				t.Errorf("dealing %d: bag %d holds %d of %d examples, want %d or %d", d, b, c, n, n/bags, n/bags+1)
			}
		}
		if seen[string(key)] {
			t.Errorf("dealing %d repeats an earlier one", d)
		}
		seen[string(key)] = true
	}
}

// TestSpreadCells checks a spread report's cells: the shipped (first)
// value, then the mean, least and greatest.
func TestSpreadCells(t *testing.T) {
	got := spreadCells([]float64{0.5, 0.25, 1})
	want := "0.5000    0.5833  0.2500  1.0000"
	if got != want {
		t.Errorf("spreadCells = %q, want %q", got, want)
	}
}

// TestOutOfFold checks that one dealing scores each example under the
// models fitted without its fold, i mod folds, and that more average each
// example's out-of-fold score over other dealings, which stays a
// probability and moves the scores.
func TestOutOfFold(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	var X [][]float64
	var y []bool
	var w []float64
	for i := range 90 {
		pos := i%3 == 0
		x := r.Float64()
		if pos {
			x += 0.6
		}
		X = append(X, []float64{x, r.Float64()})
		y = append(y, pos)
		w = append(w, 1)
	}
	// The scores of one dealing, fold by fold.
	oof := make([]float64, len(X))
	for f := range folds {
		var fx [][]float64
		var fy []bool
		var fw []float64
		for i := range X {
			if i%folds != f {
				fx, fy, fw = append(fx, X[i]), append(fy, y[i]), append(fw, w[i])
			}
		}
		m := fitBagged(fx, fy, fw, nil, derivedDepth, 0)
		for i := f; i < len(X); i += folds {
			oof[i] = m.Score(X[i])
		}
	}
	one := outOfFold(X, y, w, nil, derivedDepth, 1)
	if !slices.Equal(one, oof) {
		t.Fatalf("one dealing: %v, want the i mod folds scores %v", one[:3], oof[:3])
	}
	five := outOfFold(X, y, w, nil, derivedDepth, 5)
	if slices.Equal(five, one) {
		t.Errorf("five dealings gave the scores of one")
	}
	for i, s := range five {
		if s < 0 || s > 1 || math.IsNaN(s) {
			t.Fatalf("score %d = %v, not a probability", i, s)
		}
	}
}

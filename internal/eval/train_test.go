package eval

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/wiretrace/wiretrace/internal/sharedtest"
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

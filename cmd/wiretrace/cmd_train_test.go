package main

import (
	"strconv"
	"strings"
	"testing"

	"github.com/wiretrace/wiretrace/internal/sharedtest"
)

// TestTrainSpreadUsage checks that --spread is offered only by the bagged
// models and takes a count in range: bad usage exits 2 with a message.
func TestTrainSpreadUsage(t *testing.T) {
	for _, args := range [][]string{
		{"train", "title", "--spread", "2"},
		{"train", "relation", "--spread", "-1"},
		{"train", "drift", "--spread", strconv.Itoa(maxSpread + 1)},
	} {
		code, _, stderr := runCLI(t, "", args...)
		if code != 2 || stderr == "" {
			t.Errorf("%q: exit %d, stderr %q; want exit 2 with a message", args, code, stderr)
		}
	}
}

// TestTrainDriftSpread runs `train drift --spread 2` on the shared set:
// every figure's row gives the shipped value, the mean, the least and the
// greatest of three refits, in that order of bounds.
func TestTrainDriftSpread(t *testing.T) {
	dir := sharedtest.Dir(t, "eval")
	code, out, stderr := runCLI(t, "", "train", "drift", "--spread", "2", "--data", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	rows := 0
	for _, line := range strings.Split(strings.TrimSpace(out), "\n")[2:] {
		f := strings.Fields(line)
		if len(f) < 4 {
			t.Fatalf("row %q: want four figures at its end", line)
		}
		var v [4]float64
		for k := range v {
			x, err := strconv.ParseFloat(f[len(f)-4+k], 64)
			if err != nil {
				t.Fatalf("row %q: %v", line, err)
			}
			v[k] = x
		}
		shipped, mean, lo, hi := v[0], v[1], v[2], v[3]
		if lo > hi || shipped < lo || shipped > hi || mean < lo || mean > hi {
			t.Errorf("row %q: shipped %.4f and mean %.4f not within %.4f..%.4f", line, shipped, mean, lo, hi)
		}
		rows++
	}
	// manipulated, faithful and AUC for the fit and check parts, then the
	// threshold.
	if rows != 7 {
		t.Errorf("%d rows, want 7:\n%s", rows, out)
	}
}

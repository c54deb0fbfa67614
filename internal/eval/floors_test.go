package eval

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"
)

// checkFloor fails t when got is below the floor recorded for name in
// testdata/floors.txt, and logs the figure either way so that a run shows
// where each measure stands. A name without a floor fails: every figure
// measured in CI is held.
func checkFloor(t *testing.T, name string, got float64) {
	t.Helper()
	floors := readFloors(t)
	floor, ok := floors[name]
	if !ok {
		t.Fatalf("no floor for %q in testdata/floors.txt", name)
	}
	t.Logf("%s = %.4f (floor %.4f)", name, got, floor)
	if got+1e-9 < floor {
		t.Errorf("%s = %.4f, below its floor %.4f", name, got, floor)
	}
}

func readFloors(t *testing.T) map[string]float64 {
	t.Helper()
	f, err := os.Open("testdata/floors.txt")
	if err != nil {
		t.Fatalf("read floors: %v", err)
	}
	defer f.Close()
	floors := map[string]float64{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, val, ok := strings.Cut(line, " ")
		v, err := strconv.ParseFloat(strings.TrimSpace(val), 64)
		if !ok || err != nil {
			t.Fatalf("floors.txt: bad line %q", line)
		}
		floors[name] = v
	}
	return floors
}

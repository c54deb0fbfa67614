package index_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/wiretrace/wiretrace/index"
	"github.com/wiretrace/wiretrace/internal/benchindex"
)

// crashEnv names the variable that makes TestCrashChild ingest into the
// store directory it holds.
const crashEnv = "WIRETRACE_INDEX_CRASH_DIR"

// TestCrashChild is the child process of TestCrashSafety: it ingests an
// endless corpus and prints each acknowledged id as "ack ID" on stdout,
// until it is killed. It does nothing in a normal test run.
func TestCrashChild(t *testing.T) {
	dir := os.Getenv(crashEnv)
	if dir == "" {
		t.Skip("runs only as the child of TestCrashSafety")
	}
	s := openStore(t, dir)
	items := make(chan index.Item, 64)
	go func() {
		c := benchindex.Corpus{Seed: 99, FamilyRate: 0.2}
		for i := 0; ; i++ {
			a, _, _ := c.Article(i)
			items <- index.Item{Article: a}
		}
	}()
	w := bufio.NewWriter(os.Stdout)
	_, err := index.New(s).Ingest(context.Background(), items, index.Options{
		BatchSize: 64,
		OnCommit: func(ids []string) {
			for _, id := range ids {
				fmt.Fprintf(w, "ack %s\n", id)
			}
			w.Flush()
		},
	})
	t.Fatalf("ingest ended: %v", err)
}

// TestCrashSafety runs an ingest in a child process (this test binary run
// again), kills it with SIGKILL in the middle of its work, reopens the
// store and checks that every acknowledged article is there with its
// postings, and that the store is consistent: its count matches its
// documents and every posting of a stored document is in place.
func TestCrashSafety(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child process that ingests for a few seconds")
	}
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$")
	cmd.Env = append(os.Environ(), crashEnv+"="+dir)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var acked []string
	sc := bufio.NewScanner(out)
	killed := false
	// Kill after a few batches, while the child is busy writing the
	// next one; fewer under the race detector, which slows the child.
	killAt := 700
	if raceEnabled {
		killAt = 250
	}
	deadline := time.Now().Add(60 * time.Second)
	for sc.Scan() {
		if id, ok := strings.CutPrefix(sc.Text(), "ack "); ok {
			acked = append(acked, id)
		}
		if !killed && (len(acked) >= killAt || time.Now().After(deadline)) {
			if err := cmd.Process.Kill(); err != nil {
				t.Fatal(err)
			}
			killed = true
		}
	}
	werr := cmd.Wait()
	if !killed {
		t.Fatalf("child ended before it was killed: %v", werr)
	}
	if len(acked) < 100 {
		t.Fatalf("child acknowledged only %d articles", len(acked))
	}
	t.Logf("child acknowledged %d articles before SIGKILL", len(acked))

	ctx := context.Background()
	s := openStore(t, dir)
	ex, err := s.Exists(ctx, acked)
	if err != nil {
		t.Fatal(err)
	}
	lost := 0
	for i, ok := range ex {
		if !ok {
			lost++
			if lost < 5 {
				t.Errorf("acknowledged %s lost", acked[i])
			}
		}
	}
	if lost > 0 {
		t.Errorf("%d of %d acknowledged articles lost", lost, len(acked))
	}
	var ids []string
	if err := s.Scan(ctx, func(id string) error { ids = append(ids, id); return nil }); err != nil {
		t.Fatal(err)
	}
	n, err := s.Count(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if int(n) != len(ids) {
		t.Errorf("count %d, but %d documents", n, len(ids))
	}
	if len(ids) < len(acked) {
		t.Errorf("%d documents, fewer than the %d acknowledged", len(ids), len(acked))
	}
	// Every stored document, acknowledged or not, is whole: its
	// signature and all its postings are there (a batch is atomic).
	for _, id := range ids {
		d, err := s.Get(ctx, id)
		if err != nil {
			t.Fatalf("Get %s: %v", id, err)
		}
		if len(d.Signature) == 0 || len(d.Bands) == 0 || len(d.Terms) == 0 {
			t.Fatalf("document %s stored without its fingerprint", id)
		}
		bl, err := s.BandPostings(ctx, d.Bands, 0)
		if err != nil {
			t.Fatal(err)
		}
		tl, err := s.TermPostings(ctx, d.Terms, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range append(bl, tl...) {
			if !slices.Contains(l, id) {
				t.Fatalf("document %s is missing from one of its postings", id)
			}
		}
	}
}

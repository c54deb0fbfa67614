package eval

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/wiretrace/wiretrace/align"
	"github.com/wiretrace/wiretrace/internal/sharedtest"
)

func TestLoadMRPCFormat(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "x.txt")
	// Invented pairs in the corpus's format: BOM, header, TABs, bare quotes,
	// no final newline.
	data := "\xef\xbb\xbfQuality\t#1 ID\t#2 ID\t#1 String\t#2 String\n" +
		"1\t1\t2\tThe mayor said \"yes\".\tThe mayor agreed.\n" +
		"0\t3\t4\tRain fell.\tShares rose 3 percent."
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	pairs, err := LoadMRPC(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(pairs) != 2 || !pairs[0].Paraphrase || pairs[1].Paraphrase || pairs[0].A != `The mayor said "yes".` {
		t.Fatalf("got %+v", pairs)
	}
	if err := os.WriteFile(path, []byte("h\n2\ta\tb\tc\td\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadMRPC(path); err == nil {
		t.Fatal("want an error for label 2")
	}
}

func TestBestThreshold(t *testing.T) {
	scores := []float64{0.1, 0.2, 0.3, 0.6, 0.7, 0.9}
	gold := []bool{false, false, true, false, true, true}
	th := BestThreshold(scores, gold)
	if th <= 0.2 || th > 0.3 {
		t.Errorf("threshold %v, want between 0.2 and 0.3", th)
	}
	b := ScoreBinary(predict(scores, th), gold)
	if b.Accuracy != 5.0/6 {
		t.Errorf("accuracy %v", b.Accuracy)
	}
}

// TestMRPCFloors scores the MRPC test split with align's similarity, the
// threshold chosen on train, and holds accuracy and F1 at their floors.
func TestMRPCFloors(t *testing.T) {
	t.Parallel()
	dir := sharedtest.Dir(t, "eval", "mrpc")
	// Align's default thesaurus, so that the figure is Align's similarity.
	r, err := EvalMRPC(dir, align.Fallback, align.LexicalWeights)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("threshold %.3f train acc %.4f F1 %.4f", r.Threshold, r.Train.Accuracy, r.Train.F1)
	checkFloor(t, "mrpc.accuracy", r.Test.Accuracy)
	checkFloor(t, "mrpc.f1", r.Test.F1)
}

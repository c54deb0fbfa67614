package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeMRPC writes an invented split in the corpus's format: BOM, header,
// TAB-separated fields, bare quotes.
func writeMRPC(t *testing.T, dir, name string, rows []string) {
	t.Helper()
	data := "\xef\xbb\xbfQuality\t#1 ID\t#2 ID\t#1 String\t#2 String\n" + strings.Join(rows, "\n")
	if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestEvalMRPC(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "mrpc")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	rows := []string{
		"1\t1\t2\tThe council approved the harbour budget on Monday.\tOn Monday the council approved the budget for the harbour.",
		"0\t3\t4\tThe council approved the harbour budget on Monday.\tHeavy rain flooded several roads in the capital.",
		"1\t5\t6\tShares of Acme rose 4 percent to $21.03.\tAcme shares gained 4 percent to $21.03.",
		"0\t7\t8\tShares of Acme rose 4 percent to $21.03.\tThe \"new\" ferry will start service in March.",
	}
	writeMRPC(t, dir, "msr_paraphrase_train.txt", rows)
	writeMRPC(t, dir, "msr_paraphrase_test.txt", rows)

	code, stdout, stderr := runCLI(t, "", "eval", "mrpc", "--json", "--data", filepath.Dir(dir))
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	var r struct {
		Test struct {
			N        int     `json:"n"`
			Accuracy float64 `json:"accuracy"`
		} `json:"test"`
	}
	if err := json.Unmarshal([]byte(stdout), &r); err != nil {
		t.Fatalf("bad JSON %q: %v", stdout, err)
	}
	if r.Test.N != 4 || r.Test.Accuracy != 1 {
		t.Errorf("test split: %+v, want 4 pairs all right", r.Test)
	}

	code, stdout, _ = runCLI(t, "", "eval", "mrpc", "--data", dir)
	if code != 0 || !strings.Contains(stdout, "accuracy") {
		t.Errorf("text report: exit %d, %q", code, stdout)
	}
	if code, _, _ := runCLI(t, "", "eval", "mrpc", "extra"); code != 2 {
		t.Errorf("an argument: exit %d, want 2", code)
	}
	if code, _, _ := runCLI(t, "", "eval", "mrpc", "--data", t.TempDir()); code != 1 {
		t.Errorf("missing data: exit %d, want 1", code)
	}
}

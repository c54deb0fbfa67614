package eval

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/wiretrace/wiretrace/internal/sharedtest"
)

// TestFittedFilesReproduce refits the relation and the drift model from
// the shared data and holds the committed Go files to what the commands
// print: a fitted file edited by hand, or left stale after a change the
// fit depends on (the drift model reads the pairs the relation judges
// derived), fails here with the command that regenerates it.
func TestFittedFilesReproduce(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the refits in -short mode")
	}
	data := sharedtest.Dir(t, "eval")
	ctx := context.Background()
	jobs := []struct {
		file, command string
		fit           func() ([]byte, error)
	}{
		{"relation_weights.go", "wiretrace train relation > trace/relation_weights.go", func() ([]byte, error) {
			f, err := FitRelation(ctx, filepath.Join(data, "llm-rewrites"), filepath.Join(data, "short-answers"))
			if err != nil {
				return nil, err
			}
			return f.GoSource()
		}},
		{"drift_weights.go", "wiretrace train drift > trace/drift_weights.go", func() ([]byte, error) {
			f, err := FitDrift(ctx, filepath.Join(data, "llm-rewrites"))
			if err != nil {
				return nil, err
			}
			return f.GoSource()
		}},
	}
	for _, j := range jobs {
		t.Run(j.file, func(t *testing.T) {
			want, err := j.fit()
			if err != nil {
				t.Fatal(err)
			}
			got, err := os.ReadFile(filepath.Join("..", "..", "trace", j.file))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("trace/%s is not what its fit prints today; regenerate it: %s", j.file, j.command)
			}
		})
	}
}

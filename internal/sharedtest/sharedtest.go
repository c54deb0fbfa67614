// Package sharedtest locates the team's shared data folder (../shared beside
// the repository: the seed pages and the evaluation data) for tests.
//
// Tests that need it call Dir. On a user's fresh clone the folder is absent
// and such tests skip with a clear message; under CI=true it is always
// present, so its absence fails the test instead.
package sharedtest

import (
	"os"
	"path/filepath"
	"testing"
)

// Env names the environment variable that overrides where the shared folder is.
const Env = "WIRETRACE_SHARED"

// Dir returns the shared folder, or skips (fails under CI=true) when it is
// not there. sub, when given, is a path inside it that must exist too.
func Dir(t testing.TB, sub ...string) string {
	t.Helper()
	dir, err := find()
	if err == nil && len(sub) > 0 {
		dir = filepath.Join(append([]string{dir}, sub...)...)
		_, err = os.Stat(dir)
	}
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("shared data is required under CI=true: %v", err)
		}
		t.Skipf("skipping: shared data not found (%v); put it at ../shared beside the repository or set %s", err, Env)
	}
	return dir
}

// find looks for $WIRETRACE_SHARED, else ../shared beside the module root.
func find() (string, error) {
	if d := os.Getenv(Env); d != "" {
		if _, err := os.Stat(d); err != nil {
			return "", err
		}
		return d, nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			shared := filepath.Join(filepath.Dir(dir), "shared")
			if _, err := os.Stat(shared); err != nil {
				return "", err
			}
			return shared, nil
		}
		if filepath.Dir(dir) == dir {
			return "", os.ErrNotExist
		}
	}
}

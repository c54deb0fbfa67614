package ingest

import (
	"context"
	"strings"
	"testing"
)

// TestReadDirectory checks that giving a folder where a page is expected
// says so once: "read DIR: is a directory", not "read DIR: read DIR: ...".
func TestReadDirectory(t *testing.T) {
	dir := t.TempDir()
	_, err := Read(context.Background(), dir, Options{})
	if err == nil {
		t.Fatal("Read of a directory succeeded")
	}
	if msg := err.Error(); strings.Count(msg, "read "+dir) != 1 || !strings.Contains(msg, "directory") {
		t.Errorf("error %q; want %q once, saying it is a directory", msg, "read "+dir)
	}
}

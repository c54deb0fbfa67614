package pebble_test

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/wiretrace/wiretrace/store/pebble"
)

// holdEnv names the store directory a child process of this test binary
// opens and holds until its stdin closes (see TestMain).
const holdEnv = "WIRETRACE_TEST_HOLD_STORE"

func TestMain(m *testing.M) {
	if dir := os.Getenv(holdEnv); dir != "" {
		s, err := pebble.Open(dir, pebble.Options{CacheSize: 1 << 20})
		if err != nil {
			fmt.Println("error:", err)
			os.Exit(1)
		}
		fmt.Println("open")
		var b [1]byte
		os.Stdin.Read(b[:])
		s.Close()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// TestOpenInUseByAnotherProcess checks that opening a store another
// process holds fails with ErrInUse and a message naming that process and
// the way to add pages to a served store, not Pebble's bare "resource
// temporarily unavailable".
func TestOpenInUseByAnotherProcess(t *testing.T) {
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), holdEnv+"="+dir)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		stdin.Close()
		cmd.Wait()
	}()
	var b [64]byte
	n, _ := out.Read(b[:])
	if !strings.HasPrefix(string(b[:n]), "open") {
		t.Fatalf("holder process: %q", b[:n])
	}

	start := time.Now()
	_, err = pebble.Open(dir, pebble.Options{CacheSize: 1 << 20})
	if err == nil {
		t.Fatal("Open of a store another process holds succeeded")
	}
	if !errors.Is(err, pebble.ErrInUse) {
		t.Errorf("error does not wrap ErrInUse: %v", err)
	}
	msg := err.Error()
	for _, want := range []string{dir, "process " + strconv.Itoa(cmd.Process.Pid), "has it open", "POST /v1/documents"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q does not say %q", msg, want)
		}
	}
	if strings.Contains(msg, "resource temporarily unavailable") {
		t.Errorf("error %q still shows the bare system error", msg)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("Open took %s to fail; want at once", d)
	}
}

// TestOpenTwiceInOneProcess checks that a second Open of an open store in
// the same process fails with ErrInUse, and succeeds once the first is
// closed.
func TestOpenTwiceInOneProcess(t *testing.T) {
	dir := t.TempDir()
	s := open(t, dir)
	if _, err := pebble.Open(dir, pebble.Options{}); !errors.Is(err, pebble.ErrInUse) {
		t.Errorf("second Open: %v; want ErrInUse", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = open(t, dir)
	s.Close()
}

//go:build unix

package pebble

import (
	"bytes"
	"errors"
	"io"
	"os"
	"strconv"
	"strings"
	"syscall"
)

// lockConflict reports whether err is a failure to take a lock another
// process holds: fcntl answers EAGAIN or EACCES.
func lockConflict(err error) bool {
	return errors.Is(err, syscall.EAGAIN) || errors.Is(err, syscall.EACCES)
}

// lockHolder returns the pid of the process holding the write lock on the
// file at path, or 0 when it cannot tell (no lock, or a process in another
// pid namespace). Pebble locks its LOCK file with fcntl, and F_GETLK
// answers with the holder's pid.
func lockHolder(path string) int {
	f, err := os.Open(path)
	if err != nil {
		return 0
	}
	defer f.Close()
	lk := syscall.Flock_t{Type: syscall.F_WRLCK, Whence: io.SeekStart}
	if err := syscall.FcntlFlock(f.Fd(), syscall.F_GETLK, &lk); err != nil || lk.Type == syscall.F_UNLCK {
		return 0
	}
	return int(lk.Pid)
}

// commandLine returns the command line of process pid where /proc tells
// it, cut to a readable length, or "".
func commandLine(pid int) string {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/cmdline")
	if err != nil || len(b) == 0 {
		return ""
	}
	args := strings.Fields(string(bytes.ReplaceAll(bytes.TrimRight(b, "\x00"), []byte{0}, []byte{' '})))
	if len(args) > 0 {
		// The program's name without its directory: a temporary go run
		// or test binary path says nothing.
		args[0] = args[0][strings.LastIndexByte(args[0], '/')+1:]
	}
	s := []rune(strings.Join(args, " "))
	if len(s) > 120 {
		s = append(s[:117], '.', '.', '.')
	}
	return string(s)
}

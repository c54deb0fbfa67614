package pebble

import (
	"errors"
	"fmt"
	"path/filepath"
	"sync"
)

// ErrInUse reports that another process, or another Store of this
// process, has the store open. Pebble lets one process at a time use a
// directory.
var ErrInUse = errors.New("store in use")

// lockName is the file Pebble locks in a store directory.
const lockName = "LOCK"

// opened holds the absolute directories this process has open, so that a
// second Open of one of them says so instead of Pebble's "lock held by
// current process".
var opened struct {
	sync.Mutex
	dirs map[string]bool
}

// claim marks dir open in this process, or fails with ErrInUse.
func claim(dir string) (release func(), err error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("open pebble store %s: %w", dir, err)
	}
	opened.Lock()
	defer opened.Unlock()
	if opened.dirs[abs] {
		return nil, fmt.Errorf("open pebble store %s: %w: this process already has it open", dir, ErrInUse)
	}
	if opened.dirs == nil {
		opened.dirs = make(map[string]bool)
	}
	opened.dirs[abs] = true
	return func() {
		opened.Lock()
		defer opened.Unlock()
		delete(opened.dirs, abs)
	}, nil
}

// inUse turns the error of a Pebble Open that found the directory locked
// by another process into one wrapping ErrInUse that names the process
// when the system can tell (the pid holding the lock, and its command
// line), with what to do instead. Other errors are returned as they are.
func inUse(dir string, err error) error {
	if !lockConflict(err) {
		return err
	}
	who := "another process"
	if pid := lockHolder(filepath.Join(dir, lockName)); pid > 0 {
		who = fmt.Sprintf("process %d", pid)
		if cmd := commandLine(pid); cmd != "" {
			who = fmt.Sprintf("process %d (%s)", pid, cmd)
		}
	}
	return fmt.Errorf("open pebble store %s: %w: %s has it open, and one process at a time can use a store; "+
		"stop it, or if it is `wiretrace serve` add pages through its API (POST /v1/documents)", dir, ErrInUse, who)
}

//go:build !unix

package pebble

// lockConflict reports whether err is a failure to take a lock another
// process holds. Where Pebble does not lock with fcntl it cannot tell,
// and the error is shown as Pebble gives it.
func lockConflict(error) bool { return false }

// lockHolder cannot name the holder here.
func lockHolder(string) int { return 0 }

// commandLine cannot read a process's command line here.
func commandLine(int) string { return "" }

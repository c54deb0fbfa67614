//go:build unix

package pebble

import (
	"io/fs"
	"syscall"
)

// allocated returns the bytes allocated on disk to the file info
// describes: its 512-byte blocks.
func allocated(info fs.FileInfo) int64 {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return int64(st.Blocks) * 512
	}
	return info.Size()
}

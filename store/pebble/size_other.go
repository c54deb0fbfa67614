//go:build !unix

package pebble

import "io/fs"

// allocated returns the size of the file info describes: where the system
// does not report allocated blocks, its length.
func allocated(info fs.FileInfo) int64 { return info.Size() }

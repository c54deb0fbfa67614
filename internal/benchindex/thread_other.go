//go:build !linux

package benchindex

import "time"

// threadCPU returns 0: the figure needs Linux's RUSAGE_THREAD.
func threadCPU() time.Duration { return 0 }

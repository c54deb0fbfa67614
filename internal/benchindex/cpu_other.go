//go:build !unix

package benchindex

import "time"

// cpuTime returns 0: the figure needs getrusage.
func cpuTime() time.Duration { return 0 }

package benchindex

import "time"

// ThreadCPU returns the CPU time the calling OS thread has used, 0 where
// the system cannot say: a goroutine locked to its thread (runtime.
// LockOSThread) times its work so without the machine's load inflating
// the figure as it inflates wall time.
func ThreadCPU() time.Duration { return threadCPU() }

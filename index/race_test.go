//go:build race

package index_test

// raceEnabled shrinks the heavy tests under the race detector, which
// slows them about tenfold.
const raceEnabled = true

//go:build race

package extract_test

// raceEnabled: the race detector slows extraction about tenfold, so the
// benchmark-wide quality tests run only without it (scripts/test.sh runs
// them so); the race detector still sees every code path they take
// through the smaller tests of this package.
const raceEnabled = true

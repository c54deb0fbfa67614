//go:build race

package extract

// raceDetector is true under -race, which slows the code ten times or so;
// heavy tests shrink their inputs to stay within the package's time budget.
const raceDetector = true

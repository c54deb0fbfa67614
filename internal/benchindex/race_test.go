//go:build race

package benchindex

const raceEnabled = true

package eval

import (
	"os"
	"path/filepath"

	"github.com/cespare/xxhash/v2"
)

// Part names one of the two halves every development set is split into once,
// by a fixed rule: fitted decisions and failure studies use only the fit
// part; figures are reported on both, and CI holds the check part.
type Part string

// The two parts of a development set.
const (
	Fit   Part = "fit"
	Check Part = "check"
)

// fitShare is the share of keys that fall in the fit part.
const fitShare = 70

// PartOf puts a key (a page id, or for pairs the id of the story they share,
// so that no story is split across the parts) in the fit or the check part:
// the xxhash of "wiretrace-split/" + key, modulo 100, below 70 is fit. The
// rule never changes: moving a key between parts would let the check part
// leak into fitting.
func PartOf(key string) Part {
	if xxhash.Sum64String("wiretrace-split/"+key)%100 < fitShare {
		return Fit
	}
	return Check
}

// SetDir is the folder of one evaluation set: data/set when data is the
// shared eval folder (it holds set/marker), else data itself, so that a
// --data flag takes either the eval folder or the set's own folder.
func SetDir(data, set, marker string) string {
	if _, err := os.Stat(filepath.Join(data, set, marker)); err == nil {
		return filepath.Join(data, set)
	}
	return data
}

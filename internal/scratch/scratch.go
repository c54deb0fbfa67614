// Package scratch holds the helpers of the hot paths that recycle their
// working memory: slices resized in place and short lists sorted without
// slices.Sort's partitioning.
package scratch

import "slices"

// Resize returns s with length n and every element zero, reusing its
// array when it has room.
func Resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// SortShort sorts x in ascending order. The lists of one sentence (its
// words' hashes, its term ids) and the buckets of a bucket sort hold a few
// dozen numbers, which insertion sort orders two to three times faster
// than slices.Sort (whose partitioning branches are unpredictable);
// longer lists go to slices.Sort. Integers sort to the same order either
// way.
func SortShort[T ~int32 | ~uint32 | ~uint64](x []T) {
	if len(x) > shortSort {
		slices.Sort(x)
		return
	}
	Insertion(x)
}

// Insertion orders x by insertion sort, whatever its length: for short
// lists (SortShort) and for lists whose elements each sit near their
// place (the output of a bucket sort with short buckets).
func Insertion[T ~int32 | ~uint32 | ~uint64](x []T) {
	for i := 1; i < len(x); i++ {
		v := x[i]
		j := i
		for j > 0 && x[j-1] > v {
			x[j] = x[j-1]
			j--
		}
		x[j] = v
	}
}

// shortSort is the longest list SortShort orders by insertion: at 48
// numbers insertion sort is still faster than slices.Sort.
const shortSort = 48

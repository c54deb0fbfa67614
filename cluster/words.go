package cluster

// wordTable maps a word (the low 32 bits of its vocabulary hash) to a
// slot holding what the clusters know of it: how many articles hold it
// and its posting list. It is an open-addressing hash table without a
// pointer, so that the garbage collector never scans it, where one probe
// finds a word: with Go maps, a lookup and a store per word took a third
// of the clustering's time. A slot's fields lie together, so that an add
// reads one stretch of memory per word (as arrays by field, they were a
// cache miss each).
type wordTable struct {
	slots []wordSlot
	used  int
}

// wordSlot is one slot of a wordTable.
type wordSlot struct {
	// key is the slot's word, 0 for an empty slot (word 0 is kept as 1).
	key uint32
	// df is how many articles hold the word; last is one more than the
	// number of the last article that counted it.
	df, last int32
	list     postingList
}

// reserve makes room for n more words, so that the slots found until
// then do not move; when it has to move them, it returns where each old
// slot went (else nil).
func (t *wordTable) reserve(n int) []int32 {
	if 2*(t.used+n) <= len(t.slots) {
		return nil
	}
	size := max(1024, len(t.slots))
	for 2*(t.used+n) > size {
		size *= 2
	}
	old := t.slots
	*t = wordTable{slots: make([]wordSlot, size)}
	moved := make([]int32, len(old))
	for i, o := range old {
		if o.key != 0 {
			j := t.slot(o.key)
			t.slots[j] = o
			moved[i] = int32(j)
		}
	}
	return moved
}

// slot returns the slot of w, taking an empty one for a new word; room
// must have been reserved.
func (t *wordTable) slot(w uint32) int {
	w = max(w, 1)
	mask := uint32(len(t.slots) - 1)
	for i := w & mask; ; i = (i + 1) & mask {
		switch t.slots[i].key {
		case w:
			return int(i)
		case 0:
			t.slots[i].key = w
			t.used++
			return int(i)
		}
	}
}

// find returns the slot of w, or -1 when no article holds it.
func (t *wordTable) find(w uint32) int {
	if len(t.slots) == 0 {
		return -1
	}
	w = max(w, 1)
	mask := uint32(len(t.slots) - 1)
	for i := w & mask; ; i = (i + 1) & mask {
		switch t.slots[i].key {
		case w:
			return int(i)
		case 0:
			return -1
		}
	}
}

// rarest reorders xs so that its k smallest values come first and, among
// them, its m smallest (m <= k) first of all, and returns those k (all of
// xs when it holds k or fewer), in no other order: two selections, where
// sorting a long article's every word was a quarter of the clustering's
// time.
func rarest(xs []uint64, k, m int) []uint64 {
	selectSmallest(xs, k)
	xs = xs[:min(len(xs), k)]
	selectSmallest(xs, m)
	return xs
}

// selectSmallest reorders xs so that its k smallest values come first
// (Hoare's selection around a median of three).
func selectSmallest(xs []uint64, k int) {
	if k <= 0 || k >= len(xs) {
		return
	}
	lo, hi := 0, len(xs)-1
	for lo < hi {
		a, b, c := xs[lo], xs[(lo+hi)/2], xs[hi]
		pivot := max(min(a, b), min(max(a, b), c))
		i, j := lo, hi
		for i <= j {
			for xs[i] < pivot {
				i++
			}
			for xs[j] > pivot {
				j--
			}
			if i <= j {
				xs[i], xs[j] = xs[j], xs[i]
				i++
				j--
			}
		}
		switch {
		case k-1 <= j:
			hi = j
		case k-1 >= i:
			lo = i
		default:
			return
		}
	}
}

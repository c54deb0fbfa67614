package cluster

// wordTable maps a word (the low 32 bits of its vocabulary hash) to what
// the clusters know of it: how many articles hold it and its posting
// list. It is an open-addressing hash table without a pointer, so that the
// garbage collector never scans it, where one probe finds a word: with Go
// maps, a lookup and a store per word took a third of the clustering's
// time.
type wordTable struct {
	// keys[i] is the word of slot i, 0 for an empty slot (word 0 is kept
	// as 1); stats[i] what is known of it.
	keys  []uint32
	stats []wordStat
	used  int
}

// wordStat is what the clusters know of one word.
type wordStat struct {
	// df is how many articles hold the word; last is one more than the
	// number of the last article that counted it.
	df, last int32
	postingList
}

// reserve makes room for n more words, so that the slots found until
// then do not move.
func (t *wordTable) reserve(n int) {
	if 2*(t.used+n) <= len(t.keys) {
		return
	}
	size := max(1024, len(t.keys))
	for 2*(t.used+n) > size {
		size *= 2
	}
	keys, stats := t.keys, t.stats
	t.keys, t.stats, t.used = make([]uint32, size), make([]wordStat, size), 0
	for i, k := range keys {
		if k != 0 {
			t.stats[t.slot(k)] = stats[i]
		}
	}
}

// slot returns the slot of w, taking an empty one for a new word; room
// must have been reserved.
func (t *wordTable) slot(w uint32) int {
	w = max(w, 1)
	mask := uint32(len(t.keys) - 1)
	for i := w & mask; ; i = (i + 1) & mask {
		switch t.keys[i] {
		case w:
			return int(i)
		case 0:
			t.keys[i] = w
			t.used++
			return int(i)
		}
	}
}

// find returns the slot of w, or -1 when no article holds it.
func (t *wordTable) find(w uint32) int {
	if len(t.keys) == 0 {
		return -1
	}
	w = max(w, 1)
	mask := uint32(len(t.keys) - 1)
	for i := w & mask; ; i = (i + 1) & mask {
		switch t.keys[i] {
		case w:
			return int(i)
		case 0:
			return -1
		}
	}
}

package cluster

// arena holds the posting lists: int32 entries addressed by one offset,
// in blocks of arenaBlock entries made at their full size, so that it
// grows without moving what it holds. Grown as one slice by append, a
// growth copied the whole arena under the clusters' lock and held the old
// and the new copy at once: the bench corpus takes about 170 entries per
// article (moved lists leave their rooms behind), some 600 MiB at a
// million articles.
type arena struct {
	blocks [][]int32
	// used is how many entries of the last block are taken.
	used int
}

// arenaBlock is the entries of a block: 4 MiB, a few hundred posting
// lists' worth of articles; the operating system maps a block's pages
// only as they are written.
const (
	arenaBits  = 20
	arenaBlock = 1 << arenaBits
)

// at returns the n entries from offset off, which lie in one block.
func (a *arena) at(off, n int32) []int32 {
	i := off & (arenaBlock - 1)
	return a.blocks[off>>arenaBits][i : i+n : i+n]
}

// first returns the entry at offset off.
func (a *arena) first(off int32) int32 {
	return a.blocks[off>>arenaBits][off&(arenaBlock-1)]
}

// room returns the offset of size free entries (size <= arenaBlock) in
// one block, starting a block when the last has not enough left.
func (a *arena) room(size int32) int32 {
	if len(a.blocks) == 0 || a.used+int(size) > arenaBlock {
		a.blocks = append(a.blocks, make([]int32, arenaBlock))
		a.used = 0
	}
	off := int32((len(a.blocks)-1)<<arenaBits + a.used)
	a.used += int(size)
	return off
}

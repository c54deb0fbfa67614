package index

import "sync"

// commonKeys remembers the terms and band keys whose posting lists
// reached their read limit (termLimit, bandLimit), which Candidates
// ignores. Adding articles only lengthens a list, so such a key stays
// ignored until a deletion, which forgets them all; remembering them
// saves reading hundreds of ids that would be thrown away, for every
// common name of every query (most of a query's single terms in a
// corpus of a million articles). Another process deleting articles from
// a shared store (Redis) is not seen: a key it brought back under the
// limit stays ignored by this Index.
type commonKeys struct {
	mu    sync.RWMutex
	terms map[string]struct{}
	bands map[uint64]struct{}
	// gen counts resets: a query remembers keys only under the
	// generation it started in, so that lists read before a deletion
	// teach nothing after it.
	gen uint64
}

// generation returns the current generation, to pass to addTerm and
// addBand.
func (c *commonKeys) generation() uint64 {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.gen
}

// maxCommonKeys bounds each set (about 60 MiB of terms at most): a
// million articles post 59 million keys, so at most 230,000 terms reach
// 256 ids.
const maxCommonKeys = 1 << 20

// filterTerms returns the positions in terms of those not known to be
// common.
func (c *commonKeys) filterTerms(terms []string) []int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	keep := make([]int, 0, len(terms))
	for i, t := range terms {
		if _, ok := c.terms[t]; !ok {
			keep = append(keep, i)
		}
	}
	return keep
}

// filterBands returns the band keys not known to be common.
func (c *commonKeys) filterBands(bands []uint64) []uint64 {
	c.mu.RLock()
	defer c.mu.RUnlock()
	keep := make([]uint64, 0, len(bands))
	for _, b := range bands {
		if _, ok := c.bands[b]; !ok {
			keep = append(keep, b)
		}
	}
	return keep
}

// addTerm and addBand remember a key whose list reached its limit, read
// in generation gen.
func (c *commonKeys) addTerm(t string, gen uint64) { addCommon(c, &c.terms, t, gen) }

func (c *commonKeys) addBand(b uint64, gen uint64) { addCommon(c, &c.bands, b, gen) }

// addCommon adds k to the set *m of c under c's lock, unless a deletion
// has begun another generation since gen or the set is full.
func addCommon[K comparable](c *commonKeys, m *map[K]struct{}, k K, gen uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen != c.gen {
		return
	}
	if *m == nil {
		*m = make(map[K]struct{})
	}
	if len(*m) < maxCommonKeys {
		(*m)[k] = struct{}{}
	}
}

// reset forgets every key, after a deletion.
func (c *commonKeys) reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.terms, c.bands = nil, nil
	c.gen++
}

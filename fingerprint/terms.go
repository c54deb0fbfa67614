package fingerprint

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cespare/xxhash/v2"

	"github.com/wiretrace/wiretrace/textproc"
)

// Term weights, before the corpus IDF that the index applies. A
// paraphrase rewords the common words of every sentence but must keep the
// names (people, places, agencies) and the figures of the story, so those
// rank first; among other content words, longer ones are rarer (Zipf's law
// of abbreviation) and more likely to survive a rewrite as the same stem.
const (
	weightEntity  = 3.0
	weightNumeral = 2.0
	weightWord    = 1.0
	// minTermLen drops short words ("un", "ok") that carry no story.
	minTermLen = 3
)

type termStat struct {
	tf     int
	runes  int32
	entity bool
	num    bool
}

// logTF holds math.Log of small term frequencies, the usual ones, which
// top would otherwise compute for every distinct word of an article.
var logTF = func() (t [64]float64) {
	for i := 1; i < len(t); i++ {
		t[i] = math.Log(float64(i))
	}
	return t
}()

// termCounter counts an article's candidate terms.
type termCounter struct {
	// slots is an open-addressing table from a word to its entry, keyed
	// by the xxhash that Of computes for every body word anyway, which
	// spares a second hash of the word in a map (a map lookup was a
	// third of the time of add).
	slots []termSlot
	n     int
	// keys, hashes and stats are the counted terms in order of first
	// appearance; hashes holds the xxhash of each key.
	keys     []string
	hashes   []uint64
	stats    []termStat
	rejected []string
}

// termSlot is one entry of termCounter.slots: ref 0 is empty, ref > 0 is
// the counted term ref-1, ref < 0 the rejected word -ref-1.
type termSlot struct {
	h   uint64
	ref int32
}

// reset empties c for the next article. A table grown by a long text is
// dropped rather than cleared for every short one after it.
func (c *termCounter) reset() {
	if len(c.slots) > 1<<13 {
		c.slots = nil
	}
	clear(c.slots)
	c.n = 0
	c.keys, c.hashes, c.stats, c.rejected = c.keys[:0], c.hashes[:0], c.stats[:0], c.rejected[:0]
}

// find returns the slot of key, whose xxhash is h: the slot holding it,
// or the empty slot where it goes.
func (c *termCounter) find(key string, h uint64) *termSlot {
	if c.slots == nil {
		c.slots = make([]termSlot, 512)
	}
	mask := uint64(len(c.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		sl := &c.slots[i]
		switch {
		case sl.ref == 0:
			return sl
		case sl.h != h:
		case sl.ref > 0 && c.keys[sl.ref-1] == key, sl.ref < 0 && c.rejected[-sl.ref-1] == key:
			return sl
		}
	}
}

// fill records ref in the empty slot sl for hash h, growing the table
// to keep it at most half full.
func (c *termCounter) fill(sl *termSlot, h uint64, ref int32) {
	sl.h, sl.ref = h, ref
	c.n++
	if 2*c.n <= len(c.slots) {
		return
	}
	old := c.slots
	c.slots = make([]termSlot, 2*len(old))
	mask := uint64(len(c.slots) - 1)
	for _, o := range old {
		if o.ref == 0 {
			continue
		}
		i := o.h & mask
		for c.slots[i].ref != 0 {
			i = (i + 1) & mask
		}
		c.slots[i] = o
	}
}

// insert counts key, with xxhash h, as a new term in the empty slot sl.
func (c *termCounter) insert(sl *termSlot, key string, h uint64) *termStat {
	c.keys = append(c.keys, key)
	c.hashes = append(c.hashes, h)
	c.stats = append(c.stats, termStat{})
	c.fill(sl, h, int32(len(c.stats)))
	return &c.stats[len(c.stats)-1]
}

// add counts one token, whose lower-cased form has the xxhash h. Title
// tokens give no entity evidence: headline case capitalises every word.
// Terms are counted by their lowercase form and stemmed only once chosen
// (top), which keeps Snowball off the hot path.
func (c *termCounter) add(t token, h uint64, title bool) {
	key := t.lower
	switch {
	case t.num:
		if strings.IndexByte(key, ',') >= 0 {
			key = strings.ReplaceAll(key, ",", "")
			h = xxhash.Sum64String(key)
		}
		if len(key) < 2 || len(key) > 32 {
			return
		}
	case len(key) < minTermLen || len(key) > 64:
		return
	}
	sl := c.find(key, h)
	if sl.ref < 0 {
		return
	}
	if sl.ref > 0 {
		s := &c.stats[sl.ref-1]
		s.tf++
		c.mark(s, t, title)
		return
	}
	// A word's verdict is remembered (rejected: a negative ref), so the
	// stop-word test runs once per distinct word of the article rather
	// than once per occurrence; it was half the time of add. Numeral
	// keys hold only digits and dots, never a word's key.
	runes := utf8.RuneCountInString(key)
	if !t.num && (runes < minTermLen || textproc.IsStop(key)) {
		c.rejected = append(c.rejected, key)
		c.fill(sl, h, -int32(len(c.rejected)))
		return
	}
	s := c.insert(sl, key, h)
	s.runes = int32(runes)
	s.tf++
	c.mark(s, t, title)
}

// mark records what one occurrence t says of its term's kind.
func (c *termCounter) mark(s *termStat, t token, title bool) {
	s.num = s.num || t.num
	if !s.entity && !title && !t.num && (capitalised(t.text) && !t.initial || acronym(t.text)) {
		s.entity = true
	}
}

func capitalised(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// acronym reports an all-capitals word of two letters or more ("NATO",
// "U.S."), a name even at the start of a sentence.
func acronym(s string) bool {
	letters := 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			letters++
		case r == '.':
		default:
			return false
		}
	}
	return letters >= 2
}

type scored struct {
	key   string
	score float64
	tie   uint64
	num   bool
}

// top returns up to max terms, best first: the stems of the best-scoring
// words, each stem once.
func (c *termCounter) top(max int) []string {
	// Keep the best 2·max words in a min-heap (stems of several words
	// may coincide, so a few more than max are needed), then sort them:
	// sorting all of an article's words was the costliest step of Of.
	want := 2 * max
	h := make(termHeap, 0, want+1)
	for i, k := range c.keys {
		s := &c.stats[i]
		w := weightWord + 0.1*float64(max0(int(s.runes)-5))
		switch {
		case s.entity:
			w = weightEntity
		case s.num:
			w = weightNumeral
		}
		lg := 0.0
		if s.tf < len(logTF) {
			lg = logTF[s.tf]
		} else {
			lg = math.Log(float64(s.tf))
		}
		x := scored{k, w * (1 + lg), 0, s.num}
		if len(h) == want && !better(x, h[0]) {
			continue
		}
		x.tie = c.hashes[i]
		if len(h) == want {
			if !better(x, h[0]) {
				continue
			}
			h.replaceWorst(x)
			continue
		}
		h.push(x)
	}
	slices.SortFunc(h, compareScored)
	out := make([]string, 0, min(max, len(h)))
	seen := make(map[string]bool, max)
	for _, s := range h {
		if len(out) == max {
			break
		}
		st := s.key
		if !s.num {
			st = textproc.Stem(s.key)
		}
		if st == "" || strings.IndexByte(st, 0) >= 0 || seen[st] {
			continue
		}
		seen[st] = true
		out = append(out, st)
	}
	return out
}

// better orders terms: higher score first; ties break on a hash of the
// term, not its spelling, so that the choice does not favour the start of
// the alphabet. A zero tie (not yet hashed) compares as the key itself.
func better(a, b scored) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	if a.tie != b.tie {
		return a.tie < b.tie
	}
	return a.key < b.key
}

// compareScored is better as a three-way comparison for sorting, one
// pass over the fields instead of better's two calls.
func compareScored(a, b scored) int {
	switch {
	case a.score != b.score:
		if a.score > b.score {
			return -1
		}
		return 1
	case a.tie != b.tie:
		if a.tie < b.tie {
			return -1
		}
		return 1
	}
	return strings.Compare(a.key, b.key)
}

// termHeap is a min-heap under better: h[0] is the worst kept term.
type termHeap []scored

func (h *termHeap) push(x scored) {
	*h = append(*h, x)
	s := *h
	for i := len(s) - 1; i > 0; {
		p := (i - 1) / 2
		if !better(s[p], s[i]) {
			break
		}
		s[p], s[i] = s[i], s[p]
		i = p
	}
}

// replaceWorst puts x in place of the worst kept term h[0] and sifts it
// down: one pass where a pop and a push took two.
func (h termHeap) replaceWorst(x scored) {
	s := h
	n := len(s)
	s[0] = x
	for i := 0; ; {
		l, r, m := 2*i+1, 2*i+2, i
		if l < n && better(s[m], s[l]) {
			m = l
		}
		if r < n && better(s[m], s[r]) {
			m = r
		}
		if m == i {
			break
		}
		s[i], s[m] = s[m], s[i]
		i = m
	}
}

func max0(x int) int {
	if x < 0 {
		return 0
	}
	return x
}

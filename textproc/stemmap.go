package textproc

// StemMap maps the stems of tokens to int32 values (a caller's numbering
// of the stems of a pair of documents, say). A stem with a Token.StemID is
// found by index, without hashing it: the maps of stems of alignment,
// drift and the relation, a few thousand lookups a comparison, were a
// sixth of Compare's time. Other stems (numerals, the stems of a very
// large vocabulary, keys of the caller's own such as a spelling made one)
// go to an ordinary map. The zero StemMap is empty and ready; Clear
// empties it for reuse, keeping its memory.
type StemMap struct {
	// byID[id] is the value of the stem numbered id plus one, 0 when
	// unset; set lists the ids given one, for Clear.
	byID  []int32
	set   []uint32
	other map[string]int32
}

// Get returns the value of t's stem and whether it has one.
func (m *StemMap) Get(t *Token) (int32, bool) {
	if t.StemID == 0 {
		v, ok := m.other[t.Stem]
		return v, ok
	}
	return m.getID(t.StemID)
}

// Set sets the value of t's stem.
func (m *StemMap) Set(t *Token, v int32) {
	if t.StemID == 0 {
		m.setKey(t.Stem, v)
		return
	}
	m.setID(t.StemID, v)
}

// GetKey returns the value of stem, a stem given as a string, and whether
// it has one: for a word's stem, the value Get gives its tokens.
func (m *StemMap) GetKey(stem string) (int32, bool) {
	if id := knownStemID(stem); id != 0 {
		return m.getID(id)
	}
	v, ok := m.other[stem]
	return v, ok
}

// SetKey sets the value of stem, a stem given as a string.
func (m *StemMap) SetKey(stem string, v int32) {
	if id := knownStemID(stem); id != 0 {
		m.setID(id, v)
		return
	}
	m.setKey(stem, v)
}

// GetFor returns the value of stem, which is t's own stem or a spelling
// made of it, and whether it has one: Get when it is t's, GetKey else.
func (m *StemMap) GetFor(t *Token, stem string) (int32, bool) {
	if stem == t.Stem {
		return m.Get(t)
	}
	return m.GetKey(stem)
}

// SetFor sets the value of stem, which is t's own stem or a spelling made
// of it.
func (m *StemMap) SetFor(t *Token, stem string, v int32) {
	if stem == t.Stem {
		m.Set(t, v)
		return
	}
	m.SetKey(stem, v)
}

// Clear empties m, keeping its memory.
func (m *StemMap) Clear() {
	for _, id := range m.set {
		m.byID[id] = 0
	}
	m.set = m.set[:0]
	clear(m.other)
}

func (m *StemMap) getID(id uint32) (int32, bool) {
	if int(id) >= len(m.byID) || m.byID[id] == 0 {
		return 0, false
	}
	return m.byID[id] - 1, true
}

func (m *StemMap) setID(id uint32, v int32) {
	if int(id) >= len(m.byID) {
		// Room for the ids given so far, so that the array grows a few
		// times in a process, not with every new word.
		n := max(int(id)+1, 2*len(m.byID), 1024)
		grown := make([]int32, n)
		copy(grown, m.byID)
		m.byID = grown
	}
	if m.byID[id] == 0 {
		m.set = append(m.set, id)
	}
	m.byID[id] = v + 1
}

func (m *StemMap) setKey(stem string, v int32) {
	if m.other == nil {
		m.other = map[string]int32{}
	}
	m.other[stem] = v
}

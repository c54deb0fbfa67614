package pebble

import "runtime"

// MemTable returns the memtable size the store runs with, waiting for a
// regrow in flight to finish.
func (s *Store) MemTable() uint64 {
	for s.growing.Load() {
		runtime.Gosched()
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.mem
}

// MemTableFor is memTableFor, for the table test.
var MemTableFor = memTableFor

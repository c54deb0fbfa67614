package pebble

import (
	"fmt"
	"io/fs"
	"math/bits"
	"os"
	"path/filepath"
	"strings"
)

// Memtable bounds. Pebble preallocates every write-ahead log file at 110 %
// of the memtable size and keeps several (one per memtable awaiting a
// flush, and up to three for reuse), so a fixed 64 MiB made a store of
// 12 MB of pages take 423 MiB on disk. A memtable of a sixteenth of the
// store keeps the logs a fraction of it; 64 MiB is where a bulk ingest
// stops gaining from larger ones.
const (
	minMem = 1 << 20
	maxMem = 64 << 20
)

// memTableFor returns the memtable size for a store holding size bytes: a
// sixteenth of it rounded up to a power of two, between 1 and 64 MiB.
func memTableFor(size int64) uint64 {
	want := uint64(max(size, 0)) / 16
	if want <= minMem {
		return minMem
	}
	if want >= maxMem {
		return maxMem
	}
	return 1 << bits.Len64(want-1)
}

// dataSize returns the bytes of data the Pebble database in dir holds: its tables
// and the written part of its logs. It is 0 for a new store, and counts
// what it can read of one it cannot fully list.
func dataSize(dir string) int64 {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return 0
	}
	var n int64
	for _, e := range ents {
		if !strings.HasSuffix(e.Name(), ".sst") && !strings.HasSuffix(e.Name(), ".log") {
			continue
		}
		if info, err := e.Info(); err == nil {
			n += info.Size()
		}
	}
	return n
}

// wrote counts n bytes just committed; s.wmu is held. Every s.mem bytes it
// measures the store, and when the store has outgrown its memtables it
// starts a regrow.
func (s *Store) wrote(n int) {
	s.dirty = true
	if !s.grows {
		return
	}
	s.sinceCheck += int64(n)
	if s.sinceCheck < int64(s.mem) {
		return
	}
	s.sinceCheck = 0
	size := uint64(0)
	for _, db := range s.dbs() {
		size += db.Metrics().DiskSpaceUsage()
	}
	want := memTableFor(int64(size))
	if want > s.mem && s.growing.CompareAndSwap(false, true) {
		go s.regrow(want)
	}
}

// regrow reopens the store with memtables of mem bytes. Pebble fixes the
// memtable size when it opens a database, so growing it means a reopen:
// calls wait for it (a few hundred milliseconds, for the flushes and
// compactions running), about six times in the life of a store that grows
// to gigabytes. Should the reopen fail, every later call returns why.
func (s *Store) regrow(mem uint64) {
	defer s.growing.Store(false)
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed || s.broken != nil {
		return
	}
	s.writtenBefore += s.bytesWritten()
	err := s.closeDBs()
	if err == nil {
		s.mem = mem
		err = s.openDBs()
	}
	if err != nil {
		s.broken = fmt.Errorf("pebble store %s: reopen with %d MiB memtables: %w", s.dir, mem>>20, err)
	}
}

// DirSize returns the bytes the files of the store in dir take on disk:
// the blocks allocated to them where the system says (as du counts them,
// preallocated log space included), else their sizes. It reads the
// directory only, so it works on a closed store too.
func DirSize(dir string) (int64, error) {
	var n int64
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		n += allocated(info)
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("size of pebble store %s: %w", dir, err)
	}
	return n, nil
}

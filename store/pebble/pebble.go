// Package pebble is the embedded store.Store backend, on CockroachDB's
// Pebble engine: one directory, crash-safe, no server to run.
//
// Each kind of data is a key range under a one-byte prefix:
//
//	'd' id                 → document record (its body's number, meta, bands, terms)
//	's' id                 → signature, 4 bytes little-endian per value
//	'b' band(8, big end.) id → ""   (LSH band postings)
//	't' term 0x00 id       → ""   (term postings)
//	'm' "count"            → number of documents, uvarint
//	'm' "body"             → number of the last body written, uvarint
//
// The article bodies live in a second Pebble database, in the "bodies"
// folder of the store's: 'a' n(8, big end.) → article body n,
// S2-compressed (see record).
//
// A posting is a key of its own, so adding a document never rewrites a
// long list, and a posting lookup is one prefix scan. The document record
// keeps the band keys and terms so that Delete and replacement find the
// postings to remove. Every Put and Delete is one batch committed with a
// WAL sync before it returns: an acknowledged write survives a crash, and
// a crash never leaves half a batch. A Put writes and syncs its bodies
// first, so a crash may leave bodies no record names (room taken, nothing
// lost), never a record without its body.
package pebble

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/cespare/xxhash/v2"
	pdb "github.com/cockroachdb/pebble"
	"github.com/cockroachdb/pebble/bloom"
	"github.com/klauspost/compress/s2"

	"github.com/wiretrace/wiretrace/store"
)

// Options tunes Open. The zero value is ready to use.
type Options struct {
	// CacheSize is the block cache in bytes; 0 means 256 MiB, which
	// holds the index blocks and much of the postings and signatures of
	// a million documents.
	CacheSize int64
	// MemTableSize is the size of one memtable in bytes, and so of the
	// write-ahead log files Pebble preallocates (110 % of it). 0 sizes
	// them to the store and lets them grow with it (see memTableFor):
	// 1 MiB for a small store, up to 64 MiB, large enough that a bulk
	// ingest into a big one flushes rarely.
	MemTableSize uint64
	// ReadOnly opens an existing store without writing to it.
	ReadOnly bool
}

const (
	prefixDoc   = 'd'
	prefixSig   = 's'
	prefixBand  = 'b'
	prefixTerm  = 't'
	prefixMeta  = 'm'
	prefixBody  = 'a'
	recordV1    = 1
	recordV2    = 2
	recordV3    = 3
	defaultCach = 256 << 20
)

var (
	countKey = []byte{prefixMeta, 'c', 'o', 'u', 'n', 't'}
	// lastBodyKey holds the number of the last article body written
	// (see record).
	lastBodyKey = []byte{prefixMeta, 'b', 'o', 'd', 'y'}
)

// Store is a store.Store in one Pebble directory.
type Store struct {
	dir  string
	opts Options
	// release gives dir back to this process's set of open stores.
	release func()
	// mu guards closed, db and broken against Close and regrow; every
	// call holds it for reading.
	mu     sync.RWMutex
	closed bool
	db     *pdb.DB
	// bodies holds the article bodies (see record); nil for a read-only
	// store that has none.
	bodies *pdb.DB
	// broken is why the store cannot be used since a failed regrow.
	broken error
	// mem is the memtable size db was opened with. When grows is set,
	// Put measures the store every mem bytes written (sinceCheck, under
	// wmu) and regrow reopens it with larger memtables once the store
	// has outgrown them; growing is set while a regrow is pending.
	mem   uint64
	grows bool
	// writtenBefore is what the databases that regrow closed had written
	// (see Written).
	writtenBefore uint64
	sinceCheck    int64
	growing       atomic.Bool
	// dirty says the store was written since it was opened: Close then
	// flushes the memtables, so that the data rests in compact tables
	// and the write-ahead logs can go. Under wmu.
	dirty bool
	// wmu serialises writers, so that reading a document's old postings,
	// writing the new ones and updating the count are one step.
	wmu   sync.Mutex
	count int64
	// body is the number of the last article body written
	// (lastBodyKey); under wmu.
	body uint64
	// written holds a hash of every id this Store has put, and complete
	// says the store was empty when opened. Together they answer "this
	// id was never stored" without reading: Put then skips the read of
	// an old record for every new document, which was an eighth of a
	// bulk ingest's CPU time (a Get of an absent key still consults the
	// bloom filter and index block of every table that may hold it). An
	// id whose hash is present is read as before, so a hash collision or
	// a deleted id costs a read, never a wrong answer. Only one process
	// opens a Pebble directory, so no other writer can add ids unseen.
	// Written under wmu and fmu; read under wmu (Put) or fmu (Exists).
	written  map[uint64]struct{}
	complete bool
	fmu      sync.RWMutex
}

var _ store.Store = (*Store)(nil)

// Open opens the store in dir, creating it when it does not exist. When
// another process (or another Store of this one) has it open, the error
// wraps ErrInUse and names that process when the system can tell.
func Open(dir string, opts Options) (*Store, error) {
	release, err := claim(dir)
	if err != nil {
		return nil, err
	}
	s := &Store{dir: dir, opts: opts, release: release, mem: opts.MemTableSize}
	if s.mem == 0 {
		s.grows = !opts.ReadOnly
		s.mem = memTableFor(dataSize(dir) + dataSize(filepath.Join(dir, bodiesDir)))
	}
	if err := s.openDBs(); err != nil {
		release()
		return nil, err
	}
	count, err := readCounter(s.db, countKey)
	if err == nil {
		s.count = int64(count)
		s.body, err = readCounter(s.db, lastBodyKey)
	}
	if err != nil {
		s.closeDBs()
		release()
		return nil, fmt.Errorf("open pebble store %s: %w", dir, err)
	}
	if s.count == 0 && !opts.ReadOnly {
		// The count is exact, so an empty store holds no record: every
		// id it will hold passes through Put below.
		s.complete = true
		s.written = make(map[uint64]struct{})
	}
	return s, nil
}

// readCounter reads the number a meta key holds; 0 when it is absent.
func readCounter(db *pdb.DB, key []byte) (uint64, error) {
	v, closer, err := db.Get(key)
	if errors.Is(err, pdb.ErrNotFound) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("read %s: %w", key[1:], err)
	}
	defer closer.Close()
	n, k := binary.Uvarint(v)
	if k <= 0 {
		return 0, fmt.Errorf("corrupt %s", key[1:])
	}
	return n, nil
}

// bodiesDir is the folder of a store's bodies database.
const bodiesDir = "bodies"

// openDBs opens the databases of s, the bodies' when the store has one or
// may write one.
func (s *Store) openDBs() error {
	db, err := s.openDB(s.dir, false)
	if err != nil {
		return err
	}
	s.db = db
	bdir := filepath.Join(s.dir, bodiesDir)
	if _, err := os.Stat(bdir); err != nil && s.opts.ReadOnly {
		return nil // a store of the earlier layout, or new and empty
	}
	if s.bodies, err = s.openDB(bdir, true); err != nil {
		s.db.Close()
		s.db = nil
		return err
	}
	return nil
}

// closeDBs closes the databases of s.
func (s *Store) closeDBs() error {
	var err error
	if s.bodies != nil {
		err = s.bodies.Close()
		s.bodies = nil
	}
	if s.db != nil {
		if cerr := s.db.Close(); err == nil {
			err = cerr
		}
		s.db = nil
	}
	return err
}

// openDB opens the Pebble database in dir with memtables of s.mem bytes:
// the store's, or with bodies its bodies'.
func (s *Store) openDB(dir string, bodies bool) (*pdb.DB, error) {
	size := s.opts.CacheSize
	if size == 0 {
		size = defaultCach
	}
	cache := pdb.NewCache(size)
	defer cache.Unref()
	po := &pdb.Options{
		Cache:        cache,
		MemTableSize: s.mem,
		ReadOnly:     s.opts.ReadOnly,
		// Two compactions keep up with a bulk ingest on a small machine
		// without starving the writers.
		MaxConcurrentCompactions: func() int { return 2 },
		// Pebble logs every flush and compaction by default; a CLI must
		// stay quiet.
		Logger: quietLogger{},
	}
	po.Levels = make([]pdb.LevelOptions, 7)
	for i := range po.Levels {
		// Bloom filters make Exists and Get of an absent id (every new
		// document of an ingest) skip the tables that cannot hold it.
		po.Levels[i].FilterPolicy = bloom.FilterPolicy(10)
		// No block compression: the articles, the bulk of the data,
		// are compressed once in their bodies (encodeBody); the rest
		// (random band keys, hex ids, signatures) barely compresses,
		// and Snappy on every flush and compaction was a tenth of a
		// bulk ingest's CPU time.
		po.Levels[i].Compression = pdb.NoCompression
		// Pebble's default 4 KiB blocks: a posting seek or a signature
		// read decompresses one block, and 32 KiB blocks made snappy a
		// fifth of a query's time for a slightly smaller store.
	}
	// A bulk ingest is mostly compaction: every byte is rewritten once
	// per level it passes. Letting L0 gather 8 files before compacting
	// them (Pebble's default is 4), a 512 MiB base level (64 MiB) and
	// 16 MiB tables (2 MiB) merge more data per compaction and leave
	// fewer levels to pass through: CPU per article of a 200,000-article
	// ingest 245 -> 229 µs. Writes stall only at 32 L0 files, which a
	// query's read of L0 tolerates (bloom filters skip most of them).
	po.L0CompactionThreshold = 8
	po.L0StopWritesThreshold = 32
	po.LBaseMaxBytes = 512 << 20
	for i := range po.Levels {
		po.Levels[i].TargetFileSize = 16 << 20
	}
	if bodies {
		// The bodies come in key order, so their tables do not overlap
		// and compactions move them whole: one compaction at a time
		// keeps up.
		po.MaxConcurrentCompactions = func() int { return 1 }
	}
	po.EnsureDefaults()
	db, err := pdb.Open(dir, po)
	if err != nil {
		if lockConflict(err) {
			return nil, inUse(s.dir, err)
		}
		return nil, fmt.Errorf("open pebble store %s: %w", dir, err)
	}
	return db, nil
}

type quietLogger struct{}

func (quietLogger) Infof(string, ...interface{})  {}
func (quietLogger) Errorf(string, ...interface{}) {}
func (quietLogger) Fatalf(format string, args ...interface{}) {
	panic(fmt.Sprintf("pebble: "+format, args...))
}

// begin checks ctx and the closed flag and holds the read lock; the
// caller must call s.mu.RUnlock when it returns nil.
func (s *Store) begin(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.RLock()
	if s.closed {
		s.mu.RUnlock()
		return fmt.Errorf("pebble store %s: %w", s.dir, store.ErrClosed)
	}
	if s.broken != nil {
		s.mu.RUnlock()
		return s.broken
	}
	return nil
}

func docKey(id string) []byte { return append([]byte{prefixDoc}, id...) }
func sigKey(id string) []byte { return append([]byte{prefixSig}, id...) }

func bandPrefix(band uint64) []byte {
	k := make([]byte, 9, 9+32)
	k[0] = prefixBand
	binary.BigEndian.PutUint64(k[1:], band)
	return k
}

func termPrefix(term string) []byte {
	k := make([]byte, 0, len(term)+2+32)
	k = append(k, prefixTerm)
	k = append(k, term...)
	return append(k, 0)
}

// record is what the 'd' key holds. A record of the first two formats
// (recordV1, recordV2) holds the article itself; one of recordV3, which
// every write makes, holds the number of its article's body, stored apart
// under bodyKey in the bodies database.
//
// The bodies are most of a store's bytes, and a document's id is a hash:
// in the 'd' records they were spread over the whole key space and
// rewritten by every compaction that passed through it, level after
// level. Numbered in the order they are written and kept in a database
// of their own, each lands after every body before it: its tables never
// overlap, and compactions move them down the levels instead of merging
// them with others.
type record struct {
	article []byte
	// body is the number of the article's body (recordV3); 0 in the
	// records that hold the article.
	body  uint64
	meta  map[string]string
	bands []uint64
	terms []string
}

// encodeRecord returns the recordV3 record of d, whose article is body
// number body (see encodeBody).
func encodeRecord(d *store.Document, body uint64) []byte {
	n := 1 + 10 + 10 + 10 + 8*len(d.Bands) + 10
	for k, v := range d.Meta {
		n += 20 + len(k) + len(v)
	}
	for _, t := range d.Terms {
		n += 10 + len(t)
	}
	b := make([]byte, 0, n)
	b = append(b, recordV3)
	b = binary.AppendUvarint(b, body)
	b = binary.AppendUvarint(b, uint64(len(d.Meta)))
	for k, v := range d.Meta {
		b = appendBytes(b, []byte(k))
		b = appendBytes(b, []byte(v))
	}
	b = binary.AppendUvarint(b, uint64(len(d.Bands)))
	for _, x := range d.Bands {
		b = binary.BigEndian.AppendUint64(b, x)
	}
	b = binary.AppendUvarint(b, uint64(len(d.Terms)))
	for _, t := range d.Terms {
		b = appendBytes(b, []byte(t))
	}
	return b
}

// bodyKey is the key of article body number n: big-endian, so that the
// bodies sort in the order they were written.
func bodyKey(n uint64) []byte {
	return binary.BigEndian.AppendUint64([]byte{prefixBody}, n)
}

// encodeBody returns an article's body as stored: S2-compressed.
func encodeBody(article []byte) []byte { return s2.Encode(nil, article) }

// decodeBody returns the article of a stored body; it copies it out of v,
// which belongs to Pebble.
func decodeBody(v []byte) ([]byte, error) {
	n, err := s2.DecodedLen(v)
	if err != nil || n > maxArticle {
		return nil, errCorrupt
	}
	a, err := s2.Decode(make([]byte, n), v)
	if err != nil {
		return nil, errCorrupt
	}
	return a, nil
}

func appendBytes(b, s []byte) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

var errCorrupt = errors.New("corrupt document record")

// maxArticle bounds a record's article decompressed, so that a corrupt
// length cannot ask for a huge buffer: far beyond any news article.
const maxArticle = 256 << 20

// decodeRecord parses a record; it copies everything out of v, which
// belongs to Pebble.
func decodeRecord(v []byte) (record, error) {
	var r record
	if len(v) == 0 || v[0] < recordV1 || v[0] > recordV3 {
		return r, errCorrupt
	}
	d := decoder{b: v[1:]}
	switch v[0] {
	case recordV1:
		r.article = bytes.Clone(d.bytes())
	case recordV2:
		if z := d.bytes(); d.err == nil {
			var err error
			if r.article, err = decodeBody(z); err != nil {
				return record{}, err
			}
		}
	case recordV3:
		if r.body = d.uvarint(); r.body == 0 && d.err == nil {
			return record{}, errCorrupt
		}
	}
	if nm := d.uvarint(); nm > 0 && d.err == nil {
		r.meta = make(map[string]string, min(nm, 64))
		for i := uint64(0); i < nm && d.err == nil; i++ {
			k := string(d.bytes())
			r.meta[k] = string(d.bytes())
		}
	}
	nb := d.uvarint()
	if d.err == nil && nb <= uint64(len(d.b)/8) {
		r.bands = make([]uint64, nb)
		for i := range r.bands {
			r.bands[i] = binary.BigEndian.Uint64(d.b[8*i:])
		}
		d.b = d.b[8*nb:]
	} else {
		d.err = errCorrupt
	}
	nt := d.uvarint()
	if d.err == nil && nt <= uint64(len(d.b)) {
		r.terms = make([]string, 0, nt)
		for i := uint64(0); i < nt && d.err == nil; i++ {
			r.terms = append(r.terms, string(d.bytes()))
		}
	}
	if d.err != nil || len(d.b) != 0 {
		return record{}, errCorrupt
	}
	return r, nil
}

type decoder struct {
	b   []byte
	err error
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	x, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.err = errCorrupt
		return 0
	}
	d.b = d.b[n:]
	return x
}

func (d *decoder) bytes() []byte {
	n := d.uvarint()
	if d.err != nil || n > uint64(len(d.b)) {
		d.err = errCorrupt
		return nil
	}
	s := d.b[:n]
	d.b = d.b[n:]
	return s
}

func encodeSig(sig []uint32) []byte {
	b := make([]byte, 4*len(sig))
	for i, x := range sig {
		binary.LittleEndian.PutUint32(b[4*i:], x)
	}
	return b
}

func decodeSig(v []byte) []uint32 {
	sig := make([]uint32, len(v)/4)
	for i := range sig {
		sig[i] = binary.LittleEndian.Uint32(v[4*i:])
	}
	return sig
}

// readRecord returns the stored record of id, or ok false; with article,
// its article too, read from its body when the record holds it apart.
func (s *Store) readRecord(id string, article bool) (record, bool, error) {
	v, closer, err := s.db.Get(docKey(id))
	if errors.Is(err, pdb.ErrNotFound) {
		return record{}, false, nil
	}
	if err != nil {
		return record{}, false, err
	}
	defer closer.Close()
	r, err := decodeRecord(v)
	if err != nil {
		return record{}, false, fmt.Errorf("document %q: %w", id, err)
	}
	if article && r.body != 0 {
		if s.bodies == nil {
			return record{}, false, fmt.Errorf("document %q: body %d: no bodies database: %w", id, r.body, errCorrupt)
		}
		v, closer, err := s.bodies.Get(bodyKey(r.body))
		if errors.Is(err, pdb.ErrNotFound) {
			return record{}, false, fmt.Errorf("document %q: body %d missing: %w", id, r.body, errCorrupt)
		}
		if err != nil {
			return record{}, false, fmt.Errorf("document %q: read body %d: %w", id, r.body, err)
		}
		r.article, err = decodeBody(v)
		closer.Close()
		if err != nil {
			return record{}, false, fmt.Errorf("document %q: body %d: %w", id, r.body, err)
		}
	}
	return r, true, nil
}

// deletePostings adds to b the deletion of r's postings for id, except
// those in keepBands and keepTerms.
func deletePostings(b *sortedBatch, id string, r record, keepBands map[uint64]bool, keepTerms map[string]bool) {
	for _, x := range r.bands {
		if !keepBands[x] {
			b.Delete(append(bandPrefix(x), id...), nil)
		}
	}
	for _, t := range r.terms {
		if !keepTerms[t] {
			b.Delete(append(termPrefix(t), id...), nil)
		}
	}
}

// op is one write of a sortedBatch.
type op struct {
	// pre is the key's first 8 bytes, big-endian and zero-padded: most
	// comparisons of the sort end on it without reading the keys.
	pre      uint64
	key, val []byte
	del      bool
}

func keyPrefix(k []byte) uint64 {
	if len(k) >= 8 {
		return binary.BigEndian.Uint64(k)
	}
	var b [8]byte
	copy(b[:], k)
	return binary.BigEndian.Uint64(b[:])
}

// sortedBatch collects a write's operations and hands them to Pebble in
// key order. Pebble inserts a batch into its memtable skiplist remembering
// where the previous key went, so sorted keys skip most of the search;
// the skiplist inserts were a quarter of the ingest's CPU time with the
// postings of each document scattered over the key space. No key is both
// set and deleted in one write (a key set twice gets the same empty value),
// so the order does not change the result.
type sortedBatch struct{ ops []op }

func (b *sortedBatch) Set(k, v []byte, _ *pdb.WriteOptions) {
	b.ops = append(b.ops, op{pre: keyPrefix(k), key: k, val: v})
}
func (b *sortedBatch) Delete(k []byte, _ *pdb.WriteOptions) {
	b.ops = append(b.ops, op{pre: keyPrefix(k), key: k, del: true})
}

// order returns the ops in key order, as references into b.ops. The
// comparisons were the cost of a comparison sort (sorting 16-byte
// references instead of the ops measured no faster), so a write of more
// than radixMin ops is put in order of the keys' first 8 bytes by a radix
// sort, which compares nothing; the runs that share them (the postings of
// a term of 7 bytes or more held by several documents of the write) are
// then sorted by the next 8 bytes, and by the full keys only where those
// are equal too. The ops themselves do not move.
func (b *sortedBatch) order() []opRef {
	refs := make([]opRef, len(b.ops))
	for i := range b.ops {
		o := &b.ops[i]
		refs[i] = opRef{pre: o.pre, at: uint32(i)}
		if len(o.key) > 8 {
			refs[i].next = keyPrefix(o.key[8:])
		}
	}
	// Zero padding sorts before every byte, so equal prefixes leave the
	// order to the rest of the keys.
	cmp := func(x, y opRef) int {
		if x.pre != y.pre {
			return compareUint64(x.pre, y.pre)
		}
		if x.next != y.next {
			return compareUint64(x.next, y.next)
		}
		return bytes.Compare(b.ops[x.at].key, b.ops[y.at].key)
	}
	if len(refs) < radixMin {
		slices.SortFunc(refs, cmp)
		return refs
	}
	radixSort(refs, make([]opRef, len(refs)))
	for i := 0; i < len(refs); {
		j := i + 1
		for j < len(refs) && refs[j].pre == refs[i].pre {
			j++
		}
		if j-i > 1 {
			slices.SortFunc(refs[i:j], cmp)
		}
		i = j
	}
	return refs
}

func compareUint64(x, y uint64) int {
	if x < y {
		return -1
	}
	return 1
}

// radixMin is the write below which a comparison sort is the faster.
const radixMin = 256

// opRef is an op's key prefix, the key's next 8 bytes (zero-padded like
// the prefix) and the op's place in the write.
type opRef struct {
	pre, next uint64
	at        uint32
}

// radixSort sorts refs by pre, least significant byte first, using tmp
// (as long as refs) for the passes; it skips a byte that all prefixes
// share, such as the kind byte of a write of postings only.
func radixSort(refs, tmp []opRef) {
	var counts [8][256]int
	for _, r := range refs {
		for b := range 8 {
			counts[b][byte(r.pre>>(8*b))]++
		}
	}
	src, dst := refs, tmp
	for b := range 8 {
		c := &counts[b]
		if c[byte(src[0].pre>>(8*b))] == len(src) {
			continue
		}
		at := 0
		for i, n := range c {
			c[i] = at
			at += n
		}
		shift := 8 * b
		for _, r := range src {
			d := byte(r.pre >> shift)
			dst[c[d]] = r
			c[d]++
		}
		src, dst = dst, src
	}
	if &src[0] != &refs[0] {
		copy(refs, src)
	}
}

func (b *sortedBatch) build(db *pdb.DB, size int) *pdb.Batch {
	pb := db.NewBatchWithSize(size)
	for _, r := range b.order() {
		o := &b.ops[r.at]
		if o.del {
			pb.Delete(o.key, nil)
		} else {
			pb.Set(o.key, o.val, nil)
		}
	}
	return pb
}

// Put implements store.Store.
func (s *Store) Put(ctx context.Context, docs []store.Document) error {
	if len(docs) == 0 {
		return ctx.Err()
	}
	for i := range docs {
		if err := docs[i].Validate(); err != nil {
			return fmt.Errorf("pebble store %s: put: %w", s.dir, err)
		}
	}
	if err := s.begin(ctx); err != nil {
		return err
	}
	defer s.mu.RUnlock()
	if s.bodies == nil {
		// Read-only, without a bodies database to write to.
		return fmt.Errorf("pebble store %s: put: %w", s.dir, pdb.ErrReadOnly)
	}

	// The last version of a repeated id wins.
	last := make(map[string]int, len(docs))
	for i := range docs {
		last[docs[i].ID] = i
	}
	size, bodySize, nops := 0, 0, 1
	for i := range docs {
		size += 4*len(docs[i].Signature) + 48*len(docs[i].Bands) + 48*len(docs[i].Terms) + 128
		bodySize += len(docs[i].Article) + 32
		nops += 2 + len(docs[i].Bands) + len(docs[i].Terms)
	}
	b := &sortedBatch{ops: make([]op, 0, nops)}

	s.wmu.Lock()
	defer s.wmu.Unlock()
	// The bodies are written, and synced, before the records that name
	// them: a crash between the two leaves bodies no record names, never
	// a record without its body. The bodies the write replaces go after
	// it, for the same reason. Their keys come in ascending order, as
	// Pebble's memtable likes them, so they need no sortedBatch.
	bb := s.bodies.NewBatchWithSize(bodySize)
	defer bb.Close()
	var gone []uint64
	added := int64(0)
	for i := range docs {
		d := &docs[i]
		if last[d.ID] != i {
			continue
		}
		var old record
		exists := false
		h := xxhash.Sum64String(d.ID)
		if _, seen := s.written[h]; seen || !s.complete {
			var err error
			old, exists, err = s.readRecord(d.ID, false)
			if err != nil {
				return fmt.Errorf("pebble store %s: put: %w", s.dir, err)
			}
		}
		if s.complete {
			// Marked before the commit: should it fail, the id is
			// merely read the next time.
			s.fmu.Lock()
			s.written[h] = struct{}{}
			s.fmu.Unlock()
		}
		if exists {
			keepB := make(map[uint64]bool, len(d.Bands))
			for _, x := range d.Bands {
				keepB[x] = true
			}
			keepT := make(map[string]bool, len(d.Terms))
			for _, t := range d.Terms {
				keepT[t] = true
			}
			deletePostings(b, d.ID, old, keepB, keepT)
			if old.body != 0 {
				gone = append(gone, old.body)
			}
		} else {
			added++
		}
		s.body++
		bb.Set(bodyKey(s.body), encodeBody(d.Article), nil)
		b.Set(docKey(d.ID), encodeRecord(d, s.body), nil)
		b.Set(sigKey(d.ID), encodeSig(d.Signature), nil)
		// The posting keys of a document are cut from one slab rather
		// than allocated one by one (59 allocations a document with
		// the default fingerprint). Batch.Set copies them; a slab that
		// grows leaves the keys already cut in the old one, unchanged.
		n := len(d.Bands) * (9 + len(d.ID))
		for _, t := range d.Terms {
			n += len(t) + 2 + len(d.ID)
		}
		slab := make([]byte, 0, n)
		for _, x := range d.Bands {
			at := len(slab)
			slab = append(slab, prefixBand)
			slab = binary.BigEndian.AppendUint64(slab, x)
			slab = append(slab, d.ID...)
			b.Set(slab[at:len(slab):len(slab)], nil, nil)
		}
		for _, t := range d.Terms {
			at := len(slab)
			slab = append(slab, prefixTerm)
			slab = append(slab, t...)
			slab = append(slab, 0)
			slab = append(slab, d.ID...)
			b.Set(slab[at:len(slab):len(slab)], nil, nil)
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if added != 0 {
		b.Set(countKey, binary.AppendUvarint(nil, uint64(s.count+added)), nil)
	}
	b.Set(lastBodyKey, binary.AppendUvarint(nil, s.body), nil)
	if err := bb.Commit(pdb.Sync); err != nil {
		return fmt.Errorf("pebble store %s: put %d documents: write bodies: %w", s.dir, len(docs), err)
	}
	pb := b.build(s.db, size)
	defer pb.Close()
	if err := pb.Commit(pdb.Sync); err != nil {
		return fmt.Errorf("pebble store %s: put %d documents: %w", s.dir, len(docs), err)
	}
	s.count += added
	s.wrote(pb.Len() + bb.Len())
	return s.dropBodies(gone)
}

// dropBodies deletes bodies no record names any more. Not synced: should
// the deletion be lost in a crash, the bodies take room, nothing more.
func (s *Store) dropBodies(ns []uint64) error {
	if len(ns) == 0 {
		return nil
	}
	b := s.bodies.NewBatch()
	defer b.Close()
	for _, n := range ns {
		b.Delete(bodyKey(n), nil)
	}
	if err := b.Commit(pdb.NoSync); err != nil {
		return fmt.Errorf("pebble store %s: delete %d bodies: %w", s.dir, len(ns), err)
	}
	return nil
}

// Get implements store.Store.
func (s *Store) Get(ctx context.Context, id string) (store.Document, error) {
	if err := s.begin(ctx); err != nil {
		return store.Document{}, err
	}
	defer s.mu.RUnlock()
	r, ok, err := s.readRecord(id, true)
	if err != nil {
		return store.Document{}, fmt.Errorf("pebble store %s: get: %w", s.dir, err)
	}
	if !ok {
		return store.Document{}, fmt.Errorf("pebble store %s: get %q: %w", s.dir, id, store.ErrNotFound)
	}
	d := store.Document{ID: id, Article: r.article, Meta: r.meta, Bands: r.bands, Terms: r.terms}
	v, closer, err := s.db.Get(sigKey(id))
	if err == nil {
		d.Signature = decodeSig(v)
		closer.Close()
	} else if !errors.Is(err, pdb.ErrNotFound) {
		return store.Document{}, fmt.Errorf("pebble store %s: get signature %q: %w", s.dir, id, err)
	}
	return d, nil
}

// Exists implements store.Store.
func (s *Store) Exists(ctx context.Context, ids []string) ([]bool, error) {
	if err := s.begin(ctx); err != nil {
		return nil, err
	}
	defer s.mu.RUnlock()
	out := make([]bool, len(ids))
	s.fmu.RLock()
	complete := s.complete
	for i, id := range ids {
		// An id never written is absent (see Store.written); out[i]
		// true marks those left to read.
		_, seen := s.written[xxhash.Sum64String(id)]
		out[i] = !complete || seen
	}
	s.fmu.RUnlock()
	for i, id := range ids {
		if !out[i] {
			continue
		}
		out[i] = false
		_, closer, err := s.db.Get(docKey(id))
		switch {
		case err == nil:
			out[i] = true
			closer.Close()
		case errors.Is(err, pdb.ErrNotFound):
		default:
			return nil, fmt.Errorf("pebble store %s: exists %q: %w", s.dir, id, err)
		}
	}
	return out, nil
}

// Delete implements store.Store.
func (s *Store) Delete(ctx context.Context, ids []string) error {
	if err := s.begin(ctx); err != nil {
		return err
	}
	defer s.mu.RUnlock()
	b := &sortedBatch{}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	removed := int64(0)
	var gone []uint64
	seen := make(map[string]bool, len(ids))
	for _, id := range ids {
		if seen[id] {
			continue
		}
		seen[id] = true
		r, ok, err := s.readRecord(id, false)
		if err != nil {
			return fmt.Errorf("pebble store %s: delete: %w", s.dir, err)
		}
		if !ok {
			continue
		}
		deletePostings(b, id, r, nil, nil)
		if r.body != 0 {
			gone = append(gone, r.body)
		}
		b.Delete(docKey(id), nil)
		b.Delete(sigKey(id), nil)
		removed++
	}
	if removed == 0 {
		return nil
	}
	b.Set(countKey, binary.AppendUvarint(nil, uint64(s.count-removed)), nil)
	pb := b.build(s.db, 0)
	defer pb.Close()
	if err := pb.Commit(pdb.Sync); err != nil {
		return fmt.Errorf("pebble store %s: delete %d documents: %w", s.dir, removed, err)
	}
	s.count -= removed
	s.wrote(pb.Len())
	return s.dropBodies(gone)
}

// Signatures implements store.Store.
func (s *Store) Signatures(ctx context.Context, ids []string) ([][]uint32, error) {
	if err := s.begin(ctx); err != nil {
		return nil, err
	}
	defer s.mu.RUnlock()
	out := make([][]uint32, len(ids))
	for i, id := range ids {
		v, closer, err := s.db.Get(sigKey(id))
		switch {
		case err == nil:
			out[i] = decodeSig(v)
			if out[i] == nil {
				out[i] = []uint32{}
			}
			closer.Close()
		case errors.Is(err, pdb.ErrNotFound):
		default:
			return nil, fmt.Errorf("pebble store %s: signature %q: %w", s.dir, id, err)
		}
	}
	return out, nil
}

// BandPostings implements store.Store.
func (s *Store) BandPostings(ctx context.Context, keys []uint64, limit int) ([][]string, error) {
	prefixes := make([][]byte, len(keys))
	for i, k := range keys {
		prefixes[i] = bandPrefix(k)
	}
	return s.postings(ctx, prefixBand, prefixes, limit)
}

// TermPostings implements store.Store.
func (s *Store) TermPostings(ctx context.Context, terms []string, limit int) ([][]string, error) {
	prefixes := make([][]byte, len(terms))
	for i, t := range terms {
		prefixes[i] = termPrefix(t)
	}
	return s.postings(ctx, prefixTerm, prefixes, limit)
}

// postings scans each prefix with one iterator bounded to the kind's key
// range, returning the id suffixes.
func (s *Store) postings(ctx context.Context, kind byte, prefixes [][]byte, limit int) ([][]string, error) {
	if err := s.begin(ctx); err != nil {
		return nil, err
	}
	defer s.mu.RUnlock()
	out := make([][]string, len(prefixes))
	if len(prefixes) == 0 {
		return out, nil
	}
	it, err := s.db.NewIter(&pdb.IterOptions{LowerBound: []byte{kind}, UpperBound: []byte{kind + 1}})
	if err != nil {
		return nil, fmt.Errorf("pebble store %s: postings: %w", s.dir, err)
	}
	defer it.Close()
	for i, p := range prefixes {
		for ok := it.SeekGE(p); ok; ok = it.Next() {
			k := it.Key()
			if !bytes.HasPrefix(k, p) {
				break
			}
			out[i] = append(out[i], string(k[len(p):]))
			if limit > 0 && len(out[i]) >= limit {
				break
			}
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
	}
	if err := it.Error(); err != nil {
		return nil, fmt.Errorf("pebble store %s: postings: %w", s.dir, err)
	}
	return out, nil
}

// Count implements store.Store.
func (s *Store) Count(ctx context.Context) (int64, error) {
	if err := s.begin(ctx); err != nil {
		return 0, err
	}
	defer s.mu.RUnlock()
	s.wmu.Lock()
	defer s.wmu.Unlock()
	return s.count, nil
}

// Scan implements store.Store.
func (s *Store) Scan(ctx context.Context, fn func(id string) error) error {
	if err := s.begin(ctx); err != nil {
		return err
	}
	defer s.mu.RUnlock()
	it, err := s.db.NewIter(&pdb.IterOptions{LowerBound: []byte{prefixDoc}, UpperBound: []byte{prefixDoc + 1}})
	if err != nil {
		return fmt.Errorf("pebble store %s: scan: %w", s.dir, err)
	}
	defer it.Close()
	n := 0
	for ok := it.First(); ok; ok = it.Next() {
		if n++; n%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if err := fn(string(it.Key()[1:])); err != nil {
			return err
		}
	}
	if err := it.Error(); err != nil {
		return fmt.Errorf("pebble store %s: scan: %w", s.dir, err)
	}
	return nil
}

// DiskUsage returns the bytes the store's files take on disk: its tables
// (the data, compressed) and everything else (write-ahead log, obsolete
// files awaiting deletion, manifest), for the benchmark's size figures.
func (s *Store) DiskUsage() (tables, other uint64, err error) {
	if err := s.begin(context.Background()); err != nil {
		return 0, 0, err
	}
	defer s.mu.RUnlock()
	for _, db := range s.dbs() {
		m := db.Metrics()
		t := uint64(0)
		for _, l := range m.Levels {
			t += uint64(l.Size)
		}
		tables += t
		other += m.DiskSpaceUsage() - t
	}
	return tables, other, nil
}

// dbs returns the open databases of s.
func (s *Store) dbs() []*pdb.DB {
	if s.bodies == nil {
		return []*pdb.DB{s.db}
	}
	return []*pdb.DB{s.db, s.bodies}
}

// Written returns the bytes the store has written to disk since it was
// opened: its write-ahead log, and the tables its flushes and compactions
// made. Against the data put, it is the store's write amplification.
func (s *Store) Written() (uint64, error) {
	if err := s.begin(context.Background()); err != nil {
		return 0, err
	}
	defer s.mu.RUnlock()
	return s.writtenBefore + s.bytesWritten(), nil
}

// bytesWritten returns the bytes the databases of s have written since they
// were opened (see Store.Written).
func (s *Store) bytesWritten() uint64 {
	n := uint64(0)
	for _, db := range s.dbs() {
		m := db.Metrics()
		t := m.Total()
		n += m.WAL.BytesWritten + t.BytesFlushed + t.BytesCompacted
	}
	return n
}

// Flush writes the memtables to tables, so that DiskUsage counts
// everything in the compact form a long-lived store reaches.
func (s *Store) Flush() error {
	if err := s.begin(context.Background()); err != nil {
		return err
	}
	defer s.mu.RUnlock()
	return s.flushDBs()
}

// flushDBs flushes the memtables of every database of s, each even when
// another fails; it returns the first error.
func (s *Store) flushDBs() error {
	var err error
	for _, db := range s.dbs() {
		if ferr := db.Flush(); err == nil {
			err = ferr
		}
	}
	return err
}

// Settle waits until no flush or compaction has been running for 60 ms:
// the background work the writes so far left, done, so that a benchmark
// counts it (wiretrace bench index).
func (s *Store) Settle(ctx context.Context) error {
	if err := s.begin(ctx); err != nil {
		return err
	}
	defer s.mu.RUnlock()
	t := time.NewTicker(20 * time.Millisecond)
	defer t.Stop()
	for quiet := 0; quiet < 3; {
		busy := false
		for _, db := range s.dbs() {
			m := db.Metrics()
			busy = busy || m.Compact.NumInProgress != 0 || m.Flush.NumInProgress != 0
		}
		if busy {
			quiet = 0
		} else {
			quiet++
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
	return nil
}

// Close implements store.Store.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	defer s.release()
	if s.db == nil {
		// A failed regrow closed it already.
		return nil
	}
	var err error
	if s.dirty {
		err = s.flushDBs()
	}
	if cerr := s.closeDBs(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("close pebble store %s: %w", s.dir, err)
	}
	return nil
}

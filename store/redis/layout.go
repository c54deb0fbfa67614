package redis

import (
	"encoding/binary"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/cespare/xxhash/v2"

	"github.com/wiretrace/wiretrace/store"
)

// shards is the number of id shards (hash tags) documents are spread over.
// It must stay fixed for the life of a store, so Open records it in the
// layout key. 1024 is far more than the masters of any cluster we expect
// (so each master holds many shards and load evens out), and small enough
// that Count, one SCARD per shard, is a cheap pipelined call.
const shards = 1024

// layoutVersion names the key layout of this package; Open refuses a store
// written with another.
const layoutVersion = "wiretrace-redis-v1"

// keys builds the Redis keys of one store; prefix separates stores that
// share a server.
type keys struct{ prefix string }

func shardOf(id string) int { return int(xxhash.Sum64String(id) % shards) }

func (k keys) docKey(kind byte, id string) string {
	sh := shardOf(id)
	var b strings.Builder
	b.Grow(len(k.prefix) + len(id) + 12)
	b.WriteString(k.prefix)
	b.WriteByte('{')
	b.WriteString(strconv.Itoa(sh))
	b.WriteString("}:")
	b.WriteByte(kind)
	b.WriteByte(':')
	b.WriteString(id)
	return b.String()
}

func (k keys) record(id string) string  { return k.docKey('r', id) }
func (k keys) article(id string) string { return k.docKey('a', id) }
func (k keys) lock(id string) string    { return k.docKey('l', id) }
func (k keys) ids(shard int) string {
	return k.prefix + "{" + strconv.Itoa(shard) + "}:ids"
}
func (k keys) layout() string { return k.prefix + "layout" }

func (k keys) band(b uint64) string {
	var buf [8]byte
	binary.BigEndian.PutUint64(buf[:], b)
	return k.prefix + "b:" + string(buf[:])
}

func (k keys) term(t string) string { return k.prefix + "t:" + t }

// syncKey returns a key that lives in slot, for the write that precedes a
// WAIT on the master serving that slot (see Store.sync).
func (k keys) syncKey(slot int) string {
	return k.prefix + "sync:{" + slotTag(slot) + "}"
}

// member encodes a document id as a posting member. An id of 16 lowercase
// hex digits becomes its 64-bit value in decimal, which Redis stores in a
// compact intset; any other id becomes "s" + id, which never parses as an
// integer, so decoding is unambiguous.
func member(id string) string {
	if isHex16(id) {
		v, _ := strconv.ParseUint(id, 16, 64)
		return strconv.FormatInt(int64(v), 10)
	}
	return "s" + id
}

// idOf decodes a posting member written by member.
func idOf(m string) (string, error) {
	if strings.HasPrefix(m, "s") {
		return m[1:], nil
	}
	v, err := strconv.ParseInt(m, 10, 64)
	if err != nil {
		return "", fmt.Errorf("decode posting member %q: %w", m, err)
	}
	return fmt.Sprintf("%016x", uint64(v)), nil
}

func isHex16(id string) bool {
	if len(id) != 16 {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// record is what a document's record key holds: everything but the
// article. Signatures reads it without the article, and Put reads the
// previous version's bands and terms from it to find stale postings.
//
// Encoding (version 1): a version byte, then uvarint counts each followed
// by the values: signature (uint32 little-endian), bands (uint64
// little-endian), terms (uvarint length + bytes), meta (key, value as
// length + bytes).
type record struct {
	sig   []uint32
	bands []uint64
	terms []string
	meta  map[string]string
}

const recordV1 = 1

func encodeRecord(d *store.Document) []byte {
	size := 1 + 4*binary.MaxVarintLen32 + 4*len(d.Signature) + 8*len(d.Bands)
	for _, t := range d.Terms {
		size += binary.MaxVarintLen32 + len(t)
	}
	for k, v := range d.Meta {
		size += 2*binary.MaxVarintLen32 + len(k) + len(v)
	}
	b := make([]byte, 0, size)
	b = append(b, recordV1)
	b = binary.AppendUvarint(b, uint64(len(d.Signature)))
	for _, v := range d.Signature {
		b = binary.LittleEndian.AppendUint32(b, v)
	}
	b = binary.AppendUvarint(b, uint64(len(d.Bands)))
	for _, v := range d.Bands {
		b = binary.LittleEndian.AppendUint64(b, v)
	}
	b = binary.AppendUvarint(b, uint64(len(d.Terms)))
	for _, t := range d.Terms {
		b = appendString(b, t)
	}
	b = binary.AppendUvarint(b, uint64(len(d.Meta)))
	for k, v := range d.Meta {
		b = appendString(b, k)
		b = appendString(b, v)
	}
	return b
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

var errCorrupt = errors.New("corrupt record")

// decodeRecord parses a record. It never panics on bad input: a record
// is data from the network.
func decodeRecord(b []byte) (record, error) {
	var r record
	if len(b) == 0 || b[0] != recordV1 {
		return r, fmt.Errorf("%w: unknown version", errCorrupt)
	}
	d := decoder{b: b[1:]}
	if n := d.count(4); n > 0 {
		r.sig = make([]uint32, n)
		for i := range r.sig {
			r.sig[i] = binary.LittleEndian.Uint32(d.next(4))
		}
	}
	if n := d.count(8); n > 0 {
		r.bands = make([]uint64, n)
		for i := range r.bands {
			r.bands[i] = binary.LittleEndian.Uint64(d.next(8))
		}
	}
	if n := d.count(1); n > 0 {
		r.terms = make([]string, n)
		for i := range r.terms {
			r.terms[i] = d.str()
		}
	}
	if n := d.count(2); n > 0 {
		r.meta = make(map[string]string, n)
		for range n {
			k := d.str()
			r.meta[k] = d.str()
		}
	}
	if d.err != nil {
		return record{}, d.err
	}
	if len(d.b) != 0 {
		return record{}, fmt.Errorf("%w: %d trailing bytes", errCorrupt, len(d.b))
	}
	return r, nil
}

// decoder reads a record; after the first error every read returns zero
// values and err keeps that error.
type decoder struct {
	b   []byte
	err error
}

// count reads a count of items of at least min bytes each, refusing counts
// the remaining input cannot hold (so a corrupt count cannot make us
// allocate gigabytes).
func (d *decoder) count(min int) int {
	if d.err != nil {
		return 0
	}
	n, k := binary.Uvarint(d.b)
	if k <= 0 {
		d.err = fmt.Errorf("%w: bad count", errCorrupt)
		return 0
	}
	d.b = d.b[k:]
	if n > uint64(len(d.b)/min) {
		d.err = fmt.Errorf("%w: count %d exceeds the %d bytes left", errCorrupt, n, len(d.b))
		return 0
	}
	return int(n)
}

func (d *decoder) next(n int) []byte {
	if d.err != nil || len(d.b) < n {
		if d.err == nil {
			d.err = fmt.Errorf("%w: truncated", errCorrupt)
		}
		return make([]byte, n)
	}
	v := d.b[:n]
	d.b = d.b[n:]
	return v
}

func (d *decoder) str() string {
	n := d.count(1)
	return string(d.next(n))
}

// slot returns the Redis Cluster hash slot of key: CRC16 (XMODEM) of the
// key, or of its hash tag (the part between the first '{' and the next
// '}', when not empty), modulo 16384.
func slot(key string) int {
	if i := strings.IndexByte(key, '{'); i >= 0 {
		if j := strings.IndexByte(key[i+1:], '}'); j > 0 {
			key = key[i+1 : i+1+j]
		}
	}
	return int(crc16(key) & 16383)
}

func crc16(s string) uint16 {
	var crc uint16
	for i := 0; i < len(s); i++ {
		crc ^= uint16(s[i]) << 8
		for range 8 {
			if crc&0x8000 != 0 {
				crc = crc<<1 ^ 0x1021
			} else {
				crc <<= 1
			}
		}
	}
	return crc
}

var (
	slotTagsOnce sync.Once
	slotTags     []string
)

// slotTag returns a short string whose hash slot is s: a hash tag that
// places a key in a chosen slot.
func slotTag(s int) string {
	slotTagsOnce.Do(func() {
		slotTags = make([]string, 16384)
		left := len(slotTags)
		// About 16384·ln(16384) ≈ 160,000 candidates cover every slot;
		// this runs once, in a few milliseconds.
		for i := 0; left > 0; i++ {
			t := strconv.Itoa(i)
			sl := crc16(t) & 16383
			if slotTags[sl] == "" {
				slotTags[sl] = t
				left--
			}
		}
	})
	return slotTags[s]
}

package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
)

// ErrNotFound reports that no document has the requested id.
var ErrNotFound = errors.New("document not found")

// ErrClosed reports a call on a Store after Close.
var ErrClosed = errors.New("store closed")

// Store keeps indexed documents and the postings that find them again.
//
// Every method takes a context first and is safe for concurrent use by
// many goroutines. A nil error from Put or Delete means the change is
// durable: a crash right after it returns loses nothing (backends sync
// their write-ahead log, or wait for the replica acknowledgement, before
// they return).
//
// A Store is agnostic of how signatures, band keys and terms are computed;
// package fingerprint makes them and package index decides which to ask
// for. Every backend passes the contract suite in package storetest.
type Store interface {
	// Put writes docs, all or nothing when the backend can (Pebble: one
	// synced batch). A backend that cannot (Redis Cluster spreads keys
	// over shards) writes a document's postings before the document, so
	// that a document Get returns is always findable. A document whose ID
	// is already stored is replaced: its postings become exactly those of
	// the new version. When docs repeats an ID, the last one wins. Put
	// keeps none of the slices it is given; it refuses the whole call,
	// writing nothing, when a document fails Validate.
	Put(ctx context.Context, docs []Document) error

	// Get returns the document with id, or an error wrapping ErrNotFound.
	Get(ctx context.Context, id string) (Document, error)

	// Exists reports, for each of ids in order, whether it is stored.
	Exists(ctx context.Context, ids []string) ([]bool, error)

	// Delete removes the documents with ids and all their postings. Ids
	// that are not stored are ignored.
	Delete(ctx context.Context, ids []string) error

	// Signatures returns the MinHash signatures of ids in order; the
	// entry of an id that is not stored is nil. It is the cheap read that
	// scores candidates without loading their articles.
	Signatures(ctx context.Context, ids []string) ([][]uint32, error)

	// BandPostings returns, for each LSH band key in keys, the ids of the
	// documents holding it, at most limit of them (no bound when limit <=
	// 0). A band list that reaches limit is a sign of a degenerate band
	// (boilerplate shared by many pages); callers may ignore it.
	BandPostings(ctx context.Context, keys []uint64, limit int) ([][]string, error)

	// TermPostings returns, for each term in terms, the ids of the
	// documents holding it, at most limit of them (no bound when limit <=
	// 0). The length of a list below limit is the term's document
	// frequency, which callers use for IDF weights.
	TermPostings(ctx context.Context, terms []string, limit int) ([][]string, error)

	// Count returns the number of stored documents.
	Count(ctx context.Context) (int64, error)

	// Scan calls fn with the id of every stored document, in an order the
	// backend chooses, until fn returns an error, which Scan returns.
	// Documents put or deleted during a Scan may or may not be seen.
	Scan(ctx context.Context, fn func(id string) error) error

	// Close flushes and releases the store; closing it again does nothing
	// and returns nil. Every other call after Close fails with an error
	// wrapping ErrClosed.
	Close() error
}

// Document is one stored article with what finds it again.
type Document struct {
	// ID identifies the document; package index derives it from a hash of
	// the article's content, so the same article indexed twice is one
	// document. Non-empty, at most MaxIDLen bytes, no NUL byte.
	ID string
	// Article is the article.Article as JSON, opaque to the store.
	Article []byte
	// Meta holds small facts about the document that are not part of
	// the article, such as where it was read from ("source") or when it
	// was indexed ("indexed"). Nil and empty maps are equivalent.
	Meta map[string]string
	// Signature is the MinHash signature of the article's word shingles.
	Signature []uint32
	// Bands are the LSH band keys of Signature; each gets a posting.
	Bands []uint64
	// Terms are the article's rare and entity terms; each gets a posting.
	// Terms are non-empty, at most MaxTermLen bytes, with no NUL byte.
	Terms []string
}

// Limits on identifiers, so that every backend can build keys from them.
const (
	MaxIDLen   = 128
	MaxTermLen = 128
)

// Validate reports whether d can be stored: an ID and terms within the
// limits above. Backends call it in Put and refuse the whole call when a
// document fails it.
func (d *Document) Validate() error {
	if err := validKey("id", d.ID, MaxIDLen); err != nil {
		return err
	}
	for _, t := range d.Terms {
		if err := validKey("term", t, MaxTermLen); err != nil {
			return fmt.Errorf("document %q: %w", d.ID, err)
		}
	}
	return nil
}

// ErrInvalid reports a document that Validate refuses.
var ErrInvalid = errors.New("invalid document")

func validKey(what, s string, max int) error {
	switch {
	case s == "":
		return fmt.Errorf("%w: empty %s", ErrInvalid, what)
	case len(s) > max:
		return fmt.Errorf("%w: %s of %d bytes, over %d", ErrInvalid, what, len(s), max)
	case strings.IndexByte(s, 0) >= 0:
		return fmt.Errorf("%w: %s %q holds a NUL byte", ErrInvalid, what, s)
	}
	return nil
}

package article

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// ID returns the id of an article: the first 8 bytes, in hex, of a SHA-256
// over its URL, site, title and paragraphs. The same article read twice
// from the same place gets the same id, so indexing it again changes
// nothing; a verbatim copy on another site has another URL and stays a
// document of its own, which is what lets a trace find it.
func (a *Article) ID() string {
	h := sha256.New()
	h.Write([]byte(strings.TrimSpace(a.URL)))
	h.Write([]byte{0})
	h.Write([]byte(strings.TrimSpace(a.Site)))
	h.Write([]byte{0})
	h.Write([]byte(strings.TrimSpace(a.Title)))
	for _, p := range a.Paragraphs {
		h.Write([]byte{0})
		h.Write([]byte(strings.TrimSpace(p)))
	}
	var sum [sha256.Size]byte
	return hex.EncodeToString(h.Sum(sum[:0])[:8])
}

package redis

import (
	"errors"
	"fmt"

	"github.com/klauspost/compress/zstd"
)

// Articles are stored compressed. Redis keeps values as they come, and an
// article's JSON was about half of a document's memory in the index
// benchmark (3.9 of 8.4 KB); zstd at its fastest level takes it to about
// a third of that for some microseconds per article. The first byte says
// how the rest is stored, so that a future layout can add a dictionary.
const (
	articleRaw  = 'r'
	articleZstd = 'z'
)

var (
	zenc, _ = zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedFastest), zstd.WithEncoderConcurrency(1))
	zdec, _ = zstd.NewReader(nil, zstd.WithDecoderConcurrency(0), zstd.WithDecoderMaxMemory(64<<20))
)

// packArticle returns the stored form of an article's JSON.
func packArticle(a []byte) []byte {
	out := make([]byte, 1, 1+len(a)/2)
	out[0] = articleZstd
	out = zenc.EncodeAll(a, out)
	if len(out) >= 1+len(a) {
		out = append(out[:0], articleRaw)
		out = append(out, a...)
	}
	return out
}

// unpackArticle reverses packArticle.
func unpackArticle(b []byte) ([]byte, error) {
	if len(b) == 0 {
		return nil, errors.New("empty stored article")
	}
	switch b[0] {
	case articleRaw:
		return append([]byte(nil), b[1:]...), nil
	case articleZstd:
		a, err := zdec.DecodeAll(b[1:], nil)
		if err != nil {
			return nil, fmt.Errorf("decompress article: %w", err)
		}
		return a, nil
	}
	return nil, fmt.Errorf("stored article has unknown format %q", b[0])
}

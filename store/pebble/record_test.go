package pebble

import (
	"encoding/binary"
	"slices"
	"testing"

	"github.com/wiretrace/wiretrace/store"
)

func TestRecordRoundTrip(t *testing.T) {
	d := store.Document{
		ID:      "x",
		Article: []byte(`{"a":1}`),
		Meta:    map[string]string{"source": "f.html", "": "empty key"},
		Bands:   []uint64{0, 1 << 63, 42},
		Terms:   []string{"a", "ünï"},
	}
	r, err := decodeRecord(encodeRecord(&d, 7))
	if err != nil {
		t.Fatal(err)
	}
	if r.body != 7 || r.article != nil || len(r.meta) != 2 || r.meta["source"] != "f.html" ||
		!slices.Equal(r.bands, d.Bands) || !slices.Equal(r.terms, d.Terms) {
		t.Errorf("round trip: %+v", r)
	}
	a, err := decodeBody(encodeBody(d.Article))
	if err != nil || string(a) != string(d.Article) {
		t.Errorf("body round trip: %q, %v", a, err)
	}
	// A body number 0 names no body.
	if _, err := decodeRecord([]byte{recordV3, 0, 0, 0, 0}); err == nil {
		t.Error("a record of body 0 decoded")
	}
}

// recordV2Bytes encodes a record of the second format (the article
// compressed inside it, no meta), as stores written before recordV3 hold
// them.
func recordV2Bytes(article string, bands []uint64, terms []string) []byte {
	z := encodeBody([]byte(article))
	b := append([]byte{recordV2}, binary.AppendUvarint(nil, uint64(len(z)))...)
	b = append(b, z...)
	b = binary.AppendUvarint(b, 0) // no meta
	b = binary.AppendUvarint(b, uint64(len(bands)))
	for _, band := range bands {
		b = binary.BigEndian.AppendUint64(b, band)
	}
	b = binary.AppendUvarint(b, uint64(len(terms)))
	for _, t := range terms {
		b = appendBytes(b, []byte(t))
	}
	return b
}

// TestRecordV2 reads a record of the second format, which holds its
// article compressed, as stores written before recordV3 hold them.
func TestRecordV2(t *testing.T) {
	r, err := decodeRecord(recordV2Bytes(`{"a":1}`, []uint64{42}, []string{"t"}))
	if err != nil {
		t.Fatal(err)
	}
	if string(r.article) != `{"a":1}` || r.body != 0 || !slices.Equal(r.bands, []uint64{42}) || !slices.Equal(r.terms, []string{"t"}) {
		t.Errorf("v2 record: %+v", r)
	}
}

// TestRecordV1 reads a record of the first format, whose article is not
// compressed, as stores written before recordV2 hold them.
func TestRecordV1(t *testing.T) {
	v1 := []byte{recordV1, 7, '{', '"', 'a', '"', ':', '1', '}', 0, 1, 0, 0, 0, 0, 0, 0, 0, 42, 1, 1, 't'}
	r, err := decodeRecord(v1)
	if err != nil {
		t.Fatal(err)
	}
	if string(r.article) != `{"a":1}` || !slices.Equal(r.bands, []uint64{42}) || !slices.Equal(r.terms, []string{"t"}) {
		t.Errorf("v1 record: %+v", r)
	}
}

// FuzzDecodeRecord feeds arbitrary bytes to the record decoder, which
// reads what is on disk: it must fail cleanly, never panic, and re-encode
// what it accepts to the same bytes.
func FuzzDecodeRecord(f *testing.F) {
	f.Add(encodeRecord(&store.Document{ID: "x", Article: []byte("{}"), Bands: []uint64{1}, Terms: []string{"t"}}, 1))
	f.Add([]byte{recordV1})
	f.Add([]byte{recordV2, 3, 0xff, 0xff, 0x7f})
	f.Add([]byte{recordV1, 0xff, 0xff, 0xff, 0xff, 0x0f})
	f.Fuzz(func(t *testing.T, b []byte) {
		r, err := decodeRecord(b)
		if err != nil {
			return
		}
		d := store.Document{Article: r.article, Meta: r.meta, Bands: r.bands, Terms: r.terms}
		if _, err := decodeRecord(encodeRecord(&d, max(r.body, 1))); err != nil {
			t.Errorf("re-encoded record does not decode: %v", err)
		}
	})
}

package redis

import (
	"bytes"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/wiretrace/wiretrace/store"
)

func TestSlot(t *testing.T) {
	// Values from CLUSTER KEYSLOT on Redis 7.
	for _, tc := range []struct {
		key  string
		want int
	}{
		{"foo", 12182},
		{"bar", 5061},
		{"{user1000}.following", 3443},
		{"{user1000}.followers", 3443},
		{"foo{}{bar}", 8363},
		{"foo{{bar}}zap", 4015},
		{"foo{bar}{zap}", 5061},
	} {
		t.Run(tc.key, func(t *testing.T) {
			if got := slot(tc.key); got != tc.want {
				t.Errorf("slot(%q) = %d, want %d", tc.key, got, tc.want)
			}
		})
	}
}

func TestSlotTag(t *testing.T) {
	k := keys{prefix: "wt:"}
	for _, s := range []int{0, 1, 5460, 5461, 10922, 16383} {
		if got := slot(k.syncKey(s)); got != s {
			t.Errorf("slot(syncKey(%d)) = %d", s, got)
		}
	}
}

func TestDocumentKeysShareASlot(t *testing.T) {
	k := keys{prefix: "wt:"}
	for _, id := range []string{"0123456789abcdef", "doc-1", "a{b}c", "}{", "{}"} {
		want := slot(k.record(id))
		for _, key := range []string{k.article(id), k.lock(id), k.ids(shardOf(id))} {
			if got := slot(key); got != want {
				t.Errorf("id %q: key %q in slot %d, record in %d", id, key, got, want)
			}
		}
	}
}

func TestMember(t *testing.T) {
	for _, tc := range []struct {
		id, member string
	}{
		{"0123456789abcdef", "81985529216486895"},
		{"ffffffffffffffff", "-1"},
		{"0000000000000000", "0"},
		{"8000000000000000", "-9223372036854775808"},
		{"0123456789ABCDEF", "s0123456789ABCDEF"}, // upper case would not round-trip
		{"12345", "s12345"},
		{"s", "ss"},
		{"doc-0001", "sdoc-0001"},
	} {
		t.Run(tc.id, func(t *testing.T) {
			m := member(tc.id)
			if m != tc.member {
				t.Errorf("member(%q) = %q, want %q", tc.id, m, tc.member)
			}
			back, err := idOf(m)
			if err != nil || back != tc.id {
				t.Errorf("idOf(%q) = %q, %v; want %q", m, back, err, tc.id)
			}
		})
	}
	if _, err := idOf("12x"); err == nil {
		t.Error("idOf(12x) succeeded")
	}
}

func TestRecordRoundTrip(t *testing.T) {
	for _, d := range []store.Document{
		{ID: "empty"},
		{ID: "full", Signature: []uint32{0, 1, 1 << 31, 1<<32 - 1}, Bands: []uint64{0, 1 << 63, 42},
			Terms: []string{"a", "Ünïcode", "with space"}, Meta: map[string]string{"source": "x.html", "": "empty key"}},
	} {
		t.Run(d.ID, func(t *testing.T) {
			r, err := decodeRecord(encodeRecord(&d))
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(r.sig, d.Signature) || !slices.Equal(r.bands, d.Bands) ||
				!slices.Equal(r.terms, d.Terms) || !maps.Equal(r.meta, d.Meta) {
				t.Errorf("round trip = %+v, want %+v", r, d)
			}
		})
	}
}

func TestDecodeRecordCorrupt(t *testing.T) {
	good := encodeRecord(&store.Document{ID: "x", Signature: []uint32{1, 2}, Terms: []string{"t"}})
	for name, b := range map[string][]byte{
		"empty":        nil,
		"bad version":  {9},
		"truncated":    good[:len(good)-2],
		"trailing":     append(append([]byte{}, good...), 0),
		"huge count":   {recordV1, 0xff, 0xff, 0xff, 0xff, 0x0f},
		"bad varint":   {recordV1, 0xff},
		"term too big": {recordV1, 0, 0, 1, 100, 'a'},
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := decodeRecord(b); err == nil {
				t.Errorf("decodeRecord(%v) succeeded", b)
			}
		})
	}
}

func FuzzDecodeRecord(f *testing.F) {
	f.Add(encodeRecord(&store.Document{ID: "x", Signature: []uint32{1, 2}, Bands: []uint64{3}, Terms: []string{"t"}, Meta: map[string]string{"k": "v"}}))
	f.Add([]byte{recordV1, 0, 0, 0, 0})
	f.Fuzz(func(t *testing.T, b []byte) {
		r, err := decodeRecord(b)
		if err != nil {
			return
		}
		// What decodes must encode back to a record that decodes the same.
		d := store.Document{Signature: r.sig, Bands: r.bands, Terms: r.terms, Meta: r.meta}
		r2, err := decodeRecord(encodeRecord(&d))
		if err != nil || !slices.Equal(r.sig, r2.sig) || !slices.Equal(r.terms, r2.terms) || !maps.Equal(r.meta, r2.meta) {
			t.Errorf("re-encoding %v: %+v, %v", b, r2, err)
		}
	})
}

func TestArticleRoundTrip(t *testing.T) {
	for name, a := range map[string][]byte{
		"empty":        {},
		"short":        []byte(`{}`),
		"compressible": []byte(`{"paragraphs":["` + strings.Repeat("the council voted on the budget. ", 100) + `"]}`),
		"binary":       {0, 1, 2, 255, 'z', 'r'},
	} {
		t.Run(name, func(t *testing.T) {
			p := packArticle(a)
			got, err := unpackArticle(p)
			if err != nil || !bytes.Equal(got, a) {
				t.Errorf("unpack(pack(%q)) = %q, %v", a, got, err)
			}
			if name == "compressible" && len(p) > len(a)/4 {
				t.Errorf("packed %d bytes to %d", len(a), len(p))
			}
		})
	}
	for name, b := range map[string][]byte{"empty": nil, "unknown": {'x', 1}, "bad zstd": {'z', 1, 2, 3}} {
		if _, err := unpackArticle(b); err == nil {
			t.Errorf("%s: unpackArticle(%v) succeeded", name, b)
		}
	}
}

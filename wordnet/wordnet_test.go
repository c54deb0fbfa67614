package wordnet

import (
	"errors"
	"testing"
	"testing/fstest"

	"github.com/wiretrace/wiretrace/textproc"
)

// A miniature database in the real index format, written for this test.
var mini = fstest.MapFS{
	"index.noun": {Data: []byte("  1 This software and database is provided\n" +
		"buildup n 1 1 @ 1 1 00000100  \n" +
		"expansion n 2 1 @ 2 1 00000100 00000200  \n")},
	"index.verb": {Data: []byte("strengthen v 3 1 @ 3 2 00001000 00001100 00001200  \n" +
		"fortify v 2 1 @ 2 0 00001000 00009999  \n" +
		"say v 4 1 @ 4 0 00002000 00002100 00002200 00002300  \n" +
		"order v 4 1 @ 4 0 00003000 00003100 00003200 00002300  \n")},
	"index.adj": {Data: []byte("")},
	"index.adv": {Data: []byte("")},
}

func shareGroup(w *WordNet, a, b string) bool {
	for _, x := range w.Groups(textproc.Stem(a)) {
		for _, y := range w.Groups(textproc.Stem(b)) {
			if x == y {
				return true
			}
		}
	}
	return false
}

func TestLoad(t *testing.T) {
	w, err := Load(mini, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"buildup", "expansion", true},
		{"strengthening", "fortified", true},
		{"say", "order", false}, // shared only in a fourth sense
		{"buildup", "strengthen", false},
	} {
		if got := shareGroup(w, tc.a, tc.b); got != tc.want {
			t.Errorf("%s ~ %s = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
	all, err := Load(mini, Options{Senses: -1})
	if err != nil {
		t.Fatal(err)
	}
	if !shareGroup(all, "say", "order") {
		t.Error("with all senses, say ~ order should share the fourth sense")
	}
}

func TestLoadMissing(t *testing.T) {
	_, err := Load(fstest.MapFS{}, Options{})
	if !errors.Is(err, ErrNotInstalled) {
		t.Fatalf("err = %v, want ErrNotInstalled", err)
	}
}

func TestLoadBadLine(t *testing.T) {
	bad := fstest.MapFS{"index.noun": {Data: []byte("word n 1 x\n")}}
	if _, err := Load(bad, Options{}); err == nil {
		t.Fatal("want an error for a malformed line")
	}
}

func TestLoadDefault(t *testing.T) {
	w, err := LoadDefault()
	if errors.Is(err, ErrNotInstalled) {
		t.Skip("skipping: WordNet is not installed (apt-get install wordnet-base)")
	}
	if err != nil {
		t.Fatal(err)
	}
	if w.Len() < 50000 {
		t.Errorf("loaded %d stems, want the full database", w.Len())
	}
	if !shareGroup(w, "buy", "purchase") {
		t.Error("buy ~ purchase not found")
	}
}

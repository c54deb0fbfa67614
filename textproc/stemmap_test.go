package textproc

import "testing"

func TestStemMap(t *testing.T) {
	toks := Tokenize("Running runs ran 42 times; the runner ran.")
	var m StemMap
	// Number the stems in order of first use, as the callers do.
	ids := map[string]int32{}
	for k := range toks {
		tok := &toks[k]
		if tok.Kind == Punct {
			continue
		}
		if tok.Kind == Word && tok.StemID == 0 {
			t.Errorf("word %q has no StemID", tok.Text)
		}
		v, ok := m.Get(tok)
		want, seen := ids[tok.Stem]
		if ok != seen || ok && v != want {
			t.Fatalf("Get(%q) = %d, %v; want %d, %v", tok.Text, v, ok, want, seen)
		}
		if !ok {
			ids[tok.Stem] = int32(len(ids))
			m.Set(tok, ids[tok.Stem])
		}
	}
	// A stem given as a string is the stem its tokens have.
	if v, ok := m.GetKey(Stem("running")); !ok || v != ids[Stem("running")] {
		t.Errorf("GetKey(%q) = %d, %v; want %d, true", Stem("running"), v, ok, ids[Stem("running")])
	}
	m.SetKey("made-up key", 7)
	if v, ok := m.GetKey("made-up key"); !ok || v != 7 {
		t.Errorf("GetKey of a key of the caller's = %d, %v; want 7, true", v, ok)
	}
	// GetFor and SetFor take a token's own stem by the token and another
	// spelling by its key.
	run := &toks[0]
	if v, ok := m.GetFor(run, run.Stem); !ok || v != ids[run.Stem] {
		t.Errorf("GetFor(%q, its stem) = %d, %v; want %d, true", run.Text, v, ok, ids[run.Stem])
	}
	m.SetFor(run, "run-spelling", 9)
	if v, ok := m.GetKey("run-spelling"); !ok || v != 9 {
		t.Errorf("SetFor of another spelling: GetKey = %d, %v; want 9, true", v, ok)
	}
	m.Clear()
	for k := range toks {
		if _, ok := m.Get(&toks[k]); ok {
			t.Errorf("Get(%q) after Clear found a value", toks[k].Text)
		}
	}
	if _, ok := m.GetKey("made-up key"); ok {
		t.Error("GetKey after Clear found a value")
	}
}

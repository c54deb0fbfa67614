package textproc

import "testing"

func TestEditsWithin(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		d    int
		want bool
	}{
		{"adviser", "advisor", 1, true},
		{"defence", "defense", 1, true},
		{"program", "programme", 2, true},
		{"program", "programme", 1, false},
		{"nation", "notion", 0, false},
		{"", "ab", 2, true},
		{"a-long-word-of-over-forty-eight-bytes-in-all-xyz", "a-long-word-of-over-forty-eight-bytes-in-all-xyw", 1, true},
	} {
		if got := EditsWithin(tc.a, tc.b, tc.d); got != tc.want {
			t.Errorf("EditsWithin(%q, %q, %d) = %v", tc.a, tc.b, tc.d, got)
		}
	}
}

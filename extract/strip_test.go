package extract

import "testing"

func TestStripInert(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"nothing to cut", "<p>a</p>", "<p>a</p>"},
		{"script", "<p>a</p><script>if (a<b) {}</script><p>b</p>", "<p>a</p><p>b</p>"},
		{"script with attributes", `<SCRIPT type="text/javascript" src="x.js"></SCRIPT>x`, "x"},
		{"json-ld kept", `<script type="application/ld+json">{"a":1}</script>`, `<script type="application/ld+json">{"a":1}</script>`},
		{"style", "<style>p{color:red}</style><p>a</p>", "<p>a</p>"},
		{"svg", `<svg viewBox="0 0 1 1"><path d="M0"/></svg>Share`, "Share"},
		{"self-closing svg", `<svg/>Share`, "Share"},
		{"comment", "a<!-- b <p>c</p> -->d", "ad"},
		{"unclosed comment", "a<!-- b", "a"},
		{"unclosed script", "a<script>b", "a"},
		{"script-like name", "<scripts>a</scripts><styled>b</styled>", "<scripts>a</scripts><styled>b</styled>"},
		{"close tag in upper case", "<script>x</SCRIPT >y", "y"},
		{"tag never closed", "a<script", "a<script"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := stripInert(tc.in); got != tc.want {
				t.Errorf("stripInert(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

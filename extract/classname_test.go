package extract

import (
	"strings"
	"testing"
)

func TestNameTokens(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"c-article__share-bar", "c article share bar"},
		{"authorDateBlock_authorName__N6j3Y", "author date block author name n6j3 y"},
		{"HTMLPost", "html post"},
		{"node--promoted", "node promoted"},
		{"", ""},
		{"--", ""},
	} {
		if got := strings.Join(nameTokens(tc.in, nil), " "); got != tc.want {
			t.Errorf("nameTokens(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestNameState(t *testing.T) {
	for in, want := range map[string]bool{
		"is-promoted": true, "has-share-float": true, "tag-social-media": true,
		"share-bar": false, "newsletter-post": false,
	} {
		if got := nameIsState(in); got != want {
			t.Errorf("nameIsState(%q) = %v, want %v", in, got, want)
		}
	}
	if got := nameBlock("field--label-hidden"); got != "field" {
		t.Errorf("nameBlock = %q", got)
	}
}

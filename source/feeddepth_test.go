package source

import (
	"strings"
	"testing"
)

func TestXMLDepth(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
	}{
		{`<?xml version="1.0"?><rss><channel><item><title>T</title><br/></item></channel></rss>`, 4},
		{`<rss><!-- <a><b><c> --><channel><![CDATA[<x><y><z>]]></channel></rss>`, 2},
		{strings.Repeat("<x>", 1000), 257},
	} {
		if got := xmlDepth([]byte(tc.in), 256); got != tc.want {
			t.Errorf("xmlDepth(%.40q) = %d, want %d", tc.in, got, tc.want)
		}
	}
}

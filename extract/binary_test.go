package extract

import (
	"errors"
	"strings"
	"testing"
)

// TestBinaryNamed checks that a known binary format is refused with its
// name and the right article ("an ELF executable", not "a ELF").
func TestBinaryNamed(t *testing.T) {
	for _, tc := range []struct {
		data string
		want string
	}{
		{"\x7fELF\x02\x01\x01\x00\x00\x00", "looks like an ELF executable"},
		{"\xfd7zXZ\x00\x00\x04", "looks like an xz stream"},
		{"\x89PNG\r\n\x1a\n", "looks like a PNG image"},
		{"%PDF-1.7\n", "looks like a PDF document"},
	} {
		t.Run(tc.want, func(t *testing.T) {
			_, err := Page([]byte(tc.data), Options{})
			if !errors.Is(err, ErrBinary) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Page(%q) = %v; want ErrBinary saying %q", tc.data, err, tc.want)
			}
		})
	}
	for _, m := range binaryMagic {
		if !strings.HasPrefix(m.name, "a ") && !strings.HasPrefix(m.name, "an ") {
			t.Errorf("binary format %q is not named with its article", m.name)
		}
	}
}

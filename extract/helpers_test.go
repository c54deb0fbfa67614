package extract

import (
	"bytes"
	"compress/gzip"
)

// gz compresses data for tests of the gzip path.
func gz(data []byte) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write(data)
	w.Close()
	return b.Bytes()
}

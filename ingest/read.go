package ingest

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// readPage reads a whole page from a file path or "-" (opts.Stdin),
// refusing more than opts.MaxBytes.
func readPage(name string, opts Options) ([]byte, error) {
	max := opts.maxBytes()
	var r io.Reader
	if name == "-" {
		r = opts.Stdin
		if r == nil {
			r = os.Stdin
		}
	} else {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	var pe *fs.PathError
	if errors.As(err, &pe) {
		// It says "read NAME: ..." already (a directory, say).
		return nil, err
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("read %s: page larger than %d bytes (raise --max-bytes to accept it)", name, max)
	}
	return data, nil
}

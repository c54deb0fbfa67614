package main

import (
	"fmt"
	"io"
	"os"
)

// defaultMaxPage is the default --max-bytes: the largest page a command reads
// (32 MiB). Real news pages, scripts and inline images included, stay well
// under 10 MiB; the limit keeps an endless stream or a 100 MB file from
// taking unbounded memory.
const defaultMaxPage = 32 << 20

// readPage reads a whole page from a file path or "-" (stdin), refusing more
// than max bytes.
func readPage(e *env, name string, max int64) ([]byte, error) {
	var r io.Reader
	if name == "-" {
		r = e.stdin
	} else {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("read %s: page larger than %d bytes (raise --max-bytes to accept it)", name, max)
	}
	return data, nil
}

// checkMaxBytes refuses a --max-bytes that no page could fit.
func checkMaxBytes(n int64) error {
	if n <= 0 {
		return usagef("--max-bytes must be positive, got %d", n)
	}
	return nil
}

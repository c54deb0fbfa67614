package main

import (
	"context"
	"errors"
)

// benchIndex is a placeholder until this job lands.
func benchIndex(ctx context.Context, e *env, args []string) error {
	return errors.New("not implemented yet")
}

package main

import (
	"context"
	"errors"
)

// runExtract is a placeholder until the extract command lands.
func runExtract(ctx context.Context, e *env, args []string) error {
	return errors.New("not implemented yet")
}

package main

import (
	"context"
	"errors"
)

// runIndex is a placeholder until the index command lands.
func runIndex(ctx context.Context, e *env, args []string) error {
	return errors.New("not implemented yet")
}

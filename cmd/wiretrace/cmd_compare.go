package main

import (
	"context"
	"errors"
)

// runCompare is a placeholder until the compare command lands.
func runCompare(ctx context.Context, e *env, args []string) error {
	return errors.New("not implemented yet")
}

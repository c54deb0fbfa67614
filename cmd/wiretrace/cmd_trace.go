package main

import (
	"context"
	"errors"
)

// runTrace is a placeholder until the trace command lands.
func runTrace(ctx context.Context, e *env, args []string) error {
	return errors.New("not implemented yet")
}

package main

import (
	"context"
	"errors"
)

// runEval is a placeholder until the eval command lands.
func runEval(ctx context.Context, e *env, args []string) error {
	return errors.New("not implemented yet")
}

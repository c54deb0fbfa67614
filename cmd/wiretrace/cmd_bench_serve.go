package main

import (
	"context"
	"errors"
)

// benchServe is a placeholder until this job lands.
func benchServe(ctx context.Context, e *env, args []string) error {
	return errors.New("not implemented yet")
}

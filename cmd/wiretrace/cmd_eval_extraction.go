package main

import (
	"context"
	"errors"
)

// evalExtraction is a placeholder until this job lands.
func evalExtraction(ctx context.Context, e *env, args []string) error {
	return errors.New("not implemented yet")
}

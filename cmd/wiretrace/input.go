package main

// checkMaxBytes refuses a --max-bytes that no page could fit.
func checkMaxBytes(n int64) error {
	if n <= 0 {
		return usagef("--max-bytes must be positive, got %d", n)
	}
	return nil
}

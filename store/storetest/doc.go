// Package storetest is the contract suite that every store.Store backend
// passes, in the way every restic backend runs one shared test suite.
//
// A backend's test file calls Run with a function that opens a fresh,
// empty store for one subtest:
//
//	func TestContract(t *testing.T) {
//		storetest.Run(t, func(t *testing.T) store.Store {
//			return openEmpty(t)
//		})
//	}
//
// Run closes each store it opens (a second Close by the factory's own
// cleanup must be harmless). The suite checks behaviour through the
// interface only: round trips of every field, replacement and deletion
// with their postings, posting limits, counts, scans, validation, closed
// stores, cancelled contexts and concurrent writers.
package storetest

// Package store defines Store, where wiretrace keeps indexed articles and
// the postings that find them again, and the rules every backend follows.
//
// A Store holds four kinds of data, each a separate key range in a backend:
//
//   - documents: the article JSON and small metadata, by id;
//   - signatures: the MinHash signature of each document, by id, read in
//     bulk to score candidates without loading articles;
//   - band postings: LSH band key → ids, the path that finds copies and
//     edited copies;
//   - term postings: term → ids, the path that finds paraphrased rewrites,
//     which share rare words and names with their source but few shingles.
//
// Backends live in subpackages: store/pebble (embedded, the default) and
// store/redis (Redis Cluster). Both pass the contract suite in
// store/storetest, which a backend runs from a ten-line test:
//
//	func TestContract(t *testing.T) {
//		storetest.Run(t, func(t *testing.T) store.Store {
//			s, err := pebble.Open(t.TempDir(), pebble.Options{})
//			if err != nil {
//				t.Fatal(err)
//			}
//			return s
//		})
//	}
//
// The store knows nothing of how signatures and terms are made (package
// fingerprint) or how candidates are ranked (package index).
package store

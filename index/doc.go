// Package index keeps a corpus of articles in a store.Store so that the
// sources of a new article can be found among millions: Ingest adds
// articles (bounded, concurrent, idempotent), Candidates retrieves the
// stored articles most likely to share text or story with a query.
//
// Candidate retrieval follows two paths and merges them. LSH band
// postings find copies and edited copies (fingerprint explains the
// banding); term postings find paraphrased rewrites, weighting each shared
// rare or entity term by its inverse document frequency in the corpus, as
// BM25 does. Candidates are scored by their MinHash similarity and
// their IDF-weighted term overlap; the best 30 are then read and ranked
// again by how much of the query's whole vocabulary each holds, its words
// weighted by their rarity among those candidates (a rewrite that keeps
// its source's names, figures and rare words but few of its two dozen
// indexed terms still stands out from other reports on the same topic),
// and the best k are returned; package trace compares them in full.
//
// Writes are durable when acknowledged: Ingest calls Options.OnCommit only
// after the store has synced the batch, so a caller that records those
// ids loses none of them in a crash.
package index

// Package fingerprint turns an article's text into the compact keys that
// find its copies and rewrites in a large corpus: hashed word shingles,
// a MinHash signature of them, LSH band keys of the signature, and a
// paraphrase-robust set of rare and entity terms.
//
// Two paths find candidates, because reuse comes in two shapes:
//
//   - Copies and edited copies share long runs of words. Their word
//     5-shingle sets overlap (Jaccard 0.5 and up for light edits), which
//     MinHash estimates from 128 hash minima and LSH banding turns into
//     exact-match keys: two articles with shingle Jaccard s share at least
//     one of Bands bands of Rows minima with probability 1-(1-s^Rows)^Bands.
//   - Paraphrased rewrites (an LLM rewording every sentence) share almost
//     no 5-shingles with their source but keep its names, numbers and
//     rarer content words. Terms picks those, and the index weighs shared
//     terms by their rarity in the corpus (BM25-style IDF).
//
// The package is pure: values in, values out.
package fingerprint

// Package align aligns the sentences of two analysed documents, a source and
// a text derived from it, and scores how much two sentences say the same
// thing.
//
// The sentence similarity sits behind the Similarity interface so that other
// scorers (a sentence-embedding model) can replace the built-in Lexical one.
// Lexical compares IDF-weighted stems, tolerates spelling variants
// ("Adviser"/"Advisor") and synonyms ("strengthen"/"bolster") through a
// Thesaurus, and checks that entities, numbers and negation agree; its
// feature weights were fit on the MRPC paraphrase corpus (see weights.go).
//
// Align is one-to-many and order-free: rewrites merge, split and reorder
// sentences, so a Pair holds sets of sentence indices on both sides.
// Sentences are compared whole; where that leaves a sentence unlinked, they
// are also compared clause by clause and as pairs of neighbouring sentences
// read as one, so that a sentence split in two, or two sentences merged into
// one, still align. Every sentence also gets its best score
// against the other side, from which callers compute coverage, omitted
// source sentences and unsupported derived sentences.
//
// Speed: Context precomputes each sentence's terms as sorted ids and its
// n-grams as bit sets, so one Lexical score is a few merges and popcounts
// (100 to 200 ns). Its many small slices come from a few arena arrays, the
// phrasing features of clauses and joined neighbours are only made for
// pairs that share enough content to be scored, and the shared content of
// two sentences is computed once for all passes. Align on a 40-sentence
// pair takes about 1.1 ms of CPU (BenchmarkAlign40 under GOMAXPROCS=1,
// task-clock, median of 6 runs on a shared, busy machine; 1.4 ms before
// those changes).
//
// The package is pure: it does no I/O. Load WordNet with package wordnet and
// pass it as Options.Thesaurus.
package align

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
// (100 to 200 ns); Align on a 40-sentence pair takes about 1.1 to 1.5 ms of
// one core (BenchmarkAlign40, measured on a shared, busy machine).
//
// The package is pure: it does no I/O. Load WordNet with package wordnet and
// pass it as Options.Thesaurus.
package align

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
// sentences, so a Pair holds sets of sentence indices on both sides. Every
// sentence also gets its best score against the other side, from which
// callers compute coverage, omitted source sentences and unsupported derived
// sentences.
//
// The package is pure: it does no I/O. Load WordNet with package wordnet and
// pass it as Options.Thesaurus.
package align

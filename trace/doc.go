// Package trace tells where a news article came from. Compare takes two
// articles and reports how they relate (a duplicate, an edited copy, a
// paraphrased rewrite, a partial reuse, independent reporting of the same
// event, or unrelated), which one is the original, which sentence carries
// which, what the derived article added and dropped, which facts changed on
// the way, and whether it credits the original.
//
// Report's JSON form (its struct tags) is the `wiretrace compare --json`
// contract; package report renders it for people, as text and HTML.
package trace

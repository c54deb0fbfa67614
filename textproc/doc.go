// Package textproc analyses article text for comparison: it splits an
// article's paragraphs into sentences and annotates each sentence with its
// tokens (lowercased, stemmed, stop words marked), named entities and role
// titles, numbers with units, dates and weekdays, direct quotes with their
// speakers, and negation cues.
//
// The package is pure: values in, values out; it does no I/O.
//
// The entry point is Analyze, which turns an article.Article into a Doc.
// AnalyzeSentence annotates one piece of text as a single sentence (for
// sentence-pair tasks), Segment splits text into sentence spans, and Words
// gives the lowercased word tokens of any text (for shingling).
//
// All offsets are byte offsets. A Sentence's Start and End index its
// paragraph (article.Paragraphs[Sentence.Paragraph]); the offsets of
// everything inside a sentence (tokens, entities, numbers, dates, quotes,
// negations) index Sentence.Text.
package textproc

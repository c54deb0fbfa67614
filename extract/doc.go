// Package extract turns page bytes into an article.Article: the article body
// without the page's boilerplate, its metadata, and the reader comments.
//
// Page is the one entry point. It reads what a crawler or a user has:
//
//   - HTML in any common charset. The charset comes from a byte order mark,
//     a <meta charset> or http-equiv declaration (looked for in the first
//     16 KiB), or, undeclared, from the bytes: UTF-8 when they are valid
//     UTF-8, UTF-16 by its NUL pattern, Shift_JIS or EUC-JP when they decode
//     cleanly into Japanese, windows-1252 otherwise.
//   - Plain-text dumps of pages (what "save as text" or a text browser
//     gives): menus, captions, the headline, the story, credit lines,
//     comments with their vote lines and related headlines, one per line.
//   - Either of those gzip-compressed.
//
// The format is detected, never declared. Size is bounded by
// Options.MaxBytes before and after decompression (DefaultMaxBytes, 32 MiB,
// when zero); input that is not a page yields an error wrapping ErrEmpty,
// ErrBinary, ErrTooLarge or ErrUndecodable.
//
// For HTML the page is parsed once. The body comes from DOM scoring (body*.go),
// without the byline box above the story (the byline, a staff title, the
// date, lines above a wire dateline) or the sign-off below it ("(Reporting
// by ...; Editing by ...)"), which still names the credit;
// the metadata from one pass over the tree: JSON-LD (schema.org Article and
// its Comments), OpenGraph and other meta tags, <link rel=canonical>,
// <time>, byline and dateline elements; the credit from the story's own
// wording ("WASHINGTON (Reuters) -", "— AP", "© Thomson Reuters") before
// the metadata; comments from schema.org Comment markup or from elements
// named as comments inside a comments section.
//
// For text dumps each line is classified by general features (sentence
// shape, length, terminal punctuation, capitalisation, separators, vote-line
// and copyright patterns) and by its place relative to the longest run of
// prose, which is the body. Lines above it give the title, byline, date and
// dateline; lines below it the credit and the comments, each ending at its
// vote line.
//
// The package does no I/O: bytes in, values out.
package extract

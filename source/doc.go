// Package source reads the documents that wiretrace indexes: news pages from
// files and folders, gzip files, WARC archives (.warc, .warc.gz, as in
// Common Crawl's CC-NEWS), RSS and Atom feeds, standard input, and http(s)
// URLs fetched politely (robots.txt, one request at a time, a delay per
// host).
//
// Items walks a list of inputs and yields one Item per page. It streams: it
// holds one item at a time, and no item is larger than Options.MaxItemBytes
// (DefaultMaxItemBytes, 32 MiB, unless set), so a multi-gigabyte WARC file
// or an endless stream is read in bounded memory: the item, two 64 KiB read
// buffers and a gzip window. A feed is the exception that proves the rule:
// its whole document (itself at most MaxItemBytes) is parsed at once, so it
// takes a few times its size while its entries are yielded.
//
// Failures are per item. A truncated WARC record, an oversized page or an
// unreadable file is yielded as an error that names the input (and, for a
// WARC record, its byte offset), and the walk goes on with the next item or
// input. Only a cancelled context ends the walk early.
//
// The format of an input is detected from its bytes, not its name: gzip by
// its magic number (and decompressed as a stream of members), WARC by its
// "WARC/" version line, feeds by their RSS, RDF or Atom root element (or a
// JSON Feed version). Everything else is a page. Names matter only when a
// folder is walked, to skip files that are not pages (images, scripts,
// style sheets and the like) without opening them.
package source

// Package report renders what package trace finds for people: a compare
// report and a trace result as terminal text (Text, TraceText) and as HTML
// (View for a page of one's own, Page for one self-contained file). The
// CLI and the server both render through it, so a report reads the same
// wherever it is shown: sentences numbered from 1 (the JSON's indices are
// 0-based), one colour per alignment kind and a distinct one for drifts,
// edited sentences with their changed words marked.
package report

package fingerprint

import "github.com/wiretrace/wiretrace/textproc"

// token is one word or numeral of a text, as textproc.Tokenize would cut
// it, without the stem that Tokenize computes for every token.
type token struct {
	text, lower string
	num         bool
	// initial reports the first word of a sentence, whose capital says
	// nothing about being a name.
	initial bool
}

// scan cuts text into words and numerals with textproc.Scan, which skips
// the Snowball stem that Tokenize computes for every token (56% of the time
// of Of in BenchmarkOf, when the ingest must fingerprint thousands of
// articles a second): fingerprint stems only the distinct candidate terms.
func scan(text string, emit func(token)) {
	initial := true
	textproc.Scan(text, func(tok, low string, kind textproc.TokenKind) {
		if kind == textproc.Punct {
			switch tok {
			case ".", "!", "?", "\"", "“", "”", ":", "—", "-", "(":
				initial = true
			}
			return
		}
		emit(token{text: tok, lower: low, num: kind == textproc.Numeral, initial: initial})
		initial = false
	})
}

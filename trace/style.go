package trace

import "github.com/wiretrace/wiretrace/textproc"

// machineStyle scores how much d reads like a language model's rewrite
// rather than a reporter's text: the mean, over d's words that
// styleWeights knows, of each stem's fitted log-odds of appearing in a
// model's rewrite rather than in the article it rewrote. Rewriters write in
// a register of their own (formal connectives, stock intensifiers and
// abstractions) and drop what a page's original text carries (casual
// speech, contractions, photo credits), so of two versions of one story
// the one that reads more like a rewrite is the more likely derived. It is
// 0 for a text with no such word.
func machineStyle(d *textproc.Doc) float64 { return StyleScore(d, styleWeights) }

// StyleScore is machineStyle under the stem weights w (`wiretrace train
// style` fits them): the mean weight of d's words whose stem w holds.
func StyleScore(d *textproc.Doc, w map[string]float32) float64 {
	var sum float64
	n := 0
	for i := range d.Sentences {
		for k := range d.Sentences[i].Tokens {
			tok := &d.Sentences[i].Tokens[k]
			if tok.Kind != textproc.Word {
				continue
			}
			if x, ok := w[tok.Stem]; ok {
				sum += float64(x)
				n++
			}
		}
	}
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}

package fingerprint

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cespare/xxhash/v2"

	"github.com/wiretrace/wiretrace/textproc"
)

// Term weights, before the corpus IDF that the index applies. A
// paraphrase rewords the common words of every sentence but must keep the
// names (people, places, agencies) and the figures of the story, so those
// rank first; among other content words, longer ones are rarer (Zipf's law
// of abbreviation) and more likely to survive a rewrite as the same stem.
const (
	weightEntity  = 3.0
	weightNumeral = 2.0
	weightWord    = 1.0
	// minTermLen drops short words ("un", "ok") that carry no story.
	minTermLen = 3
)

type termStat struct {
	tf     int
	entity bool
	num    bool
}

// termCounter counts an article's candidate terms.
type termCounter struct {
	stats map[string]*termStat
}

func (c *termCounter) stat(key string) *termStat {
	if c.stats == nil {
		c.stats = make(map[string]*termStat, 256)
	}
	s := c.stats[key]
	if s == nil {
		s = &termStat{}
		c.stats[key] = s
	}
	return s
}

// add counts one token. Title tokens give no entity evidence: headline
// case capitalises every word.
func (c *termCounter) add(t token, title bool) {
	var key string
	switch {
	case t.num:
		key = strings.ReplaceAll(t.lower, ",", "")
		if len(key) < 2 || len(key) > 32 {
			return
		}
	case utf8.RuneCountInString(t.lower) < minTermLen || len(t.lower) > 64 || textproc.IsStop(t.lower):
		return
	default:
		key = stem(t.lower)
		if key == "" || strings.IndexByte(key, 0) >= 0 {
			return
		}
	}
	s := c.stat(key)
	s.tf++
	s.num = s.num || t.num
	if !title && !t.num && (capitalised(t.text) && !t.initial || acronym(t.text)) {
		s.entity = true
	}
}

func capitalised(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// acronym reports an all-capitals word of two letters or more ("NATO",
// "U.S."), a name even at the start of a sentence.
func acronym(s string) bool {
	letters := 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			letters++
		case r == '.':
		default:
			return false
		}
	}
	return letters >= 2
}

type scored struct {
	key   string
	score float64
	tie   uint64
}

// top returns up to max keys, best first.
func (c *termCounter) top(max int) []string {
	all := make([]scored, 0, len(c.stats))
	for k, s := range c.stats {
		w := weightWord + 0.1*float64(max0(utf8.RuneCountInString(k)-5))
		switch {
		case s.entity:
			w = weightEntity
		case s.num:
			w = weightNumeral
		}
		all = append(all, scored{k, w * (1 + math.Log(float64(s.tf))), xxhash.Sum64String(k)})
	}
	// Ties break on a hash of the term, not its spelling, so that the
	// choice does not favour the start of the alphabet.
	slices.SortFunc(all, func(a, b scored) int {
		switch {
		case a.score > b.score:
			return -1
		case a.score < b.score:
			return 1
		case a.tie < b.tie:
			return -1
		case a.tie > b.tie:
			return 1
		}
		return strings.Compare(a.key, b.key)
	})
	if len(all) > max {
		all = all[:max]
	}
	out := make([]string, len(all))
	for i, s := range all {
		out[i] = s.key
	}
	return out
}

func max0(x int) int {
	if x < 0 {
		return 0
	}
	return x
}

package extract

import (
	"html"
	"math"
	"strings"
	"unicode"
)

// A page names its story in several places that disagree: the <h1> it
// shows (or a banner's, or the blog's name in an <h1>), the JSON-LD
// headline, og:title and twitter:title (often written for search engines
// and link previews), the <title> with the site's name appended. The
// headline is chosen among these candidates by a model fitted on labelled
// pages (title_weights.go), with the fixed rules of titleOf as one of its
// features.
//
// The features are few on purpose. Where the <h1> and the declared titles
// disagree, which of them the truth takes is close to a coin toss that no
// single trait of the page settles (the source kinds, where the <h1> sits,
// whether the body follows it, length, separators and the site's name
// were all tried and cross-validated on the fit part, and the model with
// all of them chose worse than the fixed rules). What carries over is a
// declared title that the page also shows as a section heading, how many
// of the other candidates name a candidate, the JSON-LD headline, a
// candidate in capitals only (a kicker or a label, not the headline), and
// an <h1> that no declared title repeats (h1_only: a heading the page
// shows that its author did not give as the story's title).

// Sources of a title candidate, as bits: a text found in several places
// carries all of them.
const (
	titleFromH1      = 1 << iota // one of the page's first <h1>
	titleFromLD                  // the JSON-LD article's headline
	titleFromOG                  // og:title, the site's name cut off
	titleFromTwitter             // twitter:title, the site's name cut off
	titleFromTag                 // <title>, the site's name cut off
	titleFromH2                  // one of the first <h2>
)

// TitleFeatures names the features of a title candidate, in the order of
// Candidate.Features for titles.
var TitleFeatures = []string{"ordered", "ld", "h2", "names", "upper", "h1_only"}

// titleCandidate is one headline the page could have, with every place
// it was found.
type titleCandidate struct {
	value   string
	key     string // bodyTitleKey of value
	sources int
}

// titleCandidates gathers the page's headline candidates, merged by their
// letters and digits.
func (m *pageMeta) titleCandidates(site string) []titleCandidate {
	var out []titleCandidate
	add := func(v string, source int) {
		v = collapse(v)
		k := bodyTitleKey(v)
		if k == "" || len(v) > 300 {
			return
		}
		for i := range out {
			if out[i].key == k {
				out[i].sources |= source
				return
			}
		}
		if source == titleFromH2 {
			// An <h2> is a section's title unless the page declares it
			// as the story's: it only shows a declared title.
			return
		}
		out = append(out, titleCandidate{value: v, key: k, sources: source})
	}
	for _, h := range m.h1s {
		add(h, titleFromH1)
	}
	if t := m.ld.headline; t != "" {
		add(stripSiteName(t, site), titleFromLD)
	}
	if t := m.meta["og:title"]; t != "" {
		add(stripSiteName(collapse(html.UnescapeString(t)), site), titleFromOG)
	}
	if t := m.meta["twitter:title"]; t != "" {
		add(stripSiteName(collapse(html.UnescapeString(t)), site), titleFromTwitter)
	}
	if m.title != "" {
		add(stripSiteName(m.title, site), titleFromTag)
	}
	for _, h := range m.h2s {
		add(h, titleFromH2)
	}
	return out
}

// features returns c's features (TitleFeatures) among all the page's
// candidates; ordered is the key of the fixed rules' pick.
func (c *titleCandidate) features(all []titleCandidate, ordered string) []float64 {
	flag := func(b bool) float64 {
		if b {
			return 1
		}
		return 0
	}
	names := 0
	for i := range all {
		if o := &all[i]; o.key != c.key && (namesHeadline(o.value, c.value) || namesHeadline(c.value, o.value)) {
			names++
		}
	}
	upper := strings.IndexFunc(c.value, unicode.IsLower) < 0 && strings.IndexFunc(c.value, unicode.IsUpper) >= 0
	return []float64{flag(c.key == ordered), flag(c.sources&titleFromLD != 0), flag(c.sources&titleFromH2 != 0),
		float64(names), flag(upper), flag(c.sources == titleFromH1)}
}

// headlineOf chooses the headline: the candidate the fitted model scores
// highest, or the fixed rules' pick when the page offers none. When
// choices is not nil it receives the candidates.
func (m *pageMeta) headlineOf(site string, choices *Choices) string {
	ordered := m.titleOf(site)
	orderedKey := bodyTitleKey(ordered)
	cands := m.titleCandidates(site)
	best, bestScore := ordered, math.Inf(-1)
	for i := range cands {
		x := cands[i].features(cands, orderedKey)
		if choices != nil {
			choices.Title = append(choices.Title, Candidate{Text: cands[i].value, Features: x})
		}
		if s := titleModel.score(x); s > bestScore {
			best, bestScore = cands[i].value, s
			if cands[i].key == orderedKey {
				best = ordered // the fixed rules' pick as they write it
			}
		}
	}
	return best
}

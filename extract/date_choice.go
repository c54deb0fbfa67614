package extract

import (
	"math"
	"strings"
)

// A page dates its story in several places that disagree: JSON-LD and
// meta tags (often a re-publication or index date), <time> elements, the
// date shown beside the headline (often the last update), the URL. The
// publication date is chosen among these candidates by a model fitted on
// labelled pages (date_weights.go), with the fixed order of the
// witnesses (publishedOf) as one of its features.

// Sources of a date candidate, as bits: a day found in several places
// carries all of them.
const (
	dateFromLD        = 1 << iota // the JSON-LD article's datePublished
	dateFromMeta                  // a publication meta tag
	dateFromPubAt                 // <time pubdate> or itemprop=datePublished
	dateFromClassed               // an element classed as the publication date
	dateFromTime                  // the page's first <time>
	dateFromTimeLater             // another <time>
	dateFromPage                  // the JSON-LD page's datePublished
	dateFromScript                // a script's data
	dateFromByline                // the byline's text
	dateFromUpdated               // an element classed or labelled as the update
	dateFromModified              // dateModified or a modified meta tag
	dateFromNearTitle             // the text beside the headline
	dateFromShown                 // the first date shown on the page
	dateFromURL                   // the URL's path
	dateFromBody                  // the top of the body
	dateFromLast                  // the last resorts (lastDate)
	dateFromLabelled              // a date the text calls the publication's
)

// DateFeatures names the features of a date candidate, in the order of
// Candidate.Features for dates.
var DateFeatures = []string{
	"ld", "meta", "pub_at", "classed", "first_time", "later_time", "page", "script", "byline",
	"updated", "modified", "near_title", "shown", "url", "body", "last", "labelled", "sources", "ordered",
	"latest", "earliest", "near_title_update", "next_to_url",
}

// dateCandidate is one day the page could be dated, with every place it
// was found.
type dateCandidate struct {
	value   string // normalised, as the most trusted source wrote it
	day     string // value's YYYY-MM-DD
	sources int
}

// dateCandidates gathers the page's date candidates, merged by day.
func (m *pageMeta) dateCandidates(pageURL string, paras []string, last string) []dateCandidate {
	var out []dateCandidate
	add := func(v string, source int) {
		d, ok := normalizeDate(v)
		if !ok || len(d) < 10 {
			return
		}
		for i := range out {
			if out[i].day == d[:10] {
				out[i].sources |= source
				return
			}
		}
		out = append(out, dateCandidate{value: d, day: d[:10], sources: source})
	}
	add(m.ld.published, dateFromLD)
	if !strings.HasPrefix(m.declaredPublished(), m.ld.published) || m.ld.published == "" {
		add(m.declaredPublished(), dateFromMeta)
	} else {
		add(m.firstMeta("article:published_time", "og:published_time", "datepublished", "publishdate", "pubdate", "date"), dateFromMeta)
	}
	add(m.pubAt, dateFromPubAt)
	add(m.dateText, dateFromClassed)
	for i, t := range m.times {
		if i == 0 {
			add(t, dateFromTime)
		} else {
			add(t, dateFromTimeLater)
		}
	}
	add(m.ld.pageDate, dateFromPage)
	add(m.scriptDate, dateFromScript)
	add(bylineDate(m.byline), dateFromByline)
	add(m.updatedText, dateFromUpdated)
	add(m.ld.modified, dateFromModified)
	add(m.metaModified(), dateFromModified)
	add(m.nearTitle, dateFromNearTitle)
	add(m.shownDate, dateFromShown)
	if u, ok := urlDate(pageURL); ok {
		add(u, dateFromURL)
	}
	add(bodyDate(paras), dateFromBody)
	add(last, dateFromLast)
	add(m.labelledDate, dateFromLabelled)
	return out
}

// features returns c's features (DateFeatures) among all the page's
// candidates; ordered is the day the fixed order picks.
func (c *dateCandidate) features(all []dateCandidate, m *pageMeta, ordered, urlDay string) []float64 {
	f := make([]float64, 0, len(DateFeatures))
	for b := 1; b <= dateFromLabelled; b <<= 1 {
		if c.sources&b != 0 {
			f = append(f, 1)
		} else {
			f = append(f, 0)
		}
	}
	flag := func(b bool) float64 {
		if b {
			return 1
		}
		return 0
	}
	latest, earliest := true, true
	for _, o := range all {
		if o.day > c.day {
			latest = false
		}
		if o.day < c.day {
			earliest = false
		}
	}
	return append(f, float64(bits(c.sources)), flag(c.day == ordered), flag(latest && len(all) > 1),
		flag(earliest && len(all) > 1), flag(c.sources&dateFromNearTitle != 0 && m.nearTitleUpdate),
		flag(urlDay != "" && c.day != urlDay && dayApart(c.day, urlDay)))
}

// dayApart reports two YYYY-MM-DD days one day apart: the same moment
// written in two time zones.
func dayApart(a, b string) bool {
	ta, okA := parseDay(a)
	tb, okB := parseDay(b)
	return okA && okB && math.Abs(ta-tb) == 1
}

// parseDay returns a YYYY-MM-DD day as a day number.
func parseDay(s string) (float64, bool) {
	d, ok := normalizeDate(s)
	if !ok {
		return 0, false
	}
	t, err := timeDay(d)
	if err != nil {
		return 0, false
	}
	return t, true
}

// bits counts the set bits of a source mask.
func bits(s int) int {
	n := 0
	for ; s != 0; s &= s - 1 {
		n++
	}
	return n
}

// dateOf chooses the publication date: the candidate the fitted model
// scores highest. When choices is not nil it receives the candidates.
func (m *pageMeta) dateOf(pageURL string, paras []string, page string, choices *Choices) string {
	ordered := m.publishedOf()
	if ordered == "" {
		ordered, _ = urlDate(pageURL)
	}
	if ordered == "" {
		ordered = bodyDate(paras)
	}
	last := ""
	if ordered == "" {
		last = m.lastDate(page)
		ordered = last
	}
	cands := m.dateCandidates(pageURL, paras, last)
	orderedDay, urlDay := "", ""
	if len(ordered) >= 10 {
		orderedDay = ordered[:10]
	}
	if u, ok := urlDate(pageURL); ok {
		urlDay = u
	}
	best, bestScore := ordered, math.Inf(-1)
	for i := range cands {
		x := cands[i].features(cands, m, orderedDay, urlDay)
		if choices != nil {
			choices.Date = append(choices.Date, Candidate{Text: cands[i].value, Features: x})
		}
		if s := dateModel.score(x); s > bestScore {
			best, bestScore = cands[i].value, s
			if cands[i].day == orderedDay {
				best = ordered // the ordered pick keeps its time of day
			}
		}
	}
	return best
}

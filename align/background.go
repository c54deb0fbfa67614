package align

import "github.com/wiretrace/wiretrace/textproc"

// backgroundWeight is the weight of a term, token t's stem or stem (a
// spelling normStem made of it), before the two documents are seen: words
// that appear in most news sentences carry little evidence that two
// sentences say the same thing. The tiers stand in for a background
// inverse document frequency: tier 1 words occur in more than about one
// news sentence in twenty, tier 2 in more than one in a hundred (by the
// usual English and news word-frequency rankings); every other word
// weighs 1.
func backgroundWeight(t *textproc.Token, stem string) float32 {
	switch tier, _ := commonTier.GetFor(t, stem); tier {
	case 1:
		return 0.25
	case 2:
		return 0.55
	}
	return 1
}

// commonTier holds the tier of each common stem, found by a token's
// StemID: a term weight or a Common is asked of every content word.
var commonTier textproc.StemMap

func init() {
	for _, w := range tier1 {
		commonTier.SetKey(stemOf(w), 1)
	}
	for _, w := range tier2 {
		if _, ok := commonTier.GetKey(stemOf(w)); !ok {
			commonTier.SetKey(stemOf(w), 2)
		}
	}
}

var tier1 = []string{
	"said", "say", "says", "year", "years", "new", "one", "two", "also", "would", "could",
	"people", "time", "first", "last", "told", "like", "get", "make", "made", "percent",
	"according", "us", "many", "much", "may", "well", "still", "even", "back", "way",
	"since", "just", "week", "day", "state", "government", "official", "officials",
	"million", "billion", "go", "going", "take", "come", "know", "think", "see", "want",
	"use", "used", "including", "news", "report", "reported", "statement", "added",
	"thursday", "wednesday", "tuesday", "monday", "friday", "saturday", "sunday",
}

var tier2 = []string{
	"company", "companies", "market", "world", "country", "countries", "national",
	"president", "minister", "group", "part", "number", "three", "four", "five", "month",
	"months", "today", "yesterday", "work", "public", "high", "long", "big", "large",
	"good", "great", "old", "second", "early", "late", "include", "includes", "need",
	"help", "show", "shows", "expect", "expected", "plan", "plans", "continue", "give",
	"city", "local", "international", "united", "states", "house", "according", "around",
	"called", "call", "put", "set", "since", "another", "however", "several", "among",
	"told", "earlier", "later", "next", "last", "recent", "recently", "whether", "far",
	"major", "key", "security", "officials", "saying", "says", "shares", "share", "stock",
	"price", "prices", "rate", "rates", "percent", "per", "cent", "issue", "issues", "case",
	"member", "members", "leader", "leaders", "court", "law", "police", "business",
	"economic", "economy", "political", "policy", "support", "move", "deal", "end",
	"began", "start", "run", "found", "find", "left", "right", "told", "asked", "ask",
	"return", "open", "pressure", "meeting", "met", "talks", "region", "regional",
}

// Common reports whether t's stem is among the words that occur in more
// than about one news sentence in a hundred: shared, such a word says
// little about where a text came from.
func Common(t *textproc.Token) bool {
	tier, _ := commonTier.Get(t)
	return tier != 0
}

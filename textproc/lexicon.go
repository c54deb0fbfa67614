package textproc

import "strings"

// The word lists below are written for English news prose. They are small
// on purpose: they name the closed classes (role titles, places that news
// mentions most, organisation suffixes) that capitalisation alone cannot
// classify; anything else capitalised is classified by shape.

// places maps lowercased place names, their abbreviations and demonyms to a
// canonical key, so that "U.S.", "US", "United States" and "American" agree.
var places = map[string]string{}

func init() {
	for _, line := range placeList {
		names := strings.Split(line, "|")
		key := names[0]
		for _, n := range names {
			places[n] = key
		}
	}
}

// placeList: one place per entry, canonical name first, then variants and
// demonyms, lowercased.
var placeList = []string{
	"united states|u.s.|u.s.a.|us|usa|america|american|americans",
	"washington|washington d.c.",
	"united kingdom|u.k.|uk|britain|great britain|british|london",
	"japan|japanese|tokyo", "china|chinese|beijing|prc", "north korea|north korean|pyongyang|dprk",
	"south korea|south korean|seoul|korea|korean", "taiwan|taiwanese|taipei", "russia|russian|moscow|kremlin",
	"ukraine|ukrainian|kyiv|kiev", "france|french|paris", "germany|german|berlin", "italy|italian|rome",
	"spain|spanish|madrid", "canada|canadian|ottawa", "mexico|mexican|mexico city", "brazil|brazilian|brasilia",
	"argentina|argentine", "india|indian|new delhi|delhi", "pakistan|pakistani|islamabad",
	"afghanistan|afghan|kabul", "iran|iranian|tehran", "iraq|iraqi|baghdad", "syria|syrian|damascus",
	"israel|israeli|jerusalem|tel aviv", "gaza|gazan", "west bank", "lebanon|lebanese|beirut",
	"jordan|jordanian|amman", "egypt|egyptian|cairo", "saudi arabia|saudi|riyadh", "turkey|turkish|ankara|istanbul",
	"yemen|yemeni", "qatar|qatari|doha", "united arab emirates|uae|emirati|dubai|abu dhabi",
	"australia|australian|canberra|sydney", "new zealand|wellington", "indonesia|indonesian|jakarta",
	"philippines|philippine|filipino|manila", "vietnam|vietnamese|hanoi", "thailand|thai|bangkok",
	"malaysia|malaysian|kuala lumpur", "singapore|singaporean", "myanmar|burma", "bangladesh|dhaka",
	"nigeria|nigerian|lagos|abuja", "south africa|south african|johannesburg|pretoria", "kenya|kenyan|nairobi",
	"ethiopia|ethiopian", "sudan|sudanese|khartoum", "venezuela|venezuelan|caracas", "colombia|colombian|bogota",
	"chile|chilean|santiago", "peru|peruvian|lima", "cuba|cuban|havana", "poland|polish|warsaw",
	"netherlands|dutch|amsterdam|the hague", "belgium|belgian|brussels", "sweden|swedish|stockholm",
	"norway|norwegian|oslo", "finland|finnish|helsinki", "denmark|danish|copenhagen", "switzerland|swiss|geneva|zurich",
	"austria|austrian|vienna", "greece|greek|athens", "portugal|portuguese|lisbon", "ireland|irish|dublin",
	"hungary|hungarian|budapest", "czech republic|czech|prague", "romania|romanian|bucharest",
	"europe|european", "european union|eu", "asia|asian", "east asia", "africa|african", "middle east",
	"latin america", "indo-pacific", "pacific", "atlantic", "arctic", "antarctica",
	"hong kong", "macau", "osaka", "kyoto", "shanghai", "new york|nyc", "los angeles", "chicago", "san francisco",
	"texas", "california", "florida", "new york state", "ohio", "pennsylvania", "georgia", "michigan", "arizona",
	"virginia", "north carolina", "illinois", "massachusetts|boston", "seattle", "miami", "philadelphia",
	"d.c.|district of columbia", "toronto", "vancouver", "mumbai", "hanoi", "okinawa", "hokkaido",
}

// roleTitles are lowercased role titles, longest first when they share a
// prefix; "adviser" and "advisor", "defence" and "defense" both appear.
var roleTitles = buildRoles(
	"president", "vice president", "president-elect", "prime minister", "deputy prime minister",
	"foreign minister", "defense minister", "defence minister", "finance minister", "trade minister",
	"interior minister", "economy minister", "health minister", "minister", "chief cabinet secretary",
	"cabinet secretary", "secretary of state", "secretary of defense", "defense secretary", "defence secretary",
	"treasury secretary", "secretary of the treasury", "home secretary", "foreign secretary",
	"commerce secretary", "secretary-general", "secretary general", "secretary", "press secretary",
	"national security adviser", "national security advisor", "security adviser", "security advisor",
	"adviser", "advisor", "spokesperson", "spokesman", "spokeswoman", "chancellor", "governor", "senator",
	"sen.", "rep.", "gov.", "representative", "congressman", "congresswoman", "lawmaker", "mayor",
	"chairman", "chairwoman", "chairperson", "chair", "chief executive", "chief executive officer", "ceo", "cfo",
	"chief financial officer", "chief operating officer", "founder", "co-founder",
	"king", "queen", "prince", "princess", "emperor", "pope", "general", "gen.", "admiral", "colonel",
	"ambassador", "attorney general", "speaker", "leader", "director", "commissioner", "premier",
	"judge", "justice", "chief justice", "envoy", "special envoy", "head", "chief", "minister of state",
	"captain", "lieutenant", "sergeant", "detective", "professor", "coach", "manager", "inspector",
	"lieutenant governor", "lt. gov.", "vice chairman", "vice chairwoman", "vice chairperson", "vice chair", "vice chancellor",
	"lieutenant general", "lieutenant colonel", "major general", "vice admiral", "rear admiral",
	"undersecretary", "under secretary", "assistant secretary", "treasurer",
)

// RoleTitle reports whether the lowercased word w is a role title of its
// own ("judge", "minister", "spokeswoman"): the head of a title of several
// words too.
func RoleTitle(w string) bool { return roleTitles[w] }

// roleModifiers change whether or how a role holds.
var roleModifiers = setOf("former", "formerly", "acting", "then", "late", "outgoing",
	"incoming", "interim", "deputy", "ex", "retired", "current", "sitting", "disgraced", "elected", "designate",
	"one-time", "onetime", "erstwhile")

func buildRoles(titles ...string) map[string]bool { return setOf(titles...) }

// orgSuffixes mark a capitalised name as an organisation.
var orgSuffixes = setOf("inc", "inc.", "corp", "corp.", "corporation", "co", "co.",
	"ltd", "ltd.", "plc", "llc", "group", "bank", "ministry", "department", "agency",
	"reuters", "party", "council", "university", "association", "committee",
	"commission", "court", "union", "institute", "foundation", "company", "airlines",
	"times", "post", "news", "press", "office", "army", "navy", "force", "forces",
	"police", "congress", "parliament", "senate", "house", "fund", "organization",
	"organisation", "federation", "board", "authority", "network", "motors", "holdings",
	"technologies", "systems", "partners", "capital", "exchange", "service", "services",
	"administration", "pentagon", "associates", "analytics", "logistics", "labs", "laboratories",
	"consulting", "research", "trust", "alliance", "society", "center", "centre", "industries")

// negationCues are words that negate; forms ending in "n't" are cues too,
// and "nt", the contraction a text stripped of apostrophes splits off
// ("does nt").
var negationCues = setOf("not", "nt", "no", "never", "without", "cannot", "nobody",
	"none", "nothing", "neither", "nor", "nowhere", "deny", "denies", "denied",
	"denying", "refuse", "refused", "refuses", "unable", "lack", "lacked", "lacks", "unless")

var weekdays = map[string]int{
	"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
	"mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4, "fri": 5, "sat": 6, "sun": 7,
}

var months = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
	"sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

// speechVerbs tie a quote to its speaker.
var speechVerbs = setOf("said", "says", "say", "told", "tells", "added", "adds",
	"stated", "states", "asked", "asks", "wrote", "writes", "explained", "noted",
	"declared", "insisted", "warned", "argued", "continued", "remarked", "replied",
	"announced", "according", "tweeted", "posted", "recalled", "concluded", "acknowledged")

var spelledNumbers = map[string]float64{
	"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
	"eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12, "half": 0.5,
}

var magnitudes = map[string]float64{
	"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
	"bn": 1e9, "mn": 1e6, "m": 1e6, "k": 1e3, "b": 1e9, "tn": 1e12,
	// Indian English: a lakh is a hundred thousand, a crore ten million.
	"lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
}

var currencyWords = map[string]string{
	"dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP",
	"pounds": "GBP", "sterling": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
	"rupees": "INR", "rupee": "INR", "won": "KRW", "rand": "ZAR", "ringgit": "MYR", "usd": "USD", "eur": "EUR", "gbp": "GBP", "jpy": "JPY",
}

var currencySymbols = map[string]string{"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}

// letterCurrencies are the currency symbols written in letters before a
// figure, glued to it or not ("R6.8 billion" rand, "Rs 450" rupees, "RM2.5
// million" ringgit, "KSh1.2 billion" Kenyan shillings, "Rp" rupiah, "Tk"
// taka); "R" alone counts only glued to its figure.
var letterCurrencies = map[string]string{"R": "ZAR", "Rs": "INR", "RM": "MYR", "KSh": "KES", "Ksh": "KES", "Rp": "IDR", "Tk": "BDT"}

// letterCurrency returns the currency that token code names before the
// numeral num (letterCurrencies), "" when none: a code of one letter only
// glued to its figure ("R6.8", not "R 6.8").
func letterCurrency(code, num *Token) string {
	if num.Kind != Numeral || len(code.Text) > 3 {
		return ""
	}
	if c := letterCurrencies[code.Text]; c != "" && (num.Start == code.End || len(code.Text) > 1) {
		return c
	}
	return ""
}

var measureUnits = map[string]string{
	"km": "km", "kilometers": "km", "kilometres": "km", "kilometer": "km", "kilometre": "km",
	"miles": "mi", "mile": "mi", "kg": "kg", "kilograms": "kg", "kilogram": "kg",
	"tons": "t", "tonnes": "t", "ton": "t", "tonne": "t", "meters": "m", "metres": "m",
	"percent": "%", "per": "", "pct": "%", "%": "%", "percentage": "%",
	"years": "years", "year": "years", "days": "days", "hours": "hours", "people": "people",
	"points": "points", "barrels": "barrels",
}

// oppositePairs are words that state opposite claims about the same thing
// (direction, outcome, stance, truth); a rewrite that swaps one for the
// other flips the claim without a negation word. Past and present forms
// are listed where news uses both.
var oppositePairs = [][2]string{
	{"rose", "fell"}, {"rise", "fall"}, {"rises", "falls"}, {"rising", "falling"},
	{"increased", "decreased"}, {"increase", "decrease"}, {"increases", "decreases"},
	{"grew", "shrank"}, {"gained", "lost"}, {"won", "lost"}, {"win", "lose"}, {"wins", "loses"},
	{"approved", "rejected"}, {"approve", "reject"}, {"accepted", "rejected"}, {"accepted", "declined"},
	{"agreed", "refused"}, {"agreed", "disagreed"}, {"supports", "opposes"}, {"supported", "opposed"},
	{"support", "oppose"}, {"allowed", "banned"}, {"allowed", "forbade"}, {"allow", "ban"},
	{"confirmed", "denied"}, {"confirms", "denies"}, {"confirm", "deny"}, {"admitted", "denied"}, {"admits", "denies"},
	{"admit", "deny"}, {"acknowledged", "denied"}, {"acknowledges", "denies"}, {"acknowledge", "deny"},
	{"conceded", "denied"}, {"concedes", "denies"}, {"concede", "deny"},
	{"acknowledged", "rejected"}, {"admitted", "rejected"}, {"conceded", "rejected"},
	{"acknowledged", "dismissed"}, {"admitted", "dismissed"}, {"conceded", "dismissed"},
	{"higher", "lower"}, {"more", "fewer"}, {"more", "less"}, {"most", "least"},
	{"include", "exclude"}, {"includes", "excludes"}, {"included", "excluded"},
	{"succeeded", "failed"}, {"success", "failure"}, {"passed", "failed"},
	{"always", "never"}, {"positive", "negative"}, {"better", "worse"}, {"best", "worst"},
	{"good", "bad"}, {"strong", "weak"}, {"stronger", "weaker"}, {"raised", "lowered"}, {"raise", "lower"},
	{"raised", "cut"}, {"boosted", "cut"}, {"up", "down"}, {"above", "below"}, {"true", "false"},
	{"guilty", "innocent"}, {"convicted", "acquitted"}, {"guilty", "acquitted"}, {"alive", "dead"}, {"survived", "died"},
	{"opened", "closed"}, {"open", "closed"}, {"started", "stopped"}, {"began", "ended"},
	{"bought", "sold"}, {"buy", "sell"}, {"hired", "fired"}, {"praised", "criticized"},
	{"praised", "criticised"}, {"welcomed", "condemned"}, {"safe", "dangerous"}, {"cheaper", "dearer"},
	{"expanded", "reduced"}, {"before", "after"}, {"earlier", "later"}, {"largest", "smallest"},
	{"highest", "lowest"}, {"increasing", "decreasing"}, {"growth", "decline"},
}

var opposites = func() map[string][]string {
	m := map[string][]string{}
	for _, p := range oppositePairs {
		m[p[0]] = append(m[p[0]], p[1])
		m[p[1]] = append(m[p[1]], p[0])
	}
	return m
}()

// negatingPrefixes turn a word into its opposite ("likely" → "unlikely").
var negatingPrefixes = [...]string{"un", "in", "im", "il", "ir", "dis", "non", "non-"}

// Opposites returns the lexicon's opposites of the lowercased word w
// ("fell" for "rose"); see NegatedBase for prefixed opposites.
func Opposites(w string) []string {
	if !oppositeShapes.may(w) {
		return nil
	}
	return opposites[w]
}

// oppositeShapes are the shapes of opposites' words: drift asks for the
// opposites of every word of an aligned sentence.
var oppositeShapes = shapesOf(opposites)

// NegatedBase returns the word w negates by a prefix ("likely" for
// "unlikely"; the base word at least four letters), or "".
func NegatedBase(w string) string {
	// Every prefix starts with one of four letters: most words are turned
	// away by their first byte.
	if len(w) < 6 {
		return ""
	}
	switch w[0] {
	case 'u', 'i', 'd', 'n':
	default:
		return ""
	}
	for _, p := range negatingPrefixes {
		if len(w) >= len(p)+4 && strings.HasPrefix(w, p) {
			return w[len(p):]
		}
	}
	return ""
}

package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// stopWords holds the most frequent function words of the languages
// guessLanguage tells apart. Ten per language: in news text they make up
// a fifth or more of the words, so a few sentences settle the vote.
var stopWords = map[string][]string{
	"en": {"the", "and", "of", "to", "in", "is", "that", "for", "was", "with", "it", "on"},
	"de": {"der", "die", "und", "das", "ist", "nicht", "mit", "den", "von", "sich", "auf", "ein"},
	"fr": {"le", "la", "les", "et", "des", "est", "une", "dans", "du", "pour", "qui", "pas"},
	"es": {"el", "los", "las", "del", "que", "por", "una", "con", "para", "se", "de", "y"},
	"it": {"il", "di", "che", "della", "per", "non", "sono", "gli", "nel", "una", "è", "e"},
	"pt": {"os", "do", "da", "que", "não", "uma", "para", "com", "em", "dos", "de", "e"},
	"nl": {"de", "het", "een", "en", "van", "niet", "op", "zijn", "dat", "voor", "ook", "naar"},
	"id": {"yang", "dan", "di", "dengan", "untuk", "ini", "dari", "itu", "tidak", "akan", "ke", "dalam"},
}

var stopIndex = func() map[string][]string {
	idx := map[string][]string{}
	for lang, words := range stopWords {
		for _, w := range words {
			idx[w] = append(idx[w], lang)
		}
	}
	return idx
}()

// guessLanguage names the language of a text when it has no declaration:
// by script for Japanese, Chinese, Korean, Cyrillic, Greek, Arabic and
// Hebrew, by function words for the Latin-script languages above. It
// looks at the first 4 KiB and returns "" when nothing stands out.
func guessLanguage(text string) string {
	lang, _ := guessLanguageSure(text)
	return lang
}

// guessLanguageSure is guessLanguage with a verdict on whether the guess
// is strong enough to overrule a page's declaration: a script that holds
// a third of the letters, or a clear vote of function words.
func guessLanguageSure(text string) (string, bool) {
	if len(text) > 4096 {
		text = text[:4096]
	}
	var kana, han, hangul, cyr, greek, arabic, hebrew, letters int
	for _, r := range text {
		if r < utf8.RuneSelf {
			// An ASCII letter is Latin, in none of the scripts below.
			if 'a' <= r|0x20 && r|0x20 <= 'z' {
				letters++
			}
			continue
		}
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		switch {
		case unicode.In(r, unicode.Hiragana, unicode.Katakana):
			kana++
		case unicode.Is(unicode.Han, r):
			han++
		case unicode.Is(unicode.Hangul, r):
			hangul++
		case unicode.Is(unicode.Cyrillic, r):
			cyr++
		case unicode.Is(unicode.Greek, r):
			greek++
		case unicode.Is(unicode.Arabic, r):
			arabic++
		case unicode.Is(unicode.Hebrew, r):
			hebrew++
		}
	}
	if letters == 0 {
		return "", false
	}
	// A script wins when it holds a third of the letters: pages in these
	// scripts still carry Latin brand names and URLs.
	third := letters / 3
	switch {
	case kana > 0 && kana+han > third:
		return "ja", true
	case han > third:
		return "zh", true
	case hangul > third:
		return "ko", true
	case cyr > third:
		return "ru", true
	case greek > third:
		return "el", true
	case arabic > third:
		return "ar", true
	case hebrew > third:
		return "he", true
	}
	return latinVote(text)
}

// latinVote counts function words. Words shared by several languages
// ("de", "que") split their vote. It reports the winner and whether it
// won clearly: 15% of the words and twice the runner-up, on 40 words or
// more (a paragraph), which no page in another language reaches.
func latinVote(text string) (string, bool) {
	votes := map[string]float64{}
	words := 0
	for w := range strings.FieldsFuncSeq(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) }) {
		words++
		langs := stopIndex[w]
		for _, l := range langs {
			votes[l] += 1 / float64(len(langs))
		}
	}
	best, second := "", ""
	for _, l := range []string{"en", "de", "fr", "es", "it", "pt", "nl", "id"} {
		switch {
		case best == "" || votes[l] > votes[best]:
			best, second = l, best
		case second == "" || votes[l] > votes[second]:
			second = l
		}
	}
	// 10% of the words: below that the text is too short or a list of
	// names, and a guess would be noise.
	if words == 0 || votes[best]*10 < float64(words) {
		return "", false
	}
	sure := words >= 40 && votes[best]*100 >= float64(words)*15 && votes[best] >= 2*votes[second]
	return best, sure
}

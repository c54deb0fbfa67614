package extract

import (
	"strings"

	"golang.org/x/net/html"
)

// Class and id names are how pages label their furniture. We split them
// into lower-case words ("c-article__share-bar" → c, article, share, bar)
// and look each word up: long words match as substrings, so that
// "sharebar" or "relatedposts" still count; short words must match whole,
// so that "ad" does not fire inside "header" or "download".

// bodyStrongJunkParts mark boxes that are never article text, even when
// the box also says "article" or "content": comment threads, related and
// recommended stories, share and follow bars, newsletter and login prompts,
// adverts.
var bodyStrongJunkParts = []string{
	"comment", "disqus", "related", "recommend", "newsletter",
	"share", "sharing", "social", "promo", "outbrain", "taboola", "trending",
	"popular", "advert", "sponsor", "cookie", "breadcrumb", "signup", "login",
	"mostread", "readmore", "readnext", "followus",
}

// bodyJunkParts mark page furniture: navigation, sidebars, widgets,
// headers and footers, captions and credits, bylines and dates.
var bodyJunkParts = []string{
	"sidebar", "widget", "footer", "header", "masthead", "caption", "credit",
	"byline", "author", "toolbar", "pagination", "pager", "banner", "navbar",
	"navigation", "dropdown", "modal", "popup", "overlay", "rating", "dateline",
	"timestamp", "published", "tooltip", "gallery", "slideshow", "carousel",
	"abstract", "standfirst", "subtitle", "excerpt", "teaser", "explore",
	"linkback", "photo",
}

// bodyJunkWords must match a whole word, anywhere in the name.
var bodyJunkWords = map[string]bool{
	"ad": true, "ads": true, "adv": true, "advt": true, "dfp": true, "gpt": true,
	"nav": true, "menu": true,
}

// bodyJunkLastWords must match a whole word that ends the name.
var bodyJunkLastWords = map[string]bool{
	"tag": true, "tags": true, "meta": true, "date": true,
	"time": true, "bio": true, "skip": true, "print": true, "hide": true,
	"hidden": true, "more": true, "next": true, "prev": true, "topics": true,
	"keywords": true, "source": true, "sr": true, "visually": true,
	"dek": true,
}

// bodyClassHint is the boilerplate verdict of an element's class, id
// and ARIA role.
func bodyClassHint(n *html.Node) int8 {
	var hint int8
	for _, a := range n.Attr {
		hint = min(hint, bodyAttrHint(a.Key, a.Val))
	}
	return hint
}

// bodyAttrHint judges one attribute: a role, or a class or id by the
// strongest hint of its names.
func bodyAttrHint(key, v string) int8 {
	switch key {
	case "role":
		switch v {
		case "navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "dialog", "alert", "search":
			return hintJunk
		}
		return 0
	case "class", "id":
	default:
		return 0
	}
	var hint int8
	for len(v) > 0 {
		i := strings.IndexAny(v, " \t\n\r\f")
		name := v
		if i >= 0 {
			name, v = v[:i], v[i+1:]
		} else {
			v = ""
		}
		if name == "" {
			continue
		}
		if h := bodyNameHint(name); h < hint {
			hint = h
		}
	}
	return hint
}

func bodyWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c >= 0x80
}

// bodyNameHint judges one class name or id. Short words count only as
// the name's last word: "post-tags" and "entry-meta" name furniture, while
// "tag-politics" or "meta-box-3" on an article element (as content systems
// label a post with its tags and category) do not.
func bodyNameHint(name string) int8 {
	switch strings.ToLower(name) {
	case "d-none", "hidden", "hide", "invisible", "sr-only", "visually-hidden", "screen-reader-text":
		// Hidden until a script shows it, or for screen readers only.
		return hintJunk
	}
	var hint int8
	for len(name) > 0 {
		i := 0
		for i < len(name) && !bodyWordByte(name[i]) {
			i++
		}
		j := i
		for j < len(name) && bodyWordByte(name[j]) {
			j++
		}
		if j == i {
			break
		}
		w := strings.ToLower(name[i:j])
		name = name[j:]
		last := strings.IndexFunc(name, func(r rune) bool { return r < 0x80 && bodyWordByte(byte(r)) }) < 0
		if bodyJunkWords[w] || last && bodyJunkLastWords[w] {
			hint = hintJunk
		}
		if len(w) < bodyMinPart {
			continue // too short to hold a part: most words ("col", "md", "12")
		}
		for _, p := range bodyStrongJunkParts {
			if strings.Contains(w, p) {
				return hintStrongJunk
			}
		}
		// Prefix only: "unsubscribed" labels what non-subscribers see,
		// often the article itself.
		if strings.HasPrefix(w, "subscri") {
			return hintStrongJunk
		}
		for _, p := range bodyJunkParts {
			if strings.Contains(w, p) {
				hint = hintJunk
			}
		}
	}
	return hint
}

// bodyMinPart is the length of the shortest word part in the lists above.
const bodyMinPart = 4

// bodySectionParts name the sections of teasers and comments that follow
// an article, in the class or id of their titles.
var bodySectionParts = []string{
	"related", "recommend", "comment", "popular", "trending", "mostread",
	"readnext", "readmore", "morefrom", "youmay", "alsolike",
}

// bodySectionTitle reports whether n's class or id names it the title of
// a section of teasers or comments.
func bodySectionTitle(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" {
			continue
		}
		v := strings.ToLower(a.Val)
		for _, p := range bodySectionParts {
			if strings.Contains(v, p) {
				return true
			}
		}
	}
	return false
}

// bodyIsEmbed reports a quotation that embeds a post from a social
// network (the article quotes it; the true bodies keep its text).
func bodyIsEmbed(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key == "class" {
			v := strings.ToLower(a.Val)
			return strings.Contains(v, "tweet") || strings.Contains(v, "instagram") || strings.Contains(v, "tiktok") || strings.Contains(v, "embed")
		}
	}
	return false
}

// bodyPopupParts name inline elements that pop up over the text on hover
// or are read only by screen readers (a person's card inside a
// paragraph, a tooltip): their text is not part of the sentence around.
var bodyPopupParts = []string{
	"rollover", "popover", "popup", "tooltip", "hovercard", "sr-only",
	"visually-hidden", "screen-reader",
}

// bodyPopup reports an inline element in bodyPopupParts.
func bodyPopup(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key != "class" {
			continue
		}
		v := strings.ToLower(a.Val)
		for _, p := range bodyPopupParts {
			if strings.Contains(v, p) {
				return true
			}
		}
	}
	return false
}

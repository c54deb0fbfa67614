package extract

import (
	"strings"

	"golang.org/x/net/html"
)

// Class and id names are how pages label their furniture. We split each
// name into its word tokens (nameTokens: "c-article__share-bar" → c,
// article, share, bar; "relatedPosts" → related, posts) and match whole
// tokens only, so that "ad" does not fire inside "header", "promo" inside
// "promoted" or "comment" inside "commentary". A token that runs a junk
// word into a furniture noun ("sharebar", "commentlist", "relatedposts")
// counts as the junk word. Names that state a condition or a taxonomy
// term ("is-promoted", "has-share-float", "tag-social-media") and BEM
// modifiers ("node--promoted", "field--label-hidden") say nothing of what
// the element is and are skipped.

// bodyStrongJunkWords mark boxes that are never article text, even when
// the box also says "article" or "content": comment threads, related and
// recommended stories, share and follow bars, newsletter and login prompts,
// adverts.
var bodyStrongJunkWords = bodyWordSet(
	"comment", "comments", "disqus", "related", "recommend", "recommended",
	"recommendation", "recommendations", "newsletter", "newsletters", "share",
	"shares", "sharing", "social", "promo", "promos", "outbrain", "taboola",
	"trending", "popular", "advert", "adverts", "advertisement",
	"advertisements", "advertising", "sponsor", "sponsors", "sponsored",
	"cookie", "cookies", "breadcrumb", "breadcrumbs", "signup", "login",
	"mostread", "readmore", "readnext", "followus",
)

// bodyJunkWords mark page furniture: navigation, sidebars, widgets,
// headers and footers, captions and credits, bylines and dates, adverts,
// calls to action ("blog-cta", "inline-cta", "ServiceRequestCta": the
// site's plug for its own product, a demo, a download, a donation). On the
// fit part of the WCXB dev set the true bodies hold none of the text of
// the boxes named "cta" on 19 pages; the one "above-cta" wrapper that
// holds an article is kept by the share rule (bodyWeakHintShare).
var bodyJunkWords = bodyWordSet(
	"sidebar", "sidebars", "widget", "widgets", "footer", "header",
	"masthead", "caption", "captions", "credit", "credits", "byline", "author",
	"authors", "toolbar", "pagination", "pager", "banner", "banners", "navbar",
	"navigation", "dropdown", "modal", "popup", "overlay", "rating", "ratings",
	"dateline", "timestamp", "published", "tooltip", "gallery", "slideshow",
	"carousel", "abstract", "standfirst", "subtitle", "excerpt", "teaser",
	"teasers", "photo", "photos", "cta", "ctas",
	"ad", "ads", "adv", "advt", "dfp", "gpt", "nav", "menu",
)

// bodyFurnitureNouns are the heads of compound names built on a junk word
// without a separator: "sharebar", "commentlist", "relatedpoststitle".
var bodyFurnitureNouns = []string{
	"bar", "box", "list", "links", "posts", "stories", "articles", "area",
	"block", "section", "wrap", "wrapper", "container", "widget", "items",
	"title", "heading", "buttons", "icons",
}

// bodyJunkLastWords must match the name's last token.
var bodyJunkLastWords = bodyWordSet(
	"tag", "tags", "meta", "date", "time", "bio", "skip", "print", "hide",
	"hidden", "more", "next", "prev", "topics", "keywords", "source", "sr",
	"visually", "dek",
)

func bodyWordSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// bodyJunkWord reports whether token w is in set, as itself, run into
// furniture nouns, or as the head of a compound.
func bodyJunkWord(set map[string]bool, w string) bool {
	if set[w] {
		return true
	}
	for i := 2; i < len(w)-2; i++ {
		if set[w[:i]] && bodyNouns(w[i:]) {
			return true
		}
		// A word of five letters or more ending the token names
		// what it is: "inlinegallery", "socialshare", "sitefooter".
		if i >= 3 && len(w)-i >= 5 && set[w[i:]] {
			return true
		}
	}
	return false
}

// bodyNouns reports whether s is a run of furniture nouns ("poststitle").
func bodyNouns(s string) bool {
	if s == "" {
		return true
	}
	for _, n := range bodyFurnitureNouns {
		if strings.HasPrefix(s, n) && bodyNouns(s[len(n):]) {
			return true
		}
	}
	return false
}

// bodyAttrHint judges one attribute: a role, or a class or id by the
// strongest hint of its names (bodyNameHint; heading: the attribute is a
// heading's).
func bodyAttrHint(key, v string, heading bool) int8 {
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
		if h := bodyNameHint(name, heading); h < hint {
			hint = h
		}
	}
	return hint
}

// hiddenClassName reports a class name (or id) that hides its element:
// hidden until a script shows it, or kept for screen readers only.
func hiddenClassName(name string) bool {
	switch strings.ToLower(name) {
	case "d-none", "hidden", "hide", "invisible", "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text", "screen-reader-only":
		return true
	}
	return false
}

// bodyNameHint judges one class name or id. Short words count only as
// the name's last token: "post-tags" and "entry-meta" name furniture,
// while "meta-box-3" on an article element does not. On a heading (<h1>
// to <h6>) the names that call it a header ("header-anchor-post",
// "section-header") describe the heading, not the page's header.
func bodyNameHint(name string, heading bool) int8 {
	if hiddenClassName(name) {
		return hintJunk
	}
	if nameIsState(name) {
		return 0
	}
	var buf [16]string
	toks := nameTokens(nameBlock(name), buf[:0])
	if mod := name[len(nameBlock(name)):]; mod != "" {
		// A BEM modifier names a state ("node--promoted",
		// "field--label-hidden") or, now and then, a part
		// ("m-detail--dek"): keep its words that are not states.
		for _, w := range nameTokens(mod, nil) {
			if !bodyStateWord(w) {
				toks = append(toks, w)
			}
		}
	}
	var hint int8
	for i, w := range toks {
		if heading && (w == "header" || w == "headers") {
			continue
		}
		if bodyJunkWord(bodyStrongJunkWords, w) || strings.HasPrefix(w, "subscri") {
			// Prefix only: "unsubscribed" labels what
			// non-subscribers see, often the article itself.
			return hintStrongJunk
		}
		if bodyJunkWord(bodyJunkWords, w) || i == len(toks)-1 && bodyJunkLastWords[w] {
			hint = hintJunk
		}
	}
	return hint
}

// bodyStateWord reports a word that states a condition: a participle
// ("promoted", "hidden", "collapsed") or one of the usual state
// adjectives.
func bodyStateWord(w string) bool {
	switch w {
	case "hidden", "hide", "show", "shown", "open", "active", "visible", "sticky", "inline", "on", "off":
		return true
	}
	return strings.HasSuffix(w, "ed")
}

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

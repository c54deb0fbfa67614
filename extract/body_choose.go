package extract

import (
	"strings"

	"golang.org/x/net/html/atom"
)

// Thresholds of the block classification. They were set by studying the
// 181 pages of the article extraction benchmark in ../shared/eval: which
// blocks of each page the human-marked body holds and which it leaves out.
const (
	// bodyMaxLinkDensity: a block with more of its text in links is a
	// link list or a teaser, not prose.
	bodyMaxLinkDensity = 0.5
	// bodyMaxProseLinkDensity, bodyLongChars: a punctuated paragraph of
	// at least bodyLongChars may link up to this share of its text (menu
	// and teaser links are shorter and unpunctuated).
	bodyMaxProseLinkDensity = 0.8
	bodyLongChars           = 100
	// bodyPullQuoteChars bounds the text of a pull quote.
	bodyPullQuoteChars = 300
	// bodyShortChars: shorter blocks without punctuation are labels,
	// dates, bylines and buttons unless they are headings.
	bodyShortChars = 25
	// bodyWeakHintShare / bodyStrongHintShare: a box labelled as
	// boilerplate that holds at least this share of the page's prose is a
	// wrapper with a misleading name ("no-sidebar", "has-comments"), and
	// its label is ignored.
	bodyWeakHintShare   = 0.6
	bodyStrongHintShare = 0.9
	// bodyFurnitureWeight: how much a short unpunctuated block counts
	// against the box that holds it, per char (links count fully).
	bodyFurnitureWeight = 0.5
	// bodyClimbScore, bodyClimbProse: the chosen box gives way to an
	// ancestor that scores at least bodyClimbScore of its margin and
	// holds bodyClimbProse times its prose outside boilerplate. Set on
	// the fit part of the WCXB dev set: without the prose test the
	// choice moves to wrappers that add only furniture and captions.
	bodyClimbScore = 0.8
	bodyClimbProse = 1.5
	// bodyMarkedBoost favours the element the page marks as its article
	// body (itemprop="articleBody") over a wrapper that scores a little
	// higher.
	bodyMarkedBoost = 1.25
)

func (b *bodyBlock) linkDensity() float64 {
	return float64(b.linkChars) / float64(b.chars)
}

// linky reports a block with too much of its text in links to be prose:
// a link list, a menu, a teaser. A long, punctuated paragraph is prose
// even when much of it links elsewhere (a news round-up).
func (b *bodyBlock) linky() bool {
	ld := b.linkDensity()
	if ld <= bodyMaxLinkDensity {
		return false
	}
	return ld > bodyMaxProseLinkDensity || b.chars < bodyLongChars || b.punct < 1
}

// prose is how much of the block reads as article text, in chars.
func (b *bodyBlock) prose() float64 {
	if b.heading > 0 || b.linky() {
		return 0
	}
	plain := b.chars - b.linkChars
	if plain < bodyShortChars && b.punct == 0 {
		return 0
	}
	return float64(plain)
}

// junk is how much of the block reads as page furniture, in chars.
func (b *bodyBlock) junk() float64 {
	j := float64(b.linkChars)
	if b.heading == 0 && b.chars-b.linkChars < bodyShortChars && b.punct == 0 {
		j += bodyFurnitureWeight * float64(b.chars-b.linkChars)
	}
	return j
}

// chooseContainer returns the box with the largest margin of prose over
// boilerplate: the smallest box that holds the article's paragraphs
// without the page's furniture around them.
func (s *bodySegmenter) chooseContainer() int32 {
	for i := range s.boxes {
		x := &s.boxes[i]
		x.raw, x.prose, x.junk, x.chars, x.links = 0, 0, 0, 0, 0
		x.bad, x.strongBad, x.teasers, x.pull, x.cut = false, false, false, false, false
	}
	// Raw prose per box, class hints ignored, to tell wrappers apart.
	for i := range s.blocks {
		b := &s.blocks[i]
		x := &s.boxes[b.box]
		x.raw += b.prose()
		x.chars += b.chars
		x.links += b.linkChars
	}
	for i := len(s.boxes) - 1; i > 0; i-- {
		if p := s.boxes[i].parent; p >= 0 {
			s.boxes[p].raw += s.boxes[i].raw
			s.boxes[p].chars += s.boxes[i].chars
			s.boxes[p].links += s.boxes[i].links
		}
	}
	total := s.boxes[0].raw
	s.markTeaserLists()
	repeated := s.weakHintShares()

	// Boilerplate boxes, top down (parents come first).
	for i := range s.boxes {
		x := &s.boxes[i]
		if x.parent >= 0 {
			p := &s.boxes[x.parent]
			x.bad, x.strongBad, x.pull = p.bad, p.strongBad, p.pull
		}
		// An aside is a sidebar, so it does not count towards the
		// article; but a short one without links, inside the article,
		// is a pull quote, which collect keeps. An aside that holds
		// most of the page's prose is no sidebar: an unclosed aside (a
		// banner above the page) that the parser extends over the
		// rest of the page, or a theme's misused wrapper.
		if x.tag == atom.Aside && !x.bad && x.raw < bodyWeakHintShare*total {
			x.bad = true
			x.pull = x.hint == 0 && x.links == 0 && x.chars <= bodyPullQuoteChars
			continue
		}
		// A quotation inside a widget is an embedded post or tweet that
		// the article quotes, unless a strong hint says otherwise.
		if x.tag == atom.Blockquote && (!x.strongBad || bodyIsEmbed(x.node)) {
			x.bad, x.strongBad = false, false
		}
		if x.bad || x.tag == atom.Html || x.tag == atom.Body {
			continue
		}
		// A list of linked items that holds most of the page's prose
		// is what the page is about (a guide's list of resources, each
		// described), not teasers beside it.
		if x.teasers && x.raw < bodyWeakHintShare*total && !s.betweenProse(int32(i)) {
			x.bad = true
			continue
		}
		switch x.hint {
		case hintJunk:
			x.bad = x.raw < bodyWeakHintShare*total && repeatedShare(repeated, x) < bodyWeakHintShare*total
		case hintStrongJunk:
			x.bad = x.raw < bodyStrongHintShare*total
			x.strongBad = x.bad
		}
	}

	s.cutAfterSectionTitles(total)

	// Prose and junk with the boilerplate boxes counted as junk, added up
	// each block's chain of boxes with a weight that decays with the
	// distance: the box holding the paragraphs, and its parent, get their
	// full weight, a box further up less, so that a wrapper that adds
	// teasers or comments far from the article's paragraphs does not
	// outscore the article itself.
	for i := range s.blocks {
		b := &s.blocks[i]
		var prose, junk float64
		if s.boxes[b.box].bad {
			junk = b.prose() + b.junk()
		} else {
			prose, junk = b.prose(), b.junk()
		}
		if prose == 0 && junk == 0 {
			continue
		}
		d, n := 0, 0
		for j := b.box; j >= 0 && n < bodyMaxLevels; j = s.boxes[j].parent {
			w := bodyDecay(d)
			s.boxes[j].prose += w * prose
			s.boxes[j].junk += w * junk
			n++
			// A wrapper that holds the same blocks as the box inside
			// it adds nothing: it is no further from the text.
			if p := s.boxes[j].parent; p < 0 || s.boxes[p].first != s.boxes[j].first || s.boxes[p].end != s.boxes[j].end {
				d++
			}
		}
	}

	best, bestScore := int32(0), -1.0
	for i := range s.boxes {
		x := &s.boxes[i]
		if x.bad {
			continue
		}
		score := x.prose - x.junk
		if x.marked && score > 0 {
			score *= bodyMarkedBoost
		}
		if score > bestScore {
			best, bestScore = int32(i), score
		}
	}
	// Climb to an enclosing box that scores nearly as well and holds
	// much more prose: the rest of an article whose parts the layout
	// nested at different depths (a list card, a column of cards), which
	// the decay weighs less than the one deep part that won.
	for c, a := best, s.boxes[best].parent; a > 0 && !s.boxes[a].bad && !bodyArticleBox(&s.boxes[c]); c, a = a, s.boxes[a].parent {
		x := &s.boxes[a]
		score := x.prose - x.junk
		if x.marked && score > 0 {
			score *= bodyMarkedBoost
		}
		if score >= bodyClimbScore*bestScore && s.cleanProse(a) >= bodyClimbProse*s.cleanProse(best) {
			best = a
		}
	}
	return best
}

// betweenProse reports a box that sits between paragraphs of prose among
// its siblings: a list inside the article's text, not a list after it.
func (s *bodySegmenter) betweenProse(x int32) bool {
	p := s.boxes[x].parent
	if p < 0 {
		return false
	}
	var before, after bool
	for c := p + 1; c < s.boxes[p].boxEnd; c = s.boxes[c].boxEnd {
		y := &s.boxes[c]
		if c == x || y.tag != atom.P || y.end-y.first != 1 || s.blocks[y.first].prose() < bodyLongChars {
			continue
		}
		if c < x {
			before = true
		} else {
			after = true
		}
	}
	return before && after
}

// bodyArticleBox reports a box the page marks as its article or its main
// content: the climb stops there, as what lies around it is the site's.
func bodyArticleBox(x *bodyBox) bool {
	return x.tag == atom.Article || x.tag == atom.Main || x.marked
}

// cleanProse is the prose of box x's blocks outside boilerplate boxes.
func (s *bodySegmenter) cleanProse(x int32) float64 {
	var p float64
	for i := s.boxes[x].first; i < s.boxes[x].end; i++ {
		if b := &s.blocks[i]; !s.boxes[b.box].bad {
			p += b.prose()
		}
	}
	return p
}

// weakHintShares adds up, per class name with a weak boilerplate hint,
// the raw prose of the outermost boxes that carry it. A class repeated on
// the items that together hold most of the page's prose names the
// article's own parts (a "product-widget" per item of a best-of list, a
// page builder's "text-widget" per section), not furniture beside it.
// Names count one by one, as builders add a numbered name per instance
// ("text-widget text-widget-4cd9") that makes each attribute unique.
func (s *bodySegmenter) weakHintShares() map[string]float64 {
	var sums map[string]float64
	for i := range s.boxes {
		x := &s.boxes[i]
		if x.hint != hintJunk {
			continue
		}
		pcls := ""
		if x.parent >= 0 {
			pcls = " " + attr(s.boxes[x.parent].node, "class") + " "
		}
		for _, name := range strings.Fields(attr(x.node, "class")) {
			if bodyNameHint(name, false) != hintJunk || strings.Contains(pcls, " "+name+" ") {
				continue
			}
			if sums == nil {
				sums = map[string]float64{}
			}
			sums[name] += x.raw
		}
	}
	return sums
}

// repeatedShare is the largest share of prose that a weak-hinted class
// name of box x carries over the page (weakHintShares).
func repeatedShare(sums map[string]float64, x *bodyBox) float64 {
	var m float64
	for _, name := range strings.Fields(attr(x.node, "class")) {
		m = max(m, sums[name])
	}
	return m
}

// bodyKey is the kind of box a block sits in: its tag and first class
// word, and its parent's. An article cut into chunks by adverts, images or
// layout grids repeats the same kind of paragraph in every chunk, which
// teasers, comments and sidebars do not.
type bodyKey struct {
	tag, ptag atom.Atom
	cls, pcls string
}

func (s *bodySegmenter) key(b *bodyBlock) bodyKey {
	x := &s.boxes[b.box]
	k := bodyKey{tag: x.tag, cls: x.cls}
	if x.parent >= 0 {
		p := &s.boxes[x.parent]
		k.ptag, k.pcls = p.tag, p.cls
	}
	return k
}

// bodyExtendLevels is how many levels above the container extend looks
// for the rest of a chunked article. The benchmark pages need up to four
// (chunk wrappers inside layout sections inside a grid); more changes
// nothing there, as the same-kind test keeps teasers out.
const bodyExtendLevels = 5

// extend marks the blocks of the article: the container's, and those of
// nearby boxes that hold the same kind of paragraph (the other chunks of an
// article cut up by the layout), with what lies between them.
func (s *bodySegmenter) extend(best int32) (keep []bool, lo, hi int32) {
	keep = make([]bool, len(s.blocks))
	x := &s.boxes[best]
	lo, hi = x.first, x.end
	for i := lo; i < hi; i++ {
		keep[i] = true
	}
	// The container's main kind of paragraph.
	var main bodyKey
	var mainProse float64
	kinds := map[bodyKey]float64{}
	for i := x.first; i < x.end; i++ {
		b := &s.blocks[i]
		if p := b.prose(); p > 0 && !s.boxes[b.box].bad {
			k := s.key(b)
			kinds[k] += p
			if kinds[k] > mainProse {
				main, mainProse = k, kinds[k]
			}
		}
	}
	if mainProse == 0 {
		return keep, lo, hi
	}
	cur := best
	for level := 0; level < bodyExtendLevels; {
		a := s.boxes[cur].parent
		if a < 0 {
			break
		}
		// A wrapper that holds the same blocks as the box inside it is
		// no level: nothing sits beside the box there.
		if s.boxes[a].first != s.boxes[cur].first || s.boxes[a].end != s.boxes[cur].end {
			level++
		}
		for c := a + 1; c < s.boxes[a].boxEnd; c = s.boxes[c].boxEnd {
			if c == cur || s.boxes[c].bad || !s.sameKind(c, main) {
				continue
			}
			for i := s.boxes[c].first; i < s.boxes[c].end; i++ {
				keep[i] = !s.boxes[s.blocks[i].box].bad
			}
			lo, hi = min(lo, s.boxes[c].first), max(hi, s.boxes[c].end)
		}
		cur = a
	}
	// Between the chunks, subheadings and paragraphs of the main kind
	// belong to the article too; other text there (adverts, teasers,
	// image credits) does not.
	for i := lo; i < hi; i++ {
		b := &s.blocks[i]
		if !keep[i] && !s.boxes[b.box].bad && (b.heading > 1 || s.key(b) == main) {
			keep[i] = true
		}
	}
	return keep, lo, hi
}

// sameKind reports whether box c holds mostly paragraphs of kind k.
func (s *bodySegmenter) sameKind(c int32, k bodyKey) bool {
	x := &s.boxes[c]
	var same, all float64
	for i := x.first; i < x.end; i++ {
		b := &s.blocks[i]
		p := b.prose()
		if p == 0 || s.boxes[b.box].bad {
			continue
		}
		all += p
		if s.key(b) == k {
			same += p
		}
	}
	return same > 0 && same >= 0.5*all
}

// collect returns the paragraphs of the article around the container box,
// and the credit lines it left out of them (see htmlBodyCredits).
func (s *bodySegmenter) collect(best int32) (out, credits []string) {
	keep, lo, hi := s.extend(best)
	// The lists of the article that hold an item of plain text: a
	// checklist or a list of products, whose other items may each be a
	// link to the thing named ("Rainfly", "<a>Tent</a>", "<a>Stakes</a>").
	// A list of links alone is a menu or a list of teasers.
	plainLists := map[int32]bool{}
	for i := lo; i < hi; i++ {
		if b := &s.blocks[i]; keep[i] && s.boxes[b.box].tag == atom.Li && b.linkChars == 0 && b.chars > 0 {
			plainLists[s.boxes[b.box].parent] = true
		}
	}
	var heads []bool // out[i] is a heading
	started, bylineLines := false, 0
	for i := lo; i < hi; i++ {
		b := &s.blocks[i]
		x := &s.boxes[b.box]
		// A table cell's link inside the article is data (a ticker, a
		// name), not a way out. (Before the first paragraph, cells may
		// be an old layout table's menu.) So is a short item's in a list
		// that holds plain items.
		data := started && (x.tag == atom.Td || x.tag == atom.Th ||
			x.tag == atom.Li && plainLists[x.parent] && strings.Count(b.text, " ") < bodyItemWords)
		if !keep[i] || x.bad && !x.pull || b.linky() && !data {
			continue
		}
		if bodyFurniture(b.text) {
			if bodyIsCredit(b.text) {
				credits = append(credits, b.text)
			}
			continue
		}
		// Above the first paragraph: the headline, byline and date.
		if !started && (b.heading == 1 || s.bodyIsTitle(b.text) || b.heading == 0 && bodyIsMeta(b.text)) {
			if b.heading == 0 && bodyIsByline(b.text) {
				bylineLines = bodyBylineLines
			}
			continue
		}
		// Under the byline, the lines of its box: a title, a desk, a
		// place, a reading time, in any language ("Contributions From:
		// ...", "Bureau de Paris"). A sentence is the story's lead.
		if !started && bylineLines > 0 && b.heading == 0 && len(b.text) <= bodyMetaMaxChars && !endsSentence(b.text) && strings.Count(b.text, " ") < bodyRoleWords {
			bylineLines--
			continue
		}
		bylineLines = 0
		// The story starts with a sentence, or a block longer than a
		// meta line: a deck or standfirst above the byline ("Panel
		// report prompts retraction requests"), a short line that ends
		// no sentence, leaves the byline and date under it above the
		// story, where they are dropped.
		if b.prose() > 0 && (endsSentence(b.text) || len(b.text) > bodyMetaMaxChars) {
			started = true
		}
		out = append(out, b.text)
		heads = append(heads, b.heading > 0)
	}
	// Calls to action open or close the article: drop them from its ends,
	// with the headings left last (a section title with nothing under it
	// titled what was dropped).
	for len(out) > 1 && (bodyIsCall(out[len(out)-1]) || heads[len(out)-1]) {
		out, heads = out[:len(out)-1], heads[:len(heads)-1]
	}
	for len(out) > 1 && bodyIsCall(out[0]) {
		out = out[1:]
	}
	return out, credits
}

// bodyItemWords is the most words a linked list item beside plain ones
// may have to be read as a thing named, not a teaser's headline.
const bodyItemWords = 6

// bodyBylineLines is how many short lines under a byline are taken for
// its box's: a title and a date or reading time. More would reach into a
// list of key points that opens the story.
const bodyBylineLines = 2

// bodyMaxLevels is how far up a block's text counts: real articles sit
// within a few levels of their container, and the cap keeps a page of
// thousands of nested elements from costing blocks × depth.
const bodyMaxLevels = 40

// bodyDecay weighs a block's text in a box d levels above the block's own
// box.
func bodyDecay(d int) float64 {
	if d <= 2 {
		return 1
	}
	return 1 / float64(d-1)
}

// cutAfterSectionTitles marks as boilerplate what follows the title of a
// section of teasers or comments ("Related posts", "You may also like",
// or a heading whose class says so) among its
// siblings, up to the next
// plain heading: pages often label only the section's title, not the
// list under it. A sibling holding half the page's prose is the article
// and stops the cut.
func (s *bodySegmenter) cutAfterSectionTitles(total float64) {
	for i := range s.boxes {
		x := &s.boxes[i]
		if x.parent < 0 || x.end-x.first != 1 {
			continue
		}
		byClass := x.hint == hintStrongJunk && x.bad && s.sectionHeading(int32(i)) && bodySectionTitle(x.node)
		if b := &s.blocks[x.first]; !byClass && !bodySectionTitleText(b.text, b.heading > 0) {
			continue
		}
		p := &s.boxes[x.parent]
		for c := x.boxEnd; c < p.boxEnd; c = s.boxes[c].boxEnd {
			// A sibling already cut means an earlier title cut from
			// there on with the same stops: the rest is done.
			if s.boxes[c].cut || s.boxes[c].hint == 0 && s.sectionHeading(c) || s.boxes[c].raw >= 0.5*total {
				break
			}
			s.boxes[c].cut = true
			for d := c; d < s.boxes[c].boxEnd; d++ {
				s.boxes[d].bad = true
			}
		}
	}
}

// sectionHeading reports whether box x holds one block of text, a
// heading (h2…h6): a section title.
func (s *bodySegmenter) sectionHeading(x int32) bool {
	b := &s.boxes[x]
	if b.end-b.first != 1 {
		return false
	}
	for i := b.first; i < b.end; i++ {
		if h := s.blocks[i].heading; h == 0 || h == 1 {
			return false
		}
	}
	return true
}

// bodyTeaserItems is how many items make a list of teasers, and
// bodyTeaserShare the share of them that must open with a headline link.
const (
	bodyTeaserItems = 3
	bodyTeaserShare = 0.6
)

// markTeaserLists flags lists whose items open with a linked headline
// followed by text: story teasers, whose excerpts read like prose but are
// not this article's. Numbered lists are left alone: "10 things to know"
// articles number their linked summaries.
func (s *bodySegmenter) markTeaserLists() {
	for i := range s.boxes {
		x := &s.boxes[i]
		if x.tag != atom.Ul {
			continue
		}
		var items, teasers int
		for c := int32(i) + 1; c < x.boxEnd; c = s.boxes[c].boxEnd {
			li := &s.boxes[c]
			if li.first == li.end {
				continue
			}
			items++
			b := &s.blocks[li.first]
			if b.linkFirst && b.linkChars >= 15 && b.chars > b.linkChars {
				teasers++
			}
		}
		x.teasers = items >= bodyTeaserItems && float64(teasers) >= bodyTeaserShare*float64(items)
	}
}

package extract

import "golang.org/x/net/html/atom"

// Thresholds of the block classification. They were set by studying the
// 181 pages of the article extraction benchmark in ../shared/eval: which
// blocks of each page the human-marked body holds and which it leaves out.
const (
	// bodyMaxLinkDensity: a block with more of its text in links is a
	// link list or a teaser, not prose.
	bodyMaxLinkDensity = 0.5
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
)

func (b *bodyBlock) linkDensity() float64 {
	return float64(b.linkChars) / float64(b.chars)
}

// prose is how much of the block reads as article text, in chars.
func (b *bodyBlock) prose() float64 {
	if b.heading > 0 || b.linkDensity() > bodyMaxLinkDensity {
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
	// Raw prose per box, class hints ignored, to tell wrappers apart.
	for i := range s.blocks {
		b := &s.blocks[i]
		s.boxes[b.box].raw += b.prose()
	}
	for i := len(s.boxes) - 1; i > 0; i-- {
		if p := s.boxes[i].parent; p >= 0 {
			s.boxes[p].raw += s.boxes[i].raw
		}
	}
	total := s.boxes[0].raw

	// Boilerplate boxes, top down (parents come first).
	for i := range s.boxes {
		x := &s.boxes[i]
		if x.parent >= 0 && s.boxes[x.parent].bad {
			x.bad = true
			continue
		}
		if x.tag == atom.Html || x.tag == atom.Body {
			continue
		}
		switch x.hint {
		case hintJunk:
			x.bad = x.raw < bodyWeakHintShare*total
		case hintStrongJunk:
			x.bad = x.raw < bodyStrongHintShare*total
		}
	}

	// Prose and junk with the boilerplate boxes counted as junk.
	for i := range s.blocks {
		b := &s.blocks[i]
		x := &s.boxes[b.box]
		if x.bad {
			x.junk += b.prose() + b.junk()
			continue
		}
		x.prose += b.prose()
		x.junk += b.junk()
	}
	for i := len(s.boxes) - 1; i > 0; i-- {
		if p := s.boxes[i].parent; p >= 0 {
			s.boxes[p].prose += s.boxes[i].prose
			s.boxes[p].junk += s.boxes[i].junk
		}
	}

	best, bestScore := int32(0), -1.0
	for i := range s.boxes {
		x := &s.boxes[i]
		if x.bad {
			continue
		}
		if score := x.prose - x.junk; score > bestScore {
			best, bestScore = int32(i), score
		}
	}
	return best
}

// collect returns the paragraphs of the container box.
func (s *bodySegmenter) collect(best int32) []string {
	x := &s.boxes[best]
	var out []string
	started := false
	for i := x.first; i < x.end; i++ {
		b := &s.blocks[i]
		if s.boxes[b.box].bad || b.linkDensity() > bodyMaxLinkDensity {
			continue
		}
		if b.heading == 1 && !started {
			continue
		}
		if b.prose() > 0 {
			started = true
		}
		out = append(out, b.text)
	}
	return out
}

package extract

import "golang.org/x/net/html"

// htmlBodyCredits returns the article body paragraphs of a parsed page: the prose
// of the article, its subheadings, lists, quotes, pull quotes, embedded
// posts and tables, without menus, captions, share/login/newsletter
// prompts, adverts, related-story lists, footers and comment sections.
//
// It works in three steps after one walk of the tree:
//
//  1. segment (body_segment.go): cut the page into text blocks, one per
//     paragraph-like element, and record for every block-level element a
//     "box" with its class/id hints (body_hint.go);
//  2. choose (body_choose.go): mark boilerplate boxes (hints, teaser
//     lists, sections titled "Related…"), add each block's prose and
//     boilerplate weight up its chain of boxes with a decaying weight, and
//     pick the box with the largest margin of prose over boilerplate;
//     then extend it over the other chunks of an article the layout cut
//     up (boxes holding the same kind of paragraph);
//  3. collect: keep the blocks of the article that are not boilerplate,
//     link lists, the repeated headline, the byline, or furniture lines
//     (labels, captions, credits, time stamps, calls to action;
//     body_label.go).
//
// The thresholds come from studying which blocks the human-marked bodies
// of the article extraction benchmark (../shared/eval/extraction) keep and
// leave out; `wiretrace eval extraction` measures them.
//
// The elements of leave (a page's reader comments, commentFinder's
// bodyBlocks) are no part of it.
//
// It also returns the credit lines it left out of the body ("(Reporting
// by …; Editing by …)", "… contributed to this report"): they are not
// article text, but they name who reported it, so credit detection may
// read them.
func htmlBodyCredits(root *html.Node, leave map[*html.Node]bool) (paras, credits []string) {
	paras, credits = chooseBody(bodySegment(root, false, leave))
	if bodyChars(paras) < bodyFallbackChars {
		// Still too little: the page may stream its article in a hidden
		// element a script reveals (server rendering sent in parts).
		// Read the hidden elements too, only on this rare path.
		if p2, c2 := chooseBody(bodySegment(root, true, leave)); bodyChars(p2) >= max(bodyFallbackChars, 2*bodyChars(paras)) {
			paras, credits = p2, c2
		}
	}
	return paras, credits
}

// chooseBody chooses the article among a page's blocks and returns its
// paragraphs and the credit lines left out of them.
func chooseBody(s *bodySegmenter) (paras, credits []string) {
	if len(s.blocks) == 0 {
		return nil, nil
	}
	paras, credits = s.collect(s.chooseContainer())
	// Too little text: the class names misled the choice (a page builder
	// that calls every block a "widget" or a "module", a theme that
	// labels the article "promoted"). Choose again without the weak
	// hints, then without any, as Readability retries without its class
	// filters, and keep the larger result. Strong hints go last: a short
	// article above a long comment thread is still short.
	for _, drop := range []int8{hintJunk, hintStrongJunk} {
		if bodyChars(paras) >= bodyFallbackChars {
			break
		}
		for i := range s.boxes {
			if s.boxes[i].hint == drop {
				s.boxes[i].hint = 0
			}
		}
		// The retry must find a story, not a fragment only a little
		// larger (a short body plus a comment or a caption).
		if p2, c2 := s.collect(s.chooseContainer()); bodyChars(p2) >= max(bodyFallbackChars, 2*bodyChars(paras)) {
			paras, credits = p2, c2
		}
	}
	return paras, credits
}

// bodyFallbackChars is the body length under which the choice is retried
// without class hints: about two sentences, a fragment or a caption, not a
// story (the shortest true bodies of the extraction benchmark are over 400
// characters, and retrying under 500 there picks their comment threads).
const bodyFallbackChars = 300

func bodyChars(paras []string) int {
	n := 0
	for _, p := range paras {
		n += len(p)
	}
	return n
}

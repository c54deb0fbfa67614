package extract

import "golang.org/x/net/html"

// htmlBody returns the article body paragraphs of a parsed page: the prose
// of the article, its subheadings, lists, quotes and tables, without menus,
// captions, share/login/newsletter prompts, adverts, related-story lists,
// footers and comment sections.
//
// It works in three steps over one walk of the tree:
//
//  1. segment: cut the page into text blocks (one per paragraph-like
//     element) and record, for every element that holds blocks, a "box"
//     with its class/id hints;
//  2. choose: add each block's prose and boilerplate weight up its chain
//     of boxes and pick the box with the largest margin of prose over
//     boilerplate, the article container;
//  3. filter: keep the container's blocks that are not in a boilerplate
//     box, not link lists, and not the page title or furniture.
func htmlBody(root *html.Node) []string {
	s := bodySegment(root)
	if len(s.blocks) == 0 {
		return nil
	}
	best := s.chooseContainer()
	return s.collect(best)
}

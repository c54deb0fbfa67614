package extract

import (
	"strconv"
	"strings"
	"testing"

	"github.com/wiretrace/wiretrace/article"
)

func TestCommentAuthorName(t *testing.T) {
	for in, want := range map[string]string{
		"Jane Doe says:": "Jane Doe",
		"Milan Roe on September 12, 2018 at 4:47 pm said:": "Milan Roe",
		"harbourwatcher":                 "harbourwatcher",
		"Catherine (Example Org) wrote:": "Catherine (Example Org)",
		"A name far too long to be a name of anyone who comments here": "",
	} {
		if got := commentAuthorName(in); got != want {
			t.Errorf("commentAuthorName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDropVoteTail(t *testing.T) {
	for in, want := range map[string]string{
		"Nice piece.\n\nRating: 36 Votes": "Nice piece.",
		"Nice piece.\n\n12 likes":         "Nice piece.",
		"Nice piece.\n\n-3 ( +3 / -6 )":   "Nice piece.",
		"Nice piece.\n\nI disagree.":      "Nice piece.\n\nI disagree.",
		"Rating: 36 Votes":                "Rating: 36 Votes",
	} {
		if got := dropVoteTail(in); got != want {
			t.Errorf("dropVoteTail(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestHTMLComments covers comment markups beyond the blog fixture:
// schema.org microdata, JSON-LD, and labels that are not comments.
func TestHTMLComments(t *testing.T) {
	for _, tc := range []struct {
		name, page string
		want       []article.Comment
	}{
		{"microdata", `<p>Body text of the story that is long enough.</p><section class="user-comments">
<div itemscope itemtype="https://schema.org/Comment"><span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Ana</span></span>
<div itemprop="text"><p>First.</p><p>Second.</p></div><meta itemprop="upvoteCount" content="7"><meta itemprop="downvoteCount" content="2"></div></section>`,
			[]article.Comment{{Author: "Ana", Text: "First.\n\nSecond.", Score: ptr(5)}}},
		{"json-ld", `<script type="application/ld+json">{"@type":"NewsArticle","headline":"H","comment":[{"@type":"Comment","author":{"name":"Bo"},"text":"Well said.","upvoteCount":3}]}</script><p>Body.</p>`,
			[]article.Comment{{Author: "Bo", Text: "Well said.", Score: ptr(3)}}},
		{"vote tally in text", `<article><p>The story itself, with sentences long enough to be the body of the page.</p></article><div id="comments"><div class="comment"><div class="comment-author">Cy</div><div class="comment-text"><p>Agreed.</p><p>-3 ( +3 / -6 )</p></div></div></div>`,
			[]article.Comment{{Author: "Cy", Text: "Agreed.", Score: ptr(-3)}}},
		{"section label only", `<div class="comments"><div class="comment-item"><a href="#">Add Your Comment</a></div></div>`, nil},
		{"class without a section", `<p>Body text.</p><div class="comment">An editor's comment inside the story.</div>`, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, err := Page([]byte(tc.page), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(a.Comments) != len(tc.want) {
				t.Fatalf("got %d comments %+v, want %d", len(a.Comments), a.Comments, len(tc.want))
			}
			for i, c := range a.Comments {
				w := tc.want[i]
				if c.Author != w.Author || c.Text != w.Text || (c.Score == nil) != (w.Score == nil) || (c.Score != nil && *c.Score != *w.Score) {
					t.Errorf("comment %d = %q %q %v, want %q %q %v", i, c.Author, c.Text, c.Score, w.Author, w.Text, w.Score)
				}
				if strings.Contains(a.Text(), c.Text) {
					t.Errorf("comment %q also in the body", c.Text)
				}
			}
		})
	}
}

func ptr(n int) *int { return &n }

// TestListedCommentsNeedAuthors: a section headed "Comments" whose list
// items name no commenter (a list of links to other threads) holds no
// comments.
func TestListedCommentsNeedAuthors(t *testing.T) {
	page := `<html><body><article><h1>Harbour lights go dark for a night of repairs</h1>
<p>The harbour lights were switched off on Tuesday night for the first time in a decade while engineers replaced the cables that feed them.</p>
<p>The works finished before dawn and the lights were back on for the morning tide, the harbour master said.</p></article>
<section><h2>Comments</h2><ul><li><p>Most discussed: the new ferry timetable and what it means</p></li><li><p>Most discussed: parking charges on the quay this summer</p></li></ul></section></body></html>`
	a, err := Page([]byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Comments) != 0 {
		t.Errorf("comments = %+v, want none (no item names a commenter)", a.Comments)
	}
}

// TestBEMComments reads comments whose parts are named in BEM's element
// style ("comment__author", "comment__body").
func TestBEMComments(t *testing.T) {
	page := `<html><body><article><h1>Harbour towers plan goes to a vote</h1>
<p>The council will vote next week on a plan to allow buildings of up to twelve storeys beside the harbour, officials said on Monday.</p>
<p>Supporters say the plan would add 900 homes; opponents say it would block the view from the old town.</p></article>
<section class="comments"><h2>2 comments</h2>
<article class="comment"><header><span class="comment__author">Peter Example</span> <time>2 hours ago</time></header><div class="comment__body"><p>The homes are needed more than the view.</p></div><span class="comment__votes">14</span></article>
<article class="comment"><header><span class="comment__author">oldtown_resident</span></header><div class="comment__body"><p>Nobody asked the people who live here.</p></div><span class="comment__votes">6</span></article>
</section></body></html>`
	a, err := Page([]byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		author, text string
		score        int
	}{{"Peter Example", "The homes are needed more than the view.", 14}, {"oldtown_resident", "Nobody asked the people who live here.", 6}}
	if len(a.Comments) != len(want) {
		t.Fatalf("comments = %+v, want %d", a.Comments, len(want))
	}
	for i, w := range want {
		c := a.Comments[i]
		if c.Author != w.author || c.Text != w.text || c.Score == nil || *c.Score != w.score {
			t.Errorf("comment %d = %q %q %v, want %q %q %d", i, c.Author, c.Text, c.Score, w.author, w.text, w.score)
		}
	}
}

// TestDiscussionSectionStays: a paper's own "Discussion" section is its
// text, not a thread of comments.
func TestDiscussionSectionStays(t *testing.T) {
	paper := `<html><body><main><article><h1>Ferry use during a bridge closure</h1>
<p>We counted ferry passengers on every sailing during the six weeks the harbour bridge was closed for repairs last winter.</p>
<h2>Results</h2><p>Ferry use rose from about 2,000 to 9,500 passengers a day, most of them in the morning and evening peaks.</p>
<section><h2>Discussion</h2><div><p>The rise suggests that many drivers will change how they travel when a detour costs them more than twenty minutes.</p>
<p>Whether they keep the habit once the bridge reopens is a question for a longer study of the same commuters.</p></div></section></article></main></body></html>`
	a, err := Page([]byte(paper), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(a.Paragraphs); n < 4 || !strings.Contains(strings.Join(a.Paragraphs, " "), "longer study") {
		t.Errorf("paper body = %q, want its Discussion kept", a.Paragraphs)
	}
}

// TestCommentMetaLines: a comment's meta line, where the markup names
// none of its parts, leaves the text and gives the score; the commenter
// of an item classed as a comment but with no author part is its leading
// name.
func TestCommentMetaLines(t *testing.T) {
	page := `<html><body><article><h1>Harbour bridge closes for repairs</h1>
<p>The harbour bridge will close for six weeks from Monday while engineers replace corroded cables, the transport authority said on Tuesday.</p>
<p>About 14,000 vehicles cross the bridge each day; drivers will be diverted through the inland ring road.</p></article>
<div id="comments"><h2>Comments</h2>
<div class="comment"><div><a href="/u/dock">dockworker77</a></div><div>2 hours ago · 14 points</div><p>About time, those cables looked terrible last winter.</p><div>Reply · Report</div></div>
<div class="comment"><div><a href="/u/jenna">Jenna R.</a></div><div>8d</div><p>Twenty minutes is optimistic. It will be an hour every morning.</p><div>Expand full comment</div></div>
<div class="comment"><b>ferryfan</b><p>Great news for the ferry, maybe they will keep the extra sailings.</p><span>▲ 7</span></div>
</div></body></html>`
	a, err := Page([]byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		author, text string
		score        *int
	}{
		{"dockworker77", "About time, those cables looked terrible last winter.", ptr(14)},
		{"Jenna R.", "Twenty minutes is optimistic. It will be an hour every morning.", nil},
		{"ferryfan", "Great news for the ferry, maybe they will keep the extra sailings.", ptr(7)},
	}
	if len(a.Comments) != len(want) {
		t.Fatalf("comments = %+v, want %d", a.Comments, len(want))
	}
	for i, w := range want {
		c := a.Comments[i]
		if c.Author != w.author || c.Text != w.text || (c.Score == nil) != (w.score == nil) || c.Score != nil && *c.Score != *w.score {
			t.Errorf("comment %d = %q %q %v, want %q %q %v", i, c.Author, c.Text, c.Score, w.author, w.text, w.score)
		}
	}
	for line, want := range map[string]bool{
		"3 hours ago · 3 points": true, "March 3, 2026 | Reply": true, "20h": true, "Edited": true,
		"Reply to Sara": true, "In reply to @ferryfan": true,
		"Mark Williams Aug 13, 2025": false, "Thanks, 3 points well made.": false, "Reply to Sara's point: the ferry is full every morning.": false,
	} {
		if _, got := commentMeta(line); got != want {
			t.Errorf("commentMeta(%q) = %v, want %v", line, got, want)
		}
	}
}

// TestCommentSectionLeftOutOfBody: a comments section the finder reads
// leaves the body whole, not only its comments' texts: the section's
// heading, the commenters' names, dates, tallies and reply links go with
// it, in a section named as one ("discussion", "replies") and in a
// thread under a heading inside the article's own wrapper; comments
// spread among the article's paragraphs leave only themselves.
func TestCommentSectionLeftOutOfBody(t *testing.T) {
	story := `<h1>Library budget approved after two-year debate</h1>
<p>The town council voted 7 to 2 on Tuesday to approve a budget for a new public library on Mill Street, ending a two-year debate over the site.</p>
<p>Construction is expected to begin in the spring and take about eighteen months, the council's planning officer said after the vote.</p>
<p>Opponents had argued that the money should go to road repairs, and two councillors voted against the plan on those grounds.</p>`
	kept := []string{"ending a two-year debate", "eighteen months", "road repairs"}
	for _, tc := range []struct {
		name, page string
		comments   int
		gone       []string
	}{
		{"named section with tallies", `<article>` + story + `</article><div id="discussion"><h2>Discussion</h2>
<div class="comment"><span class="name">Tom Hardy</span> <span class="votes">12 points</span><p>About time, the old branch is far too small for school groups.</p></div>
<div class="comment"><span class="name">Lena Marsh</span> <span class="votes">3 points</span><p>I would rather they fixed the potholes on Station Road first.</p></div></div>`,
			2, []string{"Discussion", "Tom Hardy", "points"}},
		{"replies with dates and reply links", `<article>` + story + `</article><section class="replies"><h2>Replies</h2><ul>
<li><cite>Tom Hardy</cite> <time datetime="2026-03-02">2 March 2026</time><p>About time, the old branch is far too small for school groups.</p><a href="#r1">Reply</a></li>
<li><cite>Lena Marsh</cite> <time datetime="2026-03-02">2 March 2026</time><p>I would rather they fixed the potholes on Station Road first.</p><a href="#r2">Reply</a></li></ul></section>`,
			2, []string{"Replies", "Tom Hardy", "2 March 2026", "Reply"}},
		{"thread under a heading in the article", `<article>` + story + `<h2>2 Comments</h2><ol>
<li class="comment"><div class="comment-author">Tom Hardy</div><div class="comment-meta">2 March 2026</div><div class="comment-content"><p>About time, the old branch is far too small for school groups.</p></div></li>
<li class="comment"><div class="comment-author">Lena Marsh</div><div class="comment-meta">3 March 2026</div><div class="comment-content"><p>I would rather they fixed the potholes on Station Road first.</p></div></li></ol></article>`,
			2, []string{"2 Comments", "Tom Hardy", "3 March 2026"}},
		{"wrapper named for its comments", `<div class="post has-comments comments">` + story + `
<div class="comment"><div class="comment-author">Tom Hardy</div><div class="comment-content"><p>About time, the old branch is far too small for school groups.</p></div></div>
<div class="comment"><div class="comment-author">Lena Marsh</div><div class="comment-content"><p>I would rather they fixed the potholes on Station Road first.</p></div></div></div>`,
			2, []string{"Tom Hardy", "potholes"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, err := Page([]byte("<html><body>"+tc.page+"</body></html>"), Options{})
			if err != nil {
				t.Fatal(err)
			}
			body := strings.Join(a.Paragraphs, "\n")
			if len(a.Comments) != tc.comments {
				t.Errorf("%d comments %+v, want %d", len(a.Comments), a.Comments, tc.comments)
			}
			for _, w := range kept {
				if !strings.Contains(body, w) {
					t.Errorf("body lost %q: %q", w, body)
				}
			}
			for _, w := range tc.gone {
				if strings.Contains(body, w) {
					t.Errorf("body holds the comments' %q: %q", w, body)
				}
			}
		})
	}
}

// TestCommentPartsByWord reads a thread whose items carry no comment class
// (a hosted widget's "post" items) and whose parts are named by words of
// their class names ("commenter-name", "post-message"): the replies nested
// in an item as items of the same tag and class are comments of their
// own, a "Reply" link classed as a reply is none, and a like button's
// tally ("Like (3)") is the comment's score.
func TestCommentPartsByWord(t *testing.T) {
	page := `<html><body><article><h1>Ferry fares rise by a fifth</h1>
<p>Island ferry fares will rise by a fifth from April, the operator said on Monday, blaming the cost of fuel and crew.</p>
<p>Season tickets for islanders will rise by less, at eight per cent, after talks with the community council.</p></article>
<div id="comments"><ul class="post-list">
<li class="post"><span class="commenter-name">Ada Quill</span><div class="post-message"><p>Eight per cent is still more than my pension went up.</p></div>
<button class="like-action">Like (3)</button><ul class="children"><li class="reply"><a href="#">Reply</a></li>
<li class="post"><span class="commenter-name">Bram Holt</span><div class="post-message"><p>Same here, and the boat is late half the time.</p></div><button class="like-action">Like (1)</button></li></ul></li>
<li class="post"><span class="commenter-name">Cora Venn</span><div class="post-message"><p>Fuel costs came down last year, so why the rise now?</p></div></li>
</ul></div></body></html>`
	a, err := Page([]byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		author, text string
		score        int // -1: none
	}{{"Ada Quill", "Eight per cent is still more than my pension went up.", 3}, {"Bram Holt", "Same here, and the boat is late half the time.", 1}, {"Cora Venn", "Fuel costs came down last year, so why the rise now?", -1}}
	if len(a.Comments) != len(want) {
		t.Fatalf("comments = %+v, want %d", a.Comments, len(want))
	}
	for i, w := range want {
		c := a.Comments[i]
		scoreOK := w.score < 0 && c.Score == nil || w.score >= 0 && c.Score != nil && *c.Score == w.score
		if c.Author != w.author || c.Text != w.text || !scoreOK {
			t.Errorf("comment %d = %q %q %v, want %q %q %d", i, c.Author, c.Text, c.Score, w.author, w.text, w.score)
		}
	}
}

// TestUnclassedCommentList reads a comment list whose markup names
// nothing (each item opens with its commenter's name in an element of
// its own) under a "Comments" heading that stands in the same column as
// the article, and under a heading held in a bar with its count
// ("Reactions" and "4"): the comments are read, the article's paragraphs
// before the heading are not, and the body leaves the comments out.
// Items that open with a heading are sections of text, not comments.
func TestUnclassedCommentList(t *testing.T) {
	article := `<h1>Leeks that survived the frost</h1>
<p>Three rows of leeks went into the bed by the shed in June, and two of them came through the December frost without a mark on them.</p>
<p>The third row, planted a fortnight later, split at the base and had to be pulled before Christmas.</p>
<p>Next year every row goes in before midsummer, and the late row becomes a row of broad beans instead.</p>`
	for _, tt := range []struct {
		name, page string
		want       []string // commenter: text
	}{
		{"column", `<html><body><table><tr><td>` + article + `
<h2>Comments</h2><ul>
<li><strong>Marjorie</strong> – 3 Jan<p>Mine split too. I blamed the clay, but maybe it was the date.</p></li>
<li><strong>Ed P.</strong> – 4 Jan<p>Earthing them up helps with the frost in my experience.</p></li>
</ul></td><td><h4>Crop notes</h4><ul><li><a href="/a">Onions</a></li><li><a href="/b">Garlic</a></li></ul></td></tr></table></body></html>`,
			[]string{"Marjorie: Mine split too. I blamed the clay, but maybe it was the date.", "Ed P.: Earthing them up helps with the frost in my experience."}},
		{"bar", `<html><body><article>` + article + `</article><section><div><h2>Reactions</h2><span>2</span></div>
<div role="list"><div role="listitem"><span>Tove Lind</span><span>2 days ago</span><p>We lost a whole bed to the same frost last winter.</p></div>
<div role="listitem"><span>Niall</span><span>1 day ago</span><p>Broad beans are a good swap, they like the cold.</p></div></div></section></body></html>`,
			[]string{"Tove Lind: We lost a whole bed to the same frost last winter.", "Niall: Broad beans are a good swap, they like the cold."}},
		{"headed items", `<html><body><article>` + article + `</article><section class="comments"><ul>
<li><h3>Sowing</h3><p>Sow the seed in modules in March and keep them under glass until April.</p></li>
<li><h3>Planting</h3><p>Plant them out in deep holes in June and water them in well.</p></li></ul></section></body></html>`, nil},
	} {
		a, err := Page([]byte(tt.page), Options{})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, c := range a.Comments {
			got = append(got, c.Author+": "+c.Text)
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s: comments = %q, want %q", tt.name, got, tt.want)
		}
		body := strings.Join(a.Paragraphs, "\n")
		if len(a.Paragraphs) < 3 || strings.Contains(body, "Broad beans are a good swap") || strings.Contains(body, "Earthing them up") {
			t.Errorf("%s: body = %q, want the article's three paragraphs without the comments", tt.name, a.Paragraphs)
		}
	}
}

// TestTallyInFooter reads a comment's score from an element holding only
// its tally ("12 points"), wherever the comment puts it (here in a footer
// of actions, whose text is no part of the comment's), from thumbs up
// and down ("👍 24", "👎 2": 22) or arrows ("▲ 24" "▼ 6": 18), and from
// counts in buttons whose class names a like and a dislike (14 and 1:
// 13).
func TestTallyInFooter(t *testing.T) {
	page := `<html><body><article><h1>Night buses return to the coast road</h1>
<p>Night buses will run on the coast road again from May, the council said, after a two-year gap caused by a shortage of drivers.</p>
<p>The service will run hourly on Fridays and Saturdays and every two hours on other nights.</p></article>
<section class="comments"><ol>
<li><article><span>Rhian</span><p>About time. The last bus at ten was no use to anyone on a late shift.</p><footer><span>12 points</span> <a href="#">Reply</a></footer></article></li>
<li><article><span>Col M.</span><p>Hourly on weekends only is still not enough for the hospital staff.</p><footer><span>-2 points</span> <a href="#">Reply</a></footer></article></li>
<li><article><span>Jo</span><p>Will the buses take bikes at night as well?</p><footer><button>👍 24</button><button>👎 2</button></footer></article></li>
<li><article><span>Pim</span><p>Hourly is fine if they actually turn up.</p><footer><button class="vf-like-button" aria-label="Like"><i></i><span class="vf-like-count">14</span></button><button class="vf-dislike-button"><span class="vf-dislike-count">1</span></button></footer></article></li>
<li><article><span>Nell</span><p>The two-hour gap midweek is the real problem.</p><footer><span>▲ 24</span> <span>▼ 6</span></footer></article></li>
</ol></section></body></html>`
	a, err := Page([]byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []int{12, -2, 22, 13, 18}
	if len(a.Comments) != len(want) {
		t.Fatalf("comments = %+v, want %d", a.Comments, len(want))
	}
	for i, w := range want {
		if c := a.Comments[i]; c.Score == nil || *c.Score != w || strings.Contains(c.Text, "points") {
			t.Errorf("comment %d = %q score %v, want score %d and no tally in the text", i, c.Text, c.Score, w)
		}
	}
}

// TestCommentSectionsByName finds comment threads by the other names
// pages give them: a class or heading in another language
// ("Leserkommentare") and items classed with a digit in their prefix
// ("vf3-comment", their commenter "vf3-comment__username", an avatar's
// initials no name); the commenters' names are no byline.
func TestCommentSectionsByName(t *testing.T) {
	article := `<article><h1>Bridge to close for eight months</h1><p class="byline">By Ilse Marten</p>
<p>The old town bridge will close to traffic for eight months from June while its arches are repaired, the city said on Tuesday.</p>
<p>A temporary walkway will carry pedestrians and cyclists across the river during the works.</p></article>`
	for _, tt := range []struct {
		name, page string
		want       []string
	}{
		{"another language", `<div class="leserkommentare"><h2>Leserkommentare (2)</h2>
<div class="beitrag"><span class="autor">Sarah_im_Exil</span><p>My kids cross that bridge every day.</p></div>
<div class="beitrag"><span class="autor">Ben Carrow</span><p>Will the walkway take cargo bikes?</p></div></div>`,
			[]string{"Sarah_im_Exil: My kids cross that bridge every day.", "Ben Carrow: Will the walkway take cargo bikes?"}},
		{"digit prefix", `<div class="conversation"><div class="vf3-header"><h2>Conversation</h2><span>Sort: newest</span></div><ol><li class="vf3-comment"><div class="vf-avatar"><span>DT</span></div><button class="vf3-comment__username">Dot</button><p>Finally, the arches were crumbling.</p></li>
<li class="vf3-comment"><div class="vf-avatar"><span>RF</span></div><button class="vf3-comment__username">Raf</button><p>The walkway is the important part.</p></li></ol></div>`,
			[]string{"Dot: Finally, the arches were crumbling.", "Raf: The walkway is the important part."}},
	} {
		a, err := Page([]byte(`<html><body>`+article+tt.page+`</body></html>`), Options{})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, c := range a.Comments {
			got = append(got, c.Author+": "+c.Text)
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s: comments = %q, want %q", tt.name, got, tt.want)
		}
		if a.Byline != "Ilse Marten" {
			t.Errorf("%s: byline = %q, want Ilse Marten", tt.name, a.Byline)
		}
	}
}

// TestThreadBelowHeadingBar reads a thread whose heading stands in a box
// with a notice ("Comments 3" and a line on the house rules) and whose
// replies alone carry a reply class: the comments follow the box, and
// the items that no class names are comments too.
func TestThreadBelowHeadingBar(t *testing.T) {
	page := `<html><body><article><h1>Observatory dome reopens</h1>
<p>The city observatory reopened its dome to visitors on Saturday after a two-year refurbishment of the telescope and the roof.</p>
<p>Open evenings will run on the first Friday of each month from October.</p></article>
<div class="talk"><div class="talk_top"><h3>Comments 3</h3><p>Posts that insult other readers will be removed by the moderators.</p></div>
<ul><li class="t_item"><span>stargazer_kim</span><p>Great to see the dome open again after so long.</p>
<ul><li class="t_item t_reply"><span>moonjar</span><p>The new roof is much quieter when it turns.</p></li></ul></li>
<li class="t_item"><span>P. Laurent</span><p>Thank you for publishing the opening times.</p></li></ul></div></body></html>`
	a, err := Page([]byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range a.Comments {
		got = append(got, c.Author+": "+c.Text)
	}
	want := []string{"stargazer_kim: Great to see the dome open again after so long.", "moonjar: The new roof is much quieter when it turns.", "P. Laurent: Thank you for publishing the opening times."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("comments = %q, want %q", got, want)
	}
}

// TestDescriptionListComments reads comments written as a description
// list under a heading in two languages: each term names the commenter in
// bold beside a date, each description is the comment; a reply nests as
// a description list inside one.
func TestDescriptionListComments(t *testing.T) {
	page := `<html><body><div><h1>Autumn on the salt road</h1>
<p>The old salt road over the pass is open to walkers again after the summer landslide, and the autumn colours are at their best this week.</p>
<p>The walk from the station to the pass takes about five hours, with a tea house at the halfway point.</p>
<h3>コメント / Comments</h3>
<dl><dt>1. <b>Tomo</b> 2012/10/08 22:14</dt><dd><p>Beautiful photos! I turned back at the tea house in spring.</p>
<dl><dt><b>kumo</b> 2012/10/09 07:30</dt><dd><p>Go in late October next time, the pass is kinder then.</p></dd></dl></dd>
<dt>2. <b>Rachel</b> 2012/10/09 18:02</dt><dd><p>Is the tea house open on weekdays?</p></dd></dl></div></body></html>`
	a, err := Page([]byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range a.Comments {
		got = append(got, c.Author+": "+c.Text)
	}
	want := []string{"Tomo: Beautiful photos! I turned back at the tea house in spring.", "kumo: Go in late October next time, the pass is kinder then.", "Rachel: Is the tea house open on weekdays?"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("comments = %q, want %q", got, want)
	}
}

// TestCommentItemReadings reads comments whose markup names them in the
// site's own words: parts named after the item's own class ("response"
// with "response-author" and "response-text", "fyre-comment-article" with
// "fyre-comment-username"), a commenter named in the meta line beside the
// time, an avatar's initial hidden from screen readers before the name, a
// badge beside the name, a tally labelled for screen readers ("-2
// points"), and no comments in a box of the latest comments on other
// pages; in a thread of four or more, one item whose commenter is not
// read, signed tallies in links classed for and against ("+48" "−3": 45)
// and a bar of action links left out of the text; and parts named by the
// data attributes of hashed builds (data-hook="author-name").
func TestCommentItemReadings(t *testing.T) {
	story := `<article><h1>Ferry timetable cut</h1><p>The island ferry will stop running on Sundays from November, the operator said on Tuesday, citing the cost of crews.</p>
<p>Islanders say the Sunday sailing is the only way to reach the mainland hospital at weekends.</p><p>A petition against the cut has gathered two thousand names.</p></article>`
	for _, tt := range []struct {
		name, section string
		want          []string // commenter: text (score)
	}{
		{"owner parts", `<section id="responses"><h3>2 responses</h3>
<div class="response" id="r1"><h5 class="response-author">Ruth Penn</h5><span class="response-date">10 October 2023</span><div class="response-text"><p>The Sunday boat is how my mother gets to church.</p></div></div>
<div class="response" id="r2"><h5 class="response-author">Dom Szabo</h5><span class="response-date">11 October 2023</span><div class="response-text"><p>Two thousand names should count for something.</p></div></div></section>`,
			[]string{"Ruth Penn: The Sunday boat is how my mother gets to church. (-)", "Dom Szabo: Two thousand names should count for something. (-)"}},
		{"name in meta line", `<section id="comments"><h2>Your thoughts</h2><ol>
<li class="thought"><div class="meta"><a class="who" href="/u/1">Holly Brand</a> <span>·</span> <time>3 hours ago</time></div><div class="body"><p>We lost our Sunday bus last year as well.</p></div></li>
<li class="thought"><div class="meta"><a class="who" href="/u/2">Nnamdi Okafor</a> <span>·</span> <time>2 hours ago</time></div><div class="body"><p>Write to the councillors before the vote.</p></div></li></ol></section>`,
			[]string{"Holly Brand: We lost our Sunday bus last year as well. (-)", "Nnamdi Okafor: Write to the councillors before the vote. (-)"}},
		{"hidden initial and vote bar", `<section aria-label="Conversation"><h2>Conversation</h2>
<div class="x1"><div class="x2"><div class="x3" aria-hidden="true">R</div><a href="/u/rovers">RoversFan</a></div><p>Cutting Sundays is a false economy for the whole island.</p><div class="bar"><span class="vote">▲ 14 ▼ 3</span></div></div>
<div class="x1"><div class="x2"><div class="x3" aria-hidden="true">M</div><a href="/u/mike">mike_h</a></div><p>The crews were paid overtime on Sundays for years.</p><div class="bar"><span class="vote">▲ 2 ▼ 0</span></div></div></section>`,
			[]string{"RoversFan: Cutting Sundays is a false economy for the whole island. (11)", "mike_h: The crews were paid overtime on Sundays for years. (2)"}},
		{"vendor prefix, badge and labelled tally", `<div class="fyre-stream"><h2>Comments</h2>
<article class="fyre-comment-article" id="m1"><header class="fyre-comment-head"><a class="fyre-comment-username">dkowalczyk</a> <span class="fyre-comment-badge">Staff</span></header><section class="fyre-comment-body"><p>The Sunday sailing paid for itself every summer.</p></section><footer><span class="fyre-comment-like-count">4</span></footer></article>
<article class="fyre-comment-article" id="m2"><header class="fyre-comment-head"><a class="fyre-comment-username">Marge H</a></header><section class="fyre-comment-body"><p>Winter is when the islanders need it most.</p></section><div role="toolbar"><span aria-label="-2 points">-2</span></div></article></div>`,
			[]string{"dkowalczyk: The Sunday sailing paid for itself every summer. (4)", "Marge H: Winter is when the islanders need it most. (-2)"}},
		{"signed votes, action bar, one item unnamed", `<div id="komentarze"><h2>Komentarze (4)</h2>
<div class="kw"><div class="kw-meta"><span>mieszkaniec</span> · <span>13.04.2024, 18:22</span></div><div class="kw-tresc"><p>Finally a boat on Sundays again, after four years.</p></div><div class="kw-stopka"><a class="kw-plus" href="/v?k=1&o=1">+48</a> <a class="kw-minus" href="/v?k=1&o=-1">−3</a> <a href="#odp-1">Odpowiedz</a> <a href="/zglos?k=1">Zgłoś</a></div></div>
<div class="kw"><div class="kw-meta"><span>Bogdan K.</span> · <span>13.04.2024, 18:40</span></div><div class="kw-tresc"><p>Who pays for the extra crew, I wonder?</p></div><div class="kw-stopka"><a class="kw-plus" href="/v?k=2&o=1">+12</a> <a class="kw-minus" href="/v?k=2&o=-1">−20</a> <a href="#odp-2">Odpowiedz</a></div></div>
<div class="kw"><div class="kw-meta"><span>13.04.2024, 19:02</span></div><div class="kw-tresc"><p>Nobody asked the crews what they think of it.</p></div></div>
<div class="kw"><div class="kw-meta"><span>rowerzystka</span> · <span>13.04.2024, 20:15</span></div><div class="kw-tresc"><p>Good news for the cyclists who use the Sunday boat.</p></div><div class="kw-stopka"><a class="kw-plus" href="/v?k=4&o=1">+21</a> <a class="kw-minus" href="/v?k=4&o=-1">−0</a> <a href="#odp-4">Odpowiedz</a></div></div></div>`,
			[]string{"mieszkaniec: Finally a boat on Sundays again, after four years. (45)", "Bogdan K.: Who pays for the extra crew, I wonder? (-8)",
				": Nobody asked the crews what they think of it. (-)", "rowerzystka: Good news for the cyclists who use the Sunday boat. (21)"}},
		{"parts named by data attributes", `<section id="comments"><h2>Comments</h2>
<div class="Ywm5T" data-hook="comment-root"><div class="Q2D" data-hook="avatar"><span>R</span></div><span class="mF6" data-hook="author-name">Rob Treloar</span><span data-hook="creation-date">Mar 28</span>
<div class="t3L" data-hook="comment-content"><p>Could the cold be numbing things for a few hours?</p></div><div data-hook="comment-footer"><button data-hook="like-button">Like</button><span class="Ui7" data-hook="total-likes-count">7</span></div></div>
<div class="Ywm5T" data-hook="comment-root"><div class="Q2D" data-hook="avatar"><span>J</span></div><span class="mF6" data-hook="author-name">Jenny M</span><span data-hook="creation-date">Mar 29</span>
<div class="t3L" data-hook="comment-content"><p>Which wetsuit did you start in this winter?</p></div></div></section>`,
			[]string{"Rob Treloar: Could the cold be numbing things for a few hours? (7)", "Jenny M: Which wetsuit did you start in this winter? (-)"}},
		{"latest comments on other pages", `<aside><section class="widget recent-comments"><h2>Latest comments</h2><ul>
<li class="rc-item"><span class="rc-author">Hal B</span> on <a href="/other-story/#comment-9">Canal festival returns</a><p>Great to see the old boats back on the water.</p></li>
<li class="rc-item"><span class="rc-author">June A</span> on <a href="/cooper/#comment-12">The last cooper</a><p>My grandfather apprenticed at that yard.</p></li></ul></section></aside>`, nil},
	} {
		a, err := Page([]byte(`<html><body>`+story+tt.section+`</body></html>`), Options{})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, c := range a.Comments {
			score := "-"
			if c.Score != nil {
				score = strconv.Itoa(*c.Score)
			}
			got = append(got, c.Author+": "+c.Text+" ("+score+")")
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s: comments = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestHeadedThreadInArticleColumn keeps the article whose column also
// holds its comments under a heading of their own, though the comments
// outweigh it: what stands before the heading is no part of the thread.
func TestHeadedThreadInArticleColumn(t *testing.T) {
	var posts strings.Builder
	for i, who := range []string{"frostfair", "GrahamO", "Wardlaw_Pete", "cumulus_clara"} {
		posts.WriteString(`<div class="post"><dl class="postprofile"><dt><a class="username">` + who + `</a></dt><dd>Posts: 6,812</dd><dd>Joined: Nov 2009</dd></dl>` +
			`<div class="postbody"><p>Reply ` + strconv.Itoa(i+1) + ` to the story: the hollow was colder than anything on the moor that night, and the trace shows how quickly the air drained down after sunset.</p></div></div>`)
	}
	page := `<html><body><h1>Highmoor Weather Network</h1><div id="page-body" role="main">
<h2>Frost hollow records lowest March reading</h2>
<p>A temperature of minus fourteen was recorded at the hollow station in the early hours of Wednesday.</p>
<p>The station sits in a steep-sided hollow where cold air pools on still, clear nights.</p>
<p>The reading will be checked against the reference thermometer before it enters the record.</p>
<h3>Discussion</h3>` + posts.String() + `</div></body></html>`
	a, err := Page([]byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	body := strings.Join(a.Paragraphs, "\n")
	if !strings.Contains(body, "minus fourteen") || !strings.Contains(body, "reference thermometer") || strings.Contains(body, "Reply 2") {
		t.Errorf("body = %q, want the three article paragraphs without the posts", a.Paragraphs)
	}
	if len(a.Comments) != 4 {
		t.Errorf("got %d comments, want 4", len(a.Comments))
	}
}

// TestThreadUnderAnyHeading reads a thread under a heading of any words
// ("Your views") when three or more items each name their commenter,
// carry their time and read as their own words; cards of other articles
// (a title, its author and date), posts embedded from a social network
// (quotations, or items showing their author's "@handle") and a product's
// figures ("450W") under such a heading are no thread.
func TestThreadUnderAnyHeading(t *testing.T) {
	story := `<article><h1>Library to open late on Fridays</h1><p>The central library will stay open until midnight on Fridays from next month, the council said.</p>
<p>The trial follows a petition signed by more than two thousand residents who work shifts.</p><p>Staff will be paid overtime for the extra hours, and security will be added.</p></article>`
	view := func(name, when, text string) string {
		return `<div class="view"><p class="view-name"><b>` + name + `</b></p><p class="view-date">` + when + `</p><p>` + text + `</p></div>`
	}
	for _, tt := range []struct {
		name, section string
		want          int
	}{
		{"views", `<section><h2>Your views</h2>` + view("Hamid Q", "2 April 2024", "I work nights and Friday is the only time I can get there.") +
			view("Rosalind B", "3 April 2024", "Things have improved a lot since the trial began last year.") +
			view("Declan M", "4 April 2024", "The cafe closing at nine is madness for the late crowd.") + `</section>`, 3},
		{"cards", `<section><h2>More from Life</h2>` + view("Ann Lee", "2 April 2024", `<a href="/a">Peat fires can smoulder underground for two whole winters, study finds.</a>`) +
			view("Bo Chen", "3 April 2024", `<a href="/b">River dolphins change their clicks near the new dams, say researchers.</a>`) +
			view("Cy Dean", "4 April 2024", `<a href="/c">Drones measure the snowpack faster than survey crews on foot.</a>`) + `</section>`, 0},
		{"embedded posts", `<section><h2>What people are saying</h2>` +
			`<blockquote class="tweet"><span class="tweet-name">Friends of the Library</span><p>Late opening confirmed, thank you to everyone who signed.</p><time>Jan 30, 2025</time></blockquote>` +
			`<blockquote class="tweet"><span class="tweet-name">Cllr Osei</span><p>Proud to have backed this trial from the start of the year.</p><time>Jan 30, 2025</time></blockquote>` +
			`<blockquote class="tweet"><span class="tweet-name">Library Staff</span><p>See you on Friday night, the coffee will be on.</p><time>Jan 31, 2025</time></blockquote></section>`, 0},
		{"posts with handles", `<section><h2>What readers are saying</h2>` +
			`<div class="post"><p><b>Marisol Leung</b> <span>@marisolplays.bsky.social</span></p><p>Mar 9, 2024</p><p>Took the late opening for a spin and read for three hours.</p></div>` +
			`<div class="post"><p><b>Tomasz Bielski</b> <span>@tbielski@mastodon.example</span></p><p>Mar 10, 2024</p><p>The quiet floor at midnight is the best study room in town.</p></div>` +
			`<div class="post"><p><b>Ola Kehinde</b> <span>@olak</span></p><p>Mar 11, 2024</p><p>Finally somewhere to go after the late shift ends at ten.</p></div></section>`, 0},
		{"figures", `<section><h2>Specifications</h2>` + view("Motor Size", "450W", "The motor is the largest in its class, and it shows on hills.") +
			view("Peak Power", "900W", "Peak power is reached only in the boost mode, which drains it.") +
			view("Rated Power", "250W", "Rated power is what the law allows on the road in most places.") + `</section>`, 0},
	} {
		a, err := Page([]byte(`<html><body>`+story+tt.section+`</body></html>`), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(a.Comments) != tt.want {
			t.Errorf("%s: %d comments %+v, want %d", tt.name, len(a.Comments), a.Comments, tt.want)
		}
		if body := strings.Join(a.Paragraphs, "\n"); !strings.Contains(body, "paid overtime") {
			t.Errorf("%s: body lost the article: %q", tt.name, a.Paragraphs)
		}
	}
}

// TestBloggerDescriptionList reads a classic blog's comments written as a
// description list: each term opens with an empty anchor the page links
// to, then the commenter's link and "said...", and the description after
// it holds the comment, a second description its time.
func TestBloggerDescriptionList(t *testing.T) {
	term := func(id, name string) string {
		return `<dt class="comment-author" id="c` + id + `"><a name="c` + id + `"></a><a href="/profile/` + id + `" rel="nofollow">` + name + `</a> said...</dt>`
	}
	page := `<html><body><div class="post"><h3 class="post-title">Blight again</h3><div class="post-body"><p>The tomatoes went down with blight again this week, two days after the first warm rain.</p>
<p>I pulled the worst plants and ripened the green fruit on the windowsill with a banana.</p><p>Next year I will try the resistant varieties the allotment society recommends.</p></div></div>
<div class="comments" id="comments"><h4>2 comments:</h4><dl id="comments-block">` +
		term("661", "Tilly at Hesketh Cottage") + `<dd class="comment-body"><p>So sorry, ours went the same way last week.</p></dd><dd class="comment-footer"><a href="#c661">27 July 2014 at 21:19</a></dd>` +
		term("305", "Peter Gammage") + `<dd class="comment-body"><p>Crimson Crush is still clean here in Leeds.</p></dd><dd class="comment-footer"><a href="#c305">28 July 2014 at 08:02</a></dd>` +
		`</dl></div></body></html>`
	a, err := Page([]byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range a.Comments {
		got = append(got, c.Author+": "+c.Text)
	}
	want := []string{"Tilly at Hesketh Cottage: So sorry, ours went the same way last week.", "Peter Gammage: Crimson Crush is still clean here in Leeds."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("comments = %q, want %q", got, want)
	}
}

// TestVoteWayForeign checks that a like button's class in another language
// ("mi-piace", "tetszik") is a vote for the comment.
func TestVoteWayForeign(t *testing.T) {
	for _, tt := range []struct {
		name string
		want int
	}{
		{"mi-piace", 1}, {"btn-tetszik", 1}, {"me-gusta", 1}, {"j-aime", 1}, {"like-count", 1},
		{"vote-down", -1},
		{"comment-body", 0}, {"no-avatar", 0},
	} {
		if got := voteWay(tt.name); got != tt.want {
			t.Errorf("voteWay(%q) = %d, want %d", tt.name, got, tt.want)
		}
	}
}

// TestVoteCountInDirectedControl checks that a count inside a vote button
// classed with its direction, under a class that also reads as a score
// ("vote-count"), is that side of the tally: the score is up minus down.
func TestVoteCountInDirectedControl(t *testing.T) {
	item := `<li class="comment"><div class="comment-author">Ola Reader</div><div class="comment-text"><p>The rent cap will not fix supply, but it helps the tenants already here.</p></div>
<div class="comment-actions"><button class="vote vote-up">▲ <span class="vote-count">21</span></button><button class="vote vote-down">▼ <span class="vote-count">3</span></button></div></li>`
	page := `<html><body><article><h1>Rent cap approved for quayside flats</h1><p>` + strings.Repeat("The council approved a cap on rents for the new flats by the quay after a long debate. ", 6) + `</p></article>
<section class="comments"><h2>Comments</h2><ol>` + item + strings.NewReplacer("Ola Reader", "Ben Other", "The rent cap will not fix supply", "Supply is the real problem here").Replace(item) + `</ol></section></body></html>`
	a, err := Page([]byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Comments) != 2 {
		t.Fatalf("%d comments, want 2: %+v", len(a.Comments), a.Comments)
	}
	for _, c := range a.Comments {
		if c.Score == nil || *c.Score != 18 {
			t.Errorf("comment by %s: score %v, want 18", c.Author, c.Score)
		}
	}
}

// TestLabelledVotes checks two ways a thread scores its comments without
// classing the counts: a vote button labelled with its direction and
// count for screen readers ("Upvote, 12 upvotes"), and an icon button
// labelled as a vote ("clap", "Like") with its count beside it.
func TestLabelledVotes(t *testing.T) {
	article := `<article><h1>The lido vote, explained</h1><p>` + strings.Repeat("The council voted on Tuesday to keep the lido open for another five summers, after a petition. ", 6) + `</p></article>`
	for _, tt := range []struct {
		name, item string
		author     string
		score      int
	}{
		{"labelled votes", `<div class="c"><b class="n">Ada Brook</b> <time>2 hours ago</time><p>Glad they listened to the petition this time round.</p><button aria-label="Upvote, 12 upvotes">▲</button><button aria-label="Downvote, 3 downvotes">▼</button></div>`, "Ada Brook", 9},
		{"icon vote", `<div class="c"><b class="n">Ada Brook</b> <time>2 hours ago</time><p>Glad they listened to the petition this time round.</p><div><button aria-label="clap"><svg></svg></button><span>31</span></div></div>`, "Ada Brook", 31},
	} {
		items := tt.item + strings.ReplaceAll(tt.item, "Ada Brook", "Ben Cole") + strings.ReplaceAll(tt.item, "Ada Brook", "Cy Dunn")
		items = strings.Replace(items, "Glad they listened to the petition this time round.", "Five more summers is not long enough, to be honest.", 1)
		page := `<html><body>` + article + `<section class="comments"><h2>Comments</h2>` + items + `</section></body></html>`
		a, err := Page([]byte(page), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(a.Comments) == 0 {
			t.Errorf("%s: no comments", tt.name)
			continue
		}
		c := a.Comments[0]
		if c.Author != tt.author {
			t.Errorf("%s: author %q, want %q", tt.name, c.Author, tt.author)
		}
		if c.Score == nil || *c.Score != tt.score {
			t.Errorf("%s: score %v, want %d", tt.name, c.Score, tt.score)
		}
	}
}

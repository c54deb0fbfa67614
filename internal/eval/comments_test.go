package eval

import (
	"context"
	"testing"
)

// TestCommentProbes holds extraction's reading of the comment probe
// pages' check part at its floors: the true comments found, the F1 of
// that share and the share of comments read that are true, their
// commenters and scores, the pages read wholly right and the article
// bodies beside the comments. The pages are in the repository; nothing
// here needs ../shared.
func TestCommentProbes(t *testing.T) {
	pages, err := CommentProbes()
	if err != nil {
		t.Fatal(err)
	}
	s, _, err := ScoreComments(context.Background(), pages, Check)
	if err != nil {
		t.Fatal(err)
	}
	if s.Pages.N < 6 || s.Found.N < 25 {
		t.Fatalf("check part: %d pages, %d true comments; want at least 6 and 25", s.Pages.N, s.Found.N)
	}
	checkFloor(t, "comments.check.found", s.Found.Value())
	checkFloor(t, "comments.check.f1", s.F1)
	checkFloor(t, "comments.check.authors", s.Authors.Value())
	checkFloor(t, "comments.check.scores", s.Scores.Value())
	checkFloor(t, "comments.check.pages", s.Pages.Value())
	checkFloor(t, "comments.check.body", s.Body)
}

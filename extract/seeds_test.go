package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/internal/sharedtest"
)

// seedPage extracts one of the shared seed pages (../shared/seeds), which
// are read in place and never copied into the repository.
func seedPage(t *testing.T, prefix string) *article.Article {
	t.Helper()
	dir := sharedtest.Dir(t, "seeds")
	matches, err := filepath.Glob(filepath.Join(dir, prefix+"_*.txt"))
	if err != nil || len(matches) != 1 {
		t.Fatalf("seed %s: want one file in %s, found %v (%v)", prefix, dir, matches, err)
	}
	data, err := os.ReadFile(matches[0])
	if err != nil {
		t.Fatal(err)
	}
	a, err := Page(data, Options{})
	if err != nil {
		t.Fatalf("extract %s: %v", matches[0], err)
	}
	return a
}

// TestSeedWireStory checks every extract item of the seeds README for the
// wire story page: title, dateline, exactly the five body paragraphs,
// the agency credit, and five comments with their scores.
func TestSeedWireStory(t *testing.T) {
	a := seedPage(t, "000")
	if !strings.HasPrefix(a.Title, "Japan has no choice") || !strings.HasSuffix(a.Title, "administration") {
		t.Errorf("title = %q", a.Title)
	}
	if a.Dateline != "WASHINGTON" {
		t.Errorf("dateline = %q, want WASHINGTON", a.Dateline)
	}
	if len(a.Paragraphs) != 5 {
		t.Fatalf("got %d body paragraphs, want 5:\n%s", len(a.Paragraphs), strings.Join(a.Paragraphs, "\n"))
	}
	for i, want := range []string{"Japan will continue", "The return of U.S.", "Spurred by concerns", "Japan's Foreign Minister", "Iwaya told Rubio"} {
		if !strings.HasPrefix(a.Paragraphs[i], want) {
			t.Errorf("paragraph %d = %q, want it to start %q", i, a.Paragraphs[i], want)
		}
	}
	if !strings.Contains(a.Paragraphs[4], "Kitamura") {
		t.Errorf("last paragraph lost the spokesperson: %q", a.Paragraphs[4])
	}
	if !strings.Contains(a.Credit, "Thomson Reuters") {
		t.Errorf("credit = %q, want it to name Thomson Reuters", a.Credit)
	}
	wantScores := []int{-3, -2, -2, -1, -1}
	if len(a.Comments) != len(wantScores) {
		t.Fatalf("got %d comments, want %d: %+v", len(a.Comments), len(wantScores), a.Comments)
	}
	for i, c := range a.Comments {
		if c.Score == nil || *c.Score != wantScores[i] {
			t.Errorf("comment %d score = %v, want %d", i, c.Score, wantScores[i])
		}
		if c.Text == "" {
			t.Errorf("comment %d has no text", i)
		}
	}
	if n := len(strings.Split(a.Comments[2].Text, "\n\n")); n != 4 {
		t.Errorf("comment 2 has %d paragraphs, want 4: %q", n, a.Comments[2].Text)
	}
	if n := len(strings.Split(a.Comments[3].Text, "\n\n")); n != 2 {
		t.Errorf("comment 3 has %d paragraphs, want 2: %q", n, a.Comments[3].Text)
	}
	for _, p := range a.Paragraphs {
		for _, c := range a.Comments {
			if strings.Contains(c.Text, p) {
				t.Errorf("body paragraph also in a comment: %q", p)
			}
		}
	}
	if a.Language != "en" {
		t.Errorf("language = %q, want en", a.Language)
	}
	if a.Site != "Japan Today" {
		t.Errorf("site = %q, want the name on the page's first line", a.Site)
	}
}

// TestSeedRewrite checks the rewrite page: its six body paragraphs and
// none of the sixteen headlines listed after it, and no invented title.
func TestSeedRewrite(t *testing.T) {
	a := seedPage(t, "001")
	if len(a.Paragraphs) != 6 {
		t.Fatalf("got %d body paragraphs, want 6:\n%s", len(a.Paragraphs), strings.Join(a.Paragraphs, "\n"))
	}
	for i, p := range a.Paragraphs {
		if !endsSentence(p) || wordCount(p) < 15 {
			t.Errorf("paragraph %d does not read as body text: %q", i, p)
		}
	}
	if !strings.Contains(a.Paragraphs[1], "Kitamura") || !strings.Contains(a.Paragraphs[2], "former") {
		t.Errorf("body paragraphs out of place: %q", a.Paragraphs[1:3])
	}
	for _, p := range a.Paragraphs {
		if strings.Contains(p, "Hegseth") || strings.Contains(p, "Lula") {
			t.Errorf("a headline leaked into the body: %q", p)
		}
	}
	if a.Title != "" && strings.Contains(a.Paragraphs[0], a.Title) {
		t.Errorf("title %q was taken from the body", a.Title)
	}
	if a.Credit != "" {
		t.Errorf("credit = %q, want none (the rewrite credits no one)", a.Credit)
	}
	if len(a.Comments) != 0 {
		t.Errorf("got %d comments, want none", len(a.Comments))
	}
}

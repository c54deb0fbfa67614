package eval

import (
	"context"
	"embed"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/extract"
)

// commentPages holds the comment probe set: pages written for the purpose
// by writers who read none of the product's code (sessions 33, 38 and 39), each a
// whole page as a site serves it with the truth beside it
// (<slug>.html, <slug>.json): the article's paragraphs and its reader
// comments (author, text, score). Most pages carry a comment section, in
// the markup of as many kinds of publishing system; the rest carry none
// but hold lists that look like comments (testimonials, an interview's
// named answers, a sidebar of other pages' latest comments). Split by
// PartOf of the slug: the fit part's pages may be studied, the check
// part's only measured.
//
//go:embed testdata/comments
var commentPages embed.FS

// CommentPage is one page of the comment probe set.
type CommentPage struct {
	Slug  string
	HTML  []byte
	Truth CommentTruth
}

// CommentTruth is what a comment probe page holds.
type CommentTruth struct {
	Title      string            `json:"title"`
	Paragraphs []string          `json:"paragraphs"`
	Comments   []article.Comment `json:"comments"`
}

// CommentProbes loads the comment probe set, in slug order.
func CommentProbes() ([]CommentPage, error) {
	const dir = "testdata/comments"
	entries, err := fs.ReadDir(commentPages, dir)
	if err != nil {
		return nil, fmt.Errorf("comment probes: %w", err)
	}
	var out []CommentPage
	for _, e := range entries {
		slug, ok := strings.CutSuffix(e.Name(), ".html")
		if !ok {
			continue
		}
		p := CommentPage{Slug: slug}
		if p.HTML, err = commentPages.ReadFile(path.Join(dir, e.Name())); err != nil {
			return nil, fmt.Errorf("comment probe %s: %w", slug, err)
		}
		truth, err := commentPages.ReadFile(path.Join(dir, slug+".json"))
		if err != nil {
			return nil, fmt.Errorf("comment probe %s: its truth: %w", slug, err)
		}
		if err := json.Unmarshal(truth, &p.Truth); err != nil {
			return nil, fmt.Errorf("comment probe %s: reading its truth: %w", slug, err)
		}
		out = append(out, p)
	}
	return out, nil
}

// CommentScore is how extraction reads the comment probe pages of one
// part.
type CommentScore struct {
	Part Part `json:"part"`
	// Found: the true comments a read comment matches (its text's words,
	// WCXBBody's F1 at least commentMatchF1), of all true comments.
	Found Ratio `json:"found"`
	// False counts the comments read that match no true one; Precision
	// is the share of comments read that match one.
	False     int   `json:"false"`
	Precision Ratio `json:"precision"`
	// F1 is the harmonic mean of Found's and Precision's values.
	F1 float64 `json:"f1"`
	// Authors: the true comments found with their commenter named as the
	// page shows it, of all true comments; Scores: of the true comments
	// the page shows a score for, those found with that score.
	Authors Ratio `json:"authors"`
	Scores  Ratio `json:"scores"`
	// Pages: pages whose comments are all found with none false (a page
	// without comments: none read).
	Pages Ratio `json:"pages"`
	// Body is the mean WCXB body F1 of the article's paragraphs.
	Body float64 `json:"body"`
}

// CommentMiss is one page's wrong answers, for study (fit part only).
type CommentMiss struct {
	Slug    string            `json:"slug"`
	Missed  []article.Comment `json:"missed,omitempty"`
	False   []article.Comment `json:"false,omitempty"`
	Wrong   []string          `json:"wrong,omitempty"` // author or score wrong: "truth | read"
	BodyF1  float64           `json:"body_f1"`
	BodyGot int               `json:"body_paragraphs"`
}

// commentMatchF1 is how close a read comment's words must come to a true
// comment's to be it: its wording may lose or keep a stray "Reply".
const commentMatchF1 = 0.8

// ScoreComments extracts every page of part and scores its comments and
// body against the truth; misses lists the pages with anything wrong.
func ScoreComments(ctx context.Context, pages []CommentPage, part Part) (CommentScore, []CommentMiss, error) {
	s := CommentScore{Part: part}
	var misses []CommentMiss
	var bodies float64
	n := 0
	for _, p := range pages {
		if PartOf(p.Slug) != part {
			continue
		}
		if err := ctx.Err(); err != nil {
			return s, misses, err
		}
		a, err := extract.Page(p.HTML, extract.Options{})
		if err != nil {
			return s, misses, fmt.Errorf("extracting comment probe %s: %w", p.Slug, err)
		}
		n++
		_, _, f1 := WCXBBody(strings.Join(p.Truth.Paragraphs, "\n\n"), strings.Join(a.Paragraphs, "\n\n"))
		bodies += f1
		m := CommentMiss{Slug: p.Slug, BodyF1: f1, BodyGot: len(a.Paragraphs)}
		used := make([]bool, len(a.Comments))
		for _, t := range p.Truth.Comments {
			best, bestF1 := -1, 0.0
			for i, c := range a.Comments {
				if used[i] {
					continue
				}
				if _, _, f := WCXBBody(t.Text, c.Text); f > bestF1 {
					best, bestF1 = i, f
				}
			}
			found := best >= 0 && bestF1 >= commentMatchF1
			s.Found.add(found)
			if !found {
				s.Authors.add(false)
				if t.Score != nil {
					s.Scores.add(false)
				}
				m.Missed = append(m.Missed, t)
				continue
			}
			used[best] = true
			c := a.Comments[best]
			authorRight := strings.EqualFold(collapseSpace(t.Author), collapseSpace(c.Author))
			s.Authors.add(authorRight)
			scoreRight := true
			if t.Score != nil {
				scoreRight = c.Score != nil && *c.Score == *t.Score
				s.Scores.add(scoreRight)
			}
			if !authorRight || !scoreRight {
				m.Wrong = append(m.Wrong, fmt.Sprintf("%s %s | %s %s", t.Author, scoreText(t.Score), c.Author, scoreText(c.Score)))
			}
		}
		for i, c := range a.Comments {
			s.Precision.add(used[i])
			if !used[i] {
				s.False++
				m.False = append(m.False, c)
			}
		}
		s.Pages.add(len(m.Missed) == 0 && len(m.False) == 0)
		if len(m.Missed)+len(m.False)+len(m.Wrong) > 0 || f1 < 0.95 {
			misses = append(misses, m)
		}
	}
	if n > 0 {
		s.Body = bodies / float64(n)
	}
	if r, p := s.Found.Value(), s.Precision.Value(); r+p > 0 {
		s.F1 = 2 * r * p / (r + p)
	}
	return s, misses, nil
}

func collapseSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

func scoreText(p *int) string {
	if p == nil {
		return "(no score)"
	}
	return fmt.Sprintf("(%d)", *p)
}

// CommentsRun is `wiretrace eval comments`'s configuration.
type CommentsRun struct {
	JSON bool
	// Misses lists the fit part's wrong answers (never the check part's).
	Misses bool
}

// RunComments scores the comment probe set's fit and check parts and
// prints both.
func RunComments(ctx context.Context, w io.Writer, run CommentsRun) error {
	pages, err := CommentProbes()
	if err != nil {
		return err
	}
	var scores []CommentScore
	var fitMisses []CommentMiss
	for _, part := range []Part{Fit, Check} {
		s, misses, err := ScoreComments(ctx, pages, part)
		if err != nil {
			return err
		}
		scores = append(scores, s)
		if part == Fit {
			fitMisses = misses
		}
	}
	if run.JSON {
		out := map[string]any{"parts": scores}
		if run.Misses {
			out["fit_misses"] = fitMisses
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	fmt.Fprintf(w, "comment probe pages (%d; written for the purpose, split by eval.PartOf of the slug)\n", len(pages))
	fmt.Fprintf(w, "%-6s %-18s %-18s %6s %-18s %-18s %-18s %6s\n", "part", "comments found", "precision", "F1", "authors right", "scores right", "pages right", "body")
	for _, s := range scores {
		fmt.Fprintf(w, "%-6s %-18s %-18s %6.4f %-18s %-18s %-18s %6.4f\n", s.Part, s.Found, s.Precision, s.F1, s.Authors, s.Scores, s.Pages, s.Body)
	}
	if run.Misses {
		slices.SortFunc(fitMisses, func(a, b CommentMiss) int { return strings.Compare(a.Slug, b.Slug) })
		for _, m := range fitMisses {
			fmt.Fprintf(w, "\n%s: body F1 %.3f (%d paragraphs)\n", m.Slug, m.BodyF1, m.BodyGot)
			for _, c := range m.Missed {
				fmt.Fprintf(w, "  missed: %s: %.80q\n", c.Author, c.Text)
			}
			for _, c := range m.False {
				fmt.Fprintf(w, "  false:  %s: %.80q\n", c.Author, c.Text)
			}
			for _, x := range m.Wrong {
				fmt.Fprintf(w, "  wrong:  %s\n", x)
			}
		}
	}
	return nil
}

package eval

import (
	"bytes"
	"context"
	"fmt"
	"go/format"
	"math"
	"path/filepath"
	"slices"

	"github.com/wiretrace/wiretrace/trace"
)

// RankFit is the outcome of FitRank: the ranking model of a trace's
// matches and the figures it reached on each part of llm-rewrites.
type RankFit struct {
	Model trace.Model
	// Story is the story model over trace.StoryFeatureNames and
	// StoryThreshold its decision threshold.
	Story          trace.Model
	StoryThreshold float64
	// Queries is how many fit-part traces had the original and at least
	// one other article among their matches: the lists the model learns
	// from.
	Queries int
	// Figures are lines "part: measure value" for the weights' comment.
	Figures []string
}

// rankLambda is the L2 penalty of the ranking model's standardised
// weights.
const rankLambda = 1e-3

// FitRank traces every rewrite of the llm-rewrites set in dir (the shared
// eval folder) among all originals and the distractor pages, as `wiretrace
// eval rewrites-trace` does, and fits the ranking model of the matches
// (trace.RankFeatureNames) on the fit part's traces by pairwise logistic
// regression: for each trace whose matches hold the original and other
// articles (rewrites of other originals, reports on the same topic), the
// original's features less each other match's are a positive example and
// the reverse a negative one, each trace weighing one in all. The check
// part is measured, never fitted. The features read the relation and
// direction models, so the ranking is refitted after them.
func FitRank(ctx context.Context, dir string) (*RankFit, error) {
	pairs, err := LoadRewrites(filepath.Join(dir, "llm-rewrites"))
	if err != nil {
		return nil, err
	}
	rix, err := openRewritesIndex(ctx, dir, pairs, true)
	if err != nil {
		return nil, err
	}
	defer rix.Close()
	// Each rewrite is traced twice: among every article, and with its
	// original (and copies of it) hidden, as a rewrite whose source is
	// not indexed.
	var lists []rankList
	for _, p := range pairs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		isOrig := rix.isOriginal(p)
		for _, absent := range []bool{false, true} {
			var corpus trace.Corpus = rix.ix
			if absent {
				corpus = hidden{rix.ix, isOrig}
			}
			tr, err := trace.Trace(ctx, corpus, RewriteArticle(p.Rewrite), trace.Options{})
			if err != nil {
				return nil, fmt.Errorf("trace rewrite %s: %w", p.ID, err)
			}
			l := rankList{part: p.Part(), absent: absent}
			for _, m := range tr.Compared() {
				l.x = append(l.x, m.RankFeatures())
				l.orig = append(l.orig, isOrig(m.ID))
				l.related = append(l.related, m.Relation != trace.Unrelated && !m.ByIndex)
			}
			lists = append(lists, l)
		}
	}
	fit := &RankFit{}
	if err := fit.fitRanking(lists); err != nil {
		return nil, fmt.Errorf("fit rank model on %s: %w", dir, err)
	}
	for i := range lists {
		lists[i].rows = storyRows(&lists[i], &fit.Model)
	}
	fit.fitStory(lists)
	fit.Figures = rankFigures(lists, fit)
	return fit, nil
}

// A rankList is one trace's compared candidates: their ranking features,
// whether each is the original (or a copy of it) and whether the
// comparison alone related it to the traced rewrite. absent marks the
// trace made with the original hidden.
type rankList struct {
	part          Part
	absent        bool
	x             [][]float64
	orig, related []bool
	// rows are the story model's features of each candidate (storyRows),
	// set once the ranking is fitted.
	rows [][]float64
}

// fitRanking fits the ranking model by pairwise logistic regression on the
// fit part's traces among every article: for each trace whose related
// candidates hold the original and other articles (rewrites of other
// originals, reports on the same topic), the original's features less
// each other's are a positive example and the reverse a negative one,
// each trace weighing one in all.
func (f *RankFit) fitRanking(lists []rankList) error {
	var X [][]float64
	var y []bool
	var w []float64
	for _, l := range lists {
		if l.part != Fit || l.absent {
			continue
		}
		var pos, neg [][]float64
		for i, x := range l.x {
			switch {
			case !l.related[i]:
			case l.orig[i]:
				pos = append(pos, x)
			default:
				neg = append(neg, x)
			}
		}
		if len(pos) == 0 || len(neg) == 0 {
			continue
		}
		f.Queries++
		wt := 1 / float64(len(pos)*len(neg))
		for _, p := range pos {
			for _, n := range neg {
				d, r := make([]float64, len(p)), make([]float64, len(p))
				for k := range p {
					d[k], r[k] = p[k]-n[k], n[k]-p[k]
				}
				X, y, w = append(X, d, r), append(y, true, false), append(w, wt, wt)
			}
		}
	}
	if len(X) == 0 {
		return fmt.Errorf("no fit-part trace with the original and another related match")
	}
	_, f.Model.W = fitLogistic(X, y, w, nil, rankLambda, 4000)
	return nil
}

// fitStory fits the story model: a logistic regression over the ranking
// features and the lead (trace.Leads under the fitted ranking model) of
// every candidate the comparison alone left unrelated, in the fit part's
// traces with and without their original, true for the original. Its
// threshold is the lowest at which at most maxFalseStory of the fit
// part's traces (with and without the original) accept another article.
func (f *RankFit) fitStory(lists []rankList) {
	var X [][]float64
	var y []bool
	for _, l := range lists {
		if l.part != Fit {
			continue
		}
		for i, x := range l.rows {
			if !l.related[i] {
				X, y = append(X, x), append(y, l.orig[i])
			}
		}
	}
	f.Story.Bias, f.Story.W = fitLogistic(X, y, nil, nil, rankLambda, 4000)
	// Each fit trace's best score of another article: the threshold is
	// just above the one at which maxFalseStory of them would pass.
	var worst []float64
	for _, l := range lists {
		if l.part != Fit {
			continue
		}
		worst = append(worst, f.otherTop(&l))
	}
	slices.Sort(worst)
	slices.Reverse(worst)
	f.StoryThreshold = math.Nextafter(worst[int(maxFalseStory*float64(len(worst)))], 1)
}

// maxFalseStory is the share of the fit part's traces (each rewrite with
// and without its original indexed) in which the story model may accept
// an article other than the original.
const maxFalseStory = 0.01

// storyRows returns the story model's features of each candidate of l:
// its ranking features and its lead under the ranking model m.
func storyRows(l *rankList, m *trace.Model) [][]float64 {
	leads := trace.Leads(m, l.x)
	out := make([][]float64, len(l.x))
	for i, x := range l.x {
		out[i] = append(slices.Clip(x), leads[i])
	}
	return out
}

// otherTop is the story model's best score of an unrelated candidate of
// l that is not the original (0 when there is none): the trace accepts
// another article at any threshold up to it.
func (f *RankFit) otherTop(l *rankList) float64 {
	top := 0.0
	for i, x := range l.rows {
		if !l.related[i] && !l.orig[i] {
			top = max(top, f.Story.Score(x))
		}
	}
	return top
}

// rankFigures measures the fitted models on each part: top-1 by the
// ranking alone among the related candidates and with the story model's
// acceptances, and how often a trace without its original accepts an
// article.
func rankFigures(lists []rankList, f *RankFit) []string {
	var out []string
	for _, part := range []Part{Fit, Check} {
		var n, top1, top1s, reach, absent, falseAbsent, falsePresent int
		for _, l := range lists {
			if l.part != part {
				continue
			}
			if l.absent {
				absent++
				falseAbsent += b2i(f.otherTop(&l) >= f.StoryThreshold)
				continue
			}
			n++
			falsePresent += b2i(f.otherTop(&l) >= f.StoryThreshold)
			best, bestS := -1, -1
			for i := range l.x {
				kept := l.related[i] || f.Story.Score(l.rows[i]) >= f.StoryThreshold
				if l.related[i] && (best < 0 || f.Model.Score(l.x[i]) > f.Model.Score(l.x[best])) {
					best = i
				}
				if kept && (bestS < 0 || f.Model.Score(l.x[i]) > f.Model.Score(l.x[bestS])) {
					bestS = i
				}
			}
			reach += b2i(hasRelatedOrig(&l))
			top1 += b2i(best >= 0 && l.orig[best])
			top1s += b2i(bestS >= 0 && l.orig[bestS])
		}
		out = append(out, fmt.Sprintf("%-6s top-1 %.4f (%d/%d), original among the related %.4f; with stories top-1 %.4f (%d/%d)",
			part+":", float64(top1)/float64(n), top1, n, float64(reach)/float64(n), float64(top1s)/float64(n), top1s, n),
			fmt.Sprintf("%-6s another article accepted as one story: %.4f with the original (%d/%d), %.4f without (%d/%d)",
				part+":", float64(falsePresent)/float64(n), falsePresent, n, float64(falseAbsent)/float64(absent), falseAbsent, absent))
	}
	return out
}

// hasRelatedOrig reports whether the comparison alone related the
// original (or a copy of it) to the traced rewrite in l.
func hasRelatedOrig(l *rankList) bool {
	for i := range l.orig {
		if l.orig[i] && l.related[i] {
			return true
		}
	}
	return false
}

// GoSource returns rank_weights.go for package trace: the fitted ranking
// model with the figures it reached and the command that fits it.
func (f *RankFit) GoSource() ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("// Code generated by `wiretrace train rank`; DO NOT EDIT.\n\npackage trace\n\n")
	b.WriteString("// The ranking model of a trace's matches: a pairwise logistic regression\n")
	fmt.Fprintf(&b, "// (L2 %g on standardised features, 4,000 full-batch gradient steps)\n", rankLambda)
	b.WriteString("// over RankFeatureNames, fitted on the traces of the fit part of\n")
	b.WriteString("// ../shared/eval/llm-rewrites among all originals and the distractor\n")
	fmt.Fprintf(&b, "// pages (%d traces whose matches hold the original and other articles):\n", f.Queries)
	b.WriteString("// the original against every other match. Its features read the\n")
	b.WriteString("// relation and direction models: refit it after them, with:\n")
	b.WriteString("//\n//\twiretrace train rank > trace/rank_weights.go\n//\n")
	b.WriteString("// The story model (a logistic regression, same penalty) reads the ranking's\n")
	b.WriteString("// features and the lead of each candidate the comparison left unrelated,\n")
	b.WriteString("// in the fit part's traces with and without their original indexed;\n")
	fmt.Fprintf(&b, "// its threshold lets %g of those traces accept another article.\n//\n", maxFalseStory)
	b.WriteString("// Figures reached (every rewrite traced; top-1 is the share whose best\n")
	b.WriteString("// scored match is the original):\n//\n")
	for _, l := range f.Figures {
		fmt.Fprintf(&b, "//\t%s\n", l)
	}
	b.WriteString("var (\n")
	writeModel(&b, "rankModel", "scores a match as the traced article's source", trace.RankFeatureNames, &f.Model)
	writeModel(&b, "storyModel", "scores an unrelated candidate as one story with the traced article", trace.StoryFeatureNames, &f.Story)
	fmt.Fprintf(&b, "\t// storyThreshold is the story model's decision threshold (see\n\t// acceptStories).\n\tstoryThreshold = %v\n", f.StoryThreshold)
	b.WriteString(")\n")
	return format.Source(b.Bytes())
}

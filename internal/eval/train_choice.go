package eval

import (
	"bytes"
	"context"
	"fmt"
	"go/format"
	"math"
	"strings"

	"github.com/wiretrace/wiretrace/extract"
)

// A chooser picks one of a page's candidates for a field (extract's
// date): a linear score over each candidate's features, the
// highest-scoring candidate chosen. Its weights are those of a conditional
// logit (the softmax of the scores over one page's candidates) fitted on
// the fit part of the WCXB set: the likelihood that the chosen candidate
// is one of those the truth accepts.

// chooserLambda is the L2 penalty on the standardised weights: enough to
// keep a feature seen on a handful of pages from taking a large weight.
const chooserLambda = 1e-3

// chooserSteps is how many full-batch gradient steps the fit takes; the
// loss is flat well before.
const chooserSteps = 3000

// choiceGroup is one page's candidates for a field, which of them the
// truth accepts, and the page's part.
type choiceGroup struct {
	X     [][]float64
	Right []bool
	Part  Part
}

// fitChooser fits a conditional logit's weights on the groups of the fit
// part that have a right candidate. Features are standardised for the fit
// and the weights returned on the raw features (the mean shifts every
// candidate of a page alike, so it drops out).
func fitChooser(groups []choiceGroup, nf int) []float64 {
	var use []choiceGroup
	for _, g := range groups {
		if g.Part != Fit {
			continue
		}
		for _, r := range g.Right {
			if r {
				use = append(use, g)
				break
			}
		}
	}
	mean, sd := make([]float64, nf), make([]float64, nf)
	n := 0.0
	for _, g := range use {
		for _, x := range g.X {
			n++
			for k := 0; k < nf; k++ {
				mean[k] += x[k]
			}
		}
	}
	if n == 0 {
		return make([]float64, nf)
	}
	for k := range mean {
		mean[k] /= n
	}
	for _, g := range use {
		for _, x := range g.X {
			for k := 0; k < nf; k++ {
				sd[k] += (x[k] - mean[k]) * (x[k] - mean[k]) / n
			}
		}
	}
	for k := range sd {
		if sd[k] = math.Sqrt(sd[k]); sd[k] == 0 {
			sd[k] = 1
		}
	}
	w, grad := make([]float64, nf), make([]float64, nf)
	const rate = 0.5
	var z, p []float64
	for step := 0; step < chooserSteps; step++ {
		clear(grad)
		for _, g := range use {
			z, p = z[:0], p[:0]
			top := math.Inf(-1)
			for _, x := range g.X {
				s := 0.0
				for k := 0; k < nf; k++ {
					s += w[k] * (x[k] - mean[k]) / sd[k]
				}
				z = append(z, s)
				top = math.Max(top, s)
			}
			all, right := 0.0, 0.0
			for i, s := range z {
				e := math.Exp(s - top)
				p = append(p, e)
				all += e
				if g.Right[i] {
					right += e
				}
			}
			// d(-log P(right))/dz_i = p_i - q_i, q the softmax over the
			// right candidates alone.
			for i, x := range g.X {
				d := p[i] / all
				if g.Right[i] {
					d -= p[i] / right
				}
				for k := 0; k < nf; k++ {
					grad[k] += d * (x[k] - mean[k]) / sd[k]
				}
			}
		}
		for k := range w {
			w[k] -= rate * (grad[k]/float64(len(use)) + chooserLambda*w[k])
		}
	}
	out := make([]float64, nf)
	for k := range w {
		out[k] = w[k] / sd[k]
	}
	return out
}

// choiceRate is the share of a part's groups whose highest-scoring
// candidate under w is right, and the share with any right candidate:
// what the chooser reaches and what it could.
func choiceRate(groups []choiceGroup, part Part, w []float64) (right, reachable Ratio) {
	for _, g := range groups {
		if g.Part != part {
			continue
		}
		right.N++
		reachable.N++
		best, bestScore := -1, math.Inf(-1)
		any := false
		for i, x := range g.X {
			s := 0.0
			for k := range w {
				s += w[k] * x[k]
			}
			if s > bestScore {
				best, bestScore = i, s
			}
			any = any || g.Right[i]
		}
		if best >= 0 && g.Right[best] {
			right.Hit++
		}
		if any {
			reachable.Hit++
		}
	}
	return right, reachable
}

// wcxbChoices runs extract.PageChoices on every page of the set.
func wcxbChoices(ctx context.Context, set *WCXBSet) (map[string]*extract.Choices, error) {
	out := make(map[string]*extract.Choices, len(set.Pages))
	for _, p := range set.Pages {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		data, err := set.HTML(p.ID)
		if err != nil {
			return nil, fmt.Errorf("read wcxb page %s: %w", p.ID, err)
		}
		c, err := extract.PageChoices(data, extract.Options{URL: p.URL})
		if err != nil {
			continue // Page fails on it too: no prediction either way
		}
		out[p.ID] = c
	}
	return out, nil
}

// FitDate fits extract's date chooser on the WCXB set in dir: a page's
// date candidates against its true publication date (WCXBDate), and
// returns the Go source of extract/date_weights.go.
func FitDate(ctx context.Context, dir string) ([]byte, error) {
	groups, _, err := dateGroups(ctx, dir)
	if err != nil {
		return nil, err
	}
	return chooserSource(groups, chooserFile{
		name: "date", model: "dateModel", features: extract.DateFeatures,
		candidates: "each page's date candidates, merged by day, against its true\n// publication date (WCXB's date match)",
		right:      "pages with a true date whose chosen candidate\n// matches it",
	})
}

// FitTitle fits extract's title chooser on the WCXB set in dir: a page's
// headline candidates against its true title (WCXBTitle), and returns the
// Go source of extract/title_weights.go.
func FitTitle(ctx context.Context, dir string) ([]byte, error) {
	groups, _, err := titleGroups(ctx, dir)
	if err != nil {
		return nil, err
	}
	return chooserSource(groups, chooserFile{
		name: "title", model: "titleModel", features: extract.TitleFeatures,
		candidates: "each page's headline candidates, merged by their letters and\n// digits, against its true title (WCXB's title match)",
		right:      "pages with a true title whose chosen candidate\n// matches it",
	})
}

// chooserFile says what a chooser's generated file names: the train job,
// the model's variable, its features, and in words the candidates and
// what a right choice is.
type chooserFile struct {
	name, model       string
	features          []string
	candidates, right string
}

// chooserSource fits a chooser on the fit part of groups and returns the
// Go source of its file in package extract, with the figures it reached.
func chooserSource(groups []choiceGroup, cf chooserFile) ([]byte, error) {
	w := fitChooser(groups, len(cf.features))
	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by `wiretrace train %s`; DO NOT EDIT.\n\npackage extract\n\n", cf.name)
	fmt.Fprintf(&b, "// The %s chooser: a conditional logit (the softmax of a linear score\n", cf.name)
	fmt.Fprintf(&b, "// over one page's candidates; L2 %g on standardised features, %d\n", chooserLambda, chooserSteps)
	b.WriteString("// full-batch gradient steps) fitted on the fit part of ../shared/eval/\n")
	fmt.Fprintf(&b, "// wcxb-dev: %s. Refit with:\n//\n//\twiretrace train %s > extract/%s_weights.go\n//\n", cf.candidates, cf.name, cf.name)
	fmt.Fprintf(&b, "// Figures reached (%s; in brackets, pages where any candidate does):\n//\n", cf.right)
	for _, part := range []Part{Fit, Check} {
		r, any := choiceRate(groups, part, w)
		fmt.Fprintf(&b, "//\t%-6s %s (%s)\n", part+":", r, any)
	}
	fmt.Fprintf(&b, "var %s = linearModel{W: []float64{\n", cf.model)
	for k, x := range w {
		fmt.Fprintf(&b, "\t%.4f, // %s\n", x, cf.features[k])
	}
	b.WriteString("}}\n")
	return format.Source(b.Bytes())
}

// dateGroups reads the date candidates of the WCXB set's pages in dir that
// have a true date, with the page ids in the same order.
func dateGroups(ctx context.Context, dir string) ([]choiceGroup, []string, error) {
	return wcxbGroups(ctx, dir,
		func(p WCXBPage) bool { return p.Date != "" },
		func(c *extract.Choices) []extract.Candidate { return c.Date },
		func(p WCXBPage, text string) bool { return WCXBDate(p.Date, text) })
}

// titleGroups reads the title candidates of the WCXB set's pages in dir
// that have a true title, with the page ids in the same order.
func titleGroups(ctx context.Context, dir string) ([]choiceGroup, []string, error) {
	return wcxbGroups(ctx, dir,
		func(p WCXBPage) bool { return strings.TrimSpace(p.Title) != "" },
		func(c *extract.Choices) []extract.Candidate { return c.Title },
		func(p WCXBPage, text string) bool { return WCXBTitle(p.Title, text) })
}

// wcxbGroups reads one field's candidates (cands) of the WCXB set's pages
// in dir that measure it (has), each judged by right, with the page ids in
// the same order. A page Page fails on is a group with no candidates.
func wcxbGroups(ctx context.Context, dir string, has func(WCXBPage) bool,
	cands func(*extract.Choices) []extract.Candidate, right func(WCXBPage, string) bool) ([]choiceGroup, []string, error) {
	set, err := LoadWCXB(dir)
	if err != nil {
		return nil, nil, err
	}
	choices, err := wcxbChoices(ctx, set)
	if err != nil {
		return nil, nil, err
	}
	var groups []choiceGroup
	var ids []string
	for _, p := range set.Pages {
		if !has(p) {
			continue
		}
		g := choiceGroup{Part: p.Part()}
		if c := choices[p.ID]; c != nil {
			for _, cand := range cands(c) {
				g.X = append(g.X, cand.Features)
				g.Right = append(g.Right, right(p, cand.Text))
			}
		}
		groups = append(groups, g)
		ids = append(ids, p.ID)
	}
	return groups, ids, nil
}

package eval

import (
	"bytes"
	"context"
	"fmt"
	"go/format"
	"math"

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
	set, err := LoadWCXB(dir)
	if err != nil {
		return nil, err
	}
	choices, err := wcxbChoices(ctx, set)
	if err != nil {
		return nil, err
	}
	var groups []choiceGroup
	for _, p := range set.Pages {
		if p.Date == "" {
			continue
		}
		g := choiceGroup{Part: p.Part()}
		if c := choices[p.ID]; c != nil {
			for _, cand := range c.Date {
				g.X = append(g.X, cand.Features)
				g.Right = append(g.Right, WCXBDate(p.Date, cand.Text))
			}
		}
		groups = append(groups, g)
	}
	w := fitChooser(groups, len(extract.DateFeatures))
	var b bytes.Buffer
	b.WriteString("// Code generated by `wiretrace train date`; DO NOT EDIT.\n\npackage extract\n\n")
	b.WriteString("// The date chooser: a conditional logit (the softmax of a linear score\n")
	fmt.Fprintf(&b, "// over one page's candidates; L2 %g on standardised features, %d\n", chooserLambda, chooserSteps)
	b.WriteString("// full-batch gradient steps) fitted on the fit part of ../shared/eval/\n")
	b.WriteString("// wcxb-dev: each page's date candidates, merged by day, against its true\n")
	b.WriteString("// publication date (WCXB's date match). Refit with:\n//\n//\twiretrace train date > extract/date_weights.go\n//\n")
	b.WriteString("// Figures reached (pages with a true date whose chosen candidate\n// matches it; in brackets, pages where any candidate does):\n//\n")
	for _, part := range []Part{Fit, Check} {
		r, any := choiceRate(groups, part, w)
		fmt.Fprintf(&b, "//\t%-6s %s (%s)\n", part+":", r, any)
	}
	b.WriteString("var dateModel = linearModel{W: []float64{\n")
	for k, x := range w {
		fmt.Fprintf(&b, "\t%.4f, // %s\n", x, extract.DateFeatures[k])
	}
	b.WriteString("}}\n")
	return format.Source(b.Bytes())
}

package eval

import (
	"bytes"
	"context"
	"fmt"
	"go/format"
	"runtime"
	"sync"

	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/examples"
	"github.com/wiretrace/wiretrace/extract"
	"github.com/wiretrace/wiretrace/trace"
)

// A relationExample is one labelled pair for the relation's fitted
// decisions, with the evidence Compare reads about it.
type relationExample struct {
	set  string
	part Part
	// derived: whether b was made from a; partial: whether, if derived, it
	// carries only part of a (or much else besides), so the relation is
	// partial rather than rewrite; loose marks pairs whose derived label
	// is unsure (open-ended continuations), left out of the derived fit.
	derived, partial, loose bool
	ev                      trace.Evidence
}

// RelationFit is the outcome of FitRelation: the three models and the
// figures they reach on each part of the labelled data.
type RelationFit struct {
	Derived, Partial, Direction trace.Model
	Threshold                   float64
	// Figures are lines "set part: measure value" for the weights' comment.
	Figures []string
}

// FitRelation builds the labelled pairs (the llm-rewrites fit part with its
// hard and same-event negatives, the example families, and synthetic
// excerpts and cut copies of the fit part's originals), reads their
// evidence with trace.PairEvidence, and fits the derived, partial and
// direction models by logistic regression. The check part of llm-rewrites
// is measured, never fitted.
func FitRelation(ctx context.Context, rewritesDir string) (*RelationFit, error) {
	pairs, err := LoadRewrites(rewritesDir)
	if err != nil {
		return nil, err
	}
	var labelled []LabelledPair
	labelled = append(labelled, RewritePairs(pairs)...)
	fam, err := familyPairs()
	if err != nil {
		return nil, err
	}
	labelled = append(labelled, fam...)
	labelled = append(labelled, syntheticPairs(pairs)...)
	ex, err := evidenceOf(ctx, labelled)
	if err != nil {
		return nil, err
	}
	fit := &RelationFit{}
	var X [][]float64
	var y []bool
	var wts []float64
	for _, e := range ex {
		if e.part != Fit || e.loose {
			continue
		}
		X = append(X, e.ev.Derived)
		y = append(y, e.derived)
		wts = append(wts, setWeight(e.set))
	}
	b, w := fitLogistic(X, y, wts, derivedSigns, 1e-3, 4000)
	fit.Derived = trace.Model{Bias: b, W: w}
	fit.Threshold = chooseThreshold(ex, &fit.Derived)

	X, y, wts = nil, nil, nil
	for _, e := range ex {
		if e.part != Fit || !e.derived && !e.loose {
			continue
		}
		X = append(X, e.ev.Partial)
		y = append(y, e.partial || e.loose)
		wts = append(wts, setWeight(e.set))
	}
	b, w = fitLogistic(X, y, wts, nil, 1e-3, 4000)
	fit.Partial = trace.Model{Bias: b, W: w}

	X, y, wts = nil, nil, nil
	for _, e := range ex {
		if e.part != Fit || !e.derived {
			continue
		}
		// Both ways round: a as the original (true) and b (false).
		neg := make([]float64, len(e.ev.Direction))
		for k, v := range e.ev.Direction {
			neg[k] = -v
		}
		X = append(X, e.ev.Direction, neg)
		y = append(y, true, false)
		wts = append(wts, setWeight(e.set), setWeight(e.set))
	}
	b, w = fitLogistic(X, y, wts, nil, 1e-3, 4000)
	// The two orientations are mirror images: the bias is noise.
	fit.Direction = trace.Model{Bias: 0, W: w}
	_ = b
	fit.Figures = relationFigures(ex, fit)
	return fit, nil
}

// derivedSigns holds the derived model's weights to the side their
// feature's meaning calls for: more aligned, copied or shared content can
// never make a pair less derived; own quotes on both sides can never make
// it more. The rest (length ratio, order, padding) are free.
var derivedSigns = []int8{+1, +1, +1, +1, +1, +1, +1, 0, +1, -1, 0, 0, +1, +1, +1, +1, 0, 0, 0, +1}

// setWeight weighs the example families and the synthetic pairs up: they
// are few, and the families are the written contract of each relation.
func setWeight(set string) float64 {
	switch set {
	case "families":
		return 10
	case "synthetic":
		return 2
	}
	return 1
}

// chooseThreshold picks the derived model's decision threshold on the fit
// part: the lowest score at which at most maxFalseDerived of the negatives
// (hard, same-event, families) are judged derived, so that independent
// reports stay apart first and recall comes second.
func chooseThreshold(ex []relationExample, m *trace.Model) float64 {
	var neg []float64
	for _, e := range ex {
		if e.part == Fit && !e.derived && !e.loose {
			neg = append(neg, m.Score(e.ev.Derived))
		}
	}
	t := 0.5
	for {
		n := 0
		for _, s := range neg {
			if s >= t {
				n++
			}
		}
		if float64(n) <= maxFalseDerived*float64(len(neg)) || t >= 0.99 {
			return t
		}
		t += 0.01
	}
}

// maxFalseDerived is the share of negatives of the fit part that may be
// judged derived: the target is at most one in a hundred, and the
// fit part is held to half of it so that the check part keeps a margin.
const maxFalseDerived = 0.005

// relationFigures measures the fitted models on each set and part.
func relationFigures(ex []relationExample, fit *RelationFit) []string {
	type acc struct{ n, ok, dir, dirOK int }
	m := map[string]*acc{}
	var keys []string
	for _, e := range ex {
		if e.loose {
			continue
		}
		k := fmt.Sprintf("%s %s", e.set, e.part)
		a := m[k]
		if a == nil {
			a = &acc{}
			m[k] = a
			keys = append(keys, k)
		}
		a.n++
		got := fit.Derived.Score(e.ev.Derived) >= fit.Threshold
		if got == e.derived {
			a.ok++
		}
		if e.derived && got {
			a.dir++
			if fit.Direction.Score(e.ev.Direction) >= 0.5+trace.DirectionMargin {
				a.dirOK++
			}
		}
	}
	var out []string
	for _, k := range keys {
		a := m[k]
		line := fmt.Sprintf("%-26s %5d pairs, derived decided right %.4f", k+":", a.n, ratio(a.ok, a.n))
		if a.dir > 0 {
			line += fmt.Sprintf(", original named %.4f of %d", ratio(a.dirOK, a.dir), a.dir)
		}
		out = append(out, line)
	}
	return out
}

// familyPairs are the example families' pairs (original as a), in the fit
// part: they are the repository's own articles, not a development set.
func familyPairs() ([]LabelledPair, error) {
	fams, err := examples.Families()
	if err != nil {
		return nil, fmt.Errorf("train relation: %w", err)
	}
	var out []LabelledPair
	for _, fam := range fams {
		orig, err := familyArticle(fam.Original())
		if err != nil {
			return nil, err
		}
		for _, f := range fam.Files {
			if f.Role == "original" {
				continue
			}
			b, err := familyArticle(f)
			if err != nil {
				return nil, err
			}
			rel := trace.Relation(f.Relation)
			out = append(out, LabelledPair{Set: "families", Kind: f.Role, Part: Fit, A: orig, B: b,
				Derived: rel.Derived(), Loose: false, partial: rel == trace.Partial})
		}
	}
	return out, nil
}

func familyArticle(f examples.File) (*article.Article, error) {
	data, err := f.Read()
	if err != nil {
		return nil, fmt.Errorf("train relation: %w", err)
	}
	a, err := extract.Page(data, extract.Options{})
	if err != nil {
		return nil, fmt.Errorf("train relation: extract %s: %w", f.Path, err)
	}
	return a, nil
}

// syntheticPairs makes derived pairs of kinds the LLM set lacks, from the
// originals of its fit part: an excerpt (the first paragraphs of one
// original at the top of another original: partial), and a cut copy (the
// original with every third paragraph dropped, or only its first half: the
// copy rules' cases, so the model agrees with them).
func syntheticPairs(pairs []RewritePair) []LabelledPair {
	origs, _ := originals(pairs)
	var fit []original
	for _, o := range origs {
		if o.part == Fit && len(RewriteArticle(o.text).Paragraphs) >= 6 {
			fit = append(fit, o)
		}
	}
	var out []LabelledPair
	for k, o := range fit {
		if k%3 != 0 {
			continue
		}
		a := RewriteArticle(o.text)
		other := RewriteArticle(fit[(k+1)%len(fit)].text)
		excerpt := &article.Article{Paragraphs: append(append([]string(nil), other.Paragraphs...), a.Paragraphs[:2]...)}
		out = append(out, LabelledPair{Set: "synthetic", Kind: "excerpt", Part: Fit, A: a, B: excerpt, Derived: true, partial: true})
		var cut []string
		for i, p := range a.Paragraphs {
			if i%3 != 2 {
				cut = append(cut, p)
			}
		}
		out = append(out, LabelledPair{Set: "synthetic", Kind: "cut", Part: Fit, A: a, B: &article.Article{Paragraphs: cut}, Derived: true})
		out = append(out, LabelledPair{Set: "synthetic", Kind: "truncated", Part: Fit, A: a,
			B: &article.Article{Paragraphs: a.Paragraphs[:len(a.Paragraphs)/2]}, Derived: true, partial: true})
	}
	return out
}

// evidenceOf reads the evidence of every pair on all cores.
func evidenceOf(ctx context.Context, pairs []LabelledPair) ([]relationExample, error) {
	out := make([]relationExample, len(pairs))
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				p := &pairs[i]
				out[i] = relationExample{set: p.Set, part: p.Part, derived: p.Derived, partial: p.partial,
					loose: p.Loose, ev: trace.PairEvidence(p.A, p.B, trace.Options{})}
			}
		}()
	}
	var err error
	for i := range pairs {
		if err = ctx.Err(); err != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	return out, err
}

// GoSource returns relation_weights.go for package trace: the fitted
// models with the figures they reached and the command that fits them.
func (f *RelationFit) GoSource() ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("// Code generated by `wiretrace train relation`; DO NOT EDIT.\n\npackage trace\n\n")
	b.WriteString("// The relation's fitted models: logistic regressions (L2 1e-3 on\n")
	b.WriteString("// standardised features, 4,000 full-batch gradient steps) over the\n")
	b.WriteString("// evidence of PairEvidence, fitted on the fit part of ../shared/eval/\n")
	b.WriteString("// llm-rewrites (its pairs, hard negatives and same-event negatives), the\n")
	b.WriteString("// example families and synthetic excerpts and cut copies of the fit\n")
	b.WriteString("// part's originals. Refit with:\n//\n//\twiretrace train relation > trace/relation_weights.go\n//\n")
	b.WriteString("// Figures reached (derived-or-not decided right; original named by the\n// direction model alone, without dates):\n//\n")
	for _, l := range f.Figures {
		fmt.Fprintf(&b, "//\t%s\n", l)
	}
	b.WriteString("var (\n")
	writeModel(&b, "derivedModel", "decides whether one article was made from the other", trace.DerivedFeatureNames, &f.Derived)
	writeModel(&b, "partialModel", "decides, for a derived pair, partial (only part carried) over rewrite", trace.PartialFeatureNames, &f.Partial)
	writeModel(&b, "directionModel", "scores a as the original (its features are antisymmetric, so it has no bias)", trace.DirectionFeatureNames, &f.Direction)
	fmt.Fprintf(&b, "\t// derivedThreshold is the derived model's decision threshold: the\n\t// lowest at which at most %.1f%% of the fit part's negatives are derived.\n", 100*maxFalseDerived)
	fmt.Fprintf(&b, "\tderivedThreshold = %.2f\n)\n", f.Threshold)
	return format.Source(b.Bytes())
}

func writeModel(b *bytes.Buffer, name, doc string, names []string, m *trace.Model) {
	fmt.Fprintf(b, "\t// %s %s.\n", name, doc)
	fmt.Fprintf(b, "\t%s = Model{\n\t\tBias: %.4f,\n\t\tW: []float64{\n", name, m.Bias)
	for k, w := range m.W {
		fmt.Fprintf(b, "\t\t\t%.4f, // %s\n", w, names[k])
	}
	b.WriteString("\t\t},\n\t}\n")
}

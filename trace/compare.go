package trace

import (
	"slices"

	"github.com/wiretrace/wiretrace/align"
	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/drift"
	"github.com/wiretrace/wiretrace/textproc"
)

// Options tunes Compare. The zero value is ready to use.
type Options struct {
	// Align tunes sentence alignment (similarity, thesaurus, threshold).
	Align align.Options
}

// Compare compares two articles and reports how they relate. Neither
// article is modified. Compare never fails: two empty articles are
// unrelated.
func Compare(a, b *article.Article, opts Options) Report {
	if a == nil {
		a = &article.Article{}
	}
	if b == nil {
		b = &article.Article{}
	}
	da, db := textproc.Analyze(a), textproc.Analyze(b)
	return compareDocs(a, b, da, db, opts)
}

func compareDocs(a, b *article.Article, da, db *textproc.Doc, opts Options) Report {
	// The relation is decided on the strict alignment (sentences that
	// carry the same content by the aligner's own measure) together with
	// the rescued one (which also pairs sentences whose facts changed); the
	// rescued pairs serve the report and its drifts.
	al := align.Align(da, db, opts.Align)
	strict := measure(da, db, &al)
	strict.measureShared(da, db)
	al.Pairs = slices.Clone(al.Pairs)
	rescue(da, db, &al)
	rescued := measure(da, db, &al)
	rel := classify(strict, rescued)
	r := Report{
		A:        side(a, da),
		B:        side(b, db),
		Relation: rel,
		Source:   SourceUnknown,
	}
	if rel.Derived() {
		r.Source = direction(a, b, da, db, rescued)
	}
	src, der, sd, dd := a, b, da, db
	if r.Source == SourceB {
		// Align again with b as the source: alignment is not symmetric
		// (one source sentence may split into several derived ones).
		src, der, sd, dd = b, a, db, da
		al = align.Align(sd, dd, opts.Align)
		al.Pairs = slices.Clone(al.Pairs)
		rescue(sd, dd, &al)
	}
	r.Pairs = al.Pairs
	if r.Pairs == nil {
		r.Pairs = []align.Pair{}
	}
	r.Unsupported = al.Unsupported()
	r.Omitted = al.Omitted()
	r.SourceCoverage = al.SourceCoverage()
	r.DerivedSupport = al.DerivedSupport()
	r.Similarity = similarity(&al)
	r.Drifts = []drift.Drift{}
	if rel.Derived() {
		pairs := make([]drift.Pair, len(al.Pairs))
		for k, p := range al.Pairs {
			pairs[k] = drift.Pair{Source: p.Source, Derived: p.Derived}
		}
		r.Drifts = drift.Find(sd, dd, pairs)
		r.CreditsSource = drift.CreditsSource(src, sd, der, dd)
	}
	return r
}

func side(a *article.Article, d *textproc.Doc) Side {
	s := Side{Title: a.Title, Credit: a.Credit, URL: a.URL, Site: a.Site, Published: a.Published,
		Sentences: make([]string, len(d.Sentences))}
	if s.Credit == "" {
		s.Credit = d.DatelineAgency
	}
	for i := range d.Sentences {
		s.Sentences[i] = d.Sentences[i].Text
	}
	return s
}

// similarity is the score-weighted share of both sides' sentences that
// align: 1 for identical texts, 0 for nothing in common.
func similarity(al *align.Alignment) float64 {
	n := len(al.SourceBest) + len(al.DerivedBest)
	if n == 0 {
		return 0
	}
	sum := 0.0
	for _, p := range al.Pairs {
		sum += p.Score * float64(len(p.Source)+len(p.Derived))
	}
	return min(1, sum/float64(n))
}

package trace

import (
	"slices"
	"unicode/utf8"

	"github.com/wiretrace/wiretrace/align"
	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/drift"
	"github.com/wiretrace/wiretrace/textproc"
)

// Options is the one comparison configuration: it tunes Compare and
// Trace, and every entry point (the CLI, the server, the evaluations)
// uses DefaultOptions, with WordNet added only when asked for.
type Options struct {
	// Align tunes sentence alignment (similarity, thesaurus, threshold).
	Align align.Options
	// WordNet, when set, adds its synonyms to Align's thesaurus (the
	// built-in one, or Align.Thesaurus); Report.WordNet says so.
	WordNet align.Thesaurus
	// MaxSentences is the most sentences of one article compared; 0
	// means DefaultMaxSentences.
	MaxSentences int
	// Reports is how many of the best candidates Trace compares in full;
	// 0 means DefaultReports. Each comparison aligns two articles sentence
	// by sentence, the expensive step of a trace.
	Reports int
	// Candidates is how many candidates Trace retrieves before the best
	// Reports are compared; 0 means 2×Reports. Retrieval is cheap and the
	// extra ones let a filtered candidate (the page itself under another
	// id) give its place to the next.
	Candidates int
}

// DefaultOptions returns the configuration every entry point starts from:
// the built-in thesaurus alone, DefaultMaxSentences, DefaultReports
// reports a trace. The zero Options means the same.
func DefaultOptions() Options { return Options{} }

// DefaultReports is how many candidates a trace compares by default. On
// the fit part of ../shared/eval/llm-rewrites (1,159 rewrites traced among
// all originals and 879 distractor pages) the original is among the
// index's first 5 candidates for 0.9707 of them and the first 7 for
// 0.9741; comparing 7 took trace top-1 from 0.9405 to 0.9431 on the fit
// part but left the check part at 0.9265, for about 20 % more trace time,
// so 5 stays: a change that helps only the fit part is not kept.
const DefaultReports = 5

func (o Options) reports() int {
	if o.Reports <= 0 {
		return DefaultReports
	}
	return o.Reports
}

// align returns the alignment options with WordNet added when set.
func (o Options) align() align.Options {
	ao := o.Align
	if o.WordNet != nil {
		base := ao.Thesaurus
		if base == nil {
			base = align.Fallback
		}
		ao.Thesaurus = align.Thesauri{o.WordNet, base}
	}
	return ao
}

// DefaultMaxSentences is the most sentences of one article that Compare
// reads by default: past it, the first DefaultMaxSentences are compared
// and Report.Truncated is set. Alignment and rescue cost time and memory
// in the product of the two sides' sentence counts (two 4,700-sentence
// pages took 43 s and 600 MB), and a page under the CLI's 32 MiB limit can
// hold 300,000 sentences. The longest of the 181 real articles of the
// extraction benchmark has 740 sentences: 2000 keeps long-form features
// whole and bounds a comparison to about 2 s of CPU and 160 MB (two 400 KB
// pages of 4,700 sentences).
const DefaultMaxSentences = 2000

// bytesPerSentence times the sentence limit is the most text of one
// article Compare analyses before it counts sentences: analysing a 30 MB
// page only to keep its first 2000 sentences took 1.4 GB. News sentences
// average 120-150 bytes; 1000 leaves room for very long ones.
const bytesPerSentence = 1000

func (o Options) maxSentences() int {
	if o.MaxSentences <= 0 {
		return DefaultMaxSentences
	}
	return o.MaxSentences
}

// Compare compares two articles and reports how they relate. Neither
// article is modified. Compare never fails: two empty articles are
// unrelated. Of an article longer than opts.MaxSentences only the first
// sentences are compared.
func Compare(a, b *article.Article, opts Options) Report {
	if a == nil {
		a = &article.Article{}
	}
	if b == nil {
		b = &article.Article{}
	}
	maxBytes := opts.maxSentences() * bytesPerSentence
	a, cutA := capText(a, maxBytes)
	b, cutB := capText(b, maxBytes)
	da, db := textproc.Analyze(a), textproc.Analyze(b)
	r := compareDocs(a, b, da, db, opts, nil)
	// The report holds none of the analyses: their arrays go to the next.
	da.Release()
	db.Release()
	r.Truncated = r.Truncated || cutA || cutB
	return r
}

// capText returns a with its paragraphs cut after max bytes (a shallow
// copy: a itself is not modified) and whether it cut any.
func capText(a *article.Article, max int) (*article.Article, bool) {
	n := 0
	for i, p := range a.Paragraphs {
		if n+len(p) <= max {
			n += len(p)
			continue
		}
		c := *a
		c.Paragraphs = slices.Clone(a.Paragraphs[:i])
		// Keep the start of the paragraph that crosses the bound, cut
		// at a rune boundary: a page may be one endless paragraph.
		head := p[:max-n]
		for len(head) > 0 && !utf8.RuneStart(p[len(head)]) {
			head = head[:len(head)-1]
		}
		if head != "" {
			c.Paragraphs = append(c.Paragraphs, head)
		}
		return &c, true
	}
	return a, false
}

// compareDocs compares a (the match, in a trace) with b and returns the
// report; when rank is not nil, it sets what the ranking of a trace's
// matches reads of the comparison (Compare has no use for it).
func compareDocs(a, b *article.Article, da, db *textproc.Doc, opts Options, rank *rankEvidence) Report {
	da, cutA := capSentences(da, opts.maxSentences())
	db, cutB := capSentences(db, opts.maxSentences())
	// The relation is decided on the strict alignment (sentences that
	// carry the same content by the aligner's own measure) together with
	// the rescued one (which also pairs sentences whose facts changed); the
	// rescued pairs serve the report and its drifts.
	as := assess(da, db, opts)
	defer as.terms.release()
	ev := as.evidence(a, b, da, db)
	al := as.al
	rel := classify(as.strict, ev)
	r := Report{
		A:         side(a, da),
		B:         side(b, db),
		Relation:  rel,
		Source:    SourceUnknown,
		Truncated: cutA || cutB,
		WordNet:   opts.WordNet != nil,
	}
	if rel.Derived() {
		r.Source, r.SourceEvidence = direction(a, b, ev)
		// A rewrite whose derived side reports the event from people of
		// its own is another report of it (ownReporting); so is a pair
		// judged partial whose copies are mostly quotations (retells).
		if (rel == Rewrite || rel == Partial && retells(as.strict)) && ownReporting(ev, r.Source) {
			rel, r.Relation, r.Source, r.SourceEvidence = SameStory, SameStory, SourceUnknown, nil
		}
		// A rewrite longer than its source that carries part of it word
		// for word inside a text mostly its own (inset) reuses that part.
		if rel == Rewrite && inset(as.strict, ev) && longerDerived(r.Source, as.strict) {
			rel, r.Relation = Partial, Partial
		}
	}
	src, der, sd, dd := a, b, da, db
	if r.Source == SourceB {
		// Align again with b as the source: alignment is not symmetric
		// (one source sentence may split into several derived ones).
		src, der, sd, dd = b, a, db, da
		al = align.Align(sd, dd, opts.align())
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
		r.review = drift.Examine(sd, dd, pairs)
		r.DriftScore = ScoreDrift(r.review)
		r.Drifts = r.review.Drifts(Changed(r.DriftScore), reuses(rel, as.strict))
		// A partial reuse reports what it took from the source (see
		// reusedOnly): on a page longer than its source (material of its
		// own around what it copied), what it copied. Its sentences
		// paired with none are its own when it copies passages without
		// being made from the source (the derived model does not call it
		// derived: a live blog, a roundup) or sets them inside a longer
		// text mostly its own (inset: a column, a local angle).
		if rel == Partial {
			longer := longerDerived(r.Source, as.strict)
			own := reuses(rel, as.strict) && derivedModel.Score(ev.Derived) < derivedThreshold ||
				longer && inset(as.strict, ev)
			if longer || own {
				r.Drifts = reusedOnly(r.Drifts, r.Pairs, longer, own)
			}
		}
		r.CreditsSource = drift.CreditsSource(src, sd, der, dd)
	}
	if rank != nil {
		*rank = newRankEvidence(&as, ev)
	}
	return r
}

// reusedOnly keeps the drifts of a partial reuse that stand in what it
// took from the source. With copiedOnly, a sentence the aligner paired
// with a source sentence as a paraphrase is the page's own (it reports
// the event in its own way, with facts of its own); only those paired
// word for word or nearly (align.Verbatim, align.Edited) are the
// source's. With ownUnpaired, a sentence paired with none is the page's
// own too (its own reporting, or another story: a live blog's other
// entries, a roundup's other items); without it, it may be a retelling's
// invention about the source's story, and keeps its drifts. A drift in
// no derived sentence (a fact the page left out) is kept. Unpaired
// sentences as the page's own (ownUnpaired, session 43): on the partial
// set's check part (measured only) false drifts 53 -> 42 (pages quiet 18
// -> 23/30), fit 44 -> 25, blind reports 87 -> 86; llm-rewrites check
// unchanged, fit: two manipulated retellings judged partial lose their
// only reports (invented quotes, a claim). Read for every partial reuse,
// it cost manipulated retellings judged partial their inventions on the
// check part too.
func reusedOnly(ds []drift.Drift, pairs []align.Pair, copiedOnly, ownUnpaired bool) []drift.Drift {
	own := map[int]bool{}
	paired := map[int]bool{}
	for _, p := range pairs {
		for _, j := range p.Derived {
			paired[j] = true
			if copiedOnly && p.Kind != align.Verbatim && p.Kind != align.Edited {
				own[j] = true
			}
		}
	}
	out := ds[:0]
	for _, d := range ds {
		j := d.DerivedSentence
		if j >= 0 && (own[j] || ownUnpaired && !paired[j]) {
			continue
		}
		out = append(out, d)
	}
	return out
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

// capSentences returns d cut to its first max sentences (a shallow copy:
// d itself is not modified) and whether it cut any.
func capSentences(d *textproc.Doc, max int) (*textproc.Doc, bool) {
	if len(d.Sentences) <= max {
		return d, false
	}
	c := *d
	c.Sentences = d.Sentences[:max:max]
	return &c, true
}

package eval

import (
	"context"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"slices"
	"sort"

	"github.com/wiretrace/wiretrace/align"
	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/drift"
	"github.com/wiretrace/wiretrace/examples"
	"github.com/wiretrace/wiretrace/extract"
	"github.com/wiretrace/wiretrace/textproc"
	"github.com/wiretrace/wiretrace/trace"
)

// Ratio is a count of hits out of N.
type Ratio struct {
	Hit int `json:"hit"`
	N   int `json:"n"`
}

// Value is Hit/N, 0 when N is 0.
func (r Ratio) Value() float64 {
	if r.N == 0 {
		return 0
	}
	return float64(r.Hit) / float64(r.N)
}

func (r Ratio) String() string { return fmt.Sprintf("%.4f (%d/%d)", r.Value(), r.Hit, r.N) }

// add counts one more case, a hit or not.
func (r *Ratio) add(hit bool) {
	r.N++
	if hit {
		r.Hit++
	}
}

// PerturbOutcome is what Compare said on one perturbation case.
type PerturbOutcome struct {
	Case *PerturbCase
	// Found is whether a drift reported the planted edit.
	Found bool
	// Right and Wrong are the drifts that report the edit and the others.
	Right, Wrong []drift.Drift
	Relation     trace.Relation
}

// RunPerturb compares every case's source with its derived article.
func RunPerturb(cases []PerturbCase, opts trace.Options) []PerturbOutcome {
	out := make([]PerturbOutcome, len(cases))
	for i := range cases {
		c := &cases[i]
		r := trace.Compare(c.Source, c.Derived, opts)
		o := PerturbOutcome{Case: c, Relation: r.Relation}
		for _, d := range r.Drifts {
			if c.Edit != "" && wants(c.Want, d.Kind) && touches(d, c.Old+" "+c.New) {
				o.Right = append(o.Right, d)
				o.Found = true
				continue
			}
			o.Wrong = append(o.Wrong, d)
		}
		out[i] = o
	}
	return out
}

func wants(ks []drift.Kind, k drift.Kind) bool {
	for _, x := range ks {
		if x == k {
			return true
		}
	}
	return false
}

// touches reports whether the drift's spans share a word with text.
func touches(d drift.Drift, text string) bool {
	spans := map[string]bool{}
	for _, w := range textproc.Words(d.SourceSpan + " " + d.DerivedSpan) {
		spans[w] = true
	}
	for _, w := range textproc.Words(text) {
		if spans[w] {
			return true
		}
	}
	return false
}

// PerturbScore sums one part's outcomes: recall per edit, precision per
// drift kind (a drift is right when it reports its case's planted edit:
// a wanted kind, and a span that touches the edited words; a quote spread
// over several sentences may be reported in each).
type PerturbScore struct {
	Cases     int                  `json:"cases"`
	Recall    map[Edit]Ratio       `json:"recall"`
	Precision map[drift.Kind]Ratio `json:"precision"`
	// ControlsQuiet is the share of control cases (paraphrase only) with
	// no drift.
	ControlsQuiet Ratio `json:"controls_quiet"`
}

// ScorePerturb sums outcomes by part.
func ScorePerturb(outs []PerturbOutcome) map[Part]*PerturbScore {
	res := map[Part]*PerturbScore{}
	for _, o := range outs {
		s := res[o.Case.Part]
		if s == nil {
			s = &PerturbScore{Recall: map[Edit]Ratio{}, Precision: map[drift.Kind]Ratio{}}
			res[o.Case.Part] = s
		}
		s.Cases++
		if o.Case.Edit == "" {
			s.ControlsQuiet.N++
			if len(o.Wrong) == 0 {
				s.ControlsQuiet.Hit++
			}
		} else {
			r := s.Recall[o.Case.Edit]
			r.N++
			if o.Found {
				r.Hit++
			}
			s.Recall[o.Case.Edit] = r
		}
		for _, d := range o.Right {
			p := s.Precision[d.Kind]
			p.Hit++
			p.N++
			s.Precision[d.Kind] = p
		}
		for _, d := range o.Wrong {
			p := s.Precision[d.Kind]
			p.N++
			s.Precision[d.Kind] = p
		}
	}
	return res
}

// RewriteOutcome is what Compare said on one llm-rewrites pair.
type RewriteOutcome struct {
	Pair    *RewritePair
	Derived bool // judged derived with the original as the source
	// Relation is Compare's relation, Source the source it names.
	Relation trace.Relation
	Source   string
	Drifts   []drift.Drift
	// Score is Compare's drift score, Review the drift review it read
	// (empty when not judged derived).
	Score  float64
	Review drift.Review
	// Forced are the drifts drift.Find reports over the plain alignment
	// of the two, whatever the relation, and ForcedScore the drift score
	// of that alignment's review.
	Forced      []drift.Drift
	ForcedScore float64
}

// RunRewrites compares each pair's original (as a) with its rewrite,
// skipping the open-ended continuations, on every core.
func RunRewrites(ctx context.Context, pairs []RewritePair, opts trace.Options) ([]RewriteOutcome, error) {
	var todo []*RewritePair
	for i := range pairs {
		if pairs[i].Manipulated != nil {
			todo = append(todo, &pairs[i])
		}
	}
	out := make([]RewriteOutcome, len(todo))
	err := eachParallel(ctx, len(todo), func(i int) {
		p := todo[i]
		a, b := RewriteArticle(p.Original), RewriteArticle(p.Rewrite)
		r := trace.Compare(a, b, opts)
		da, db := textproc.Analyze(a), textproc.Analyze(b)
		al := align.Align(da, db, opts.Align)
		pairs := make([]drift.Pair, len(al.Pairs))
		for k, ap := range al.Pairs {
			pairs[k] = drift.Pair{Source: ap.Source, Derived: ap.Derived}
		}
		forced := drift.Examine(da, db, pairs)
		out[i] = RewriteOutcome{Pair: p, Derived: r.Relation.Derived() && r.Source == trace.SourceA, Relation: r.Relation, Source: r.Source,
			Drifts: r.Drifts, Score: r.DriftScore, Review: r.DriftReview(),
			Forced: forced.Found, ForcedScore: trace.ScoreDrift(forced)}
	})
	if err != nil {
		return nil, fmt.Errorf("compare llm rewrites: %w", err)
	}
	return out, nil
}

// RewriteRates are the drift figures of one part of llm-rewrites, among
// pairs judged derived.
type RewriteRates struct {
	// Manipulated is the share of manipulated pairs with at least one
	// drift; Faithful the same share of faithful pairs (lower is better).
	Manipulated Ratio `json:"manipulated"`
	Faithful    Ratio `json:"faithful"`
	// AUC is the probability that a manipulated pair's drift score is
	// above a faithful one's (ties count half).
	AUC float64 `json:"auc"`
}

// ScoreRewrites sums outcomes by part: the pairs judged derived with
// Compare's drifts and drift score, or with all true every pair with its
// forced drifts and score.
func ScoreRewrites(outs []RewriteOutcome, all bool) map[Part]*RewriteRates {
	res := map[Part]*RewriteRates{}
	pos, neg := map[Part][]float64{}, map[Part][]float64{}
	for _, o := range outs {
		if all {
			o.Drifts, o.Derived, o.Score = o.Forced, true, o.ForcedScore
		}
		if !o.Derived {
			continue
		}
		part := o.Pair.Part()
		r := res[part]
		if r == nil {
			r = &RewriteRates{}
			res[part] = r
		}
		hit := 0
		if len(o.Drifts) > 0 {
			hit = 1
		}
		if *o.Pair.Manipulated {
			r.Manipulated.N++
			r.Manipulated.Hit += hit
			pos[part] = append(pos[part], o.Score)
		} else {
			r.Faithful.N++
			r.Faithful.Hit += hit
			neg[part] = append(neg[part], o.Score)
		}
	}
	for part, r := range res {
		r.AUC = AUC(pos[part], neg[part])
	}
	return res
}

// ScoreReported sums outcomes by part over every pair: a pair counts as
// flagged when Compare judges it derived, names its original as source and
// reports a drift, and a pair not so judged scores below every other. Its
// shares, unlike ScoreRewrites's, keep one population whatever the
// relation decides: a change that names the original of more pairs adds
// pairs to ScoreRewrites's population, the harder ones, and lowers its
// shares while more manipulated rewrites are reported.
func ScoreReported(outs []RewriteOutcome) map[Part]*RewriteRates {
	every := make([]RewriteOutcome, len(outs))
	for i, o := range outs {
		if !o.Derived {
			o.Drifts, o.Score = nil, math.Inf(-1)
		}
		o.Derived = true
		every[i] = o
	}
	return ScoreRewrites(every, false)
}

// AUC is the area under the ROC curve of scores pos (positives) against
// neg: the probability that a random positive outscores a random
// negative, ties counted half.
func AUC(pos, neg []float64) float64 {
	if len(pos) == 0 || len(neg) == 0 {
		return 0
	}
	n := append([]float64(nil), neg...)
	sort.Float64s(n)
	sum := 0.0
	for _, p := range pos {
		lo := sort.SearchFloat64s(n, p)
		hi := sort.Search(len(n), func(i int) bool { return n[i] > p })
		sum += float64(lo) + 0.5*float64(hi-lo)
	}
	return sum / float64(len(pos)*len(neg))
}

// Part is the part of the split the pair falls in: PartOf of the two
// sentence ids, "ID1-ID2".
func (p MRPCPair) Part() Part { return PartOf(p.ID1 + "-" + p.ID2) }

// MRPCOutcome is what drift.Find said on one MRPC paraphrase pair.
type MRPCOutcome struct {
	Pair   *MRPCPair
	Drifts []drift.Drift
}

// RunMRPCDrift runs drift.Find on each of MRPC's paraphrase pairs (label
// 1), the two sentences given as one aligned pair. Every drift it
// reports is false, or a real difference between two reports of one
// event: the pairs are judged to say the same thing.
func RunMRPCDrift(pairs []MRPCPair) []MRPCOutcome {
	var out []MRPCOutcome
	for i := range pairs {
		p := &pairs[i]
		if !p.Paraphrase {
			continue
		}
		a := textproc.Analyze(&article.Article{Paragraphs: []string{p.A}})
		b := textproc.Analyze(&article.Article{Paragraphs: []string{p.B}})
		pair := drift.Pair{}
		for i := range a.Sentences {
			pair.Source = append(pair.Source, i)
		}
		for j := range b.Sentences {
			pair.Derived = append(pair.Derived, j)
		}
		out = append(out, MRPCOutcome{Pair: p, Drifts: drift.Find(a, b, []drift.Pair{pair})})
	}
	return out
}

// MRPCQuiet is the share of MRPC paraphrase pairs with no drift, by part
// and over All of them, with the drifts' count by kind.
type MRPCQuiet struct {
	Parts  map[Part]Ratio              `json:"parts"`
	All    Ratio                       `json:"all"`
	Kinds  map[drift.Kind]int          `json:"kinds"`
	ByPart map[Part]map[drift.Kind]int `json:"kinds_by_part"`
}

// ScoreMRPCDrift sums RunMRPCDrift's outcomes.
func ScoreMRPCDrift(outs []MRPCOutcome) MRPCQuiet {
	q := MRPCQuiet{Parts: map[Part]Ratio{}, Kinds: map[drift.Kind]int{}, ByPart: map[Part]map[drift.Kind]int{}}
	for _, o := range outs {
		part := o.Pair.Part()
		r := q.Parts[part]
		r.N++
		q.All.N++
		if len(o.Drifts) == 0 {
			r.Hit++
			q.All.Hit++
		}
		q.Parts[part] = r
		if q.ByPart[part] == nil {
			q.ByPart[part] = map[drift.Kind]int{}
		}
		for _, d := range o.Drifts {
			q.Kinds[d.Kind]++
			q.ByPart[part][d.Kind]++
		}
	}
	return q
}

// CopyDrifts counts the drifts Compare reports between each example
// family's original and its verbatim copy (every one is false).
func CopyDrifts(opts trace.Options) (int, error) {
	fams, err := examples.Families()
	if err != nil {
		return 0, fmt.Errorf("count drifts on copies: %w", err)
	}
	n := 0
	for _, fam := range fams {
		orig, err := exampleArticle(fam.Original())
		if err != nil {
			return 0, err
		}
		for _, f := range fam.Files {
			if f.Role != "verbatim" {
				continue
			}
			b, err := exampleArticle(f)
			if err != nil {
				return 0, err
			}
			n += len(trace.Compare(orig, b, opts).Drifts)
		}
	}
	return n, nil
}

func exampleArticle(f examples.File) (*article.Article, error) {
	data, err := f.Read()
	if err != nil {
		return nil, err
	}
	a, err := extract.Page(data, extract.Options{})
	if err != nil {
		return nil, fmt.Errorf("extract example %s: %w", f.Path, err)
	}
	return a, nil
}

// DriftResult holds every drift figure over the shared eval folder.
type DriftResult struct {
	Data string `json:"data"`
	// Perturb is the perturbation benchmark by part.
	Perturb map[Part]*PerturbScore `json:"perturb"`
	// Rewrites are the llm-rewrites rates by part among pairs judged
	// derived with the original as source; RewritesReported the same
	// drifts over every pair but the open-ended ones, as a user of Compare
	// meets them (see ScoreReported); RewritesAll over every such pair,
	// with drift.Find on the plain alignment whatever the relation.
	Rewrites         map[Part]*RewriteRates `json:"rewrites"`
	RewritesReported map[Part]*RewriteRates `json:"rewrites_reported"`
	RewritesAll      map[Part]*RewriteRates `json:"rewrites_all"`
	// MRPC is the share of MRPC test paraphrase pairs with no drift, by
	// part and over the whole file.
	MRPC MRPCQuiet `json:"mrpc"`
	// CopyDrifts is the number of drifts on the example families' copies.
	CopyDrifts int `json:"copy_drifts"`

	perturbOuts []PerturbOutcome
	rewriteOuts []RewriteOutcome
	mrpcOuts    []MRPCOutcome
}

// PerturbSeed is the seed of the committed perturbation benchmark.
const PerturbSeed = 11

// EvalDrift measures drift on the shared eval folder dir: the
// perturbation benchmark, the llm-rewrites rates, MRPC's paraphrases and
// the example copies. With parts given, the perturbation benchmark and
// llm-rewrites are measured on those parts only.
func EvalDrift(ctx context.Context, dir string, opts trace.Options, parts ...Part) (*DriftResult, error) {
	in := func(p Part) bool { return len(parts) == 0 || slices.Contains(parts, p) }
	srcs, err := LoadPerturbSources(dir)
	if err != nil {
		return nil, err
	}
	srcs = slices.DeleteFunc(srcs, func(s PerturbSource) bool { return !in(s.Part()) })
	pairs, err := LoadRewrites(filepath.Join(dir, "llm-rewrites"))
	if err != nil {
		return nil, err
	}
	pairs = slices.DeleteFunc(pairs, func(p RewritePair) bool { return !in(p.Part()) })
	mrpc, err := LoadMRPC(filepath.Join(dir, "mrpc", MRPCTestFile))
	if err != nil {
		return nil, err
	}
	copies, err := CopyDrifts(opts)
	if err != nil {
		return nil, err
	}
	r := &DriftResult{Data: dir, CopyDrifts: copies, mrpcOuts: RunMRPCDrift(mrpc)}
	r.MRPC = ScoreMRPCDrift(r.mrpcOuts)
	r.perturbOuts = RunPerturb(PerturbCases(srcs, PerturbSeed), opts)
	r.Perturb = ScorePerturb(r.perturbOuts)
	if r.rewriteOuts, err = RunRewrites(ctx, pairs, opts); err != nil {
		return nil, err
	}
	r.Rewrites = ScoreRewrites(r.rewriteOuts, false)
	r.RewritesReported = ScoreReported(r.rewriteOuts)
	r.RewritesAll = ScoreRewrites(r.rewriteOuts, true)
	return r, nil
}

// WriteExamples writes up to n missed edits and n false drifts per edit
// of the fit part, for studying failures (never the check part).
func (r *DriftResult) WriteExamples(w io.Writer, n int) {
	missed, wrong := map[Edit]int{}, map[Edit]int{}
	for _, o := range r.perturbOuts {
		c := o.Case
		if c.Part != Fit {
			continue
		}
		if c.Edit != "" && !o.Found && missed[c.Edit] < n {
			missed[c.Edit]++
			fmt.Fprintf(w, "MISSED %s %s (%s): %q -> %q\n", c.Edit, c.ID, o.Relation, c.Old, c.New)
			for _, d := range o.Wrong {
				fmt.Fprintf(w, "   got %s %q -> %q: %s\n", d.Kind, d.SourceSpan, d.DerivedSpan, d.Explanation)
			}
		}
		if len(o.Wrong) > 0 && wrong[c.Edit] < n {
			wrong[c.Edit]++
			for _, d := range o.Wrong {
				fmt.Fprintf(w, "FALSE in %s: %s %q -> %q: %s\n", c.ID, d.Kind, d.SourceSpan, d.DerivedSpan, d.Explanation)
			}
		}
	}
	mrpc := map[drift.Kind]int{}
	for _, o := range r.mrpcOuts {
		if o.Pair.Part() != Fit {
			continue
		}
		for _, d := range o.Drifts {
			if mrpc[d.Kind] >= n {
				continue
			}
			mrpc[d.Kind]++
			fmt.Fprintf(w, "MRPC %s-%s: %s %q -> %q: %s\n", o.Pair.ID1, o.Pair.ID2, d.Kind, d.SourceSpan, d.DerivedSpan, d.Explanation)
		}
	}
	faithful := 0
	for _, o := range r.rewriteOuts {
		if o.Pair.Part() != Fit || *o.Pair.Manipulated || len(o.Forced) == 0 || faithful >= n {
			continue
		}
		faithful++
		for _, d := range o.Forced {
			fmt.Fprintf(w, "FAITHFUL %s %s: %s %q -> %q: %s\n", o.Pair.ID, o.Pair.Kind, d.Kind, d.SourceSpan, d.DerivedSpan, d.Explanation)
		}
	}
}

// Write prints the result as a table, fit and check side by side.
func (r *DriftResult) Write(w io.Writer) {
	fit, check := r.Perturb[Fit], r.Perturb[Check]
	fmt.Fprintf(w, "perturbation benchmark (%s, seed %d): %d fit cases, %d check cases\n", r.Data, PerturbSeed, fit.Cases, check.Cases)
	fmt.Fprintf(w, "%-20s %-24s %-24s\n", "recall by edit", "fit", "check")
	for _, e := range Edits {
		fmt.Fprintf(w, "%-20s %-24s %-24s\n", e, fit.Recall[e], check.Recall[e])
	}
	fmt.Fprintf(w, "%-20s %-24s %-24s\n", "precision by kind", "fit", "check")
	for _, k := range []drift.Kind{drift.Number, drift.Role, drift.Quote, drift.Date, drift.Negation, drift.Entity} {
		fmt.Fprintf(w, "%-20s %-24s %-24s\n", k, fit.Precision[k], check.Precision[k])
	}
	fmt.Fprintf(w, "%-20s %-24s %-24s\n", "controls quiet", fit.ControlsQuiet, check.ControlsQuiet)
	rf, rc := r.Rewrites[Fit], r.Rewrites[Check]
	fmt.Fprintf(w, "llm-rewrites, pairs judged derived, share with >=1 drift\n")
	fmt.Fprintf(w, "%-20s %-24s %-24s\n", "manipulated", rf.Manipulated, rc.Manipulated)
	fmt.Fprintf(w, "%-20s %-24s %-24s\n", "faithful", rf.Faithful, rc.Faithful)
	fmt.Fprintf(w, "%-20s %-24.4f %-24.4f\n", "AUC (drift score)", rf.AUC, rc.AUC)
	rf, rc = r.RewritesReported[Fit], r.RewritesReported[Check]
	fmt.Fprintf(w, "llm-rewrites, every pair but open-ended, share reported with >=1 drift against the original\n")
	fmt.Fprintf(w, "%-20s %-24s %-24s\n", "manipulated", rf.Manipulated, rc.Manipulated)
	fmt.Fprintf(w, "%-20s %-24s %-24s\n", "faithful", rf.Faithful, rc.Faithful)
	fmt.Fprintf(w, "%-20s %-24.4f %-24.4f\n", "AUC (drift score)", rf.AUC, rc.AUC)
	rf, rc = r.RewritesAll[Fit], r.RewritesAll[Check]
	fmt.Fprintf(w, "llm-rewrites, every pair but open-ended, drifts on the plain alignment\n")
	fmt.Fprintf(w, "%-20s %-24s %-24s\n", "manipulated", rf.Manipulated, rc.Manipulated)
	fmt.Fprintf(w, "%-20s %-24s %-24s\n", "faithful", rf.Faithful, rc.Faithful)
	fmt.Fprintf(w, "%-20s %-24.4f %-24.4f\n", "AUC (drift score)", rf.AUC, rc.AUC)
	mf, mc, ma := r.MRPC.Parts[Fit], r.MRPC.Parts[Check], r.MRPC.All
	fmt.Fprintf(w, "MRPC test paraphrase pairs with a drift\n")
	fmt.Fprintf(w, "%-20s %-24s %-24s %-24s\n", "", "fit", "check", "all")
	fmt.Fprintf(w, "%-20s %-24s %-24s %-24s\n", "with a drift",
		Ratio{mf.N - mf.Hit, mf.N}, Ratio{mc.N - mc.Hit, mc.N}, Ratio{ma.N - ma.Hit, ma.N})
	for _, k := range []drift.Kind{drift.Number, drift.Role, drift.Quote, drift.Date, drift.Negation, drift.Entity} {
		fmt.Fprintf(w, "%-20s %-24d %-24d %-24d\n", "  "+k+" drifts", r.MRPC.ByPart[Fit][k], r.MRPC.ByPart[Check][k], r.MRPC.Kinds[k])
	}
	fmt.Fprintf(w, "drifts on the example families' verbatim copies: %d\n", r.CopyDrifts)
}

package eval

import (
	"context"
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"slices"

	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/cluster"
	"github.com/wiretrace/wiretrace/examples"
	"github.com/wiretrace/wiretrace/trace"
)

// familySets holds the sets of story families written like the bundled
// examples (the manifest's schema, examples.Load) for measuring: nothing
// is fitted on the held-out families or on any set's check part; the fit
// parts of the restyled, manipulated and retold sets train the direction
// model's page stage and the drift model beside the llm-rewrites pairs:
//
//   - heldout: story families like the bundled ones; the relation and
//     cluster models train on the bundled families, never on these, so
//     they measure Compare on pages, wording and planted changes it was
//     not built against;
//
//   - restyled: stories each retold in several forms (a tabloid rewrite,
//     a plain-language version, a condensed summary, a
//     question-and-answer explainer, a list of key points) that keep the
//     facts, and an independent report of the same event: the restylings
//     a site has a language model make. The stories of its fit folder may
//     be studied, those of its check folder only measured.
//
//   - manipulated: the restyled stories' originals, each retold as a
//     full-length rewrite, a condensed summary and an explainer that
//     change three or four facts (a number, a date, a role, a quote's
//     speaker, a negation, an invented name), and as a full-length
//     rewrite that keeps every fact: the drifts a site's language model
//     plants, and whether a manipulated retelling is told from a faithful
//     one. Its pages sit beside the restyled ones, in the same fit and
//     check folders, listed by their own manifest (manipulated.json); the
//     held-out families' originals are retold the same way (heldout/
//     manipulated.json), measured only;
//
//   - retold: new stories, each original as its publisher serves it,
//     retold the same way (three manipulated retellings and a faithful
//     one), written after the manipulated set had been studied: its fit
//     folder's stories may be studied, its check folder's only measured.
//
//   - blind: more stories retold the same way, written in session 19
//     by writers who read none of the product's code, in domains the
//     other sets lack (a bribery sentence, a price cap, a data breach, a
//     lawsuit over royalties, a sewage outbreak): measured only, never
//     fitted on; its fit folder's eight stories may be studied, its check
//     folder's six only measured. Its targeted folder's four stories,
//     written after the fit part's failures were studied by writers whose
//     prompts asked for the constructions those failures showed, are
//     only measured: the mechanisms on text nobody studied. Its late
//     folder's fifteen stories, written in session 32 by five writers who
//     read one fit family for the format, judged that session's drift
//     changes after they were made: measured only. Its second folder's
//     fifteen stories, written in session 33 by five more writers (three
//     per writer, each writer a domain, every kind of change six times
//     per writer), are a second studied set: its misses may be studied,
//     nothing is fitted on it. Its aimed folder's six stories, written
//     after the changes made on the second set by writers asked for the
//     constructions its misses showed, judge those changes: measured only.
//     Its third folder's fifteen stories, written in session 34 by five
//     more writers (each a domain of its own), judged that session's
//     first drift changes after they were made, and is studied since.
//     Its fourth folder's fifteen stories, written in session 34 by five
//     more writers, judged the changes made on the third, and is studied
//     since.
//     Its fifth folder's fifteen stories, written at the end of session
//     34 by five more writers, judge that session's changes as a whole:
//     measured only, never studied.
//     Its aimed2 folder's nine stories, written in session 34 by three
//     writers asked for the constructions the second and third sets'
//     remaining false drifts showed, judged the rules made for them
//     (measured only until session 41, studied since). Its reports folder's fifteen stories, written in
//     session 35 by five more writers, give each original two reports of
//     its event by other outlets from their own reporting, three rewrites
//     (faithful, condensed, invented), a partial reuse and an unrelated
//     story: whether independent reporting is told from derivation,
//     measured only. Its aimed3 to aimed7 folders' eight stories each
//     (sessions 39 to 41, one writer each, who read one example family
//     and no code) judge the drift rules written before them: aimed4a is
//     studied since session 40, aimed3 since session 44 (one false drift
//     read after the fact), the others are measured only. Its aimed8
//     folder's eight stories (session 41, names and quotes) were written
//     to be studied, first measured unread; its aimed9 folder's eight
//     (session 41), each retold faithfully three ways and manipulated two,
//     measure false drifts on hard-reworded faithful pages: measured only;
//     its aimed10 folder's eight (session 42), made the same way by
//     another writer, were written to be studied, first measured unread;
//     its aimed11 folder's eight (session 42, a third writer, the same
//     brief), written after that session's rules, are measured only;
//     so are its aimed12 folder's eight (session 43, a fourth writer, the
//     same brief); its aimed13 folder's eight (session 43, a fifth writer,
//     the brief with more of a language model's rewording) were written
//     to be studied, first measured unread; its aimed14 folder's eight
//     (session 43, a sixth writer, that brief with more forms to restate)
//     and its aimed15 folder's eight (session 43, a seventh writer, a
//     neutral brief) are measured only; its aimed16 folder's eight
//     (session 44, an eighth writer, the neutral brief) were written to be
//     studied, first measured unread; its aimed17 folder's eight (session
//     44, a ninth writer, the same brief, wire-service subjects) are
//     measured only, and so are its aimed18 and aimed19 folders' eight
//     each (session 44, a tenth and an eleventh writer, the same brief:
//     city and regional news, national and international news), and its
//     aimed20 folder's eight (session 44, a twelfth writer, the same
//     brief, written after the session's rules), and its aimed21 and
//     aimed22 folders' eight each (session 45, a thirteenth and a
//     fourteenth writer, the same brief with every retelling reworded
//     throughout, written after the session's first rule); its aimed23
//     folder's eight (session 45, a fifteenth writer, the same brief)
//     were written to be studied, first measured unread.
//
//   - independent: twenty stories written in session 35 by five writers
//     who read none of the code, each original with three reports of its
//     event by other outlets and three rewrites (faithful, condensed,
//     invented): the independent reporting `wiretrace train relation`
//     learns from, split by story (PartOf of the family's name); the fit
//     part is fitted on, the check part only measured.
//
//   - partial: twenty stories written in session 35 by five writers who
//     read none of the code, each original with four pages of their own
//     that reprint some of its paragraphs word for word (a roundup, a
//     column, a local angle, a live blog) and a report of its event by
//     another outlet: reuse told from rewriting and from reporting, split
//     by story as the independent set is.
//
//go:embed testdata/heldout testdata/restyled testdata/retold testdata/blind testdata/independent testdata/partial
var familySets embed.FS

// PartialFamilies returns the stories of the partial set whose name
// PartOf puts in part.
func PartialFamilies(part Part) ([]examples.Family, error) { return splitSet("partial", part) }

// IndependentFamilies returns the stories of the independent set whose
// name PartOf puts in part.
func IndependentFamilies(part Part) ([]examples.Family, error) { return splitSet("independent", part) }

// splitSet returns the stories of the set in folder dir whose name PartOf
// puts in part.
func splitSet(dir string, part Part) ([]examples.Family, error) {
	fams, err := loadFamilySet(dir, "manifest.json")
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(fams, func(f examples.Family) bool { return PartOf(f.Name) != part }), nil
}

// HeldOutFamilies returns the held-out story families.
func HeldOutFamilies() ([]examples.Family, error) { return loadFamilySet("heldout", "families.json") }

// RestyledFamilies returns the restyled stories of one part.
func RestyledFamilies(part Part) ([]examples.Family, error) {
	return loadFamilySet("restyled/"+string(part), "families.json")
}

// ManipulatedFamilies returns the manipulated retellings of the restyled
// stories of one part.
func ManipulatedFamilies(part Part) ([]examples.Family, error) {
	return loadFamilySet("restyled/"+string(part), "manipulated.json")
}

// HeldOutManipulated returns the manipulated retellings of the held-out
// families' originals, written the same way: a check set, never studied.
func HeldOutManipulated() ([]examples.Family, error) {
	return loadFamilySet("heldout", "manipulated.json")
}

// RetoldFamilies returns the retold stories of one part: each original
// with its manipulated and faithful retellings.
func RetoldFamilies(part Part) ([]examples.Family, error) {
	return loadFamilySet("retold/"+string(part), "manipulated.json")
}

// BlindFamilies returns the blind stories of one part: each original with
// its manipulated and faithful retellings.
func BlindFamilies(part Part) ([]examples.Family, error) {
	return loadFamilySet("blind/"+string(part), "manifest.json")
}

// A BlindSet is one folder of the blind story sets besides the fit and
// check parts (see familySets for what each holds).
type BlindSet struct {
	// Name is how eval families reports the set ("blind late").
	Name string
	// Dir is its folder under testdata/blind, and the name of its floors
	// (families.blind_<Dir>.*).
	Dir string
	// Studied says its misses may be read; nothing is fitted on any.
	Studied bool
}

// BlindSets are the blind story sets besides the fit and check parts, in
// the order they were written.
var BlindSets = []BlindSet{
	{"blind targeted", "targeted", false},
	{"blind late", "late", false},
	{"blind second", "second", true},
	{"blind aimed", "aimed", false},
	{"blind third", "third", true},
	{"blind fourth", "fourth", true},
	{"blind aimed2", "aimed2", true},
	{"blind fifth", "fifth", false},
	{"blind aimed3", "aimed3", true},
	{"blind reports", "reports", false},
	{"blind aimed4a", "aimed4a", true},
	{"blind aimed4b", "aimed4b", false},
	{"blind aimed5", "aimed5", false},
	{"blind aimed6", "aimed6", false},
	{"blind aimed7", "aimed7", false},
	{"blind aimed8", "aimed8", true},
	{"blind aimed9", "aimed9", false},
	{"blind aimed10", "aimed10", true},
	{"blind aimed11", "aimed11", false},
	{"blind aimed12", "aimed12", false},
	{"blind aimed13", "aimed13", true},
	{"blind aimed14", "aimed14", false},
	{"blind aimed15", "aimed15", false},
	{"blind aimed16", "aimed16", true},
	{"blind aimed17", "aimed17", false},
	{"blind aimed18", "aimed18", false},
	{"blind aimed19", "aimed19", false},
	{"blind aimed20", "aimed20", false},
	{"blind aimed21", "aimed21", false},
	{"blind aimed22", "aimed22", false},
	{"blind aimed23", "aimed23", true},
}

// Families loads the set's stories: each original with its manipulated
// and faithful retellings.
func (b BlindSet) Families() ([]examples.Family, error) {
	return loadFamilySet("blind/"+b.Dir, "manifest.json")
}

// loadFamilySet loads the families of manifest in familySets' folder dir.
func loadFamilySet(dir, manifest string) ([]examples.Family, error) {
	sub, err := fs.Sub(familySets, "testdata/"+dir)
	if err != nil {
		return nil, fmt.Errorf("family set %s: %w", dir, err)
	}
	return examples.LoadManifest(sub, manifest)
}

// FamilyScore is how Compare answers a set of story families: each
// family's original (as a) against each of its other pages, checked
// against the manifest (examples.File.Check).
type FamilyScore struct {
	Set string `json:"set"`
	// Right counts the pairs answered right in every respect, of all.
	Right    Ratio `json:"right"`
	Relation Ratio `json:"relation"`
	// Derived: the pages expected to derive from the original (any derived
	// relation) that were judged derived, whichever relation.
	Derived Ratio `json:"derived"`
	Source  Ratio `json:"source"`
	// Reversed: of the pairs with a as the source, compared the other way
	// round too, those that gave the same relation with b as the source.
	Reversed Ratio `json:"reversed"`
	Credit   Ratio `json:"credit"`
	// Drifts: planted drifts found; FalseDrifts, reported drifts that
	// match no planted one.
	Drifts      Ratio `json:"drifts"`
	FalseDrifts int   `json:"false_drifts"`
	// Kinds: planted drifts found, by kind.
	Kinds map[string]Ratio `json:"kinds,omitempty"`
	// Flagged: the pages that plant drifts and got at least one.
	Flagged Ratio `json:"flagged"`
	// Quiet: the pages that plant no drift and got none.
	Quiet Ratio `json:"quiet"`
	// Padding: padding sentences the manifest lists, reported unsupported.
	Padding Ratio `json:"padding"`
	// Together: the pages that tell their family's story (every page but
	// the original and the unrelated one) that the story clusters put in
	// the original's cluster, clustering the set's pages online in
	// manifest order (cluster.Clusters); Apart: the unrelated pages they
	// keep out of it.
	Together Ratio `json:"together"`
	Apart    Ratio `json:"apart"`
	// Kept: the pages not made from the original (independent reports of
	// its event, unrelated stories) judged not derived from it. Cross: a
	// page made from the original against each such page of its family,
	// both ways round, judged not derived: a rewrite of one report is not
	// made from another report of the same event.
	Kept  Ratio `json:"kept"`
	Cross Ratio `json:"cross"`
	// Styles: for the restyled rewrites (examples.File.Style), by style,
	// the pages given the right relation.
	Styles map[string]Ratio `json:"styles,omitempty"`
	// Mismatches lists every wrong answer as "family/role: what".
	Mismatches []string `json:"mismatches,omitempty"`
}

// EvalFamilies extracts the set's pages once, clusters them, then
// compares each family's original with each of its other pages (and,
// where the original is the source, the other way round) and scores the
// answers against the manifest.
func EvalFamilies(ctx context.Context, set string, fams []examples.Family, opts trace.Options) (FamilyScore, error) {
	s := FamilyScore{Set: set}
	pages, err := familyPages(fams)
	if err != nil {
		return s, err
	}
	s.cluster(fams, pages, cluster.Options{})
	for _, fam := range fams {
		orig := pages[fam.Original().Path]
		for _, f := range fam.Files {
			if f.Role == "original" {
				continue
			}
			if err := ctx.Err(); err != nil {
				return s, err
			}
			b := pages[f.Path]
			r := trace.Compare(orig, b, opts)
			data, err := json.Marshal(&r)
			if err != nil {
				return s, fmt.Errorf("family %s, %s: encode report: %w", fam.Name, f.Path, err)
			}
			o, err := examples.ParseOutcome(data)
			if err != nil {
				return s, fmt.Errorf("family %s, %s: %w", fam.Name, f.Path, err)
			}
			miss := f.Check(o)
			s.score(f, o, miss)
			if f.Source == trace.SourceA {
				back := trace.Compare(b, orig, opts)
				ok := back.Relation == r.Relation && back.Source == trace.SourceB
				s.Reversed.add(ok)
				if !ok {
					miss = append(miss, examples.Mismatch{What: "reversed",
						Text: fmt.Sprintf("reversed: relation %s source %s, want %s source b", back.Relation, back.Source, r.Relation)})
				}
			}
			s.Right.add(len(miss) == 0)
			for _, m := range miss {
				s.Mismatches = append(s.Mismatches, fmt.Sprintf("%s: %s", f.Name(), m.Text))
			}
		}
		if err := s.cross(ctx, fam, pages, opts); err != nil {
			return s, err
		}
	}
	return s, nil
}

// cross compares each cross pair of fam (crossFiles), both ways round,
// and counts those judged not derived (Cross).
func (s *FamilyScore) cross(ctx context.Context, fam examples.Family, pages map[string]*article.Article, opts trace.Options) error {
	for _, c := range crossFiles(fam) {
		for _, ab := range [2][2]examples.File{{c[1], c[0]}, c} {
			if err := ctx.Err(); err != nil {
				return err
			}
			r := trace.Compare(pages[ab[0].Path], pages[ab[1].Path], opts)
			s.Cross.add(!r.Relation.Derived())
			if r.Relation.Derived() {
				s.Mismatches = append(s.Mismatches, fmt.Sprintf("%s against %s: %s", ab[0].Name(), ab[1].Name(), r.Relation))
			}
		}
	}
	return nil
}

// crossFiles pairs each page of fam made from its original with each page
// not made from it (an independent report, an unrelated story), in file
// order: neither is made from the other, though a trace may meet a copy
// or a rewrite of the original before the original itself.
func crossFiles(fam examples.Family) [][2]examples.File {
	var out [][2]examples.File
	for _, d := range fam.Files {
		if d.Role == "original" || !trace.Relation(d.Relation).Derived() {
			continue
		}
		for _, o := range fam.Files {
			if o.Role != "original" && !trace.Relation(o.Relation).Derived() {
				out = append(out, [2]examples.File{d, o})
			}
		}
	}
	return out
}

// familyPages extracts every page of fams, by path.
func familyPages(fams []examples.Family) (map[string]*article.Article, error) {
	pages := map[string]*article.Article{}
	for _, fam := range fams {
		for _, f := range fam.Files {
			a, err := exampleArticle(f)
			if err != nil {
				return nil, err
			}
			pages[f.Path] = a
		}
	}
	return pages, nil
}

// cluster clusters the pages online in manifest order with opts and
// counts, for each family, its story's pages in the original's cluster
// (Together) and its unrelated pages out of it (Apart).
func (s *FamilyScore) cluster(fams []examples.Family, pages map[string]*article.Article, opts cluster.Options) {
	clusters := cluster.New(opts)
	for _, fam := range fams {
		for _, f := range fam.Files {
			clusters.Add(f.Path, pages[f.Path])
		}
	}
	for _, fam := range fams {
		story := clusters.Of(fam.Original().Path)
		for _, f := range fam.Files {
			switch f.Role {
			case "original":
			case "unrelated":
				apart := !slices.Contains(story, f.Path)
				s.Apart.add(apart)
				if !apart {
					s.Mismatches = append(s.Mismatches, fmt.Sprintf("%s: clustered with the original", f.Name()))
				}
			default:
				together := slices.Contains(story, f.Path)
				s.Together.add(together)
				if !together {
					s.Mismatches = append(s.Mismatches, fmt.Sprintf("%s: not in the original's cluster", f.Name()))
				}
			}
		}
	}
}

// score adds one pair's answers to s.
func (s *FamilyScore) score(f examples.File, o examples.Outcome, miss []examples.Mismatch) {
	wrong := map[string]int{}
	for _, m := range miss {
		wrong[m.What]++
	}
	s.Relation.add(wrong["relation"] == 0)
	if trace.Relation(f.Relation).Derived() {
		s.Derived.add(trace.Relation(o.Relation).Derived())
	} else {
		s.Kept.add(!trace.Relation(o.Relation).Derived())
	}
	if f.Style != "" {
		if s.Styles == nil {
			s.Styles = map[string]Ratio{}
		}
		r := s.Styles[f.Style]
		r.add(wrong["relation"] == 0)
		s.Styles[f.Style] = r
	}
	s.Source.add(wrong["source"] == 0)
	if f.CreditsSource != nil {
		s.Credit.add(wrong["credit"] == 0)
	}
	s.Drifts.N += len(f.Drifts)
	s.Drifts.Hit += len(f.Drifts) - wrong["missed_drift"]
	s.FalseDrifts += wrong["false_drift"]
	if f.Drifts != nil && len(f.Drifts) == 0 {
		s.Quiet.add(len(o.Drifts) == 0)
	}
	if len(f.Drifts) > 0 {
		s.Flagged.add(len(o.Drifts) > 0)
		if s.Kinds == nil {
			s.Kinds = map[string]Ratio{}
		}
		planted := map[string]int{}
		for _, d := range f.Drifts {
			planted[d.Kind]++
		}
		for _, m := range miss {
			if m.What == "missed_drift" {
				planted[m.Kind]--
			}
		}
		for _, d := range f.Drifts {
			r := s.Kinds[d.Kind]
			r.N++
			if planted[d.Kind] > 0 {
				planted[d.Kind]--
				r.Hit++
			}
			s.Kinds[d.Kind] = r
		}
	}
	s.Padding.N += len(f.Unsupported)
	s.Padding.Hit += len(f.Unsupported) - wrong["padding"]
}

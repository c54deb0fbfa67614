// Package examples bundles wiretrace's example articles: families of
// invented news stories, each an original wire story served as a web page
// together with pages that reuse it in known ways (a verbatim copy, an
// edited copy, an LLM-style rewrite with planted fact changes, a partial
// reuse, independent reporting of the same event and an unrelated story on
// the same topic).
//
// The pages are embedded in the binary, so the README quick start and
// `wiretrace serve --demo` work without any download, and the manifest
// (families.json) is the single source of the expected answers used by the
// golden tests of trace and by anything else that checks wiretrace against
// these pages. Every person, place, company and agency in them is fictional.
package examples

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
	"unicode"
)

// FS holds the manifest families.json and every example page, at paths
// such as "wildfire/rewrite.html".
//
//go:embed families.json */*.html */*.txt
var FS embed.FS

// Family is one original story and the pages derived from or related to it.
type Family struct {
	Name   string `json:"name"`   // folder name, e.g. "rate-decision"
	Domain string `json:"domain"` // what the story is about
	// Credit is the (invented) agency the original credits.
	Credit string `json:"credit"`
	Files  []File `json:"files"`
}

// File is one page of a family and what wiretrace is expected to say when
// it compares the family's original (as a) with this page (as b).
type File struct {
	Path   string `json:"path"`   // path in FS
	Role   string `json:"role"`   // original, verbatim, edited, rewrite, partial, independent or unrelated
	Format string `json:"format"` // html or txt (a plain-text dump of a page)
	// Style names the form a rewrite was restyled into (tabloid, plain,
	// summary, qa, listicle); empty for the other pages.
	Style string `json:"style,omitempty"`
	// Relation is the expected trace relation with the original; empty for
	// the original itself.
	Relation string `json:"relation,omitempty"`
	// Source is the expected source side with the original passed as a:
	// "a", or "unknown" when neither page derives from the other.
	Source string `json:"source,omitempty"`
	// CreditsSource is whether the page credits the original's agency; nil
	// when it is not checked (the page does not derive from the original).
	CreditsSource *bool `json:"credits_source,omitempty"`
	// Drifts are the fact changes planted in the page. An empty (non-nil)
	// list means no drift may be reported at all.
	Drifts []Drift `json:"drifts,omitempty"`
	// Unsupported holds substrings of padding sentences that the page adds
	// and that no source sentence backs.
	Unsupported []string `json:"unsupported,omitempty"`

	// fsys holds the page: FS, or the folder Load read the manifest from.
	fsys fs.FS
}

// Drift is one planted fact change. Source and Derived are the changed
// words of each side, with what context their writer chose, which a
// reported span must stand for (see matches); empty means unchecked.
type Drift struct {
	Kind    string `json:"kind"` // role, number, date, quote, negation or entity
	Source  string `json:"source"`
	Derived string `json:"derived"`
}

// matches reports whether a reported drift of kind with the spans source
// and derived is this planted one: the same kind, and on each side a span
// that stands for the planted one (side): a manifest's writer and the
// report need not cut a span at the same word.
func (d Drift) matches(kind, source, derived string) bool {
	return kind == d.Kind && side(source, d.Source, d.Derived) && side(derived, d.Derived, d.Source)
}

// side reports whether a reported span stands for one side of a planted
// drift (planted, its other side other): it overlaps the planted words, or
// holds every word the change put in place on that side ("energy minister
// Oren Vaal" for "Kestria's energy minister" changed to "Kestria's
// foreign minister"), or, when the change only added words on the other
// side, a word of the planted span ("chair Sabine Orr" for "Brimley's
// chair" told as "Brimley's deputy chair"). Words are numbers and words of
// four letters or more: the context a writer cuts a span with differs,
// the changed words do not.
func side(reported, planted, other string) bool {
	if overlaps(reported, planted) {
		return true
	}
	if reported == "" {
		return false
	}
	have := spanWords(reported)
	otherWords := spanWords(other)
	var changed, kept []string
	for w := range spanWords(planted) {
		if otherWords[w] {
			kept = append(kept, w)
		} else {
			changed = append(changed, w)
		}
	}
	if len(changed) > 0 {
		return !slices.ContainsFunc(changed, func(w string) bool { return !have[w] })
	}
	return slices.ContainsFunc(kept, func(w string) bool { return have[w] })
}

// spanWords are the lowercased words of four letters or more of s, and
// its numbers.
func spanWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if len([]rune(w)) >= 4 || strings.ContainsAny(w, "0123456789") {
			out[w] = true
		}
	}
	return out
}

// overlaps reports whether the reported span contains the planted words
// or, when both are given, lies within them.
func overlaps(reported, planted string) bool {
	return containsFold(reported, planted) || reported != "" && containsFold(planted, reported)
}

func containsFold(s, sub string) bool {
	return strings.Contains(strings.ToLower(s), strings.ToLower(sub))
}

// Original returns the family's original page.
func (f Family) Original() File {
	for _, file := range f.Files {
		if file.Role == "original" {
			return file
		}
	}
	return File{}
}

// Name is the page's path without its extension ("wildfire/rewrite"): how
// reports and evaluations name it.
func (f File) Name() string { return strings.TrimSuffix(f.Path, path.Ext(f.Path)) }

// Read returns the bytes of the page.
func (f File) Read() ([]byte, error) {
	fsys := f.fsys
	if fsys == nil {
		fsys = FS
	}
	data, err := fs.ReadFile(fsys, f.Path)
	if err != nil {
		return nil, fmt.Errorf("read example %s: %w", f.Path, err)
	}
	return data, nil
}

var (
	loadOnce sync.Once
	families []Family
	loadErr  error
)

// Families returns the example families from the manifest, in manifest
// order. Callers must not modify the result.
func Families() ([]Family, error) {
	loadOnce.Do(func() { families, loadErr = Load(FS) })
	return families, loadErr
}

// Load reads the manifest families.json from the root of fsys (see
// LoadManifest).
func Load(fsys fs.FS) ([]Family, error) { return LoadManifest(fsys, "families.json") }

// LoadManifest reads the manifest name, in the schema of families.json,
// from the root of fsys, whose pages it names by their paths in fsys: the
// bundled examples (Families) or another set of families written the
// same way, such as a held-out set that nothing is fitted on. Several
// manifests may share pages, an original above all.
func LoadManifest(fsys fs.FS, name string) ([]Family, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("read family manifest: %w", err)
	}
	var m struct {
		Families []Family `json:"families"`
	}
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("parse family manifest %s: %w", name, err)
	}
	for i := range m.Families {
		for j := range m.Families[i].Files {
			m.Families[i].Files[j].fsys = fsys
		}
	}
	return m.Families, nil
}

// Outcome is what a comparison of a family's original (as a) with one of
// its files said, in the terms of the manifest: what Check reads.
type Outcome struct {
	Relation      string
	Source        string
	CreditsSource bool
	Drifts        []Reported
	// Derived holds the derived side's sentences, and Unsupported the
	// indices of those that no source sentence backs.
	Derived     []string
	Unsupported []int
}

// Reported is one drift a comparison reported.
type Reported struct {
	Kind, Source, Derived, Explanation string
}

// Mismatch is one way an Outcome differs from a file's expected answers.
type Mismatch struct {
	// What is "relation", "source", "credit", "missed_drift",
	// "false_drift" or "padding".
	What string
	Text string
	// Kind is the drift's kind, for "missed_drift" and "false_drift".
	Kind string
}

// Check compares o with the file's expected answers: the relation, the
// source side, the credit when it is checked, every planted drift found
// (each reported drift matches at most one) and no other reported, and
// every padding sentence unsupported. It returns the differences, none
// when o is right in every respect.
func (f File) Check(o Outcome) []Mismatch {
	var out []Mismatch
	add := func(what, format string, args ...any) {
		out = append(out, Mismatch{What: what, Text: fmt.Sprintf(format, args...)})
	}
	addDrift := func(what, kind, format string, args ...any) {
		out = append(out, Mismatch{What: what, Kind: kind, Text: fmt.Sprintf(format, args...)})
	}
	if o.Relation != f.Relation {
		add("relation", "relation %s, want %s", o.Relation, f.Relation)
	}
	if o.Source != f.Source {
		add("source", "source %s, want %s", o.Source, f.Source)
	}
	if f.CreditsSource != nil && o.CreditsSource != *f.CreditsSource {
		add("credit", "credits_source %v, want %v", o.CreditsSource, *f.CreditsSource)
	}
	used := make([]bool, len(o.Drifts))
	for _, want := range f.Drifts {
		found := false
		for k, d := range o.Drifts {
			if !used[k] && want.matches(d.Kind, d.Source, d.Derived) {
				found, used[k] = true, true
				break
			}
		}
		if !found {
			addDrift("missed_drift", want.Kind, "planted %s drift %q → %q not found", want.Kind, want.Source, want.Derived)
		}
	}
	for k, d := range o.Drifts {
		if !used[k] {
			addDrift("false_drift", d.Kind, "false drift: %s %q → %q (%s)", d.Kind, d.Source, d.Derived, d.Explanation)
		}
	}
	for _, pad := range f.Unsupported {
		j := slices.IndexFunc(o.Derived, func(s string) bool { return strings.Contains(s, pad) })
		switch {
		case j < 0:
			add("padding", "no derived sentence contains %q", pad)
		case !slices.Contains(o.Unsupported, j):
			add("padding", "padding sentence %d (%q) is not unsupported", j, pad)
		}
	}
	return out
}

// ParseOutcome reads an Outcome from a compare report in its JSON form
// (the contract of `wiretrace compare --json`), so that whatever produced
// the report is checked against the manifest through that contract.
func ParseOutcome(report []byte) (Outcome, error) {
	type side struct {
		Sentences []string `json:"sentences"`
	}
	var r struct {
		A, B          side
		Relation      string `json:"relation"`
		Source        string `json:"source"`
		CreditsSource bool   `json:"credits_source"`
		Unsupported   []int  `json:"unsupported"`
		Drifts        []struct {
			Kind        string `json:"kind"`
			Source      string `json:"source_span"`
			Derived     string `json:"derived_span"`
			Explanation string `json:"explanation"`
		} `json:"drifts"`
	}
	if err := json.Unmarshal(report, &r); err != nil {
		return Outcome{}, fmt.Errorf("parse compare report: %w", err)
	}
	o := Outcome{Relation: r.Relation, Source: r.Source, CreditsSource: r.CreditsSource,
		Derived: r.B.Sentences, Unsupported: r.Unsupported}
	if r.Source == "b" {
		o.Derived = r.A.Sentences
	}
	for _, d := range r.Drifts {
		o.Drifts = append(o.Drifts, Reported(d))
	}
	return o, nil
}

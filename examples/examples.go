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
	"sync"
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
}

// Drift is one planted fact change. Source and Derived are substrings the
// reported spans must contain (case-insensitive); empty means unchecked.
type Drift struct {
	Kind    string `json:"kind"` // role, number, date, quote, negation or entity
	Source  string `json:"source"`
	Derived string `json:"derived"`
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

// Read returns the bytes of the page.
func (f File) Read() ([]byte, error) {
	data, err := fs.ReadFile(FS, f.Path)
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
	loadOnce.Do(func() {
		data, err := FS.ReadFile("families.json")
		if err != nil {
			loadErr = fmt.Errorf("read example manifest: %w", err)
			return
		}
		var m struct {
			Families []Family `json:"families"`
		}
		if err := json.Unmarshal(data, &m); err != nil {
			loadErr = fmt.Errorf("parse example manifest families.json: %w", err)
			return
		}
		families = m.Families
	})
	return families, loadErr
}

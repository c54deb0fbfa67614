package cluster

import (
	"context"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/examples"
	"github.com/wiretrace/wiretrace/extract"
	"github.com/wiretrace/wiretrace/index"
	"github.com/wiretrace/wiretrace/store/pebble"
)

// TestExampleFamilies clusters the bundled example pages online and checks
// that every copy, edit, partial reuse, rewrite and independent report of
// the event joins its original's cluster (one story) and that unrelated
// stories stay apart.
func TestExampleFamilies(t *testing.T) {
	fams, pages := examplePages(t)
	c := New(Options{})
	family := map[string]string{}
	for _, p := range pages {
		id := p.family + "/" + p.role
		family[id] = p.family
		c.Add(id, p.article)
	}
	for _, f := range fams {
		orig := c.Of(f.Name + "/original")
		for _, role := range []string{"verbatim", "edited", "partial", "rewrite", "independent"} {
			id := f.Name + "/" + role
			if _, ok := family[id]; ok && !contains(orig, id) {
				t.Errorf("%s is not in its original's cluster %v", id, orig)
			}
		}
		for _, id := range orig {
			if family[id] != f.Name {
				t.Errorf("%s's cluster holds %s of another story", f.Name, id)
			}
		}
	}
	if n := len(c.Groups()); n < len(fams) {
		t.Errorf("%d clusters for %d families", n, len(fams))
	}
	// Adding an id again changes nothing; removing it takes it out.
	before := c.Of(fams[0].Name + "/original")
	c.Remove(fams[0].Name + "/verbatim")
	if after := c.Of(fams[0].Name + "/original"); len(after) != len(before)-1 {
		t.Errorf("remove: %v -> %v", before, after)
	}
}

// examplePage is one bundled example page, extracted.
type examplePage struct {
	family, role string
	article      *article.Article
}

// examplePages extracts every bundled example page, family by family.
func examplePages(t *testing.T) ([]examples.Family, []examplePage) {
	t.Helper()
	fams, err := examples.Families()
	if err != nil {
		t.Fatal(err)
	}
	var pages []examplePage
	for _, f := range fams {
		for _, file := range f.Files {
			data, err := file.Read()
			if err != nil {
				t.Fatal(err)
			}
			a, err := extract.Page(data, extract.Options{})
			if err != nil {
				t.Fatalf("extracting %s/%s: %v", f.Name, file.Role, err)
			}
			pages = append(pages, examplePage{f.Name, file.Role, a})
		}
	}
	return fams, pages
}

// pebbleIndex is an index over a new Pebble store in a test directory.
func pebbleIndex(t *testing.T) *index.Index {
	t.Helper()
	st, err := pebble.Open(filepath.Join(t.TempDir(), "s"), pebble.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return index.New(st)
}

func contains(ids []string, id string) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// TestBuildAndStories builds clusters from a stored index and lists them
// with each member's relation to the original.
func TestBuildAndStories(t *testing.T) {
	ctx := context.Background()
	ix := pebbleIndex(t)
	fams, pages := examplePages(t)
	for _, p := range pages {
		if p.family != fams[0].Name {
			continue
		}
		if _, err := ix.Add(ctx, p.article); err != nil {
			t.Fatal(err)
		}
	}
	c, err := Build(ctx, ix, Options{})
	if err != nil {
		t.Fatal(err)
	}
	stories, err := Stories(ctx, ix, c, ListOptions{Relations: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(stories) == 0 || stories[0].Size < 3 || stories[0].Members[0].Role != "original" || stories[0].Relations["duplicate"] != 1 {
		t.Fatalf("stories: %+v", stories)
	}
	if stories[0].First == "" || stories[0].Last < stories[0].First {
		t.Errorf("dates %q to %q", stories[0].First, stories[0].Last)
	}
}

// TestStoredStories ingests the example pages with a clusterer that keeps
// every article apart (a threshold no score reaches) and checks that Build
// puts each back in the story stored with it, not in the one it would
// decide now, and clusters an article stored without a story online.
func TestStoredStories(t *testing.T) {
	ctx := context.Background()
	ix := pebbleIndex(t)
	_, pages := examplePages(t)
	var items []index.Item
	var held *article.Article
	for _, p := range pages {
		if held == nil && p.role == "verbatim" {
			held = p.article
			continue
		}
		items = append(items, index.Item{Article: p.article, Meta: map[string]string{"source": p.role}})
	}
	apart := New(Options{Threshold: 2})
	queue := make(chan index.Item, len(items))
	for _, it := range items {
		queue <- it
	}
	close(queue)
	if _, err := ix.Ingest(ctx, queue, index.Options{OnIndexed: apart.OnIndexed}); err != nil {
		t.Fatal(err)
	}
	stored, err := Build(ctx, ix, Options{})
	if err != nil {
		t.Fatal(err)
	}
	byName := func(gs []Group) map[string][]string {
		m := map[string][]string{}
		for _, g := range gs {
			slices.Sort(g.IDs)
			m[g.Name] = g.IDs
		}
		return m
	}
	if got, want := byName(stored.Groups()), byName(apart.Groups()); !maps.EqualFunc(got, want, slices.Equal) {
		t.Errorf("built from the store: %v, want the stories stored %v", got, want)
	}
	e, err := ix.Get(ctx, items[0].Article.ID())
	if err != nil || e.Meta["source"] == "" || e.Meta[MetaStory] != items[0].Article.ID() {
		t.Errorf("stored meta %v (%v), want the source and the story", e.Meta, err)
	}
	// A verbatim copy held back, stored without a story, joins its
	// original's cluster.
	if held == nil {
		t.Fatal("no verbatim copy among the example pages")
	}
	ids, err := ix.Add(ctx, held)
	if err != nil {
		t.Fatal(err)
	}
	again, err := Build(ctx, ix, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(again.Of(ids[0])) < 2 {
		t.Errorf("the copy stored without a story is alone: %v", again.Of(ids[0]))
	}
}

// TestNearDuplicates checks that a copy and a lightly edited copy join
// their original's cluster by the shingles they share even when the words
// do not decide (here thresholds no model reaches turn every join by words
// down, as a large corpus does when an article's words are held by too
// many articles to be looked up), while a different story that shares only a
// standard paragraph with the original stays apart, and a removed
// original is no longer joined.
func TestNearDuplicates(t *testing.T) {
	fams, pages := examplePages(t)
	c := New(Options{Threshold: 2, ConfirmThreshold: 2, RunnerUpThreshold: 2})
	var orig *article.Article
	for _, p := range pages {
		if p.family == fams[0].Name && p.role == "original" {
			orig = p.article
		}
	}
	if orig == nil {
		t.Fatal("no original among the example pages")
	}
	c.Add("original", orig)
	cp := *orig
	cp.URL = "https://copier.example/story"
	c.Add("copy", &cp)
	edited := cp
	edited.Paragraphs = slices.Clone(orig.Paragraphs)
	edited.Paragraphs[len(edited.Paragraphs)-1] += " The agency did not comment further."
	c.Add("edited", &edited)
	// An edit every twentieth word: five of the eight kept band keys
	// shared, too few to join unread; the texts are read.
	dense := cp
	dense.URL = "https://editor.example/story"
	dense.Paragraphs = nil
	k := 0
	for _, p := range orig.Paragraphs {
		ws := strings.Fields(p)
		for i := range ws {
			if k++; k%20 == 0 {
				ws[i] = "reportedly"
			}
		}
		dense.Paragraphs = append(dense.Paragraphs, strings.Join(ws, " "))
	}
	c.Add("dense edit", &dense)
	other := article.Article{URL: "https://other.example/story", Title: "A different story",
		Paragraphs: []string{
			"The regional orchestra announced a winter season of eleven concerts, opening with a programme of Nordic symphonies at the harbour hall.",
			"Its new conductor, appointed in the spring after a two-year search, said the season would end with a commission from a local composer.",
			orig.Paragraphs[len(orig.Paragraphs)-1],
		}}
	c.Add("other", &other)
	got := c.Of("original")
	for _, id := range []string{"copy", "edited", "dense edit"} {
		if !contains(got, id) {
			t.Errorf("%s is not in its original's cluster %v", id, got)
		}
	}
	if contains(got, "other") {
		t.Errorf("a story sharing one paragraph joined the original's cluster %v", got)
	}
	if !editedCopy(&dense, orig) || editedCopy(&other, orig) {
		t.Errorf("edited copy: dense edit %v (want true), a story sharing a paragraph %v (want false)",
			editedCopy(&dense, orig), editedCopy(&other, orig))
	}
	// A page of any size is read for its opening alone.
	huge := article.Article{Paragraphs: []string{strings.Repeat("word ", 10*copyWords)}}
	if n := len(index.Shingles(&huge, copyWords)); n > copyWords {
		t.Errorf("a page of %d words read as %d shingles, want at most %d", 10*copyWords, n, copyWords)
	}
	c.Remove("original")
	c.Remove("copy")
	c.Remove("edited")
	c.Remove("dense edit")
	c.Add("late copy", &cp)
	if g := c.Of("late copy"); len(g) != 1 {
		t.Errorf("a copy of removed articles joined %v", g)
	}
}

// TestStoriesOriginal lists the stories of every example family, each
// family's pages but its unrelated one made one cluster: each story names
// the family's original as its original, even where an independent report
// of the event was published before it (the rate decision's, by 15
// minutes).
func TestStoriesOriginal(t *testing.T) {
	ctx := context.Background()
	ix := pebbleIndex(t)
	_, pages := examplePages(t)
	family := map[string]string{}    // article id → family, unrelated pages apart
	originals := map[string]string{} // family → its original's id
	for _, p := range pages {
		ids, err := ix.Add(ctx, p.article)
		if err != nil {
			t.Fatal(err)
		}
		family[ids[0]] = p.family
		if p.role == "unrelated" {
			family[ids[0]] = "unrelated " + ids[0]
		}
		if p.role == "original" {
			originals[p.family] = ids[0]
		}
	}
	c, err := Build(ctx, ix, Options{Judge: func(id, earlier string, _ JoinFeatures) bool { return family[id] == family[earlier] }})
	if err != nil {
		t.Fatal(err)
	}
	stories, err := Stories(ctx, ix, c, ListOptions{Relations: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range stories {
		fam := family[s.Members[0].ID]
		if want := originals[fam]; s.Original != want {
			t.Errorf("the %s story names %s (%s) as its original, want the family's original %s", fam, s.Original, s.Members[0].Title, want)
		}
	}
	if len(stories) != len(originals) {
		t.Errorf("%d stories, want one per family (%d)", len(stories), len(originals))
	}
}

package cluster

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/index"
	"github.com/wiretrace/wiretrace/trace"
)

// confirmPair is two invented reports of one event that share rare words.
func confirmPair() (*article.Article, *article.Article) {
	a := &article.Article{Title: "Ferry Kestrelbay stranded off Quillon", Paragraphs: []string{
		"The ferry Kestrelbay ran aground off Quillon harbour on Tuesday with 212 passengers aboard, the coastguard said.",
		"Tugboats from Marrowick freed the vessel after four hours; nobody was hurt.",
	}}
	b := &article.Article{Title: "Passengers safe after Kestrelbay grounding", Paragraphs: []string{
		"All 212 people aboard the Kestrelbay were safe after the ferry grounded near Quillon on Tuesday.",
		"Tugs sent from Marrowick pulled it free four hours later, coastguard officers said.",
	}}
	return a, b
}

// unsure is a join model that gives every join probability 0.5, in the
// band the confirm model is asked about.
var unsure = JoinWeights{}

// TestConfirmDecides holds that the confirm model, not the join model,
// decides a join the join model is unsure of when both texts are at hand,
// and that the join model decides when the new article's text is not.
func TestConfirmDecides(t *testing.T) {
	a, b := confirmPair()
	yes, no := trace.Trees{Bias: 5}, trace.Trees{Bias: -5}
	for _, tc := range []struct {
		name    string
		confirm trace.Trees
		text    bool
		want    bool
		reads   int
	}{
		{"confirm says yes", yes, true, true, 1},
		// Turned down, b founds its cluster and reads a again, as its
		// source, to absorb it (absorb).
		{"confirm says no", no, true, false, 2},
		{"no text: the join model (0.5 < 0.6)", yes, false, false, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := New(Options{Model: &unsure, Threshold: 0.6, Confirm: &tc.confirm})
			c.Add("a", a)
			var text *article.Article
			if tc.text {
				text = b
			}
			got := c.AddFingerprint("b", text, index.FingerprintOf(b)) == "a"
			if got != tc.want {
				t.Errorf("b joined a: %v, want %v (clusters %v)", got, tc.want, c.Groups())
			}
			if c.Confirmed() != tc.reads {
				t.Errorf("%d joins confirmed, want %d", c.Confirmed(), tc.reads)
			}
		})
	}
}

// TestConfirmReadsOlderArticles holds that the confirm stage reads an
// earlier article that is no longer among the latest added from
// Options.Articles, and falls back to the join model without it.
func TestConfirmReadsOlderArticles(t *testing.T) {
	ctx := context.Background()
	a, b := confirmPair()
	ix := pebbleIndex(t)
	ids, err := ix.Add(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	yes := trace.Trees{Bias: 5}
	for _, withIndex := range []bool{true, false} {
		opts := Options{Model: &unsure, Threshold: 0.6, Confirm: &yes}
		if withIndex {
			opts.Articles = ix
		}
		c := New(opts)
		c.Add(ids[0], a)
		// Fillers sharing no word with the pair push a out of the kept
		// recent articles.
		for i := range recentArticles {
			w := fmt.Sprintf("filler%dx", i)
			c.AddFingerprint(w, nil, index.FingerprintOf(&article.Article{Paragraphs: []string{w + " " + w + "q"}}))
		}
		got := c.Add("b", b) == ids[0]
		if got != withIndex {
			t.Errorf("with the index %v: b joined a: %v", withIndex, got)
		}
	}
}

// TestAbsorb holds that an article standing alone moves into the cluster
// of a later article the confirm model reads as its source, though the
// later article did not join it (here the join's confirm threshold is
// above the model's probability, absorb's below), and that Build puts it
// back there from the stored meta.
func TestAbsorb(t *testing.T) {
	ctx := context.Background()
	a, b := confirmPair()
	sure := trace.Trees{Bias: 2} // probability 0.88
	opts := Options{Model: &unsure, Threshold: 0.6, Confirm: &sure, ConfirmThreshold: 0.95, RunnerUpThreshold: 2}
	ix := pebbleIndex(t)
	c := New(opts)
	queue := make(chan index.Item, 2)
	queue <- index.Item{Article: a}
	queue <- index.Item{Article: b}
	close(queue)
	if _, err := ix.Ingest(ctx, queue, index.Options{OnIndexed: c.OnIndexed, Workers: 1}); err != nil {
		t.Fatal(err)
	}
	groups := c.Groups()
	if len(groups) != 1 || len(groups[0].IDs) != 2 {
		t.Fatalf("clusters %v, want the two articles in one", groups)
	}
	built, err := Build(ctx, ix, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := built.Groups(); len(got) != 1 || got[0].Name != groups[0].Name || !slices.Equal(got[0].IDs, groups[0].IDs) {
		t.Errorf("built from the store: %v, want %v", got, groups)
	}
	// A removed member leaves the other.
	built.Remove(groups[0].IDs[0])
	if got := built.Of(groups[0].IDs[1]); len(got) != 1 {
		t.Errorf("after a removal: %v", got)
	}
	// The absorber removed (its document deleted, or its store undone),
	// the article it absorbed stands alone again, in the cluster it
	// founded, as Build leaves it without the absorber's meta.
	absorber, alone := groups[0].Name, groups[0].IDs[0]
	if alone == absorber {
		alone = groups[0].IDs[1]
	}
	c.Remove(absorber)
	want := []Group{{Name: alone, IDs: []string{alone}}}
	if got := c.Groups(); !slices.EqualFunc(got, want, sameGroup) {
		t.Errorf("absorber removed: %v, want %v", got, want)
	}
	if err := ix.Delete(ctx, absorber); err != nil {
		t.Fatal(err)
	}
	rebuilt, err := Build(ctx, ix, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := rebuilt.Groups(); !slices.EqualFunc(got, want, sameGroup) {
		t.Errorf("built without the absorber: %v, want %v", got, want)
	}
}

func sameGroup(x, y Group) bool { return x.Name == y.Name && slices.Equal(x.IDs, y.IDs) }

// eventReports are two invented reports of one event, each in its own
// words: they share the people and bodies named and the figures, not
// their sentences.
func eventReports(publishedA, publishedB string) (*article.Article, *article.Article) {
	a := &article.Article{Title: "Torvin Rail strike halts Dalemark trains", Published: publishedA, Paragraphs: []string{
		"Drivers at Torvin Rail walked out on Monday, halting 340 trains across Dalemark, union leader Okko Brandt said.",
		"Transport minister Ilse Varga called the stoppage, the first in 12 years, \"a blow to every commuter\".",
		"The Dalemark Transport Authority said talks would resume once the 48-hour strike ends.",
	}}
	b := &article.Article{Title: "Commuters stranded as rail drivers strike", Published: publishedB, Paragraphs: []string{
		"Some 340 services were cancelled when Torvin Rail's drivers began a 48-hour stoppage, the Dalemark Transport Authority reported.",
		"\"We had no other choice,\" Okko Brandt told reporters outside the depot, calling it the union's first walkout in 12 years.",
		"Ilse Varga, the transport minister, urged both sides back to the table.",
	}}
	return a, b
}

// TestSameEventJoins holds that two reports of one event, published
// within days of each other and sharing enough names and figures, are one
// story even when the confirm model turns the join down, and that the
// same texts published weeks apart, or undated, are not.
func TestSameEventJoins(t *testing.T) {
	a, b := eventReports("2026-03-02T08:00:00Z", "2026-03-02T11:30:00Z")
	names, figures := trace.PairEvidence(a, b, trace.DefaultOptions()).SharedFacts()
	if names < sameEventNames || figures < sameEventFigures {
		t.Fatalf("fixture shares %d names and %d figures, want at least %d and %d", names, figures, sameEventNames, sameEventFigures)
	}
	no := trace.Trees{Bias: -5}
	for _, tc := range []struct {
		name       string
		pubA, pubB string
		want       bool
	}{
		{"same morning", "2026-03-02T08:00:00Z", "2026-03-02T11:30:00Z", true},
		{"next day", "2026-03-02", "2026-03-03", true},
		{"weeks apart", "2026-03-02", "2026-03-30", false},
		{"undated", "", "", false},
		{"one undated", "2026-03-02", "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, b := eventReports(tc.pubA, tc.pubB)
			c := New(Options{Model: &unsure, Threshold: 0.6, Confirm: &no})
			c.Add("a", a)
			if got := c.Add("b", b) == "a"; got != tc.want {
				t.Errorf("b joined a: %v, want %v (clusters %v)", got, tc.want, c.Groups())
			}
		})
	}
}

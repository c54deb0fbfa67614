package index_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/index"
	"github.com/wiretrace/wiretrace/internal/benchindex"
)

// TestCandidatesUnheldTerms holds that a text which keeps a little of its
// source and adds much of its own (a continuation, a retelling that
// invents) scores that source as the kept part alone does: terms no stored
// article holds cannot match any candidate, so they do not lower every
// candidate's share (below the minimum score, at worst).
func TestCandidatesUnheldTerms(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, t.TempDir())
	ix := index.New(s)
	c := benchindex.Corpus{Seed: 9}
	if _, err := ix.Ingest(ctx, feed(c, 0, 300), index.Options{NoExistCheck: true}); err != nil {
		t.Fatal(err)
	}
	src := &article.Article{Title: "Quarry permit for Tallowmere refused", Paragraphs: []string{
		"The Brenhaven district council refused a permit for the Tallowmere quarry on Thursday, citing the Orrin aquifer.",
		"Planning officer Ines Varro said the Kessway Aggregates application failed to show how spills would be contained.",
		"Kessway Aggregates said it would appeal to the Vellmark planning tribunal within the 28 days allowed.",
	}}
	if _, err := ix.Add(ctx, src); err != nil {
		t.Fatal(err)
	}
	// Invented words no stored article holds.
	r := rand.New(rand.NewPCG(1, 2))
	word := func() string {
		const letters = "bdfgklmnprstvz"
		const vowels = "aeiou"
		var b strings.Builder
		for range 4 {
			b.WriteByte(letters[r.IntN(len(letters))])
			b.WriteByte(vowels[r.IntN(len(vowels))])
		}
		return b.String()
	}
	q := &article.Article{Paragraphs: []string{src.Paragraphs[0]}}
	for range 12 {
		var ws []string
		for range 14 {
			ws = append(ws, word())
		}
		q.Paragraphs = append(q.Paragraphs, fmt.Sprintf("%s.", strings.Join(ws, " ")))
	}
	score := func(q *article.Article, exclude ...string) float64 {
		cands, err := ix.Candidates(ctx, q, index.QueryOptions{Exclude: exclude})
		if err != nil {
			t.Fatal(err)
		}
		i := slices.IndexFunc(cands, func(cd index.Candidate) bool { return cd.ID == src.ID() })
		if i < 0 {
			t.Fatalf("source not among the candidates %+v", cands)
		}
		return cands[i].TermScore
	}
	alone := score(&article.Article{Paragraphs: q.Paragraphs[:1]})
	if padded := score(q); padded < alone {
		t.Errorf("the source's term score %.3f with the invented words, %.3f without", padded, alone)
	}
	// The same text stored and traced with itself excluded: the words
	// only it holds count for nothing either.
	if _, err := ix.Add(ctx, q); err != nil {
		t.Fatal(err)
	}
	if stored := score(q, q.ID()); stored < alone {
		t.Errorf("the source's term score %.3f for the stored text excluded, %.3f for the kept part alone", stored, alone)
	}
}

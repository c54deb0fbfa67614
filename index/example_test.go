package index_test

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/index"
	"github.com/wiretrace/wiretrace/store/pebble"
)

func Example() {
	dir, _ := os.MkdirTemp("", "wiretrace-example")
	defer os.RemoveAll(dir)
	st, err := pebble.Open(dir, pebble.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer st.Close()
	ix := index.New(st)

	original := &article.Article{
		URL:   "https://wire.example/harbour",
		Title: "Velmora approves ferry terminal",
		Paragraphs: []string{
			"The harbour authority of Velmora approved a new ferry terminal on Tuesday after two years of disputes over the cost of the pier, its chairman Odo Brandt said.",
			"The terminal, budgeted at 48 million crowns, will serve the islands of Kesh and Marrow from 2027.",
		},
	}
	ctx := context.Background()
	ids, err := ix.Add(ctx, original)
	if err != nil {
		log.Fatal(err)
	}
	copied := *original
	copied.URL = "https://aggregator.example/velmora-ferry"
	cands, err := ix.Candidates(ctx, &copied, index.QueryOptions{K: 3})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(cands[0].ID == ids[0], cands[0].Similarity)
	// Output: true 1
}

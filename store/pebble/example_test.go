package pebble_test

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/wiretrace/wiretrace/store"
	"github.com/wiretrace/wiretrace/store/pebble"
)

func Example() {
	dir, _ := os.MkdirTemp("", "pebble-example")
	defer os.RemoveAll(dir)
	s, err := pebble.Open(dir, pebble.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	err = s.Put(ctx, []store.Document{{
		ID:      "a1",
		Article: []byte(`{"title":"Harbour terminal approved"}`),
		Bands:   []uint64{42},
		Terms:   []string{"velmora"},
	}})
	if err != nil {
		log.Fatal(err)
	}
	ids, _ := s.TermPostings(ctx, []string{"velmora", "absent"}, 0)
	fmt.Println(ids)
	// Output: [[a1] []]
}

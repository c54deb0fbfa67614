package redis_test

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/wiretrace/wiretrace/store"
	"github.com/wiretrace/wiretrace/store/redis"
)

// Open a store on the cluster named by $WIRETRACE_REDIS (any of its nodes,
// comma-separated), put a document and read its postings back.
func Example() {
	ctx := context.Background()
	s, err := redis.Open(ctx, os.Getenv(redis.EnvAddrs), redis.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer s.Close()
	doc := store.Document{
		ID:        "5f3a9c0e1b2d4f60",
		Article:   []byte(`{"title":"Council approves budget"}`),
		Signature: []uint32{7, 42, 9},
		Bands:     []uint64{0x9e3779b97f4a7c15},
		Terms:     []string{"council", "budget"},
	}
	if err := s.Put(ctx, []store.Document{doc}); err != nil {
		log.Fatal(err)
	}
	ids, err := s.TermPostings(ctx, []string{"budget"}, 0)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(ids[0])
}

package source_test

import (
	"context"
	"fmt"

	"github.com/wiretrace/wiretrace/source"
)

// Items reads folders, WARC files and feeds alike; a failed item comes with
// an error and the walk goes on.
func ExampleItems() {
	inputs := []string{"testdata/feeds/northwire.rss", "testdata/crawl.warc.gz"}
	for it, err := range source.Items(context.Background(), inputs, source.Options{}) {
		if err != nil {
			fmt.Println("skipped:", err)
			continue
		}
		fmt.Printf("%s %s published=%s fetched=%s\n", it.Name, it.URL,
			it.Published.UTC().Format("2006-01-02"), it.Fetched.UTC().Format("2006-01-02"))
	}
	// Output:
	// testdata/feeds/northwire.rss#1 https://northwire.example/2026/03/04/port-calloway-strike published=2026-03-04 fetched=0001-01-01
	// testdata/feeds/northwire.rss#2 https://northwire.example/2026/04/09/vellen-frost published=2026-04-09 fetched=0001-01-01
	// skipped: read feed testdata/feeds/northwire.rss: entry 3 (https://northwire.example/galleries/mill-quarter) has no content
	// testdata/crawl.warc.gz@447 https://ledger.example/business/harbour-strike published=0001-01-01 fetched=2026-03-05
	// testdata/crawl.warc.gz@2012 https://ledger.example/local/ashby-footbridge published=0001-01-01 fetched=2026-03-05
}

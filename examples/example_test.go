package examples_test

import (
	"fmt"

	"github.com/wiretrace/wiretrace/examples"
)

func ExampleFamilies() {
	fams, err := examples.Families()
	if err != nil {
		panic(err)
	}
	for _, f := range fams[0].Files {
		if f.Role == "original" {
			fmt.Println(f.Path, "is the original")
			continue
		}
		fmt.Println(f.Path, f.Relation)
	}
	// Output:
	// rate-decision/original.html is the original
	// rate-decision/verbatim.html duplicate
	// rate-decision/edited.html near_duplicate
	// rate-decision/rewrite.html rewrite
	// rate-decision/partial.html partial
	// rate-decision/independent.html same_story
	// rate-decision/unrelated.html unrelated
}

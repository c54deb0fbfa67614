package textproc_test

import (
	"fmt"

	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/textproc"
)

func ExampleAnalyze() {
	a := &article.Article{Paragraphs: []string{
		`OSLO (Reuters) - Norway's Finance Minister Kari Dahl said on Tuesday the fund lost $2.5 billion, or 3 percent, in the U.S. market. "We did not expect it," Dahl told reporters.`,
	}}
	d := textproc.Analyze(a)
	fmt.Println("dateline:", d.Dateline, d.DatelineAgency)
	for _, s := range d.Sentences {
		fmt.Printf("sentence %d: %s\n", s.Index, s.Text)
		for _, r := range s.Roles {
			fmt.Printf("  role %q held by %q\n", r.Title, r.Holder)
		}
		for _, e := range s.Entities {
			fmt.Printf("  %s %q\n", e.Kind, e.Text)
		}
		for _, n := range s.Numbers {
			fmt.Printf("  number %g %s\n", n.Value, n.Unit)
		}
		for _, dt := range s.Dates {
			fmt.Printf("  %s %q\n", dt.Kind, dt.Text)
		}
		for _, q := range s.Quotes {
			fmt.Printf("  quote %q by %s\n", q.Text, q.Speaker)
		}
		for _, n := range s.Negations {
			fmt.Printf("  negation %q\n", n.Cue)
		}
	}
	// Output:
	// dateline: OSLO Reuters
	// sentence 0: Norway's Finance Minister Kari Dahl said on Tuesday the fund lost $2.5 billion, or 3 percent, in the U.S. market.
	//   role "finance minister" held by "Kari Dahl"
	//   place "Norway"
	//   person "Kari Dahl"
	//   place "U.S."
	//   number 2.5e+09 USD
	//   number 3 %
	//   weekday "Tuesday"
	// sentence 1: "We did not expect it," Dahl told reporters.
	//   person "Dahl"
	//   quote "We did not expect it," by Dahl
	//   negation "not"
}

func ExampleWords() {
	fmt.Printf("%q\n", textproc.Words("The U.S. build-up cost $2.5 billion, officials didn't say."))
	// Output: ["the" "u.s." "build-up" "cost" "2.5" "billion" "officials" "didn't" "say"]
}

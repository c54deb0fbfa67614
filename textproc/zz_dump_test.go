package textproc

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestDevDump(t *testing.T) {
	b, _ := os.ReadFile("/work/shared/eval/extraction/ground-truth.json")
	var gt map[string]struct{ ArticleBody string }
	json.Unmarshal(b, &gt)
	n := 0
	for _, v := range gt {
		n++
		if n%37 != 0 {
			continue
		}
		paras := strings.Split(v.ArticleBody, "\n")
		d := Analyze(articleOf(paras...))
		for _, s := range d.Sentences[:min(12, len(d.Sentences))] {
			fmt.Printf("S: %s\n", s.Text)
			for _, e := range s.Entities {
				fmt.Printf("   E %s %q\n", e.Kind, e.Text)
			}
			for _, r := range s.Roles {
				fmt.Printf("   R %q mods=%v holder=%q\n", r.Title, r.Modifiers, r.Holder)
			}
			for _, x := range s.Numbers {
				fmt.Printf("   N %q %g %s\n", x.Text, x.Value, x.Unit)
			}
			for _, x := range s.Dates {
				fmt.Printf("   D %s %q\n", x.Kind, x.Text)
			}
			for _, x := range s.Quotes {
				fmt.Printf("   Q %.40q by %q\n", x.Text, x.Speaker)
			}
		}
	}
}

package eval

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/wiretrace/wiretrace/fingerprint"
)

func TestZZFP(t *testing.T) {
	pairs, _ := LoadRewrites(filepath.Join("../../../shared/eval", "llm-rewrites"))
	for _, p := range pairs {
		if !strings.Contains(os.Getenv("ZZID"), p.ID) {
			continue
		}
		o := fingerprint.Of(RewriteArticle(p.Original), fingerprint.Options{})
		q := fingerprint.Of(RewriteArticle(p.Rewrite), fingerprint.Options{MaxTerms: fingerprint.QueryTerms, Pairs: fingerprint.QueryPairs})
		fmt.Println(p.ID, "orig:", o.Terms)
		var sh []string
		for _, x := range q.Terms {
			if slices.Contains(o.Terms, x) {
				sh = append(sh, x)
			}
		}
		fmt.Println("  query:", q.Terms)
		fmt.Println("  shared:", sh)
	}
}

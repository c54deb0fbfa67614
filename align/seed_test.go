package align

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/internal/sharedtest"
	"github.com/wiretrace/wiretrace/textproc"
)

// seedArticle reads a seed page dump and keeps its prose paragraphs: lines
// of at least 100 bytes that end a sentence, before the first line that
// starts with "©" (the credit). It stands in for extract.Page, which is
// built concurrently; headlines (no final period) and menus drop out.
func seedArticle(t *testing.T, name string) *article.Article {
	t.Helper()
	dir := sharedtest.Dir(t, "seeds")
	matches, err := filepath.Glob(filepath.Join(dir, name+"_*.txt"))
	if err != nil || len(matches) != 1 {
		t.Fatalf("seed %s: want one file, got %v (%v)", name, matches, err)
	}
	data, err := os.ReadFile(matches[0])
	if err != nil {
		t.Fatal(err)
	}
	a := &article.Article{}
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "©") {
			break
		}
		if len(line) >= 100 && strings.ContainsAny(line[len(line)-1:], ".!?\"”") {
			a.Paragraphs = append(a.Paragraphs, line)
		}
	}
	if len(a.Paragraphs) == 0 {
		t.Fatalf("seed %s: no paragraphs", name)
	}
	return a
}

func TestAlignSeedPair(t *testing.T) {
	src := textproc.Analyze(seedArticle(t, "000"))
	der := textproc.Analyze(seedArticle(t, "001"))
	al := Align(src, der, Options{})
	for _, p := range al.Pairs {
		t.Logf("pair %v %v %.3f %s", p.Source, p.Derived, p.Score, p.Kind)
	}
	for i, s := range src.Sentences {
		t.Logf("src %d best %.3f -> %d: %.60s", i, al.SourceBest[i], al.SourceMatch[i], s.Text)
	}
	for j, s := range der.Sentences {
		t.Logf("der %d best %.3f -> %d: %.60s", j, al.DerivedBest[j], al.DerivedMatch[j], s.Text)
	}
}

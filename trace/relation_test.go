package trace

import (
	"testing"

	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/textproc"
)

// TestDirection checks each vote of direction on its own and that dates
// outweigh the content votes.
func TestDirection(t *testing.T) {
	credited := &article.Article{Paragraphs: []string{"LIND (Meridian Press) - The bank held rates."}}
	plain := &article.Article{Paragraphs: []string{"The bank held rates."}}
	dated := func(a *article.Article, when string) *article.Article {
		c := *a
		c.Published = when
		return &c
	}
	tests := []struct {
		name string
		a, b *article.Article
		f    features
		want string
	}{
		{"nothing to tell", plain, plain, features{}, SourceUnknown},
		{"earlier date", dated(plain, "2026-01-01"), dated(plain, "2026-01-03"), features{}, SourceA},
		{"later date", dated(plain, "2026-01-03T10:00:00Z"), dated(plain, "2026-01-03T09:00:00Z"), features{}, SourceB},
		{"same minute", dated(plain, "2026-01-03T10:00:00Z"), dated(plain, "2026-01-03T10:00:20Z"), features{}, SourceUnknown},
		{"credit on a only", credited, plain, features{}, SourceA},
		{"credit on b only", plain, credited, features{}, SourceB},
		{"padding in b", plain, plain, features{genericB: 3}, SourceA},
		{"padding in a", plain, plain, features{genericA: 2}, SourceB},
		{"b trimmed", plain, plain, features{factDenseA: 3}, SourceA},
		{"dates outweigh content", dated(credited, "2026-01-05"), dated(plain, "2026-01-01"), features{genericB: 4}, SourceB},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := direction(tt.a, tt.b, textproc.Analyze(tt.a), textproc.Analyze(tt.b), tt.f)
			if got != tt.want {
				t.Errorf("direction = %s, want %s", got, tt.want)
			}
		})
	}
}

// TestClassifyIndependentQuotes checks the rule that keeps independent
// reporting from being called a rewrite: however well the sentences align,
// two reports that quote people and share none of their quotes are the
// same story told twice.
func TestClassifyIndependentQuotes(t *testing.T) {
	f := features{na: 10, nb: 10, alignedA: 0.8, alignedB: 0.8, pairs: 8, quotesA: 2, quotesB: 2,
		sharedNames: 5, sharedFigures: 4}
	if got := classify(f, f); got != SameStory {
		t.Errorf("own quotes: %s, want same_story", got)
	}
	f.sharedQuotesB = 1
	if got := classify(f, f); got != Rewrite {
		t.Errorf("a shared quote: %s, want rewrite", got)
	}
}

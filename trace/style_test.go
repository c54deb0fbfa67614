package trace

import (
	"testing"

	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/textproc"
)

// TestMachineStyle holds machineStyle to its promise on texts written for
// the test: of two tellings of one story, the one in a rewriter's register
// (formal connectives, stock intensifiers) scores above the reporter's
// plainer one, and a text with no word of the lexicon scores 0.
func TestMachineStyle(t *testing.T) {
	score := func(text string) float64 {
		d := textproc.Analyze(&article.Article{Paragraphs: []string{text}})
		defer d.Release()
		return machineStyle(d)
	}
	reporter := "The ferry broke down again on Tuesday, and honestly nobody on the dock was surprised. " +
		"\"It's the third time this month,\" said Ana Ruiz, who runs the kiosk by the ramp. \"We just shrug now.\""
	rewriter := "In a remarkable development that has sparked widespread concern, the ferry service " +
		"encountered yet another breakdown on Tuesday. Furthermore, local business owner Ana Ruiz emphasized " +
		"the crucial need for a resilient transport system, underscoring the profound impact on the community."
	if r, w := score(reporter), score(rewriter); w <= r {
		t.Errorf("machineStyle: rewriter's telling %.3f, reporter's %.3f; want the rewriter's higher", w, r)
	}
	if got := score("Xq zzv qqx."); got != 0 {
		t.Errorf("machineStyle of a text with no known word = %v, want 0", got)
	}
	if got := StyleScore(textproc.Analyze(&article.Article{Paragraphs: []string{"crucial"}}), map[string]float32{"crucial": 2}); got != 2 {
		t.Errorf("StyleScore of one weighted word = %v, want its weight 2", got)
	}
}

package server

import (
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserDemoCompare opens the demo in chromium, compares a fixture
// pair through the form, and checks that the report shows the alignment
// coloured by kind, the added sentences and the drift markers.
func TestBrowserDemoCompare(t *testing.T) {
	ctx := newBrowser(t)
	srv := httptest.NewServer(New(Options{Index: demoIndex(t)}))
	defer srv.Close()

	orig := examplePage(t, "rate-decision/original.html")
	rewrite := examplePage(t, "rate-decision/rewrite.html")
	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS(`table.list`)),
	); err != nil {
		t.Fatalf("open the demo home: %v", err)
	}
	screenshot(t, ctx, "demo-home")
	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/compare"),
		chromedp.WaitVisible(chromedp.CSS(`textarea#a`)),
		chromedp.SetValue(chromedp.CSS(`textarea#a`), orig),
		chromedp.SetValue(chromedp.CSS(`textarea#b`), rewrite),
		chromedp.Submit(chromedp.CSS(`textarea#a`)),
		chromedp.WaitVisible(chromedp.CSS(`.sides`)),
	); err != nil {
		t.Fatalf("compare through the form: %v", err)
	}
	count := func(sel string) int {
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll(`+jsString(sel)+`).length`))
		if err != nil {
			t.Fatalf("count %s: %v", sel, err)
		}
		return n
	}
	for _, c := range []struct {
		sel string
		min int
	}{
		{`.side .sent.paraphrase, .side .sent.edited, .side .sent.verbatim`, 4}, // aligned sentences, coloured
		{`.sent .links a[href^="#"]`, 4},                                        // linked to their partners
		{`.sent.added`, 1},                                                      // padding the original does not back
		{`.sent .tag.drift`, 1},                                                 // drift markers on derived sentences
		{`mark.drift`, 2},                                                       // the changed spans highlighted
		{`.drifts li`, 1},                                                       // the drift list with explanations
		{`.credit.no`, 1},                                                       // the rewrite does not credit
	} {
		if got := count(c.sel); got < c.min {
			t.Errorf("%s: %d elements, want at least %d", c.sel, got, c.min)
		}
	}
	text, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`.verdict`)))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.ToLower(text), "rewrite") {
		t.Errorf("verdict %q does not say Rewrite", text)
	}
	// Hovering a derived sentence lights its source partner (app.js).
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](
		`document.querySelector('.side .sent[data-pairs]').dispatchEvent(new MouseEvent('mouseover', {bubbles: true}))`)); err != nil {
		t.Fatal(err)
	}
	if got := count(`.sent.hot`); got < 2 {
		t.Errorf("hovering an aligned sentence lit %d sentences, want it and its partner", got)
	}
	screenshot(t, ctx, "compare-rewrite")
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}

// TestBrowserScriptDoesNotRun traces a page whose text holds <script> and
// an <img onerror> through the UI: no dialog may open (newBrowser fails the
// test on one), and the markup must be visible as text.
func TestBrowserScriptDoesNotRun(t *testing.T) {
	ctx := newBrowser(t)
	srv := httptest.NewServer(New(Options{Index: demoIndex(t)}))
	defer srv.Close()
	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS(`textarea#page`)),
		chromedp.SetValue(chromedp.CSS(`textarea#page`), scriptPage(t)),
		chromedp.Submit(chromedp.CSS(`textarea#page`)),
		chromedp.WaitVisible(chromedp.CSS(`.article-meta`)),
		// Open the extracted article so its paragraphs are visible text.
		chromedp.Evaluate[chromedp.Void](`document.querySelectorAll('details').forEach(d => d.open = true)`),
	); err != nil {
		t.Fatalf("trace the script page: %v", err)
	}
	text, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`main`)))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<script>alert("xss")</script>`, `<img src=x onerror=alert("img")>`, `<script>alert("title")</script>`} {
		if !strings.Contains(text, want) {
			t.Errorf("the page's markup %q is not shown as text", want)
		}
	}
	injected, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('main script, main img').length`))
	if err != nil {
		t.Fatal(err)
	}
	if injected != 0 {
		t.Errorf("%d script or img elements from the page were injected into the UI", injected)
	}
	screenshot(t, ctx, "trace-script-page")
}

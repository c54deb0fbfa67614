package server

import (
	"math"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/wiretrace/wiretrace/extract"
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
	noCSPViolations(t, ctx)
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
	noCSPViolations(t, ctx)
	screenshot(t, ctx, "compare-rewrite")

	// On a phone the two sides stack and nothing overflows sideways.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile)); err != nil {
		t.Fatal(err)
	}
	overflow, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth + 1`))
	if err != nil {
		t.Fatal(err)
	}
	if overflow {
		t.Errorf("the compare view overflows a 390 px wide screen")
	}
	screenshot(t, ctx, "compare-rewrite-phone")
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
	noCSPViolations(t, ctx)
	screenshot(t, ctx, "trace-script-page")
}

// TestBrowserDocumentFamily opens the document page of a rewrite in the
// demo and checks its family timeline, then a search.
func TestBrowserDocumentFamily(t *testing.T) {
	ctx := newBrowser(t)
	srv := httptest.NewServer(New(Options{Index: demoIndex(t)}))
	defer srv.Close()
	a, err := extract.Page([]byte(examplePage(t, "wildfire/rewrite.html")), extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/documents/"+a.ID()),
		chromedp.WaitVisible(chromedp.CSS(`ol.timeline`)),
	); err != nil {
		t.Fatalf("open the document page: %v", err)
	}
	count := func(sel string) int {
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll(`+jsString(sel)+`).length`))
		if err != nil {
			t.Fatalf("count %s: %v", sel, err)
		}
		return n
	}
	noCSPViolations(t, ctx)
	screenshot(t, ctx, "document-family")
	if n := count(`ol.timeline > li`); n < 4 {
		t.Errorf("timeline has %d members, want the original and at least 3 derived pages", n)
	}
	if count(`ol.timeline > li.original`) != 1 || count(`ol.timeline > li.current`) != 1 {
		t.Errorf("timeline must mark one original and the current document")
	}
	if count(`ol.timeline a[href^="/compare?a="]`) < 3 {
		t.Errorf("derived members lack their compare links")
	}

	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/search?q=evacuation"),
		chromedp.WaitVisible(chromedp.CSS(`ul.results`)),
	); err != nil {
		t.Fatalf("search: %v", err)
	}
	if n := count(`ul.results > li`); n < 2 {
		t.Errorf("search for evacuation found %d documents", n)
	}
	if count(`.snippet b`) == 0 {
		t.Errorf("search snippets do not highlight the query")
	}
	screenshot(t, ctx, "search")

	// The compare link of a family member opens the side-by-side view.
	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/documents/"+a.ID()),
		chromedp.WaitVisible(chromedp.CSS(`ol.timeline`)),
		chromedp.Click(chromedp.CSS(`li.current a[href^="/compare?a="]`)),
		chromedp.WaitVisible(chromedp.CSS(`.sides`)),
	); err != nil {
		t.Fatalf("follow the compare link: %v", err)
	}
	if count(`.sent .tag.drift`) == 0 {
		t.Errorf("the rewrite's compare view shows no drift marker")
	}

	// Trace the rewrite from the home page: its original comes first.
	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS(`textarea#page`)),
		chromedp.SetValue(chromedp.CSS(`textarea#page`), examplePage(t, "wildfire/rewrite.html")),
		chromedp.Submit(chromedp.CSS(`textarea#page`)),
		chromedp.WaitVisible(chromedp.CSS(`details.match[open] .sides`)),
	); err != nil {
		t.Fatalf("trace the rewrite: %v", err)
	}
	if n := count(`details.match`); n < 3 {
		t.Errorf("trace of the rewrite shows %d matches", n)
	}
	if count(`.lead-source .credit.no`) != 1 {
		t.Errorf("the trace does not lead with the source the rewrite fails to credit")
	}
	noCSPViolations(t, ctx)
	screenshot(t, ctx, "trace-rewrite")
}

// TestBrowserReportClarity opens the permalink of two stored documents'
// report and checks what a reader relies on: sentences numbered from 1,
// verbatim and drift colours far apart, an edited copy's changed words
// marked, and the export buttons and permalink shown.
func TestBrowserReportClarity(t *testing.T) {
	ctx := newBrowser(t)
	srv := httptest.NewServer(New(Options{Index: demoIndex(t)}))
	defer srv.Close()
	orig, edited := exampleID(t, "rate-decision/original.html"), exampleID(t, "rate-decision/edited.html")
	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/compare?a="+orig+"&b="+edited),
		chromedp.WaitVisible(chromedp.CSS(`.sides`)),
	); err != nil {
		t.Fatalf("open the permalink: %v", err)
	}
	noCSPViolations(t, ctx)
	screenshot(t, ctx, "compare-edited")
	first, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('.side .sent .n').textContent`))
	if err != nil {
		t.Fatal(err)
	}
	if first != "A1" {
		t.Errorf("the first sentence is labelled %q, want A1", first)
	}
	// Hue of the verbatim and drift swatches' borders, in degrees.
	hues, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](`['.swatch.verbatim', '.swatch.drift'].map(function (sel) {
		var c = getComputedStyle(document.querySelector(sel)).borderLeftColor.match(/\d+/g).map(Number);
		var r = c[0]/255, g = c[1]/255, b = c[2]/255, mx = Math.max(r, g, b), mn = Math.min(r, g, b), d = mx - mn, h = 0;
		if (d) { h = mx === r ? ((g - b) / d) % 6 : mx === g ? (b - r) / d + 2 : (r - g) / d + 4; }
		return (h * 60 + 360) % 360;
	})`))
	if err != nil {
		t.Fatal(err)
	}
	if d := math.Abs(hues[0] - hues[1]); math.Min(d, 360-d) < 90 {
		t.Errorf("verbatim (hue %.0f) and drift (hue %.0f) colours are too close", hues[0], hues[1])
	}
	count := func(sel string) int {
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll(`+jsString(sel)+`).length`))
		if err != nil {
			t.Fatalf("count %s: %v", sel, err)
		}
		return n
	}
	for _, sel := range []string{`.sent.edited .chg`, `a.permalink`, `form.export button[value="json"]`, `form.export button[value="html"]`} {
		if count(sel) == 0 {
			t.Errorf("the report shows no %s", sel)
		}
	}
}

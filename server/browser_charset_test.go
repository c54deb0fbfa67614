package server

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserPastedShiftJIS pastes a Japanese page's source that declares
// Shift_JIS into the UI's trace form in a real browser and checks that the
// result shows its text, not mojibake: the browser sends the text field as
// UTF-8, whatever the pasted markup declares.
func TestBrowserPastedShiftJIS(t *testing.T) {
	ctx := newBrowser(t)
	srv := httptest.NewServer(New(Options{Index: demoIndex(t)}))
	defer srv.Close()
	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS(`textarea#page`)),
		chromedp.SetValue(chromedp.CSS(`textarea#page`), sjisPage),
		chromedp.Submit(chromedp.CSS(`textarea#page`)),
		chromedp.WaitVisible(chromedp.CSS(`.article-meta`)),
		chromedp.Evaluate[chromedp.Void](`document.querySelectorAll('details').forEach(d => d.open = true)`),
	); err != nil {
		t.Fatalf("trace the pasted page: %v", err)
	}
	text, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`main`)))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text, sjisTitle) || !strings.Contains(text, "嵐の後に") {
		t.Errorf("the trace of the pasted page lacks its title and text (mojibake?):\n%.600s", text)
	}
	noCSPViolations(t, ctx)
}

// TestBrowserTruncatedGzipUpload uploads a .gz page cut short through the
// UI's trace form in a real browser and checks that the answer is an error
// that says the file is truncated, not a trace of the part that arrived.
func TestBrowserTruncatedGzipUpload(t *testing.T) {
	ctx := newBrowser(t)
	srv := httptest.NewServer(New(Options{Index: demoIndex(t)}))
	defer srv.Close()
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	io.WriteString(zw, examplePage(t, "earnings/original.html"))
	zw.Close()
	path := filepath.Join(t.TempDir(), "page.html.gz")
	if err := os.WriteFile(path, z.Bytes()[:z.Len()/2], 0o644); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS(`input#file`)),
		chromedp.SetUploadFiles(chromedp.CSS(`input#file`), []string{path}),
		chromedp.Submit(chromedp.CSS(`input#file`)),
		chromedp.WaitVisible(chromedp.CSS(`[role="alert"]`)),
	); err != nil {
		t.Fatalf("upload the truncated page: %v", err)
	}
	text, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`main`)))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text, "truncated") {
		t.Errorf("the answer to a truncated .gz upload does not say truncated:\n%.600s", text)
	}
}

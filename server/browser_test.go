package server

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// chromiumPath is Debian's chromium, which scripts/test.sh installs.
const chromiumPath = "/usr/bin/chromium"

// browser is the one headless chromium the package's browser tests share,
// each in its own tab: starting chromium takes seconds, a tab milliseconds.
var browser struct {
	once   sync.Once
	ctx    context.Context // the browser's context; tabs derive from it
	cancel func()
	err    error
}

// TestMain stops the shared browser after the tests.
func TestMain(m *testing.M) {
	code := m.Run()
	if browser.cancel != nil {
		browser.cancel()
	}
	os.Exit(code)
}

// startBrowser starts the shared chromium at path, once.
func startBrowser(path string) (context.Context, error) {
	browser.once.Do(func() {
		dir, err := os.MkdirTemp("", "wiretrace-chromium-")
		if err != nil {
			browser.err = err
			return
		}
		opts := []chromedp.ExecAllocatorOption{
			chromedp.ExecPath(path),
			chromedp.Flag("headless", true),
			chromedp.Flag("no-sandbox", true),
			chromedp.Flag("disable-gpu", true),
			chromedp.Flag("disable-background-networking", true),
			chromedp.Flag("disable-component-update", true),
			chromedp.Flag("disable-sync", true),
			chromedp.Flag("disable-dev-shm-usage", true),
			chromedp.Flag("no-first-run", true),
			chromedp.Flag("no-default-browser-check", true),
			chromedp.UserDataDir(dir),
			chromedp.WindowSize(1360, 900),
		}
		actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
		bctx, cancelBrowser := chromedp.NewContext(actx)
		browser.ctx = bctx
		browser.cancel = func() {
			cancelBrowser()
			cancelAlloc()
			os.RemoveAll(dir)
		}
		browser.err = chromedp.Do(bctx) // starts chromium and its first tab
	})
	return browser.ctx, browser.err
}

// newBrowser returns a context that drives a new tab of headless chromium
// for a test. It skips the test when chromium is not installed, except
// under CI=true, where the browser tests must run. Any JavaScript dialog
// (alert, confirm, prompt) fails the test: a page's script must never run
// in the UI; so does any request outside the server under test.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	path := chromiumPath
	if _, err := os.Stat(path); err != nil {
		if p, lerr := exec.LookPath("chromium"); lerr == nil {
			path = p
		} else {
			if os.Getenv("CI") == "true" {
				t.Fatalf("chromium is required under CI=true (apt-get install chromium): %v", err)
			}
			t.Skipf("skipping browser test: chromium not installed at %s (apt-get install chromium, or run scripts/test.sh as root)", chromiumPath)
		}
	}
	bctx, err := startBrowser(path)
	if err != nil {
		t.Fatalf("start chromium %s: %v", path, err)
	}
	ctx, cancelTab := chromedp.NewContext(bctx)
	ctx, cancelTime := context.WithTimeout(ctx, 45*time.Second)
	t.Cleanup(func() {
		cancelTime()
		cancelTab()
	})
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	// Every request the UI makes must go to the server under test: the UI
	// loads nothing from another host.
	requests := chromedp.Events(ctx, network.RequestWillBeSent)
	go func() {
		for ev, err := range requests {
			if err != nil {
				return
			}
			u := ev.Request.URL
			if !strings.HasPrefix(u, "http://127.0.0.1:") && !strings.HasPrefix(u, "data:") && !strings.HasPrefix(u, "about:") {
				t.Errorf("the page requested %s, outside the server under test", u)
			}
		}
	}()
	// Record Content-Security-Policy violations in the page, so that a
	// test can assert the UI never trips its own policy.
	if _, err := chromedp.Call(ctx, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{
		Source: `window.__cspViolations = []; document.addEventListener("securitypolicyviolation", e => window.__cspViolations.push(e.violatedDirective + " " + e.blockedURI));`,
	}); err != nil {
		t.Fatalf("install the CSP watcher: %v", err)
	}
	dialogs := chromedp.Events(ctx, cdppage.JavascriptDialogOpening)
	go func() {
		for ev, err := range dialogs {
			if err != nil {
				return
			}
			t.Errorf("a JavaScript dialog opened (%s: %q): page script ran", ev.Type, ev.Message)
			_, _ = chromedp.Call(ctx, cdppage.HandleJavaScriptDialog, cdppage.HandleJavaScriptDialogParams{Accept: true})
		}
	}()
	return ctx
}

// noCSPViolations fails the test if the current page tripped its
// Content-Security-Policy (an inline style or script in a template, say).
func noCSPViolations(t *testing.T, ctx context.Context) {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`window.__cspViolations || []`))
	if err != nil {
		t.Fatalf("read CSP violations: %v", err)
	}
	if len(v) > 0 {
		t.Errorf("the page violated its Content-Security-Policy: %q", v)
	}
}

// screenshot saves a full-page PNG of the current tab under the test's
// artifact directory and logs where.
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	dir := os.Getenv("WIRETRACE_SCREENSHOTS")
	if dir == "" {
		dir = t.ArtifactDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatalf("screenshot dir: %v", err)
	}
	path := filepath.Join(dir, name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatalf("write screenshot: %v", err)
	}
	t.Logf("screenshot: %s", path)
}

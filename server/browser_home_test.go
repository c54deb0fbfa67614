package server

import (
	"net/http/httptest"
	"testing"

	"github.com/chromedp/chromedp"
)

func TestBrowserHome(t *testing.T) {
	ctx := newBrowser(t)
	srv := httptest.NewServer(New(Options{}))
	defer srv.Close()
	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS(`textarea#page`)),
	); err != nil {
		t.Fatal(err)
	}
	title, err := chromedp.Run(ctx, chromedp.Title())
	if err != nil {
		t.Fatal(err)
	}
	if title != "Trace a page · wiretrace" {
		t.Errorf("title = %q", title)
	}
	screenshot(t, ctx, "home")
}

package server

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/wiretrace/wiretrace/ingest"
	"github.com/wiretrace/wiretrace/trace"
)

// exampleID is the id of a bundled example page in the demo index.
func exampleID(t testing.TB, path string) string {
	t.Helper()
	a, err := ingest.Page([]byte(examplePage(t, path)), "", 0)
	if err != nil {
		t.Fatal(err)
	}
	return a.ID()
}

// TestCompareExport checks the permalink of two stored documents' report,
// its JSON and HTML downloads, and the export form of any compare page.
func TestCompareExport(t *testing.T) {
	s := New(Options{Index: demoIndex(t)})
	a, b := exampleID(t, "rate-decision/original.html"), exampleID(t, "rate-decision/rewrite.html")
	link := "/compare?a=" + a + "&b=" + b
	res, page := do(t, s, "GET", link, "")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("permalink: status %d", res.StatusCode)
	}
	for _, want := range []string{`class="permalink" href="` + strings.ReplaceAll(link, "&", "&amp;") + `"`, `action="/compare/export"`, `value="json"`, `value="html"`} {
		if !strings.Contains(page, want) {
			t.Errorf("compare page lacks %q", want)
		}
	}
	for _, tc := range []struct{ format, ctype, contains string }{
		{"json", "application/json", `"relation": "rewrite"`},
		{"html", "text/html", "<style>"},
	} {
		t.Run(tc.format, func(t *testing.T) {
			res, body := do(t, s, "GET", link+"&format="+tc.format, "")
			if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), tc.ctype) {
				t.Fatalf("status %d, type %q", res.StatusCode, res.Header.Get("Content-Type"))
			}
			if !strings.Contains(res.Header.Get("Content-Disposition"), "attachment") || !strings.Contains(body, tc.contains) {
				t.Errorf("not a download of the report: %q, %.200s", res.Header.Get("Content-Disposition"), body)
			}
			if tc.format == "html" && strings.Contains(body, `href="/documents/`) {
				t.Errorf("the self-contained file links to the server's pages")
			}
		})
	}
	// The export form sends the report back; the server renders it.
	var rep trace.Report
	_, js := do(t, s, "GET", link+"&format=json", "")
	if err := json.Unmarshal([]byte(js), &rep); err != nil {
		t.Fatal(err)
	}
	form := url.Values{"report": {js}, "format": {"html"}, "a_name": {"page A"}, "b_name": {"page B"}}
	res, body := doForm(t, s, "/compare/export", form)
	if res.StatusCode != http.StatusOK || !strings.Contains(body, "Rewrite") {
		t.Errorf("export form: status %d, %.200s", res.StatusCode, body)
	}
	form.Set("format", "pdf")
	if res, _ := doForm(t, s, "/compare/export", form); res.StatusCode != http.StatusBadRequest {
		t.Errorf("format pdf: status %d, want 400", res.StatusCode)
	}
	form.Set("report", "{not json")
	form.Set("format", "json")
	if res, _ := doForm(t, s, "/compare/export", form); res.StatusCode != http.StatusBadRequest {
		t.Errorf("a broken report: status %d, want 400", res.StatusCode)
	}
}

func doForm(t *testing.T, s http.Handler, path string, form url.Values) (*http.Response, string) {
	t.Helper()
	return do(t, s, "POST", path, form.Encode(), "Content-Type", "application/x-www-form-urlencoded")
}

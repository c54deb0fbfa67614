package server

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"log"
	"net/http"

	"github.com/wiretrace/wiretrace/cluster"
	"github.com/wiretrace/wiretrace/report"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// pageTemplates holds one template set per UI page: the shared layout and
// partials, plus the page's own blocks.
var pageTemplates = func() map[string]*template.Template {
	funcs := template.FuncMap{
		"pct":         report.Percent,
		"when":        report.When,
		"as":          relationPhrase,
		"byIndexText": func() string { return report.ByIndexText },
		"bytes":       humanBytes,
		"deref":       func(b *bool) bool { return b != nil && *b },
		"int64":       func(n int) int64 { return int64(n) },
	}
	base := template.Must(report.AddTo(template.Must(template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html"))))
	pages := map[string]*template.Template{}
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		panic(err) // the pattern is a constant; a bad one is a bug
	}
	for _, name := range names {
		if name == "templates/layout.html" {
			continue
		}
		t := template.Must(template.Must(base.Clone()).ParseFS(templateFS, name))
		pages[name[len("templates/"):len(name)-len(".html")]] = t
	}
	return pages
}()

// page is the data every UI template receives. Only the fields of the page
// being rendered are set.
type page struct {
	Nav     string // which navigation entry is current
	Query   string // the search box's text
	MaxBody int64

	HasIndex bool
	Count    int64
	Families []docSummary
	Examples []exampleLink

	Report *report.View
	Export *exportView
	Trace  *traceView
	Doc    *docView
	Search *searchView
	// Stories are the story clusters the clusters page lists.
	Stories []cluster.Story

	Status     int
	StatusText string
	Message    string
}

// render writes the named page. Templates render into a buffer first, so
// that a template error becomes a clean 500 instead of half a page.
func (s *Server) render(w http.ResponseWriter, status int, name string, p *page) {
	t, ok := pageTemplates[name]
	if !ok {
		http.Error(w, "no template "+name, http.StatusInternalServerError)
		return
	}
	p.MaxBody = s.opts.MaxBody
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", p); err != nil {
		log.Printf("wiretrace: render %s: %v", name, err)
		http.Error(w, "render "+name+" failed", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = buf.WriteTo(w)
}

// uiError renders err as an error page: its own status when it is a
// requestError, 500 otherwise.
func (s *Server) uiError(w http.ResponseWriter, err error) {
	status, msg := http.StatusInternalServerError, err.Error()
	var re *requestError
	if errors.As(err, &re) {
		status, msg = re.status, re.msg
	}
	s.render(w, status, "error", &page{Status: status, StatusText: http.StatusText(status), Message: msg})
}

// staticHandler serves the embedded CSS, JS and icons. They change only with
// the binary, so clients may cache them for an hour.
func staticHandler() http.Handler {
	sub, err := fs.Sub(staticFS, "static")
	if err != nil {
		panic(err) // the directory is embedded; its absence is a bug
	}
	files := http.StripPrefix("/static/", http.FileServerFS(sub))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		// The report's stylesheet and script come from package report,
		// shared with the self-contained HTML report.
		switch r.URL.Path {
		case "/static/report.css":
			w.Header().Set("Content-Type", "text/css; charset=utf-8")
			_, _ = io.WriteString(w, report.CSS)
			return
		case "/static/report.js":
			w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
			_, _ = io.WriteString(w, report.JS)
			return
		}
		files.ServeHTTP(w, r)
	})
}

// formPage reads one page from a submitted form: the uploaded file named
// fileField when one was chosen, else the text field. text says it came
// from the text field, which the browser sends as Unicode (UTF-8) whatever
// charset the pasted page declares. It expects the body to be parsed
// already (see parseForm).
func formPage(r *http.Request, field, fileField string) (data []byte, text bool, err error) {
	if r.MultipartForm != nil {
		if fhs := r.MultipartForm.File[fileField]; len(fhs) > 0 && fhs[0].Size > 0 {
			f, err := fhs[0].Open()
			if err != nil {
				return nil, false, fmt.Errorf("open upload %s: %w", fhs[0].Filename, err)
			}
			defer f.Close()
			data, err := io.ReadAll(f)
			if err != nil {
				return nil, false, fmt.Errorf("read upload %s: %w", fhs[0].Filename, err)
			}
			return data, false, nil
		}
	}
	return []byte(r.FormValue(field)), true, nil
}

// parseForm parses a UI form post (multipart or urlencoded) within the body
// limit. Uploads are held in memory up to the limit, so nothing reaches the
// disk.
func (s *Server) parseForm(w http.ResponseWriter, r *http.Request) error {
	if r.ContentLength > s.opts.MaxBody {
		return tooLarge(s.opts.MaxBody)
	}
	r.Body = http.MaxBytesReader(w, r.Body, s.opts.MaxBody)
	err := r.ParseMultipartForm(s.opts.MaxBody)
	if errors.Is(err, http.ErrNotMultipart) {
		err = r.ParseForm()
	}
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return tooLarge(s.opts.MaxBody)
		}
		return badRequest("read form: %v", err)
	}
	return nil
}

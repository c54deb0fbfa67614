package eval

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/wiretrace/wiretrace/extract"
)

// WCXBSet is the development split of the WCXB benchmark, article pages:
// real pages from hundreds of sites with their title, author, publication
// date and article text.
//
// On disk (../shared/eval/wcxb-dev) it is html/<id>.html.gz and
// ground-truth.json ({"<id>": {"url", "title", "author", "publish_date",
// "main_content"}}).
type WCXBSet struct {
	Dir   string
	Pages []WCXBPage // sorted by ID
}

// WCXBPage is one page of the set with its truth. Author and Date are
// empty when the truth has none.
type WCXBPage struct {
	ID     string
	URL    string
	Title  string
	Author string
	Date   string
	Body   string
}

// Part is the half of the set the page falls in (PartOf its id).
func (p WCXBPage) Part() Part { return PartOf(p.ID) }

// LoadWCXB reads the set's ground truth from dir.
func LoadWCXB(dir string) (*WCXBSet, error) {
	path := filepath.Join(dir, "ground-truth.json")
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load wcxb: %w", err)
	}
	var raw map[string]struct {
		URL         string  `json:"url"`
		Title       *string `json:"title"`
		Author      *string `json:"author"`
		PublishDate *string `json:"publish_date"`
		MainContent *string `json:"main_content"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("load wcxb: parse %s: %w", path, err)
	}
	if len(raw) == 0 {
		return nil, fmt.Errorf("load wcxb: %s has no pages", path)
	}
	str := func(s *string) string {
		if s == nil {
			return ""
		}
		return *s
	}
	s := &WCXBSet{Dir: dir}
	for id, it := range raw {
		s.Pages = append(s.Pages, WCXBPage{
			ID: id, URL: it.URL, Title: str(it.Title), Author: str(it.Author),
			Date: str(it.PublishDate), Body: str(it.MainContent),
		})
	}
	sort.Slice(s.Pages, func(i, j int) bool { return s.Pages[i].ID < s.Pages[j].ID })
	return s, nil
}

// HTML returns the page's bytes, decompressed.
func (s *WCXBSet) HTML(id string) ([]byte, error) {
	return readGzip(filepath.Join(s.Dir, "html", id+".html.gz"))
}

// WCXBPrediction is what an extractor found on one page.
type WCXBPrediction struct {
	Title  string `json:"title"`
	Author string `json:"author"`
	Date   string `json:"date"`
	Body   string `json:"-"`
}

// WCXBPageScore is how one prediction scored on one page. TitleOK,
// AuthorOK and DateOK are nil where the truth has no such field.
type WCXBPageScore struct {
	ID        string  `json:"id"`
	URL       string  `json:"url"`
	Part      Part    `json:"part"`
	F1        float64 `json:"f1"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	Empty     bool    `json:"empty"` // no body predicted where the truth has one
	TitleOK   *bool   `json:"title_ok,omitempty"`
	AuthorOK  *bool   `json:"author_ok,omitempty"`
	DateOK    *bool   `json:"date_ok,omitempty"`
	WCXBPrediction
	Truth WCXBPrediction `json:"truth"`
	// Error is why the extractor produced nothing, when it failed.
	Error string `json:"error,omitempty"`
}

// WCXBSummary holds the set's figures over a group of pages. Title, Author
// and Date are shares of the pages whose truth has that field.
type WCXBSummary struct {
	Pages       int     `json:"pages"`
	F1          float64 `json:"f1"` // macro average of the page F1s
	Precision   float64 `json:"precision"`
	Recall      float64 `json:"recall"`
	Empty       int     `json:"empty"`    // pages with an empty body where the truth has text
	BelowHalf   int     `json:"below_05"` // pages with F1 under 0.5
	Title       float64 `json:"title"`
	Author      float64 `json:"author"`
	Date        float64 `json:"date"`
	TitlePages  int     `json:"title_pages"`
	AuthorPages int     `json:"author_pages"`
	DatePages   int     `json:"date_pages"`
}

// WCXBReport is a scored run: figures over all pages and over each part,
// and every page's score in page id order.
type WCXBReport struct {
	All   WCXBSummary     `json:"all"`
	Fit   WCXBSummary     `json:"fit"`
	Check WCXBSummary     `json:"check"`
	Pages []WCXBPageScore `json:"pages"`
}

// Score compares predictions (by page id) with the truth. A page without a
// prediction scores as an empty one.
func (s *WCXBSet) Score(pred map[string]WCXBPrediction) WCXBReport {
	var r WCXBReport
	for _, p := range s.Pages {
		got := pred[p.ID]
		ps := WCXBPageScore{ID: p.ID, URL: p.URL, Part: p.Part(), WCXBPrediction: got,
			Truth: WCXBPrediction{Title: p.Title, Author: p.Author, Date: p.Date}}
		ps.Precision, ps.Recall, ps.F1 = WCXBBody(p.Body, got.Body)
		ps.Empty = len(wcxbWords(got.Body)) == 0 && len(wcxbWords(p.Body)) > 0
		if strings.TrimSpace(p.Title) != "" {
			ok := WCXBTitle(p.Title, got.Title)
			ps.TitleOK = &ok
		}
		if strings.TrimSpace(p.Author) != "" {
			ok := WCXBAuthor(p.Author, got.Author)
			ps.AuthorOK = &ok
		}
		if strings.TrimSpace(p.Date) != "" {
			ok := WCXBDate(p.Date, got.Date)
			ps.DateOK = &ok
		}
		r.Pages = append(r.Pages, ps)
	}
	r.All = summarizeWCXB(r.Pages, "")
	r.Fit = summarizeWCXB(r.Pages, Fit)
	r.Check = summarizeWCXB(r.Pages, Check)
	return r
}

// summarizeWCXB averages the scores of the pages in part ("" for all).
func summarizeWCXB(pages []WCXBPageScore, part Part) WCXBSummary {
	var s WCXBSummary
	var title, author, date int
	for _, p := range pages {
		if part != "" && p.Part != part {
			continue
		}
		s.Pages++
		s.F1 += p.F1
		s.Precision += p.Precision
		s.Recall += p.Recall
		if p.Empty {
			s.Empty++
		}
		if p.F1 < 0.5 {
			s.BelowHalf++
		}
		count := func(ok *bool, n, right *int) {
			if ok != nil {
				*n++
				if *ok {
					*right++
				}
			}
		}
		count(p.TitleOK, &s.TitlePages, &title)
		count(p.AuthorOK, &s.AuthorPages, &author)
		count(p.DateOK, &s.DatePages, &date)
	}
	div := func(a, b int) float64 {
		if b == 0 {
			return 0
		}
		return float64(a) / float64(b)
	}
	if s.Pages > 0 {
		n := float64(s.Pages)
		s.F1, s.Precision, s.Recall = s.F1/n, s.Precision/n, s.Recall/n
	}
	s.Title, s.Author, s.Date = div(title, s.TitlePages), div(author, s.AuthorPages), div(date, s.DatePages)
	return s
}

// ExtractAll runs wiretrace's extractor on every page (given its URL). The
// body is the paragraphs joined by blank lines; a page that fails to
// extract predicts nothing, and its error is returned by page id.
func (s *WCXBSet) ExtractAll() (pred map[string]WCXBPrediction, failed map[string]error, err error) {
	pred = make(map[string]WCXBPrediction, len(s.Pages))
	failed = map[string]error{}
	for _, p := range s.Pages {
		data, err := s.HTML(p.ID)
		if err != nil {
			return nil, nil, fmt.Errorf("extract wcxb page %s: %w", p.ID, err)
		}
		a, err := extract.Page(data, extract.Options{URL: p.URL})
		if err != nil {
			failed[p.ID] = err
			continue
		}
		pred[p.ID] = WCXBPrediction{Title: a.Title, Author: a.Byline, Date: a.Published, Body: a.Text()}
	}
	return pred, failed, nil
}

// ScoreWiretrace extracts every page with wiretrace and scores the result.
func (s *WCXBSet) ScoreWiretrace() (WCXBReport, error) {
	pred, failed, err := s.ExtractAll()
	if err != nil {
		return WCXBReport{}, err
	}
	r := s.Score(pred)
	for i := range r.Pages {
		if e := failed[r.Pages[i].ID]; e != nil {
			r.Pages[i].Error = e.Error()
		}
	}
	return r, nil
}

package server

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/wiretrace/wiretrace/cluster"
	"github.com/wiretrace/wiretrace/examples"
	"github.com/wiretrace/wiretrace/index"
	"github.com/wiretrace/wiretrace/internal/redistest"
	"github.com/wiretrace/wiretrace/store/pebble"
	"github.com/wiretrace/wiretrace/store/redis"
	"github.com/wiretrace/wiretrace/trace"
)

// demoIndex opens a real Pebble store in a temporary directory and loads
// the bundled examples into it.
func demoIndex(t testing.TB) *index.Index {
	t.Helper()
	st, err := pebble.Open(t.TempDir(), pebble.Options{CacheSize: 8 << 20, MemTableSize: 4 << 20})
	if err != nil {
		t.Fatalf("open pebble store: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	ix := index.New(st)
	n, err := LoadExamples(context.Background(), ix)
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Fatal("no examples loaded")
	}
	return ix
}

// examplePage returns a bundled example page by its path.
func examplePage(t testing.TB, path string) string {
	t.Helper()
	fams, err := examples.Families()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fams {
		for _, file := range f.Files {
			if file.Path == path {
				b, err := file.Read()
				if err != nil {
					t.Fatal(err)
				}
				return string(b)
			}
		}
	}
	t.Fatalf("no example %s", path)
	return ""
}

func decode[T any](t *testing.T, body string) T {
	t.Helper()
	var v T
	if err := json.Unmarshal([]byte(body), &v); err != nil {
		t.Fatalf("decode %s: %v", body, err)
	}
	return v
}

func TestCompareAPI(t *testing.T) {
	s := New(Options{})
	orig := examplePage(t, "rate-decision/original.html")
	rewrite := examplePage(t, "rate-decision/rewrite.html")
	res, body := do(t, s, "POST", "/v1/compare", `{"a":`+jsonString(orig)+`,"b":`+jsonString(rewrite)+`}`)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", res.StatusCode, body)
	}
	rep := decode[trace.Report](t, body)
	if rep.Relation != "rewrite" || rep.Source != "a" {
		t.Errorf("relation %q source %q, want rewrite a", rep.Relation, rep.Source)
	}
	if len(rep.Pairs) == 0 || len(rep.Drifts) == 0 || len(rep.A.Sentences) == 0 {
		t.Errorf("report has %d pairs, %d drifts, %d sentences of a", len(rep.Pairs), len(rep.Drifts), len(rep.A.Sentences))
	}
	for _, tc := range []struct{ name, body string }{
		{"missing b", `{"a":` + jsonString(orig) + `}`},
		{"malformed", `{"a": 1}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, body := do(t, s, "POST", "/v1/compare", tc.body)
			wantError(t, res, body, http.StatusBadRequest)
		})
	}
}

func TestDocumentsAPI(t *testing.T) {
	documentsFlow(t, demoIndex(t))
}

// TestDocumentsAPIRedis runs the documents flow over the Redis backend, on
// a real redis-server (skipped when it is not installed, failed under
// CI=true).
func TestDocumentsAPIRedis(t *testing.T) {
	node := redistest.Server(t)
	st, err := redis.Open(context.Background(), node.Addr, redis.Options{NoReplicaWait: true})
	if err != nil {
		t.Fatalf("open redis store: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	ix := index.New(st)
	if _, err := LoadExamples(context.Background(), ix); err != nil {
		t.Fatal(err)
	}
	documentsFlow(t, ix)
}

// documentsFlow adds, reads, searches and deletes a document through the
// API, with a token guarding the writes.
func documentsFlow(t *testing.T, ix *index.Index) {
	const token = "s3cret"
	s := New(Options{Index: ix, Token: token})
	auth := []string{"Authorization", "Bearer " + token}
	page := `{"page":` + jsonString(simplePage) + `,"url":"https://courier.invalid/cranes","published":"2026-03-04"}`

	res, body := do(t, s, "POST", "/v1/documents", page)
	wantError(t, res, body, http.StatusUnauthorized)
	res, body = do(t, s, "POST", "/v1/documents", page, "Authorization", "Bearer wrong")
	wantError(t, res, body, http.StatusUnauthorized)
	res, body = do(t, s, "POST", "/v1/documents", page, "Authorization", "Basic "+token)
	wantError(t, res, body, http.StatusUnauthorized)
	res, body = do(t, s, "POST", "/v1/documents", page, "Authorization", token)
	wantError(t, res, body, http.StatusUnauthorized)

	// The scheme is case-insensitive.
	res, body = do(t, s, "POST", "/v1/documents", page, "Authorization", "bearer "+token)
	if res.StatusCode != http.StatusCreated {
		t.Fatalf("first post: status %d: %s", res.StatusCode, body)
	}
	id := decode[documentResponse](t, body).ID
	if id == "" || res.Header.Get("Location") != "/v1/documents/"+id {
		t.Fatalf("id %q, Location %q", id, res.Header.Get("Location"))
	}
	res, body = do(t, s, "POST", "/v1/documents", page, auth...)
	if res.StatusCode != http.StatusOK || decode[documentResponse](t, body).ID != id {
		t.Fatalf("second post: status %d: %s", res.StatusCode, body)
	}

	res, body = do(t, s, "GET", "/v1/documents/"+id, "")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("get: status %d: %s", res.StatusCode, body)
	}
	got := decode[documentResponse](t, body)
	if got.Article == nil || got.Article.URL != "https://courier.invalid/cranes" || got.Article.Published != "2026-03-04" || got.Meta["source"] != "api" {
		t.Errorf("get returned %+v", got)
	}
	// The document's story is stored with it: a server started again over
	// the same index lists it in that story's cluster.
	story := got.Meta[cluster.MetaStory]
	res, body = do(t, New(Options{Index: ix}), "GET", "/v1/clusters?min_size=1&limit=500", "")
	listed := decode[struct {
		Clusters []cluster.Story `json:"clusters"`
	}](t, body)
	if !slices.ContainsFunc(listed.Clusters, func(c cluster.Story) bool {
		return c.ID == story && slices.ContainsFunc(c.Members, func(m cluster.Member) bool { return m.ID == id })
	}) {
		t.Errorf("story %q stored with %s, not listed after a restart (status %d)", story, id, res.StatusCode)
	}

	res, body = do(t, s, "GET", "/v1/search?q=port+avery+cranes", "")
	if res.StatusCode != http.StatusOK || !strings.Contains(body, id) {
		t.Errorf("search did not find the new document: %d %s", res.StatusCode, body)
	}

	res, body = do(t, s, "DELETE", "/v1/documents/"+id, "")
	wantError(t, res, body, http.StatusUnauthorized)
	res, body = do(t, s, "DELETE", "/v1/documents/"+id, "", auth...)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("delete: status %d: %s", res.StatusCode, body)
	}
	res, body = do(t, s, "GET", "/v1/documents/"+id, "")
	wantError(t, res, body, http.StatusNotFound)
	res, body = do(t, s, "DELETE", "/v1/documents/"+id, "", auth...)
	wantError(t, res, body, http.StatusNotFound)

	res, body = do(t, s, "POST", "/v1/documents", `{"page":`+jsonString(simplePage)+`,"published":"last tuesday"}`, auth...)
	wantError(t, res, body, http.StatusBadRequest)
}

func TestTraceAPI(t *testing.T) {
	s := New(Options{Index: demoIndex(t)})
	res, body := do(t, s, "POST", "/v1/trace", `{"page":`+jsonString(examplePage(t, "wildfire/rewrite.html"))+`}`)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", res.StatusCode, body)
	}
	var tr struct {
		Document struct {
			Indexed bool `json:"indexed"`
		} `json:"document"`
		Matches []struct {
			ID       string       `json:"id"`
			URL      string       `json:"url"`
			Relation string       `json:"relation"`
			Original string       `json:"original"`
			Report   trace.Report `json:"report"`
		} `json:"matches"`
	}
	if err := json.Unmarshal([]byte(body), &tr); err != nil {
		t.Fatal(err)
	}
	if !tr.Document.Indexed {
		t.Errorf("the rewrite is in the demo index, yet document.indexed is false")
	}
	if len(tr.Matches) == 0 || tr.Matches[0].Original != "match" {
		t.Fatalf("first match %+v, want the original of the rewrite", tr.Matches)
	}
	if len(tr.Matches[0].Report.Drifts) == 0 {
		t.Errorf("the rewrite's planted drifts were not reported")
	}
}

func TestFamilyAPI(t *testing.T) {
	ix := demoIndex(t)
	s := New(Options{Index: ix})
	fams, err := examples.Families()
	if err != nil {
		t.Fatal(err)
	}
	for _, fam := range fams {
		t.Run(fam.Name, func(t *testing.T) {
			ids := map[string]string{} // role → id
			for _, f := range fam.Files {
				data, err := f.Read()
				if err != nil {
					t.Fatal(err)
				}
				res, body := do(t, s, "POST", "/v1/trace", `{"page":`+jsonString(string(data))+`}`)
				if res.StatusCode != http.StatusOK {
					t.Fatalf("trace %s: %d %s", f.Path, res.StatusCode, body)
				}
				var tr struct {
					Document struct{ ID string } `json:"document"`
				}
				_ = json.Unmarshal([]byte(body), &tr)
				ids[f.Role] = tr.Document.ID
			}
			// Ask from a derived member: the family must lead back to the
			// original and hold every derived page.
			res, body := do(t, s, "GET", "/v1/documents/"+ids["rewrite"]+"/family", "")
			if res.StatusCode != http.StatusOK {
				t.Fatalf("family: %d %s", res.StatusCode, body)
			}
			f := decode[cluster.Family](t, body)
			if f.Original != ids["original"] {
				t.Errorf("original = %s, want %s (the original page)", f.Original, ids["original"])
			}
			in := map[string]string{}
			for _, m := range f.Members {
				in[m.ID] = m.Role
			}
			for _, role := range []string{"original", "verbatim", "edited", "rewrite"} {
				if _, ok := in[ids[role]]; !ok {
					t.Errorf("family lacks the %s page %s; members %+v", role, ids[role], f.Members)
				}
			}
			if _, ok := in[ids["unrelated"]]; ok {
				t.Errorf("family holds the unrelated page")
			}
			if len(f.Members) > 0 && f.Members[0].Role != "original" {
				t.Logf("first member by date is %+v", f.Members[0])
			}
		})
	}
	res, body := do(t, s, "GET", "/v1/documents/ffffffffffffffff/family", "")
	wantError(t, res, body, http.StatusNotFound)
}

func TestNoIndex(t *testing.T) {
	s := New(Options{})
	res, body := do(t, s, "POST", "/v1/trace", `{"page":`+jsonString(simplePage)+`}`)
	wantError(t, res, body, http.StatusServiceUnavailable)
	res, body = do(t, s, "GET", "/v1/search?q=x", "")
	wantError(t, res, body, http.StatusServiceUnavailable)
}

func TestSearchAPI(t *testing.T) {
	s := New(Options{Index: demoIndex(t)})
	for _, scan := range []int64{index.ScanLimit, -1} {
		s.scanLimit = scan
		t.Run(fmt.Sprintf("scan limit %d", scan), func(t *testing.T) {
			// A rare name is found either way: by reading every article,
			// or through the index's term postings.
			res, body := do(t, s, "GET", "/v1/search?q=Halvorsen", "")
			if res.StatusCode != http.StatusOK {
				t.Fatalf("status %d: %s", res.StatusCode, body)
			}
			var sr struct {
				Results []index.SearchResult `json:"results"`
			}
			if err := json.Unmarshal([]byte(body), &sr); err != nil {
				t.Fatal(err)
			}
			if len(sr.Results) < 3 {
				t.Errorf("%d results for a name every wildfire page quotes", len(sr.Results))
			}
			for _, r := range sr.Results {
				if !strings.Contains(strings.ToLower(r.Snippet), "halvorsen") {
					t.Errorf("snippet %q lacks the query", r.Snippet)
				}
			}
		})
	}
	for _, tc := range []struct{ query, want string }{
		{"", "empty"},
		{"x&limit=0", "limit"},
		{"x&limit=many", "limit"},
	} {
		res, body := do(t, s, "GET", "/v1/search?q="+tc.query, "")
		wantError(t, res, body, http.StatusBadRequest)
		if !strings.Contains(body, tc.want) {
			t.Errorf("q=%s: error %s does not mention %q", tc.query, body, tc.want)
		}
	}
	// Every word must match: a word no article holds empties the results.
	_, body := do(t, s, "GET", "/v1/search?q=Halvorsen+zyzzyva", "")
	if !strings.Contains(body, `"results": []`) {
		t.Errorf("a query word no article holds still matched: %s", body)
	}
}

package server

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/wiretrace/wiretrace/examples"
)

// BenchmarkTraceAPI measures POST /v1/trace over the demo corpus in
// process, round-robin over the example pages: what `wiretrace bench serve`
// drives over loopback, without the network.
func BenchmarkTraceAPI(b *testing.B) {
	s := New(Options{Index: demoIndex(b)})
	fams, err := examples.Families()
	if err != nil {
		b.Fatal(err)
	}
	var bodies []string
	for _, f := range fams {
		for _, file := range f.Files {
			data, err := file.Read()
			if err != nil {
				b.Fatal(err)
			}
			bodies = append(bodies, `{"page":`+jsonString(string(data))+`}`)
		}
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		req := httptest.NewRequest("POST", "/v1/trace", strings.NewReader(bodies[i%len(bodies)]))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("status %d: %s", rec.Code, rec.Body)
		}
		i++
	}
}

// BenchmarkSearch measures GET /v1/search over the demo corpus, which a
// search reads in full (below scanLimit): divide by the corpus size for
// the cost per stored article that sets scanLimit.
func BenchmarkSearch(b *testing.B) {
	ix := demoIndex(b)
	s := New(Options{Index: ix})
	n, err := ix.Count(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		req := httptest.NewRequest("GET", "/v1/search?q=fire+evacuation", nil)
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("status %d: %s", rec.Code, rec.Body)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/doc")
}

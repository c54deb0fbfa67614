package server

import (
	"net/http"
	"strings"
	"testing"

	"github.com/wiretrace/wiretrace/cluster"
)

// TestClustersAPI checks that the demo's story families come back as
// clusters, each led by its original, and that the page lists them.
func TestClustersAPI(t *testing.T) {
	s := New(Options{Index: demoIndex(t)})
	res, body := do(t, s, "GET", "/v1/clusters", "")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", res.StatusCode, body)
	}
	got := decode[struct {
		Clusters []cluster.Story `json:"clusters"`
	}](t, body)
	if len(got.Clusters) < 4 {
		t.Fatalf("%d clusters, want the four example families", len(got.Clusters))
	}
	orig := exampleID(t, "wildfire/original.html")
	found := false
	for _, c := range got.Clusters {
		if c.Original == orig {
			found = true
			if c.Size < 3 || c.Members[0].ID != orig || c.Members[0].Role != "original" || c.Relations["duplicate"] == 0 {
				t.Errorf("wildfire cluster: %+v", c)
			}
		}
	}
	if !found {
		t.Errorf("no cluster led by the wildfire original %s", orig)
	}
	for _, q := range []string{"limit=0", "min_size=x"} {
		res, body := do(t, s, "GET", "/v1/clusters?"+q, "")
		wantError(t, res, body, http.StatusBadRequest)
	}
	res, page := do(t, s, "GET", "/clusters", "")
	if res.StatusCode != http.StatusOK || !strings.Contains(page, `class="card story"`) || !strings.Contains(page, "/documents/"+orig) {
		t.Errorf("clusters page: status %d, %.300s", res.StatusCode, page)
	}
	res, body = do(t, New(Options{}), "GET", "/v1/clusters", "")
	wantError(t, res, body, http.StatusServiceUnavailable)
}

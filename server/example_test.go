package server_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/wiretrace/wiretrace/server"
)

// The server is an http.Handler: here it extracts an article from a page
// posted to the JSON API.
func ExampleNew() {
	srv := httptest.NewServer(server.New(server.Options{}))
	defer srv.Close()

	page := `<html><body><article><h1>Ferry service resumes</h1>
<p>The Port Avery ferry ran again on Monday after a week of repairs, the operator said.</p>
</article></body></html>`
	body, _ := json.Marshal(map[string]string{"page": page})
	res, err := http.Post(srv.URL+"/v1/extract", "application/json", strings.NewReader(string(body)))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer res.Body.Close()
	var a struct {
		Paragraphs []string `json:"paragraphs"`
	}
	if err := json.NewDecoder(res.Body).Decode(&a); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(res.StatusCode, res.Header.Get("Content-Type"))
	fmt.Println(a.Paragraphs[0])
	// Output:
	// 200 application/json; charset=utf-8
	// The Port Avery ferry ran again on Monday after a week of repairs, the operator said.
}

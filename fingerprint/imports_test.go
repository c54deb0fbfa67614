package fingerprint

import (
	"os/exec"
	"strings"
	"testing"
)

// TestPure holds the rule that fingerprint is pure, values in and values
// out: it imports neither os nor net itself (fmt, below it, does), and
// nothing it depends on, directly or not, is a network client, a store or
// an I/O package of wiretrace.
func TestPure(t *testing.T) {
	list := func(format string) []string {
		out, err := exec.Command("go", "list", "-f", format, ".").Output()
		if err != nil {
			t.Skipf("go list unavailable: %v", err)
		}
		return strings.Fields(strings.Trim(strings.TrimSpace(string(out)), "[]"))
	}
	for _, imp := range list("{{.Imports}}") {
		if imp == "os" || imp == "os/exec" || imp == "net" || strings.HasPrefix(imp, "net/") {
			t.Errorf("fingerprint imports %s", imp)
		}
	}
	deps := list("{{.Deps}}")
	for _, d := range deps {
		if d == "net" || d == "net/http" {
			t.Errorf("fingerprint depends on %s", d)
		}
		for _, io := range []string{"store", "index", "source", "server", "trace"} {
			if d == "github.com/wiretrace/wiretrace/"+io || strings.HasPrefix(d, "github.com/wiretrace/wiretrace/"+io+"/") {
				t.Errorf("fingerprint depends on %s", d)
			}
		}
	}
	if len(deps) < 5 {
		t.Fatalf("go list listed only %v", deps)
	}
}

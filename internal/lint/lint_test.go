// Package lint holds tests that check the shape of the code base itself.
package lint

import (
	"encoding/json"
	"os/exec"
	"strings"
	"testing"
)

// core lists the pure packages: they take values and return values, and
// never touch files, the network, a store or the server (DESIGN.md).
var core = []string{"article", "extract", "textproc", "fingerprint", "align", "drift"}

const module = "github.com/wiretrace/wiretrace/"

// forbiddenDirect are imports a core package may not name itself. (Their
// transitive presence is unavoidable: fmt imports os.)
var forbiddenDirect = []string{"os", "os/exec", "io/ioutil", "net", "net/http", "syscall"}

// forbiddenDeps are packages a core package may not depend on at all.
var forbiddenDeps = []string{"net", "net/http", module + "store", module + "index", module + "server", module + "source", module + "trace"}

type pkg struct {
	ImportPath string
	Imports    []string
	Deps       []string
}

func TestCoreStaysPure(t *testing.T) {
	args := []string{"list", "-json=ImportPath,Imports,Deps"}
	for _, c := range core {
		args = append(args, module+c)
	}
	out, err := exec.Command("go", args...).Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	seen := 0
	for dec.More() {
		var p pkg
		if err := dec.Decode(&p); err != nil {
			t.Fatalf("decode go list output: %v", err)
		}
		seen++
		for _, imp := range p.Imports {
			for _, bad := range forbiddenDirect {
				if imp == bad {
					t.Errorf("%s imports %s: core packages do no I/O", p.ImportPath, imp)
				}
			}
		}
		for _, dep := range p.Deps {
			for _, bad := range forbiddenDeps {
				if dep == bad || strings.HasPrefix(dep, bad+"/") {
					t.Errorf("%s depends on %s: core packages do no I/O", p.ImportPath, dep)
				}
			}
		}
	}
	if seen != len(core) {
		t.Fatalf("go list described %d packages, want %d", seen, len(core))
	}
}

package lint

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The layering rule lives in README.md's package table (section
// "Layout"), the copy of DESIGN.md's table that a clone of the repository
// carries: the lint must run without ../shared, and the table is the
// documentation people read, so the test keeps the two true together.
const readme = "../../README.md"

// edges are the I/O packages that a package may import only when its own
// row names them, not through another row: the store backends and the
// input readers.
var edges = []string{"store", "source"}

// layerRow is one row of the table: the project packages a package may
// import (all of them when all is set).
type layerRow struct {
	imports []string
	all     bool
}

// readLayers parses the package table of README.md.
func readLayers(t *testing.T) map[string]layerRow {
	t.Helper()
	f, err := os.Open(readme)
	if err != nil {
		t.Fatalf("open the package table: %v", err)
	}
	defer f.Close()
	rows := map[string]layerRow{}
	inLayout := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "## ") {
			inLayout = line == "## Layout"
			continue
		}
		if !inLayout || !strings.HasPrefix(line, "| `") {
			continue
		}
		cells := strings.Split(strings.Trim(line, "|"), "|")
		if len(cells) != 3 {
			t.Fatalf("package table row %q: want three cells", line)
		}
		imports := strings.TrimSpace(cells[2])
		var row layerRow
		switch {
		case imports == "all":
			row.all = true
		case imports == "—":
		default:
			for _, imp := range strings.Split(imports, ",") {
				row.imports = append(row.imports, strings.Trim(strings.TrimSpace(imp), "`"))
			}
		}
		for _, name := range strings.Split(cells[0], ",") {
			rows[strings.Trim(strings.TrimSpace(name), "`")] = row
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(rows) < 10 {
		t.Fatalf("found %d rows in README.md's package table; has the section moved?", len(rows))
	}
	return rows
}

// rowOf returns the table row that governs pkg: its own, or that of the
// nearest parent (store/pebble is under store).
func rowOf(rows map[string]layerRow, pkg string) (string, bool) {
	for p := pkg; p != "." && p != ""; p = filepath.Dir(p) {
		if _, ok := rows[p]; ok {
			return p, true
		}
	}
	return "", false
}

// allowed returns the packages the row name may import: its row's and,
// through them, theirs, except edges reached only through another row.
func allowed(rows map[string]layerRow, name string) map[string]bool {
	out := map[string]bool{name: true}
	var walk func(r string, direct bool)
	walk = func(r string, direct bool) {
		for _, imp := range rows[r].imports {
			if out[imp] || (!direct && slices.Contains(edges, imp)) {
				continue
			}
			out[imp] = true
			walk(imp, false)
		}
	}
	walk(name, true)
	return out
}

// TestLayers checks every package's project imports against the table,
// and that the table names no package that does not exist.
func TestLayers(t *testing.T) {
	rows := readLayers(t)
	out, err := exec.Command("go", "list", "-f", "{{.ImportPath}}|{{join .Imports \" \"}}", module+"...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	used := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		path, imports, _ := strings.Cut(line, "|")
		pkg := strings.TrimPrefix(path, module)
		name, ok := rowOf(rows, pkg)
		if !ok {
			t.Errorf("%s has no row in README.md's package table: add one (what it owns, what it imports)", pkg)
			continue
		}
		used[name] = true
		if rows[name].all {
			continue
		}
		ok2 := allowed(rows, name)
		for _, imp := range strings.Fields(imports) {
			if !strings.HasPrefix(imp, module) {
				continue
			}
			dep := strings.TrimPrefix(imp, module)
			depRow, _ := rowOf(rows, dep)
			if !ok2[depRow] && !strings.HasPrefix(dep, pkg+"/") {
				t.Errorf("%s imports %s, which its row (%s) does not allow", pkg, dep, name)
			}
		}
	}
	for name := range rows {
		if !used[name] {
			t.Errorf("README.md's package table has a row for %s, which does not exist", name)
		}
	}
}

// TestAllowed pins the rule on the case it exists for: the server reaches
// the store only through the index.
func TestAllowed(t *testing.T) {
	rows := map[string]layerRow{
		"server": {imports: []string{"index", "ingest"}},
		"index":  {imports: []string{"store", "fingerprint"}},
		"ingest": {imports: []string{"source", "index"}},
		"store":  {imports: []string{"article"}},
	}
	got := allowed(rows, "server")
	for _, want := range []string{"index", "ingest", "fingerprint"} {
		if !got[want] {
			t.Errorf("server may not import %s", want)
		}
	}
	for _, bad := range []string{"store", "source", "article"} {
		if got[bad] {
			t.Errorf("server may import %s", bad)
		}
	}
}

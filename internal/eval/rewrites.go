package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// RewritesFile is the pairs file inside the llm-rewrites/ folder of the
// shared eval data.
const RewritesFile = "pairs.jsonl"

// RewritePair is one (original, LLM rewrite) pair of the llm-rewrites set:
// a real news article and GPT-3.5's rewrite of it.
type RewritePair struct {
	ID     string `json:"id"`
	Corpus string `json:"corpus"` // llmfake | f3
	News   string `json:"news"`   // gossipcop | coaid
	OrigID string `json:"orig_id"`
	Kind   string `json:"kind"` // paraphrase, rewrite, open_ended, f3_paraphrase_*, f3_perturb_*
	// Manipulated is true when the model was told to change facts, false
	// when told to keep them, nil for open_ended continuations.
	Manipulated *bool  `json:"manipulated"`
	Lowercased  bool   `json:"original_lowercased"`
	Original    string `json:"original"`
	Rewrite     string `json:"rewrite"`
}

// Part is the development-set part of the pair, decided by its original so
// that every rewrite of one article falls on the same side.
func (p RewritePair) Part() Part { return PartOf(p.OrigID) }

// Derived reports whether the rewrite should be judged derived from the
// original: every kind but the open-ended continuations.
func (p RewritePair) Derived() bool { return p.Kind != "open_ended" }

// LoadRewrites reads llm-rewrites/pairs.jsonl from dir.
func LoadRewrites(dir string) ([]RewritePair, error) {
	path := filepath.Join(dir, RewritesFile)
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("load llm rewrites: %w", err)
	}
	defer f.Close()
	var pairs []RewritePair
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	line := 0
	for sc.Scan() {
		line++
		if len(sc.Bytes()) == 0 {
			continue
		}
		var p RewritePair
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			return nil, fmt.Errorf("load llm rewrites %s: line %d: %w", path, line, err)
		}
		if p.ID == "" || p.OrigID == "" || p.Kind == "" {
			return nil, fmt.Errorf("load llm rewrites %s: line %d: want id, orig_id and kind", path, line)
		}
		pairs = append(pairs, p)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("load llm rewrites %s: %w", path, err)
	}
	if len(pairs) == 0 {
		return nil, fmt.Errorf("load llm rewrites %s: no pairs", path)
	}
	return pairs, nil
}

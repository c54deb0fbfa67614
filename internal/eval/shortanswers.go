package eval

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/trace"
	"golang.org/x/text/encoding/charmap"
)

// ShortAnswerClasses are the corpus's reuse levels, from none to the most.
var ShortAnswerClasses = []string{"non", "heavy", "light", "cut"}

// ShortAnswerClass is what compare says about one class of answers.
type ShortAnswerClass struct {
	Class string `json:"class"`
	N     int    `json:"n"`
	// Derived is the share of answers compare calls derived from the
	// source (duplicate, near_duplicate, rewrite or partial).
	Derived        float64        `json:"derived"`
	SourceCoverage float64        `json:"mean_source_coverage"`
	DerivedSupport float64        `json:"mean_derived_support"`
	Similarity     float64        `json:"mean_similarity"`
	Relations      map[string]int `json:"relations"`
}

// ShortAnswersResult is the outcome of `wiretrace eval short-answers`.
type ShortAnswersResult struct {
	Data    string             `json:"data"`
	Classes []ShortAnswerClass `json:"classes"`
	// Binary scores "derived" against the truth reused (cut, light,
	// heavy) versus non.
	Accuracy  float64 `json:"accuracy"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	// OrderedByCoverage and OrderedBySupport are whether the mean source
	// coverage, and the mean derived support (the share of the answer the
	// source backs), rise strictly from non to heavy to light to cut.
	OrderedByCoverage bool `json:"ordered_by_coverage"`
	OrderedBySupport  bool `json:"ordered_by_support"`
	// PartAccuracy is Accuracy on each part of the answers (PartOf of the
	// file name; the relation's derived model trains on the fit part).
	PartAccuracy map[Part]Ratio `json:"accuracy_by_part"`
}

// EvalShortAnswers compares each answer of the Clough & Stevenson corpus
// in dir with its Wikipedia source (opts) and scores, per reuse class, the
// relations found and the mean source coverage, and how well "derived"
// separates reused answers from independent ones.
func EvalShortAnswers(ctx context.Context, dir string, opts trace.Options) (ShortAnswersResult, error) {
	res := ShortAnswersResult{Data: dir}
	answers, err := loadShortAnswers(ctx, dir)
	if err != nil {
		return res, err
	}
	byClass := map[string]*ShortAnswerClass{}
	for _, c := range ShortAnswerClasses {
		byClass[c] = &ShortAnswerClass{Class: c, Relations: map[string]int{}}
	}
	var tp, fp, fn, tn int
	res.PartAccuracy = map[Part]Ratio{}
	for _, a := range answers {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		c := byClass[a.class]
		r := trace.Compare(a.source, a.answer, opts)
		c.N++
		c.Relations[string(r.Relation)]++
		c.SourceCoverage += r.SourceCoverage
		c.DerivedSupport += r.DerivedSupport
		c.Similarity += r.Similarity
		derived := r.Relation.Derived()
		if derived {
			c.Derived++
		}
		reused := a.class != "non"
		part := res.PartAccuracy[PartOf(a.name)]
		part.N++
		if derived == reused {
			part.Hit++
		}
		res.PartAccuracy[PartOf(a.name)] = part
		switch {
		case derived && reused:
			tp++
		case derived && !reused:
			fp++
		case !derived && reused:
			fn++
		default:
			tn++
		}
	}
	prevCov, prevSup := -1.0, -1.0
	res.OrderedByCoverage, res.OrderedBySupport = true, true
	for _, name := range ShortAnswerClasses {
		c := byClass[name]
		if c.N > 0 {
			n := float64(c.N)
			c.Derived /= n
			c.SourceCoverage /= n
			c.DerivedSupport /= n
			c.Similarity /= n
		}
		if c.SourceCoverage <= prevCov {
			res.OrderedByCoverage = false
		}
		if c.DerivedSupport <= prevSup {
			res.OrderedBySupport = false
		}
		prevCov, prevSup = c.SourceCoverage, c.DerivedSupport
		res.Classes = append(res.Classes, *c)
	}
	total := tp + fp + fn + tn
	if total == 0 {
		return res, errors.New("eval short-answers: no answers listed")
	}
	res.Accuracy = float64(tp+tn) / float64(total)
	if tp+fp > 0 {
		res.Precision = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		res.Recall = float64(tp) / float64(tp+fn)
	}
	if res.Precision+res.Recall > 0 {
		res.F1 = 2 * res.Precision * res.Recall / (res.Precision + res.Recall)
	}
	return res, nil
}

// shortAnswer is one answer of the corpus with its task's source.
type shortAnswer struct {
	name, class    string
	source, answer *article.Article
}

// loadShortAnswers reads the answers listed in dir's file_information.csv
// (the sources themselves left out) with their tasks' sources.
func loadShortAnswers(ctx context.Context, dir string) ([]shortAnswer, error) {
	f, err := os.Open(filepath.Join(dir, "file_information.csv"))
	if err != nil {
		return nil, fmt.Errorf("eval short-answers: %w", err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("eval short-answers: read file_information.csv: %w", err)
	}
	if len(rows) < 2 || len(rows[0]) < 3 {
		return nil, errors.New("eval short-answers: file_information.csv has no rows")
	}
	sources := map[string]*article.Article{}
	var out []shortAnswer
	for _, row := range rows[1:] {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		name, task, class := row[0], row[1], row[2]
		if !slices.Contains(ShortAnswerClasses, class) {
			continue // the "orig" sources themselves
		}
		src := sources[task]
		if src == nil {
			src, err = readShortAnswer(filepath.Join(dir, "orig_task"+task+".txt"))
			if err != nil {
				return nil, err
			}
			sources[task] = src
		}
		ans, err := readShortAnswer(filepath.Join(dir, name))
		if err != nil {
			return nil, err
		}
		out = append(out, shortAnswer{name: name, class: class, source: src, answer: ans})
	}
	return out, nil
}

// readShortAnswer reads one corpus file as an article: UTF-8 (a BOM
// dropped), else Windows-1252 as the corpus README says; hard-wrapped lines
// joined into paragraphs at blank lines.
func readShortAnswer(path string) (*article.Article, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("eval short-answers: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, 1<<20))
	if err != nil {
		return nil, fmt.Errorf("eval short-answers: read %s: %w", path, err)
	}
	text := strings.TrimPrefix(string(data), "\ufeff")
	if !utf8.ValidString(text) {
		dec, err := charmap.Windows1252.NewDecoder().String(string(data))
		if err != nil {
			return nil, fmt.Errorf("eval short-answers: decode %s as cp1252: %w", path, err)
		}
		text = dec
	}
	text = strings.ReplaceAll(text, "\r\n", "\n")
	a := &article.Article{Title: filepath.Base(path)}
	for _, para := range strings.Split(text, "\n\n") {
		p := strings.Join(strings.Fields(para), " ")
		if p != "" {
			a.Paragraphs = append(a.Paragraphs, p)
		}
	}
	return a, nil
}

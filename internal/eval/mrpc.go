package eval

import (
	"bufio"
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/wiretrace/wiretrace/align"
	"github.com/wiretrace/wiretrace/textproc"
)

// MRPC file names inside the mrpc/ folder of the shared eval data.
const (
	MRPCTrainFile = "msr_paraphrase_train.txt"
	MRPCTestFile  = "msr_paraphrase_test.txt"
)

// MRPCPair is one sentence pair of the Microsoft Research Paraphrase Corpus.
type MRPCPair struct {
	Paraphrase bool // the human label: 1 = the two say the same thing
	ID1, ID2   string
	A, B       string
}

// LoadMRPC reads one MRPC split: UTF-8 (a BOM allowed), a header line, then
// TAB-separated "Quality, #1 ID, #2 ID, #1 String, #2 String" with no CSV
// quoting (strings contain bare '"').
func LoadMRPC(path string) ([]MRPCPair, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load mrpc: %w", err)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	var pairs []MRPCPair
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if line == 1 || text == "" {
			continue // header
		}
		f := strings.Split(text, "\t")
		if len(f) != 5 || (f[0] != "0" && f[0] != "1") {
			return nil, fmt.Errorf("load mrpc %s: line %d: want 5 TAB-separated fields with label 0 or 1", path, line)
		}
		pairs = append(pairs, MRPCPair{Paraphrase: f[0] == "1", ID1: f[1], ID2: f[2], A: f[3], B: f[4]})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("load mrpc %s: %w", path, err)
	}
	if len(pairs) == 0 {
		return nil, fmt.Errorf("load mrpc %s: no pairs", path)
	}
	return pairs, nil
}

// Binary holds the figures of a yes/no classifier against gold labels;
// precision, recall and F1 are those of the positive class.
type Binary struct {
	N         int     `json:"n"`
	Accuracy  float64 `json:"accuracy"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// ScoreBinary compares predictions with gold labels.
func ScoreBinary(pred, gold []bool) Binary {
	var tp, fp, fn, tn int
	for k := range gold {
		switch {
		case pred[k] && gold[k]:
			tp++
		case pred[k]:
			fp++
		case gold[k]:
			fn++
		default:
			tn++
		}
	}
	b := Binary{N: len(gold)}
	if b.N > 0 {
		b.Accuracy = float64(tp+tn) / float64(b.N)
	}
	if tp+fp > 0 {
		b.Precision = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		b.Recall = float64(tp) / float64(tp+fn)
	}
	if b.Precision+b.Recall > 0 {
		b.F1 = 2 * b.Precision * b.Recall / (b.Precision + b.Recall)
	}
	return b
}

// BestThreshold returns the score threshold that maximises accuracy of
// "score >= threshold" on the given labels; ties go to the lower threshold.
// It is the midpoint between two neighbouring scores.
func BestThreshold(scores []float64, gold []bool) float64 {
	idx := make([]int, len(scores))
	for k := range idx {
		idx[k] = k
	}
	sort.Slice(idx, func(a, b int) bool { return scores[idx[a]] < scores[idx[b]] })
	// Start with everything predicted positive, then move the threshold up
	// past one score at a time.
	correct := 0
	for _, g := range gold {
		if g {
			correct++
		}
	}
	best, bestT := correct, math.Inf(-1)
	for k, i := range idx {
		if gold[i] {
			correct--
		} else {
			correct++
		}
		if k+1 < len(idx) && scores[idx[k+1]] == scores[i] {
			continue
		}
		if correct > best {
			best = correct
			if k+1 < len(idx) {
				bestT = (scores[i] + scores[idx[k+1]]) / 2
			} else {
				bestT = scores[i] + 1e-9
			}
		}
	}
	return bestT
}

// MRPCFeatures computes align's lexical feature vector for each pair, the
// pair's two sentences analysed as one-sentence documents, so that the
// features are exactly those Align's default similarity sees.
func MRPCFeatures(pairs []MRPCPair, th align.Thesaurus) []align.FeatureVector {
	out := make([]align.FeatureVector, len(pairs))
	for k, p := range pairs {
		a := &textproc.Doc{Sentences: []textproc.Sentence{textproc.AnalyzeSentence(p.A)}}
		b := &textproc.Doc{Sentences: []textproc.Sentence{textproc.AnalyzeSentence(p.B)}}
		ctx := align.NewContext(a, b, th)
		out[k] = ctx.Features(&a.Sentences[0], &b.Sentences[0])
	}
	return out
}

// MRPCResult is what `wiretrace eval mrpc` reports.
type MRPCResult struct {
	Data      string  `json:"data"`
	WordNet   bool    `json:"wordnet"`
	Threshold float64 `json:"threshold"`
	Train     Binary  `json:"train"`
	Test      Binary  `json:"test"`
}

// EvalMRPC scores both splits in dir (the mrpc/ folder) with the Lexical
// similarity and weights w, choosing the decision threshold on the train
// split only, and reports both splits at that threshold.
func EvalMRPC(dir string, th align.Thesaurus, w align.Weights) (MRPCResult, error) {
	train, err := LoadMRPC(filepath.Join(dir, MRPCTrainFile))
	if err != nil {
		return MRPCResult{}, err
	}
	test, err := LoadMRPC(filepath.Join(dir, MRPCTestFile))
	if err != nil {
		return MRPCResult{}, err
	}
	trS, trY := scorePairs(train, th, w)
	t := BestThreshold(trS, trY)
	teS, teY := scorePairs(test, th, w)
	return MRPCResult{
		Data: dir, Threshold: t,
		Train: ScoreBinary(predict(trS, t), trY),
		Test:  ScoreBinary(predict(teS, t), teY),
	}, nil
}

func scorePairs(pairs []MRPCPair, th align.Thesaurus, w align.Weights) ([]float64, []bool) {
	feats := MRPCFeatures(pairs, th)
	scores := make([]float64, len(pairs))
	gold := make([]bool, len(pairs))
	for k := range pairs {
		scores[k] = w.Apply(feats[k])
		gold[k] = pairs[k].Paraphrase
	}
	return scores, gold
}

func predict(scores []float64, t float64) []bool {
	out := make([]bool, len(scores))
	for k, s := range scores {
		out[k] = s >= t
	}
	return out
}

// FitMRPC fits the weights of align's logistic model on the train split in
// dir by L2-regularised logistic regression (full-batch gradient descent,
// standardised features), and returns them in the original feature scale.
func FitMRPC(dir string, th align.Thesaurus) (align.Weights, error) {
	train, err := LoadMRPC(filepath.Join(dir, MRPCTrainFile))
	if err != nil {
		return align.Weights{}, err
	}
	X := MRPCFeatures(train, th)
	y := make([]bool, len(train))
	for k := range train {
		y[k] = train[k].Paraphrase
	}
	return FitLogistic(X, y, 1e-3, 3000), nil
}

// FitLogistic fits a logistic model to X, y with L2 penalty lambda on the
// standardised weights, by iters steps of full-batch projected gradient
// descent that holds each weight to the sign of align.FeatureSign.
func FitLogistic(X []align.FeatureVector, y []bool, lambda float64, iters int) align.Weights {
	xs := make([][]float64, len(X))
	for i := range X {
		xs[i] = X[i][:]
	}
	b, w := fitLogistic(xs, y, nil, align.FeatureSign[:], lambda, iters)
	out := align.Weights{Bias: b}
	copy(out.W[:], w)
	return out
}

// fitLogistic fits a logistic model to X, y (each example weighted by
// weight, nil for 1) with L2 penalty lambda on the standardised weights,
// by iters steps of full-batch projected gradient descent that holds
// weight k to the sign sign[k] (+1, -1, or 0 for free; sign may be
// shorter than the features). It returns the bias and weights on the raw
// features.
func fitLogistic(X [][]float64, y []bool, weight []float64, sign []int8, lambda float64, iters int) (float64, []float64) {
	if len(X) == 0 {
		return 0, nil
	}
	nf := len(X[0])
	wsum := 0.0
	wt := func(i int) float64 {
		if weight == nil {
			return 1
		}
		return weight[i]
	}
	for i := range X {
		wsum += wt(i)
	}
	mean, sd := make([]float64, nf), make([]float64, nf)
	for i, x := range X {
		for k := range x {
			mean[k] += wt(i) * x[k] / wsum
		}
	}
	for i, x := range X {
		for k := range x {
			sd[k] += wt(i) * (x[k] - mean[k]) * (x[k] - mean[k]) / wsum
		}
	}
	for k := range sd {
		sd[k] = math.Sqrt(sd[k])
		if sd[k] == 0 {
			sd[k] = 1
		}
	}
	w := make([]float64, nf)
	gw := make([]float64, nf)
	var b float64
	const rate = 0.5
	for it := 0; it < iters; it++ {
		clear(gw)
		var gb float64
		for i, x := range X {
			z := b
			for k := range x {
				z += w[k] * (x[k] - mean[k]) / sd[k]
			}
			p := 1 / (1 + math.Exp(-z))
			t := 0.0
			if y[i] {
				t = 1
			}
			d := (p - t) * wt(i)
			gb += d
			for k := range x {
				gw[k] += d * (x[k] - mean[k]) / sd[k]
			}
		}
		b -= rate * gb / wsum
		for k := range w {
			w[k] -= rate * (gw[k]/wsum + lambda*w[k])
			// Projected gradient: keep each weight on the side its
			// feature's meaning calls for.
			if k < len(sign) {
				switch s := sign[k]; {
				case s > 0 && w[k] < 0, s < 0 && w[k] > 0:
					w[k] = 0
				}
			}
		}
	}
	out := make([]float64, nf)
	for k := range w {
		out[k] = w[k] / sd[k]
		b -= w[k] * mean[k] / sd[k]
	}
	return b, out
}

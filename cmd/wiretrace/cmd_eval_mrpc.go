package main

import (
	"context"
	"fmt"

	"github.com/wiretrace/wiretrace/align"
	"github.com/wiretrace/wiretrace/internal/eval"
	"github.com/wiretrace/wiretrace/wordnet"
)

// evalMRPC runs `wiretrace eval mrpc`: it scores every sentence pair of the
// MRPC paraphrase corpus with align's sentence similarity (the one Align
// uses), picks the decision threshold on the train split, and reports
// accuracy and F1 on train and test. With --fit it instead refits the
// similarity's feature weights on the train split and prints them as Go.
func evalMRPC(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "eval mrpc", "[--json] [--data DIR] [--fit] [--wordnet]")
	asJSON := fs.Bool("json", false, "print the result as JSON")
	data := fs.String("data", defaultEvalDir(), "the shared eval folder (or its mrpc/ folder)")
	fit := fs.Bool("fit", false, "fit the similarity's weights on the train split and print them")
	useWN := fs.Bool("wordnet", false, "add WordNet's synonyms (from "+wordnet.DefaultDir+") to the built-in thesaurus; Align's default is the built-in one alone")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("eval mrpc takes no arguments, got %q", fs.Args())
	}
	dir := eval.SetDir(*data, "mrpc", eval.MRPCTrainFile)
	th := align.Thesaurus(align.Fallback)
	usingWN := false // Align's default: the built-in thesaurus alone
	if *useWN {
		wn, err := wordnet.LoadDefault()
		switch {
		case err == nil:
			th, usingWN = align.Thesauri{wn, align.Fallback}, true
		default:
			return err
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if *fit {
		w, err := eval.FitMRPC(dir, th)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "var LexicalWeights = Weights{\n\tBias: %.4f,\n\tW:    [NumFeatures]float64{", w.Bias)
		for k, x := range w.W {
			if k > 0 {
				fmt.Fprint(e.stdout, ", ")
			}
			fmt.Fprintf(e.stdout, "%.4f", x)
		}
		fmt.Fprintln(e.stdout, "},\n}")
		return nil
	}
	r, err := eval.EvalMRPC(dir, th, align.LexicalWeights)
	if err != nil {
		return err
	}
	r.WordNet = usingWN
	if *asJSON {
		return writeJSON(e.stdout, r)
	}
	fmt.Fprintf(e.stdout, "MRPC paraphrase pairs from %s (WordNet: %v)\n", r.Data, r.WordNet)
	fmt.Fprintf(e.stdout, "threshold %.4f chosen on train\n", r.Threshold)
	fmt.Fprintf(e.stdout, "train  %4d pairs  accuracy %.4f  F1 %.4f  (precision %.4f, recall %.4f)\n",
		r.Train.N, r.Train.Accuracy, r.Train.F1, r.Train.Precision, r.Train.Recall)
	fmt.Fprintf(e.stdout, "test   %4d pairs  accuracy %.4f  F1 %.4f  (precision %.4f, recall %.4f)\n",
		r.Test.N, r.Test.Accuracy, r.Test.F1, r.Test.Precision, r.Test.Recall)
	return nil
}

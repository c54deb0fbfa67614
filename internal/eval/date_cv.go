package eval

import (
	"context"
	"fmt"
	"io"
	"strconv"

	"github.com/cespare/xxhash/v2"
	"github.com/wiretrace/wiretrace/extract"
)

// A date or title feature or candidate source is judged on the fit part
// alone by cross-validating the chooser there: the chooser is refitted on
// four fifths of the fit part's pages and scored on the fifth it did not
// see, for each fifth, over a few shufflings of the pages into fifths.
// The check part is then a confirmation, not the place where a change is
// chosen.

// cvFolds and cvRepeats are how the fit part is cut for cross-validation:
// five folds, three shufflings (one shuffling moves by a page or two
// from the next; three make a change of one page in 410 visible).
const (
	cvFolds   = 5
	cvRepeats = 3
)

// ChooserFigures are a chooser's figures on the WCXB set: pages whose
// chosen candidate the truth accepts, among the pages the field is
// measured on.
type ChooserFigures struct {
	// FitCV is the chooser cross-validated on the fit part, every page
	// counted once per shuffling.
	FitCV Ratio `json:"fit_cv"`
	// Fit and Check are the chooser fitted on the whole fit part.
	Fit   Ratio `json:"fit"`
	Check Ratio `json:"check"`
	// FitOrdered is the fixed rules on the fit part (the candidate of
	// the "ordered" feature).
	FitOrdered Ratio `json:"fit_ordered"`
	// FitReachable is the fit part's pages where any candidate is right.
	FitReachable Ratio `json:"fit_reachable"`
}

// DateChooserFigures are the date chooser's figures: pages with a true
// date whose chosen day matches it.
type DateChooserFigures = ChooserFigures

// EvalDateChooser measures extract's date chooser on the WCXB set in dir
// (the code's candidates and features, refitted as `wiretrace train date`
// does).
func EvalDateChooser(ctx context.Context, dir string) (ChooserFigures, error) {
	groups, ids, err := dateGroups(ctx, dir)
	if err != nil {
		return ChooserFigures{}, err
	}
	return evalChooser(ctx, groups, ids, extract.DateFeatures)
}

// EvalTitleChooser measures extract's title chooser on the WCXB set in
// dir (the code's candidates and features, refitted as `wiretrace train
// title` does).
func EvalTitleChooser(ctx context.Context, dir string) (ChooserFigures, error) {
	groups, ids, err := titleGroups(ctx, dir)
	if err != nil {
		return ChooserFigures{}, err
	}
	return evalChooser(ctx, groups, ids, extract.TitleFeatures)
}

// evalChooser fits a chooser with the named features on the fit part's
// groups and cross-validates it there; ids are the groups' page ids.
func evalChooser(ctx context.Context, groups []choiceGroup, ids []string, features []string) (ChooserFigures, error) {
	nf := len(features)
	var f ChooserFigures
	w := fitChooser(groups, nf)
	f.Fit, f.FitReachable = choiceRate(groups, Fit, w)
	f.Check, _ = choiceRate(groups, Check, w)
	ordered := make([]float64, nf)
	for k, n := range features {
		if n == "ordered" {
			ordered[k] = 1
		}
	}
	f.FitOrdered, _ = choiceRate(groups, Fit, ordered)
	for rep := 0; rep < cvRepeats; rep++ {
		for fold := 0; fold < cvFolds; fold++ {
			if err := ctx.Err(); err != nil {
				return f, err
			}
			var train, test []choiceGroup
			for i, g := range groups {
				if g.Part != Fit {
					continue
				}
				if cvFold(rep, ids[i]) == fold {
					g.Part = Check // the held-out fifth
					test = append(test, g)
				} else {
					train = append(train, g)
				}
			}
			r, _ := choiceRate(test, Check, fitChooser(train, nf))
			f.FitCV.Hit += r.Hit
			f.FitCV.N += r.N
		}
	}
	return f, nil
}

// cvFold is the fold a page falls in for one shuffling.
func cvFold(rep int, id string) int {
	return int(xxhash.Sum64String("wiretrace-cv/"+strconv.Itoa(rep)+"/"+id) % cvFolds)
}

// WriteDateChooser writes the date chooser's figures as text.
func WriteDateChooser(w io.Writer, f ChooserFigures) {
	fmt.Fprintf(w, "date chooser on WCXB dev (pages with a true date whose chosen day is right)\n")
	writeChooser(w, f, "fixed order of the witnesses")
}

// WriteTitleChooser writes the title chooser's figures as text.
func WriteTitleChooser(w io.Writer, f ChooserFigures) {
	fmt.Fprintf(w, "title chooser on WCXB dev (pages with a true title whose chosen headline is right)\n")
	writeChooser(w, f, "fixed rules (titleOf)")
}

func writeChooser(w io.Writer, f ChooserFigures, ordered string) {
	fmt.Fprintf(w, "fit, cross-validated (%d folds x %d shufflings): %s\n", cvFolds, cvRepeats, f.FitCV)
	fmt.Fprintf(w, "fit, fitted on it:                            %s\n", f.Fit)
	fmt.Fprintf(w, "%-46s%s\n", "fit, "+ordered+":", f.FitOrdered)
	fmt.Fprintf(w, "fit, any candidate right:                     %s\n", f.FitReachable)
	fmt.Fprintf(w, "check:                                        %s\n", f.Check)
}

package eval

import (
	"context"
	"io"
)

// FittedFile is one generated file of fitted decisions: what fits it from
// the shared eval folder and where its Go source belongs.
type FittedFile struct {
	// Name is the job's name (`wiretrace train NAME`).
	Name string
	// Path is the file's path in the repository.
	Path string
	// Fit fits the decisions on the eval folder data and returns the
	// file's Go source.
	Fit func(ctx context.Context, data string) ([]byte, error)
	// Spread, for a bagged model, writes to w how far its figures move
	// when it is refitted with its examples dealt to its bags n other
	// ways (`wiretrace train NAME --spread n`); nil for the others.
	Spread func(ctx context.Context, w io.Writer, data string, n int) error
}

// FittedFiles lists every generated file of fitted decisions, in the order
// they must be refitted: the relation's direction reads the style
// lexicon, and the relation trains on example pages that extract reads,
// titles included, so it follows a style and a title refit; the drift
// model reads the pairs the relation judges derived, so it follows a
// relation refit; the ranking of a trace's matches reads the relation's
// and the direction's log-odds and which candidates are judged related,
// so it follows both.
var FittedFiles = []FittedFile{
	{"title", "extract/title_weights.go", func(ctx context.Context, data string) ([]byte, error) {
		return FitTitle(ctx, SetDir(data, "wcxb-dev", "ground-truth.json"))
	}, nil},
	{"style", "trace/style_weights.go", func(ctx context.Context, data string) ([]byte, error) {
		return FitStyle(ctx, SetDir(data, "llm-rewrites", RewritesFile))
	}, nil},
	{"relation", "trace/relation_weights.go", func(ctx context.Context, data string) ([]byte, error) {
		f, err := FitRelation(ctx, SetDir(data, "llm-rewrites", RewritesFile),
			SetDir(data, "short-answers", "file_information.csv"))
		if err != nil {
			return nil, err
		}
		return f.GoSource()
	}, func(ctx context.Context, w io.Writer, data string, n int) error {
		return RelationSpread(ctx, w, SetDir(data, "llm-rewrites", RewritesFile),
			SetDir(data, "short-answers", "file_information.csv"), n)
	}},
	{"drift", "trace/drift_weights.go", func(ctx context.Context, data string) ([]byte, error) {
		f, err := FitDrift(ctx, SetDir(data, "llm-rewrites", RewritesFile))
		if err != nil {
			return nil, err
		}
		return f.GoSource()
	}, func(ctx context.Context, w io.Writer, data string, n int) error {
		return DriftSpread(ctx, w, SetDir(data, "llm-rewrites", RewritesFile), n)
	}},
	{"date", "extract/date_weights.go", func(ctx context.Context, data string) ([]byte, error) {
		return FitDate(ctx, SetDir(data, "wcxb-dev", "ground-truth.json"))
	}, nil},
	{"rank", "trace/rank_weights.go", func(ctx context.Context, data string) ([]byte, error) {
		f, err := FitRank(ctx, data)
		if err != nil {
			return nil, err
		}
		return f.GoSource()
	}, nil},
	{"cluster", "cluster/join_weights.go", func(ctx context.Context, data string) ([]byte, error) {
		f, err := FitCluster(ctx, data)
		if err != nil {
			return nil, err
		}
		return f.GoSource()
	}, nil},
}

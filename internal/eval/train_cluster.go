package eval

import (
	"bytes"
	"context"
	"fmt"
	"go/format"

	"github.com/wiretrace/wiretrace/article"
	"github.com/wiretrace/wiretrace/cluster"
	"github.com/wiretrace/wiretrace/examples"
	"github.com/wiretrace/wiretrace/index"
	"github.com/wiretrace/wiretrace/trace"
)

// clusterLambda is the L2 penalty of the join model's standardised
// weights.
const clusterLambda = 1e-3

// ClusterFit is the fitted join and confirm models of the story
// clusterer, with the figures they reached.
type ClusterFit struct {
	Model     cluster.JoinWeights
	Threshold float64
	// Confirm is the confirm model, ConfirmThreshold its threshold.
	Confirm          trace.Trees
	ConfirmThreshold float64
	// RunnerUpThreshold is the confirm model's threshold for a runner-up,
	// AbsorbThreshold for an article standing alone that a new one
	// absorbs.
	RunnerUpThreshold, AbsorbThreshold float64
	// Joins is how many join decisions the models were fitted on, and
	// Right how many of them were joins.
	Joins, Right int
	// JoinOnly is the figures of the join model alone (the articles'
	// texts not at hand); Fit and Check those of both stages.
	JoinOnly   ClusterResult
	Fit, Check ClusterScore
}

// FitCluster fits the story clusterer's join and confirm models on the
// fit part of the story-clustering set (LoadClusterSet of the eval folder
// data): the fit part's articles are clustered alone, online, in
// clusterOrder, each joining the best earlier article exactly when the
// two are one story (so that the features read clusters as they should
// be); every such decision is an example, labelled by the stories. The
// join model is a logistic regression over its JoinFeatures, its
// threshold the join probability, from 0.05 to 0.95 by 0.01, that gives
// the best fit-part ARI with the whole set clustered by it alone; the
// confirm model boosted trees of depth 2 over the same decisions'
// ConfirmFeatures, its threshold the one from 0.30 to 0.80 by 0.05 that
// gives the best fit-part ARI with the whole set clustered by both, as
// EvalClusters does. The check part is only measured.
func FitCluster(ctx context.Context, data string) (*ClusterFit, error) {
	items, err := LoadClusterSet(data)
	if err != nil {
		return nil, fmt.Errorf("fit cluster: %w", err)
	}
	fps := ClusterFingerprints(items)
	story := make(map[string]string, len(items))
	byID := make(map[string]*article.Article, len(items))
	var order []string
	for _, it := range items {
		story[it.ID], byID[it.ID] = it.Story, it.Article
	}
	for _, it := range clusterOrder(items) {
		if it.Part == Fit {
			order = append(order, it.ID)
		}
	}
	decisions, err := storyDecisions(ctx, order, story, fps)
	if err != nil {
		return nil, err
	}
	res := &ClusterFit{Joins: len(decisions)}
	X := make([][]float64, len(decisions))
	y := make([]bool, len(decisions))
	for i, d := range decisions {
		X[i], y[i] = append([]float64(nil), d.f[:]...), d.same
		if d.same {
			res.Right++
		}
	}
	b, w := fitLogistic(X, y, nil, cluster.JoinFeatureSign[:], clusterLambda, 3000)
	res.Model.Bias = b
	copy(res.Model.W[:], w)
	res.Threshold, res.JoinOnly, err = bestARI(5, 95, 1, func(th float64) (ClusterResult, error) {
		return EvalClusters(ctx, items, cluster.Options{Judge: func(_, _ string, f cluster.JoinFeatures) bool {
			return res.Model.Probability(f) >= th
		}}, fps)
	})
	if err != nil {
		return nil, err
	}
	Xc := make([][]float64, len(decisions))
	weight := make([]float64, len(decisions))
	for i, d := range decisions {
		if i%64 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		Xc[i], weight[i] = cluster.ConfirmFeatures(d.f, byID[d.earlier], byID[d.id]), 1
	}
	fx, fy, err := familyDecisions(ctx)
	if err != nil {
		return nil, err
	}
	for i := range fx {
		Xc, y, weight = append(Xc, fx[i]), append(y, fy[i]), append(weight, setWeight("families"))
	}
	res.Confirm = fitTrees(Xc, y, weight, cluster.ConfirmFeatureSign(), 2)
	// The confirm threshold is chosen for the first decision alone
	// (runners-up never read, nothing absorbed), then the runner-up
	// threshold with it, then the absorb threshold with both.
	res.ConfirmThreshold, _, err = bestARI(30, 80, 5, func(th float64) (ClusterResult, error) {
		return EvalClusters(ctx, items, cluster.Options{Threshold: res.Threshold, Model: &res.Model,
			Confirm: &res.Confirm, ConfirmThreshold: th, RunnerUpThreshold: 2, AbsorbThreshold: 2}, fps)
	})
	if err != nil {
		return nil, err
	}
	res.RunnerUpThreshold, _, err = bestARI(30, 95, 5, func(th float64) (ClusterResult, error) {
		return EvalClusters(ctx, items, cluster.Options{Threshold: res.Threshold, Model: &res.Model,
			Confirm: &res.Confirm, ConfirmThreshold: res.ConfirmThreshold, RunnerUpThreshold: th, AbsorbThreshold: 2}, fps)
	})
	if err != nil {
		return nil, err
	}
	var all ClusterResult
	res.AbsorbThreshold, all, err = bestARI(75, 95, 5, func(th float64) (ClusterResult, error) {
		return EvalClusters(ctx, items, cluster.Options{Threshold: res.Threshold, Model: &res.Model,
			Confirm: &res.Confirm, ConfirmThreshold: res.ConfirmThreshold, RunnerUpThreshold: res.RunnerUpThreshold,
			AbsorbThreshold: th}, fps)
	})
	if err != nil {
		return nil, err
	}
	res.Fit, res.Check = all.Fit, all.Check
	return res, nil
}

// storyDecision is one join decision of a clustering whose joins follow
// the stories: the new article, the best earlier one, their join
// features and whether the two tell one story.
type storyDecision struct {
	id, earlier string
	f           cluster.JoinFeatures
	same        bool
}

// storyDecisions clusters the articles ids alone, online, in that order,
// each joining the best earlier article exactly when story says the two
// are one story (so that the features read clusters as they should be),
// and returns every decision.
func storyDecisions(ctx context.Context, ids []string, story map[string]string, fps map[string]index.Fingerprint) ([]storyDecision, error) {
	var out []storyDecision
	c := cluster.New(cluster.Options{Judge: func(id, earlier string, f cluster.JoinFeatures) bool {
		same := story[id] == story[earlier]
		out = append(out, storyDecision{id, earlier, f, same})
		return same
	}})
	for i, id := range ids {
		if i%256 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		c.AddFingerprint(id, nil, fps[id])
	}
	return out, nil
}

// bestARI returns the threshold from/100 to to/100 by step/100 whose
// clustering (run) has the best fit-part ARI, the first of equals, and
// that clustering's result.
func bestARI(from, to, step int, run func(th float64) (ClusterResult, error)) (float64, ClusterResult, error) {
	best, bestTh := ClusterResult{}, 0.0
	for t := from; t <= to; t += step {
		th := float64(t) / 100
		r, err := run(th)
		if err != nil {
			return 0, ClusterResult{}, err
		}
		if t == from || r.Fit.ARI > best.Fit.ARI {
			best, bestTh = r, th
		}
	}
	return bestTh, best, nil
}

// GoSource returns join_weights.go for package cluster: the fitted join
// model with the figures it reached and the command that fits it.
func (f *ClusterFit) GoSource() ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("// Code generated by `wiretrace train cluster`; DO NOT EDIT.\n\npackage cluster\n\nimport \"github.com/wiretrace/wiretrace/trace\"\n\n")
	b.WriteString("// The join model: a logistic regression over JoinFeatureNames\n")
	fmt.Fprintf(&b, "// (L2 %g on standardised features, 3,000 full-batch gradient steps),\n", clusterLambda)
	b.WriteString("// and the confirm model: boosted trees of depth 2 over ConfirmFeatureNames\n")
	fmt.Fprintf(&b, "// (%d rounds, step %g, Newton steps on the logistic loss), both fitted\n", treeRounds, treeRate)
	b.WriteString("// on the fit part of the story-clustering set (llm-rewrites'\n")
	b.WriteString("// originals with their rewrites, the extraction and WCXB dev pages as\n")
	fmt.Fprintf(&b, "// singletons) clustered alone: %d join decisions, %d of them right\n", f.Joins, f.Right)
	b.WriteString("// joins; the confirm model also on the example families' decisions\n")
	b.WriteString("// (weighed 10 each; an independent report is of its family's story).\n")
	b.WriteString("// Refit with:\n//\n//\twiretrace train cluster > cluster/join_weights.go\n//\n")
	b.WriteString("// Figures reached with the whole set clustered (wiretrace eval clusters):\n")
	fmt.Fprintf(&b, "// ARI fit %.4f, check %.4f; originals with all their rewrites fit %.4f,\n", f.Fit.ARI, f.Check.ARI, f.Fit.OriginalsWithAll)
	fmt.Fprintf(&b, "// check %.4f; rewrites in their original's cluster fit %.4f, check %.4f.\n", f.Check.OriginalsWithAll, f.Fit.RewritesWithOriginal, f.Check.RewritesWithOriginal)
	b.WriteString("// The join model alone (no text at hand): ")
	fmt.Fprintf(&b, "ARI fit %.4f, check %.4f;\n// originals with all their rewrites fit %.4f, check %.4f.\n\n", f.JoinOnly.Fit.ARI, f.JoinOnly.Check.ARI, f.JoinOnly.Fit.OriginalsWithAll, f.JoinOnly.Check.OriginalsWithAll)
	b.WriteString("// DefaultThreshold is the least join probability at which an article\n")
	b.WriteString("// joins an earlier one's cluster when the join model decides: the one of\n")
	b.WriteString("// 0.05 to 0.95 by 0.01 with the best fit-part ARI, the model alone.\n")
	fmt.Fprintf(&b, "const DefaultThreshold = %v\n\n", f.Threshold)
	b.WriteString("// DefaultConfirmThreshold is the least confirm probability at which an\n")
	b.WriteString("// article joins when the confirm model decides: the one of 0.30 to 0.80 by\n")
	b.WriteString("// 0.05 with the best fit-part ARI.\n")
	fmt.Fprintf(&b, "const DefaultConfirmThreshold = %v\n\n", f.ConfirmThreshold)
	b.WriteString("// DefaultRunnerUpThreshold is the least confirm probability at which an\n")
	b.WriteString("// article joins the shortlist's runner-up once the confirm model has\n")
	b.WriteString("// turned the best down: the one of 0.30 to 0.95 by 0.05 with the best\n")
	b.WriteString("// fit-part ARI, DefaultConfirmThreshold chosen first without runners-up.\n")
	fmt.Fprintf(&b, "const DefaultRunnerUpThreshold = %v\n\n", f.RunnerUpThreshold)
	b.WriteString("// DefaultAbsorbThreshold is the least confirm probability at which a new\n")
	b.WriteString("// article absorbs an earlier one standing alone into its cluster: the one\n")
	b.WriteString("// of 0.75 to 0.95 by 0.05 with the best fit-part ARI, the other thresholds\n")
	b.WriteString("// chosen first with nothing absorbed.\n")
	fmt.Fprintf(&b, "const DefaultAbsorbThreshold = %v\n\n", f.AbsorbThreshold)
	b.WriteString("// JoinModel is the fitted join model.\n")
	fmt.Fprintf(&b, "var JoinModel = JoinWeights{\n\tBias: %v,\n\tW: [joinFeatureCount]float64{\n", f.Model.Bias)
	for k, w := range f.Model.W {
		fmt.Fprintf(&b, "\t\t%v, // %s\n", w, cluster.JoinFeatureNames[k])
	}
	b.WriteString("\t},\n}\n\nvar (\n")
	writeTrees(&b, "trace.", "ConfirmModel", "decides the joins the join model is unsure of", cluster.ConfirmFeatureNames, &f.Confirm)
	b.WriteString(")\n")
	return format.Source(b.Bytes())
}

// familyDecisions are the confirm model's examples from the example
// families: their pages clustered alone, family after family, each
// joining exactly when its best candidate tells its family's story. An
// independent report of a family's event is of its story (same_story,
// which a story cluster holds), its unrelated page a story of its own:
// the story-clustering set has no independent report of one event, only
// different events about the same people.
func familyDecisions(ctx context.Context) ([][]float64, []bool, error) {
	fams, err := examples.Families()
	if err != nil {
		return nil, nil, fmt.Errorf("train cluster: %w", err)
	}
	story := map[string]string{}
	byID := map[string]*article.Article{}
	fps := map[string]index.Fingerprint{}
	var ids []string
	for _, fam := range fams {
		for _, f := range fam.Files {
			a, err := exampleArticle(f)
			if err != nil {
				return nil, nil, err
			}
			id := fam.Name + "/" + f.Role
			story[id], byID[id], fps[id] = fam.Name, a, index.FingerprintOf(a)
			if f.Role == "unrelated" {
				story[id] = id
			}
			ids = append(ids, id)
		}
	}
	decisions, err := storyDecisions(ctx, ids, story, fps)
	if err != nil {
		return nil, nil, err
	}
	X := make([][]float64, len(decisions))
	y := make([]bool, len(decisions))
	for i, d := range decisions {
		X[i], y[i] = cluster.ConfirmFeatures(d.f, byID[d.earlier], byID[d.id]), d.same
	}
	return X, y, nil
}

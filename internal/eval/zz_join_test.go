package eval

import (
	"context"
	"fmt"
	"sort"
	"testing"

	"github.com/wiretrace/wiretrace/cluster"
)

func TestZZJoinStudy(t *testing.T) {
	items, err := LoadClusterSet("../../../shared/eval")
	if err != nil {
		t.Skip(err)
	}
	fps := ClusterFingerprints(items)
	story := map[string]string{}
	kind := map[string]string{}
	var fit []ClusterItem
	for _, it := range items {
		story[it.ID] = it.Story
		k := "page"
		if it.Original {
			k = "orig"
		} else if it.Story != it.ID {
			k = "rew"
		}
		kind[it.ID] = k
		if it.Part == Fit {
			fit = append(fit, it)
		}
	}
	type ex struct {
		id, e string
		f     cluster.JoinFeatures
		p     float64
		y     bool
	}
	var exs []ex
	c := cluster.New(cluster.Options{Judge: func(id, e string, f cluster.JoinFeatures) bool {
		same := story[id] == story[e]
		exs = append(exs, ex{id, e, f, cluster.JoinModel.Probability(f), same})
		return same
	}})
	for _, it := range clusterOrder(fit) {
		c.AddFingerprint(it.ID, fps[it.ID])
	}
	// confusion by kind
	type key struct {
		k, ek   string
		y, pred bool
	}
	cnt := map[key]int{}
	for _, e := range exs {
		cnt[key{kind[e.id], kind[e.e], e.y, e.p >= cluster.DefaultThreshold}]++
	}
	var ks []string
	for k, v := range cnt {
		ks = append(ks, fmt.Sprintf("%s->%s y=%v pred=%v: %d", k.k, k.ek, k.y, k.pred, v))
	}
	sort.Strings(ks)
	for _, s := range ks {
		t.Log(s)
	}
	// how many fit items had no decision (no candidate)
	t.Logf("decisions %d of %d fit items", len(exs), len(fit))
	// missed joins: print features
	sort.Slice(exs, func(i, j int) bool { return exs[i].p < exs[j].p })
	n := 0
	for _, e := range exs {
		if e.y && e.p < cluster.DefaultThreshold && n < 40 {
			n++
			t.Logf("MISS %s->%s p=%.2f %v", kind[e.id], kind[e.e], e.p, fmtF(e.f))
		}
	}
	n = 0
	for i := len(exs) - 1; i >= 0; i-- {
		e := exs[i]
		if !e.y && e.p >= cluster.DefaultThreshold && n < 40 {
			n++
			t.Logf("FALSE %s->%s p=%.2f %v", kind[e.id], kind[e.e], e.p, fmtF(e.f))
		}
	}
	_ = context.Background
}

func fmtF(f cluster.JoinFeatures) string {
	s := ""
	for k, x := range f {
		s += fmt.Sprintf("%s=%.2f ", cluster.JoinFeatureNames[k][:4], x)
	}
	return s
}

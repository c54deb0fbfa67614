package trace

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/wiretrace/wiretrace/article"
)

// RankFeatureNames name the features the ranking of a trace's matches
// reads (see rankFeatures): the fitted weights' comments and the training
// report list them.
var RankFeatureNames = []string{
	"similarity", "candidate_score", "log_candidate_rank",
	"derived_log_odds", "derived", "partial", "direction_log_odds",
	"query_held", "match_held", "query_stems_held", "match_stems_held",
	"query_names_held", "log_length_ratio", "own_specific",
	"query_sentences_backed", "query_subjects_held", "match_lead_held", "query_lead_held",
	"query_credit",
}

// rankEvidence is what the ranking reads of one comparison beyond its
// report, with the match as a and the traced article as b.
type rankEvidence struct {
	// derived and direction are the log-odds of the derived model and of
	// the direction model read both ways round (positive: the match is
	// the original).
	derived, direction float64
	// queryHeld and matchHeld are the IDF-weighted shares of the traced
	// article's content that the match holds and the reverse
	// (idfContained); queryStems and matchStems the same by stem mass
	// (contained); queryNames the share of the traced article's names
	// the match holds.
	queryHeld, matchHeld   float64
	queryStems, matchStems float64
	queryNames             float64
	// lengthRatio is the log of the match's sentence count over the
	// traced article's; ownSpecific the share of the match's specific
	// terms the traced article lacks less the reverse.
	lengthRatio, ownSpecific float64
	// querySupport is the share of the traced article's sentences that
	// share rare stems with one sentence of the match (supported);
	// querySubjects the share of its eight most used rare stems the match
	// holds; matchLead and queryLead the shares of each side's first eight
	// rare stems the other holds (a retelling keeps its source's opening).
	querySupport, querySubjects, matchLead, queryLead float64
	// held is the traced article's rare stems the match holds, sorted:
	// weighed against what the other candidates hold, they make the
	// query_credit feature (queryCredit).
	held []uint64
}

// styleDiff is the direction feature that compares the two texts' styles
// (machineStyle).
var styleDiff = slices.Index(DirectionFeatureNames, "style_diff")

// newRankEvidence reads the ranking's evidence from a comparison's
// assessment and evidence.
func newRankEvidence(as *assessment, ev Evidence) rankEvidence {
	// The direction read without the texts' styles: every candidate of a
	// trace faces the same traced article, whose style says much the same
	// against each of them, so it would drown what tells them apart.
	var buf [16]float64
	dir := append(buf[:0], ev.Direction...)
	dir[styleDiff] = 0
	return rankEvidence{
		derived:     ev.DerivedLogOdds(),
		direction:   (directionModel.LogOdds(dir) - directionModel.LogOdds(negated(dir))) / 2,
		queryHeld:   as.idfBA,
		matchHeld:   as.idfAB,
		queryStems:  as.tb.contained(&as.ta),
		matchStems:  as.ta.contained(&as.tb),
		queryNames:  nameContain(&as.tb, &as.ta),
		lengthRatio: ev.Direction[0],
		ownSpecific: ev.Direction[7],

		querySupport:  supported(&as.tb, &as.ta, as.terms),
		querySubjects: topShare(as.tb.subjects, &as.ta, 8),
		matchLead:     topShare(as.ta.firsts, &as.tb, 8),
		queryLead:     topShare(as.tb.firsts, &as.ta, 8),
		held:          sharedSeq(nil, as.tb.rare, &as.ta),
	}
}

// queryCredit returns, for each compared candidate, its share of the
// evidence the candidates hold of the traced article's rare stems, each
// stem weighing the log of the number of candidates over the number that
// hold it: 0 for a stem every candidate holds, most for one a single
// candidate holds. Articles of one site or template (a health agency's
// notices, a publisher's closing lines) share their boilerplate, and a
// retelling of one of them holds it too; the stems that tell the
// retelling's source from the other articles of its template are the
// source's own details, which the other candidates lack. The measure is
// relative to the candidates compared, which no comparison of two texts
// sees.
func queryCredit(ev []rankEvidence) []float64 {
	holders := stemHolders(ev)
	n := float64(len(ev))
	out := make([]float64, len(ev))
	total := 0.0
	for i := range ev {
		for _, h := range ev[i].held {
			c := float64(holders[h])
			out[i] += math.Log(n / c)
			// Each stem comes once from each of its c holders: its
			// weight counts once in the total, summed in a fixed order.
			total += math.Log(n/c) / c
		}
	}
	if total == 0 {
		return out
	}
	for i := range out {
		out[i] /= total
	}
	return out
}

// stemHolders counts, for each of the traced article's rare stems held by
// a candidate, the candidates that hold it.
func stemHolders(ev []rankEvidence) map[uint64]int {
	holders := map[uint64]int{}
	for i := range ev {
		for _, h := range ev[i].held {
			holders[h]++
		}
	}
	return holders
}

func negated(x []float64) []float64 {
	out := make([]float64, len(x))
	for i, v := range x {
		out[i] = -v
	}
	return out
}

// rankFeatures sets the ranking features of each compared match: its
// comparison's measures, its candidate score and its rank among the
// retrieved candidates. Rewrites of
// one original retold by the same model resemble each other about as much
// as they resemble the original; what tells the original apart is that it
// holds the traced article's specific content and more of its own, and,
// among articles of one template, the traced article's details the other
// candidates lack (queryCredit).
func rankFeatures(ms []Match, ev []rankEvidence, candRank []int) {
	credit := queryCredit(ev)
	for i := range ms {
		m, e := &ms[i], &ev[i]
		m.rank = []float64{
			m.Similarity, m.CandidateScore, math.Log1p(float64(candRank[i])),
			e.derived, b2f(m.Relation.Derived()), b2f(m.Relation == Partial), e.direction,
			e.queryHeld, e.matchHeld, e.queryStems, e.matchStems,
			e.queryNames, e.lengthRatio, e.ownSpecific,
			e.querySupport, e.querySubjects, e.matchLead, e.queryLead,
			credit[i],
		}
	}
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// RankFeatures returns the features the ranking read of m (named by
// RankFeatureNames); nil for a match not made by Trace.
func (m *Match) RankFeatures() []float64 { return m.rank }

// RankScore is the fitted ranking model's score of m: the higher, the
// likelier m is the article the traced one was made from.
func (m *Match) RankScore() float64 {
	if m.rank == nil {
		return 0
	}
	return rankModel.Score(m.rank)
}

// rankMatches orders matches: first the possible sources of the traced
// article whose publication dates are known, the earliest first (a copy
// of a copy leads back to the same original, and a date is the strongest
// evidence of which came first); then the rest by the fitted ranking
// model's score (RankScore), which weighs the relation, its direction,
// similarity and the index's candidate score together. Ties fall to the
// id, for a stable order.
func rankMatches(ms []Match) {
	score := make(map[string]float64, len(ms))
	for i := range ms {
		score[ms[i].ID] = ms[i].RankScore()
	}
	slices.SortStableFunc(ms, func(x, y Match) int {
		okx, oky := datedSource(&x), datedSource(&y)
		switch {
		case okx && oky:
			if order, _ := article.ComparePublished(x.Published, y.Published); order != 0 {
				return order
			}
		case okx != oky:
			if okx {
				return -1
			}
			return 1
		}
		if c := cmp.Compare(score[y.ID], score[x.ID]); c != 0 {
			return c
		}
		return strings.Compare(x.ID, y.ID)
	})
}

// datedSource reports whether m is a possible source of the traced
// article (derived, with the match as the original or the direction
// unknown) whose publication date is known.
func datedSource(m *Match) bool {
	if !m.Relation.Derived() || m.Original == OriginalDocument {
		return false
	}
	_, ok := (&article.Article{Published: m.Published}).PublishedTime()
	return ok
}

// StoryFeatureNames name the features of the story model (see
// acceptStories): the ranking's, then the match's lead.
var StoryFeatureNames = append(slices.Clone(RankFeatureNames), "lead")

// Leads returns, for each of a trace's compared candidates (given by
// their ranking features), how far the ranking model m puts it ahead of
// the best other one: the log-odds that it rather than the runner-up is
// the traced article's source, negative for all but the first. A lone
// candidate's lead is its own log-odds.
func Leads(m *Model, xs [][]float64) []float64 {
	out := make([]float64, len(xs))
	// The best and second-best log-odds: each candidate's runner-up is the
	// best, or for the best itself the second.
	first, second := -1, -1
	for i, x := range xs {
		out[i] = m.logOdds(x)
		switch {
		case first < 0 || out[i] > out[first]:
			first, second = i, first
		case second < 0 || out[i] > out[second]:
			second = i
		}
	}
	if second < 0 {
		return out
	}
	top, next := out[first], out[second]
	for i := range out {
		if i == first {
			out[i] -= next
		} else {
			out[i] -= top
		}
	}
	return out
}

// acceptStories makes same_story the candidates the comparison alone found
// unrelated that the index's evidence ties to the traced article: the
// fitted story model (rank_weights.go, `wiretrace train rank`) reads a
// candidate's ranking features and its lead over every other candidate
// compared. A rewrite that keeps little of its source's wording (a
// language model's invented story told around a short original's
// subject) shares too little with it for a pair of texts to be called
// one story, yet among all indexed articles its source stands out as the
// one that holds its subject; an article whose source is not indexed has
// no such candidate.
func acceptStories(ms []Match) {
	xs := make([][]float64, len(ms))
	for i := range ms {
		xs[i] = ms[i].rank
	}
	leads := Leads(&rankModel, xs)
	for i := range ms {
		m := &ms[i]
		if m.Relation != Unrelated {
			continue
		}
		if storyModel.Score(append(slices.Clip(m.rank), leads[i])) >= storyThreshold {
			m.Relation, m.Report.Relation, m.ByIndex = SameStory, SameStory, true
		}
	}
}

package match

import (
	"github.com/sahilm/fuzzy"

	"txct/store/model"
)

// Baseline is the naive matcher the engine is measured against: sahilm/fuzzy
// (the subsequence matcher of the TUI's filters) run with the folded remark
// as the pattern over the folded petition texts. It flags a repeat whenever
// anything matches. It is kept only for the evaluation.
type Baseline struct {
	ids    []string
	folded []string
}

// NewBaseline prepares the baseline over ps.
func NewBaseline(ps []model.Petition) *Baseline {
	b := &Baseline{ids: make([]string, len(ps)), folded: make([]string, len(ps))}
	for i, p := range ps {
		b.ids[i] = p.ID
		b.folded[i] = Fold(p.Text)
	}
	return b
}

// Check runs fuzzy.Find and returns the top matches in its order. fuzzy's
// scores are unbounded, so Score is by rank: 1 for the first, 1/2, 1/3 ….
func (b *Baseline) Check(text string, top int) Result {
	ms := fuzzy.Find(Fold(text), b.folded)
	var r Result
	for i, m := range ms {
		if i == top {
			break
		}
		r.Hits = append(r.Hits, Hit{ID: b.ids[m.Index], Score: 1 / float64(i+1)})
	}
	r.Repeat = len(r.Hits) > 0
	return r
}

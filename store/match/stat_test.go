package match

import (
	"os"
	"testing"

	"txct/store/model"
)

// TestScaleStats reports the index's shape and the dev pack's scores with
// 100,000 extra petitions as distractors (TXCT_SCALE set).
func TestScaleStats(t *testing.T) {
	path := os.Getenv("TXCT_SCALE")
	if path == "" {
		t.Skip("set TXCT_SCALE")
	}
	ps, qs := loadDev(t)
	big := readJSONL[model.Petition](t, path)
	ix := Build(append(big, ps...))
	posts, dterms, specs, dels := 0, 0, 0, 0
	for _, p := range ix.post {
		posts += len(p)
	}
	for _, d := range ix.docs {
		dterms += len(d.terms) + len(d.loc)
		specs += len(d.specs)
	}
	for _, v := range ix.deletes {
		dels += len(v)
	}
	t.Logf("docs %d terms %d postings %d docterms %d specs %d deletes keys %d ids %d", len(ix.docs), len(ix.terms), posts, dterms, specs, len(ix.deletes), dels)
	by, all := evaluate(qs, func(s string) Result { return ix.Check(s, 5) })
	t.Log("\n" + table("engine, dev pack + 100k distractors", by, all))
}

package match

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"txct/store/model"
)

// devPack is the dev evaluation pack, relative to this package's directory.
const devPack = "../../../shared/eval/dev"

// evalQuery is one line of queries.jsonl (shared/eval/FORMAT.md).
type evalQuery struct {
	QID      string   `json:"qid"`
	Text     string   `json:"text"`
	RepeatOf []string `json:"repeat_of"`
	Kind     string   `json:"kind"`
}

// evalKinds are the query kinds in FORMAT.md order.
var evalKinds = []string{"paraphrase", "no_diacritics", "abbreviation", "typo", "telex_raw",
	"partial", "merged", "hard_negative", "new"}

func readJSONL[T any](t testing.TB, path string) []T {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []T
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var v T
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			t.Fatalf("%s:%d: %v", path, line, err)
		}
		out = append(out, v)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// loadDev reads the dev pack or skips the test when it is absent.
func loadDev(t testing.TB) ([]model.Petition, []evalQuery) {
	t.Helper()
	dir, _ := filepath.Abs(devPack)
	if _, err := os.Stat(filepath.Join(dir, "queries.jsonl")); err != nil {
		t.Skipf("dev pack not found at %s", dir)
	}
	t.Logf("dev pack: %s", dir)
	return readJSONL[model.Petition](t, filepath.Join(dir, "archive.jsonl")),
		readJSONL[evalQuery](t, filepath.Join(dir, "queries.jsonl"))
}

// checker is what the evaluation runs: the engine or the baseline.
type checker func(text string) Result

// tally counts the scoring of FORMAT.md for one group of queries.
type tally struct {
	n, repeats       int
	flags, correct   int // flags raised; flags whose first match is in repeat_of
	atFive           int // repeats with one of the first five matches in repeat_of
	falseOnNegatives int // flags raised on queries with an empty repeat_of
}

func (t *tally) add(q evalQuery, r Result) {
	t.n++
	in := func(id string) bool {
		for _, x := range q.RepeatOf {
			if x == id {
				return true
			}
		}
		return false
	}
	if len(q.RepeatOf) > 0 {
		t.repeats++
		for i, h := range r.Hits {
			if i == 5 {
				break
			}
			if in(h.ID) {
				t.atFive++
				break
			}
		}
	}
	if r.Repeat {
		t.flags++
		if len(q.RepeatOf) > 0 && len(r.Hits) > 0 && in(r.Hits[0].ID) {
			t.correct++
		}
		if len(q.RepeatOf) == 0 {
			t.falseOnNegatives++
		}
	}
}

func (t tally) precision() float64 { return ratio(t.correct, t.flags) }
func (t tally) recall() float64    { return ratio(t.correct, t.repeats) }
func (t tally) f1() float64 {
	p, r := t.precision(), t.recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}
func (t tally) recallAt5() float64 { return ratio(t.atFive, t.repeats) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// evaluate runs every query and returns the tallies by kind and overall.
func evaluate(qs []evalQuery, check checker) (map[string]*tally, tally) {
	by := map[string]*tally{}
	var all tally
	for _, q := range qs {
		r := check(q.Text)
		if by[q.Kind] == nil {
			by[q.Kind] = &tally{}
		}
		by[q.Kind].add(q, r)
		all.add(q, r)
	}
	return by, all
}

// table formats the tallies as the evaluation table.
func table(name string, by map[string]*tally, all tally) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n%-14s %4s %4s %6s %6s %6s %6s %9s\n", name, "kind", "n", "rep", "prec", "rec", "F1", "R@5", "falseflag")
	row := func(k string, t tally) {
		fmt.Fprintf(&b, "%-14s %4d %4d %6.3f %6.3f %6.3f %6.3f %9d\n", k, t.n, t.repeats,
			t.precision(), t.recall(), t.f1(), t.recallAt5(), t.falseOnNegatives)
	}
	for _, k := range evalKinds {
		if t, ok := by[k]; ok {
			row(k, *t)
		}
	}
	row("ALL", all)
	return b.String()
}

// TestDevPack is the engine's quality gate: it must reach flag F1
// ≥ 0.90 and recall@5 ≥ 0.97 on the dev pack. The baseline is printed for
// comparison only.
func TestDevPack(t *testing.T) {
	ps, qs := loadDev(t)
	ix := Build(ps)
	by, all := evaluate(qs, func(s string) Result { return ix.Check(s, 5) })
	t.Log("\n" + table(fmt.Sprintf("engine (threshold %.2f)", ix.Threshold), by, all))
	bl := NewBaseline(ps)
	bby, ball := evaluate(qs, func(s string) Result { return bl.Check(s, 5) })
	t.Log("\n" + table("baseline sahilm/fuzzy", bby, ball))

	var sweep strings.Builder
	base := ix.Threshold
	for _, th := range []float64{base - 0.10, base - 0.05, base, base + 0.05, base + 0.10} {
		ix.Threshold = th
		_, a := evaluate(qs, func(s string) Result { return ix.Check(s, 5) })
		fmt.Fprintf(&sweep, "threshold %.2f: P %.3f R %.3f F1 %.3f\n", th, a.precision(), a.recall(), a.f1())
	}
	ix.Threshold = base
	t.Log("threshold sweep\n" + sweep.String())

	t.Log("half split (threshold tuned on one half by qid parity, reported on the other)\n" + halfSplit(ix, qs))

	if all.f1() < 0.90 {
		t.Errorf("flag F1 %.3f < 0.90", all.f1())
	}
	checkKinds(t, by)
	if all.recallAt5() < 0.97 {
		t.Errorf("recall@5 %.3f < 0.97", all.recallAt5())
	}
}

// checkKinds fails the test when a kind of repeat has flag F1 under 0.90.
func checkKinds(t *testing.T, by map[string]*tally) {
	t.Helper()
	for _, k := range evalKinds {
		if b := by[k]; b != nil && b.repeats > 0 && b.f1() < 0.90 {
			t.Errorf("kind %s: flag F1 %.3f < 0.90", k, b.f1())
		}
	}
}

// halfSplit tunes the threshold on the queries of one qid parity over a
// coarse grid and reports flag F1 on the other parity, both ways.
func halfSplit(ix *Index, qs []evalQuery) string {
	var halves [2][]evalQuery
	for _, q := range qs {
		n := 0
		fmt.Sscanf(q.QID[strings.LastIndexAny(q.QID, "Q-")+1:], "%d", &n)
		halves[n%2] = append(halves[n%2], q)
	}
	base := ix.Threshold
	defer func() { ix.Threshold = base }()
	f1At := func(qs []evalQuery, th float64) float64 {
		ix.Threshold = th
		_, a := evaluate(qs, func(s string) Result { return ix.Check(s, 5) })
		return a.f1()
	}
	var b strings.Builder
	for tune := 0; tune < 2; tune++ {
		best, bestF := 0.0, -1.0
		for th := 0.20; th <= 0.501; th += 0.05 {
			if f := f1At(halves[tune], th); f > bestF {
				best, bestF = th, f
			}
		}
		fmt.Fprintf(&b, "tuned on %s qids (n=%d): threshold %.2f, F1 %.3f there; F1 %.3f on %s qids (n=%d)\n",
			[]string{"even", "odd"}[tune], len(halves[tune]), best, bestF,
			f1At(halves[1-tune], best), []string{"even", "odd"}[1-tune], len(halves[1-tune]))
	}
	return b.String()
}

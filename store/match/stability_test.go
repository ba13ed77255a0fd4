package match

import (
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"txct/store/model"
)

// genScale returns 100,000 petitions written by shared/eval/gen_scale.py
// from the dev archive (the script runs once per test binary), or, where no
// Python is installed, the in-process synthArchive.
func genScale(t testing.TB, dev []model.Petition) []model.Petition {
	t.Helper()
	if path := os.Getenv("TXCT_SCALE"); path != "" {
		return readJSONL[model.Petition](t, path)
	}
	script, _ := filepath.Abs(filepath.Join(devPack, "..", "gen_scale.py"))
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Logf("python3 not found: using the in-process archive")
		return synthArchive(dev, 100_000)[len(dev):]
	}
	out := filepath.Join(t.TempDir(), "scale.jsonl")
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(py, script, "--from", filepath.Join(devPack, "archive.jsonl"), "--n", "100000", "--seed", "1")
	cmd.Stdout, cmd.Stderr = f, os.Stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s: %v", script, err)
	}
	f.Close()
	return readJSONL[model.Petition](t, out)
}

// pairScoreOf is the score of remark text against petition id, or -1 when
// the index lacks id.
func (ix *Index) pairScoreOf(text, id string) float64 {
	h, ok := ix.Explain(text, id)
	if !ok {
		return -1
	}
	return h.Score
}

// TestScoreStability: every labelled pair of the dev pack, as typed and as
// spoken, scores within 0.02 with and without 100,000 generated petitions
// in the archive, and the flags on the dev pack hold up at that size.
func TestScoreStability(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 100,000-petition index")
	}
	ps, qs := loadDev(t)
	big := genScale(t, ps)
	small := Build(ps)
	large := Build(append(big, ps...))
	t.Logf("archive: %d petitions, then %d", small.Len(), large.Len())
	worst, pairs := 0.0, 0
	for _, set := range [][]evalQuery{qs, spokenPack(qs)} {
		for _, q := range set {
			for _, id := range q.RepeatOf {
				a, b := small.pairScoreOf(q.Text, id), large.pairScoreOf(q.Text, id)
				pairs++
				if d := math.Abs(a - b); d > 0.02 {
					t.Errorf("%s × %s: %.3f alone, %.3f among 100,000", q.QID, id, a, b)
				} else {
					worst = math.Max(worst, d)
				}
			}
		}
	}
	t.Logf("%d labelled pairs; largest change within bound %.4f", pairs, worst)
	by, all := evaluate(qs, func(s string) Result { return large.Check(s, 5) })
	t.Log("\n" + table("engine, dev pack + 100,000 generated petitions", by, all))
	sby, sall := evaluate(spokenPack(qs), func(s string) Result { return large.Check(s, 5) })
	t.Log("\n" + table("engine, spoken dev pack + 100,000 generated petitions", sby, sall))
}

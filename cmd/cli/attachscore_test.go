package cli

import (
	"bufio"
	"encoding/json"
	"os"
	"slices"
	"testing"

	"txct/store"
	"txct/store/ingest"
)

// TestAttachScoreOnDevPack measures what attaching at attachScore would do
// on the dev pack (when it is beside the repository): remarks written with
// diacritics (paraphrases, hard negatives, new demands: the closest the pack
// has to an answer report's reworded items) are matched against its archive;
// an attachment is right when the engine's first match is one the remark
// repeats. It logs precision and recall at several scores and holds the
// chosen one to no wrong attachment per 50.
func TestAttachScoreOnDevPack(t *testing.T) {
	const pack = "../../../shared/eval/dev/"
	if _, err := os.Stat(pack + "archive.jsonl"); err != nil {
		t.Skip("dev pack not found")
	}
	res, err := ingest.ReadFile(pack+"archive.jsonl", ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(tempDB(t), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.PutPetitions(res.Petitions); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(pack + "queries.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	type q struct {
		Text     string   `json:"text"`
		RepeatOf []string `json:"repeat_of"`
		Kind     string   `json:"kind"`
	}
	var qs []q
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var x q
		if json.Unmarshal(sc.Bytes(), &x) == nil && (x.Kind == "paraphrase" || x.Kind == "hard_negative" || x.Kind == "new") {
			qs = append(qs, x)
		}
	}
	thresholds := []float64{0.35, 0.5, attachScore, 0.7, 0.8}
	right, wrong := make([]int, len(thresholds)), make([]int, len(thresholds))
	repeats, worst := 0, 0.0
	for _, x := range qs {
		if len(x.RepeatOf) > 0 {
			repeats++
		}
		r, err := db.FindRepeats(x.Text, store.RepeatOptions{Top: 1})
		if err != nil {
			t.Fatal(err)
		}
		if !r.Repeat || len(r.Hits) == 0 {
			continue
		}
		ok := slices.Contains(x.RepeatOf, r.Hits[0].Petition.ID)
		if !ok {
			worst = max(worst, r.Hits[0].Score)
		}
		for i, th := range thresholds {
			if r.Hits[0].Score >= th {
				if ok {
					right[i]++
				} else {
					wrong[i]++
				}
			}
		}
	}
	for i, th := range thresholds {
		t.Logf("score ≥ %.2f: %d attached right, %d wrong, of %d remarks (%d repeats)", th, right[i], wrong[i], len(qs), repeats)
	}
	t.Logf("the highest-scoring wrong match scores %.2f", worst)
	at := slices.Index(thresholds, attachScore)
	if wrong[at]*50 > right[at]+wrong[at] {
		t.Errorf("at %.2f, %d of %d attachments are wrong", attachScore, wrong[at], right[at]+wrong[at])
	}
}

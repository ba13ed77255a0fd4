package store

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"txct/store/ingest"
	"txct/store/model"
)

// BenchmarkExportCheck300 is the pre-export check of a 300-remark session
// against the archive TXCT_SCALE names (100,000 petitions from
// shared/eval/gen_scale.py). The remarks are the dev pack's queries, spoken
// remarks of every kind (repeats, near misses, new matters), in turn.
//
//	python3 ../shared/eval/gen_scale.py --from ../shared/eval/dev/archive.jsonl --n 100000 --seed 1 > /tmp/scale100k.jsonl
//	TXCT_SCALE=/tmp/scale100k.jsonl go test -run '^$' -bench ExportCheck300 -benchtime 5x ./store
func BenchmarkExportCheck300(b *testing.B) {
	src := scaleArchive(b)
	texts := devQueries(b)
	s, err := Open(filepath.Join(b.TempDir(), "c.db"), Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	res, err := ingest.ReadFile(src, ingest.Options{})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := s.PutPetitions(res.Petitions); err != nil {
		b.Fatal(err)
	}
	if err := s.LoadIndex(); err != nil {
		b.Fatal(err)
	}
	sess, err := s.CreateSession(model.Session{Title: "TXCT", Kind: model.KindBefore, Date: "2026-11-20"})
	if err != nil {
		b.Fatal(err)
	}
	for i := range 300 {
		r := model.Remark{SessionID: sess.ID, Voter: fmt.Sprintf("Cử tri %d", i+1), Text: texts[i%len(texts)],
			Type: model.TypePetition, Field: model.Fields[i%len(model.Fields)], Authority: model.AuthProvince}
		if _, err := s.SaveRemark(r); err != nil {
			b.Fatal(err)
		}
	}
	snap, err := s.Snapshot(sess.ID)
	if err != nil {
		b.Fatal(err)
	}
	// cold: nothing remembered of the index's answers (txct export);
	// warm: every remark checked before, as the session screen does while
	// it is typed (the export dialog after a live session).
	for _, warm := range []bool{false, true} {
		b.Run(map[bool]string{false: "cold", true: "warm"}[warm], func(b *testing.B) {
			var items int
			for b.Loop() {
				if !warm {
					b.StopTimer()
					s.index.mu.Lock()
					s.index.gen++
					s.index.mu.Unlock()
					b.StartTimer()
				}
				out, err := s.ExportCheck(snap)
				if err != nil {
					b.Fatal(err)
				}
				items = len(out)
			}
			b.ReportMetric(float64(items), "items")
		})
	}
}

// devQueries are the texts of the dev pack's queries (shared/eval, beside the
// repository).
func devQueries(b *testing.B) []string {
	path := filepath.Join("..", "..", "shared", "eval", "dev", "queries.jsonl")
	f, err := os.Open(path)
	if err != nil {
		b.Skipf("dev pack: %v", err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var q struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &q); err != nil {
			b.Fatalf("%s: %v", path, err)
		}
		out = append(out, q.Text)
	}
	return out
}

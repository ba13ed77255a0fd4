package store

import (
	"path/filepath"
	"slices"
	"testing"

	"txct/store/model"
)

// Two archive records marked as the same demand are cited as one history:
// the cluster's earliest raising is "first raised" and every raising of
// both counts; unmarking gives each record its own history back.
func TestSameDemandCluster(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "t.db"), Options{BackupDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.PutPetitions([]model.Petition{
		{ID: "OLD-1", Text: "Xây mới cầu tràn Nà Ca bị xuống cấp", RaisedAt: "2025-05-02", Session: "Trước kỳ họp giữa năm 2025", Status: model.StatusAnswered},
		{ID: "OLD-2", Text: "Cầu tràn thôn Nà Ca hư hỏng, đề nghị làm cầu mới", RaisedAt: "2024-03-10", Session: "Sau kỳ họp cuối năm 2023",
			Raises: []model.Raise{{Date: "2024-11-01", Session: "Trước kỳ họp cuối năm 2024"}}},
		{ID: "OLD-3", Text: "Hỗ trợ giống cây trồng sau lũ", RaisedAt: "2025-06-01"},
	}); err != nil {
		t.Fatal(err)
	}
	sess, _ := loopSession(t, s, "2026-11-20", []model.Remark{
		{Voter: "Ông Hồ Văn Tư", Text: "Cầu tràn Nà Ca xuống cấp nghiêm trọng, đề nghị xây mới", Type: model.TypePetition, RepeatOf: []string{"OLD-1"}},
	}, nil)
	cited := func() model.Petition {
		t.Helper()
		snap, err := s.Snapshot(sess.ID)
		if err != nil {
			t.Fatal(err)
		}
		p, ok := snap.Petitions["OLD-1"]
		if !ok {
			t.Fatal("OLD-1 not cited")
		}
		return p
	}
	alone := cited()
	if alone.RaisedAt != "2025-05-02" || alone.TimesRaised() != 2 {
		t.Fatalf("alone: first %s, %d times; want 2025-05-02, 2 (its own and today's)", alone.RaisedAt, alone.TimesRaised())
	}

	if err := s.MarkSameDemand("OLD-1", "OLD-2"); err != nil {
		t.Fatal(err)
	}
	if c, _ := s.Cluster("OLD-2"); !slices.Equal(c, []string{"OLD-1", "OLD-2"}) {
		t.Fatalf("cluster of OLD-2 = %v", c)
	}
	both := cited()
	if both.RaisedAt != "2024-03-10" || both.Session != "Sau kỳ họp cuối năm 2023" || both.TimesRaised() != 4 {
		t.Fatalf("marked: first %s (%s), %d times; want 2024-03-10 (Sau kỳ họp cuối năm 2023), 4", both.RaisedAt, both.Session, both.TimesRaised())
	}
	dates := []string{}
	for _, r := range both.Raises {
		dates = append(dates, r.Date)
	}
	if !slices.Equal(dates, []string{"2024-11-01", "2025-05-02", "2026-11-20"}) {
		t.Fatalf("later raisings %v", dates)
	}
	// The stored records are not changed by the fold.
	if p, _ := s.Petition("OLD-1"); p.RaisedAt != "2025-05-02" || len(p.Raises) != 1 {
		t.Fatalf("stored OLD-1 changed: %+v", p)
	}

	// The live panel's repeat hits carry the cluster's history too.
	if err := s.LoadIndex(); err != nil {
		t.Fatal(err)
	}
	res, err := s.FindRepeats("Xây mới cầu tràn Nà Ca bị xuống cấp", RepeatOptions{History: true})
	if err != nil {
		t.Fatal(err)
	}
	hit := -1
	for i, h := range res.Hits {
		if h.Petition.ID == "OLD-1" {
			hit = i
		}
	}
	if hit < 0 || res.Hits[hit].Petition.TimesRaised() != 4 || res.Hits[hit].Petition.RaisedAt != "2024-03-10" {
		t.Fatalf("FindRepeats hits: %+v", res.Hits)
	}

	// Joining a third record joins the clusters.
	if err := s.MarkSameDemand("OLD-3", "OLD-2"); err != nil {
		t.Fatal(err)
	}
	if c, _ := s.Cluster("OLD-1"); !slices.Equal(c, []string{"OLD-1", "OLD-2", "OLD-3"}) {
		t.Fatalf("cluster after a third = %v", c)
	}
	if p := cited(); p.TimesRaised() != 5 {
		n := p.TimesRaised()
		t.Fatalf("three records: %d times, want 5", n)
	}

	// Unmarking OLD-2 leaves OLD-1 and OLD-3; unmarking OLD-3 leaves OLD-1 alone.
	was, err := s.UnmarkSameDemand("OLD-2")
	if err != nil || len(was) != 3 {
		t.Fatalf("unmark: %v %v", was, err)
	}
	if c, _ := s.Cluster("OLD-2"); c != nil {
		t.Fatalf("OLD-2 still in %v", c)
	}
	if c, _ := s.Cluster("OLD-3"); !slices.Equal(c, []string{"OLD-1", "OLD-3"}) {
		t.Fatalf("cluster after unmark = %v", c)
	}
	if _, err := s.UnmarkSameDemand("OLD-3"); err != nil {
		t.Fatal(err)
	}
	if c, _ := s.Cluster("OLD-1"); c != nil {
		t.Fatalf("OLD-1 still in %v", c)
	}
	if p := cited(); p.RaisedAt != alone.RaisedAt || p.TimesRaised() != alone.TimesRaised() {
		t.Fatalf("unmarked: first %s, %d times; want as before marking", p.RaisedAt, p.TimesRaised())
	}

	// Undo of an unmark puts the cluster back.
	if err := s.SetSameDemand(was); err != nil {
		t.Fatal(err)
	}
	if c, _ := s.Cluster("OLD-2"); !slices.Equal(c, []string{"OLD-1", "OLD-2", "OLD-3"}) {
		t.Fatalf("undo: cluster = %v", c)
	}

	if err := s.MarkSameDemand("OLD-1", "NOPE"); err == nil {
		t.Fatal("marking an unknown record succeeded")
	}
	if err := s.MarkSameDemand("OLD-1", "OLD-1"); err == nil {
		t.Fatal("marking a record the same as itself succeeded")
	}
}

package store

import (
	"bytes"
	"path/filepath"
	"slices"
	"testing"

	"txct/store/ingest"
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

// A bundle carries the clusters that reach its session's petitions and the
// receiving database joins them with its own: a laptop's mark adds to the
// office's, never takes away, and re-exporting there gives the same bytes.
func TestBundleCarriesClusters(t *testing.T) {
	lap, _ := openTemp(t)
	old := []model.Petition{
		{ID: "OLD-1", Text: "Xây mới cầu tràn Nà Ca bị xuống cấp", RaisedAt: "2025-05-02"},
		{ID: "OLD-2", Text: "Cầu tràn thôn Nà Ca hư hỏng, đề nghị làm cầu mới", RaisedAt: "2024-03-10"},
		{ID: "OLD-3", Text: "Hỗ trợ giống cây trồng sau lũ", RaisedAt: "2025-06-01"},
		{ID: "OLD-4", Text: "Cấp giống lúa cho hộ bị thiệt hại do lũ", RaisedAt: "2023-10-01"},
	}
	if _, err := lap.PutPetitions(old); err != nil {
		t.Fatal(err)
	}
	sess, _ := loopSession(t, lap, "2026-11-20", []model.Remark{
		{Voter: "Ông Hồ Văn Tư", Text: "Cầu tràn Nà Ca xuống cấp nghiêm trọng, đề nghị xây mới", Type: model.TypePetition, RepeatOf: []string{"OLD-1"}},
	}, nil)
	for _, pair := range [][2]string{{"OLD-1", "OLD-2"}, {"OLD-3", "OLD-4"}} {
		if err := lap.MarkSameDemand(pair[0], pair[1]); err != nil {
			t.Fatal(err)
		}
	}
	got, err := lap.SessionClusters(sess.ID)
	if err != nil || len(got) != 1 || !slices.Equal(got[0], []string{"OLD-1", "OLD-2"}) {
		t.Fatalf("session clusters %q %v; want only the cluster its repeat reaches", got, err)
	}
	write := func(s *Store, id uint64) []byte {
		t.Helper()
		sess, _ := s.Session(id)
		rems, _ := s.Remarks(id)
		b, err := ingest.NewBundle(sess, rems)
		if err != nil {
			t.Fatal(err)
		}
		if b.SameDemand, err = s.SessionClusters(id); err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := b.Write(&buf); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	first := write(lap, sess.ID)
	b, err := ingest.ReadBundle(bytes.NewReader(first), "b.json")
	if err != nil {
		t.Fatal(err)
	}
	// The office already knows OLD-2 as the same demand as OLD-5.
	office, _ := openTemp(t)
	if _, err := office.PutPetitions(append(old, model.Petition{ID: "OLD-5", Text: "Làm lại cầu tràn Nà Ca", RaisedAt: "2022-04-01"})); err != nil {
		t.Fatal(err)
	}
	if err := office.MarkSameDemand("OLD-2", "OLD-5"); err != nil {
		t.Fatal(err)
	}
	id, _, err := office.ImportBundle(b)
	if err != nil {
		t.Fatal(err)
	}
	if c, _ := office.Cluster("OLD-1"); !slices.Equal(c, []string{"OLD-1", "OLD-2", "OLD-5"}) {
		t.Fatalf("office cluster %v; want the laptop's mark joined with the office's", c)
	}
	if c, _ := office.Cluster("OLD-3"); c != nil {
		t.Fatalf("a cluster the session does not reach travelled: %v", c)
	}
	snap, err := office.Snapshot(id)
	if err != nil {
		t.Fatal(err)
	}
	if p := snap.Petitions["OLD-1"]; p.RaisedAt != "2022-04-01" || p.TimesRaised() != 4 {
		t.Fatalf("cited at the office: first %s, %d times; want 2022-04-01, 4", p.RaisedAt, p.TimesRaised())
	}
	// Importing the same bundle again changes nothing.
	if _, _, err := office.ImportBundle(b); err != nil {
		t.Fatal(err)
	}
	if c, _ := office.Cluster("OLD-5"); len(c) != 3 {
		t.Fatalf("after a second import: %v", c)
	}
	// Into an empty database and out again: the same bytes.
	empty, _ := openTemp(t)
	if _, err := empty.PutPetitions(old); err != nil {
		t.Fatal(err)
	}
	id2, _, err := empty.ImportBundle(b)
	if err != nil {
		t.Fatal(err)
	}
	if second := write(empty, id2); !bytes.Equal(first, second) {
		t.Fatalf("export → import → export differs:\n%s\n---\n%s", first, second)
	}
}

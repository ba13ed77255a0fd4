package store

import (
	"path/filepath"
	"testing"

	"txct/store/model"
)

func TestDeletePetitionAndUndo(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "t.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	p := model.Petition{ID: "P1", Text: "Xây mới cầu tràn Nà Ca", Variants: []model.Variant{{Ref: "s/1", Text: "cầu tràn thôn Nà Ca hỏng nặng"}},
		Raises: []model.Raise{{Date: "2026-11-20", Session: "TXCT", Ref: "s/1"}}, Status: model.StatusAnswered, Response: "Đã bố trí vốn."}
	if _, err := s.PutPetitions([]model.Petition{p, {ID: "P2", Text: "Nạo vét kênh N2"}}); err != nil {
		t.Fatal(err)
	}
	if err := s.LoadIndex(); err != nil {
		t.Fatal(err)
	}
	got, err := s.DeletePetition("P1")
	if err != nil || got.Response != p.Response || len(got.Raises) != 1 {
		t.Fatalf("delete: %+v %v", got, err)
	}
	if _, err := s.Petition("P1"); err == nil || s.ArchiveCount() != 1 || s.mustFind(t, "cau tran thon Na Ca hong nang") == "P1" {
		t.Fatal("the deleted petition is still on record or matched")
	}
	if _, err := s.DeletePetition("P1"); err == nil {
		t.Fatal("deleting twice did not fail")
	}
	if _, err := s.PutPetitions([]model.Petition{got}); err != nil {
		t.Fatal(err)
	}
	back, _ := s.Petition("P1")
	if back.Response != p.Response || len(back.Raises) != 1 || len(back.Variants) != 1 || s.ArchiveCount() != 2 ||
		s.mustFind(t, "cau tran thon Na Ca hong nang") != "P1" {
		t.Fatalf("undo: %+v, count %d", back, s.ArchiveCount())
	}
}

package store

import (
	"slices"
	"testing"

	"txct/store/model"
)

// The pre-export check lists each kind of half-made remark once, and a
// finished session gives an empty list.
func TestExportCheck(t *testing.T) {
	s, _ := openTemp(t)
	if _, err := s.PutPetitions([]model.Petition{{ID: "P-1", Text: "Đề nghị nâng cấp đường ĐT.741 đoạn qua thôn 3 xuống cấp nghiêm trọng nhiều ổ gà",
		Field: "giao thông", Authority: model.AuthProvince, RaisedAt: "2025-05-01", Status: model.StatusUnresolved}}); err != nil {
		t.Fatal(err)
	}
	sess, _ := s.CreateSession(sampleSession())
	done := model.Remark{SessionID: sess.ID, Voter: "Bà A", Text: "Trạm y tế xã thiếu thuốc theo danh mục bảo hiểm y tế", Field: "y tế", Authority: model.AuthCommune}
	rems := []model.Remark{
		done,
		{SessionID: sess.ID, Text: "Đề nghị nâng cấp đường ĐT.741 đoạn qua thôn 3 xuống cấp nghiêm trọng nhiều ổ gà", Field: "giao thông", Authority: model.AuthProvince, Guessed: model.GuessedLevel},
		{SessionID: sess.ID, Voter: "Ông B", Text: "tram y te xa thieu thuoc theo danh muc bao hiem y te", Field: "y tế", Authority: model.AuthCommune},
	}
	for _, r := range rems {
		if _, err := s.SaveRemark(r); err != nil {
			t.Fatal(err)
		}
	}
	snap, err := s.Snapshot(sess.ID)
	if err != nil {
		t.Fatal(err)
	}
	items, err := s.ExportCheck(snap)
	if err != nil {
		t.Fatal(err)
	}
	want := []CheckItem{
		{Kind: CheckNoVoter, Remark: 2}, {Kind: CheckGuessedLevel, Remark: 2}, {Kind: CheckOpenRepeat, Remark: 2, Ref: "P-1"},
		{Kind: CheckNoDiacritics, Remark: 3}, {Kind: CheckDuplicate, Remark: 3, Ref: "1"},
	}
	for i := range items {
		items[i].RemarkID = 0
	}
	if !slices.Equal(items, want) {
		t.Fatalf("check:\n got %+v\nwant %+v", items, want)
	}
	// Fixed: voter named, level picked, repeat confirmed, duplicate merged
	// and retyped with marks.
	snap.Remarks[1].Voter, snap.Remarks[1].Guessed, snap.Remarks[1].RepeatOf = "Ông C", 0, []string{"P-1"}
	snap.Remarks[2].Text, snap.Remarks[2].MergedInto = "Trạm y tế xã thiếu thuốc theo danh mục bảo hiểm y tế", snap.Remarks[0].ID
	p1, _ := s.Petition("P-1")
	snap.Petitions = map[string]model.Petition{"P-1": p1}
	if items, _ := s.ExportCheck(snap); len(items) != 0 {
		t.Errorf("after fixing: %+v", items)
	}
	// A confirmed repeat of a petition the archive does not have is listed:
	// the documents leave it out of their prose.
	snap.Remarks[0].RepeatOf = []string{"P-404"}
	if items, _ := s.ExportCheck(snap); len(items) != 1 || items[0].Kind != CheckUnknownRef || items[0].Ref != "P-404" || items[0].Remark != 1 {
		t.Errorf("unknown reference: %+v", items)
	}
}

// The index's answers are remembered by text (the pre-export check asks
// again for every remark the session screen checked), but never across a
// change to the archive: a petition reworded or removed no longer matches.
func TestRememberedChecksFollowTheArchive(t *testing.T) {
	s, _ := openTemp(t)
	p := model.Petition{ID: "P-1", Text: "Đề nghị nâng cấp cầu Suối Tre trên đường liên xã bị sụt lún", Field: "giao thông",
		Authority: model.AuthProvince, RaisedAt: "2025-01-01", Status: model.StatusUnresolved}
	if _, err := s.PutPetitions([]model.Petition{p}); err != nil {
		t.Fatal(err)
	}
	text := "Cử tri đề nghị sớm nâng cấp cầu Suối Tre bị sụt lún"
	for range 2 {
		res, err := s.FindRepeats(text, RepeatOptions{})
		if err != nil || len(res.Hits) == 0 || res.Hits[0].Petition.ID != "P-1" {
			t.Fatalf("before the change: %+v %v", res.Hits, err)
		}
	}
	p.Text = "Đề nghị hỗ trợ giống lúa cho nông dân sau lũ"
	if err := s.UpdatePetition(p); err != nil {
		t.Fatal(err)
	}
	res, err := s.FindRepeats(text, RepeatOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range res.Hits {
		if h.Petition.ID == "P-1" && h.Score >= MinShown*2 {
			t.Errorf("a remembered answer outlived the change: %+v", h)
		}
	}
}

package store

import (
	"bytes"
	"testing"

	"txct/store/ingest"
	"txct/store/model"
)

// RoundSuggestions finds a demand raised at two points even when each point
// has other remarks and the first voter wrapped the demand in a greeting
// and context; it pairs it with no remark of its own point, and pairs
// nothing that is a different demand.
func TestRoundSuggestions(t *testing.T) {
	s, _ := openTemp(t)
	var list []model.Session
	for _, c := range []struct {
		date  string
		texts []string
	}{
		{"2026-11-20", []string{
			"Thưa hội nghị, tuyến đê sông Lam đoạn qua xóm 5 năm nào mùa mưa cũng sạt lở, bà con đã kiến nghị nhiều lần. Đề nghị tỉnh sớm bố trí vốn gia cố đê trước mùa mưa năm 2027.",
			"Tôi cũng đề nghị gia cố đê sông Lam qua xóm 5, nhà tôi sát chân đê.",
			"Đề nghị nạo vét kênh tiêu Cầu Đá thôn 2, nước ứ đọng gây ngập lúa vụ đông xuân.",
			"Đề nghị Trung ương tăng mức hỗ trợ đóng bảo hiểm y tế cho hộ cận nghèo, nhiều hộ không đủ tiền mua thẻ.",
			"Bà con phấn khởi vì đường giao thông nông thôn xóm 1 đã được bê tông hóa.",
		}},
		{"2026-11-21", []string{
			"Đề nghị tỉnh sớm sửa chữa đường ĐT.534 đoạn qua xã Hưng Tân, mặt đường nhiều ổ gà, đã có tai nạn xảy ra.",
			"Đề nghị tỉnh gia cố đê sông Lam đoạn qua xóm 5 xã Hưng Lợi, mùa mưa sạt lở nhiều, ảnh hưởng cả thôn Tân Phúc phía hạ lưu.",
			"Đề nghị xây mới phòng học Trường Mầm non Hưng Tân điểm thôn Tân Hòa, phòng học hiện nay xuống cấp, mùa mưa dột.",
			"Đề nghị tăng cường kiểm tra việc khai thác cát trái phép trên sông Lam đoạn qua xã.",
		}},
		{"2026-11-22", []string{
			"Đề nghị nâng cấp Trạm y tế xã Hưng Đông, bổ sung trang thiết bị và bác sĩ.",
			"Đề nghị giải quyết dứt điểm việc cấp giấy chứng nhận quyền sử dụng đất cho các hộ khu tái định cư Đông Lộc.",
			"Đề nghị lắp đặt hệ thống chiếu sáng tuyến đường liên xóm Đông Thịnh - Đông Lộc.",
		}},
	} {
		sess, _ := loopSession(t, s, c.date, nil, nil)
		var first uint64
		for i, text := range c.texts {
			r := model.Remark{SessionID: sess.ID, Voter: "Ông A", Text: text, Type: model.TypePetition}
			if i == 1 && c.date == "2026-11-20" {
				r.MergedInto = first // "tôi cũng đề nghị…" joins the first voter
			}
			r, err := s.SaveRemark(r)
			if err != nil {
				t.Fatal(err)
			}
			if i == 0 {
				first = r.ID
			}
		}
		list = append(list, sess)
	}
	snap, err := s.RoundSnapshot(list)
	if err != nil {
		t.Fatal(err)
	}
	got := RoundSuggestions(snap)
	if len(got) != 1 || got[0].Session.ID != list[1].ID || got[0].RemarkNo != 2 || got[0].LeadS.ID != list[0].ID || got[0].LeadNo != 1 {
		t.Fatalf("suggestions %+v; want remark 2 of the second point with remark 1 of the first", got)
	}
}

// A corrected bundle of a point, imported again at the office, keeps the
// clerk's same-demand marks on the round: those pointing at its remarks
// and its remarks' own, though the bundle carries neither.
func TestBundleReimportKeepsSameDemand(t *testing.T) {
	s, _ := openTemp(t)
	one, r1 := loopSession(t, s, "2026-11-20", []model.Remark{
		{Voter: "Ông Lê Văn Hải", Text: deSongLam, Type: model.TypePetition},
		{Voter: "Bà Hồ Thị Lan", Text: "Đề nghị nạo vét kênh tiêu Cầu Đá thôn 2", Type: model.TypePetition},
	}, nil)
	two, r2 := loopSession(t, s, "2026-11-21", []model.Remark{
		{Voter: "Ông Võ Văn Thành", Text: "Đề nghị sửa đường ĐT.534 đoạn qua xã Hưng Tân", Type: model.TypePetition},
		{Voter: "Bà Nguyễn Thị Hoa", Text: "Đề nghị gia cố đê sông Lam đoạn qua xóm 5", Type: model.TypePetition},
	}, nil)
	if err := s.SameDemand(r2[1].ID, r1[0].ID); err != nil {
		t.Fatal(err)
	}
	joined := func(when string) {
		t.Helper()
		snap, err := s.RoundSnapshot([]model.Session{one, two})
		if err != nil {
			t.Fatal(err)
		}
		var lead, later model.Remark
		for _, r := range snap.Remarks {
			switch r.Voter {
			case "Ông Lê Văn Hải":
				lead = r
			case "Bà Nguyễn Thị Hoa":
				later = r
			}
		}
		if later.MergedInto == 0 || later.MergedInto != lead.ID {
			t.Fatalf("%s: the dike of point 2 is no longer one demand with point 1's (merged into %d, lead %d)", when, later.MergedInto, lead.ID)
		}
	}
	joined("before")
	reimport := func(sess model.Session, edit func(*ingest.Bundle)) {
		t.Helper()
		rems, _ := s.Remarks(sess.ID)
		b, err := ingest.NewBundle(sess, rems)
		if err != nil {
			t.Fatal(err)
		}
		edit(b)
		var buf bytes.Buffer
		if err := b.Write(&buf); err != nil {
			t.Fatal(err)
		}
		back, err := ingest.ReadBundle(&buf, "b.json")
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := s.ImportBundle(back); err != nil {
			t.Fatal(err)
		}
	}
	// Point 1's laptop corrects a text and adds a remark at the top.
	reimport(one, func(b *ingest.Bundle) {
		b.Remarks[1].Text += ", nước ứ đọng gây ngập lúa"
		b.Remarks = append([]model.Remark{{Voter: "Ông Phan Văn Đức", Text: "Đề nghị lắp đèn đường xóm 1", Type: model.TypePetition}}, b.Remarks...)
		b.MergedInto = append([]int{0}, b.MergedInto...)
	})
	joined("after point 1's bundle came again")
	// Point 2's laptop corrects its dike's wording.
	reimport(two, func(b *ingest.Bundle) { b.Remarks[1].Text += " mùa mưa sạt lở nhiều" })
	joined("after point 2's bundle came again")
}

// Editing a remark marked as the same demand as a remark of another point
// keeps the mark: only the round (SameDemand) sets or clears it.
func TestEditKeepsSameDemand(t *testing.T) {
	s, _ := openTemp(t)
	_, r1 := loopSession(t, s, "2026-11-20", []model.Remark{{Voter: "Ông A", Text: deSongLam, Type: model.TypePetition}}, nil)
	_, r2 := loopSession(t, s, "2026-11-21", []model.Remark{{Voter: "Bà B", Text: "Gia cố đê sông Lam xóm 5", Type: model.TypePetition}}, nil)
	if err := s.SameDemand(r2[0].ID, r1[0].ID); err != nil {
		t.Fatal(err)
	}
	r := r2[0] // as the editor held it before the mark
	r.Text += ", mùa mưa sạt lở"
	if _, err := s.SaveRemark(r); err != nil {
		t.Fatal(err)
	}
	rems, _ := s.Remarks(r.SessionID)
	if rems[0].SameAs != r1[0].ID {
		t.Fatalf("after an edit the remark is marked the same as %d; want %d", rems[0].SameAs, r1[0].ID)
	}
	if err := s.SameDemand(r.ID, 0); err != nil {
		t.Fatal(err)
	}
	r.SameAs = r1[0].ID // an editor's stale copy does not bring the mark back
	if _, err := s.SaveRemark(r); err != nil {
		t.Fatal(err)
	}
	if rems, _ := s.Remarks(r.SessionID); rems[0].SameAs != 0 {
		t.Fatalf("a stale copy restored the mark: %d", rems[0].SameAs)
	}
}

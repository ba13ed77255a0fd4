package store

import (
	"testing"

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

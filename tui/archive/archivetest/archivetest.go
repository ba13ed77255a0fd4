// Package archivetest holds the fixtures the tests of the browse screens
// (archive, review, stats) share: a temporary store with a few petitions and
// a session whose remarks repeat some of them.
package archivetest

import (
	"testing"
	"time"

	"txct/store"
	"txct/store/model"
	"txct/tui/base"
	"txct/tui/tuitest"
)

// Now is the fixed clock of the fixtures.
var Now = time.Date(2026, 11, 22, 9, 30, 0, 0, time.UTC)

// Petitions are the archive of the fixture, in id order.
func Petitions() []model.Petition {
	return []model.Petition{
		{ID: "P-2023-001", Text: "Đề nghị sửa chữa cầu Bà Rén trên đường ĐT.741, mặt cầu bị sụt lún, xe tải qua lại rất nguy hiểm",
			Field: "giao thông", Authority: model.AuthProvince, Location: "xã Tân Thành", RaisedAt: "2023-05-10",
			Session: "Trước kỳ họp giữa năm 2023", Body: "Sở Giao thông vận tải", AnsweredAt: "2023-07-01", Ref: "245/SGTVT",
			Response: "Sở đã đưa cầu Bà Rén vào kế hoạch sửa chữa năm 2024, vốn bảo trì đường bộ của tỉnh.", Status: model.StatusInProgress},
		{ID: "P-2023-002", Text: "Cấp giấy chứng nhận quyền sử dụng đất cho các hộ ở ấp Bàu Sen còn chậm",
			Field: "đất đai", Authority: model.AuthCommune, Location: "ấp Bàu Sen", RaisedAt: "2023-11-02",
			Session: "Trước kỳ họp cuối năm 2023", Body: "UBND xã Tân Thành", AnsweredAt: "2024-01-15",
			Response: "Đã cấp xong 42 giấy chứng nhận.", Status: model.StatusResolved},
		{ID: "P-2024-003", Text: "Trạm y tế xã thiếu thuốc theo danh mục bảo hiểm y tế",
			Field: "y tế", Authority: model.AuthProvince, Location: "Trạm y tế xã Tân Thành", RaisedAt: "2024-05-20",
			Session: "Trước kỳ họp giữa năm 2024", Body: "Sở Y tế", AnsweredAt: "2024-08-01",
			Response: "Sở Y tế đã chỉ đạo bổ sung thuốc.", Status: model.StatusAnswered},
		{ID: "P-2024-004", Text: "Tăng mức phụ cấp cho người hoạt động không chuyên trách ở thôn, tổ dân phố",
			Field: "chính sách xã hội", Authority: model.AuthCentral, Location: "", RaisedAt: "2024-11-05",
			Session: "Trước kỳ họp cuối năm 2024", Status: model.StatusUnresolved},
		{ID: "H-2019-005", Text: "Nạo vét kênh mương nội đồng thôn 2 để kịp vụ đông xuân",
			Field: "nông nghiệp - thủy lợi", Authority: model.AuthDistrict, Location: "thôn 2", RaisedAt: "2019-10-01",
			Session: "Trước kỳ họp cuối năm 2019", Body: "UBND huyện Tân Phú", Response: "Huyện sẽ bố trí vốn.", Status: model.StatusUnresolved},
	}
}

// Remarks of the fixture session: two repeat archive petitions (one of them
// twice over, with an id missing from the archive), one is answered on the
// spot, one is merged into another.
func Remarks(sessionID uint64) []model.Remark {
	return []model.Remark{
		{SessionID: sessionID, Voter: "Ông Nguyễn Văn An", Address: "thôn 3", Type: model.TypePetition,
			Text:  "Cầu Bà Rén xuống cấp đã kiến nghị nhiều lần mà chưa sửa, đề nghị tỉnh sớm sửa chữa",
			Field: "giao thông", Authority: model.AuthProvince, RepeatOf: []string{"P-2023-001", "P-1999-404"}},
		{SessionID: sessionID, Voter: "Bà Trần Thị Bình", Address: "thôn 1", Type: model.TypePetition,
			Text:  "Đề nghị tăng phụ cấp cho cán bộ thôn",
			Field: "chính sách xã hội", Authority: model.AuthCentral, RepeatOf: []string{"P-2024-004"}},
		{SessionID: sessionID, Voter: "Ông Lê Văn Cường", Address: "thôn 2", Type: model.TypeOpinion,
			Text:  "Cử tri đánh giá cao việc xã hoàn thành nông thôn mới",
			Field: "khác", Authority: model.AuthCommune,
			Answer: &model.Answer{By: "Bà Lê Thị Hoa, Chủ tịch UBND xã", Text: "Xã ghi nhận và cảm ơn cử tri."}},
		{SessionID: sessionID, Voter: "", Address: "thôn 4", Type: model.TypePetition,
			Text:  "Đường liên thôn 4 ngập khi mưa lớn",
			Field: "giao thông", Authority: model.AuthCommune,
			Answer: &model.Answer{By: "Ông Phạm Văn Dũng", Text: "Xã sẽ khảo sát trong tháng 12."}},
	}
}

// Fixture is a temporary store holding Petitions, a session with Remarks and
// a second session with one remark, and the id of the first session.
func Fixture(t testing.TB) (*store.Store, uint64) {
	t.Helper()
	return fixture(t, store.Options{NoIndex: true})
}

// IndexedFixture is Fixture with the repeat index enabled, for screens that
// run repeat checks.
func IndexedFixture(t testing.TB) (*store.Store, uint64) {
	t.Helper()
	return fixture(t, store.Options{})
}

func fixture(t testing.TB, opts store.Options) (*store.Store, uint64) {
	t.Helper()
	db := tuitest.Store(t, opts)
	if _, err := db.PutPetitions(Petitions()); err != nil {
		t.Fatal(err)
	}
	sess := mustSession(t, db, "Tiếp xúc cử tri trước Kỳ họp cuối năm 2026, HĐND tỉnh", "2026-11-20")
	var first uint64
	for i, r := range Remarks(sess.ID) {
		saved, err := db.SaveRemark(r)
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = saved.ID
		}
		if i == 3 {
			saved.MergedInto = first
			if _, err := db.SaveRemark(saved); err != nil {
				t.Fatal(err)
			}
		}
	}
	other := mustSession(t, db, "Tiếp xúc cử tri sau Kỳ họp giữa năm 2026", "2026-07-15")
	if _, err := db.SaveRemark(model.Remark{SessionID: other.ID, Voter: "Ông Đỗ Văn Em", Text: "Trường tiểu học thôn 5 xuống cấp",
		Field: "giáo dục", Authority: model.AuthCommune, RepeatOf: []string{"P-2023-002"}}); err != nil {
		t.Fatal(err)
	}
	return db, sess.ID
}

func mustSession(t testing.TB, db *store.Store, title, date string) model.Session {
	t.Helper()
	s, err := db.CreateSession(model.Session{Title: title, Kind: model.KindBefore, Date: date, Start: "08:00", End: "11:00",
		Place: "Hội trường UBND xã Tân Thành", Voters: 120})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// Context is a Vietnamese context with the fixed clock.
func Context() *base.Context {
	ctx := base.NewContext(base.VI)
	ctx.Now = func() time.Time { return Now }
	return ctx
}

package export

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"txct/store/model"
)

// today is the issue date printed on the report in every test.
var today = time.Date(2027, 2, 5, 9, 0, 0, 0, time.UTC)

// hostile is what a pasted or imported text could carry: an OSC 52 clipboard
// write and a right-to-left override.
const hostile = "Đề nghị\x1b]52;c;aGk=\x07 kiểm tra \u202eđèn đường\u202c tuyến đường liên ấp 2 – ấp 5, nhiều bóng đèn hư hỏng lâu ngày chưa thay."

// example is a fixed, realistic session held in xã Tân Thành: eleven remarks
// across the three levels and nine fields, two of them merged into one group,
// two confirmed repeats (one of them also citing an id missing from the
// archive), four answers on the spot, one opinion-only remark, one voter who
// gave no name, and one remark with terminal escapes and a bidi override.
// It is written out here, not loaded from the demo data, so that the golden
// files change only when the export changes.
func example() model.Snapshot {
	s := model.Session{
		UID:           "test-tan-thanh-2026-11-20",
		Title:         "Tiếp xúc cử tri trước Kỳ họp thường lệ cuối năm 2026, HĐND tỉnh",
		Kind:          model.KindBefore,
		Sitting:       "Kỳ họp thường lệ cuối năm 2026, HĐND tỉnh Đồng Nai khóa X",
		Date:          "2026-11-20",
		Start:         "08:00",
		End:           "10:45",
		Place:         "Hội trường UBND xã Tân Thành, tỉnh Đồng Nai",
		Locality:      "Tân Thành",
		Organiser:     "Ủy ban MTTQ Việt Nam xã Tân Thành",
		ParentBody:    "Ủy ban MTTQ Việt Nam tỉnh Đồng Nai",
		DelegateGroup: "Tổ đại biểu HĐND tỉnh số 3",
		Delegates: []string{
			"Ông Nguyễn Văn Hùng, Phó Chủ tịch HĐND tỉnh, Tổ trưởng Tổ đại biểu số 3",
			"Bà Lê Thị Mai, Phó Trưởng Ban Văn hóa - Xã hội HĐND tỉnh",
		},
		Guests: []string{
			"Ông Phan Văn Tâm, Chủ tịch UBND xã Tân Thành",
			"Bà Đỗ Thị Lan, Chủ tịch Hội Liên hiệp Phụ nữ xã",
		},
		Chair:      "Ông Trần Quốc Bảo",
		ChairTitle: "Chủ tịch Ủy ban MTTQ Việt Nam xã Tân Thành",
		Secretary:  "Bà Nguyễn Thị Thu Hà",
		Voters:     124,
		Notes: []model.Note{
			{Section: model.SecOpening, Text: "Ông Trần Quốc Bảo tuyên bố lý do, giới thiệu thành phần tham dự và chương trình hội nghị."},
			{Section: model.SecReport, Text: "Bà Lê Thị Mai thông báo dự kiến nội dung, chương trình Kỳ họp thường lệ cuối năm 2026 của HĐND tỉnh.\nĐại biểu thông tin kết quả giải quyết các kiến nghị cử tri đã nêu tại kỳ tiếp xúc trước."},
			{Section: model.SecRemarks, Text: "Có 10 lượt cử tri phát biểu, nhiều ý kiến tập trung vào đường ĐT.768 xuống cấp."},
			{Section: model.SecAnswers, Text: "Ông Phan Văn Tâm tiếp thu các ý kiến thuộc thẩm quyền của xã, cam kết báo cáo kết quả tại kỳ tiếp xúc sau."},
			{Section: model.SecConclusion, Text: "Chủ trì hội nghị cảm ơn cử tri; Tổ đại biểu tiếp thu đầy đủ ý kiến, tổng hợp gửi Thường trực HĐND tỉnh chuyển cơ quan có thẩm quyền giải quyết."},
		},
	}
	r := func(id uint64, voter, addr, text string, typ model.RemarkType, f model.Field, a model.Authority) model.Remark {
		return model.Remark{ID: id, Voter: voter, Address: addr, Text: text, Type: typ, Field: f, Authority: a}
	}
	rs := []model.Remark{
		r(101, "Ông Nguyễn Văn An", "ấp 1", "Đề nghị Trung ương xem xét điều chỉnh tăng mức trợ cấp hằng tháng đối với người có công với cách mạng cho phù hợp với giá cả hiện nay.", model.TypePetition, "chính sách xã hội", model.AuthCentral),
		r(102, "Bà Trần Thị Bích", "ấp 2", "Cử tri phản ánh thủ tục khám chữa bệnh bảo hiểm y tế tuyến tỉnh còn rườm rà, người cao tuổi phải chờ lâu.", model.TypeOpinion, "y tế", model.AuthCentral),
		r(103, "Ông Lê Văn Cường", "ấp 3", "Đường ĐT.768 đoạn qua ấp 3 xuống cấp nghiêm trọng, nhiều ổ gà, đề nghị tỉnh sớm sửa chữa.", model.TypePetition, "giao thông", model.AuthProvince),
		r(104, "Bà Phạm Thị Dung", "ấp 3", "Đề nghị sửa chữa đường ĐT.768 đoạn trước chợ ấp 3, mùa mưa ngập sâu.", model.TypePetition, "giao thông", model.AuthProvince),
		r(105, "Ông Hoàng Văn Em", "ấp 4", "Hồ sơ cấp GCNQSDĐ nộp từ tháng 3 đến nay chưa được giải quyết, đề nghị xem xét.", model.TypePetition, "đất đai", model.AuthProvince),
		r(106, "Bà Võ Thị Phượng", "ấp 1", "Trường mầm non ấp 1 thiếu phòng học, các cháu phải học ghép, đề nghị xã bố trí thêm phòng.", model.TypePetition, "giáo dục", model.AuthCommune),
		r(107, "Ông Đặng Văn Giang", "ấp 5", "Kênh tiêu Bàu Sen bồi lắng, mùa mưa nước tràn vào ruộng, đề nghị nạo vét.", model.TypePetition, "nông nghiệp - thủy lợi", model.AuthCommune),
		r(108, "Bà Ngô Thị Hạnh", "ấp 2", hostile, model.TypePetition, "đô thị - xây dựng", model.AuthCommune),
		r(109, "Ông Bùi Văn Ích", "ấp 4", "Cử tri ghi nhận tình hình an ninh trật tự trên địa bàn ổn định, công an xã tuần tra thường xuyên.", model.TypeOpinion, "an ninh - trật tự", model.AuthCommune),
		r(110, "", "ấp 5", "Việc thu gom rác ở ấp 5 chỉ hai lần một tuần, rác tồn đọng gây ô nhiễm, đề nghị tăng số lần thu gom.", model.TypePetition, "môi trường", model.AuthCommune),
		r(111, "Ông Trịnh Văn Khoa", "ấp 6", "Điện ở cuối tuyến ấp 6 yếu, giờ cao điểm không chạy được máy bơm, đề nghị ngành điện nâng công suất trạm biến áp.", "", "điện - nước sinh hoạt", model.AuthProvince),
	}
	rs[3].MergedInto = 103
	rs[2].RepeatOf = []string{"P-2024-031"}
	rs[6].RepeatOf = []string{"P-2025-007", "P-2023-999"}
	rs[10].RepeatOf = []string{"P-2021-010", "P-2023-044"}
	rs[2].Answer = &model.Answer{By: "Ông Nguyễn Văn Hùng, Phó Chủ tịch HĐND tỉnh", Text: "Tổ đại biểu ghi nhận, sẽ đề nghị Sở Xây dựng kiểm tra và đưa vào kế hoạch sửa chữa năm 2027."}
	rs[4].Answer = &model.Answer{By: "Ông Phan Văn Tâm, Chủ tịch UBND xã", Text: "Hồ sơ đang ở Chi nhánh Văn phòng đăng ký đất đai; xã sẽ đôn đốc và trả lời cử tri trong tháng 12."}
	rs[5].Answer = &model.Answer{By: "Ông Phan Văn Tâm, Chủ tịch UBND xã", Text: "Năm học 2026 - 2027 xã sẽ sửa chữa hai phòng của điểm trường cũ để bố trí cho các cháu."}
	rs[9].Answer = &model.Answer{By: "", Text: "Xã sẽ làm việc với đơn vị thu gom để tăng lên ba lần một tuần."}
	ps := map[string]model.Petition{
		"P-2024-031": {ID: "P-2024-031", Text: "Sửa chữa đường ĐT.768 đoạn qua ấp 3, xã Phú Hòa (cũ).", Field: "giao thông", Authority: model.AuthProvince,
			Location: "ĐT.768, ấp 3", RaisedAt: "2024-06-12", Session: "Trước kỳ họp giữa năm 2024", Body: "Sở Xây dựng", AnsweredAt: "2024-09-30",
			Response: "Đã đưa tuyến ĐT.768 vào kế hoạch duy tu, sửa chữa năm 2025.", Status: model.StatusInProgress,
			// The last raising is this session's own: not "before".
			Raises: []model.Raise{{Date: "2025-05-20", Session: "Trước kỳ họp giữa năm 2025"}, {Date: "2026-11-20", Session: "Tiếp xúc cử tri tại xã Tân Thành"}}},
		"P-2025-007": {ID: "P-2025-007", Text: "Nạo vét kênh tiêu Bàu Sen.", Field: "nông nghiệp - thủy lợi", Authority: model.AuthDistrict,
			Location: "kênh Bàu Sen, ấp 5", RaisedAt: "2025-05-20", Session: "Trước kỳ họp giữa năm 2025", Status: model.StatusUnresolved},
		// Two records of the same demand; the answering body is named only
		// inside the answer, which is long.
		"P-2021-010": {ID: "P-2021-010", Text: "Nâng công suất trạm biến áp cuối tuyến ấp 6.", Field: "điện - nước sinh hoạt", Authority: model.AuthProvince,
			RaisedAt: "2021-11-02", Session: "Trước kỳ họp cuối năm 2021", Status: model.StatusAnswered,
			Response: "Công ty Điện lực Đồng Nai trả lời: đã khảo sát trạm biến áp ấp 6."},
		"P-2023-044": {ID: "P-2023-044", Text: "Điện cuối tuyến ấp 6 yếu, đề nghị nâng công suất trạm.", Field: "điện - nước sinh hoạt", Authority: model.AuthProvince,
			RaisedAt: "2023-06-15", Session: "Trước kỳ họp giữa năm 2023", AnsweredAt: "2023-08-20", Ref: "1520/PCĐN-KT", Status: model.StatusInProgress,
			Raises: []model.Raise{{Date: "2024-11-28", Session: "Trước kỳ họp cuối năm 2024"}},
			Response: "Công ty Điện lực Đồng Nai trả lời: Trạm biến áp ấp 6 đã được đưa vào danh mục cải tạo, nâng công suất năm 2024 với tổng mức đầu tư khoảng 1,2 tỷ đồng. " +
				"Trong thời gian chờ cải tạo, đơn vị đã cân pha, thay dây dẫn đoạn cuối tuyến và bố trí lịch vận hành máy bơm tưới tiêu ngoài giờ cao điểm để giảm sụt áp cho các hộ cuối nguồn. " +
				"Dự kiến hoàn thành cải tạo trạm trong quý IV năm 2024, sau đó điện áp cuối tuyến bảo đảm theo quy chuẩn kỹ thuật hiện hành về hệ thống phân phối điện. " +
				"Công ty sẽ tiếp tục phối hợp với UBND xã theo dõi, kiểm tra chất lượng điện áp định kỳ hằng quý và thông tin kết quả cho cử tri."},
	}
	return model.Snapshot{Session: s, Remarks: rs, Petitions: ps}
}

// large repeats the example's remarks up to n, for the benchmark.
func large(n int) model.Snapshot {
	snap := example()
	base := snap.Remarks
	for i := len(snap.Remarks); i < n; i++ {
		r := base[i%len(base)]
		r.ID = uint64(1000 + i)
		r.MergedInto = 0
		r.Text = fmt.Sprintf("%s (lượt %d)", r.Text, i)
		snap.Remarks = append(snap.Remarks, r)
	}
	return snap
}

// sixty is a 60-remark session for looking at the documents: merges,
// repeats of answered and unanswered petitions, an unknown reference, long
// names and addresses, text with ESC and other controls, remarks typed in
// lower case without a final stop, every field and level.
func sixty() model.Snapshot {
	snap := example()
	base := snap.Remarks
	snap.Remarks = nil
	addrs := []string{"ấp 1", "Tổ dân phố số 12, khu phố Suối Tre, phường Long Khánh, tỉnh Đồng Nai", "ấp Bàu Sen", "ấp 3"}
	names := []string{"Ông Nguyễn Văn An", "Bà Tôn Nữ Thị Hoàng Anh Thư Phương Nguyễn Lê", "", "Ông Bùi Văn Ích"}
	for i := range 60 {
		r := base[i%len(base)]
		r.ID = uint64(500 + i)
		r.MergedInto = 0
		r.RepeatOf = nil
		r.Answer = nil
		r.Voter = names[i%len(names)]
		r.Address = addrs[i%len(addrs)]
		r.Field = model.Fields[i%len(model.Fields)]
		r.Authority = model.Authorities[i%len(model.Authorities)]
		switch i % 6 {
		case 1:
			r.Text = "thưa hội nghị, tôi ở " + r.Address + ", bà con chúng tôi đã kiến nghị nhiều lần mà chưa thấy trả lời, " + strings.ToLower(strings.TrimSuffix(r.Text, ".")) + ", tôi xin cảm ơn"
		case 3:
			r.Text = "đề nghị làm rõ\x1b[31m việc chậm chi trả\x07 chế độ cho người cao tuổi ở " + r.Address
		}
		if i%5 == 0 {
			r.Answer = &model.Answer{By: "Ông Phan Văn Tâm, Chủ tịch UBND xã", Text: "xã ghi nhận và sẽ kiểm tra, trả lời cử tri trong tháng tới"}
		}
		switch i % 7 {
		case 2:
			r.RepeatOf = []string{"P-2024-031"}
		case 4:
			r.RepeatOf = []string{"P-2025-007", "P-2023-999"}
		case 5:
			r.RepeatOf = []string{"P-2021-010", "P-2023-044"}
		}
		if i%9 == 8 {
			r.MergedInto = snap.Remarks[i-1].ID
			r.Field, r.Authority = snap.Remarks[i-1].Field, snap.Remarks[i-1].Authority
		}
		snap.Remarks = append(snap.Remarks, r)
	}
	snap.Session.Locality = "Tân Thành sáu mươi"
	snap.Session.Chair = "Ông Tôn Thất Nguyễn Hoàng Minh Quân"
	return snap
}

// TestWriteExampleForCheck writes the example's files to the folder named by
// TXCT_EXPORT_CHECK, to be converted to PDF and looked at (see
// /work/notes/export.md). Skipped unless the variable is set.
func TestWriteExampleForCheck(t *testing.T) {
	dir := os.Getenv("TXCT_EXPORT_CHECK")
	if dir == "" {
		t.Skip("TXCT_EXPORT_CHECK not set")
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	files, err := WriteFiles(dir, example(), Formats, Options{Today: today, Force: true, SentTo: "Thường trực HĐND tỉnh Đồng Nai", Profile: model.Profile{Report: model.Issuer{Signer: "Nguyễn Văn Hùng"}}})
	if err != nil {
		t.Fatal(err)
	}
	empty := example()
	empty.Remarks = nil
	empty.Session.Notes = nil
	empty.Session.Locality = "Tân Thành trống"
	more, err := WriteFiles(dir, empty, []string{"docx"}, Options{Today: today, Force: true})
	if err != nil {
		t.Fatal(err)
	}
	big, err := WriteFiles(dir, sixty(), Formats, Options{Today: today, Force: true, SentTo: "Thường trực HĐND tỉnh Đồng Nai"})
	if err != nil {
		t.Fatal(err)
	}
	t.Log(filepath.Join(dir, "*"), append(append(files, more...), big...))
}

package demo

import "txct/store/model"

// Session returns the finished example session (without id; Load stores it):
// the voter-contact session of the provincial delegate group before the
// year-end 2026 sitting of HĐND tỉnh, with notes for every minutes section.
func Session() model.Session {
	s := model.Session{
		UID:           SessionUID,
		Title:         "Tiếp xúc cử tri trước Kỳ họp thường lệ cuối năm 2026, HĐND tỉnh khóa XI",
		Kind:          model.KindBefore,
		Sitting:       "Kỳ họp thường lệ cuối năm 2026, HĐND tỉnh Đồng Nai khóa XI",
		Date:          "2026-11-20",
		Start:         "07:30",
		End:           "10:45",
		Place:         "Hội trường UBND xã Tân Thành, ấp Trung Tâm, xã Tân Thành, tỉnh Đồng Nai",
		Locality:      "Tân Thành",
		Organiser:     "Ủy ban MTTQ Việt Nam xã Tân Thành",
		ParentBody:    "Ủy ban MTTQ Việt Nam tỉnh Đồng Nai",
		DelegateGroup: "Tổ đại biểu HĐND tỉnh đơn vị bầu cử số 12",
		Delegates: []string{
			"Ông Lê Minh Tuấn - Phó Giám đốc Sở Xây dựng - Tổ trưởng",
			"Bà Phạm Thị Thu Hà - Phó Trưởng Ban Văn hóa - Xã hội HĐND tỉnh",
			"Ông Trần Quốc Việt - Bí thư Đảng ủy xã Tân Thành",
		},
		Guests: []string{
			"Ông Võ Văn Sáu - Chủ tịch UBND xã Tân Thành",
			"Bà Nguyễn Thị Lan - Phó Chủ tịch HĐND xã Tân Thành",
			"Đại diện Sở Nông nghiệp và Môi trường",
			"Đại diện Công an xã Tân Thành",
			"Trưởng các ấp và trưởng ban công tác Mặt trận các ấp",
		},
		Chair:      "Bà Đỗ Thị Hồng Nhung",
		ChairTitle: "Chủ tịch Ủy ban MTTQ Việt Nam xã Tân Thành",
		Secretary:  "Bà Lâm Ngọc Trâm",
		Voters:     126,
		Speakers:   12,
		Recipients: []string{
			"Thường trực HĐND tỉnh",
			"Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh",
			"Văn phòng Đoàn ĐBQH và HĐND tỉnh",
			"Thường trực HĐND xã Tân Thành",
			"UBND xã Tân Thành",
			"Các đại biểu trong Tổ",
		},
	}
	s.SetNote(model.SecOpening, "Bà Đỗ Thị Hồng Nhung, Chủ tịch Ủy ban MTTQ Việt Nam xã Tân Thành, tuyên bố lý do, "+
		"giới thiệu thành phần tham dự và chương trình hội nghị. Dự hội nghị có 3 đại biểu HĐND tỉnh thuộc Tổ đại biểu "+
		"đơn vị bầu cử số 12, lãnh đạo HĐND, UBND xã, đại diện Sở Nông nghiệp và Môi trường, Công an xã và 126 cử tri của 9 ấp.")
	s.SetNote(model.SecReport, "Ông Lê Minh Tuấn, Tổ trưởng Tổ đại biểu, thông báo dự kiến nội dung Kỳ họp thường lệ cuối năm 2026 "+
		"của HĐND tỉnh khóa XI (dự kiến khai mạc ngày 08/12/2026): báo cáo tình hình kinh tế - xã hội năm 2026 và kế hoạch năm 2027; "+
		"dự toán, phân bổ ngân sách và kế hoạch đầu tư công năm 2027; các nghị quyết về hỗ trợ học sinh vùng khó khăn và mức "+
		"phụ cấp người hoạt động không chuyên trách ở ấp.\n"+
		"Đại biểu thông tin kết quả giải quyết kiến nghị cử tri gửi đến kỳ họp giữa năm 2026: dự án nâng cấp ĐT.767C đạt khoảng 85% "+
		"khối lượng; tuyến ống nước sạch về ấp Đồi Rạ đã khởi công tháng 9/2026; bảng giá đất dọc ĐT.767C đang được Sở Nông nghiệp "+
		"và Môi trường rà soát; Trung tâm Y tế khu vực Xuân Tân đã đưa 10 máy chạy thận mới vào hoạt động.")
	s.SetNote(model.SecRemarks, "Có 12 lượt cử tri phát biểu với 12 ý kiến, kiến nghị (chi tiết theo danh sách kèm theo). "+
		"Cử tri phấn khởi trước việc vận hành chính quyền địa phương hai cấp, đồng thời tiếp tục kiến nghị về dự án ĐT.767C, "+
		"cầu Suối Tre, cấp giấy chứng nhận quyền sử dụng đất ở ấp Tân Lập và nước sạch cho ấp Đồi Rạ; hai cử tri ấp Bình Lợi "+
		"và ấp Bến Cát cùng kiến nghị lắp đèn chiếu sáng đường liên ấp.")
	s.SetNote(model.SecAnswers, "Ông Lê Minh Tuấn giải trình tiến độ dự án ĐT.767C. Ông Võ Văn Sáu, Chủ tịch UBND xã, trả lời các "+
		"kiến nghị thuộc thẩm quyền của xã về cầu Suối Tre, cấp giấy chứng nhận ở ấp Tân Lập và an ninh trật tự. Bà Phạm Thị Thu Hà "+
		"tiếp thu các ý kiến về y tế, giáo dục. Những nội dung chưa trả lời tại hội nghị được Tổ đại biểu tổng hợp, "+
		"gửi cơ quan có thẩm quyền.")
	s.SetNote(model.SecConclusion, "Bà Đỗ Thị Hồng Nhung kết luận: hội nghị diễn ra dân chủ, cử tri phát biểu thẳng thắn, tâm huyết. "+
		"Tổ đại biểu tiếp thu đầy đủ, tổng hợp ý kiến, kiến nghị gửi Thường trực HĐND tỉnh trước ngày 25/11/2026; Ủy ban MTTQ "+
		"Việt Nam xã phối hợp UBND xã theo dõi việc trả lời và thông tin lại cho cử tri tại hội nghị tiếp xúc cử tri lần sau. "+
		"Biên bản đã được đọc lại và thông qua tại hội nghị.")
	return s
}

// exampleRemark is one remark of the example session. sameAs, when set, is
// the 1-based position of the remark this one merges into ("nhiều cử tri cùng
// kiến nghị"); Load turns it into MergedInto once the store has assigned ids.
type exampleRemark struct {
	model.Remark
	sameAs int
}

const (
	byTuan = "Ông Lê Minh Tuấn, Phó Giám đốc Sở Xây dựng"
	byHa   = "Bà Phạm Thị Thu Hà, Phó Trưởng Ban Văn hóa - Xã hội HĐND tỉnh"
	bySau  = "Ông Võ Văn Sáu, Chủ tịch UBND xã Tân Thành"
)

// exampleRemarks are the example session's remarks, in the order spoken:
// half opinions, half petitions; remarks 1–4 confirm repeats of archived
// petitions, remark 9 merges into remark 8.
var exampleRemarks = []exampleRemark{
	{Remark: model.Remark{
		Voter: "Ông Nguyễn Văn Hùng", Address: "ấp Bàu Sen",
		Text: "Dự án nâng cấp ĐT.767C đoạn ngã ba Cây Dầu – cầu Bàu Sen kéo dài nhiều năm, đến nay vẫn còn đoạn chưa thảm nhựa, " +
			"mùa khô bụi, mùa mưa trơn trượt. Đề nghị tỉnh đôn đốc nhà thầu hoàn thành đúng cam kết trong năm 2026.",
		Type: model.TypePetition, Field: "giao thông", Authority: model.AuthProvince,
		Location: "ĐT.767C, đoạn ngã ba Cây Dầu – cầu Bàu Sen",
		Answer: &model.Answer{By: byTuan, Text: "Dự án đạt khoảng 85% khối lượng; 2 hộ cuối cùng ở ấp Cây Dầu đã bàn giao mặt bằng " +
			"tháng 10/2026. Sở Xây dựng đã yêu cầu nhà thầu thảm nhựa toàn tuyến, phấn đấu thông xe trước Tết Nguyên đán 2027."},
		RepeatOf: []string{"DEMO-003", "DEMO-002"},
	}},
	{Remark: model.Remark{
		Voter: "Bà Trần Thị Mai", Address: "ấp Suối Tre",
		Text: "Cầu Suối Tre ngày càng xuống cấp, mùa mưa năm nay nước lại ngập mặt cầu, học sinh ấp Đồi Rạ phải nghỉ học nhiều ngày. " +
			"Cử tri đã kiến nghị từ năm 2022, đề nghị cho biết khi nào xây mới cầu.",
		Type: model.TypePetition, Field: "giao thông", Authority: model.AuthCommune,
		Location: "cầu Suối Tre, đường liên ấp Suối Tre – Đồi Rạ",
		Answer: &model.Answer{By: bySau, Text: "Cầu Suối Tre đã có trong danh mục đầu tư công trung hạn 2026–2030 của xã; UBND tỉnh " +
			"đã đồng ý hỗ trợ 70% vốn, dự kiến khởi công quý II/2027. Trước mắt xã gia cố lan can và bố trí người hướng dẫn khi nước ngập."},
		RepeatOf: []string{"DEMO-006", "DEMO-005"},
		Pressing: true,
	}},
	{Remark: model.Remark{
		Voter: "Ông Phan Văn Lợi", Address: "ấp Tân Lập",
		Text: "Gia đình tôi và nhiều hộ trên đất nông trường cao su cũ ở ấp Tân Lập vẫn chưa được cấp giấy chứng nhận quyền sử dụng đất, " +
			"hồ sơ nộp từ năm 2023. Đề nghị xã cho biết thời gian cấp giấy cho các hộ còn lại.",
		Type: model.TypePetition, Field: "đất đai", Authority: model.AuthCommune,
		Location: "ấp Tân Lập (đất nông trường cao su cũ)",
		Answer: &model.Answer{By: bySau, Text: "Đến nay xã đã cấp 58/86 giấy chứng nhận; 20 hồ sơ đã có giá đất cụ thể, dự kiến trả " +
			"giấy trong tháng 12/2026; 8 hồ sơ còn tranh chấp ranh giới, xã tiếp tục tổ chức hòa giải."},
		RepeatOf: []string{"DEMO-011"},
	}},
	{Remark: model.Remark{
		Voter: "Bà Lý Thị Hoa", Address: "ấp Đồi Rạ",
		Text: "Tuyến ống nước sạch về ấp Đồi Rạ đã khởi công nhưng thi công chậm. Đề nghị tỉnh chỉ đạo hoàn thành trước mùa khô năm 2027, " +
			"vì năm nào đến mùa khô người dân cũng phải mua nước sinh hoạt.",
		Type: model.TypePetition, Field: "điện - nước sinh hoạt", Authority: model.AuthProvince,
		Location: "ấp Đồi Rạ",
		RepeatOf: []string{"DEMO-039"},
		Pressing: true,
	}},
	{Remark: model.Remark{
		Voter: "Ông Đặng Văn Bình", Address: "ấp Cây Dầu",
		Text: "Cử tri ghi nhận Công an xã đã xử lý tốt tình trạng thanh thiếu niên chạy xe lạng lách trên ĐT.767C, an ninh trật tự " +
			"ở ấp ổn định hơn trước; mong tiếp tục duy trì tuần tra vào dịp cuối năm.",
		Type: model.TypeOpinion, Field: "an ninh - trật tự", Authority: model.AuthCommune,
		Location:  "ĐT.767C",
		Answer:    &model.Answer{By: bySau, Text: "Tiếp thu; Công an xã duy trì tuần tra cao điểm từ nay đến sau Tết Nguyên đán."},
		Dismissed: []string{"DEMO-049"},
	}},
	{Remark: model.Remark{
		Voter: "Ông Võ Thành Nam", Address: "ấp Bến Cát",
		Text: "Giá sầu riêng vụ năm 2026 giảm mạnh, nhiều lô hàng xuất khẩu bị trả về vì tồn dư chất cấm; cử tri lo lắng, mong Nhà nước " +
			"kiểm soát chặt chất lượng để giữ uy tín cho nông sản của cả vùng.",
		Type: model.TypeOpinion, Field: "nông nghiệp - thủy lợi", Authority: model.AuthCentral,
		Location: "vườn sầu riêng ấp Bến Cát",
	}},
	{Remark: model.Remark{
		Voter: "Bà Nguyễn Thị Thu", Address: "ấp Trung Tâm",
		Text: "Trạm y tế xã nay có bác sĩ khám hằng ngày, thái độ phục vụ tốt; tuy nhiên thuốc huyết áp, tiểu đường theo bảo hiểm y tế " +
			"vẫn thường thiếu, người bệnh phải tự mua.",
		Type: model.TypeOpinion, Field: "y tế", Authority: model.AuthProvince,
		Location: "Trạm y tế xã Tân Thành",
		Answer: &model.Answer{By: byHa, Text: "Tổ đại biểu tiếp thu, sẽ đề nghị Sở Y tế bảo đảm thuốc điều trị bệnh mạn tính cho trạm y tế " +
			"các xã; khi thiếu thuốc, người có thẻ BHYT được thanh toán trực tiếp chi phí tự mua theo quy định."},
	}},
	{Remark: model.Remark{
		Voter: "Ông Hồ Văn Thắng", Address: "ấp Bình Lợi",
		Text: "Đề nghị lắp đèn chiếu sáng trên đường liên ấp Bình Lợi – Bến Cát (khoảng 2 km); ban đêm đường tối, học sinh đi học thêm về " +
			"và công nhân đi làm ca đêm không an toàn.",
		Type: model.TypePetition, Field: "đô thị - xây dựng", Authority: model.AuthCommune,
		Location: "đường liên ấp Bình Lợi – Bến Cát",
	}},
	{Remark: model.Remark{
		Voter: "Bà Lê Thị Kim Oanh", Address: "ấp Bến Cát",
		Text: "Cùng ý kiến với cử tri ấp Bình Lợi: đường từ ấp Bến Cát ra ấp Bình Lợi không có đèn, đã xảy ra va chạm xe ban đêm; " +
			"đề nghị xã sớm lắp đèn đường.",
		Type: model.TypePetition, Field: "đô thị - xây dựng", Authority: model.AuthCommune,
		Location: "đường liên ấp Bình Lợi – Bến Cát",
	}, sameAs: 8},
	{Remark: model.Remark{
		Voter: "Ông Trịnh Văn Đức", Address: "ấp Suối Tre",
		Text: "Sau đợt kiểm tra, mỏ đá trong ấp đã giảm nổ mìn và có phun nước dập bụi, cử tri ghi nhận; nhưng xe chở đá vẫn chạy quá tải, " +
			"rơi vãi đá trên đường liên ấp.",
		Type: model.TypeOpinion, Field: "môi trường", Authority: model.AuthProvince,
		Location: "mỏ đá ấp Suối Tre",
	}},
	{Remark: model.Remark{
		Voter: "Bà Châu Thị Bé", Address: "ấp Cây Dầu",
		Text: "Cử tri phấn khởi vì từ tháng 7/2025 người từ đủ 75 tuổi không có lương hưu đã được hưởng trợ cấp hưu trí xã hội; " +
			"mong Nhà nước nghiên cứu nâng mức trợ cấp cho phù hợp với giá cả hiện nay.",
		Type: model.TypeOpinion, Field: "chính sách xã hội", Authority: model.AuthCentral,
	}},
	{Remark: model.Remark{
		Voter: "Ông Nguyễn Hữu Tài", Address: "ấp Trung Tâm",
		Text: "Cử tri hoan nghênh chính sách miễn học phí cho học sinh trường công lập và việc dùng một bộ sách giáo khoa thống nhất; " +
			"mong sách được cấp đủ, kịp thời cho các trường ở ấp xa.",
		Type: model.TypeOpinion, Field: "giáo dục", Authority: model.AuthCentral,
		Answer: &model.Answer{By: byHa, Text: "Tổ đại biểu ghi nhận, sẽ phản ánh tới Sở Giáo dục và Đào tạo để bảo đảm cung ứng sách " +
			"giáo khoa đầy đủ trước mỗi năm học."},
	}},
}

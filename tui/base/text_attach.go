package base

func init() {
	add(map[string][2]string{
		"attach.title":   {"Gắn trả lời vào kiến nghị đã có trong kho (%d/%d được chọn)", "Attach answers to archived petitions (%d of %d chosen)"},
		"attach.toggle":  {"gắn/bỏ", "attach or not"},
		"attach.confirm": {"nhập vào kho", "import"},
		"attach.cancel":  {"hủy (không nhập gì)", "cancel (import nothing)"},
		"attach.item":    {"Báo cáo, mục %d", "Report, item %d"},
		"attach.arch":    {"Kho %s (điểm %.2f)", "Archive %s (score %.2f)"},
		"attach.answer":  {"Trả lời", "Answer"},
		"attach.new":     {"không gắn: nhập thành kiến nghị mới", "not attached: imported as a new petition"},
	})
}

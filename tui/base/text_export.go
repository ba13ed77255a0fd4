package base

func init() {
	add(map[string][2]string{
		"exp.title":           {"Xuất biên bản và báo cáo", "Export the minutes and the report"},
		"exp.loading":         {"Đang mở…", "Opening…"},
		"exp.deadline":        {"Thời hạn gửi:", "Deadline:"},
		"exp.docx":            {"Biên bản và Báo cáo tổng hợp (DOCX)", "Minutes and summary report (DOCX)"},
		"exp.xlsx":            {"Bảng tổng hợp ý kiến (XLSX)", "Spreadsheet of remarks (XLSX)"},
		"exp.md":              {"Văn bản thuần (Markdown)", "Plain text (Markdown)"},
		"exp.force":           {"Ghi đè tệp đã có (nếu không: thêm hậu tố -2, -3…)", "Overwrite existing files (otherwise add -2, -3…)"},
		"exp.dir":             {"Thư mục:", "Folder:"},
		"exp.go":              {"Xuất văn bản", "Export"},
		"exp.busy":            {"Đang ghi văn bản…", "Writing the documents…"},
		"exp.written":         {"Đã ghi các tệp:", "Files written:"},
		"exp.done":            {"Đã xuất %d tệp", "%d files exported"},
		"exp.noformat":        {"Chọn ít nhất một định dạng", "Choose at least one format"},
		"exp.toggle":          {"chọn/bỏ", "toggle"},
		"exp.to":              {"Kính gửi:", "To:"},
		"exp.signer":          {"Người ký:", "Signed by:"},
		"exp.ph.to":           {"vd. Thường trực HĐND tỉnh (để trống nếu không gửi)", "e.g. Thường trực HĐND tỉnh (empty: none)"},
		"exp.ph.signer":       {"họ tên tổ trưởng (để trống để ký tay)", "the group leader's name (empty: sign by hand)"},
		"exp.onlythis":        {"Cơ quan ban hành sửa dưới đây chỉ áp dụng cho hội nghị này", "Issuers changed below apply to this session only"},
		"exp.rep.parent":      {"Báo cáo – cấp trên:", "Report – parent body:"},
		"exp.rep.body":        {"Báo cáo – cơ quan:", "Report – issued by:"},
		"exp.min.parent":      {"Biên bản – cấp trên:", "Minutes – parent body:"},
		"exp.min.body":        {"Biên bản – cơ quan:", "Minutes – kept by:"},
		"exp.ph.parent":       {"vd. HĐND tỉnh Đồng Nai (để trống nếu không có)", "e.g. HĐND tỉnh Đồng Nai (empty: none)"},
		"exp.ph.body":         {"vd. Tổ đại biểu HĐND tỉnh số 3", "e.g. Tổ đại biểu HĐND tỉnh số 3"},
		"exp.err.nofolder":    {"Không tạo được thư mục %s. Hãy chọn thư mục khác.", "The folder %s cannot be made. Choose another."},
		"exp.err.notfolder":   {"%s không phải là thư mục.", "%s is not a folder."},
		"exp.err.notwritable": {"Không ghi được vào thư mục %s (không có quyền ghi?).", "Cannot write into the folder %s (no permission?)."},
	})
}

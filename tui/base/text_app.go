package base

func init() {
	add(map[string][2]string{
		"app.welcome":       {"Chào mừng đến với txct", "Welcome to txct"},
		"app.demooffer":     {"Cơ sở dữ liệu còn trống. Nạp dữ liệu mẫu (khoảng 50 kiến nghị đã lưu và một hội nghị mẫu đã hoàn tất) để xem thử mọi màn hình?", "The database is empty. Load the demo (about 50 archived petitions and one finished example session) to try every screen?"},
		"app.demokeys":      {"%s: nạp mẫu    %s: bắt đầu với dữ liệu trống", "%s: load the demo    %s: start empty"},
		"app.demoloaded":    {"Đã nạp dữ liệu mẫu (đánh dấu MẪU; {Demo} để gỡ)", "Demo loaded (marked DEMO; {Demo} removes it)"},
		"app.demoask":       {"Nạp dữ liệu mẫu (khoảng 50 kiến nghị và một hội nghị mẫu)? Dữ liệu mẫu được đánh dấu và gỡ được bằng {Demo}.", "Load the demo (about 50 petitions and an example session)? Demo records are marked and {Demo} removes them."},
		"app.demobeside":    {"Cơ sở dữ liệu đang có hội nghị hoặc kiến nghị thật. Thêm dữ liệu mẫu bên cạnh? Không bản ghi nào đang có bị ghi đè; {Demo} gỡ dữ liệu mẫu sau.", "The database holds real sessions or petitions. Add the demo beside them? No record on file is overwritten; {Demo} removes the demo later."},
		"app.demoremoveask": {"Gỡ dữ liệu mẫu: %d hội nghị mẫu và %d kiến nghị mẫu? Dữ liệu thật không bị động đến.", "Remove the demo: %d example sessions and %d demo petitions? Real records are not touched."},
		"app.demoremoved":   {"Đã gỡ dữ liệu mẫu: %d hội nghị, %d kiến nghị", "Demo removed: %d sessions, %d petitions"},
		"app.anykey":        {"Nhấn phím bất kỳ để tiếp tục", "Press any key to continue"},
		"app.yesno":         {"C/Y: đồng ý    phím khác: thôi", "Y: yes    any other key: no"},
		"app.cancelled":     {"Đã hủy, không có gì thay đổi", "Cancelled; nothing changed"},
	})
}

package base

func init() {
	add(map[string][2]string{
		"app.welcome":    {"Chào mừng đến với txct", "Welcome to txct"},
		"app.demooffer":  {"Cơ sở dữ liệu còn trống. Nạp dữ liệu mẫu (khoảng 50 kiến nghị đã lưu và một hội nghị mẫu đã hoàn tất) để xem thử mọi màn hình?", "The database is empty. Load the demo (about 50 archived petitions and one finished example session) to try every screen?"},
		"app.demokeys":   {"C / Enter: nạp mẫu    K / Esc: bắt đầu với dữ liệu trống", "Y / Enter: load the demo    N / Esc: start empty"},
		"app.demoloaded": {"Đã nạp dữ liệu mẫu", "Demo loaded"},
	})
}

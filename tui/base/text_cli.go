package base

// Strings of the command line's human-readable output. JSON output keeps its
// English keys and codes and does not use these.
func init() {
	add(map[string][2]string{
		"cli.sess.none":      {"Chưa có hội nghị nào. Tạo hội nghị đầu tiên: chạy `txct` rồi nhấn n; muốn xem thử trước thì nạp dữ liệu mẫu bằng `txct demo`; một hội nghị từ máy khác: `txct bundle import TỆP`.", "No sessions yet. Create the first one: run `txct` and press n; to look around first, load the demo with `txct demo`; a session from another laptop: `txct bundle import FILE`."},
		"cli.nosessions":     {"chưa có hội nghị nào", "there are no sessions"},
		"cli.nosession":      {"không có hội nghị %q (cho số của nó trong `txct sessions`, uid của nó, hoặc latest)", "no session %q (give its number from `txct sessions`, its uid, or latest)"},
		"cli.sess.head":      {"SỐ\tNGÀY\tĐỊA ĐIỂM\tHÌNH THỨC\tÝ KIẾN\tHẠN\tTÌNH TRẠNG", "ID\tDATE\tPLACE\tKIND\tREMARKS\tDUE\tSTATE"},
		"cli.dl.show":        {"hạn gửi báo cáo: %d %s sau ngày tiếp xúc", "deadline: %d %s after the session"},
		"cli.dl.calendar":    {"ngày", "calendar days"},
		"cli.dl.working":     {"ngày làm việc", "working days"},
		"cli.dl.daysoff":     {"; ngày nghỉ: %s", "; days off: %s"},
		"cli.backup.done":    {"đã sao lưu %s vào %s", "backed up %s to %s"},
		"cli.restore.kept":   {"đã khôi phục %s từ %s; tệp bị thay được giữ lại là %s", "restored %s from %s; the replaced file is kept as %s"},
		"cli.restore.done":   {"đã khôi phục %s từ %s", "restored %s from %s"},
		"cli.verify.ok":      {"%s: tốt", "%s: ok"},
		"cli.demo.done":      {"đã nạp dữ liệu mẫu vào %s: %d kiến nghị trong kho, hội nghị mẫu số %d (gỡ bằng `txct demo --remove`)", "demo loaded into %s: %d petitions in the archive, example session %d (remove it with `txct demo --remove`)"},
		"cli.demo.removed":   {"đã gỡ dữ liệu mẫu khỏi %s: %d hội nghị, %d kiến nghị trong kho", "demo removed from %s: %d sessions, %d archive petitions"},
		"cli.demo.notloaded": {"không nạp dữ liệu mẫu", "demo not loaded"},
		"cli.demo.ask":       {"%s đã có hội nghị hoặc kiến nghị. Nạp dữ liệu mẫu bên cạnh? Không ghi đè bản ghi nào, và `txct demo --remove` gỡ lại được. [c/K] ", "%s holds sessions or archive petitions. Add the demo beside them? No record on file is overwritten, and `txct demo --remove` takes it out again. [y/N] "},
		"cli.archive.wrote":  {"%s: %d kiến nghị", "%s: %d petitions"},
		"cli.archive.fwd":    {"hội nghị số %d: thêm %d, cập nhật %d, rút %d, %d lặp lại kiến nghị cũ", "session %d: %d added, %d updated, %d withdrawn, %d repeats of earlier petitions"},
		"cli.answers.done":   {"%s: %d dòng, ghi %d trả lời, đổi %d tình trạng, %d không đổi", "%s: %d rows, %d answers recorded, %d statuses changed, %d unchanged"},
		"cli.answers.warn":   {"cảnh báo: %s", "warning: %s"},
		"cli.bundle.wrote":   {"đã ghi hội nghị số %d (%d ý kiến) vào %s", "wrote session %d (%d remarks) to %s"},
		"cli.bundle.warn":    {"cảnh báo: %s: %s", "warning: %s: %s"},
		"cli.import.done":    {"%s: thêm %d, cập nhật %d, từ chối 0", "%s: %d added, %d updated, 0 refused"},
		"cli.import.dups":    {", bỏ qua %d dòng trùng", ", %d duplicate rows skipped"},
		"cli.import.enc":     {" (chuyển từ %s)", " (converted from %s)"},
		"cli.import.took":    {" trong %v", " in %v"},
		"cli.import.refused": {"%s: thêm 0, cập nhật 0, từ chối (không nhập gì từ tệp này)", "%s: 0 added, 0 updated, refused (nothing from this file was imported)"},
		"cli.saveerr":        {"lưu %s: %v", "saving %s: %v"},
		"cli.backuperr":      {"sao lưu tự động %s: %v", "automatic backup of %s: %v"},
	})
}

package base

// Strings of the round screen and of the round in the export dialog.
func init() {
	add(map[string][2]string{
		"round.title":       {"Đợt tiếp xúc cử tri", "The round of voter-contact sessions"},
		"round.loading":     {"Đang đọc các điểm tiếp xúc…", "Reading the round's points…"},
		"round.nogroup":     {"(chưa ghi)", "(not set)"},
		"round.due":         {"Hạn gửi báo cáo đợt: %s (%s)", "Round report due: %s (%s)"},
		"round.points":      {"Các điểm tiếp xúc (%d)", "Points held (%d)"},
		"round.point":       {"%d. %s · %s · %d ý kiến", "%d. %s · %s · %d remarks"},
		"round.same":        {"Kiến nghị giống nhau giữa các điểm", "The same demand at several points"},
		"round.none":        {"Không có kiến nghị nào giống nhau giữa các điểm.", "No demand was raised at more than one point."},
		"round.suggested":   {"? Điểm %d, số %d ≈ điểm %d, số %d (giống %d%%) · chưa xác nhận", "? Point %d, no. %d ≈ point %d, no. %d (%d%% alike) · not confirmed"},
		"round.confirmed":   {"✓ Điểm %d, số %d = điểm %d, số %d · đã xác nhận: gộp trong báo cáo đợt", "✓ Point %d, no. %d = point %d, no. %d · confirmed: one item in the round report"},
		"round.hint":        {"{Confirm/1}: xác nhận · {Dismiss/1}: bỏ xác nhận · {Undo/1}: hoàn tác · {Back/1}: trở lại", "{Confirm/1}: confirm · {Dismiss/1}: unconfirm · {Undo/1}: undo · {Back/1}: back"},
		"round.did":         {"Đã gộp điểm %d số %d với điểm %d số %d ({Undo/1}: hoàn tác)", "Point %d no. %d joined point %d no. %d ({Undo/1}: undo)"},
		"round.undid":       {"Đã bỏ gộp điểm %d số %d ({Undo/1}: hoàn tác)", "Point %d no. %d is on its own again ({Undo/1}: undo)"},
		"round.key.confirm": {"cùng kiến nghị", "one demand"},
		"round.key.clear":   {"bỏ xác nhận", "unconfirm"},
		"round.nothing":     {"Không còn thay đổi nào để hoàn tác", "Nothing left to undo"},

		"exp.written.n": {"Đã ghi %d tệp vào %s: %s", "%d files written to %s: %s"},
		"exp.round":     {"Báo cáo tổng hợp của đợt (%d điểm)", "Round summary report (%d points)"},
		"exp.sitting":   {"Báo cáo tổng hợp của kỳ họp (%d tổ đại biểu, %d điểm)", "Sitting summary report (%d delegate groups, %d points)"},
		"exp.same":      {"Trùng giữa các điểm: %d gợi ý chưa xác nhận, %d đã xác nhận · {Open/1}: xem", "Same demand at several points: %d suggested, %d confirmed · {Open/1}: open"},
	})
}

package base

func init() {
	add(map[string][2]string{
		"key.share":        {"chia sẻ cho đại biểu", "share with the delegates"},
		"share.title":      {"Chia sẻ hội nghị cho đại biểu", "Sharing the session with the delegates"},
		"share.scan":       {"Quét mã hoặc mở địa chỉ trên điện thoại, máy tính cùng mạng:", "Scan the code or open the address on a phone or computer on the same network:"},
		"share.close":      {"%s hoặc gõ tiếp: đóng (vẫn chia sẻ)", "%s or keep typing: close (sharing goes on)"},
		"share.on":         {"⇄ Đang chia sẻ · %d thiết bị", "⇄ Sharing · %d devices"},
		"share.onhidden":   {"⇄ Đang chia sẻ (ẩn địa chỉ) · %d thiết bị", "⇄ Sharing (addresses hidden) · %d devices"},
		"share.started":    {"Đã bật chia sẻ: %s", "Sharing on: %s"},
		"share.leaveask":   {"Đang chia sẻ hội nghị này cho đại biểu (%d thiết bị). Rời hội nghị sẽ dừng chia sẻ: mọi thiết bị mất trang và phải quét mã mới. Rời hội nghị?", "This session is being shared with the delegates (%d devices). Leaving it stops sharing: every device loses the page and must scan a new code. Leave the session?"},
		"share.stopped":    {"Đã dừng chia sẻ.", "Sharing stopped."},
		"share.failed":     {"Không bật được chia sẻ", "Cannot start sharing"},
		"share.nonetwork":  {"Không bật được chia sẻ: máy không kết nối mạng nội bộ (Wi-Fi hoặc cáp). Hãy kết nối mạng của phòng họp rồi thử lại; phần mềm vẫn hoạt động bình thường.", "Cannot start sharing: this computer is not on a local network (Wi-Fi or cable). Join the meeting room's network and try again; everything else keeps working."},
		"share.netlost":    {"⚠ Mạng đã thay đổi: thiết bị không còn xem được. Dừng rồi bật lại chia sẻ để có địa chỉ mới.", "⚠ The network changed: devices can no longer connect. Stop and start sharing again for a new address."},
		"share.netback":    {"Mạng đã trở lại; thiết bị xem tiếp được.", "The network is back; devices can connect again."},
		"share.netlostbar": {"⚠ Chia sẻ: mất mạng", "⚠ Sharing: network lost"},
		"share.serving":    {"Đang chia sẻ (chỉ xem) hội nghị: %s. Nhấn {Quit} để dừng.", "Sharing (read-only) the session: %s. Press {Quit} to stop."},
		"share.addrhidden": {"Địa chỉ của cử tri được ẩn.", "Voters' addresses are hidden."},
		"share.addrshown":  {"Địa chỉ của cử tri được hiển thị.", "Voters' addresses are shown."},
		"share.uselocked":  {"Ứng dụng txct đang mở tệp dữ liệu này: hãy chia sẻ từ màn hình hội nghị ({Share}).", "The txct app has this database open: share from the session screen ({Share})."},
		"share.viewers":    {"%d thiết bị đang xem.", "%d devices watching."},
	})
}

package base

import (
	"errors"

	"txct/store"
	"txct/store/safefile"
)

func init() {
	add(map[string][2]string{
		"file.inuse":    {"Không ghi đè được %s vì tệp đang mở trong %s: hãy đóng tệp trong %s rồi thử lại.", "Cannot replace %s because it is open in %s: close it in %s and try again."},
		"file.moved":    {"Đã chuyển cơ sở dữ liệu và các bản sao lưu từ %s sang %s, thư mục dữ liệu của hệ điều hành.", "Moved the database and its backups from %s to %s, the system's data folder."},
		"file.locked":   {"%s: một txct khác đang mở tệp này; hãy đóng nó rồi thử lại.", "%s: another txct has it open; close it and try again."},
		"file.inuseany": {"Không ghi đè được %s vì một chương trình khác đang mở tệp (trình xem tệp, phần mềm sao lưu hoặc diệt virus): hãy đóng chương trình đó rồi thử lại.", "Cannot replace %s because another program has it open (a file viewer, backup tool or virus scanner): close it and try again."},
		"file.held":     {"Không mở được %s vì tệp đang mở trong %s: hãy đóng tệp trong %s rồi thử lại. Tệp vẫn nguyên vẹn.", "Cannot open %s because it is open in %s: close it in %s and try again. The file is untouched."},
		"file.heldany":  {"Không mở được %s vì một chương trình khác đang giữ tệp (phần mềm sao lưu, đồng bộ hoặc diệt virus): hãy đóng chương trình đó rồi thử lại. Tệp vẫn nguyên vẹn.", "Cannot open %s because another program keeps it open (a backup, sync or virus scanner): close that program and try again. The file is untouched."},
		"file.readonly": {"Không ghi được vào %s: ổ đĩa hoặc thư mục chỉ cho đọc, tệp có thuộc tính Chỉ đọc, hoặc tài khoản này không có quyền ghi. Hãy bỏ thuộc tính Chỉ đọc, hoặc chép tệp sang một thư mục ghi được rồi mở bản chép:\n  %s\n  %s\nCác lệnh chỉ đọc (sessions, check, backup, verify) vẫn dùng được tệp này.", "Cannot write to %s: the drive or folder is read-only, the file has the read-only attribute, or this account may not write it. Clear the read-only attribute, or copy the file to a folder you can write and open the copy:\n  %s\n  %s\nCommands that only read (sessions, check, backup, verify) still work on this file."},
		"file.network":  {"%s nằm trên ổ mạng: txct chỉ ghi vào cơ sở dữ liệu trên máy này, vì mất kết nối giữa buổi sẽ làm mất phần đang gõ và có thể làm hỏng tệp. Hãy chép về máy rồi mở bản chép:\n  %s\n  %s\nĐể gửi một buổi cho người khác, dùng txct bundle export.", "%s is on a network drive: txct writes only to a database on this computer, because a connection lost in the middle of a session would lose what was typed and could damage the file. Copy it to this computer and open the copy:\n  %s\n  %s\nTo pass a session on to someone, use txct bundle export."},
		"file.copyname": {"BẢN-CHÉP.db", "COPY.db"},
	})
}

// FileError words an error the user acts on about the database or a file
// being replaced, in the UI language, and reports whether err was one: a
// file another txct or another program holds (naming the program to close),
// a read-only file, folder or drive, or a database on a network drive.
func (t Text) FileError(err error) (string, bool) {
	var oe *store.OpenError
	if errors.As(err, &oe) {
		copyTo := t.S("file.copyname")
		switch {
		case errors.Is(oe.Err, store.ErrLocked):
			return t.F("file.locked", oe.Path), true
		case errors.Is(oe.Err, store.ErrReadOnlyFile), errors.Is(oe.Err, store.ErrNetwork):
			key := "file.readonly"
			if errors.Is(oe.Err, store.ErrNetwork) {
				key = "file.network"
			}
			return t.F(key, oe.Path, store.Command("--db", oe.Path, "backup", copyTo), store.Command("--db", copyTo)), true
		}
	}
	var ie *safefile.InUseError
	if !errors.As(err, &ie) {
		return "", false
	}
	held, heldAny := "file.inuse", "file.inuseany"
	if ie.Open {
		held, heldAny = "file.held", "file.heldany"
	}
	if p := ie.Program(); p != "" {
		return t.F(held, ie.Path, p, p), true
	}
	return t.F(heldAny, ie.Path), true
}

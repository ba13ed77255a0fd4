package base

import (
	"errors"

	"txct/store"
	"txct/store/safefile"
)

func init() {
	add(map[string][2]string{
		"file.inuse":     {"Không ghi đè được %s vì tệp đang mở trong %s: hãy đóng tệp trong %s rồi thử lại.", "Cannot replace %s because it is open in %s: close it in %s and try again."},
		"file.moved":     {"Đã chuyển cơ sở dữ liệu và các bản sao lưu từ %s sang %s, thư mục dữ liệu của hệ điều hành.", "Moved the database and its backups from %s to %s, the system's data folder."},
		"file.locked":    {"%s: một txct khác đang mở tệp này; hãy đóng nó rồi thử lại.", "%s: another txct has it open; close it and try again."},
		"file.inuseany":  {"Không ghi đè được %s vì một chương trình khác đang mở tệp (trình xem tệp, phần mềm sao lưu hoặc diệt virus): hãy đóng chương trình đó rồi thử lại.", "Cannot replace %s because another program has it open (a file viewer, backup tool or virus scanner): close it and try again."},
		"file.held":      {"Không mở được %s vì tệp đang mở trong %s: hãy đóng tệp trong %s rồi thử lại. Tệp vẫn nguyên vẹn.", "Cannot open %s because it is open in %s: close it in %s and try again. The file is untouched."},
		"file.heldany":   {"Không mở được %s vì một chương trình khác đang giữ tệp (phần mềm sao lưu, đồng bộ hoặc diệt virus): hãy đóng chương trình đó rồi thử lại. Tệp vẫn nguyên vẹn.", "Cannot open %s because another program keeps it open (a backup, sync or virus scanner): close that program and try again. The file is untouched."},
		"file.readonly":  {"Không ghi được vào %s: ổ đĩa hoặc thư mục chỉ cho đọc, tệp có thuộc tính Chỉ đọc, hoặc tài khoản này không có quyền ghi. Hãy bỏ thuộc tính Chỉ đọc, hoặc chép tệp sang một thư mục ghi được rồi mở bản chép:\n  %s\n  %s\nCác lệnh chỉ đọc (sessions, check, backup, verify) vẫn dùng được tệp này.", "Cannot write to %s: the drive or folder is read-only, the file has the read-only attribute, or this account may not write it. Clear the read-only attribute, or copy the file to a folder you can write and open the copy:\n  %s\n  %s\nCommands that only read (sessions, check, backup, verify) still work on this file."},
		"file.network":   {"%s nằm trên ổ mạng: txct chỉ ghi vào cơ sở dữ liệu trên máy này, vì mất kết nối giữa buổi sẽ làm mất phần đang gõ và có thể làm hỏng tệp. Hãy chép về máy rồi mở bản chép:\n  %s\n  %s\nĐể gửi một buổi cho người khác, dùng txct bundle export.", "%s is on a network drive: txct writes only to a database on this computer, because a connection lost in the middle of a session would lose what was typed and could damage the file. Copy it to this computer and open the copy:\n  %s\n  %s\nTo pass a session on to someone, use txct bundle export."},
		"file.copyname":  {"BẢN-CHÉP.db", "COPY.db"},
		"file.nodb":      {"%s: không có cơ sở dữ liệu ở đây", "%s: no database here"},
		"file.newer":     {"%s: cơ sở dữ liệu do một bản txct mới hơn ghi; hãy cập nhật txct. Tệp vẫn nguyên vẹn.", "%s: the database was written by a newer txct; update txct. The file is untouched."},
		"file.empty":     {"%s: tệp trống, không phải cơ sở dữ liệu txct. Tệp được để nguyên.", "%s: the file is empty, not a txct database. The file is left as it is."},
		"file.nottxct":   {"%s: không phải cơ sở dữ liệu txct. Tệp được để nguyên.", "%s: not a txct database. The file is left as it is."},
		"file.corrupt":   {"%s: cơ sở dữ liệu bị hỏng. Tệp được để nguyên.", "%s: the database is damaged. The file is left as it is."},
		"file.ifdamaged": {"Nếu đây là cơ sở dữ liệu txct bị hỏng:", "If this was a txct database and is damaged:"},
		"file.restore":   {"bản sao lưu tự động mới nhất là %s\nđể quay về bản đó, chạy: %s", "the newest automatic backup is %s\nto go back to it, run: %s"},
		"file.nobackup":  {"không tìm thấy bản sao lưu tự động; nếu có bản chép, chạy: %s", "no automatic backup was found; if you have a copy, run: %s"},
	})
}

// FileError words an error the user acts on about the database or a file
// being replaced, in the UI language, and reports whether err was one: a
// file another txct or another program holds (naming the program to close),
// a read-only file, folder or drive, a database on a network drive, no
// database at the path, one written by a newer txct, or a file that is not
// a txct database or is damaged (with the command that restores a backup).
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
		case errors.Is(oe.Err, store.ErrNoDatabase):
			return t.F("file.nodb", oe.Path), true
		case errors.Is(oe.Err, store.ErrNewer):
			return t.F("file.newer", oe.Path), true
		case errors.Is(oe.Err, store.ErrEmptyFile), errors.Is(oe.Err, store.ErrNotTxct), errors.Is(oe.Err, store.ErrCorrupt):
			return t.openDamaged(oe), true
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

// openDamaged words a database that is empty, foreign or damaged, and how
// to restore a backup when that is the way out.
func (t Text) openDamaged(oe *store.OpenError) string {
	key := "file.corrupt"
	switch {
	case errors.Is(oe.Err, store.ErrEmptyFile):
		key = "file.empty"
	case errors.Is(oe.Err, store.ErrNotTxct):
		key = "file.nottxct"
	}
	msg := t.F(key, oe.Path)
	if !oe.Restore {
		return msg
	}
	if !errors.Is(oe.Err, store.ErrCorrupt) {
		msg += "\n" + t.S("file.ifdamaged")
	}
	if oe.Backup == "" {
		return msg + "\n" + t.F("file.nobackup", oe.RestoreCommand())
	}
	return msg + "\n" + t.F("file.restore", oe.Backup, oe.RestoreCommand())
}

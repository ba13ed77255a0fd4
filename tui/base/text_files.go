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
	})
}

// InUse words an error about a file another program holds open, naming the
// program to close, and reports whether err was one.
func (t Text) InUse(err error) (string, bool) {
	var oe *store.OpenError
	if errors.As(err, &oe) && errors.Is(oe.Err, store.ErrLocked) {
		return t.F("file.locked", oe.Path), true
	}
	var ie *safefile.InUseError
	if !errors.As(err, &ie) {
		return "", false
	}
	if p := ie.Program(); p != "" {
		return t.F("file.inuse", ie.Path, p, p), true
	}
	return t.F("file.inuseany", ie.Path), true
}

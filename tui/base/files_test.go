package base

import (
	"errors"
	"strings"
	"testing"

	"txct/store"
	"txct/store/safefile"
)

// Each file problem the user acts on is worded in the UI language, names the
// file and says what to do; a program Windows names is the one to close.
func TestFileErrorWords(t *testing.T) {
	const db = `C:\Dữ liệu TXCT\txct.db`
	vi, en := Text{Lang: VI}, Text{Lang: EN}
	cases := []struct {
		name string
		err  error
		t    Text
		want []string
	}{
		{"locked", &store.OpenError{Path: db, Err: store.ErrLocked}, vi, []string{db, "một txct khác"}},
		{"read-only", &store.OpenError{Path: db, Err: store.ErrReadOnlyFile}, vi, []string{db, "chỉ cho đọc", "backup", "BẢN-CHÉP.db", "sessions, check"}},
		{"read-only en", &store.OpenError{Path: db, Err: store.ErrReadOnlyFile}, en, []string{db, "read-only", "COPY.db"}},
		{"network", &store.OpenError{Path: `\\may-chu\chung\txct.db`, Err: store.ErrNetwork}, vi, []string{`\\may-chu\chung\txct.db`, "ổ mạng", "mất kết nối", "bundle export"}},
		{"held by a named program", &safefile.InUseError{Path: db, Holders: []string{"Cobian Backup"}, Open: true}, vi, []string{"Không mở được", db, "đóng tệp trong Cobian Backup"}},
		{"held by someone", &safefile.InUseError{Path: db, Open: true}, vi, []string{"Không mở được", db, "chương trình khác"}},
		{"replace in Word", &safefile.InUseError{Path: `C:\out\bien-ban.docx`}, vi, []string{"Không ghi đè được", "đóng tệp trong Word"}},
		{"replace, Windows names it", &safefile.InUseError{Path: `C:\out\bien-ban.docx`, Holders: []string{"Microsoft Word"}}, vi, []string{"đóng tệp trong Microsoft Word"}},
	}
	for _, c := range cases {
		got, ok := c.t.FileError(c.err)
		if !ok {
			t.Errorf("%s: not worded", c.name)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: %q lacks %q", c.name, got, w)
			}
		}
	}
	if _, ok := vi.FileError(errors.New("disk full")); ok {
		t.Error("an unrelated error was worded as a file problem")
	}
}

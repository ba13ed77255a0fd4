package live

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"txct/store"
	"txct/store/demo"
	"txct/store/model"
)

// hostile is what a pasted or imported text could carry: markup, an OSC 52
// clipboard write and a bidi override.
const (
	hostileVoter = `Ông <img src=x onerror=alert(1)>`
	hostileText  = "Đề nghị\x1b]52;c;aGk=\x07 kiểm tra \u202eđèn đường\u202c liên ấp </article><script>alert(1)</script>"
	hostileAddr  = "ấp \"Bàu\" & 'Sen'"
)

// fixture is a store holding the demo archive and example session (whose
// remarks repeat archived petitions) plus one hostile remark.
func fixture(t testing.TB) (*store.Store, uint64) {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "txct.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	sid, err := demo.Load(db, time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if err := db.LoadIndex(); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SaveRemark(model.Remark{SessionID: sid, Voter: hostileVoter, Address: hostileAddr, Text: hostileText,
		Type: model.TypePetition, Field: "đô thị - xây dựng", Authority: model.AuthCommune}); err != nil {
		t.Fatal(err)
	}
	return db, sid
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }

package tui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"txct/store"
	"txct/store/model"
	"txct/tui/base"
)

// onNewSession is the root at w×h on the screen of a new, empty session.
func onNewSession(t *testing.T, w, h int) (*Model, *store.Store) {
	t.Helper()
	m, db := newRoot(t, base.VI, Options{})
	sess, err := db.CreateSession(model.Session{Title: "TXCT xã Tân Thành", Kind: model.KindBefore, Date: "2026-11-20"})
	if err != nil {
		t.Fatal(err)
	}
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	run(m, func() tea.Msg { return base.OpenSessionMsg{ID: sess.ID} })
	return m, db
}

// After resizing to 30×10 and back, the remark's text field showed blank
// although its text was saved, and keys typed while "too small" was up went
// into the field unseen.
func TestTinyResizeMidWord(t *testing.T) {
	for _, tiny := range [][2]int{{30, 10}, {20, 5}} {
		m, _ := onNewSession(t, 120, 36)
		text := "De nghi tinh som nang cap tuyen duong DT.767C doan qua ap Trung Tam vi xuong cap nang ne, nhieu o ga lon"
		for _, r := range text {
			m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
		}
		m.Update(tea.WindowSizeMsg{Width: tiny[0], Height: tiny[1]})
		_ = m.View()
		for _, r := range " them" {
			m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
		}
		m.Update(tea.KeyPressMsg{Code: 'd', Mod: tea.ModCtrl})
		m.Update(tea.PasteMsg{Content: "dan vao"})
		// The terminal answers the size request the held keys made: still tiny.
		m.Update(tea.WindowSizeMsg{Width: tiny[0], Height: tiny[1]})
		m.Update(tea.WindowSizeMsg{Width: 120, Height: 36})
		v := view(m)
		if !strings.Contains(v, "Nội dung: De nghi tinh som") || strings.Contains(v, "them") || strings.Contains(v, "dan vao") {
			t.Errorf("after %v and back:\n%s", tiny, v)
		}
	}
}

// Keys typed just as the window grows back from "too small" arrive before
// the new size; they were dropped, and the rest of the word was lost
// ("thời hạn" came out as "thhanj" with Telex). They now wait for the
// terminal's size and land in the field once it is large enough.
func TestKeysAsWindowGrowsBack(t *testing.T) {
	m, _ := onNewSession(t, 80, 24)
	for _, r := range "De nghi tr" {
		m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	m.Update(tea.WindowSizeMsg{Width: 20, Height: 5})
	// The window has grown back, but its size comes after these keys.
	var asked bool
	for _, r := range "a loi" {
		_, cmd := m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
		if cmd != nil && fmt.Sprintf("%T", cmd()) == fmt.Sprintf("%T", tea.RequestWindowSize()) {
			asked = true
		}
	}
	m.Update(tea.PasteMsg{Content: " ro rang"})
	if !asked {
		t.Error("a key held while too small did not ask for the window's size")
	}
	if v := view(m); !strings.Contains(v, "quá nhỏ") {
		t.Fatalf("not too small before the size came: %q", v)
	}
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	if v := view(m); !strings.Contains(v, "Nội dung: De nghi tra loi ro rang") {
		t.Errorf("keys typed as the window grew back were lost:\n%s", v)
	}
	// Nothing held is handled twice.
	m.Update(tea.WindowSizeMsg{Width: 81, Height: 24})
	if v := view(m); !strings.Contains(v, "Nội dung: De nghi tra loi ro rang") || strings.Contains(v, "rangla") {
		t.Errorf("after a second size:\n%s", v)
	}
}

// "Đã gộp với ý kiến số 8" stayed on the status line long after the merge,
// read as the answer to the next key. Messages now expire; errors stay.
func TestStatusExpires(t *testing.T) {
	m, _ := newRoot(t, base.VI, Options{})
	now := time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)
	m.ctx.Now = func() time.Time { return now }
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	_, cmd := m.Update(base.StatusMsg{Text: "Đã gộp với ý kiến số 8"})
	if cmd == nil || !strings.Contains(view(m), "Đã gộp với ý kiến số 8") {
		t.Fatalf("status not shown or no expiry scheduled:\n%s", view(m))
	}
	now = now.Add(statusTTL)
	m.Update(statusExpiredMsg{})
	if strings.Contains(view(m), "Đã gộp") {
		t.Errorf("status still shown after %v", statusTTL)
	}
}

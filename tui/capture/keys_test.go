package capture

import (
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"txct/store/model"
	"txct/tui/base"
)

// statuses runs a key and returns the status lines it sent.
func statuses(m *Model, msg tea.Msg) []string {
	_, cmd := m.Update(msg)
	var out []string
	for _, x := range collect(cmd) {
		if s, ok := x.(base.StatusMsg); ok {
			out = append(out, s.Text)
		}
	}
	return out
}

// With the list focused, typing words as if a remark were open ("de nghi")
// used to delete remark 12 (d), open remark 11 (e) and append the rest to
// its text. Now the words start a new remark and no existing one changes.
func TestListTypingChangesNoRemark(t *testing.T) {
	m, fs := newTest(t, 13, 120, 36)
	before := cloneRemarks(m.remarks)
	m.sel = 11
	typeText(m, "de nghi")
	if len(m.remarks) != 14 {
		t.Fatalf("%d remarks, want the 13 plus a new one", len(m.remarks))
	}
	for i, r := range before {
		if !sameRemark(r, m.remarks[i]) {
			t.Errorf("remark %d changed: %+v", i+1, m.remarks[i])
		}
		if saved, ok := fs.remarks[r.ID]; ok && !sameRemark(saved, r) {
			t.Errorf("remark %d saved changed: %q", i+1, saved.Text)
		}
	}
	if got := m.remarks[13].Text; got != "de nghi" {
		t.Errorf("new remark text = %q", got)
	}
	if !m.Typing() || m.ed.focus != fText {
		t.Errorf("typing=%v focus=%d, want the new remark's text", m.Typing(), m.ed.focus)
	}
	// Punctuation and space only explain how to start a remark.
	press(m, esc)
	n := len(m.remarks)
	st := statuses(m, tea.KeyPressMsg{Code: ' ', Text: " "})
	if len(m.remarks) != n || len(st) == 0 || !strings.Contains(st[0], "Ctrl+D") {
		t.Errorf("space in the list: %d remarks, status %q", len(m.remarks), st)
	}
}

// Every bare printable key in the list leaves every saved remark as it was.
func TestListPrintableKeysChangeNothingSaved(t *testing.T) {
	for _, r := range "deunarjkDEU?/ 1-" {
		m, fs := newTest(t, 5, 100, 30)
		m.sel = 2
		want := cloneRemarks(m.remarks)
		m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
		press(m, esc)
		for _, w := range want {
			i := m.indexOf(w.ID)
			if i < 0 {
				t.Errorf("key %q: remark %d gone", r, w.ID)
				continue
			}
			if !sameRemark(w, m.remarks[i]) {
				t.Errorf("key %q: remark %d changed", r, w.ID)
			}
			if s, ok := fs.remarks[w.ID]; ok && !sameRemark(s, w) {
				t.Errorf("key %q: remark %d saved changed", r, w.ID)
			}
		}
		if slices.ContainsFunc(fs.order, func(id uint64) bool { return m.indexOf(id) < 0 }) || (len(fs.order) > 0 && len(fs.order) < 5) {
			t.Errorf("key %q: saved order %v", r, fs.order)
		}
	}
}

// The delete status named its argument with %!(EXTRA uint64=13).
func TestDeleteStatusSaysWhat(t *testing.T) {
	m, _ := newTest(t, 13, 100, 30)
	m.sel = 11
	st := statuses(m, ctrlD)
	if len(st) != 1 || strings.Contains(st[0], "%!") || !strings.Contains(st[0], "số 12") {
		t.Fatalf("status = %q", st)
	}
}

// Undo takes back every kind of change, one step at a time, and says which;
// redo makes it again.
func TestUndoRedoEveryChange(t *testing.T) {
	m, fs := newTest(t, 3, 120, 36)
	orig := cloneRemarks(m.remarks)
	m.sel = 0
	press(m, enter) // edit remark 1 (text field)
	typeText(m, " gấp")
	press(m, f5, f6, tea.KeyPressMsg{Code: tea.KeyF7})
	press(m, tea.KeyPressMsg{Code: tea.KeyTab}, tea.KeyPressMsg{Code: tea.KeyTab})
	typeText(m, " thêm")
	press(m, esc)
	m.sel = 2
	press(m, altUp)
	press(m, ctrlD)
	labels := []string{"xóa ý kiến số 2", "chuyển ý kiến số 3", "trả lời tại chỗ", "đổi loại", "đổi thẩm quyền", "đổi lĩnh vực", "nội dung"}
	for _, l := range labels {
		st := statuses(m, ctrlZ)
		if len(st) != 1 || !strings.Contains(st[0], l) {
			t.Fatalf("undo: status %q, want it to name %q", st, l)
		}
	}
	if len(m.remarks) != len(orig) {
		t.Fatalf("%d remarks after undoing everything", len(m.remarks))
	}
	for i := range orig {
		if !sameRemark(orig[i], m.remarks[i]) {
			t.Errorf("remark %d not restored: %+v", i+1, m.remarks[i])
		}
		if s := fs.remarks[orig[i].ID]; s.ID != 0 && !sameRemark(s, orig[i]) {
			t.Errorf("saved remark %d not restored: %q", i+1, s.Text)
		}
	}
	if !slices.Equal(fs.order, m.order()) {
		t.Errorf("saved order %v, screen %v", fs.order, m.order())
	}
	if st := statuses(m, ctrlZ); len(st) != 1 || !strings.Contains(st[0], "Không còn") {
		t.Errorf("undo past the start: %q", st)
	}
	ctrlR := tea.KeyPressMsg{Code: 'r', Mod: tea.ModCtrl}
	for range labels {
		press(m, ctrlR)
	}
	if len(m.remarks) != 2 || !strings.HasSuffix(m.remarks[0].Text, " gấp") {
		t.Fatalf("after redo: %d remarks, first %q", len(m.remarks), m.remarks[0].Text)
	}
	if a := m.remarks[0].Answer; a == nil || !strings.HasSuffix(a.Text, " thêm") {
		t.Errorf("redo lost the answer: %+v", a)
	}
}

// Ctrl+S then Esc left an empty remark that reached the minutes.
func TestEmptyRemarkDiscarded(t *testing.T) {
	m, fs := newTest(t, 2, 100, 30)
	press(m, ctrlN)
	typeText(m, "Ông C")
	press(m, ctrlS, esc)
	if len(m.remarks) != 3 {
		t.Fatalf("%d remarks, want 3 (the blank one dropped)", len(m.remarks))
	}
	for _, r := range m.remarks {
		if isBlank(r) {
			t.Errorf("blank remark kept: %+v", r)
		}
	}
	if len(fs.order) != 3 {
		t.Errorf("saved order %v", fs.order)
	}
	// A remark emptied by hand is removed when the editor closes.
	m.sel = 2
	press(m, enter)
	for range 10 {
		press(m, backspace)
	}
	press(m, tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}, tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift})
	for range 10 {
		press(m, backspace)
	}
	press(m, esc)
	if len(m.remarks) != 2 || len(fs.order) != 2 {
		t.Errorf("emptied remark kept: %d remarks, order %v", len(m.remarks), fs.order)
	}
}

// Field and level cycle both ways, and stay a guess until chosen.
func TestCycleBothWaysAndGuessMark(t *testing.T) {
	m, _ := newTest(t, 0, 100, 30)
	press(m, ctrlN, enter, enter)
	typeText(m, "Đề nghị sửa đường liên thôn")
	if g := m.remarks[0].Guessed; g&model.GuessedField == 0 || g&model.GuessedLevel == 0 {
		t.Fatalf("guess not marked: %v", g)
	}
	f := m.remarks[0].Field
	press(m, f5, tea.KeyPressMsg{Code: tea.KeyF5, Mod: tea.ModShift})
	if m.remarks[0].Field != f || m.remarks[0].Guessed&model.GuessedField != 0 {
		t.Errorf("F5 then Shift+F5: %s (guessed %v), want %s confirmed", m.remarks[0].Field, m.remarks[0].Guessed, f)
	}
}

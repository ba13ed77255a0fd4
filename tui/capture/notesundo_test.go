package capture

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"txct/store/model"
)

// Undo (Ctrl+Z) and redo (Ctrl+R) did nothing in the notes tabs: typing in
// Khai mạc, Báo cáo or Kết luận could not be taken back. Now each run of
// typing in one paragraph is a step, like typing in a remark, a paste is a
// step of its own, and each step says what it undid; the saved note follows.
func TestNotesUndoRedo(t *testing.T) {
	m, fs := newTest(t, 2, 100, 30)
	m.sess.SetNote(model.SecOpening, "Bà Hoa khai mạc.")
	press(m, ctrlLeft, ctrlLeft) // to "Khai mạc", cursor at the end
	ctrlR := tea.KeyPressMsg{Code: 'r', Mod: tea.ModCtrl}
	saved := func() string { return fs.sessions[len(fs.sessions)-1].Note(model.SecOpening) }
	typeText(m, " Có 126 cử tri.")
	press(m, enter)
	typeText(m, "Giới thiệu đại biểu.")
	m.Update(tea.PasteMsg{Content: " Dán thêm."})
	steps := []string{
		"Bà Hoa khai mạc. Có 126 cử tri.\nGiới thiệu đại biểu. Dán thêm.",
		"Bà Hoa khai mạc. Có 126 cử tri.\nGiới thiệu đại biểu.",
		"Bà Hoa khai mạc. Có 126 cử tri.\n",
		"Bà Hoa khai mạc.",
	}
	if got := saved(); got != steps[0] {
		t.Fatalf("typed: %q", got)
	}
	for i := 1; i < len(steps); i++ {
		st := statuses(m, ctrlZ)
		if got := saved(); got != steps[i] {
			t.Fatalf("undo %d: saved %q, want %q", i, got, steps[i])
		}
		if len(st) != 1 || !strings.Contains(st[0], "Đã hoàn tác: gõ ở mục Khai mạc") {
			t.Errorf("undo %d said %q", i, st)
		}
	}
	if st := statuses(m, ctrlZ); len(st) != 1 || !strings.Contains(st[0], "Không còn") {
		t.Errorf("undo past the first step: %q", st)
	}
	for i := len(steps) - 2; i >= 0; i-- {
		press(m, ctrlR)
		if got := saved(); got != steps[i] {
			t.Fatalf("redo to step %d: saved %q, want %q", i, got, steps[i])
		}
	}
	// Typing goes on where the cursor stood after the redo.
	typeText(m, " Hết.")
	if got := saved(); got != steps[0]+" Hết." {
		t.Errorf("typing after redo: %q", got)
	}
	if remarks := m.remarks; len(remarks) != 2 || remarks[0].Text != sampleRemarks(2)[0].Text {
		t.Errorf("notes undo changed the remarks: %+v", remarks)
	}
}

// One history holds remark and notes changes in the order they were made:
// Ctrl+Z in a notes tab takes back a remark change made after the notes
// typing, showing the remarks it changed.
func TestUndoAcrossNotesAndRemarks(t *testing.T) {
	m, fs := newTest(t, 0, 100, 30)
	press(m, ctrlLeft) // "Báo cáo"
	typeText(m, "Đại biểu báo cáo.")
	press(m, ctrlN) // back to the remarks, a new remark
	typeText(m, "Ông Ba")
	press(m, esc)
	if len(m.remarks) != 1 {
		t.Fatalf("remarks %d", len(m.remarks))
	}
	press(m, ctrlLeft) // "Báo cáo" again
	press(m, ctrlZ)
	if len(m.remarks) != 0 || model.Sections[m.section] != model.SecRemarks {
		t.Fatalf("first undo: %d remarks, section %d", len(m.remarks), m.section)
	}
	press(m, ctrlZ)
	if got := fs.sessions[len(fs.sessions)-1].Note(model.SecReport); got != "" || model.Sections[m.section] != model.SecReport {
		t.Errorf("second undo: note %q, section %d", got, m.section)
	}
}

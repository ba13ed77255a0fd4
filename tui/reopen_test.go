package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"txct/tui/base"
	"txct/tui/tuitest"
)

// keys delivers keys to the root and runs what they start, as the program
// would, except the timer that clears a status line.
func keys(m *Model, ks ...tea.KeyPressMsg) {
	for _, k := range ks {
		_, cmd := m.Update(k)
		follow(m, cmd, 8)
	}
}

func follow(m *Model, cmd tea.Cmd, depth int) {
	if cmd == nil || depth == 0 {
		return
	}
	switch msg := cmd().(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			follow(m, c, depth-1)
		}
	default:
		if tuitest.IsTick(msg) {
			return
		}
		_, next := m.Update(msg)
		if _, ok := msg.(base.StatusMsg); !ok { // a status's next command is its expiry timer
			follow(m, next, depth-1)
		}
	}
}

func typeRoot(m *Model, s string) {
	for _, r := range s {
		keys(m, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

// typeRemark starts a remark and types its voter and text.
func typeRemark(m *Model, voter, text string) {
	keys(m, rootCtrlN)
	typeRoot(m, voter)
	keys(m, rootEnter, rootEnter)
	typeRoot(m, text)
}

var (
	rootEsc   = tea.KeyPressMsg{Code: tea.KeyEscape}
	rootEnter = tea.KeyPressMsg{Code: tea.KeyEnter}
	rootCtrlN = tea.KeyPressMsg{Code: 'n', Mod: tea.ModCtrl}
	rootCtrlZ = tea.KeyPressMsg{Code: 'z', Mod: tea.ModCtrl}
)

// A session left and opened again at once (Esc, Esc, Enter by reflex) showed
// an older copy: the last keystrokes were still with the autosaver, and the
// next edit of that remark would have saved over them.
func TestReopenAtOnceShowsLastTyping(t *testing.T) {
	m, _ := onNewSession(t, 100, 30)
	typeRemark(m, "Ong Ba", "sua cau")
	keys(m, rootEsc, rootEsc, rootEnter)
	if v := view(m); !strings.Contains(v, "sua cau") {
		t.Errorf("reopened at once:\n%s", v)
	}
}

// The undo history was lost when a session was left and opened again. It
// is kept for the run of the app.
func TestUndoHistoryKeptAcrossReopen(t *testing.T) {
	m, db := onNewSession(t, 100, 30)
	typeRemark(m, "Ong Ba", "sua cau")
	keys(m, rootEsc, rootEsc) // home
	if !strings.Contains(view(m), "hội nghị mới") {
		t.Fatalf("not on the home screen:\n%s", view(m))
	}
	keys(m, rootEnter, rootCtrlZ)
	if v := view(m); !strings.Contains(v, "Đã hoàn tác: gõ vào ô nội dung của ý kiến số 1") || strings.Contains(v, "sua cau") {
		t.Fatalf("undo after reopening:\n%s", v)
	}
	// A change made elsewhere in between is never reverted by an old step:
	// the history is dropped when the session is not as it was left.
	keys(m, rootEsc) // home; the remark holds "Ong Ba" only
	ss, _ := db.Sessions()
	rs, err := db.Remarks(ss[0].ID)
	if err != nil || len(rs) != 1 {
		t.Fatalf("remarks %v %v", rs, err)
	}
	rs[0].Voter = "Bà Tư"
	if _, err := db.SaveRemark(rs[0]); err != nil {
		t.Fatal(err)
	}
	keys(m, rootEnter, rootCtrlZ)
	if v := view(m); !strings.Contains(v, "Bà Tư") || !strings.Contains(v, "Không còn") {
		t.Errorf("after a change made elsewhere, undo:\n%s", v)
	}
}

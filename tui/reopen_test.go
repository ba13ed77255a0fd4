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

var (
	rootEsc   = tea.KeyPressMsg{Code: tea.KeyEscape}
	rootEnter = tea.KeyPressMsg{Code: tea.KeyEnter}
	rootCtrlN = tea.KeyPressMsg{Code: 'n', Mod: tea.ModCtrl}
)

// A session left and opened again at once (Esc, Esc, Enter by reflex) showed
// an older copy: the last keystrokes were still with the autosaver, and the
// next edit of that remark would have saved over them.
func TestReopenAtOnceShowsLastTyping(t *testing.T) {
	m, _ := onNewSession(t, 100, 30)
	keys(m, rootCtrlN)
	typeRoot(m, "Ong Ba")
	keys(m, rootEnter, rootEnter)
	typeRoot(m, "sua cau")
	keys(m, rootEsc, rootEsc, rootEnter)
	if v := view(m); !strings.Contains(v, "sua cau") {
		t.Errorf("reopened at once:\n%s", v)
	}
}

package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// The Telex choice (F9) was forgotten at every start. It is now saved in the
// store, by a command, and the last choice wins even when two quick presses
// are written out of order.
func TestTelexChoiceSaved(t *testing.T) {
	m, db := onNewSession(t, 100, 30)
	f9 := tea.KeyPressMsg{Code: tea.KeyF9}
	_, cmd := m.Update(f9)
	run(m, cmd)
	if on, err := db.Telex(); !on || err != nil {
		t.Fatalf("after F9: stored Telex %v, %v; want on", on, err)
	}
	if !strings.Contains(view(m), "Telex: BẬT") {
		t.Errorf("header does not show Telex on:\n%s", view(m))
	}
	// Off, then on again, quickly; the writes run in the opposite order.
	var saves []tea.Cmd
	for range 2 {
		_, cmd := m.Update(f9)
		_, save := m.Update(cmd())
		saves = append(saves, save)
	}
	for i := len(saves) - 1; i >= 0; i-- {
		if msg := saves[i](); msg != nil {
			t.Fatalf("save %d: %v", i, msg)
		}
	}
	if on, _ := db.Telex(); !on {
		t.Error("an older choice (off) overwrote the last one (on)")
	}
}

package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"txct/store/model"
	"txct/tui/base"
)

// Ctrl+L on the home screen loaded the demo into a database holding real
// work, with no question. Now Ctrl+L only redraws, the demo key asks first,
// any answer but yes changes nothing, and the same key then offers removal.
func TestDemoNeverLoadsUnasked(t *testing.T) {
	m, db := newRoot(t, base.VI, Options{})
	if _, err := db.PutPetitions([]model.Petition{{ID: "DEMO-005", Text: "Kiến nghị thật", Field: "giao thông",
		Authority: model.AuthCommune, RaisedAt: "2025-01-01", Status: model.StatusAnswered, Response: "Đã trả lời"}}); err != nil {
		t.Fatal(err)
	}
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	run(m, m.screen.Init())
	_, cmd := m.Update(tea.KeyPressMsg{Code: 'l', Mod: tea.ModCtrl})
	run(m, cmd)
	if db.ArchiveCount() != 1 || m.ask != nil {
		t.Fatalf("ctrl+l: archive %d, question %v", db.ArchiveCount(), m.ask != nil)
	}
	for _, k := range "lLdD" {
		_, cmd := m.Update(tea.KeyPressMsg{Code: k, Text: string(k)})
		run(m, cmd)
	}
	if db.ArchiveCount() != 1 {
		t.Fatalf("a bare key loaded the demo: %d petitions", db.ArchiveCount())
	}
	ctrlB := tea.KeyPressMsg{Code: 'b', Mod: tea.ModCtrl}
	_, cmd = m.Update(ctrlB)
	run(m, cmd)
	if m.ask == nil || !strings.Contains(view(m), "thật") {
		t.Fatalf("no question before loading beside real data: %q", view(m))
	}
	_, cmd = m.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
	run(m, cmd)
	if m.ask != nil || db.ArchiveCount() != 1 {
		t.Fatalf("Enter is not yes: question %v, archive %d", m.ask != nil, db.ArchiveCount())
	}
	_, cmd = m.Update(ctrlB)
	run(m, cmd)
	_, cmd = m.Update(tea.KeyPressMsg{Code: 'y', Text: "y"})
	run(m, cmd)
	if db.ArchiveCount() < 40 {
		t.Fatalf("yes did not load the demo: %d petitions", db.ArchiveCount())
	}
	if p, _ := db.Petition("DEMO-005"); p.Text != "Kiến nghị thật" || p.Response != "Đã trả lời" {
		t.Errorf("the demo overwrote DEMO-005: %+v", p)
	}
	if !strings.Contains(view(m), "MẪU") {
		t.Errorf("the demo session is not marked on the home screen:\n%s", view(m))
	}
	_, cmd = m.Update(ctrlB)
	run(m, cmd)
	if m.ask == nil || !strings.Contains(view(m), "Gỡ") {
		t.Fatalf("second press does not offer removal: %q", view(m))
	}
	_, cmd = m.Update(tea.KeyPressMsg{Code: 'c', Text: "c"})
	run(m, cmd)
	ss, _ := db.Sessions()
	if len(ss) != 0 || db.ArchiveCount() != 1 {
		t.Errorf("after removal: %d sessions, %d petitions", len(ss), db.ArchiveCount())
	}
}

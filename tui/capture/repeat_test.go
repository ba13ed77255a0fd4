package capture

import (
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"txct/store"
	"txct/store/model"
	"txct/tui/base"
	"txct/tui/tuitest"
)

// drive runs a command and feeds its messages back, following ticks, as the
// program would; it stops after depth rounds.
func drive(m *Model, cmd tea.Cmd, depth int) { tuitest.Follow(m, cmd, depth, nil) }

// The panel follows typing: a remark about an archived demand shows the
// earlier petition with its answer; ctrl+y links it, which the archive
// counts as one more raising; a second voter's same demand offers a merge.
func TestRepeatPanelConfirmAndMerge(t *testing.T) {
	db, err := store.Open(filepath.Join(t.TempDir(), "t.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.PutPetitions([]model.Petition{
		{ID: "P-7", Text: "Cử tri đề nghị xây mới cầu tràn Nà Ca nối thôn Hòa Bình với trung tâm xã", RaisedAt: "2024-01-10",
			Session: "Sau kỳ họp thứ 6", Body: "Sở Xây dựng", Response: "Chưa có nguồn vốn, sẽ xem xét năm 2027.", Status: model.StatusUnresolved},
		{ID: "P-8", Text: "Đề nghị nạo vét kênh N2 thôn Đông"},
	})
	if err := db.LoadIndex(); err != nil {
		t.Fatal(err)
	}
	sess, _ := db.CreateSession(model.Session{Title: "TXCT", Kind: model.KindAfter, Date: "2026-11-20"})
	ctx := base.NewContext(base.VI)
	m := New(ctx, db, sess.ID)
	m.SetSize(130, 40)
	drive(m, m.Init(), 3)

	_, cmd := m.Update(tea.KeyPressMsg{Code: 'n', Mod: tea.ModCtrl})
	drive(m, cmd, 3)
	press(m, enter, enter)
	var last tea.Cmd
	for _, r := range "cau tran Na Ca xuong cap, de nghi xay moi" {
		m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	_, last = m.Update(flushMsg{}) // what the first key's command sends
	drive(m, last, 4)              // the debounce tick, then the check
	v := ansi.Strip(m.View())
	for _, want := range []string{"P-7", "Chưa có nguồn vốn", "Sở Xây dựng", "CÓ THỂ LÀ KIẾN NGHỊ LẶP LẠI"} {
		if !strings.Contains(v, want) {
			t.Errorf("panel lacks %q:\n%s", want, v)
		}
	}
	press(m, tea.KeyPressMsg{Code: 'y', Mod: tea.ModCtrl})
	m.Leave()
	db.Autosaver(0, nil).Flush()
	rems, _ := db.Remarks(sess.ID)
	if len(rems) != 1 || len(rems[0].RepeatOf) != 1 || rems[0].RepeatOf[0] != "P-7" {
		t.Fatalf("confirmed link not stored: %+v", rems)
	}
	if p, _ := db.Petition("P-7"); p.TimesRaised() != 2 {
		t.Errorf("times raised %d, want 2", p.TimesRaised())
	}

	// A second voter, the same demand: the panel offers the merge.
	_, cmd = m.Update(tea.KeyPressMsg{Code: 'n', Mod: tea.ModCtrl})
	drive(m, cmd, 3)
	press(m, enter, enter)
	for _, r := range "cầu tràn Nà Ca xuống cấp, đề nghị xây mới" {
		m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	_, last = m.Update(flushMsg{})
	drive(m, last, 4)
	if !strings.Contains(ansi.Strip(m.View()), "Ctrl+G") {
		t.Fatalf("no merge offer:\n%s", ansi.Strip(m.View()))
	}
	press(m, tea.KeyPressMsg{Code: 'g', Mod: tea.ModCtrl})
	if m.remarks[1].MergedInto != m.remarks[0].ID {
		t.Errorf("merged into %d, want %d", m.remarks[1].MergedInto, m.remarks[0].ID)
	}
}

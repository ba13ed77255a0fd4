package tui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"txct/store"
	"txct/store/model"
	"txct/tui/base"
	"txct/tui/home"
	"txct/tui/tuitest"
)

func newRoot(t *testing.T, lang base.Lang, opts Options) (*Model, *store.Store) {
	t.Helper()
	db := tuitest.Store(t, store.Options{})
	ctx := base.NewContext(lang)
	ctx.Now = func() time.Time { return time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC) }
	return New(ctx, db, opts), db
}

func view(m *Model) string { return ansi.Strip(m.View().Content) }

// run feeds a command's messages back into the root, as the program would
// (ticks are skipped: they would only schedule repeat checks).
func run(m *Model, cmd tea.Cmd) { tuitest.Follow(m, cmd, 8, tuitest.IsTick) }

func TestTooSmallAndBack(t *testing.T) {
	m, _ := newRoot(t, base.VI, Options{})
	m.Update(tea.WindowSizeMsg{Width: 20, Height: 5})
	if v := view(m); !strings.Contains(v, "quá nhỏ") {
		t.Fatalf("20x5 view: %q", v)
	}
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	if v := view(m); strings.Contains(v, "quá nhỏ") || !strings.Contains(v, "trợ giúp") {
		t.Fatalf("view after growing back: %q", v)
	}
}

func TestFirstRunOffersDemoOnce(t *testing.T) {
	m, db := newRoot(t, base.VI, Options{})
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	run(m, m.firstRun())
	if !m.offer || !strings.Contains(view(m), "dữ liệu mẫu") {
		t.Fatalf("no demo offer on an empty database: %q", view(m))
	}
	_, cmd := m.Update(tea.KeyPressMsg{Code: 'k', Text: "k"})
	if m.offer {
		t.Fatal("declining did not close the offer")
	}
	// The answer is written by the command, not in Update.
	if offered, err := db.DemoOffered(); offered || err != nil {
		t.Fatalf("the offer was written in Update: %v %v", offered, err)
	}
	if msg := cmd(); msg != nil {
		t.Fatalf("remembering the offer: %v", msg)
	}
	if offered, err := db.DemoOffered(); !offered || err != nil {
		t.Errorf("the offer is not remembered: %v", err)
	}
	if cmd := m.firstRun(); cmd != nil && cmd() != nil {
		t.Error("offered twice")
	}
}

func TestHelpOverlayAndQuit(t *testing.T) {
	m, db := newRoot(t, base.EN, Options{})
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	m.Update(tea.KeyPressMsg{Code: tea.KeyF1})
	if v := view(m); !strings.Contains(v, "Keys") || !strings.Contains(v, "quit") || !strings.Contains(v, "F1/?") {
		t.Fatalf("help overlay (every key of an action): %q", v)
	}
	m.Update(tea.KeyPressMsg{Code: tea.KeyEscape})
	if m.showHelp {
		t.Fatal("esc did not close help")
	}
	sess, _ := db.CreateSession(model.Session{Title: "T", Kind: model.KindOther, Date: "2026-11-20"})
	_, cmd := m.Update(base.OpenSessionMsg{ID: sess.ID})
	run(m, cmd)
	m.Update(tea.KeyPressMsg{Code: 'n', Mod: tea.ModCtrl})
	for _, r := range "Ông A" {
		m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	_, cmd = m.Update(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
	if cmd == nil {
		t.Fatal("ctrl+c gave no command")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Fatal("ctrl+c did not quit")
	}
	rems, _ := db.Remarks(sess.ID)
	if len(rems) != 1 || rems[0].Voter != "Ông A" {
		t.Fatalf("ctrl+c did not save first: %+v", rems)
	}
}

func TestNavigationBetweenScreens(t *testing.T) {
	m, db := newRoot(t, base.VI, Options{})
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	sess, _ := db.CreateSession(model.Session{Title: "Hội nghị thử", Kind: model.KindBefore, Date: "2026-11-20", Place: "Nhà văn hóa thôn 2"})
	for _, msg := range []tea.Msg{base.OpenSessionMsg{ID: sess.ID}, base.OpenArchiveMsg{}, base.OpenReviewMsg{ID: sess.ID},
		base.OpenStatsMsg{ID: sess.ID}, base.OpenExportMsg{ID: sess.ID}, base.EditSessionMsg{ID: sess.ID}, base.GoHomeMsg{}} {
		_, cmd := m.Update(msg)
		run(m, cmd)
		if v := view(m); strings.Contains(v, "⟨") || len(strings.TrimSpace(v)) == 0 {
			t.Errorf("after %T the view is empty or has a missing string: %q", msg, v)
		}
	}
	if v := view(m); !strings.Contains(v, "Nhà văn hóa thôn 2") {
		t.Errorf("home does not list the session: %q", v)
	}
}

// The one-time notice (the database moved) shows in a box at start, over
// the screen; clicks and pastes do not reach the screen under it, and the
// first key closes it without acting on the screen.
func TestStartNotice(t *testing.T) {
	const moved = "Đã chuyển cơ sở dữ liệu và các bản sao lưu từ C:\\Users\\lan\\.local\\share\\txct sang C:\\Users\\lan\\AppData\\Local\\txct"
	m, db := newRoot(t, base.VI, Options{Notice: moved + "\x1b]0;x\x07"})
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	v := view(m)
	if !strings.Contains(strings.Join(strings.Fields(v), " "), "AppData\\Local\\txct") || !strings.Contains(v, "phím bất kỳ") {
		t.Fatalf("no notice at start: %q", v)
	}
	if strings.Contains(m.View().Content, "\x1b]0;") {
		t.Error("an escape sequence in the notice reached the terminal")
	}
	m.Update(tea.PasteMsg{Content: "đề nghị sửa đường"})
	m.Update(tea.KeyPressMsg{Code: 'n', Text: "n"})
	if m.notice != "" || strings.Contains(view(m), "phím bất kỳ") {
		t.Fatalf("a key did not close the notice: %q", view(m))
	}
	if _, ok := m.screen.(*home.Model); !ok {
		t.Fatalf("the key acted on the screen: %T", m.screen)
	}
	if ss, _ := db.Sessions(); len(ss) != 0 {
		t.Errorf("a key or paste under the notice made a session: %v", ss)
	}
}

package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"txct/store"
	"txct/store/model"
	"txct/tui/base"
	"txct/tui/tuitest"
)

// paletteSession opens the root on a session with one remark, at 80×24.
func paletteSession(t *testing.T) (*Model, *store.Store, model.Remark) {
	t.Helper()
	db := tuitest.Store(t, store.Options{})
	ctx := base.NewContext(base.VI)
	m := New(ctx, db, Options{ShareAddr: "127.0.0.1:0"})
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	sess, err := db.CreateSession(model.Session{Title: "Hội nghị thử", Kind: model.KindBefore, Date: "2026-11-20"})
	if err != nil {
		t.Fatal(err)
	}
	r, err := db.SaveRemark(model.Remark{SessionID: sess.ID, Voter: "Bà Năm", Address: "tổ 7", Text: "Đề nghị sửa cống thoát nước"})
	if err != nil {
		t.Fatal(err)
	}
	_, cmd := m.Update(base.OpenSessionMsg{ID: sess.ID})
	run(m, cmd)
	return m, db, r
}

func typeInto(m *Model, text string) {
	for _, r := range text {
		m.Update(tuitest.KeyMsg(string(r)))
	}
}

// TestPaletteFindsAndRunsShare: Ctrl+P lists the screen's actions with their
// keys; "chia se" (no marks) puts the share action first and Enter runs it.
func TestPaletteFindsAndRunsShare(t *testing.T) {
	m, _, _ := paletteSession(t)
	m.Update(tuitest.KeyMsg("ctrl+p"))
	if m.palette == nil {
		t.Fatal("ctrl+p did not open the palette")
	}
	v := view(m)
	if !strings.Contains(v, "Tìm lệnh") || !strings.Contains(v, "Ctrl+N") || !strings.Contains(v, "ý kiến mới") {
		t.Fatalf("the palette does not show the screen's first action:\n%s", v)
	}
	var listed []string
	for _, it := range m.palette.pick.Items {
		listed = append(listed, it.Key+" "+it.Text)
	}
	all := strings.Join(listed, "\n")
	for _, want := range []string{"Ctrl+T chia sẻ cho đại biểu", "Ctrl+D xóa", "F5 lĩnh vực", "F1/? trợ giúp", "F10 về trang chính"} {
		if !strings.Contains(all, want) {
			t.Fatalf("the palette lacks %q:\n%s", want, all)
		}
	}
	tuitest.CheckSize(t, m.View().Content, 80, 24)
	typeInto(m, "chia se")
	// The short list is centred, not stuck to the top of the screen.
	if lines := strings.Split(view(m), "\n"); strings.TrimSpace(lines[0]) != "" || strings.TrimSpace(lines[len(lines)-1]) != "" {
		t.Errorf("the palette is not centred:\n%s", view(m))
	}
	i, ok := m.palette.pick.Chosen()
	if it := m.palette.pick.Items[i]; !ok || it.Key != "Ctrl+T" {
		t.Fatalf(`"chia se" chose %+v (ok %v), want the share action`, m.palette.pick.Items[i], ok)
	}
	if v := view(m); !strings.Contains(v, "> chia se") || strings.Contains(v, "Ctrl+D") {
		t.Fatalf("the filter is not shown or did not filter:\n%s", v)
	}
	_, cmd := m.Update(tuitest.KeyMsg("enter"))
	run(m, cmd)
	if m.palette != nil {
		t.Fatal("enter left the palette open")
	}
	if m.share.srv == nil {
		t.Fatalf("enter on the share action did not start sharing; status %q", m.status)
	}
	m.stopShare()
}

// TestPaletteEscAndTypingChangeNothing: with a remark open in the editor,
// everything typed into the palette (letters, Backspace, a paste, Delete's
// own key name, Enter on no match) stays in the palette; Esc closes it and
// the remark, the list and the saved data are as before.
func TestPaletteEscAndTypingChangeNothing(t *testing.T) {
	m, db, r := paletteSession(t)
	m.Update(tuitest.KeyMsg("enter")) // open remark 1 in the editor
	if !m.screen.Typing() {
		t.Fatal("enter did not open the remark for editing")
	}
	before := view(m)
	m.Update(tuitest.KeyMsg("ctrl+p"))
	typeInto(m, "xoa abc")
	m.Update(tuitest.KeyMsg("backspace"))
	m.Update(tea.PasteMsg{Content: "dán\nvào"})
	m.Update(tuitest.KeyMsg("esc"))
	if m.palette != nil {
		t.Fatal("esc did not close the palette")
	}
	if after := view(m); after != before {
		t.Fatalf("the screen changed under the palette:\nbefore\n%s\nafter\n%s", before, after)
	}
	// Enter with nothing matching runs nothing.
	m.Update(tuitest.KeyMsg("ctrl+p"))
	typeInto(m, "qqqqzz")
	if _, ok := m.palette.pick.Chosen(); ok {
		t.Fatal("qqqqzz matched an action")
	}
	_, cmd := m.Update(tuitest.KeyMsg("enter"))
	run(m, cmd)
	if m.palette != nil || view(m) != before {
		t.Fatalf("enter on no match changed the screen:\n%s", view(m))
	}
	m.leave()
	if err := db.Autosaver(0, nil).Flush(); err != nil {
		t.Fatal(err)
	}
	got, err := db.Remarks(r.SessionID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Text != r.Text || got[0].Voter != r.Voter {
		t.Fatalf("the saved remarks changed: %+v", got)
	}
}

// TestPaletteOnEveryScreen: the home screen's palette lists its own actions
// (new session, archive) and Enter on "luu tru" opens the archive.
func TestPaletteOnEveryScreen(t *testing.T) {
	m, _ := newRoot(t, base.VI, Options{})
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 36})
	m.Update(tuitest.KeyMsg("ctrl+p"))
	v := view(m)
	if !strings.Contains(v, "F3") || !strings.Contains(v, "Ctrl+N") {
		t.Fatalf("the home palette lacks its actions:\n%s", v)
	}
	tuitest.CheckSize(t, m.View().Content, 120, 36)
	want := base.KeyNames(m.ctx.Keys.Archive)
	typeInto(m, m.ctx.Keys.Archive.Help().Desc)
	if i, ok := m.palette.pick.Chosen(); !ok || m.palette.pick.Items[i].Key != want {
		t.Fatalf("typing the archive's help chose item %d (ok %v)", i, ok)
	}
	before := m.screen
	_, cmd := m.Update(tuitest.KeyMsg("enter"))
	run(m, cmd)
	if m.screen == before {
		t.Fatal("enter on the archive action did not change the screen")
	}
}

package tui

import (
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"txct/store"
	"txct/store/model"
	"txct/tui/base"
	"txct/tui/tuitest"
)

func fetch(t *testing.T, url string) (int, string) {
	t.Helper()
	c := http.Client{Timeout: 5 * time.Second}
	resp, err := c.Get(url)
	if err != nil {
		return 0, err.Error()
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// TestShareFromSessionScreen: Ctrl+T on the session screen starts sharing,
// shows the address and QR code, and the status bar counts devices; A hides
// addresses, a typed key closes the box and reaches the screen, the review
// of the same session keeps sharing, and going home stops it.
func TestShareFromSessionScreen(t *testing.T) {
	db := tuitest.Store(t, store.Options{})
	ctx := base.NewContext(base.VI)
	m := New(ctx, db, Options{ShareAddr: "127.0.0.1:0"})
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	sess, _ := db.CreateSession(model.Session{Title: "Hội nghị thử", Kind: model.KindBefore, Date: "2026-11-20"})
	if _, err := db.SaveRemark(model.Remark{SessionID: sess.ID, Voter: "Bà Năm", Address: "tổ 7 khu phố 3", Text: "Đề nghị sửa cống thoát nước"}); err != nil {
		t.Fatal(err)
	}
	_, cmd := m.Update(base.OpenSessionMsg{ID: sess.ID})
	run(m, cmd)
	_, cmd = m.Update(tuitest.KeyMsg("ctrl+t"))
	run(m, cmd)
	if m.share.srv == nil {
		t.Fatalf("ctrl+t did not start sharing; status %q", m.status)
	}
	defer m.stopShare()
	url := m.share.srv.URL()
	v := view(m)
	if !strings.Contains(v, url) || !strings.Contains(v, "█") || !strings.Contains(v, "Quét mã") {
		t.Fatalf("the share box lacks the address or QR code:\n%s", v)
	}
	tuitest.CheckSize(t, m.View().Content, 80, 24)
	code, body := fetch(t, url)
	if code != 200 || !strings.Contains(body, "sửa cống thoát nước") || !strings.Contains(body, "tổ 7 khu phố 3") {
		t.Fatalf("the shared page: %d", code)
	}
	// Ctrl+A hides addresses for every device: the very next page fetched
	// has none.
	m.Update(tuitest.KeyMsg("ctrl+a"))
	if _, body = fetch(t, url); strings.Contains(body, "tổ 7 khu phố 3") {
		t.Error("Ctrl+A did not hide voters' addresses")
	}
	// Bare letters never act on the share: the first closes the box and is
	// typed into the screen like any other.
	for _, k := range []string{"a", "s"} {
		m.share.show = true
		m.Update(tuitest.KeyMsg(k))
		if m.share.show || m.share.srv == nil || !m.share.srv.HideAddresses() {
			t.Fatalf("%q in the share box: open %v, sharing %v", k, m.share.show, m.share.srv != nil)
		}
	}
	m.share.show = true
	m.Update(tuitest.KeyMsg("esc"))
	if m.share.show || m.share.srv == nil {
		t.Fatal("esc should close the box and keep sharing")
	}
	if line := m.statusLine(); !strings.Contains(line, "Đang chia sẻ") {
		t.Errorf("status bar does not show sharing: %q", line)
	}
	_, cmd = m.Update(base.OpenReviewMsg{ID: sess.ID})
	run(m, cmd)
	if m.share.srv == nil {
		t.Fatal("opening the review of the shared session stopped sharing")
	}
	// Reflex Esc presses on the session screen do not stop sharing: leaving
	// the session asks first, and Esc (any key but yes) stays.
	for range 3 {
		_, cmd = m.Update(tuitest.KeyMsg("esc"))
		run(m, cmd)
	}
	if m.share.srv == nil {
		t.Fatalf("reflex Esc presses stopped sharing without asking; status %q", m.status)
	}
	if m.current != sess.ID {
		t.Fatalf("reflex Esc presses left the shared session (screen of session %d)", m.current)
	}
	_, cmd = m.Update(base.GoHomeMsg{})
	run(m, cmd)
	if m.ask == nil || m.share.srv == nil {
		t.Fatal("leaving the shared session did not ask first")
	}
	if v := view(m); !strings.Contains(v, "Rời hội nghị") {
		t.Fatalf("the question is not shown:\n%s", v)
	}
	_, cmd = m.Update(tuitest.KeyMsg("c"))
	run(m, cmd)
	if m.share.srv != nil {
		t.Fatal("leaving the session did not stop sharing")
	}
	if m.current != 0 {
		t.Fatal("agreeing to leave did not go home")
	}
	if line := m.statusLine(); strings.Contains(line, "Đang chia sẻ") {
		t.Errorf("status bar still shows sharing: %q", line)
	}
	if code, _ := fetch(t, url); code == 200 {
		t.Error("the page is still served after sharing stopped")
	}
}

// TestShareNoNetwork: an address the machine does not have gives a clear
// message and the app keeps working.
func TestShareNoNetwork(t *testing.T) {
	db := tuitest.Store(t, store.Options{})
	m := New(base.NewContext(base.EN), db, Options{ShareAddr: "203.0.113.7:0"})
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	sess, _ := db.CreateSession(model.Session{Title: "T", Kind: model.KindOther, Date: "2026-11-20"})
	_, cmd := m.Update(base.OpenSessionMsg{ID: sess.ID})
	run(m, cmd)
	_, cmd = m.Update(tuitest.KeyMsg("ctrl+t"))
	run(m, cmd)
	if m.share.srv != nil || !strings.Contains(m.status, "Cannot start sharing") {
		t.Fatalf("status %q", m.status)
	}
	_, cmd = m.Update(tuitest.KeyMsg("ctrl+n"))
	run(m, cmd)
	for _, r := range "Ông Ba" {
		_, cmd = m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
		run(m, cmd) // the flush that applies queued characters
	}
	if !strings.Contains(view(m), "Ông Ba") {
		t.Error("the session screen stopped working after sharing failed")
	}
}

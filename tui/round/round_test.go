package round

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"txct/store"
	"txct/store/model"
	"txct/tui/base"
	"txct/tui/tuitest"
)

const (
	de  = "Đề nghị tỉnh sớm gia cố tuyến đê sông Lam đoạn qua xóm 5 xã Hưng Lợi, mùa mưa năm nào cũng sạt lở"
	de2 = "Đề nghị tỉnh gia cố đê sông Lam đoạn qua xóm 5 xã Hưng Lợi, mùa mưa sạt lở nhiều"
)

// twoPoints records two sessions of one round, the dike raised at both,
// and returns the store, the first session and the two dike remarks.
func twoPoints(t *testing.T) (*store.Store, model.Session, model.Remark, model.Remark) {
	t.Helper()
	db := tuitest.Store(t, store.Options{NoIndex: true})
	var sess []model.Session
	var dike []model.Remark
	for i, c := range []struct{ date, place, text, other string }{
		{"2026-11-20", "Hội trường UBND xã Hưng Lợi", de, "Đề nghị nạo vét kênh tiêu Cầu Đá thôn 2, nước ứ đọng gây ngập lúa"},
		{"2026-11-21", "Nhà văn hóa xã Hưng Tân", de2, "Đề nghị sửa chữa trường mầm non thôn 4 bị dột"},
	} {
		s, err := db.CreateSession(model.Session{Title: "TXCT điểm " + string(rune('1'+i)), Kind: model.KindBefore, Date: c.date,
			Place: c.place, Sitting: "Kỳ họp thường lệ cuối năm 2026", DelegateGroup: "Tổ đại biểu HĐND tỉnh số 3", Voters: 80})
		if err != nil {
			t.Fatal(err)
		}
		sess = append(sess, s)
		for _, text := range []string{c.other, c.text} {
			r, err := db.SaveRemark(model.Remark{SessionID: s.ID, Voter: "Ông A", Text: text, Type: model.TypePetition})
			if err != nil {
				t.Fatal(err)
			}
			if text == c.text {
				dike = append(dike, r)
			}
		}
	}
	return db, sess[0], dike[0], dike[1]
}

func sameAs(t *testing.T, db *store.Store, r model.Remark) uint64 {
	t.Helper()
	rems, err := db.Remarks(r.SessionID)
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range rems {
		if x.ID == r.ID {
			return x.SameAs
		}
	}
	t.Fatalf("remark %d is gone", r.ID)
	return 0
}

// The round screen lists the points and the engine's suggestion; only Ctrl
// keys confirm (Ctrl+Y) or unconfirm (Ctrl+X) it, and Ctrl+Z undoes each
// change in turn. Bare letters, Enter and Space change nothing.
func TestRoundConfirmAndUndo(t *testing.T) {
	db, first, lead, later := twoPoints(t)
	ctx := base.NewContext(base.VI)
	ctx.Now = func() time.Time { return time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC) }
	m := New(ctx, db, first.ID)
	tuitest.Load(t, m, 80, 24)
	v := ansi.Strip(m.View())
	for _, want := range []string{"Tổ đại biểu HĐND tỉnh số 3 — Kỳ họp thường lệ cuối năm 2026", "26/11/2026",
		"1. 20/11/2026 · Hội trường UBND xã Hưng Lợi · 2 ý kiến", "2. 21/11/2026 · Nhà văn hóa xã Hưng Tân · 2 ý kiến",
		"? Điểm 2, số 2 ≈ điểm 1, số 2", "chưa xác nhận", "2.2  Đề nghị tỉnh gia cố đê sông Lam"} {
		if !strings.Contains(v, want) {
			t.Fatalf("want %q in\n%s", want, v)
		}
	}
	for _, line := range strings.Split(v, "\n") {
		if ansi.StringWidth(line) > 80 {
			t.Fatalf("line wider than 80: %q", line)
		}
	}
	// A hurried clerk's stray keys.
	tuitest.Press(t, m, "y", "x", "z", "enter", "space", "c", "down", "up")
	tuitest.Type(t, m, "đồng ý")
	if got := sameAs(t, db, later); got != 0 {
		t.Fatalf("a key without Ctrl marked the same demand (%d)", got)
	}
	msgs := tuitest.Press(t, m, "ctrl+y")
	if got := sameAs(t, db, later); got != lead.ID {
		t.Fatalf("ctrl+y: same as %d, want %d", got, lead.ID)
	}
	if !strings.Contains(statusOf(msgs), "Đã gộp điểm 2 số 2 với điểm 1 số 2") {
		t.Errorf("no status after confirming: %v", msgs)
	}
	if v := ansi.Strip(m.View()); !strings.Contains(v, "✓ Điểm 2, số 2 = điểm 1, số 2") || strings.Contains(v, "≈") {
		t.Fatalf("after confirming:\n%s", v)
	}
	tuitest.Press(t, m, "ctrl+z")
	if got := sameAs(t, db, later); got != 0 {
		t.Fatalf("ctrl+z after confirming: same as %d", got)
	}
	tuitest.Press(t, m, "ctrl+y", "ctrl+x")
	if got := sameAs(t, db, later); got != 0 {
		t.Fatalf("ctrl+x: same as %d", got)
	}
	tuitest.Press(t, m, "ctrl+z")
	if got := sameAs(t, db, later); got != lead.ID {
		t.Fatalf("ctrl+z after unconfirming: same as %d, want %d", got, lead.ID)
	}
	tuitest.Press(t, m, "ctrl+z")
	if got := sameAs(t, db, later); got != 0 {
		t.Fatalf("second ctrl+z: same as %d", got)
	}
	if msgs := tuitest.Press(t, m, "ctrl+z"); !strings.Contains(statusOf(msgs), "Không còn thay đổi nào") {
		t.Errorf("nothing to undo is not said: %v", msgs)
	}
	if msgs := tuitest.Press(t, m, "esc"); len(msgs) != 1 || msgs[0] != (base.OpenExportMsg{ID: first.ID}) {
		t.Errorf("esc sent %v", msgs)
	}
}

func statusOf(msgs []tea.Msg) string {
	var b strings.Builder
	for _, m := range msgs {
		if s, ok := m.(base.StatusMsg); ok {
			b.WriteString(s.Text)
		}
	}
	return b.String()
}

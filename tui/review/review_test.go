package review

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"txct/store"
	"txct/store/model"
	"txct/tui/archive/archivetest"
	"txct/tui/base"
	"txct/tui/tuitest"
)

func open(t *testing.T, db *store.Store, id uint64, w, h int) *Model {
	m := New(archivetest.Context(), db, id)
	tuitest.Load(t, m, w, h)
	return m
}

func TestView(t *testing.T) {
	db, id := archivetest.Fixture(t)
	for _, sz := range []struct{ w, h int }{{80, 24}, {120, 40}} {
		for _, c := range []struct {
			name string
			keys []string
		}{
			{"scroll", nil},
			{"scroll_down", []string{"down"}},
			{"paged", []string{"p"}},
			{"paged_next", []string{"p", "down", "down", "down"}},
		} {
			t.Run(fmt.Sprintf("%s_%dx%d", c.name, sz.w, sz.h), func(t *testing.T) {
				m := open(t, db, id, sz.w, sz.h)
				tuitest.Press(t, m, c.keys...)
				v := ansi.Strip(m.View())
				tuitest.CheckSize(t, v, sz.w, sz.h)
				golden.RequireEqual(t, []byte(v))
			})
		}
	}
}

func TestShowsEarlierAnswer(t *testing.T) {
	db, id := archivetest.Fixture(t)
	m := open(t, db, id, 120, 40)
	v := ansi.Strip(m.View())
	for _, want := range []string{
		"2/4 ý kiến lặp lại kiến nghị cũ · 1 kiến nghị chưa giải quyết",
		"Ý kiến số 1 · Ông Nguyễn Văn An · thôn 3",
		"Sở đã đưa cầu Bà Rén vào kế hoạch sửa chữa năm 2024", // the earlier answer
		"Đã nêu 1 lần", // the first raising; this session is not its own history
		"Nêu lần đầu: 10/05/2023 · Trước kỳ họp giữa năm 2023",            // when and where
		"Cơ quan trả lời: Sở Giao thông vận tải · 01/07/2023 · 245/SGTVT", // who, when, letter
		"● đang giải quyết",
		"P-1999-404 (không có trong kho)",
	} {
		if !strings.Contains(v, want) {
			t.Errorf("missing %q in\n%s", want, v)
		}
	}
	if strings.Contains(v, "Cử tri đánh giá cao") {
		t.Error("a remark without repeats is listed")
	}
}

func TestPagedMoves(t *testing.T) {
	db, id := archivetest.Fixture(t)
	m := open(t, db, id, 80, 24)
	tuitest.Press(t, m, "p")
	if !strings.Contains(ansi.Strip(m.View()), "1 / 2") {
		t.Fatal("no page counter")
	}
	for range 10 {
		tuitest.Press(t, m, "pgdown")
	}
	v := ansi.Strip(m.View())
	if m.cur != 1 || !strings.Contains(v, "2 / 2") || !strings.Contains(v, "Bà Trần Thị Bình") || strings.Contains(v, "Nguyễn Văn An") {
		t.Fatalf("the last page is not alone on screen (cur %d):\n%s", m.cur, v)
	}
	tuitest.Press(t, m, "up")
	if m.cur != 0 {
		t.Fatalf("up from the second page: cur %d", m.cur)
	}
}

func TestEscBackToSession(t *testing.T) {
	db, id := archivetest.Fixture(t)
	m := open(t, db, id, 80, 24)
	msgs := tuitest.Press(t, m, "esc")
	if len(msgs) != 1 || msgs[0] != (base.OpenSessionMsg{ID: id}) {
		t.Fatalf("esc sent %v", msgs)
	}
}

func TestNoRepeatsAndEscapes(t *testing.T) {
	db, id := archivetest.Fixture(t)
	sess, err := db.CreateSession(model.Session{Title: "Phiên \x1b]0;x\x07 thử", Kind: model.KindOther, Date: "2026-12-01"})
	if err != nil {
		t.Fatal(err)
	}
	m := open(t, db, sess.ID, 80, 24)
	if v := ansi.Strip(m.View()); !strings.Contains(v, "chưa có kiến nghị lặp lại") || !strings.Contains(v, "␛]0;x␇") {
		t.Fatalf("empty review:\n%s", v)
	}
	if _, err := db.PutPetitions([]model.Petition{{ID: "P-2023-001", Text: "cầu \x1b]52;c;aGk=\x07 hỏng",
		Response: "\x1b[31mđỏ", Status: model.StatusResolved}}); err != nil {
		t.Fatal(err)
	}
	m = open(t, db, id, 120, 40)
	raw := m.View()
	if strings.Contains(raw, "\x1b]52") || strings.Contains(raw, "\x1b[31mđỏ") {
		t.Fatal("an escape sequence from the archive reached the view")
	}
	if v := ansi.Strip(raw); !strings.Contains(v, "␛]52") || !strings.Contains(v, "● đã giải quyết xong") {
		t.Fatalf("neutralised text or status missing:\n%s", v)
	}
}

// The session under review is never its own history: confirming a repeat
// adds a raise tagged with the session, which the review leaves out of
// "Đã nêu n lần" and of the later raisings.
func TestOwnSessionNotHistory(t *testing.T) {
	db, id := archivetest.Fixture(t)
	p, err := db.Petition("P-2024-004")
	if err != nil || p.TimesRaised() != 2 {
		t.Fatalf("fixture: the confirmed repeat should have added a raise: %+v %v", p, err)
	}
	m := open(t, db, id, 120, 40)
	tuitest.Press(t, m, "end")
	v := ansi.Strip(m.View())
	if !strings.Contains(v, "Đã nêu 1 lần") || strings.Contains(v, "Các lần sau: 20/11/2026") {
		t.Fatalf("the session counts as its own history:\n%s", v)
	}
}

// A remark with two demands that repeats two petitions shows, under each,
// the demand that matched it.
func TestShowsEachDemandsMatch(t *testing.T) {
	db := tuitest.Store(t, store.Options{})
	db.PutPetitions([]model.Petition{
		{ID: "A-1", Text: "Cử tri đề nghị xây mới cầu tràn Nà Ca nối thôn Hòa Bình với trung tâm xã"},
		{ID: "A-2", Text: "Đề nghị nạo vét kênh N2 thôn Đông để đủ nước tưới"},
	})
	sess, _ := db.CreateSession(model.Session{Title: "TXCT", Kind: model.KindAfter, Date: "2026-11-20"})
	db.SaveRemark(model.Remark{SessionID: sess.ID, Voter: "Ông A", RepeatOf: []string{"A-1", "A-2"},
		Text: "Kính thưa các đại biểu. Cầu tràn Nà Ca xuống cấp, đề nghị xây mới. Thứ hai, đề nghị nạo vét kênh N2 thôn Đông. Xin cảm ơn."})
	m := open(t, db, sess.ID, 120, 40)
	v := ansi.Strip(m.View())
	first := strings.Index(v, "Ý kiến: Cầu tràn Nà Ca xuống cấp, đề nghị xây mới")
	second := strings.Index(v, "Ý kiến: Thứ hai, đề nghị nạo vét kênh N2 thôn Đông")
	if first < 0 || second < first {
		t.Errorf("each demand's match is not shown:\n%s", v)
	}
}

// A repeat the engine flags and no one confirmed is listed, marked as such,
// so the delegates are not blind to it.
func TestFlaggedUnconfirmedListed(t *testing.T) {
	db, id := archivetest.IndexedFixture(t)
	if _, err := db.SaveRemark(model.Remark{SessionID: id, Voter: "Bà Sáu", Type: model.TypePetition,
		Text: "Trạm y tế xã vẫn thiếu thuốc theo danh mục bảo hiểm y tế, đề nghị bổ sung"}); err != nil {
		t.Fatal(err)
	}
	m := open(t, db, id, 120, 40)
	tuitest.Press(t, m, "end")
	v := ansi.Strip(m.View())
	if !strings.Contains(v, "? CÓ THỂ LẶP LẠI — CHƯA XÁC NHẬN · P-2024-003") || !strings.Contains(v, "Sở Y tế đã chỉ đạo bổ sung thuốc") {
		t.Fatalf("the flagged repeat is not listed:\n%s", v)
	}
	if !strings.Contains(v, "2/5 ý kiến lặp lại kiến nghị cũ") || !strings.Contains(v, "1 nghi lặp lại chưa xác nhận") {
		t.Fatalf("counts:\n%s", v)
	}
}

// The delegates' table fits 80×24: one line per repeated petition, the
// status before the answering body, and a flagged repeat marked "?".
func TestDelegatesTable(t *testing.T) {
	db, id := archivetest.IndexedFixture(t)
	if _, err := db.SaveRemark(model.Remark{SessionID: id, Voter: "Bà Sáu", Type: model.TypePetition,
		Text: "Trạm y tế xã vẫn thiếu thuốc theo danh mục bảo hiểm y tế, đề nghị bổ sung"}); err != nil {
		t.Fatal(err)
	}
	m := open(t, db, id, 80, 24)
	tuitest.Press(t, m, "t")
	v := ansi.Strip(m.View())
	tuitest.CheckSize(t, m.View(), 80, 24)
	lines := strings.Split(v, "\n")
	var rows []string
	for _, l := range lines {
		if strings.Contains(l, "05/11/2024") || strings.Contains(l, "10/05/2023") || strings.Contains(l, "20/05/2024") {
			rows = append(rows, l)
		}
	}
	if len(rows) != 3 || !strings.Contains(v, "Tình trạng") || !strings.Contains(v, "P-1999-404") {
		t.Fatalf("table:\n%s", v)
	}
	for _, r := range rows {
		st := strings.Index(r, "giải quyết")
		if st < 0 {
			st = strings.Index(r, "đã trả lời")
		}
		if st < 0 || strings.Contains(r[:st], "Sở ") {
			t.Errorf("the status is not before the answering body: %q", r)
		}
	}
	if !strings.Contains(v, "5?") {
		t.Errorf("the flagged repeat is not marked:\n%s", v)
	}
}

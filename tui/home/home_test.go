package home

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"txct/store"
	"txct/store/model"
	"txct/tui/base"
	"txct/tui/tuitest"
)

func init() { time.Local = time.UTC }

var fixedNow = time.Date(2026, 5, 20, 9, 30, 0, 0, time.UTC)

// seed stores four sessions: overdue, due today, three days left, exported.
func seed(t *testing.T, db *store.Store) []model.Session {
	t.Helper()
	in := []model.Session{
		{Title: "Tiếp xúc cử tri sau Kỳ họp thứ 11, HĐND tỉnh", Kind: model.KindAfter, Date: "2026-05-10", Start: "08:00", End: "11:00",
			Place: "Hội trường UBND xã Tân Thành", DelegateGroup: "Tổ đại biểu HĐND tỉnh số 3"},
		{Title: "Tiếp xúc cử tri chuyên đề về đất đai", Kind: model.KindThematic, Date: "2026-05-15", Start: "14:00",
			Place: "Nhà văn hóa thôn Đông Hưng", DelegateGroup: "Tổ đại biểu Quốc hội"},
		{Title: "Tiếp xúc cử tri trước Kỳ họp thứ 12 \x1b[31mđỏ", Kind: model.KindBefore, Date: "2026-05-18", Start: "07:30",
			Place: "Trường Tiểu học Phú Lợi, ấp Phú Thạnh, xã Phú Lợi, tỉnh Đồng Tháp", DelegateGroup: "Tổ đại biểu HĐND tỉnh số 5"},
		{Title: "Tiếp xúc cử tri tại doanh nghiệp", Kind: model.KindOther, Date: "2026-05-01", Start: "09:00",
			Place: "Công ty May Việt Tiến", DelegateGroup: "Tổ đại biểu HĐND xã"},
	}
	var out []model.Session
	for _, s := range in {
		c, err := db.CreateSession(s)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, c)
	}
	for i := range 3 {
		if _, err := db.SaveRemark(model.Remark{SessionID: out[0].ID, Voter: "Ông A", Text: "Sửa đường số " + string(rune('1'+i))}); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.MarkExported(out[3].ID, fixedNow.AddDate(0, 0, -15)); err != nil {
		t.Fatal(err)
	}
	return out
}

func newHome(t *testing.T, lang base.Lang, db *store.Store, w, h int) *Model {
	t.Helper()
	ctx := base.NewContext(lang)
	ctx.Now = func() time.Time { return fixedNow }
	m := New(ctx, db)
	m.SetSize(w, h)
	tuitest.Drive(t, m, m.Init())
	return m
}

func TestViewGolden(t *testing.T) {
	cases := []struct {
		name string
		lang base.Lang
		w, h int
		prep func(t *testing.T, m *Model)
	}{
		{"80x24", base.VI, 80, 22, nil},
		{"120x40", base.VI, 120, 38, nil},
		{"160x40", base.VI, 160, 38, nil},
		{"80x24-en", base.EN, 80, 22, nil},
		{"80x24-filter", base.VI, 80, 22, func(t *testing.T, m *Model) { tuitest.Press(t, m, "/"); tuitest.Type(t, m, "dong") }},
		{"80x24-confirm", base.VI, 80, 22, func(t *testing.T, m *Model) { tuitest.Press(t, m, "ctrl+d") }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			db := tuitest.Store(t, store.Options{})
			seed(t, db)
			m := newHome(t, c.lang, db, c.w, c.h)
			if c.prep != nil {
				c.prep(t, m)
			}
			checkView(t, m)
		})
	}
	for _, c := range []struct {
		name string
		lang base.Lang
	}{{"empty-80x24", base.VI}, {"empty-80x24-en", base.EN}} {
		t.Run(c.name, func(t *testing.T) {
			m := newHome(t, c.lang, tuitest.Store(t, store.Options{}), 80, 22)
			checkView(t, m)
		})
	}
}

func checkView(t *testing.T, m *Model) {
	t.Helper()
	v := m.View()
	lines := strings.Split(v, "\n")
	if len(lines) != m.h {
		t.Errorf("view has %d lines, want %d", len(lines), m.h)
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w > m.w {
			t.Errorf("line %d is %d cells wide, more than %d", i, w, m.w)
		}
	}
	if strings.Contains(ansi.Strip(v), "\x1b") {
		t.Error("an escape sequence from the data reached the view")
	}
	golden.RequireEqual(t, []byte(ansi.Strip(v)))
}

func TestOrderAndDeadlines(t *testing.T) {
	db := tuitest.Store(t, store.Options{})
	seed(t, db)
	m := newHome(t, base.VI, db, 120, 38)
	want := []string{"2026-05-18", "2026-05-15", "2026-05-10", "2026-05-01"}
	for i, r := range m.rows {
		if m.all[r].Date != want[i] {
			t.Errorf("row %d: date %s, want %s", i, m.all[r].Date, want[i])
		}
	}
	v := ansi.Strip(m.View())
	for _, s := range []string{"còn 3 ngày", "hạn hôm nay", "quá hạn 5 ngày", "đã xuất văn bản", "4 hội nghị", "1 quá hạn", "18/05/2026", "23/05/2026"} {
		if !strings.Contains(v, s) {
			t.Errorf("view lacks %q", s)
		}
	}
}

func TestKeysNavigate(t *testing.T) {
	db := tuitest.Store(t, store.Options{})
	ss := seed(t, db)
	m := newHome(t, base.VI, db, 80, 22)
	cases := []struct {
		keys []string
		want tea.Msg
	}{
		{[]string{"enter"}, base.OpenSessionMsg{ID: ss[2].ID}},
		{[]string{"down", "enter"}, base.OpenSessionMsg{ID: ss[1].ID}},
		{[]string{"j", "j", "k", "e"}, base.EditSessionMsg{ID: ss[1].ID}},
		{[]string{"n"}, base.EditSessionMsg{}},
		{[]string{"ctrl+n"}, base.EditSessionMsg{}},
		{[]string{"f3"}, base.OpenArchiveMsg{}},
		{[]string{"f4"}, base.OpenStatsMsg{}},
	}
	for _, c := range cases {
		m.sel, m.top = 0, 0
		out := tuitest.Press(t, m, c.keys...)
		if len(out) != 1 || out[0] != c.want {
			t.Errorf("%v: got %#v, want %#v", c.keys, out, c.want)
		}
	}
}

func TestFilterNarrows(t *testing.T) {
	db := tuitest.Store(t, store.Options{})
	ss := seed(t, db)
	m := newHome(t, base.VI, db, 80, 22)
	tuitest.Press(t, m, "/")
	if !m.Typing() || m.Cursor() == nil {
		t.Fatal("the filter should have focus and show the real cursor")
	}
	tuitest.Type(t, m, "dong hung") // no accents: matches "Đông Hưng"
	if len(m.rows) != 1 || m.all[m.rows[0]].ID != ss[1].ID {
		t.Fatalf("filter kept %v", m.rows)
	}
	// j types into the filter instead of moving.
	tuitest.Type(t, m, "j")
	if got := m.filter.Value(); got != "dong hungj" {
		t.Errorf("filter value %q", got)
	}
	tuitest.Press(t, m, "esc")
	if m.Typing() || len(m.rows) != 4 {
		t.Errorf("esc should clear the filter: typing %v, rows %d", m.Typing(), len(m.rows))
	}
	// Enter keeps the filter and returns the keys to the list.
	tuitest.Press(t, m, "/")
	tuitest.Type(t, m, "15/05")
	tuitest.Press(t, m, "enter")
	if m.Typing() || len(m.rows) == 0 || len(m.rows) == 4 {
		t.Fatalf("enter should keep the filter: rows %d", len(m.rows))
	}
	if out := tuitest.Press(t, m, "enter"); len(out) != 1 || out[0] != (base.OpenSessionMsg{ID: ss[1].ID}) {
		t.Errorf("enter after filtering opened %#v", out)
	}
}

func TestDeleteWithConfirmation(t *testing.T) {
	db := tuitest.Store(t, store.Options{})
	ss := seed(t, db)
	m := newHome(t, base.VI, db, 80, 22)
	tuitest.Press(t, m, "ctrl+d")
	if m.confirm == nil || !strings.Contains(ansi.Strip(m.View()), "Xóa hẳn hội nghị ngày 18/05/2026 và 0 ý kiến?") {
		t.Fatal("ctrl+d should ask first")
	}
	tuitest.Press(t, m, "n") // any other key keeps it
	if list, _ := db.Sessions(); len(list) != 4 || m.confirm != nil {
		t.Fatal("the session was deleted without a yes")
	}
	tuitest.Press(t, m, "down", "ctrl+d")
	out := tuitest.Press(t, m, "y")
	list, _ := db.Sessions()
	if len(list) != 3 {
		t.Fatalf("%d sessions left, want 3", len(list))
	}
	for _, s := range list {
		if s.ID == ss[1].ID {
			t.Error("deleted the wrong session")
		}
	}
	if len(m.all) != 3 {
		t.Errorf("the list was not reloaded: %d rows", len(m.all))
	}
	var status bool
	for _, msg := range out {
		if st, ok := msg.(base.StatusMsg); ok && strings.Contains(st.Text, "15/05/2026") {
			status = true
		}
	}
	if !status {
		t.Errorf("no status line after deleting: %#v", out)
	}
}

func TestReloadAndWheel(t *testing.T) {
	db := tuitest.Store(t, store.Options{})
	seed(t, db)
	m := newHome(t, base.VI, db, 80, 22)
	if _, err := db.CreateSession(model.Session{Title: "Mới", Kind: model.KindOther, Date: "2026-05-19"}); err != nil {
		t.Fatal(err)
	}
	_, cmd := m.Update(ReloadMsg{})
	tuitest.Drive(t, m, cmd)
	if len(m.all) != 5 {
		t.Fatalf("reload: %d sessions", len(m.all))
	}
	// The selection follows its session: the new one came in above it.
	if m.sel != 1 {
		t.Fatalf("after reload: selection %d, want 1", m.sel)
	}
	m.Update(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if m.sel != 4 {
		t.Errorf("wheel down: selection %d, want 4", m.sel)
	}
	m.Update(tea.MouseWheelMsg{Button: tea.MouseWheelUp})
	if m.sel != 1 {
		t.Errorf("wheel up: selection %d, want 1", m.sel)
	}
}

func TestScrollKeepsSelectionVisible(t *testing.T) {
	db := tuitest.Store(t, store.Options{})
	for i := range 40 {
		d := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i).Format(model.DateLayout)
		if _, err := db.CreateSession(model.Session{Title: "Phiên " + d, Kind: model.KindBefore, Date: d, Place: "Xã " + d}); err != nil {
			t.Fatal(err)
		}
	}
	m := newHome(t, base.VI, db, 80, 22)
	for range 30 {
		tuitest.Press(t, m, "down")
	}
	if m.sel != 30 || m.top != 30-m.listHeight()+1 {
		t.Errorf("sel %d top %d", m.sel, m.top)
	}
	if !strings.Contains(ansi.Strip(m.View()), "▸ "+base.ShortDate(m.all[m.rows[30]].Date)) {
		t.Error("the selected row is not drawn")
	}
	_, cmd := m.Update(tea.KeyPressMsg{Code: tea.KeyPgUp})
	tuitest.Drive(t, m, cmd)
	if m.sel != 30-(m.listHeight()-1) {
		t.Errorf("pgup: sel %d", m.sel)
	}
}

func TestEnglish(t *testing.T) {
	db := tuitest.Store(t, store.Options{})
	seed(t, db)
	m := newHome(t, base.EN, db, 120, 38)
	v := ansi.Strip(m.View())
	for _, s := range []string{"4 sessions", "3 days left", "due today", "5 days overdue", "exported", "Report due", "Before a sitting"} {
		if !strings.Contains(v, s) {
			t.Errorf("English view lacks %q", s)
		}
	}
	if strings.Contains(v, "⟨") {
		t.Error("a string is missing from the catalog")
	}
}

// Sessions of one round (delegate group and sitting) stand together under a
// heading with the round's deadline: five days after its newest session.
func TestGroupedByRound(t *testing.T) {
	db := tuitest.Store(t, store.Options{})
	seed(t, db)
	for _, s := range []model.Session{
		{Title: "TXCT xã Hưng Lợi", Kind: model.KindBefore, Date: "2026-05-12", Place: "UBND xã Hưng Lợi",
			DelegateGroup: "Tổ đại biểu HĐND tỉnh số 3", Sitting: "Kỳ họp giữa năm 2026"},
		{Title: "TXCT xã Hưng Tân", Kind: model.KindBefore, Date: "2026-05-19", Place: "UBND xã Hưng Tân",
			DelegateGroup: "Tổ đại biểu HĐND tỉnh số 3", Sitting: "kỳ họp giữa năm 2026"},
	} {
		if _, err := db.CreateSession(s); err != nil {
			t.Fatal(err)
		}
	}
	m := newHome(t, base.VI, db, 120, 36)
	v := ansi.Strip(m.View())
	lines := strings.Split(v, "\n")
	at := func(sub string) int {
		for i, l := range lines {
			if strings.Contains(l, sub) {
				return i
			}
		}
		t.Fatalf("%q not on screen:\n%s", sub, v)
		return -1
	}
	head := at("▾ Hạn báo cáo đợt 24/05/2026 còn 4 ngày · đợt 2 hội nghị · Tổ đại biểu HĐND tỉnh số 3 · kỳ họp giữa năm 2026")
	if at("UBND xã Hưng Tân") != head+1 || at("UBND xã Hưng Lợi") != head+2 {
		t.Fatalf("the round's sessions are not together under its heading:\n%s", v)
	}
	// The rows under the heading repeat no deadline of their own: the older
	// session's (17/05) would say overdue while the round has four days.
	for _, l := range lines[head+1 : head+3] {
		if strings.Contains(l, "/05/2026 ") && strings.Contains(l, "quá hạn") || strings.Contains(l, "17/05/2026") || strings.Contains(l, "còn 4 ngày") {
			t.Fatalf("a session row under the round heading repeats a deadline: %q", l)
		}
	}
	// The title counts the round once, by its deadline: not overdue.
	if !strings.Contains(lines[0], "1 quá hạn") {
		t.Fatalf("the title counts a session of a round on time as overdue: %q", lines[0])
	}
	// A filter shows matches alone, without headings.
	m.filter.SetValue("Hưng")
	m.applyFilter()
	if v := ansi.Strip(m.View()); strings.Contains(v, "▾") {
		t.Fatalf("heading while filtering:\n%s", v)
	}
	// At 80×24 the selection stays on screen through the headings.
	m = newHome(t, base.VI, db, 80, 10)
	for range 6 {
		tuitest.Press(t, m, "down")
	}
	if v := ansi.Strip(m.View()); !strings.Contains(v, "▸") {
		t.Fatalf("the selected row scrolled away:\n%s", v)
	}
}

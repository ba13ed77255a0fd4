package sessionform

import (
	"slices"
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

var fixedNow = time.Date(2026, 5, 20, 7, 52, 0, 0, time.UTC)

// earlier stores a finished session, so its names are remembered.
func earlier(t *testing.T, db *store.Store) model.Session {
	t.Helper()
	s, err := db.CreateSession(model.Session{
		Title: "Tiếp xúc cử tri sau Kỳ họp thứ 11, HĐND tỉnh", Kind: model.KindAfter, Date: "2026-05-10",
		Start: "08:00", End: "11:00", Place: "Hội trường UBND xã Tân Thành", Locality: "Tân Thành",
		Organiser: "Ủy ban MTTQ Việt Nam xã Tân Thành", DelegateGroup: "Tổ đại biểu HĐND tỉnh số 3",
		Delegates: []string{"Ông Nguyễn Văn An", "Bà Trần Thị Bích"}, Chair: "Ông Lê Văn Cường",
		ChairTitle: "Chủ tịch Ủy ban MTTQ xã Tân Thành", Secretary: "Bà Phạm Thị Dung", Voters: 120,
		Notes: []model.Note{{Section: model.SecRemarks, Text: "ghi chú giữ nguyên"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func newForm(t *testing.T, lang base.Lang, db *store.Store, id uint64, w, h int) *Model {
	t.Helper()
	ctx := base.NewContext(lang)
	ctx.Now = func() time.Time { return fixedNow }
	m := New(ctx, db, id)
	m.SetSize(w, h)
	tuitest.Drive(t, m, m.Init())
	return m
}

// goTo moves the focus to field f with tab and shift+tab.
func goTo(t *testing.T, m *Model, f field) {
	t.Helper()
	for m.focus < f {
		tuitest.Press(t, m, "tab")
	}
	for m.focus > f {
		tuitest.Press(t, m, "shift+tab")
	}
}

// fill replaces field f's text with s, typed rune by rune.
func fill(t *testing.T, m *Model, f field, s string) {
	t.Helper()
	goTo(t, m, f)
	tuitest.Press(t, m, "ctrl+u")
	tuitest.Type(t, m, s)
}

func TestViewGolden(t *testing.T) {
	cases := []struct {
		name string
		lang base.Lang
		edit bool
		w, h int
		prep func(t *testing.T, m *Model)
	}{
		{"new-80x24", base.VI, false, 80, 22, nil},
		{"new-120x40", base.VI, false, 120, 38, nil},
		{"edit-80x24", base.VI, true, 80, 22, nil},
		{"edit-120x40", base.VI, true, 120, 38, nil},
		{"edit-80x24-en", base.EN, true, 80, 22, nil},
		{"suggest-80x24", base.VI, false, 80, 22, func(t *testing.T, m *Model) {
			goTo(t, m, fChair)
			tuitest.Type(t, m, "ng")
			tuitest.Press(t, m, "down")
		}},
		{"suggest-120x40", base.VI, false, 120, 38, func(t *testing.T, m *Model) {
			goTo(t, m, fDelegates)
			tuitest.Type(t, m, "Ông Nguyễn Văn An, th")
		}},
		{"errors-80x24", base.VI, false, 80, 22, func(t *testing.T, m *Model) {
			fill(t, m, fStart, "14:00")
			fill(t, m, fEnd, "13:30")
			fill(t, m, fVoters, "-3")
			tuitest.Press(t, m, "ctrl+s")
		}},
		// Shorter than the app allows, so the form must scroll: errors and
		// suggestions push the focused field below the fold.
		{"scrolled-80x18", base.VI, false, 80, 16, func(t *testing.T, m *Model) {
			fill(t, m, fDate, "hôm nay")
			fill(t, m, fStart, "14:00")
			fill(t, m, fEnd, "13:30")
			fill(t, m, fVoters, "-3")
			tuitest.Press(t, m, "ctrl+s")
			goTo(t, m, fChair)
			tuitest.Type(t, m, "ng")
			if m.offset == 0 {
				t.Error("the form should scroll to keep the focused field and its error on screen")
			}
		}},
		{"errors-120x40-en", base.EN, false, 120, 38, func(t *testing.T, m *Model) {
			fill(t, m, fStart, "14:00")
			fill(t, m, fEnd, "13:30")
			tuitest.Press(t, m, "ctrl+s")
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			db := tuitest.Store(t, store.Options{})
			s := earlier(t, db)
			var id uint64
			if c.edit {
				id = s.ID
			}
			m := newForm(t, c.lang, db, id, c.w, c.h)
			if c.prep != nil {
				c.prep(t, m)
			}
			v := m.View()
			lines := strings.Split(v, "\n")
			if len(lines) != c.h {
				t.Errorf("%d lines, want %d", len(lines), c.h)
			}
			for i, l := range lines {
				if w := ansi.StringWidth(l); w > c.w {
					t.Errorf("line %d is %d cells wide", i, w)
				}
			}
			if m.Cursor() != nil {
				// The real cursor sits on the focused input's line.
				cur := m.Cursor()
				line := ansi.Strip(lines[cur.Y])
				if !strings.Contains(line, m.label(m.focus)) {
					t.Errorf("cursor row %d (%q) is not the focused field %q", cur.Y, line, m.label(m.focus))
				}
			}
			golden.RequireEqual(t, []byte(ansi.Strip(v)))
		})
	}
}

func TestDefaults(t *testing.T) {
	m := newForm(t, base.VI, tuitest.Store(t, store.Options{}), 0, 80, 22)
	if got := m.inputs[fDate].Value(); got != "20/05/2026" {
		t.Errorf("date %q", got)
	}
	if got := m.inputs[fStart].Value(); got != "07:45" && got != "08:00" {
		t.Errorf("start %q, want the time rounded to a quarter hour", got)
	}
	if m.focus != fTitle || !m.Typing() {
		t.Error("a new form starts in the title")
	}
}

func TestTypeAndSave(t *testing.T) {
	db := tuitest.Store(t, store.Options{})
	earlier(t, db)
	m := newForm(t, base.VI, db, 0, 80, 22)
	goTo(t, m, fKind)
	tuitest.Press(t, m, "right", "right") // chuyên đề
	fill(t, m, fTitle, "Tiếp xúc cử tri chuyên đề về đất đai")
	fill(t, m, fDate, "2026-05-21")
	fill(t, m, fStart, "7h30")
	fill(t, m, fEnd, "10:15")
	fill(t, m, fPlace, "Nhà văn hóa thôn Đông Hưng")
	// An IME correcting a syllable: backspaces (both bytes) then new text.
	tuitest.Type(t, m, "x")
	tuitest.Press(t, m, "backspace")
	tuitest.Type(t, m, "yz")
	tuitest.Press(t, m, "ctrl+h", "ctrl+h")
	// Decomposed input (e + circumflex + acute) is stored as NFC.
	fill(t, m, fLocality, "Đông Hưng xe\u0302\u0301")
	fill(t, m, fDelegates, "Ông Nguyễn Văn An; Bà Trần Thị Bích,  ")
	fill(t, m, fVoters, "85")
	out := tuitest.Press(t, m, "ctrl+s")
	if len(out) != 2 {
		t.Fatalf("save produced %#v (form error %q, field errors %q)", out, m.formErr, m.errs)
	}
	open, ok := out[0].(base.OpenSessionMsg)
	if !ok {
		open, ok = out[1].(base.OpenSessionMsg)
	}
	if !ok || open.ID == 0 {
		t.Fatalf("no OpenSessionMsg in %#v", out)
	}
	s, err := db.Session(open.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := model.Session{Kind: model.KindThematic, Title: "Tiếp xúc cử tri chuyên đề về đất đai", Date: "2026-05-21",
		Start: "07:30", End: "10:15", Place: "Nhà văn hóa thôn Đông Hưng", Locality: "Đông Hưng xế",
		Delegates: []string{"Ông Nguyễn Văn An", "Bà Trần Thị Bích"}, Voters: 85}
	if s.Kind != want.Kind || s.Title != want.Title || s.Date != want.Date || s.Start != want.Start || s.End != want.End ||
		s.Place != want.Place || s.Locality != want.Locality || !slices.Equal(s.Delegates, want.Delegates) || s.Voters != want.Voters {
		t.Errorf("stored %+v\nwant   %+v", s, want)
	}
	if list, _ := db.Sessions(); len(list) != 2 {
		t.Errorf("%d sessions in the store, want 2", len(list))
	}
}

func TestCompletionAcceptsSuggestion(t *testing.T) {
	db := tuitest.Store(t, store.Options{})
	earlier(t, db)
	m := newForm(t, base.VI, db, 0, 80, 22)
	goTo(t, m, fChair)
	tuitest.Type(t, m, "ng")
	if !m.sugg.open() || m.sugg.sel != -1 {
		t.Fatalf("typing should open the list with nothing chosen: %+v", m.sugg)
	}
	// A word starting with the typed letters ranks first.
	if m.sugg.items[0] != "Ông Nguyễn Văn An" {
		t.Errorf("suggestions %q: Nguyễn should come first", m.sugg.items)
	}
	tuitest.Press(t, m, "down", "enter")
	if got := m.inputs[fChair].Value(); got != "Ông Nguyễn Văn An" {
		t.Errorf("chair %q, want the remembered name", got)
	}
	if m.focus != fChair || m.sugg.open() {
		t.Error("accepting stays in the field and closes the list")
	}

	// Accent-insensitive, and in a list only the part after the last comma.
	goTo(t, m, fDelegates)
	tuitest.Type(t, m, "Ông Lê Văn Cường, tran")
	if !m.sugg.open() || m.sugg.items[0] != "Bà Trần Thị Bích" {
		t.Fatalf("suggestions %v", m.sugg.items)
	}
	tuitest.Press(t, m, "down", "tab")
	if got := m.inputs[fDelegates].Value(); got != "Ông Lê Văn Cường, Bà Trần Thị Bích, " {
		t.Errorf("delegates %q", got)
	}
	// Names already in the list are not offered again.
	tuitest.Type(t, m, "b")
	for _, it := range m.sugg.items {
		if it == "Bà Trần Thị Bích" {
			t.Error("offered a delegate already listed")
		}
	}
	// Esc closes the list without leaving the form; tab with nothing chosen
	// moves on.
	tuitest.Press(t, m, "esc")
	if m.sugg.open() {
		t.Error("esc should close the list")
	}
	goTo(t, m, fPlace)
	tuitest.Type(t, m, "tan")
	tuitest.Press(t, m, "tab")
	if m.focus != fLocality || m.inputs[fPlace].Value() != "tan" {
		t.Errorf("tab with no choice should move on: focus %d, place %q", m.focus, m.inputs[fPlace].Value())
	}
}

func TestValidation(t *testing.T) {
	db := tuitest.Store(t, store.Options{})
	m := newForm(t, base.VI, db, 0, 80, 22)
	fill(t, m, fStart, "14:00")
	fill(t, m, fEnd, "13:30")
	fill(t, m, fDate, "32/13/2026")
	out := tuitest.Press(t, m, "ctrl+s")
	if len(out) != 0 {
		t.Fatalf("saved despite errors: %#v", out)
	}
	if m.errs[fEnd] != "Giờ kết thúc phải sau giờ bắt đầu" || m.errs[fTitle] == "" || m.errs[fDate] == "" {
		t.Errorf("errors %q", m.errs)
	}
	if m.focus != fTitle {
		t.Errorf("focus %d, want the first field in error", m.focus)
	}
	v := ansi.Strip(m.View())
	if !strings.Contains(v, "Chưa lưu: có 3 ô cần sửa.") || !strings.Contains(v, "⚠ Chưa nhập tiêu đề") {
		t.Errorf("errors not shown:\n%s", v)
	}
	if list, _ := db.Sessions(); len(list) != 0 {
		t.Error("an invalid session reached the store")
	}
	// Typing in a field clears its error.
	tuitest.Type(t, m, "T")
	if m.errs[fTitle] != "" {
		t.Error("the title error should go once the title is typed")
	}
}

func TestParse(t *testing.T) {
	dates := map[string]string{"2026-05-21": "2026-05-21", "21/05/2026": "2026-05-21", "1/5/2026": "2026-05-01",
		" 21.05.2026 ": "2026-05-21", "21-5-2026": "2026-05-21", "2026/05/21": "", "31/02/2026": "", "": ""}
	for in, want := range dates {
		got, ok := base.ParseTypedDate(in)
		if got != want || ok != (want != "") {
			t.Errorf("ParseTypedDate(%q) = %q, %v", in, got, ok)
		}
	}
	clocks := map[string]string{"7:30": "07:30", "07:30": "07:30", "7h30": "07:30", "14h": "14:00", "9": "09:00",
		"": "", "24:00": "!", "7:60": "!", "ab": "!", "7:300": "!"}
	for in, want := range clocks {
		got, ok := parseClock(in)
		if want == "!" {
			if ok {
				t.Errorf("parseClock(%q) accepted %q", in, got)
			}
			continue
		}
		if got != want || !ok {
			t.Errorf("parseClock(%q) = %q, %v", in, got, ok)
		}
	}
}

func TestEditKeepsOtherFieldsAndCancel(t *testing.T) {
	db := tuitest.Store(t, store.Options{})
	s := earlier(t, db)
	m := newForm(t, base.VI, db, s.ID, 120, 38)
	if got := m.inputs[fDate].Value(); got != "10/05/2026" {
		t.Errorf("date shown as %q", got)
	}
	if got := m.inputs[fDelegates].Value(); got != "Ông Nguyễn Văn An, Bà Trần Thị Bích" {
		t.Errorf("delegates shown as %q", got)
	}
	if out := tuitest.Press(t, m, "esc"); len(out) != 1 || out[0] != (base.OpenSessionMsg{ID: s.ID}) {
		t.Errorf("esc while editing: %#v", out)
	}
	fill(t, m, fVoters, "150")
	out := tuitest.Press(t, m, "ctrl+s")
	if !slices.Contains(out, tea.Msg(base.OpenSessionMsg{ID: s.ID})) {
		t.Fatalf("save: %#v (%q)", out, m.formErr)
	}
	got, _ := db.Session(s.ID)
	if got.Voters != 150 || got.Note(model.SecRemarks) != "ghi chú giữ nguyên" || got.UID != s.UID {
		t.Errorf("stored %+v", got)
	}

	n := newForm(t, base.VI, db, 0, 80, 22)
	if out := tuitest.Press(t, n, "esc"); len(out) != 1 || out[0] != (base.GoHomeMsg{}) {
		t.Errorf("esc on a new form: %#v", out)
	}
}

func TestEnglish(t *testing.T) {
	m := newForm(t, base.EN, tuitest.Store(t, store.Options{}), 0, 120, 38)
	fill(t, m, fStart, "14:00")
	fill(t, m, fEnd, "13:00")
	tuitest.Press(t, m, "ctrl+s")
	v := ansi.Strip(m.View())
	for _, s := range []string{"New session", "Delegates present", "Place name (date line)", "Voters attending",
		"The end time must be after the", "The title is empty", "Before a sitting"} {
		if !strings.Contains(v, s) {
			t.Errorf("English view lacks %q", s)
		}
	}
	if strings.Contains(v, "⟨") {
		t.Error("a string is missing from the catalog")
	}
}

// Typing into a field that holds a default (today's date, the time now)
// replaces the default; moving the cursor first keeps it for editing.
func TestTypingReplacesDefault(t *testing.T) {
	m := newForm(t, base.VI, tuitest.Store(t, store.Options{}), 0, 80, 22)
	goTo(t, m, fDate)
	tuitest.Type(t, m, "21/05/2026")
	if got := m.inputs[fDate].Value(); got != "21/05/2026" {
		t.Errorf("date %q, want the typed date alone", got)
	}
	goTo(t, m, fStart)
	tuitest.Press(t, m, "backspace")
	tuitest.Type(t, m, "5")
	if got := m.inputs[fStart].Value(); got == "5" || len(got) != 5 {
		t.Errorf("editing the default time gave %q", got)
	}
}

// A new session continues the latest session's round: its delegate group
// and sitting are filled in, and typing in either replaces the default.
func TestNewSessionContinuesTheRound(t *testing.T) {
	db := tuitest.Store(t, store.Options{})
	prev := earlier(t, db)
	prev.Sitting = "Kỳ họp thường lệ cuối năm 2026"
	if err := db.UpdateSession(prev); err != nil {
		t.Fatal(err)
	}
	m := newForm(t, base.VI, db, 0, 120, 36)
	if m.inputs[fGroup].Value() != prev.DelegateGroup || m.inputs[fSitting].Value() != prev.Sitting {
		t.Fatalf("defaults: group %q, sitting %q", m.inputs[fGroup].Value(), m.inputs[fSitting].Value())
	}
	if v := ansi.Strip(m.View()); !strings.Contains(v, "Kỳ họp") || !strings.Contains(v, "Kỳ họp thường lệ cuối năm 2026") {
		t.Fatalf("the sitting is not shown:\n%s", v)
	}
	fill(t, m, fTitle, "Tiếp xúc cử tri tại xã Hưng Tân")
	goTo(t, m, fSitting)
	tuitest.Type(t, m, "Kỳ họp chuyên đề tháng 12")
	out := tuitest.Press(t, m, "ctrl+s")
	var id uint64
	for _, msg := range out {
		if o, ok := msg.(base.OpenSessionMsg); ok {
			id = o.ID
		}
	}
	s, err := db.Session(id)
	if err != nil {
		t.Fatalf("%v (%#v)", err, out)
	}
	if s.DelegateGroup != prev.DelegateGroup || s.Sitting != "Kỳ họp chuyên đề tháng 12" {
		t.Fatalf("stored group %q, sitting %q", s.DelegateGroup, s.Sitting)
	}
}

// formState is what a key can change in the form, less the text typed.
type formState struct {
	focus field
	kind  int
	sugg  int
	open  bool
	err   string
}

func stateOf(m *Model) formState {
	return formState{m.focus, m.kind, m.sugg.sel, m.sugg.open(), m.formErr}
}

// helpKeys are the keys of the bindings the help lists: short (what acts
// now) or all of them.
func helpKeys(m *Model, all bool) []string {
	short, full := m.Help()
	bs := short
	if all {
		bs = nil
		for _, g := range full {
			bs = append(bs, g...)
		}
	}
	var out []string
	for _, b := range bs {
		out = append(out, b.Keys()...)
	}
	return out
}

// TestHelpShowsTheKeysThatAct: in each state of the form (the kind field,
// a text field, a field with suggestions showing) every key its help bar
// lists acts, and keys its help does not list change nothing (the kind
// field took h and l before, unlisted).
func TestHelpShowsTheKeysThatAct(t *testing.T) {
	db := tuitest.Store(t, store.Options{})
	earlier(t, db)
	states := []struct {
		name  string
		setup func(*Model)
	}{
		{"kind", func(m *Model) { goTo(t, m, fKind) }},
		{"date", func(m *Model) { goTo(t, m, fDate) }},
		{"suggestions", func(m *Model) {
			goTo(t, m, fChair)
			tuitest.Type(t, m, "ng")
			tuitest.Press(t, m, "down") // one chosen, so ↑ has somewhere to go
		}},
	}
	probe := []string{"h", "l", "x", "?", "home", "end", "pgup", "pgdown", "delete",
		"ctrl+a", "ctrl+b", "ctrl+d", "ctrl+e", "ctrl+n", "ctrl+z", "alt+left", "alt+right", "f5", "f7"}
	for _, st := range states {
		at := func() *Model {
			m := newForm(t, base.VI, db, 0, 100, 30)
			st.setup(m)
			return m
		}
		m := at()
		if st.name == "suggestions" && !m.sugg.open() {
			t.Fatal("no suggestions to test with")
		}
		all := helpKeys(m, true)
		for _, k := range helpKeys(m, false) {
			if st.name == "kind" && slices.Contains(m.prev.Keys(), k) {
				continue // the first field has none before it
			}
			m := at()
			before := stateOf(m)
			if out := tuitest.Press(t, m, k); stateOf(m) == before && len(out) == 0 {
				t.Errorf("%s: %q is on the help bar but did nothing", st.name, k)
			}
		}
		for _, k := range probe {
			if slices.Contains(all, k) {
				t.Fatalf("probe key %q is in the help; pick another", k)
			}
			if st.name != "kind" && !strings.Contains(k, "+") && len([]rune(k)) == 1 {
				continue // a letter types into a text field
			}
			m := at()
			before := stateOf(m)
			values := make([]string, nFields)
			for f := range m.inputs {
				values[f] = m.inputs[f].Value()
			}
			out := tuitest.Press(t, m, k)
			changed := false
			for f := range m.inputs {
				changed = changed || (st.name == "kind" && m.inputs[f].Value() != values[f])
			}
			if stateOf(m) != before || len(out) > 0 || changed {
				t.Errorf("%s: %q is not in the help but acted: %+v → %+v, %d messages", st.name, k, before, stateOf(m), len(out))
			}
		}
	}
}

package capture

import (
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"txct/store/model"
	"txct/tui/base"
)

// statuses runs a key and returns the status lines it sent.
func statuses(m *Model, msg tea.Msg) []string {
	_, cmd := m.Update(msg)
	var out []string
	for _, x := range collect(cmd) {
		if s, ok := x.(base.StatusMsg); ok {
			out = append(out, s.Text)
		}
	}
	return out
}

// With the list focused, typing words as if a remark were open ("de nghi")
// used to delete remark 12 (d), open remark 11 (e) and append the rest to
// its text. Now the words start a new remark and no existing one changes.
func TestListTypingChangesNoRemark(t *testing.T) {
	m, fs := newTest(t, 13, 120, 36)
	before := cloneRemarks(m.remarks)
	m.sel = 11
	typeText(m, "de nghi")
	if len(m.remarks) != 14 {
		t.Fatalf("%d remarks, want the 13 plus a new one", len(m.remarks))
	}
	for i, r := range before {
		if !sameRemark(r, m.remarks[i]) {
			t.Errorf("remark %d changed: %+v", i+1, m.remarks[i])
		}
		if saved, ok := fs.remarks[r.ID]; ok && !sameRemark(saved, r) {
			t.Errorf("remark %d saved changed: %q", i+1, saved.Text)
		}
	}
	if got := m.remarks[13].Text; got != "de nghi" {
		t.Errorf("new remark text = %q", got)
	}
	if !m.Typing() || m.ed.focus != fText {
		t.Errorf("typing=%v focus=%d, want the new remark's text", m.Typing(), m.ed.focus)
	}
	// Punctuation and space only explain how to start a remark.
	press(m, esc)
	n := len(m.remarks)
	st := statuses(m, tea.KeyPressMsg{Code: ' ', Text: " "})
	if len(m.remarks) != n || len(st) == 0 || !strings.Contains(st[0], "Ctrl+D") {
		t.Errorf("space in the list: %d remarks, status %q", len(m.remarks), st)
	}
}

// Every bare printable key in the list leaves every saved remark as it was.
func TestListPrintableKeysChangeNothingSaved(t *testing.T) {
	for _, r := range "deunarjkDEU?/ 1-" {
		m, fs := newTest(t, 5, 100, 30)
		m.sel = 2
		want := cloneRemarks(m.remarks)
		m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
		press(m, esc)
		for _, w := range want {
			i := m.indexOf(w.ID)
			if i < 0 {
				t.Errorf("key %q: remark %d gone", r, w.ID)
				continue
			}
			if !sameRemark(w, m.remarks[i]) {
				t.Errorf("key %q: remark %d changed", r, w.ID)
			}
			if s, ok := fs.remarks[w.ID]; ok && !sameRemark(s, w) {
				t.Errorf("key %q: remark %d saved changed", r, w.ID)
			}
		}
		if slices.ContainsFunc(fs.order, func(id uint64) bool { return m.indexOf(id) < 0 }) || (len(fs.order) > 0 && len(fs.order) < 5) {
			t.Errorf("key %q: saved order %v", r, fs.order)
		}
	}
}

// The delete status named its argument with %!(EXTRA uint64=13).
func TestDeleteStatusSaysWhat(t *testing.T) {
	m, _ := newTest(t, 13, 100, 30)
	m.sel = 11
	st := statuses(m, ctrlD)
	if len(st) != 1 || strings.Contains(st[0], "%!") || !strings.Contains(st[0], "số 12") {
		t.Fatalf("status = %q", st)
	}
}

// Undo takes back every kind of change, one step at a time, and says which;
// redo makes it again.
func TestUndoRedoEveryChange(t *testing.T) {
	m, fs := newTest(t, 3, 120, 36)
	orig := cloneRemarks(m.remarks)
	m.sel = 0
	press(m, enter) // edit remark 1 (text field)
	typeText(m, " gấp")
	press(m, f5, f6, tea.KeyPressMsg{Code: tea.KeyF7})
	press(m, tea.KeyPressMsg{Code: tea.KeyTab}, tea.KeyPressMsg{Code: tea.KeyTab})
	typeText(m, " thêm")
	press(m, esc)
	m.sel = 2
	press(m, altUp)
	press(m, ctrlD)
	labels := []string{"xóa ý kiến số 2", "chuyển ý kiến số 3", "trả lời tại chỗ", "đổi loại", "đổi thẩm quyền", "đổi lĩnh vực", "nội dung"}
	for _, l := range labels {
		st := statuses(m, ctrlZ)
		if len(st) != 1 || !strings.Contains(st[0], l) {
			t.Fatalf("undo: status %q, want it to name %q", st, l)
		}
	}
	if len(m.remarks) != len(orig) {
		t.Fatalf("%d remarks after undoing everything", len(m.remarks))
	}
	for i := range orig {
		if !sameRemark(orig[i], m.remarks[i]) {
			t.Errorf("remark %d not restored: %+v", i+1, m.remarks[i])
		}
		if s := fs.remarks[orig[i].ID]; s.ID != 0 && !sameRemark(s, orig[i]) {
			t.Errorf("saved remark %d not restored: %q", i+1, s.Text)
		}
	}
	if !slices.Equal(fs.order, m.order()) {
		t.Errorf("saved order %v, screen %v", fs.order, m.order())
	}
	if st := statuses(m, ctrlZ); len(st) != 1 || !strings.Contains(st[0], "Không còn") {
		t.Errorf("undo past the start: %q", st)
	}
	ctrlR := tea.KeyPressMsg{Code: 'r', Mod: tea.ModCtrl}
	for range labels {
		press(m, ctrlR)
	}
	if len(m.remarks) != 2 || !strings.HasSuffix(m.remarks[0].Text, " gấp") {
		t.Fatalf("after redo: %d remarks, first %q", len(m.remarks), m.remarks[0].Text)
	}
	if a := m.remarks[0].Answer; a == nil || !strings.HasSuffix(a.Text, " thêm") {
		t.Errorf("redo lost the answer: %+v", a)
	}
}

// Ctrl+S then Esc left an empty remark that reached the minutes.
func TestEmptyRemarkDiscarded(t *testing.T) {
	m, fs := newTest(t, 2, 100, 30)
	press(m, ctrlN)
	typeText(m, "Ông C")
	press(m, ctrlS, esc)
	if len(m.remarks) != 3 {
		t.Fatalf("%d remarks, want 3 (the blank one dropped)", len(m.remarks))
	}
	for _, r := range m.remarks {
		if isBlank(r) {
			t.Errorf("blank remark kept: %+v", r)
		}
	}
	if len(fs.order) != 3 {
		t.Errorf("saved order %v", fs.order)
	}
	// A remark emptied by hand is removed when the editor closes.
	m.sel = 2
	press(m, enter)
	for range 10 {
		press(m, backspace)
	}
	press(m, tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}, tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift})
	for range 10 {
		press(m, backspace)
	}
	press(m, esc)
	if len(m.remarks) != 2 || len(fs.order) != 2 {
		t.Errorf("emptied remark kept: %d remarks, order %v", len(m.remarks), fs.order)
	}
}

// Field and level cycle both ways, and stay a guess until chosen.
func TestCycleBothWaysAndGuessMark(t *testing.T) {
	m, _ := newTest(t, 0, 100, 30)
	press(m, ctrlN, enter, enter)
	typeText(m, "Đề nghị sửa đường liên thôn")
	if g := m.remarks[0].Guessed; g&model.GuessedField == 0 || g&model.GuessedLevel == 0 {
		t.Fatalf("guess not marked: %v", g)
	}
	f := m.remarks[0].Field
	press(m, f5, tea.KeyPressMsg{Code: tea.KeyF5, Mod: tea.ModShift})
	if m.remarks[0].Field != f || m.remarks[0].Guessed&model.GuessedField != 0 {
		t.Errorf("F5 then Shift+F5: %s (guessed %v), want %s confirmed", m.remarks[0].Field, m.remarks[0].Guessed, f)
	}
}

// Ctrl+G with no merge candidate did nothing while an old "merged" message
// stayed up. Now it says so and takes a remark's number; pressed on a merged
// remark it unmerges.
func TestMergeByNumber(t *testing.T) {
	m, fs := newTest(t, 4, 120, 36)
	m.sel = 3
	press(m, enter)
	ctrlG := tea.KeyPressMsg{Code: 'g', Mod: tea.ModCtrl}
	st := statuses(m, ctrlG)
	if len(st) != 1 || !strings.Contains(st[0], "Không thấy ý kiến nào cùng nội dung") {
		t.Fatalf("ctrl+g without a candidate: %q", st)
	}
	if !strings.Contains(ansi.Strip(m.View()), "Gộp với ý kiến số:") {
		t.Error("the number prompt is not shown")
	}
	typeText(m, "2")
	st = statuses(m, enter)
	lead := m.remarks[1].ID
	if m.remarks[3].MergedInto != lead || fs.remarks[m.remarks[3].ID].MergedInto != lead || len(st) != 1 || !strings.Contains(st[0], "số 2") {
		t.Fatalf("merge by number: merged into %d (want %d), status %q", m.remarks[3].MergedInto, lead, st)
	}
	if strings.Contains(m.remarks[3].Text, "2") {
		t.Error("the number went into the text")
	}
	if !strings.Contains(ansi.Strip(m.View()), "⊕2") {
		t.Errorf("merge marker missing:\n%s", ansi.Strip(m.View()))
	}
	press(m, ctrlG)
	if m.remarks[3].MergedInto != 0 {
		t.Error("ctrl+g on a merged remark did not unmerge")
	}
	// A number that is not a remark merges nothing.
	press(m, ctrlG)
	typeText(m, "9")
	press(m, enter)
	if m.remarks[3].MergedInto != 0 {
		t.Error("merged with a remark that does not exist")
	}
}

// The on-the-spot answer is a multi-line box as wide as the text.
func TestAnswerBoxWide(t *testing.T) {
	m, _ := newTest(t, 1, 120, 36)
	press(m, ctrlN)
	press(m, enter, enter, enter, enter)
	ans := "Đồng chí Phó Chủ tịch UBND xã trả lời: xã đã lập hồ sơ đề nghị tỉnh hỗ trợ kinh phí, dự kiến khởi công trong quý II năm 2027 sau khi có vốn"
	typeText(m, ans)
	v := ansi.Strip(m.View())
	if !strings.Contains(v, "Trả lời:  Đồng chí Phó Chủ tịch UBND xã trả lời") || !strings.Contains(v, "năm 2027 sau khi có vốn") {
		t.Fatalf("answer box:\n%s", v)
	}
	if a := m.remarks[1].Answer; a == nil || a.Text != ans {
		t.Errorf("answer = %+v", a)
	}
}

// Markers come before the text that gets cut: at 80 and 120 columns a
// remark with a long voter and address still shows ⟳ and ⊕.
func TestMarkersVisibleWhenCut(t *testing.T) {
	for _, w := range []int{80, 120} {
		rs := sampleRemarks(3)
		rs[2].Voter = "Ông Nguyễn Văn Thành Trung, nguyên Trưởng ban công tác Mặt trận ấp"
		rs[2].Address = "ấp Trung Tâm, xã Tân Thành, tỉnh Đồng Nai"
		rs[2].RepeatOf = []string{"P-1"}
		rs[2].MergedInto = rs[0].ID
		m := NewWith(testCtx(base.VI), newFakeSaver(), testSession(), rs)
		m.SetSize(w, 30)
		v := ansi.Strip(m.View())
		if !strings.Contains(v, "3. ⟳1 ⊕1") {
			t.Errorf("%d columns: markers cut:\n%s", w, v)
		}
	}
}

// 10,000 key messages into one field (a paste without bracketed paste)
// land in order, within the field's limit.
func TestKeyBurstLandsWhole(t *testing.T) {
	m, _ := newTest(t, 3, 120, 36)
	press(m, ctrlN, enter, enter)
	burst(m, 10000, 256)
	got := []rune(m.remarks[3].Text)
	if len(got) != maxText {
		t.Fatalf("%d characters kept, want the limit %d", len(got), maxText)
	}
	keys := []rune("Cử tri thôn Đồng Rạ đề nghị sửa đường liên thôn, ")
	for i := range 200 {
		if got[i] != keys[i%len(keys)] {
			t.Fatalf("character %d is %q, want %q", i, got[i], keys[i%len(keys)])
		}
	}
}

// A burst of key messages with the built-in Telex on, or into a notes tab,
// was applied key by key: each key re-wrapped the whole field and saved it,
// so 5,500 characters pasted without bracketed paste took 30 s in tmux. Keys
// are now queued there too and applied a chunk at a time, with the same
// result as typed key by key.
func TestKeyBurstTelexAndNotes(t *testing.T) {
	keys := []rune("Cử tri thôn Đồng Rạ đề nghị sửa đường liên thôn, ")
	want := func(n int) string {
		out := make([]rune, n)
		for i := range out {
			out[i] = keys[i%len(keys)]
		}
		return string(out)
	}
	const n, chunk = 10000, 256
	for _, c := range []struct {
		name         string
		telex, notes bool
	}{{"remark, Telex", true, false}, {"notes", false, true}, {"notes, Telex", true, true}} {
		m, fs := newTest(t, 3, 120, 36)
		if c.telex {
			press(m, f9)
		}
		if c.notes {
			press(m, ctrlLeft, ctrlLeft)
		} else {
			press(m, ctrlN, enter, enter)
		}
		burst(m, n, chunk)
		saves := fs.puts
		got := ""
		if c.notes {
			saves = len(fs.sessions)
			got = m.sess.Note(model.SecOpening)
		} else {
			got = m.remarks[3].Text
		}
		limit := n
		if !c.notes {
			limit = maxText
		}
		if w := want(limit); got != w && got != strings.TrimRight(w, " ") {
			t.Errorf("%s: %d runes landed, want %d; differs from the keys typed", c.name, len([]rune(got)), limit)
		}
		if saves > n/chunk+5 {
			t.Errorf("%s: the field was changed and saved %d times for %d keys in chunks of %d", c.name, saves, n, chunk)
		}
	}
	// Telex words split across chunks compose as typed key by key.
	m, _ := newTest(t, 0, 120, 36)
	press(m, f9, ctrlN, enter, enter)
	typeText(m, "Cuwr tri kieen") // typeText ends with the flush
	typeText(m, "s nghij sowms suwar dduwowngf Facebook")
	press(m, enter)
	if got := m.remarks[0].Text; got != "Cử tri kiến nghị sớm sửa đường Facebook" {
		t.Errorf("Telex across chunks: %q", got)
	}
}

// In the 20-minute tmux session a paste of 4,000 characters arriving as
// keys, with Telex on, landed whole but the end of it (where the cursor
// was) stayed below the text box: the batched insertion did not scroll the
// box. And queued characters that happen to read "up" or "end" were taken
// for those keys. Both fields, both Telex modes.
func TestBatchedTypingShowsCursorAndIsText(t *testing.T) {
	for _, telex := range []bool{false, true} {
		for _, notes := range []bool{false, true} {
			m, _ := newTest(t, 15, 120, 36)
			if telex {
				press(m, f9)
			}
			if notes {
				press(m, ctrlLeft, ctrlLeft)
			} else {
				press(m, ctrlN)
				typeText(m, "Ông Ba")
				press(m, enter, enter)
			}
			txt := []rune(strings.Repeat("Cử tri đề nghị sửa đường liên thôn và cầu treo. ", 80) + "KẾTTHÚC")
			for i := 0; i < len(txt); i += 300 {
				typeText(m, string(txt[i:min(len(txt), i+300)]))
			}
			if v := ansi.Strip(m.View()); !strings.Contains(v, "KẾTTHÚC") {
				t.Errorf("Telex %v, notes %v: the end of what was typed is not on screen:\n%s", telex, notes, v)
			}
			for _, w := range []string{" ", "up", " ", "end", " ", "home", "."} {
				typeText(m, w) // each its own batch
			}
			got := m.sess.Note(model.SecOpening)
			if !notes {
				got = m.remarks[15].Text
			}
			if !strings.HasSuffix(got, "KẾTTHÚC up end home.") {
				t.Errorf("Telex %v, notes %v: typed words taken for keys: …%q", telex, notes, got[max(0, len(got)-40):])
			}
		}
	}
}

// Undoing the typing of a new remark from the list takes the remark away:
// it is never left blank in the session.
func TestUndoNewRemarkLeavesNoBlank(t *testing.T) {
	m, fs := newTest(t, 2, 100, 30)
	typeText(m, "de nghi sua cau")
	press(m, esc, ctrlZ)
	if len(m.remarks) != 2 || len(fs.order) != 2 {
		t.Fatalf("after undo: %d remarks, saved order %v", len(m.remarks), fs.order)
	}
	press(m, tea.KeyPressMsg{Code: 'r', Mod: tea.ModCtrl})
	if len(m.remarks) != 3 || m.remarks[2].Text != "de nghi sua cau" {
		t.Fatalf("after redo: %d remarks", len(m.remarks))
	}
}

// TestPickFieldAndLevel: Ctrl+F lists the fields, "dien nuoc" (no marks)
// picks "Điện - nước sinh hoạt" as a person's choice, one undo step takes it
// back; Tab switches to the levels; keys typed into the picker never reach
// the remark's text; Esc picks nothing.
func TestPickFieldAndLevel(t *testing.T) {
	m, fs := newTest(t, 0, 100, 30)
	press(m, ctrlN, enter, enter)
	typeText(m, "Đề nghị sửa đường liên thôn")
	text := m.remarks[0].Text
	ctrlF := tea.KeyPressMsg{Code: 'f', Mod: tea.ModCtrl}
	press(m, ctrlF)
	if v := ansi.Strip(m.View()); !strings.Contains(v, "Chọn lĩnh vực") || !strings.Contains(v, "Tổ chức bộ máy - cán bộ") {
		t.Fatalf("the field picker is not shown:\n%s", v)
	}
	typeText(m, "dien nuoc")
	press(m, enter)
	r := m.remarks[0]
	if r.Field != model.Field("điện - nước sinh hoạt") || r.Guessed&model.GuessedField != 0 {
		t.Fatalf("picked field %q (guessed %v)", r.Field, r.Guessed)
	}
	if fs.remarks[r.ID].Field != r.Field {
		t.Errorf("the pick was not saved: %q", fs.remarks[r.ID].Field)
	}
	if m.remarks[0].Text != text {
		t.Fatalf("typing into the picker changed the text: %q", m.remarks[0].Text)
	}
	if v := ansi.Strip(m.View()); strings.Contains(v, "Chọn lĩnh vực") {
		t.Fatal("the picker stayed open after Enter")
	}
	press(m, ctrlZ)
	if m.remarks[0].Field == r.Field {
		t.Errorf("ctrl+z did not undo the pick: %q", m.remarks[0].Field)
	}
	// Levels: Tab switches, "xa" (no marks) picks Xã.
	press(m, ctrlF, tea.KeyPressMsg{Code: tea.KeyTab})
	typeText(m, "xa")
	press(m, enter)
	if r := m.remarks[0]; r.Authority != model.AuthCommune || r.Guessed&model.GuessedLevel != 0 {
		t.Fatalf("picked level %q (guessed %v)", r.Authority, r.Guessed)
	}
	// Esc picks nothing and the letters typed went nowhere.
	before := m.remarks[0]
	press(m, ctrlF)
	typeText(m, "giao")
	press(m, esc)
	if after := m.remarks[0]; after.Field != before.Field || after.Text != before.Text {
		t.Fatalf("esc changed the remark: %q %q", after.Field, after.Text)
	}
}

// TestSecondKeys: the keys given to F-key and Alt actions for terminals that
// take those (Shift+↑/↓ move a remark, Ctrl+Q turns on Telex) do what the
// first keys do.
func TestSecondKeys(t *testing.T) {
	m, fs := newTest(t, 3, 100, 30)
	ids := m.order()
	m.sel = 2
	press(m, tea.KeyPressMsg{Code: tea.KeyUp, Mod: tea.ModShift})
	if got := m.order(); got[1] != ids[2] || got[2] != ids[1] || fs.order[1] != ids[2] {
		t.Fatalf("shift+up: %v (saved %v)", got, fs.order)
	}
	press(m, tea.KeyPressMsg{Code: tea.KeyDown, Mod: tea.ModShift})
	if got := m.order(); got[1] != ids[1] || got[2] != ids[2] {
		t.Fatalf("shift+down: %v", got)
	}
	press(m, ctrlN)
	press(m, tea.KeyPressMsg{Code: 'q', Mod: tea.ModCtrl})
	if !m.telex {
		t.Fatal("ctrl+q did not turn on Telex")
	}
	press(m, tea.KeyPressMsg{Code: 'q', Mod: tea.ModCtrl})
	if m.telex {
		t.Fatal("a second ctrl+q did not turn Telex off")
	}
}

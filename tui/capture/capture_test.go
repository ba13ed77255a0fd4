package capture

import (
	"fmt"
	"strings"
	"sync"
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

// fakeSaver records what the screen hands to the autosaver.
type fakeSaver struct {
	mu       sync.Mutex
	sessions []model.Session
	remarks  map[uint64]model.Remark
	order    []uint64
	puts     int
}

func newFakeSaver() *fakeSaver { return &fakeSaver{remarks: map[uint64]model.Remark{}} }

func (f *fakeSaver) PutSession(s model.Session) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.sessions = append(f.sessions, s)
}

func (f *fakeSaver) PutRemark(r model.Remark) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.remarks[r.ID] = r
	f.puts++
}

func (f *fakeSaver) PutOrder(_ uint64, ids []uint64) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.order = append([]uint64(nil), ids...)
}

var fixedNow = time.Date(2026, 11, 22, 9, 30, 0, 0, time.UTC)

func testCtx(lang base.Lang) *base.Context {
	ctx := base.NewContext(lang)
	ctx.Now = func() time.Time { return fixedNow }
	return ctx
}

func testSession() model.Session {
	return model.Session{ID: 1, UID: "u1", Title: "Tiếp xúc cử tri trước Kỳ họp thứ 12, HĐND tỉnh", Kind: model.KindBefore,
		Date: "2026-11-20", Start: "08:00", End: "10:30", Place: "Hội trường UBND xã Tân Thành"}
}

func sampleRemarks(n int) []model.Remark {
	texts := []string{
		"Đường ĐT.741 đoạn qua thôn 3 xuống cấp nghiêm trọng, nhiều ổ gà, đề nghị tỉnh sớm sửa chữa",
		"Cử tri phản ánh việc cấp giấy chứng nhận quyền sử dụng đất cho các hộ ở ấp Bàu Sen còn chậm",
		"Trạm y tế xã thiếu thuốc theo danh mục BHYT",
		"Cử tri đánh giá cao việc xã hoàn thành nông thôn mới nâng cao",
	}
	out := make([]model.Remark, n)
	for i := range out {
		out[i] = model.Remark{ID: uint64(100 + i), SessionID: 1, Voter: fmt.Sprintf("Ông Nguyễn Văn %c", 'A'+rune(i%26)),
			Address: fmt.Sprintf("Thôn %d", i%7+1), Text: texts[i%len(texts)], Type: model.TypePetition,
			Field: model.Fields[i%len(model.Fields)], Authority: model.Authorities[i%3],
			Created: time.Date(2026, 11, 20, 8, 15+i%40, 0, 0, time.UTC)}
		if i%3 == 0 {
			out[i].Answer = &model.Answer{By: "Bà Lê Thị Hoa, Chủ tịch UBND xã", Text: "Xã sẽ báo cáo tỉnh trong tháng 12."}
		}
	}
	return out
}

func newTest(t testing.TB, n int, w, h int) (*Model, *fakeSaver) {
	fs := newFakeSaver()
	m := NewWith(testCtx(base.VI), fs, testSession(), sampleRemarks(n))
	m.SetSize(w, h)
	return m, fs
}

// press and typeText deliver keys without running the commands they return.
var (
	press   = tuitest.Send[base.Screen, tea.KeyPressMsg]
	collect = tuitest.Collect
)

// typeText types text one key message at a time, then delivers the flush
// message the program would (the screen queues plain characters, see
// typeKey).
func typeText(m tuitest.Model[base.Screen], text string) {
	tuitest.SendText(m, text)
	m.Update(flushMsg{})
}

var (
	ctrlN     = tea.KeyPressMsg{Code: 'n', Mod: tea.ModCtrl}
	ctrlS     = tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl}
	ctrlZ     = tea.KeyPressMsg{Code: 'z', Mod: tea.ModCtrl}
	ctrlD     = tea.KeyPressMsg{Code: 'd', Mod: tea.ModCtrl}
	enter     = tea.KeyPressMsg{Code: tea.KeyEnter}
	esc       = tea.KeyPressMsg{Code: tea.KeyEscape}
	backspace = tea.KeyPressMsg{Code: tea.KeyBackspace}
	ctrlH     = tea.KeyPressMsg{Code: 'h', Mod: tea.ModCtrl}
	f5        = tea.KeyPressMsg{Code: tea.KeyF5}
	f6        = tea.KeyPressMsg{Code: tea.KeyF6}
	f9        = tea.KeyPressMsg{Code: tea.KeyF9}
	ctrlRight = tea.KeyPressMsg{Code: tea.KeyRight, Mod: tea.ModCtrl}
	ctrlLeft  = tea.KeyPressMsg{Code: tea.KeyLeft, Mod: tea.ModCtrl}
	altUp     = tea.KeyPressMsg{Code: tea.KeyUp, Mod: tea.ModAlt}
)

func TestTypeRemark(t *testing.T) {
	m, fs := newTest(t, 0, 120, 38)
	press(m, ctrlN)
	if !m.Typing() || m.ed.focus != fVoter {
		t.Fatalf("ctrl+n: typing=%v focus=%d", m.Typing(), m.ed.focus)
	}
	typeText(m, "Bà Trần Thị Bích")
	press(m, enter)
	typeText(m, "Ấp Bàu Sen")
	press(m, enter)
	typeText(m, "Đề nghị sửa đường ĐT.741 đoạn qua ấp")
	r := m.remarks[0]
	if r.Voter != "Bà Trần Thị Bích" || r.Address != "Ấp Bàu Sen" || r.Text != "Đề nghị sửa đường ĐT.741 đoạn qua ấp" {
		t.Fatalf("remark = %+v", r)
	}
	if r.Field != "giao thông" || r.Authority != model.AuthProvince || r.Type != model.TypePetition {
		t.Errorf("guess: %s / %s / %s", r.Field, r.Authority, r.Type)
	}
	if got := fs.remarks[r.ID]; got.Text != r.Text {
		t.Errorf("autosaver has %q, want the typed text", got.Text)
	}
	// F5 and F6 override the guess and stay overridden as typing goes on.
	press(m, f5, f6)
	typeText(m, " và cầu")
	if m.remarks[0].Field != "đất đai" || m.remarks[0].Authority != model.AuthCommune {
		t.Errorf("override lost: %s / %s", m.remarks[0].Field, m.remarks[0].Authority)
	}
	// ctrl+s finishes and opens the next remark.
	press(m, ctrlS)
	if len(m.remarks) != 2 || m.ed.idx != 1 || m.ed.focus != fVoter {
		t.Fatalf("after ctrl+s: %d remarks, editing %d", len(m.remarks), m.ed.idx)
	}
	// The new remark is saved once something is typed into it, not before.
	if len(fs.order) != 1 {
		t.Errorf("order saved: %v", fs.order)
	}
	typeText(m, "Ông B")
	if len(fs.order) != 2 {
		t.Errorf("order saved after typing: %v", fs.order)
	}
}

func TestAnswerOnTheSpot(t *testing.T) {
	m, _ := newTest(t, 0, 100, 30)
	press(m, ctrlN)
	typeText(m, "Ông A")
	press(m, enter, enter)
	typeText(m, "Xin hỗ trợ nước sạch")
	press(m, enter)
	typeText(m, "Ông Phó Chủ tịch UBND xã")
	press(m, enter)
	typeText(m, "Xã đã có kế hoạch năm 2027")
	a := m.remarks[0].Answer
	if a == nil || a.By != "Ông Phó Chủ tịch UBND xã" || a.Text != "Xã đã có kế hoạch năm 2027" {
		t.Fatalf("answer = %+v", a)
	}
	if !strings.Contains(ansi.Strip(m.View()), "Xã đã có kế hoạch năm 2027") {
		t.Error("answer not drawn")
	}
}

func TestDeleteUndoMove(t *testing.T) {
	m, fs := newTest(t, 3, 100, 30)
	ids := m.order()
	m.sel = 1
	press(m, ctrlD)
	if len(m.remarks) != 2 || len(fs.order) != 2 {
		t.Fatalf("after delete: %d remarks, saved order %v", len(m.remarks), fs.order)
	}
	press(m, ctrlZ)
	if got := m.order(); len(got) != 3 || got[1] != ids[1] {
		t.Fatalf("after undo: %v, want %v", got, ids)
	}
	m.sel = 2
	press(m, altUp)
	if got := m.order(); got[1] != ids[2] || got[2] != ids[1] || fs.order[1] != ids[2] {
		t.Fatalf("after move: %v (saved %v)", got, fs.order)
	}
}

func TestNotesParagraphs(t *testing.T) {
	m, fs := newTest(t, 0, 100, 30)
	press(m, ctrlLeft, ctrlLeft) // to "Khai mạc"
	if model.Sections[m.section] != model.SecOpening {
		t.Fatalf("section %d", m.section)
	}
	typeText(m, "Bà Hoa khai mạc.")
	press(m, enter)
	typeText(m, "Giới thiệu đại biểu.")
	if len(fs.sessions) == 0 {
		t.Fatal("notes not handed to the saver")
	}
	last := fs.sessions[len(fs.sessions)-1]
	if got := last.Note(model.SecOpening); got != "Bà Hoa khai mạc.\nGiới thiệu đại biểu." {
		t.Fatalf("note = %q", got)
	}
	// Backspace at the start of a paragraph joins it to the one before.
	press(m, tea.KeyPressMsg{Code: tea.KeyHome})
	press(m, backspace)
	last = fs.sessions[len(fs.sessions)-1]
	if got := last.Note(model.SecOpening); got != "Bà Hoa khai mạc.Giới thiệu đại biểu." {
		t.Fatalf("after join: %q", got)
	}
	press(m, ctrlRight)
	if m.sess.Note(model.SecOpening) == "" {
		t.Error("switching section lost the note")
	}
}

func TestTelexMode(t *testing.T) {
	m, _ := newTest(t, 0, 100, 30)
	press(m, ctrlN, enter, enter) // to the text field
	press(m, f9)
	typeText(m, "Cuwr tri kieens nghij sowms suwar dduwowngf")
	if got := m.remarks[0].Text; got != "Cử tri kiến nghị sớm sửa đường" {
		t.Fatalf("telex text = %q", got)
	}
	press(m, f9)
	typeText(m, " ok")
	if got := m.remarks[0].Text; !strings.HasSuffix(got, " ok") {
		t.Errorf("telex off: %q", got)
	}
}

// Input methods correct a syllable by sending backspaces then the new text,
// as DEL or as ctrl+h; both must come out right.
func TestIMEBackspaceReplace(t *testing.T) {
	m, _ := newTest(t, 0, 100, 30)
	press(m, ctrlN, enter, enter)
	typeText(m, "tie")
	press(m, backspace)
	typeText(m, "ê")
	press(m, ctrlH)
	typeText(m, "ếng việt")
	if got := m.remarks[0].Text; got != "tiếng việt" {
		t.Fatalf("text = %q", got)
	}
	// Decomposed marks (e + U+0302 + U+0301) are recomposed.
	typeText(m, " ")
	m.Update(tea.KeyPressMsg{Code: 'e', Text: "e"})
	m.Update(tea.KeyPressMsg{Code: tea.KeyExtended, Text: "\u0302\u0301"})
	m.Update(flushMsg{})
	if got := m.remarks[0].Text; got != "tiếng việt ế" {
		t.Fatalf("NFD input stored as %q (% x)", got, got)
	}
}

func TestPasteTooLong(t *testing.T) {
	m, _ := newTest(t, 0, 100, 30)
	press(m, ctrlN, enter, enter)
	_, cmd := m.Update(tea.PasteMsg{Content: strings.Repeat("a", 1<<20)})
	if m.remarks[0].Text != "" {
		t.Fatal("a 1 MB paste went in")
	}
	if cmd == nil {
		t.Fatal("no status message for the refused paste")
	}
	msgs := collect(cmd)
	found := false
	for _, msg := range msgs {
		if s, ok := msg.(base.StatusMsg); ok && strings.Contains(s.Text, "1048576") {
			found = true
		}
	}
	if !found {
		t.Errorf("status messages: %v", msgs)
	}
	m.Update(tea.PasteMsg{Content: "Đường liên thôn"})
	if m.remarks[0].Text != "Đường liên thôn" {
		t.Errorf("normal paste: %q", m.remarks[0].Text)
	}
}

// A paste with the list focused changes no remark and says how to open a
// field, instead of vanishing without a word.
func TestPasteWithListFocused(t *testing.T) {
	m, _ := newTest(t, 2, 100, 30)
	before := []string{m.remarks[0].Text, m.remarks[1].Text}
	_, cmd := m.Update(tea.PasteMsg{Content: "Đề nghị nạo vét cống"})
	if len(m.remarks) != 2 || m.remarks[0].Text != before[0] || m.remarks[1].Text != before[1] {
		t.Fatalf("the paste changed the remarks: %+v", m.remarks)
	}
	if !hasStatus(cmd, "Không dán") {
		t.Error("no status message for the paste with no field open")
	}
}

func TestEscapeSequencesRenderInert(t *testing.T) {
	fs := newFakeSaver()
	rs := []model.Remark{{ID: 1, SessionID: 1, Voter: "X\x1b]0;pwned\x07", Text: "a\x1b]52;c;aGk=\x07b \u202eevil"}}
	m := NewWith(testCtx(base.VI), fs, testSession(), rs)
	m.SetSize(100, 30)
	v := m.View()
	if strings.Contains(v, "\x1b]") || strings.Contains(v, "\x07") || strings.Contains(v, "\u202e") {
		t.Fatalf("raw control sequence reached the view: %q", v)
	}
	if !strings.Contains(ansi.Strip(v), "␛]52;c;aGk=␇b") {
		t.Errorf("the text is not shown inert: %q", ansi.Strip(v))
	}
}

func TestResizeTiny(t *testing.T) {
	m, _ := newTest(t, 5, 100, 30)
	press(m, ctrlN)
	for _, sz := range [][2]int{{20, 3}, {1, 1}, {0, 0}, {100, 30}} {
		m.SetSize(sz[0], sz[1])
		_ = m.View()
	}
	if !strings.Contains(ansi.Strip(m.View()), "Nguyễn Văn") {
		t.Error("screen did not come back after resize")
	}
}

func TestViewGolden(t *testing.T) {
	for _, sz := range [][2]int{{80, 22}, {120, 38}} {
		for _, lang := range []base.Lang{base.VI, base.EN} {
			name := fmt.Sprintf("%dx%d-%s", sz[0], sz[1], map[base.Lang]string{base.VI: "vi", base.EN: "en"}[lang])
			t.Run(name+"-list", func(t *testing.T) {
				m := NewWith(testCtx(lang), newFakeSaver(), testSession(), sampleRemarks(6))
				m.SetSize(sz[0], sz[1])
				golden.RequireEqual(t, []byte(ansi.Strip(m.View())))
			})
			t.Run(name+"-edit", func(t *testing.T) {
				m := NewWith(testCtx(lang), newFakeSaver(), testSession(), sampleRemarks(6))
				m.SetSize(sz[0], sz[1])
				press(m, ctrlN)
				typeText(m, "Bà Lê Thị Mai")
				press(m, enter)
				typeText(m, "Tổ dân phố 4")
				press(m, enter)
				typeText(m, "Đề nghị lắp đèn chiếu sáng đường liên thôn")
				golden.RequireEqual(t, []byte(ansi.Strip(m.View())))
			})
		}
	}
}

func TestVoterCompletion(t *testing.T) {
	m, _ := newTest(t, 0, 100, 30)
	m.ed.suggest(map[store.NameKind][]string{store.NamePerson: {"Bà Trần Thị Bích", "Ông Lê Văn Tám"}, store.NamePlace: {"Ấp Bàu Sen"}})
	press(m, ctrlN)
	typeText(m, "Ông L")
	press(m, tea.KeyPressMsg{Code: tea.KeyRight})
	if got := m.remarks[0].Voter; got != "Ông Lê Văn Tám" {
		t.Fatalf("voter after → = %q", got)
	}
	press(m, enter)
	typeText(m, "Ấp")
	press(m, tea.KeyPressMsg{Code: tea.KeyRight})
	if got := m.remarks[0].Address; got != "Ấp Bàu Sen" {
		t.Fatalf("address after → = %q", got)
	}
}

// Ctrl+N focuses the voter first; a remark pasted right after it (several
// lines, or longer than a name) goes to the text field with a status line,
// never into the voter's name. A name pasted there stays a name.
func TestPasteRemarkIntoVoter(t *testing.T) {
	m, _ := newTest(t, 0, 100, 30)
	press(m, ctrlN)
	remark := "Kính thưa các đại biểu,\nđề nghị sửa đường liên thôn 3.\nXin cảm ơn."
	_, cmd := m.Update(tea.PasteMsg{Content: remark})
	r := m.remarks[0]
	if r.Voter != "" {
		t.Fatalf("the remark went into the voter field: %q", r.Voter)
	}
	if r.Text != remark {
		t.Fatalf("text = %q, want the paste", r.Text)
	}
	if !hasStatus(cmd, "ô nội dung") {
		t.Error("no status line saying where the paste went")
	}

	// One long line into the address goes to the text too.
	press(m, ctrlN, enter) // a new remark, on its address field
	long := strings.Repeat("đề nghị sửa đường ", 10)
	m.Update(tea.PasteMsg{Content: long})
	if r := m.remarks[1]; r.Address != "" || !strings.Contains(r.Text, "đề nghị sửa đường") {
		t.Fatalf("long paste into the address: address %q, text %q", r.Address, r.Text)
	}

	press(m, ctrlN)
	m.Update(tea.PasteMsg{Content: "Ông Trần Văn Bảy"})
	if r := m.remarks[2]; r.Voter != "Ông Trần Văn Bảy" || r.Text != "" {
		t.Errorf("a name paste: voter %q, text %q", r.Voter, r.Text)
	}
}

// hasStatus reports whether running cmd yields a status line containing sub.
func hasStatus(cmd tea.Cmd, sub string) bool {
	for _, msg := range collect(cmd) {
		if s, ok := msg.(base.StatusMsg); ok && strings.Contains(s.Text, sub) {
			return true
		}
	}
	return false
}

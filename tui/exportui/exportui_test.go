package exportui

import (
	"os"
	"path/filepath"
	"slices"
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

func TestExportFromTheDialog(t *testing.T) {
	db, err := store.Open(filepath.Join(t.TempDir(), "t.db"), store.Options{NoIndex: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	sess, _ := db.CreateSession(model.Session{Title: "TXCT", Kind: model.KindBefore, Date: "2026-11-20", Place: "Nhà văn hóa", Locality: "Tân Thành"})
	db.SaveRemark(model.Remark{SessionID: sess.ID, Voter: "Ông A", Text: "Sửa đường"})
	ctx := base.NewContext(base.VI)
	ctx.Now = func() time.Time { return time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC) }
	m := New(ctx, db, sess.ID)
	m.SetSize(100, 28)
	for _, msg := range tuitest.Collect(m.Init()) {
		m.Update(msg)
	}
	out := t.TempDir()
	// Folder: go to its row, clear it, type the temp folder.
	m.Update(tea.KeyPressMsg{Code: tea.KeyUp})
	m.Update(tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl})
	m.Update(tea.PasteMsg{Content: out})
	// The report's issuer, three rows up, is filled in with the delegate
	// group (none here): the clerk types one.
	for range 3 {
		m.Update(tea.KeyPressMsg{Code: tea.KeyUp})
	}
	if m.row != rowRepBody || m.repBody.Value() != "Tổ đại biểu" {
		t.Fatalf("row %d, report body %q", m.row, m.repBody.Value())
	}
	m.Update(tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl})
	m.Update(tea.PasteMsg{Content: "Tổ đại biểu HĐND tỉnh số 3"})
	// The addressee, three rows up.
	for range 3 {
		m.Update(tea.KeyPressMsg{Code: tea.KeyUp})
	}
	for _, r := range "Thường trực HĐND tỉnh" {
		m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	// Markdown too: go up to its row and toggle it.
	for range 3 {
		m.Update(tea.KeyPressMsg{Code: tea.KeyUp})
	}
	m.Update(tea.KeyPressMsg{Code: tea.KeySpace, Text: " "})
	if got := m.chosen(); strings.Join(got, ",") != "docx,xlsx,md" {
		t.Fatalf("formats %v", got)
	}
	_, cmd := m.Update(tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl})
	if cmd == nil {
		t.Fatal("ctrl+s started nothing")
	}
	m.Update(cmd())
	if m.err != nil || len(m.files) != 4 {
		t.Fatalf("export: %v %v", m.files, m.err)
	}
	v := ansi.Strip(m.View())
	if !strings.Contains(v, "bien-ban-2026-11-20-tan-thanh.docx") {
		t.Errorf("the files written are not listed: %s", v)
	}
	for _, f := range m.files {
		if strings.HasSuffix(f, ".md") {
			md, _ := os.ReadFile(f)
			if !strings.Contains(string(md), "Thường trực HĐND tỉnh") {
				t.Error("the addressee typed in the dialog is not in the report")
			}
			if !strings.Contains(string(md), "**TỔ ĐẠI BIỂU HĐND TỈNH SỐ 3**") || !strings.Contains(string(md), "tiếp xúc cử tri, Tổ đại biểu HĐND tỉnh số 3 báo cáo") {
				t.Error("the issuer typed in the dialog is not the report's")
			}
		}
	}
	for _, f := range m.files {
		if _, err := os.Stat(f); err != nil {
			t.Error(err)
		}
	}
	if p := db.Profile(); p.Report.Body != "Tổ đại biểu HĐND tỉnh số 3" || !p.Minutes.IsZero() {
		t.Errorf("remembered profile %+v", p)
	}
	if s, _ := db.Session(sess.ID); s.ExportedAt.IsZero() {
		t.Error("the session is not marked exported")
	}
	if len(store.Backups(db.BackupDir())) == 0 {
		t.Error("no automatic backup at export")
	}
	// A folder that cannot be made (under a file) is a clear error on
	// the screen; a missing one is made.
	block := filepath.Join(out, "a-file")
	os.WriteFile(block, nil, 0o600)
	m.dir.SetValue(filepath.Join(block, "nope"))
	_, cmd = m.Update(tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl})
	m.Update(cmd())
	if m.err == nil || !strings.Contains(ansi.Strip(m.View()), "Không tạo được thư mục") {
		t.Errorf("folder that cannot be made: %v", m.err)
	}
}

// With "this session only", a changed issuer stays with the session and is
// not remembered.
func TestIssuerForThisSessionOnly(t *testing.T) {
	db, err := store.Open(filepath.Join(t.TempDir(), "t.db"), store.Options{NoIndex: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	sess, _ := db.CreateSession(model.Session{Title: "TXCT", Kind: model.KindBefore, Date: "2026-11-20", Place: "Nhà văn hóa", Locality: "Tân Thành"})
	ctx := base.NewContext(base.VI)
	m := New(ctx, db, sess.ID)
	m.SetSize(100, 28)
	for _, msg := range tuitest.Collect(m.Init()) {
		m.Update(msg)
	}
	m.dir.SetValue(t.TempDir())
	m.focus(rowOnlyThis)
	m.Update(tea.KeyPressMsg{Code: tea.KeySpace, Text: " "})
	m.focus(rowMinBody)
	m.Update(tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl})
	m.Update(tea.PasteMsg{Content: "Ủy ban MTTQ Việt Nam xã Tân Thành"})
	_, cmd := m.Update(tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl})
	m.Update(cmd())
	if m.err != nil {
		t.Fatal(m.err)
	}
	s, _ := db.Session(sess.ID)
	if s.Issuers.Minutes.Body != "Ủy ban MTTQ Việt Nam xã Tân Thành" || !s.Issuers.Report.IsZero() {
		t.Errorf("session issuers %+v", s.Issuers)
	}
	if p := db.Profile(); !p.Minutes.IsZero() || !p.Report.IsZero() {
		t.Errorf("remembered %+v", p)
	}
}

// The dialog lists the pre-export check, and Ctrl+O opens the session on the
// highlighted item's remark (the clerk fixes it, or exports anyway).
func TestDialogListsCheckAndJumps(t *testing.T) {
	db, err := store.Open(filepath.Join(t.TempDir(), "t.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	sess, _ := db.CreateSession(model.Session{Title: "TXCT", Kind: model.KindBefore, Date: "2026-11-20"})
	db.SaveRemark(model.Remark{SessionID: sess.ID, Voter: "Ông A", Text: "Sửa đường liên thôn", Field: "giao thông", Authority: model.AuthCommune})
	r2, _ := db.SaveRemark(model.Remark{SessionID: sess.ID, Text: "Nạo vét kênh N2", Field: "nông nghiệp - thủy lợi", Authority: model.AuthCommune})
	ctx := base.NewContext(base.VI)
	m := New(ctx, db, sess.ID)
	m.SetSize(100, 30)
	for _, msg := range tuitest.Collect(m.Init()) {
		m.Update(msg)
	}
	v := ansi.Strip(m.View())
	if !strings.Contains(v, "Trước khi xuất: 1 điểm cần xem") || !strings.Contains(v, "Ý kiến số 2: chưa ghi tên cử tri") {
		t.Fatalf("check not shown:\n%s", v)
	}
	_, cmd := m.Update(tea.KeyPressMsg{Code: 'o', Mod: tea.ModCtrl})
	msgs := tuitest.Collect(cmd)
	if len(msgs) != 1 || msgs[0] != (base.OpenSessionMsg{ID: sess.ID, Remark: r2.ID}) {
		t.Fatalf("ctrl+o sent %v", msgs)
	}
}

// The dialog offers the round's report when the round has several points
// and the sitting's when several delegate groups held sessions for it,
// writes them beside the session's documents when ticked, and opens the
// round screen, where same demands across points are confirmed.
func TestDialogOffersRoundAndSitting(t *testing.T) {
	db := tuitest.Store(t, store.Options{NoIndex: true})
	var first model.Session
	for i, c := range []struct{ date, group, text string }{
		{"2026-11-20", "Tổ đại biểu HĐND tỉnh số 3", "Đề nghị tỉnh sớm gia cố tuyến đê sông Lam đoạn qua xóm 5 xã Hưng Lợi, mùa mưa năm nào cũng sạt lở"},
		{"2026-11-21", "Tổ đại biểu HĐND tỉnh số 3", "Đề nghị tỉnh gia cố đê sông Lam đoạn qua xóm 5 xã Hưng Lợi, mùa mưa sạt lở nhiều"},
		{"2026-11-22", "Tổ đại biểu HĐND tỉnh số 5", "Đề nghị nâng cấp Trạm y tế xã Hưng Đông"},
	} {
		s, err := db.CreateSession(model.Session{Title: "TXCT", Kind: model.KindBefore, Date: c.date, Place: "Nhà văn hóa xã Hưng Lợi",
			Locality: "Hưng Lợi", Sitting: "Kỳ họp thường lệ cuối năm 2026", DelegateGroup: c.group, Voters: 50})
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = s
		}
		db.SaveRemark(model.Remark{SessionID: s.ID, Voter: "Ông A", Text: c.text, Type: model.TypePetition, Field: "y tế", Authority: model.AuthProvince})
	}
	ctx := base.NewContext(base.VI)
	ctx.Now = func() time.Time { return time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC) }
	m := New(ctx, db, first.ID)
	tuitest.Load(t, m, 100, 34)
	v := ansi.Strip(m.View())
	for _, want := range []string{"[ ] Báo cáo tổng hợp của đợt (2 điểm)", "Trùng giữa các điểm: 1 gợi ý chưa xác nhận, 0 đã xác nhận",
		"[ ] Báo cáo tổng hợp của kỳ họp (2 tổ đại biểu, 3 điểm)"} {
		if !strings.Contains(v, want) {
			t.Fatalf("want %q in\n%s", want, v)
		}
	}
	// Down from the formats: the round, its same demands, the sitting.
	m.focus(rowMd)
	tuitest.Press(t, m, "down", "space", "down")
	if m.row != rowSame {
		t.Fatalf("row %d, want the same-demand row", m.row)
	}
	if msgs := tuitest.Press(t, m, "enter"); len(msgs) != 1 || msgs[0] != (base.OpenRoundMsg{ID: first.ID}) {
		t.Fatalf("enter on the same-demand row sent %v", msgs)
	}
	tuitest.Press(t, m, "down", "space")
	if !m.withRound || !m.withSitting {
		t.Fatalf("round %v, sitting %v", m.withRound, m.withSitting)
	}
	m.dir.SetValue(t.TempDir())
	tuitest.Press(t, m, "ctrl+s")
	if m.err != nil {
		t.Fatal(m.err)
	}
	var names []string
	for _, f := range m.files {
		names = append(names, filepath.Base(f))
	}
	got := strings.Join(names, " ")
	// At 80×24 the files written still show, on one line above the fold.
	m.SetSize(80, 22)
	lines := strings.Split(ansi.Strip(m.View()), "\n")
	if i := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, "Đã ghi 7 tệp vào ") }); i < 0 || i >= 22 || ansi.StringWidth(lines[i]) > 80 {
		t.Errorf("files written at 80×24: line %d of\n%s", i, strings.Join(lines, "\n"))
	}
	// So does an error: a folder under a file cannot be made.
	block := filepath.Join(m.dir.Value(), "a-file")
	os.WriteFile(block, nil, 0o600)
	m.dir.SetValue(filepath.Join(block, "nope"))
	tuitest.Press(t, m, "ctrl+s")
	lines = strings.Split(ansi.Strip(m.View()), "\n")
	if i := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, "Không tạo được thư mục") }); m.err == nil || i < 0 || i >= 22 {
		t.Errorf("error at 80×24: line %d of\n%s", i, strings.Join(lines, "\n"))
	}
	for _, want := range []string{"bien-ban-2026-11-20-hung-loi.docx", "bao-cao-dot-2026-11-20-hung-loi.docx", "bao-cao-dot-2026-11-20-hung-loi.xlsx",
		"bao-cao-ky-hop-2026-11-20.docx"} {
		if !strings.Contains(got, want) {
			t.Errorf("want %s among the files written: %s", want, got)
		}
	}
}

// A session alone in its round shows none of the round's rows, and moving
// through the dialog never lands on them.
func TestDialogHidesRoundOfOnePoint(t *testing.T) {
	db := tuitest.Store(t, store.Options{NoIndex: true})
	sess, _ := db.CreateSession(model.Session{Title: "TXCT", Kind: model.KindBefore, Date: "2026-11-20", Sitting: "Kỳ họp cuối năm", DelegateGroup: "Tổ 3"})
	m := New(base.NewContext(base.VI), db, sess.ID)
	tuitest.Load(t, m, 100, 30)
	if v := ansi.Strip(m.View()); strings.Contains(v, "của đợt") || strings.Contains(v, "kỳ họp (") || strings.Contains(v, "giữa các điểm") {
		t.Fatalf("round rows shown for a lone session:\n%s", v)
	}
	for range nRows * 2 {
		tuitest.Press(t, m, "down")
		if m.row == rowRound || m.row == rowSame || m.row == rowSitting {
			t.Fatalf("moved onto hidden row %d", m.row)
		}
	}
}

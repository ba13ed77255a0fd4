package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/xuri/excelize/v2"

	"txct/export/doc"
	"txct/export/docx"
	"txct/store"
	"txct/store/ingest"
	"txct/store/model"
	"txct/tui/attach"
)

// classifiedSession makes a session with classified remarks, the way a
// secretary leaves it for the clerk.
func classifiedSession(t *testing.T, path string) []model.Remark {
	t.Helper()
	db, err := store.Open(path, store.Options{NoIndex: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s, err := db.CreateSession(model.Session{Title: "TXCT xã Tân Thành", Kind: model.KindBefore, Date: "2026-11-20", Place: "Hội trường UBND xã Tân Thành"})
	if err != nil {
		t.Fatal(err)
	}
	var out []model.Remark
	for _, r := range []model.Remark{
		{Voter: "Ông Nguyễn Văn An", Address: "ấp 3", Text: "đề nghị sớm nâng cấp tuyến ĐT.768 đoạn qua xã, mặt đường hư hỏng nặng", Type: model.TypePetition, Field: "giao thông", Authority: "tỉnh"},
		{Voter: "Bà Trần Thị Bình", Address: "ấp 1", Text: "đề nghị nạo vét kênh N2 trước vụ đông xuân", Type: model.TypePetition, Field: "nông nghiệp - thủy lợi", Authority: "xã"},
		{Voter: "Ông Lê Văn Cường", Address: "ấp 2", Text: "đề nghị tăng mức trợ cấp cho người có công", Type: model.TypePetition, Field: "chính sách xã hội", Authority: model.AuthCentral},
	} {
		r.SessionID = s.ID
		saved, err := db.SaveRemark(r)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, saved)
	}
	return out
}

// exportedReport exports a classified session with `txct export` and
// returns the database, the session's remarks and the summary report.
func exportedReport(t *testing.T) (string, []model.Remark, string) {
	t.Helper()
	path := tempDB(t)
	remarks := classifiedSession(t, path)
	dir := t.TempDir()
	if code, _, errs := call(t, "", "--db", path, "export", "latest", "--out", dir, "--format", "docx"); code != 0 {
		t.Fatal(errs)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "bao-cao*.docx"))
	if len(files) != 1 {
		t.Fatalf("report files: %v", files)
	}
	return path, remarks, files[0]
}

// TestReportRoundTrip: txct's own summary report imports back to the same
// petitions (text, field, level, place), and importing it into the archive
// the export filled adds nothing twice.
func TestReportRoundTrip(t *testing.T) {
	path, remarks, report := exportedReport(t)
	code, out, errs := call(t, "", "--db", path, "import", "--dry-run", report)
	if code != 0 {
		t.Fatalf("dry run: %s", errs)
	}
	var got []model.Petition
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var p model.Petition
		if err := json.Unmarshal([]byte(l), &p); err != nil {
			t.Fatalf("%v: %q", err, l)
		}
		got = append(got, p)
	}
	if len(got) != len(remarks) {
		t.Fatalf("%d items read back, %d remarks written", len(got), len(remarks))
	}
	for _, r := range remarks {
		found := false
		for _, p := range got {
			if sameText(p.Text, r.Text) {
				found = true
				if p.Field != r.Field || p.Authority != r.Authority || p.Location != r.Address {
					t.Errorf("%q read back as %q %q %q", r.Text, p.Field, p.Authority, p.Location)
				}
			}
		}
		if !found {
			t.Errorf("remark %q not read back", r.Text)
		}
	}
	db, _ := store.Open(path, store.Options{NoIndex: true})
	before := db.ArchiveCount()
	db.Close()
	code, out, errs = call(t, "", "--db", path, "import", "--yes", report)
	if code != 0 || !strings.Contains(out, "thêm 0") || !strings.Contains(out, "3 đã có trong kho") {
		t.Fatalf("import back: %d %q %q", code, out, errs)
	}
	db, _ = store.Open(path, store.Options{NoIndex: true})
	defer db.Close()
	if n := db.ArchiveCount(); n != before {
		t.Errorf("archive went from %d to %d petitions", before, n)
	}
}

// TestAnswerReportAttaches: an answer report's items, worded as the
// department wrote them, attach their answers to the archived petitions
// instead of adding copies; without --yes and without a terminal nothing
// is written.
func TestAnswerReportAttaches(t *testing.T) {
	path := tempDB(t)
	db, err := store.Open(path, store.Options{NoIndex: true})
	if err != nil {
		t.Fatal(err)
	}
	archived := []model.Petition{
		{ID: "A1", Text: "Cử tri xã Tân Thành đề nghị sớm nâng cấp tuyến ĐT.768 đoạn qua xã, mặt đường hư hỏng nặng, mùa mưa ngập sâu", Field: "giao thông", Authority: "tỉnh", RaisedAt: "2025-05-10", Status: model.StatusUnresolved},
		{ID: "A2", Text: "Đề nghị nạo vét kênh N2 phục vụ tưới tiêu vụ đông xuân", Field: "nông nghiệp - thủy lợi", Authority: "xã", RaisedAt: "2025-05-10", Status: model.StatusUnresolved},
	}
	if _, err := db.PutPetitions(archived); err != nil {
		t.Fatal(err)
	}
	db.Close()
	d := &doc.Document{}
	d.Add(doc.Title{Kind: "BÁO CÁO", Summary: "Kết quả giải quyết, trả lời kiến nghị cử tri trước kỳ họp giữa năm 2025"})
	d.Add(doc.Heading{Level: 1, Text: "I. KIẾN NGHỊ THUỘC THẨM QUYỀN TỈNH"})
	d.Add(doc.Heading{Level: 2, Text: "1. Lĩnh vực giao thông"})
	d.Add(doc.List{Items: []doc.Item{{Runs: []doc.Run{doc.T("Cử tri xã Tân Thành đề nghị sớm nâng cấp tuyến ĐT.768 đoạn qua xã, mặt đường hư hỏng nặng.")}}}})
	d.Add(doc.Para{Runs: []doc.Run{doc.I("Sở Giao thông vận tải trả lời: Tuyến ĐT.768 đã có trong kế hoạch đầu tư công 2026–2030.")}})
	d.Add(doc.Heading{Level: 2, Text: "2. Lĩnh vực nông nghiệp - thủy lợi"})
	d.Add(doc.List{Start: 2, Items: []doc.Item{{Runs: []doc.Run{doc.T("Đề nghị nạo vét kênh N2 phục vụ tưới tiêu vụ đông xuân.")}}}})
	d.Add(doc.Para{Runs: []doc.Run{doc.I("Trả lời: Công ty Khai thác thủy lợi đã nạo vét xong tháng 11/2025.")}})
	d.Add(doc.List{Start: 3, Items: []doc.Item{{Runs: []doc.Run{doc.T("Đề nghị hỗ trợ giống lúa chịu mặn cho vụ hè thu.")}}}})
	d.Add(doc.Para{Runs: []doc.Run{doc.I("Sở Nông nghiệp và Môi trường trả lời: Đã cấp 2 tấn giống.")}})
	var buf bytes.Buffer
	page := docx.Page{Width: 11906, Height: 16838, Top: 1134, Bottom: 1134, Left: 1701, Right: 850, HeaderDistance: 567}
	if err := d.DOCX(doc.Layout{Page: page, FontSize: 13}).Write(&buf); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "tra-loi.docx")
	os.WriteFile(file, buf.Bytes(), 0o600)

	code, out, errs := call(t, "", "--db", path, "import", "--date", "2025-06-30", file)
	if code == 0 || !strings.Contains(errs, "chạy lại với --yes") || !strings.Contains(out, "báo cáo trả lời, 3 mục; kỳ họp") {
		t.Fatalf("without --yes: %d %q %q", code, out, errs)
	}
	code, out, errs = call(t, "", "--db", path, "--lang", "en", "import", "--date", "2025-06-30", file)
	if code == 0 || !strings.Contains(errs, "run again with --yes") || !strings.Contains(out, "answer report, 3 items; sitting") ||
		!strings.Contains(out, "by level: tỉnh 3") || !strings.Contains(errs, "1 of 1 files refused") {
		t.Fatalf("without --yes, in English: %d %q %q", code, out, errs)
	}
	// On a terminal the confirmation screen shows the matches; cancelling
	// writes nothing, and a person's untick makes that item a new petition.
	var shown []attach.Candidate
	runAttach = func(m *attach.Model) error {
		shown = append([]attach.Candidate(nil), m.Cands...)
		return nil // closed without Enter
	}
	defer func() { runAttach = func(m *attach.Model) error { _, err := tea.NewProgram(m).Run(); return err } }()
	var o, e bytes.Buffer
	tty := Env{Stdin: strings.NewReader(""), Stdout: &o, Stderr: &e, StdinTTY: true, Now: clock}
	if code := Main([]string{"--db", path, "import", "--date", "2025-06-30", file}, tty); code == 0 || !strings.Contains(e.String(), "chưa nhập gì (đã hủy)") {
		t.Fatalf("cancelled screen: %d %q", code, e.String())
	}
	if len(shown) != 2 || shown[0].ID != "A1" || !shown[0].Accept || shown[1].ID != "A2" || !shown[1].Accept || shown[0].Score < 0.6 {
		t.Fatalf("screen showed %+v", shown)
	}
	runAttach = func(m *attach.Model) error {
		m.Cands[1].Accept = false // the person says A2 is another petition
		m.Confirmed = true
		return nil
	}
	o.Reset()
	e.Reset()
	if code := Main([]string{"--db", path, "import", "--date", "2025-06-30", file}, tty); code != 0 || !strings.Contains(o.String(), "thêm 2, cập nhật 1 (1 trả lời gắn vào kiến nghị trong kho") {
		t.Fatalf("confirmed screen: %d %q %q", code, o.String(), e.String())
	}
	db, _ = store.Open(path, store.Options{NoIndex: true})
	a2, _ := db.Petition("A2")
	db.Close()
	if a2.Response != "" {
		t.Fatalf("A2 got an answer the person refused: %+v", a2)
	}
	// Start again with --yes, which attaches at 0.6 and more.
	path = tempDB(t)
	db, _ = store.Open(path, store.Options{NoIndex: true})
	if _, err := db.PutPetitions(archived); err != nil {
		t.Fatal(err)
	}
	db.Close()
	code, out, errs = call(t, "", "--db", path, "--lang", "en", "import", "--yes", "--date", "2025-06-30", file)
	if code != 0 || !strings.Contains(out, "1 added, 2 updated (2 answers attached") {
		t.Fatalf("import: %d %q %q", code, out, errs)
	}
	db, _ = store.Open(path, store.Options{NoIndex: true})
	defer db.Close()
	if n := db.ArchiveCount(); n != 3 {
		t.Errorf("%d petitions, want 2 archived + 1 new", n)
	}
	a1, _ := db.Petition("A1")
	if a1.Body != "Sở Giao thông vận tải" || !strings.HasPrefix(a1.Response, "Tuyến ĐT.768") || a1.Status != model.StatusAnswered || a1.AnsweredAt != "2025-06-30" || a1.RaisedAt != "2025-05-10" {
		t.Errorf("A1 after the answer: %+v", a1)
	}
	a2, _ = db.Petition("A2")
	if !strings.HasPrefix(a2.Response, "Công ty Khai thác") || a2.Status != model.StatusAnswered {
		t.Errorf("A2 after the answer: %+v", a2)
	}
}

// TestImportFontSheet: an old sheet typed in .VnTime and saved as .xlsx is
// converted, and the summary says which columns.
func TestImportFontSheet(t *testing.T) {
	path := tempDB(t)
	font := func(s string) string {
		b, err := ingest.TCVN3.Encode(s)
		if err != nil {
			t.Fatal(err)
		}
		rs := make([]rune, len(b))
		for i, c := range b {
			rs[i] = rune(c) // Latin-1 letters, as the .VnTime font shows them
		}
		return string(rs)
	}
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{font("nội dung"), font("lĩnh vực")})
	f.SetSheetRow("Sheet1", "A2", &[]any{font("cử tri thôn Đông đề nghị sửa chữa đường giao thông của xã"), font("giao thông")})
	f.SetSheetRow("Sheet1", "A3", &[]any{font("đề nghị nạo vét kênh mương nội đồng"), font("nông nghiệp - thủy lợi")})
	file := filepath.Join(t.TempDir(), "cu.xlsx")
	f.SaveAs(file)
	code, out, errs := call(t, "", "--db", path, "import", file)
	if code != 0 || !strings.Contains(out, "thêm 2, cập nhật 0") || !strings.Contains(out, "cột nội dung: chuyển từ TCVN3 (.VnTime)") || !strings.Contains(out, "cột lĩnh vực: chuyển từ TCVN3 (.VnTime)") {
		t.Fatalf("%d %q %q", code, out, errs)
	}
}

// TestReportRoundTripPDF: txct's report printed to PDF by LibreOffice reads
// back to the same items (skipped without soffice).
func TestReportRoundTripPDF(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice is not installed")
	}
	path, remarks, report := exportedReport(t)
	dir := filepath.Dir(report)
	if out, err := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "lo"), "--headless",
		"--convert-to", "pdf", "--outdir", dir, report).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v %s", err, out)
	}
	pdf := strings.TrimSuffix(report, ".docx") + ".pdf"
	code, out, errs := call(t, "", "--db", path, "import", "--dry-run", pdf)
	if code != 0 {
		t.Fatalf("dry run: %s", errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != len(remarks) {
		t.Fatalf("%d items read back from the PDF, %d remarks: %q", len(lines), len(remarks), out)
	}
	for _, r := range remarks {
		found := false
		for _, l := range lines {
			var p model.Petition
			json.Unmarshal([]byte(l), &p)
			if sameText(p.Text, r.Text) && p.Field == r.Field && p.Authority == r.Authority && p.Location == r.Address {
				found = true
			}
		}
		if !found {
			t.Errorf("remark %q not read back from the PDF: %q", r.Text, out)
		}
	}
}

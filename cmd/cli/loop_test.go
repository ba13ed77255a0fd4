package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"txct/store"
	"txct/store/ingest"
	"txct/store/model"
)

// mustCall runs txct and fails the test unless it exits 0.
func mustCall(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errs := call(t, "", args...)
	if code != 0 {
		t.Fatalf("txct %s: exit %d: %s", strings.Join(args, " "), code, errs)
	}
	return out
}

// roundSession records one session of group 3's round before the year-end
// sitting on the laptop database at path and returns its id.
func roundSession(t *testing.T, path, date, place string, rems []model.Remark, merged map[int]int) uint64 {
	t.Helper()
	db, err := store.Open(path, store.Options{NoIndex: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s, err := db.CreateSession(model.Session{Title: "Tiếp xúc cử tri tại " + place, Kind: model.KindBefore, Date: date,
		Start: "08:00", End: "10:30", Place: "Hội trường UBND " + place, Sitting: "Kỳ họp thường lệ cuối năm 2026",
		DelegateGroup: "Tổ đại biểu HĐND tỉnh số 3", Voters: 80, Chair: "Nguyễn Văn Bình", Secretary: "Lê Thị Thu"})
	if err != nil {
		t.Fatal(err)
	}
	var ids []uint64
	for i, r := range rems {
		r.SessionID = s.ID
		if lead, ok := merged[i]; ok {
			r.MergedInto = ids[lead]
		}
		r, err := db.SaveRemark(r)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, r.ID)
	}
	return s.ID
}

const (
	deText   = "Đề nghị tỉnh sớm gia cố tuyến đê sông Lam đoạn qua xóm 5 xã Hưng Lợi, mùa mưa năm nào cũng sạt lở"
	kenhText = "Đề nghị nạo vét kênh tiêu Cầu Đá thôn 2, nước ứ đọng gây ngập lúa"
	// oldDeText is the dike as the 2025 report summed it up.
	oldDeText = "Cử tri xóm 5 phản ánh đê sông Lam sạt lở sau mùa mưa, kiến nghị tỉnh đầu tư gia cố"
)

// TestPetitionLoop runs the loop of two laptops and the office: sessions of
// one round recorded on two laptops are exported (and so forwarded), their
// bundles go into the office database, the office sends the tracking sheet
// and records the answers that come back, and the updated archive goes back
// to a laptop, where a paraphrase typed at the next round is flagged with
// the answer and its document number.
func TestPetitionLoop(t *testing.T) {
	dir := t.TempDir()
	lapA, lapB, office := filepath.Join(dir, "a.db"), filepath.Join(dir, "b.db"), filepath.Join(dir, "office.db")
	s1 := roundSession(t, lapA, "2026-11-20", "xã Hưng Lợi", []model.Remark{
		{Voter: "Ông Lê Văn Hải", Text: deText, Type: model.TypePetition, Field: "nông nghiệp - thủy lợi", Authority: model.AuthProvince, Location: "xóm 5"},
		{Voter: "Bà Trần Thị Mai", Text: "Tôi cũng đề nghị gia cố đê sông Lam qua xóm 5", Type: model.TypePetition},
		{Voter: "Ông Phạm Nam", Text: "Bà con phấn khởi vì đường làng đã được bê tông hóa", Type: model.TypeOpinion},
	}, map[int]int{1: 0})
	s2 := roundSession(t, lapB, "2026-11-21", "xã Hưng Tân", []model.Remark{
		{Voter: "Bà Hồ Thị Lan", Text: kenhText, Type: model.TypePetition, Field: "nông nghiệp - thủy lợi", Authority: model.AuthCommune, Location: "thôn 2"},
		{Voter: "Ông Nguyễn Văn Tám", Text: "Đề nghị tỉnh gia cố đê sông Lam đoạn qua xóm 5 xã Hưng Lợi, mùa mưa sạt lở nhiều", Type: model.TypePetition,
			Field: "nông nghiệp - thủy lợi", Authority: model.AuthProvince},
	}, nil)
	// Every database has the archive of the earlier rounds, where the dike
	// was raised in May 2025 in other words.
	old := filepath.Join(dir, "old.jsonl")
	var ob bytes.Buffer
	if err := ingest.WriteArchiveJSONL(&ob, []model.Petition{{ID: "2025-T3-0512-03", Text: oldDeText,
		Authority: model.AuthProvince, RaisedAt: "2025-05-12", Session: "Trước kỳ họp giữa năm 2025", Status: model.StatusUnresolved}}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(old, ob.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, db := range []string{lapA, lapB, office} {
		mustCall(t, "--db", db, "import", old)
	}
	for _, c := range []struct {
		db  string
		id  uint64
		out string
	}{{lapA, s1, "a"}, {lapB, s2, "b"}} {
		docs := filepath.Join(dir, "docs-"+c.out)
		if err := os.Mkdir(docs, 0o700); err != nil {
			t.Fatal(err)
		}
		mustCall(t, "--db", c.db, "export", itoa(c.id), "--out", docs)
	}
	// On laptop A the petition is on record at once, with its readable id.
	rec := petition(t, lapA, "2026-T3-1120-01")
	if rec.Status != model.StatusForwarded || rec.Voters != 2 {
		t.Fatalf("laptop A's record: %+v", rec)
	}
	// Laptop A's clerk marks the new record and the 2025 one as the same
	// demand (the archive screen's "="): from now on it was first raised in
	// 2025 and has been raised twice, wherever the archive goes.
	func() {
		db, err := store.Open(lapA, store.Options{NoIndex: true})
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if err := db.MarkSameDemand("2026-T3-1120-01", "2025-T3-0512-03"); err != nil {
			t.Fatal(err)
		}
	}()
	history := func(path, id string) (first string, times int) {
		t.Helper()
		db, err := store.Open(path, store.Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if err := db.LoadIndex(); err != nil {
			t.Fatal(err)
		}
		res, err := db.FindRepeats(deText, store.RepeatOptions{History: true, Top: 10})
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range res.Hits {
			if h.Petition.ID == id {
				return h.Petition.RaisedAt, h.Petition.TimesRaised()
			}
		}
		t.Fatalf("%s: the dike's record %s is not flagged: %+v", path, id, res.Hits)
		return "", 0
	}
	if first, times := history(lapA, "2026-T3-1120-01"); first != "2025-05-12" || times != 2 {
		t.Fatalf("laptop A: first raised %s, %d times; want 2025-05-12, 2 times", first, times)
	}
	for _, c := range []struct {
		db  string
		id  uint64
		out string
	}{{lapA, s1, "a"}, {lapB, s2, "b"}} {
		mustCall(t, "--db", c.db, "bundle", "export", itoa(c.id), filepath.Join(dir, c.out+".json"))
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "a.json")); !bytes.Contains(b, []byte(`"same_demand"`)) {
		t.Fatalf("laptop A's bundle does not carry the same-demand mark:\n%s", b)
	}

	// The office imports both bundles and forwards them: the records keep the
	// laptops' ids.
	var at []string // the sessions' numbers at the office
	for _, b := range []string{"a.json", "b.json"} {
		out := mustCall(t, "--db", office, "bundle", "import", filepath.Join(dir, b))
		at = append(at, strings.TrimSpace(out))
		mustCall(t, "--db", office, "archive", "forward", at[len(at)-1])
	}
	if p := petition(t, office, "2026-T3-1120-01"); p.Text != deText || p.Voters != 2 {
		t.Fatalf("office record of laptop A's petition: %+v", p)
	}
	if p := petition(t, office, "2026-T3-1121-01"); p.Text != kenhText {
		t.Fatalf("office record of laptop B's petition: %+v", p)
	}
	// The mark came with laptop A's bundle: the office counts as the laptop.
	if first, times := history(office, "2026-T3-1120-01"); first != "2025-05-12" || times != 2 {
		t.Fatalf("office: first raised %s, %d times; want 2025-05-12, 2 times", first, times)
	}

	// The round: the engine suggests that the dike was raised at both
	// points; the clerk confirms, and the round and sitting reports show it
	// once, "3 lượt cử tri tại 2 điểm". The second point's record of it is
	// withdrawn: the first point's record stands for both.
	show := mustCall(t, "--db", office, "round", at[0])
	if !strings.Contains(show, "hạn gửi báo cáo và biên bản: 26/11/2026") || !strings.Contains(show, "txct round same "+at[1]+":2 "+at[0]+":1") {
		t.Fatalf("round: %s", show)
	}
	mustCall(t, "--db", office, "round", "same", at[1]+":2", at[0]+":1")
	if out := mustCall(t, "--db", office, "--lang", "en", "archive", "forward", at[1]); !strings.Contains(out, "1 withdrawn") {
		t.Fatalf("forward after the merge: %s", out)
	}
	for _, flag := range []string{"--round", "--sitting"} {
		rep := filepath.Join(dir, "rep"+flag)
		out := mustCall(t, "--db", office, "export", flag, at[0], "--out", rep, "--format", "md,docx")
		if !strings.Contains(out, ".md") || !strings.Contains(out, ".docx") {
			t.Fatalf("export %s: %s", flag, out)
		}
		md, err := os.ReadFile(strings.Split(strings.TrimSpace(out), "\n")[0])
		if err != nil {
			t.Fatal(err)
		}
		text := string(md)
		if strings.Count(text, "gia cố tuyến đê sông Lam") != 2 || !strings.Contains(text, "3 lượt cử tri tại 2 điểm") ||
			!strings.Contains(text, "2 hội nghị tiếp xúc cử tri tại 2 điểm") || !strings.Contains(text, "xã Hưng Tân") {
			t.Fatalf("%s report:\n%s", flag, text)
		}
	}

	// The tracking sheet goes out with the two forwarded petitions, grouped
	// by level (tỉnh before xã).
	sheet := filepath.Join(dir, "theo-doi.xlsx")
	if out := mustCall(t, "--db", office, "--lang", "en", "archive", "export", sheet, "--status", "chờ trả lời"); !strings.Contains(out, "2 petitions") {
		t.Fatalf("archive export: %s", out)
	}
	f, err := excelize.OpenFile(sheet)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows(ingest.TrackingSheet)
	if len(rows) != 3 || rows[1][0] != "2026-T3-1120-01" || rows[2][0] != "2026-T3-1121-01" {
		t.Fatalf("tracking sheet rows: %q", rows)
	}
	// The body answers the first, with a date typed its own way.
	sh := ingest.TrackingSheet
	for cell, v := range map[string]string{"I2": "Năm 2027 tỉnh bố trí vốn gia cố 1,2 km đê sông Lam qua xóm 5.",
		"J2": "Sở Nông nghiệp và Môi trường", "K2": "125/SNNMT-TL", "L2": "05/01/2027", "M2": "Đã trả lời, giải trình"} {
		if err := f.SetCellStr(sh, cell, v); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	out := mustCall(t, "--db", office, "--lang", "en", "answers", "import", sheet)
	if !strings.Contains(out, "2 rows, 1 answers recorded, 1 statuses changed, 1 unchanged") {
		t.Fatalf("answers import: %s", out)
	}

	// The updated archive goes back to laptop A.
	arch := filepath.Join(dir, "archive.jsonl")
	mustCall(t, "--db", office, "archive", "export", arch)
	mustCall(t, "--db", lapA, "import", arch)
	p := petition(t, lapA, "2026-T3-1120-01")
	if p.Ref != "125/SNNMT-TL" || p.AnsweredAt != "2027-01-05" || p.Status != model.StatusAnswered || p.Voters != 2 {
		t.Fatalf("laptop A after the archive came back: %+v", p)
	}
	// Laptop B never saw the mark; the office's archive brings it there too.
	if _, times := history(lapB, "2025-T3-0512-03"); times != 1 {
		t.Fatalf("laptop B before the archive came back: raised %d times; want 1", times)
	}
	mustCall(t, "--db", lapB, "import", arch)
	for _, db := range []string{lapA, lapB} {
		if first, times := history(db, "2025-T3-0512-03"); first != "2025-05-12" || times != 2 {
			t.Fatalf("%s after the archive came back: first raised %s, %d times; want 2025-05-12, 2 times", filepath.Base(db), first, times)
		}
	}

	// Next round on laptop A: the paraphrase is flagged with the answer and
	// its document number.
	roundSession(t, lapA, "2027-05-12", "xã Hưng Lợi", nil, nil)
	code, res, errs := call(t, "gia co de song Lam doan xom 5 bi sat lo moi mua mua\n", "--db", lapA, "check")
	if code != 0 {
		t.Fatalf("check: %s", errs)
	}
	var line struct {
		Repeat  bool `json:"repeat"`
		Matches []struct {
			ID string `json:"id"`
		} `json:"matches"`
	}
	if err := json.Unmarshal([]byte(res), &line); err != nil || !line.Repeat || len(line.Matches) == 0 || line.Matches[0].ID != "2026-T3-1120-01" {
		t.Fatalf("check: %s %v", res, err)
	}
	db, err := store.Open(lapA, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	hits, err := db.FindRepeats("gia co de song Lam doan xom 5 bi sat lo moi mua mua", store.RepeatOptions{})
	if err != nil || len(hits.Hits) == 0 {
		t.Fatal(err)
	}
	if h := hits.Hits[0].Petition; h.Response == "" || h.Ref != "125/SNNMT-TL" || h.Body != "Sở Nông nghiệp và Môi trường" {
		t.Fatalf("flagged without its answer: %+v", h)
	}
}

func itoa(id uint64) string { return strconv.FormatUint(id, 10) }

func petition(t *testing.T, path, id string) model.Petition {
	t.Helper()
	db, err := store.Open(path, store.Options{ReadOnly: true, NoIndex: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	p, err := db.Petition(id)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// answersDB makes an archive of two petitions and returns its path.
func answersDB(t *testing.T) string {
	t.Helper()
	path := tempDB(t)
	db, err := store.Open(path, store.Options{NoIndex: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.PutPetitions([]model.Petition{
		{ID: "2026-T3-1120-01", Text: deText, Field: "nông nghiệp - thủy lợi", Authority: model.AuthProvince, RaisedAt: "2026-11-20", Status: model.StatusForwarded},
		{ID: "2026-T3-1120-02", Text: kenhText, Authority: model.AuthCommune, RaisedAt: "2026-11-20", Status: model.StatusForwarded},
	}); err != nil {
		t.Fatal(err)
	}
	return path
}

// sheetFile writes rows (the first is the header) to an XLSX file, then
// lets edit change the workbook.
func sheetFile(t *testing.T, rows [][]any, edit func(f *excelize.File)) string {
	t.Helper()
	f := excelize.NewFile()
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	if edit != nil {
		edit(f)
	}
	path := filepath.Join(t.TempDir(), "answers.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestAnswersImportReadsWhatIsMeant(t *testing.T) {
	path := answersDB(t)
	// Columns in another order, an extra column, an empty row, a merged
	// note over two rows, a formula for the document number, dates typed two
	// ways, a status in plain letters.
	file := sheetFile(t, [][]any{
		{"Ghi chú", "Tình trạng", "Ngày trả lời", "Số văn bản", "Cơ quan trả lời", "Trả lời", "Nội dung", "Mã"},
		{"gửi lại", "da tra loi", "5/1/2027", nil, "Sở NN&MT", "Đã bố trí vốn.", deText, "2026-T3-1120-01"},
		{},
		{nil, "Đang giải quyết", "2027-01-09", "88/UBND", "UBND xã", "Đang lập dự án.", kenhText, "2026-T3-1120-02"},
	}, func(f *excelize.File) {
		f.SetCellFormula("Sheet1", "D2", `CONCATENATE("125","/SNNMT")`)
		f.SetCellValue("Sheet1", "D2", "125/SNNMT") // the value Excel caches
		f.MergeCell("Sheet1", "A2", "A4")
	})
	code, out, errs := call(t, "", "--db", path, "--lang", "en", "answers", "import", file)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "2 answers recorded, 2 statuses changed") {
		t.Fatalf("output: %s", out)
	}
	p := petition(t, path, "2026-T3-1120-01")
	if p.AnsweredAt != "2027-01-05" || p.Ref != "125/SNNMT" || p.Status != model.StatusAnswered || p.Body != "Sở NN&MT" {
		t.Fatalf("first: %+v", p)
	}
	if p := petition(t, path, "2026-T3-1120-02"); p.AnsweredAt != "2027-01-09" || p.Status != model.StatusInProgress {
		t.Fatalf("second: %+v", p)
	}
}

func TestAnswersImportRefusesWholeFile(t *testing.T) {
	header := []any{"Mã", "Nội dung", "Trả lời", "Ngày trả lời", "Tình trạng"}
	good := []any{"2026-T3-1120-01", deText, "Đã bố trí vốn.", "05/01/2027", "đã trả lời"}
	for _, c := range []struct {
		name         string
		bad          []any
		want, wantEN string
	}{
		{"unknown id", []any{"2026-T9-0101-01", kenhText, "x", "", ""},
			`Sheet1!A3: không có kiến nghị "2026-T9-0101-01" trong kho kiến nghị; chưa nhập gì`, `Sheet1!A3: no petition "2026-T9-0101-01"`},
		{"status", []any{"2026-T3-1120-02", kenhText, "x", "", "xong rồi"},
			`Sheet1!E3: Tình trạng: "xong rồi" không thuộc các giá trị`, `Sheet1!E3: Tình trạng: "xong rồi" is not one of`},
		{"date", []any{"2026-T3-1120-02", kenhText, "x", "mùng 5 tháng Giêng", ""},
			`Sheet1!D3: Ngày trả lời: ngày "mùng 5 tháng Giêng" không theo dạng`, `Sheet1!D3: Ngày trả lời: date "mùng 5 tháng Giêng"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := answersDB(t)
			file := sheetFile(t, [][]any{header, good, c.bad}, nil)
			code, out, errs := call(t, "", "--db", path, "answers", "import", file)
			if code == 0 || !strings.Contains(errs, c.want) || out != "" {
				t.Fatalf("exit %d, stdout %q, stderr %q; want an error with %q", code, out, errs, c.want)
			}
			code, out, errs = call(t, "", "--db", path, "--lang", "en", "answers", "import", file)
			if code == 0 || !strings.Contains(errs, c.wantEN) || out != "" {
				t.Fatalf("English: exit %d, stdout %q, stderr %q; want an error with %q", code, out, errs, c.wantEN)
			}
			if p := petition(t, path, "2026-T3-1120-01"); p.Response != "" || p.Status != model.StatusForwarded {
				t.Fatalf("a refused file changed the archive: %+v", p)
			}
		})
	}
}

func TestAnswersImportIgnoresTextEdits(t *testing.T) {
	path := answersDB(t)
	file := sheetFile(t, [][]any{{"Mã", "Nội dung", "Trả lời"}, {"2026-T3-1120-01", "Gia cố đê (sửa lại)", "Đã bố trí vốn."}}, nil)
	code, out, errs := call(t, "", "--db", path, "--lang", "en", "answers", "import", file)
	if code != 0 || !strings.Contains(errs, "Sheet1!B2: differs from the archive's text") || !strings.Contains(out, "1 answers recorded") {
		t.Fatalf("exit %d: %s %s", code, out, errs)
	}
	if p := petition(t, path, "2026-T3-1120-01"); p.Text != deText || p.Response != "Đã bố trí vốn." || p.Status != model.StatusAnswered {
		t.Fatalf("record: %+v", p)
	}
	// The same warning in the UI's default language.
	code, _, errs = call(t, "", "--db", path, "answers", "import", file)
	if want := "txct: cảnh báo: " + filepath.Base(file) + ": Sheet1!B2: khác nội dung trong kho kiến nghị"; code != 0 || !strings.Contains(errs, want) {
		t.Fatalf("exit %d: stderr %q, want %q", code, errs, want)
	}
}

// TestArchiveExportRoundTrip: export → import into an empty database →
// export gives the same bytes, for the tracking sheet and for JSONL.
func TestArchiveExportRoundTrip(t *testing.T) {
	src := answersDB(t)
	db, err := store.Open(src, store.Options{NoIndex: true})
	if err != nil {
		t.Fatal(err)
	}
	p, _ := db.Petition("2026-T3-1120-01")
	p.Response, p.Body, p.Ref, p.AnsweredAt, p.Status = "Đã bố trí vốn.", "Sở NN&MT", "125/SNNMT", "2027-01-05", model.StatusAnswered
	p.Voters, p.Group, p.Sitting, p.Origin = 3, "Tổ đại biểu số 3", "Kỳ họp cuối năm 2026", "abc#1"
	p.Variants = []model.Variant{{Ref: "abc/7", Text: "Gia cố đê sông Lam"}}
	p.Raises = []model.Raise{{Date: "2027-05-12", Session: "TXCT xã Hưng Lợi", Ref: "def/9"}}
	if err := db.UpdatePetition(p); err != nil {
		t.Fatal(err)
	}
	if err := db.MarkSameDemand("2026-T3-1120-01", "2026-T3-1120-02"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	for _, ext := range []string{"jsonl", "xlsx"} {
		t.Run(ext, func(t *testing.T) {
			dir := t.TempDir()
			a, b := filepath.Join(dir, "a."+ext), filepath.Join(dir, "b."+ext)
			mustCall(t, "--db", src, "archive", "export", a)
			empty := tempDB(t)
			mustCall(t, "--db", empty, "import", a)
			mustCall(t, "--db", empty, "archive", "export", b)
			da, _ := os.ReadFile(a)
			db, _ := os.ReadFile(b)
			if len(da) == 0 || !bytes.Equal(da, db) {
				t.Fatalf("%s: export → import → export changed the bytes (%d → %d)", ext, len(da), len(db))
			}
			// The same-demand mark travelled.
			to, err := store.Open(empty, store.Options{ReadOnly: true, NoIndex: true})
			if err != nil {
				t.Fatal(err)
			}
			defer to.Close()
			if c, err := to.Cluster("2026-T3-1120-02"); err != nil || !slices.Equal(c, []string{"2026-T3-1120-01", "2026-T3-1120-02"}) {
				t.Fatalf("%s: cluster after import %q %v", ext, c, err)
			}
		})
	}
}

// TestArchiveMergeKeepsNewerAnswer: importing another laptop's archive
// keeps whichever answer is newer, and the raises of both.
func TestArchiveMergeKeepsNewerAnswer(t *testing.T) {
	path := answersDB(t)
	db, _ := store.Open(path, store.Options{NoIndex: true})
	p, _ := db.Petition("2026-T3-1120-01")
	p.Response, p.AnsweredAt, p.Status = "Trả lời lần 2.", "2027-03-01", model.StatusInProgress
	p.Raises = []model.Raise{{Date: "2027-05-12", Session: "A", Ref: "a/1"}}
	db.UpdatePetition(p)
	db.Close()
	older := p
	older.Response, older.AnsweredAt, older.Status = "Trả lời lần 1.", "2027-01-05", model.StatusAnswered
	older.Raises = []model.Raise{{Date: "2027-05-13", Session: "B", Ref: "b/1"}}
	var buf bytes.Buffer
	if err := ingest.WriteArchiveJSONL(&buf, []model.Petition{older}); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "other.jsonl")
	os.WriteFile(file, buf.Bytes(), 0o600)
	mustCall(t, "--db", path, "import", file)
	got := petition(t, path, "2026-T3-1120-01")
	if got.Response != "Trả lời lần 2." || got.Status != model.StatusInProgress || len(got.Raises) != 2 {
		t.Fatalf("merged: %+v", got)
	}
}

// BenchmarkAnswersImport imports a tracking sheet of 5,000 answered rows
// into an archive of 5,000 forwarded petitions; the iterations alternate
// between two sheets, so every row changes every time.
func BenchmarkAnswersImport(b *testing.B) {
	dir := b.TempDir()
	path := filepath.Join(dir, "txct.db")
	db, err := store.Open(path, store.Options{NoIndex: true})
	if err != nil {
		b.Fatal(err)
	}
	ps := make([]model.Petition, 5000)
	for i := range ps {
		ps[i] = model.Petition{ID: "2026-T3-1120-" + strconv.Itoa(1000+i), Text: kenhText + " đoạn " + strconv.Itoa(i),
			Authority: model.Authorities[i%3], Field: model.Fields[i%len(model.Fields)], RaisedAt: "2026-11-20", Status: model.StatusForwarded}
	}
	if _, err := db.PutPetitions(ps); err != nil {
		b.Fatal(err)
	}
	db.Close()
	var sheets []string
	for k, st := range []string{"đã trả lời", "đang giải quyết"} {
		var buf bytes.Buffer
		if err := ingest.WriteTrackingSheet(&buf, ps); err != nil {
			b.Fatal(err)
		}
		f, err := excelize.OpenReader(&buf)
		if err != nil {
			b.Fatal(err)
		}
		for i := range ps {
			row := i + 2
			for col, v := range map[string]string{"I": "Trả lời số " + strconv.Itoa(k) + " cho kiến nghị " + strconv.Itoa(i), "J": "Sở Xây dựng",
				"K": strconv.Itoa(i) + "/SXD", "L": "0" + strconv.Itoa(k+1) + "/02/2027", "M": st} {
				f.SetCellStr(ingest.TrackingSheet, col+strconv.Itoa(row), v)
			}
		}
		name := filepath.Join(dir, "s"+strconv.Itoa(k)+".xlsx")
		if err := f.SaveAs(name); err != nil {
			b.Fatal(err)
		}
		sheets = append(sheets, name)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var out, errb bytes.Buffer
		if code := Main([]string{"--db", path, "--lang", "en", "answers", "import", sheets[i%2]}, Env{Stdout: &out, Stderr: &errb, Now: clock}); code != 0 ||
			!strings.Contains(out.String(), "5000 answers recorded") {
			b.Fatalf("exit %d: %s %s", code, out.String(), errb.String())
		}
	}
}

// BenchmarkRoundExport writes a round of 10 sessions and 600 remarks (a
// tenth of them merged, a tenth repeats of archived petitions, some marked
// the same demand across points) in every format.
func BenchmarkRoundExport(b *testing.B) {
	dir := b.TempDir()
	path := filepath.Join(dir, "txct.db")
	db, err := store.Open(path, store.Options{NoIndex: true})
	if err != nil {
		b.Fatal(err)
	}
	var arch []model.Petition
	for i := range 60 {
		arch = append(arch, model.Petition{ID: "OLD-" + strconv.Itoa(i), Text: "Sửa đường liên thôn số " + strconv.Itoa(i), RaisedAt: "2025-05-02",
			Session: "Trước kỳ họp giữa năm 2025", Body: "UBND xã", Response: "Đã đưa vào kế hoạch năm 2026.", Status: model.StatusAnswered})
	}
	if _, err := db.PutPetitions(arch); err != nil {
		b.Fatal(err)
	}
	var first uint64
	var prevLead []uint64
	for s := range 10 {
		sess, err := db.CreateSession(model.Session{Title: "TXCT điểm " + strconv.Itoa(s), Kind: model.KindBefore, Date: "2026-11-" + strconv.Itoa(10+s),
			Start: "08:00", End: "11:00", Place: "Nhà văn hóa thôn " + strconv.Itoa(s), Sitting: "Kỳ họp cuối năm 2026", DelegateGroup: "Tổ đại biểu số 3", Voters: 90})
		if err != nil {
			b.Fatal(err)
		}
		if first == 0 {
			first = sess.ID
		}
		var leads []uint64
		for j := range 60 {
			r := model.Remark{SessionID: sess.ID, Voter: "Ông Nguyễn Văn " + strconv.Itoa(j), Address: "thôn " + strconv.Itoa(j%7),
				Text: "Thưa hội nghị, tôi ở thôn " + strconv.Itoa(j%7) + ". Đề nghị tỉnh sớm sửa chữa cầu số " + strconv.Itoa(s*60+j) + " đã xuống cấp nghiêm trọng, mùa mưa đi lại rất nguy hiểm. Tôi xin cảm ơn.",
				Type: model.TypePetition, Field: model.Fields[j%len(model.Fields)], Authority: model.Authorities[j%3]}
			switch {
			case j%10 == 1:
				r.MergedInto = leads[len(leads)-1]
			case j%10 == 2:
				r.RepeatOf = []string{"OLD-" + strconv.Itoa(j)}
			case j%10 == 3:
				r.Answer = &model.Answer{By: "Ông Trần Văn Hùng, Chủ tịch UBND xã", Text: "Xã sẽ kiểm tra và báo cáo."}
			}
			r, err := db.SaveRemark(r)
			if err != nil {
				b.Fatal(err)
			}
			if r.MergedInto == 0 {
				leads = append(leads, r.ID)
			}
			if j == 5 && prevLead != nil {
				r.SameAs = prevLead[0]
				if err := db.SameDemand(r.ID, prevLead[0]); err != nil {
					b.Fatal(err)
				}
			}
		}
		prevLead = leads
	}
	db.Close()
	out := filepath.Join(dir, "out")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var so, se bytes.Buffer
		if code := Main([]string{"--db", path, "export", "--round", strconv.FormatUint(first, 10), "--out", out, "--force"},
			Env{Stdout: &so, Stderr: &se, Now: clock}); code != 0 || strings.Count(so.String(), "\n") != 3 {
			b.Fatalf("exit %d: %s %s", code, so.String(), se.String())
		}
	}
}

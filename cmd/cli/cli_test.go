package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"txct/store"
	"txct/store/ingest"
	"txct/store/model"

	"txct/store/safefile"
)

var clock = func() time.Time { return time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC) }

// call runs txct with args and returns its exit status, stdout and stderr.
func call(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(args, Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb, Now: clock})
	return code, out.String(), errb.String()
}

func tempDB(t *testing.T) string {
	t.Helper()
	return filepath.Join(t.TempDir(), "txct.db")
}

func withSession(t *testing.T, path string, date string) uint64 {
	t.Helper()
	db, err := store.Open(path, store.Options{NoIndex: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s, err := db.CreateSession(model.Session{Title: "TXCT xã Tân Thành", Kind: model.KindAfter, Date: date, Place: "Hội trường UBND xã"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.SaveRemark(model.Remark{SessionID: s.ID, Voter: "Ông A", Text: "Sửa đường"}); err != nil {
		t.Fatal(err)
	}
	return s.ID
}

func TestSessionsJSON(t *testing.T) {
	path := tempDB(t)
	withSession(t, path, "2026-11-20")
	withSession(t, path, "2026-11-10")
	code, out, errs := call(t, "", "--db", path, "sessions", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var rows []sessionRow
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if len(rows) != 2 || rows[0].Date != "2026-11-20" || rows[0].Due != "2026-11-25" || rows[0].State != "draft" ||
		rows[0].DaysLeft != 3 || rows[0].Remarks != 1 {
		t.Errorf("first row: %+v", rows[0])
	}
	if rows[1].State != "overdue" || rows[1].Due != "2026-11-15" {
		t.Errorf("second row: %+v", rows[1])
	}
	// The table is in Vietnamese unless English is asked for; JSON keeps
	// its English keys and codes whatever the language.
	code, out, _ = call(t, "", "sessions", "--db", path)
	for _, want := range []string{"quá hạn 7 ngày", "còn 3 ngày", "Sau kỳ họp", "25/11/2026", "ĐỊA ĐIỂM"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("table output lacks %q: %d %q", want, code, out)
		}
	}
	code, out, _ = call(t, "", "sessions", "--db", path, "--lang", "en")
	for _, want := range []string{"7 days overdue", "3 days left", "After a sitting", "PLACE"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("--lang en table output lacks %q: %d %q", want, code, out)
		}
	}
	t.Setenv("TXCT_LANG", "en")
	if _, out, _ = call(t, "", "sessions", "--db", path); !strings.Contains(out, "7 days overdue") {
		t.Errorf("TXCT_LANG=en table output: %q", out)
	}
	if _, out, _ = call(t, "", "sessions", "--db", path, "--json"); !strings.Contains(out, `"state": "overdue"`) || !strings.Contains(out, `"kind": "sau_ky_hop"`) {
		t.Errorf("JSON under TXCT_LANG=en: %s", out)
	}
}

// On a database with no session, `txct sessions` printed only the header
// row. It now says there are none and how to start; JSON stays an empty list.
func TestSessionsEmpty(t *testing.T) {
	path := tempDB(t)
	db, err := store.Open(path, store.Options{NoIndex: true})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	for _, c := range []struct{ lang, want, header string }{
		{"vi", "Chưa có hội nghị nào. Tạo hội nghị đầu tiên: chạy `txct` rồi nhấn n", "ĐỊA ĐIỂM"},
		{"en", "No sessions yet. Create the first one: run `txct` and press n", "PLACE"},
	} {
		code, out, errs := call(t, "", "--db", path, "--lang", c.lang, "sessions")
		if code != 0 || !strings.Contains(out, c.want) || strings.Contains(out, c.header) || errs != "" {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", c.lang, code, out, errs)
		}
	}
	code, out, _ := call(t, "", "--db", path, "sessions", "--json")
	if code != 0 || strings.TrimSpace(out) != "[]" {
		t.Errorf("--json on no sessions: exit %d, %q", code, out)
	}
}

func TestSecondTxctFailsFastNamingTheFile(t *testing.T) {
	path := tempDB(t)
	withSession(t, path, "2026-11-20")
	db, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, args := range [][]string{{}, {"sessions"}, {"check"}, {"verify"}, {"backup", filepath.Join(t.TempDir(), "b.db")}, {"demo"}} {
		start := time.Now()
		code, _, errs := call(t, "", append([]string{"--db", path, "--lang", "en"}, args...)...)
		if code == 0 || !strings.Contains(errs, path) || !strings.Contains(errs, "another txct has it open") {
			t.Errorf("%v while locked: exit %d, %q", args, code, errs)
		}
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("%v took %v", args, d)
		}
	}
	if code, _, errs := call(t, "", "--db", path, "sessions"); code == 0 || !strings.Contains(errs, path+": một txct khác đang mở tệp này") {
		t.Errorf("sessions while locked, in Vietnamese: exit %d, %q", code, errs)
	}
}

func TestDamagedDatabaseMessage(t *testing.T) {
	path := tempDB(t)
	withSession(t, path, "2026-11-20")
	data, _ := os.ReadFile(path)
	os.WriteFile(path, data[:len(data)/3], 0o600)
	before, _ := os.ReadFile(path)
	code, _, errs := call(t, "", "--db", path, "sessions")
	if code == 0 || !strings.Contains(errs, path) || strings.Contains(errs, "goroutine") {
		t.Fatalf("exit %d: %q", code, errs)
	}
	if !strings.Contains(errs, "restore") {
		t.Errorf("no pointer to restore: %q", errs)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("the damaged file was modified")
	}
}

func TestBackupRestoreVerify(t *testing.T) {
	path := tempDB(t)
	id := withSession(t, path, "2026-11-20")
	bk := filepath.Join(t.TempDir(), "copy.db")
	if code, _, errs := call(t, "", "--db", path, "backup", bk); code != 0 {
		t.Fatal(errs)
	}
	if err := safefile.CheckPrivate(bk); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(path, []byte("garbage"), 0o600)
	code, out, errs := call(t, "", "--db", path, "restore", bk)
	if code != 0 || !strings.Contains(out, "replaced-") {
		t.Fatalf("restore: %d %q %q", code, out, errs)
	}
	if code, out, _ := call(t, "", "--db", path, "verify"); code != 0 || !strings.Contains(out, ": tốt") {
		t.Fatalf("verify after restore: %d %q", code, out)
	}
	db, err := store.Open(path, store.Options{NoIndex: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if rems, _ := db.Remarks(id); len(rems) != 1 {
		t.Errorf("restored remarks: %d", len(rems))
	}
}

func TestUnknownCommandAndHelp(t *testing.T) {
	if code, _, errs := call(t, "", "frobnicate"); code == 0 || !strings.Contains(errs, "không có lệnh") {
		t.Errorf("unknown command: %d %q", code, errs)
	}
	code, out, _ := call(t, "", "help")
	if code != 0 {
		t.Fatal(code)
	}
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	// The README's command reference must name every command.
	for _, c := range commands {
		if !strings.Contains(out, c.name) {
			t.Errorf("help lacks %s", c.name)
		}
		if !strings.Contains(string(readme), "`txct "+c.name) {
			t.Errorf("README's command reference lacks txct %s", c.name)
		}
	}
}

func TestDeadlineRule(t *testing.T) {
	path := tempDB(t)
	withSession(t, path, "2026-11-20")
	code, out, errs := call(t, "", "--db", path, "deadline", "--working", "--days-off", "2026-11-24")
	if code != 0 || out != "hạn gửi báo cáo: 5 ngày làm việc sau ngày tiếp xúc; ngày nghỉ: 2026-11-24\n" {
		t.Fatalf("%d %q %q", code, out, errs)
	}
	_, out, _ = call(t, "", "--db", path, "sessions", "--json")
	if !strings.Contains(out, `"due": "2026-11-30"`) {
		t.Errorf("due date with working days: %s", out)
	}
	// An empty --days-off clears the list; the other settings stay.
	code, out, errs = call(t, "", "--db", path, "deadline", "--days-off", "", "--lang", "en")
	if code != 0 || out != "deadline: 5 working days after the session\n" {
		t.Fatalf("clearing days off: %d %q %q", code, out, errs)
	}
	_, out, _ = call(t, "", "--db", path, "sessions", "--json")
	if !strings.Contains(out, `"due": "2026-11-27"`) {
		t.Errorf("due date once the day off is cleared: %s", out)
	}
}

// TestMain keeps every test away from the user's real database: a command
// that forgot --db would land in this temporary data folder instead.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "txct-cli-test-")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_DATA_HOME", dir)
	os.Unsetenv("TXCT_DB")
	os.Unsetenv("TXCT_LANG")
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func TestCheckContract(t *testing.T) {
	path := tempDB(t)
	arch := filepath.Join(t.TempDir(), "a.jsonl")
	os.WriteFile(arch, []byte(`{"id":"A1","text":"Đề nghị xây mới cầu tràn Nà Ca nối thôn Hòa Bình với trung tâm xã","field":"giao thông","authority":"tỉnh","location":"xã Dũng Liệt","raised_at":"2021-08-20","session":"Sau kỳ họp thứ 2","response":"","status":"answered"}
{"id":"A2","text":"Nạo vét kênh N2 để đủ nước tưới","field":"nông nghiệp - thủy lợi","authority":"xã","location":"","raised_at":"2022-01-01","session":"","response":"","status":"unresolved"}
`), 0o600)
	if code, out, errs := call(t, "", "--db", path, "import", arch); code != 0 || !strings.Contains(out, "thêm 2, cập nhật 0") {
		t.Fatalf("import: %d %q %q", code, out, errs)
	}
	in := "cau tran Na Ca xuong cap de nghi xay moi\n\n" + strings.Repeat("đường ", 20000) + "\n"
	code, out, errs := call(t, in, "--db", path, "check", "--top", "1")
	if code != 0 {
		t.Fatalf("check: %d %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d answers for 3 remarks", len(lines))
	}
	var first, empty checkOut
	json.Unmarshal([]byte(lines[0]), &first)
	json.Unmarshal([]byte(lines[1]), &empty)
	if !first.Repeat || len(first.Matches) != 1 || first.Matches[0].ID != "A1" || first.Matches[0].Score <= 0 || first.Matches[0].Score > 1 {
		t.Errorf("first answer: %+v", first)
	}
	if empty.Repeat || empty.Matches == nil || len(empty.Matches) != 0 {
		t.Errorf("empty remark: %s", lines[1])
	}
	// The span is the demand that matched, in runes, without the greeting.
	spoken := "Kính thưa các đại biểu. Cầu tràn Nà Ca xuống cấp, đề nghị xây mới. Xin cảm ơn."
	_, out, _ = call(t, spoken+"\n", "--db", path, "check")
	var sp checkOut
	json.Unmarshal([]byte(out), &sp)
	if len(sp.Matches) == 0 || !sp.Repeat {
		t.Fatalf("spoken remark: %s", out)
	}
	if got := string([]rune(spoken)[sp.Matches[0].Span.Start:sp.Matches[0].Span.End]); got != "Cầu tràn Nà Ca xuống cấp, đề nghị xây mới" {
		t.Errorf("span %+v is %q", sp.Matches[0].Span, got)
	}
	// --jsonl reads objects with a "text" field; a line without it is an error naming the line.
	code, out, _ = call(t, `{"text":"nạo vét kênh N2"}`+"\n", "--db", path, "check", "--jsonl")
	if code != 0 || !strings.Contains(out, `"A2"`) {
		t.Errorf("--jsonl: %d %s", code, out)
	}
	if code, _, errs := call(t, `{"txt":"x"}`+"\n", "--db", path, "check", "--jsonl"); code == 0 || !strings.Contains(errs, "stdin:1") {
		t.Errorf("missing text field: %d %q", code, errs)
	}
}

// Text from a file with terminal escape sequences is stored as given but
// never comes out raw: not in check's JSON, not in an export.
func TestEscapeSequencesEndToEnd(t *testing.T) {
	path := tempDB(t)
	arch := filepath.Join(t.TempDir(), "evil.csv")
	os.WriteFile(arch, []byte("Mã,Nội dung,Lĩnh vực,Trả lời,Tình trạng\nE1,\"Sửa cầu \x1b]52;c;aGk=\x07 Nà Ca \u202eabc\",giao thông,\"Đã sửa \x1b]52;c;aGk=\x07 cầu\",answered\n"), 0o600)
	if code, _, errs := call(t, "", "--db", path, "import", arch); code != 0 {
		t.Fatalf("import: %s", errs)
	}
	db, _ := store.Open(path, store.Options{NoIndex: true})
	p, err := db.Petition("E1")
	db.Close()
	if err != nil || !strings.Contains(p.Text, "\x1b]52") {
		t.Fatalf("not stored as given: %q %v", p.Text, err)
	}
	_, out, _ := call(t, "sửa cầu Nà Ca\n", "--db", path, "check")
	if strings.ContainsAny(out, "\x1b\x07") {
		t.Errorf("raw escape in check output: %q", out)
	}
	id := withSession(t, path, "2026-11-20")
	db, _ = store.Open(path, store.Options{NoIndex: true})
	db.SaveRemark(model.Remark{SessionID: id, Text: "cầu Nà Ca", RepeatOf: []string{"E1"}})
	db.Close()
	dir := t.TempDir()
	if code, _, errs := call(t, "", "--db", path, "export", "latest", "--out", dir, "--format", "md"); code != 0 {
		t.Fatal(errs)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	md, _ := os.ReadFile(files[0])
	if strings.ContainsAny(string(md), "\x1b\x07\u202e") || !strings.Contains(string(md), "␛]52") {
		t.Errorf("export carries raw escapes or lost the text: %q", md)
	}
}

func TestBundleCommands(t *testing.T) {
	path := tempDB(t)
	withSession(t, path, "2026-11-20")
	file := filepath.Join(t.TempDir(), "s.json")
	if code, _, errs := call(t, "", "--db", path, "bundle", "export", "latest", file); code != 0 {
		t.Fatal(errs)
	}
	other := tempDB(t)
	for i := 0; i < 2; i++ {
		code, out, errs := call(t, "", "--db", other, "bundle", "import", file)
		if code != 0 || strings.TrimSpace(out) == "" {
			t.Fatalf("import %d: %d %q %q", i, code, out, errs)
		}
	}
	_, out, _ := call(t, "", "--db", other, "sessions", "--json")
	var rows []sessionRow
	json.Unmarshal([]byte(out), &rows)
	if len(rows) != 1 {
		t.Fatalf("two imports made %d sessions", len(rows))
	}
	again := filepath.Join(t.TempDir(), "again.json")
	call(t, "", "--db", other, "bundle", "export", "latest", again)
	a, _ := os.ReadFile(file)
	b, _ := os.ReadFile(again)
	if !bytes.Equal(a, b) {
		t.Error("bundle did not round-trip byte for byte")
	}
	os.WriteFile(file, []byte(`{"format":"txct-session/1","session":{"title":"x","kind":"nope","date":"2026-11-20"},"remarks":[]}`), 0o600)
	if code, _, errs := call(t, "", "--db", other, "bundle", "import", file); code == 0 || !strings.Contains(errs, "session.kind") {
		t.Errorf("malformed bundle: %d %q", code, errs)
	}
}

func TestImportFormats(t *testing.T) {
	path := tempDB(t)
	dir := t.TempDir()
	// CSV saved by an old office PC in TCVN3 (ABC), semicolon-separated.
	csv := "Mã;Nội dung;Lĩnh vực;Thẩm quyền;Tình trạng\r\nT1;Đề nghị sửa đường liên thôn;giao thông;xã;đã trả lời\r\n"
	legacy, err := ingest.TCVN3.Encode(csv)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "cu.csv"), legacy, 0o600)
	code, out, errs := call(t, "", "--db", path, "import", filepath.Join(dir, "cu.csv"))
	if code != 0 || !strings.Contains(out, "thêm 1, cập nhật 0") || !strings.Contains(out, "TCVN3") {
		t.Fatalf("TCVN3 CSV: %d %q %q", code, out, errs)
	}
	// XLSX with the same headers.
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"Mã", "Nội dung", "Lĩnh vực", "Tình trạng"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"X1", "Nạo vét kênh N2", "nông nghiệp - thủy lợi", "unresolved"})
	f.SaveAs(filepath.Join(dir, "a.xlsx"))
	if code, out, errs := call(t, "", "--db", path, "import", filepath.Join(dir, "a.xlsx")); code != 0 || !strings.Contains(out, "thêm 1, cập nhật 0") {
		t.Fatalf("XLSX: %d %q %q", code, out, errs)
	}
	// A bad row refuses the whole file, naming file, line and the allowed values.
	os.WriteFile(filepath.Join(dir, "bad.csv"), []byte("id,text,field\nB1,ok,giao thông\nB2,x,giao thong xa\n"), 0o600)
	code, out, errs = call(t, "", "--db", path, "import", filepath.Join(dir, "bad.csv"))
	if code == 0 || !strings.Contains(errs, "bad.csv:3") || !strings.Contains(errs, "giao thong xa") || !strings.Contains(errs, "đất đai") || !strings.Contains(out, "từ chối (không nhập gì") {
		t.Fatalf("bad CSV: %d %q %q", code, out, errs)
	}
	db, _ := store.Open(path, store.Options{NoIndex: true})
	defer db.Close()
	if db.ArchiveCount() != 2 {
		t.Errorf("%d petitions; the refused file must add none", db.ArchiveCount())
	}
	if p, _ := db.Petition("T1"); p.Text != "Đề nghị sửa đường liên thôn" || p.Status != model.StatusAnswered {
		t.Errorf("TCVN3 row read as %+v", p)
	}
}

// `txct demo` on a database with real work refuses without --yes (no
// terminal to ask on), adds beside it with --yes, and --remove takes out
// exactly what the demo created.
func TestDemoAsksAndRemoves(t *testing.T) {
	path := tempDB(t)
	own := withSession(t, path, "2026-11-20")
	code, out, errs := call(t, "", "--db", path, "demo")
	if code == 0 || !strings.Contains(errs, "--yes") {
		t.Fatalf("demo on real data: exit %d, %q %q", code, out, errs)
	}
	if code, _, errs := call(t, "", "--db", path, "demo", "--yes"); code != 0 {
		t.Fatalf("demo --yes: %s", errs)
	}
	_, out, _ = call(t, "", "--db", path, "sessions", "--json")
	var rows []sessionRow
	if err := json.Unmarshal([]byte(out), &rows); err != nil || len(rows) != 2 {
		t.Fatalf("sessions after demo: %v %q", err, out)
	}
	if code, out, errs := call(t, "", "--db", path, "demo", "--remove", "--lang", "en"); code != 0 || !strings.Contains(out, "1 sessions") {
		t.Fatalf("demo --remove: exit %d %q %q", code, out, errs)
	}
	db, err := store.Open(path, store.Options{NoIndex: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ss, _ := db.Sessions()
	if len(ss) != 1 || ss[0].ID != own || db.HasArchive() {
		t.Errorf("after --remove: %d sessions, archive %v", len(ss), db.HasArchive())
	}
}

// Issuer flags name the report's issuer in its header, code and signature;
// they stay with the session, and --remember keeps them for other sessions.
func TestExportIssuerFlags(t *testing.T) {
	path := tempDB(t)
	withSession(t, path, "2026-11-20")
	out := filepath.Join(t.TempDir(), "new", "folder")
	code, _, errs := call(t, "", "--db", path, "export", "latest", "--out", out, "--format", "md",
		"--issuer-parent", "HĐND tỉnh Đồng Nai", "--issuer", "Tổ đại biểu số 3", "--signer", "Ông Nguyễn Văn Hùng",
		"--minutes-issuer", "Ủy ban MTTQ Việt Nam xã Tân Thành", "--recipients", "Thường trực HĐND tỉnh;UBND xã", "--remember")
	if code != 0 {
		t.Fatal(errs)
	}
	if fi, err := os.Stat(out); err != nil || (runtime.GOOS != "windows" && fi.Mode().Perm() != 0o700) {
		t.Fatalf("--out folder not made owner-only: %v", err)
	}
	files, _ := filepath.Glob(filepath.Join(out, "*.md"))
	md, _ := os.ReadFile(files[0])
	for _, want := range []string{"HĐND TỈNH ĐỒNG NAI", "**TỔ ĐẠI BIỂU SỐ 3**", "/BC-TĐB", "**TM. TỔ ĐẠI BIỂU**", "**Nguyễn Văn Hùng**",
		"**ỦY BAN MTTQ VIỆT NAM XÃ TÂN THÀNH**", "/BB-MTTQ", "- UBND xã;"} {
		if !strings.Contains(string(md), want) {
			t.Errorf("export lacks %q", want)
		}
	}
	db, err := store.Open(path, store.Options{NoIndex: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	list, _ := db.Sessions()
	s, _ := db.Session(list[0].ID)
	if s.Issuers.Report.Body != "Tổ đại biểu số 3" || s.Issuers.Minutes.Body != "Ủy ban MTTQ Việt Nam xã Tân Thành" {
		t.Errorf("session issuers %+v", s.Issuers)
	}
	if p := db.Profile(); p.Report.Parent != "HĐND tỉnh Đồng Nai" {
		t.Errorf("remembered profile %+v", p)
	}
}

// `txct export` prints the pre-export check on stderr and still exports;
// with --strict it refuses while the list is not empty.
func TestExportCheckStrict(t *testing.T) {
	path := tempDB(t)
	id := withSession(t, path, "2026-11-20")
	db, _ := store.Open(path, store.Options{NoIndex: true})
	db.SaveRemark(model.Remark{SessionID: id, Text: "de nghi sua duong lien thon bi hu hong", Field: "giao thông", Authority: model.AuthCommune})
	db.Close()
	dir := t.TempDir()
	code, _, errs := call(t, "", "--db", path, "--lang", "en", "export", "latest", "--out", dir, "--format", "md", "--strict")
	if code == 0 || !strings.Contains(errs, "Remark 2: no voter named") || !strings.Contains(errs, "Remark 2: typed without diacritics") || !strings.Contains(errs, "--strict") {
		t.Fatalf("--strict: exit %d, stderr %q", code, errs)
	}
	if files, _ := filepath.Glob(filepath.Join(dir, "*")); len(files) != 0 {
		t.Fatalf("--strict wrote %v", files)
	}
	code, out, errs := call(t, "", "--db", path, "export", "latest", "--out", dir, "--format", "md")
	if code != 0 || !strings.Contains(errs, "Ý kiến số 2: chưa ghi tên cử tri") || !strings.Contains(out, ".md") {
		t.Fatalf("export anyway: exit %d, out %q, stderr %q", code, out, errs)
	}
}

// A bad command line exits with status 2 and says what was wrong; the
// command does nothing.
func TestBadCommandLineExits2(t *testing.T) {
	path := tempDB(t)
	for _, c := range []struct {
		args []string
		says string
	}{
		{[]string{"bogus"}, `không có lệnh "bogus"`},
		{[]string{"export"}, "cách dùng: txct export SESSION"},
		{[]string{"export", "1"}, "cách dùng: txct export SESSION"},
		{[]string{"import"}, "cách dùng: txct import [--encoding E]"},
		{[]string{"backup"}, "cách dùng: txct backup FILE"},
		{[]string{"bundle", "import"}, "cách dùng: txct bundle"},
		{[]string{"sessions", "--xml"}, "không có cờ -xml"},
		{[]string{"deadline", "--days", "five"}, `giá trị "five" không hợp lệ cho cờ -days`},
		{[]string{"deadline", "--working", "--calendar"}, "--working và --calendar không đi cùng nhau"},
		{[]string{"check", "--top", "0"}, "--top phải từ 1 trở lên"},
		{[]string{"--db"}, "cờ -db cần một giá trị"},
		{[]string{"sessions", "--db"}, "cờ -db cần một giá trị"},
		{[]string{"archive"}, "cách dùng: txct archive export"},
		{[]string{"answers", "export", "x.xlsx"}, "cách dùng: txct answers import"},
		{[]string{"sessions", "all"}, `thừa tham số "all"`},
		{[]string{"version", "2"}, `thừa tham số "2"`},
		{[]string{"--lang", "fr", "sessions"}, `"fr" không phải một trong vi, en`},
		{[]string{"sessions", "--tone", "hoa"}, `"hoa" không phải một trong old, new`},
	} {
		args := c.args
		if args[0] != "--db" && !slices.Contains(args, "--db") {
			args = append([]string{"--db", path}, args...)
		}
		code, _, errs := call(t, "", args...)
		if code != 2 || !strings.Contains(errs, c.says) {
			t.Errorf("txct %s: exit %d, want 2 with %q; stderr %q", strings.Join(c.args, " "), code, c.says, errs)
		}
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("a bad command line created the database: %v", err)
	}
	// Help is not an error.
	if code, _, _ := call(t, "", "sessions", "--help"); code != 0 {
		t.Errorf("sessions --help: exit %d", code)
	}
}

// A session changed after its export says so in `txct sessions` (and its
// JSON state) until it is exported again.
func TestChangedSinceExport(t *testing.T) {
	path := tempDB(t)
	id := withSession(t, path, "2026-11-20")
	dir := t.TempDir()
	if code, _, errs := call(t, "", "--db", path, "export", "latest", "--out", dir, "--format", "md"); code != 0 {
		t.Fatal(errs)
	}
	state := func() string {
		_, out, _ := call(t, "", "--db", path, "sessions", "--json")
		var rows []sessionRow
		if err := json.Unmarshal([]byte(out), &rows); err != nil || len(rows) != 1 {
			t.Fatalf("sessions: %v %q", err, out)
		}
		return rows[0].State
	}
	if s := state(); s != "exported" {
		t.Fatalf("after export: %q", s)
	}
	db, _ := store.Open(path, store.Options{NoIndex: true})
	a := db.Autosaver(0, nil)
	rems, _ := db.Remarks(id)
	rems[0].Text += " gấp"
	a.PutRemark(rems[0])
	db.Close()
	if s := state(); s != "changed_since_export" {
		t.Fatalf("after a change: %q", s)
	}
	if _, out, _ := call(t, "", "--db", path, "sessions"); !strings.Contains(out, "sửa sau khi xuất") {
		t.Errorf("text listing: %q", out)
	}
	if code, _, errs := call(t, "", "--db", path, "export", "latest", "--out", dir, "--format", "md"); code != 0 {
		t.Fatal(errs)
	}
	if s := state(); s != "exported" {
		t.Fatalf("after exporting again: %q", s)
	}
}

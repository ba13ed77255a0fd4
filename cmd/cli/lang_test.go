package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"txct/store"
	"txct/store/model"
	"txct/tui/base"
)

// said runs txct in Vietnamese (the default) and in English with args and
// checks that stderr and stdout together hold vi and en respectively, and
// that the exit status is code.
func said(t *testing.T, code int, vi, en string, args ...string) {
	t.Helper()
	for _, c := range []struct {
		lang, want string
	}{{"vi", vi}, {"en", en}} {
		got, out, errs := call(t, "", append([]string{"--lang", c.lang}, args...)...)
		if got != code || !strings.Contains(out+errs, c.want) {
			t.Errorf("txct --lang %s %s: exit %d, want %d with %q; stdout %q, stderr %q",
				c.lang, strings.Join(args, " "), got, code, c.want, out, errs)
		}
	}
}

// A session that is not there is named in the UI language, whether it was
// given by number, by uid or as latest, by every command that takes one.
func TestSessionNotFoundInBothLanguages(t *testing.T) {
	empty := tempDB(t)
	if code, _, errs := call(t, "", "--db", empty, "deadline", "--days", "5"); code != 0 {
		t.Fatal(errs)
	}
	said(t, 1, "chưa có hội nghị nào", "there are no sessions", "--db", empty, "round", "latest")
	path := tempDB(t)
	withSession(t, path, "2026-11-20")
	out := t.TempDir()
	for _, args := range [][]string{
		{"export", "99", "--out", out},
		{"export", "--round", "99", "--out", out},
		{"round", "99"},
		{"round", "same", "99:1", "1:1"},
		{"bundle", "export", "99", out + "/b.json"},
		{"archive", "forward", "99"},
		{"serve", "--session", "99"},
	} {
		said(t, 1, `không có hội nghị "99"`, `no session "99"`, append([]string{"--db", path}, args...)...)
	}
	said(t, 1, `không có hội nghị "u-nope"`, `no session "u-nope"`, "--db", path, "round", "u-nope")
}

// txct round speaks the UI language: the deadline, the points, the
// suggested same demands and what marking one did.
func TestRoundInBothLanguages(t *testing.T) {
	path := tempDB(t)
	a := itoa(roundSession(t, path, "2026-11-20", "xã Hưng Lợi", []model.Remark{
		{Voter: "Ông Lê Văn Hải", Text: deText, Type: model.TypePetition},
	}, nil))
	b := itoa(roundSession(t, path, "2026-11-21", "xã Hưng Tân", []model.Remark{
		{Voter: "Bà Hồ Thị Lan", Text: kenhText, Type: model.TypePetition},
		{Voter: "Ông Nguyễn Văn Tám", Text: "Đề nghị tỉnh gia cố đê sông Lam đoạn qua xóm 5 xã Hưng Lợi, mùa mưa sạt lở nhiều", Type: model.TypePetition},
	}, nil))
	db := []string{"--db", path}
	said(t, 0, "hạn gửi báo cáo và biên bản: 26/11/2026", "report and minutes due 26/11/2026", append(db, "round", a)...)
	said(t, 0, "\t20/11/2026\tHội trường UBND xã Hưng Lợi\t1 ý kiến", "\t20/11/2026\tHội trường UBND xã Hưng Lợi\t1 remarks", append(db, "round", a)...)
	said(t, 0, "cùng một yêu cầu? ý kiến 2 của hội nghị số "+b, "same demand? remark 2 of session "+b, append(db, "round", a)...)
	said(t, 1, `"`+b+`:7": hội nghị số `+b+` có 2 ý kiến`, `"`+b+`:7": session `+b+` has 2 remarks`, append(db, "round", "same", b+":7", a+":1")...)
	said(t, 1, `"x": ghi ý kiến dạng`, `"x": give a remark as SESSION:N`, append(db, "round", "same", "x", a+":1")...)
	said(t, 2, "cách dùng: txct round SESSION", "usage: txct round SESSION", append(db, "round")...)
	said(t, 0, b+":2 và "+a+":1 là một yêu cầu", b+":2 and "+a+":1 are one demand", append(db, "round", "same", b+":2", a+":1")...)
	said(t, 0, b+":2 không còn được đánh dấu", b+":2 is no longer marked", append(db, "round", "same", "--clear", b+":2")...)
}

// A bundle's link to a petition the archive does not hold is a warning in
// the UI language, naming the file, the remark and the petition.
func TestBundleWarningInBothLanguages(t *testing.T) {
	path := tempDB(t)
	id := withSession(t, path, "2026-11-20")
	db, err := store.Open(path, store.Options{NoIndex: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.SaveRemark(model.Remark{SessionID: id, Voter: "Bà B", Text: "Cầu Nà Ca hỏng", RepeatOf: []string{"GONE-1"}}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	file := filepath.Join(t.TempDir(), "s.json")
	mustCall(t, "--db", path, "bundle", "export", itoa(id), file)
	said(t, 0, "cảnh báo: "+file+`: ý kiến 2: repeat_of "GONE-1" không có trong kho kiến nghị`,
		"warning: "+file+`: remark 2: repeat_of "GONE-1" is not in the archive`, "--db", tempDB(t), "bundle", "import", file)
	said(t, 2, "cách dùng: txct bundle export", "usage: txct bundle export", "--db", path, "bundle", "import")
}

// The other commands' own errors speak the UI language too, and still name
// the file (or stdin line) they are about.
func TestCommandErrorsInBothLanguages(t *testing.T) {
	path := tempDB(t)
	withSession(t, path, "2026-11-20")
	dir := t.TempDir()
	csv := filepath.Join(dir, "a.csv")
	if err := os.WriteFile(csv, []byte("id,text\nA1,Sửa cầu\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	db := []string{"--db", path}
	said(t, 1, path+" đã có hội nghị hoặc kiến nghị: nạp dữ liệu mẫu bên cạnh bằng --yes", path+" holds sessions or archive petitions: add the demo beside them with --yes",
		append(db, "demo")...)
	said(t, 1, dir+"/x.txt: hãy ghi .xlsx (bảng theo dõi) hoặc .jsonl", dir+"/x.txt: write .xlsx (tracking sheet) or .jsonl",
		append(db, "archive", "export", dir+"/x.txt")...)
	said(t, 1, csv+": --dry-run chỉ dùng cho báo cáo", csv+": --dry-run is for reports", append(db, "import", "--dry-run", csv)...)
	said(t, 1, "1 trên 1 tệp bị từ chối", "1 of 1 files refused", append(db, "import", "--dry-run", csv)...)
	said(t, 1, `(không nhập gì)`, `(nothing was imported)`, append(db, "answers", "import", dir+"/missing.csv")...)
	for _, c := range []struct{ lang, want string }{{"vi", `stdin:1: không có trường "text"`}, {"en", `stdin:1: no "text" field`}} {
		if code, _, errs := call(t, `{"txt":"x"}`+"\n", "--db", path, "--lang", c.lang, "check", "--jsonl"); code != 1 || !strings.Contains(errs, c.want) {
			t.Errorf("check --jsonl in %s: %d %q", c.lang, code, errs)
		}
	}
}

// Help lists every command and flag in the UI language, wherever --lang
// stands, and a bad flag is said once, in that language.
func TestHelpAndFlagErrorsInBothLanguages(t *testing.T) {
	for _, lang := range []string{"vi", "en"} {
		tx := base.Text{Lang: base.ParseLang(lang)}
		code, out, _ := call(t, "", "help", "--lang", lang)
		if code != 0 || strings.Contains(out, "⟨") || !strings.Contains(out, tx.S("cli.help.global")) {
			t.Errorf("help in %s: %d %q", lang, code, out)
		}
		for _, c := range commands {
			if !strings.Contains(out, c.name+strings.Repeat(" ", 10-len(c.name))+tx.S("cli.cmd."+c.name)) {
				t.Errorf("help in %s lacks the summary of %s", lang, c.name)
			}
			code, _, errs := call(t, "", c.name, "-h", "--lang", lang)
			if code != 0 || strings.Contains(errs, "⟨") || !strings.Contains(errs, tx.F("cli.help.flagsof", "txct "+c.name)) ||
				!strings.Contains(errs, tx.S("cli.f.lang")) {
				t.Errorf("txct %s -h in %s: %d %q", c.name, lang, code, errs)
			}
		}
	}
	said(t, 2, "không có cờ -xml", "flag provided but not defined: -xml", "sessions", "--xml")
	said(t, 2, `giá trị "maybe" không hợp lệ cho cờ -json`, `invalid value "maybe" for flag -json`, "sessions", "--json=maybe")
	// The flag package's own English line is not printed beside ours.
	if _, _, errs := call(t, "", "sessions", "--xml"); strings.Contains(errs, "not defined") {
		t.Errorf("the English line of the flag package shows: %q", errs)
	}
}

// A database that is not there, not txct's or damaged is named in the UI
// language, with the command that restores a backup where that helps.
func TestOpenErrorsInBothLanguages(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "none.db")
	said(t, 1, missing+": không có cơ sở dữ liệu ở đây", missing+": no database here", "--db", missing, "sessions")
	foreign := filepath.Join(dir, "foreign.db")
	if err := os.WriteFile(foreign, []byte("not a database at all"), 0o600); err != nil {
		t.Fatal(err)
	}
	said(t, 1, foreign+": không phải cơ sở dữ liệu txct. Tệp được để nguyên.", foreign+": not a txct database. The file is left as it is.", "--db", foreign, "sessions")
	path := tempDB(t)
	withSession(t, path, "2026-11-20")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data[:len(data)/3], 0o600); err != nil {
		t.Fatal(err)
	}
	restore := store.Command("--db", path, "restore", "FILE")
	said(t, 1, path+": cơ sở dữ liệu bị hỏng", path+": the database is damaged", "--db", path, "sessions")
	said(t, 1, "không tìm thấy bản sao lưu tự động; nếu có bản chép, chạy: "+restore, "no automatic backup was found; if you have a copy, run: "+restore, "--db", path, "sessions")
}

// What a file reader finds wrong is said in the UI language after the
// file and its position: a CSV cell, a JSONL value, a bundle's JSON path.
func TestReaderErrorsInBothLanguages(t *testing.T) {
	path := tempDB(t)
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	db := []string{"--db", path}
	csv := write("a.csv", "Mã,Nội dung\nA1,\n")
	said(t, 1, `txct: a.csv:2: cột "Nội dung": nội dung trống`, `txct: a.csv:2: column "Nội dung": text is empty`, append(db, "import", csv)...)
	jsonl := write("b.jsonl", `{"text":"Sửa cầu","raised_at":"2026-13-01"}`+"\n")
	said(t, 1, `b.jsonl:1: raised_at: ngày "2026-13-01" không theo dạng YYYY-MM-DD`, `b.jsonl:1: raised_at: date "2026-13-01" is not YYYY-MM-DD`, append(db, "import", jsonl)...)
	bundle := write("c.json", `{"format":"x"}`)
	said(t, 1, `c.json: format: cần "txct-session/1", nhưng gặp "x"`, `c.json: format: want "txct-session/1", got "x"`, append(db, "bundle", "import", bundle)...)
}

package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"txct/store"
	"txct/store/model"
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
	code, out, _ = call(t, "", "sessions", "--db", path)
	if code != 0 || !strings.Contains(out, "overdue by 7 days") || !strings.Contains(out, "3 days left") {
		t.Errorf("table output: %d %q", code, out)
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
	for _, args := range [][]string{{"sessions"}, {"check"}, {"verify"}, {"backup", filepath.Join(t.TempDir(), "b.db")}, {"demo"}} {
		start := time.Now()
		code, _, errs := call(t, "", append([]string{"--db", path}, args...)...)
		if code == 0 || !strings.Contains(errs, path) || !strings.Contains(errs, "another txct has it open") {
			t.Errorf("%v while locked: exit %d, %q", args, code, errs)
		}
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("%v took %v", args, d)
		}
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
	if fi, err := os.Stat(bk); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("backup file: %v %v", fi, err)
	}
	os.WriteFile(path, []byte("garbage"), 0o600)
	code, out, errs := call(t, "", "--db", path, "restore", bk)
	if code != 0 || !strings.Contains(out, "replaced-") {
		t.Fatalf("restore: %d %q %q", code, out, errs)
	}
	if code, out, _ := call(t, "", "--db", path, "verify"); code != 0 || !strings.Contains(out, "ok") {
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
	if code, _, errs := call(t, "", "frobnicate"); code == 0 || !strings.Contains(errs, "unknown command") {
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
	if code != 0 || !strings.Contains(out, "5 working days") {
		t.Fatalf("%d %q %q", code, out, errs)
	}
	_, out, _ = call(t, "", "--db", path, "sessions", "--json")
	if !strings.Contains(out, `"due": "2026-11-30"`) {
		t.Errorf("due date with working days: %s", out)
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
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

//go:build windows

package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/sys/windows"
)

// hold opens path the way Word opens a document: other programs may read
// it, but not delete or rename over it.
func hold(t *testing.T, path string) {
	t.Helper()
	p, err := windows.UTF16PtrFromString(path)
	if err != nil {
		t.Fatal(err)
	}
	h, err := windows.CreateFile(p, windows.GENERIC_READ, windows.FILE_SHARE_READ, nil, windows.OPEN_EXISTING, windows.FILE_ATTRIBUTE_NORMAL, 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { windows.CloseHandle(h) })
}

// export --force over a document open in Word tells the clerk to close it
// there, in Vietnamese by default.
func TestExportForceWhileOpenInWord(t *testing.T) {
	path := tempDB(t)
	withSession(t, path, "2026-11-20")
	out := t.TempDir()
	if code, _, errs := call(t, "", "--db", path, "export", "latest", "--out", out, "--format", "docx"); code != 0 {
		t.Fatal(errs)
	}
	docs, _ := filepath.Glob(filepath.Join(out, "bien-ban-*.docx"))
	if len(docs) != 1 {
		t.Fatalf("documents: %v", docs)
	}
	hold(t, docs[0])
	code, _, errs := call(t, "", "--db", path, "export", "latest", "--out", out, "--format", "docx", "--force")
	if code == 0 || !strings.Contains(errs, docs[0]) || !strings.Contains(errs, "đóng tệp trong Word") {
		t.Fatalf("exit %d: %q", code, errs)
	}
}

// restore works on a healthy database on Windows (it used to hold the file
// open itself while renaming over it).
func TestRestoreOnWindows(t *testing.T) {
	path := tempDB(t)
	withSession(t, path, "2026-11-20")
	bk := filepath.Join(t.TempDir(), "copy.db")
	if code, _, errs := call(t, "", "--db", path, "backup", bk); code != 0 {
		t.Fatal(errs)
	}
	code, out, errs := call(t, "", "--db", path, "restore", bk)
	if code != 0 || !strings.Contains(out, "replaced-") {
		t.Fatalf("restore: %d %q %q", code, out, errs)
	}
	if _, err := os.Stat(path + ".restoring"); err == nil {
		t.Error("temporary file left behind")
	}
}

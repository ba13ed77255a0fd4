//go:build windows

package safefile

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/sys/windows"
)

// A file txct creates grants access to the current user only and does not
// inherit the folder's access list (which let every local user read it).
func TestPrivateACL(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "a")
	if err := MkdirAll(dir); err != nil {
		t.Fatal(err)
	}
	f, err := CreateTemp(dir, "x-*")
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	for _, p := range []string{dir, f.Name()} {
		if err := CheckPrivate(p); err != nil {
			t.Error(err)
		}
	}
	plain := filepath.Join(dir, "plain")
	os.WriteFile(plain, nil, 0o600)
	if err := CheckPrivate(plain); err == nil {
		t.Error("CheckPrivate passes a file with the folder's inherited access list")
	}
}

// Word opens a document without sharing delete, which is what stops a
// rename over it. Replace retries, then names the file and the program.
func TestReplaceHeldFile(t *testing.T) {
	dir := t.TempDir()
	dst := filepath.Join(dir, "bien-ban.docx")
	if err := os.WriteFile(dst, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	p, _ := windows.UTF16PtrFromString(dst)
	h, err := windows.CreateFile(p, windows.GENERIC_READ, windows.FILE_SHARE_READ, nil, windows.OPEN_EXISTING, windows.FILE_ATTRIBUTE_NORMAL, 0)
	if err != nil {
		t.Fatal(err)
	}
	tmp := filepath.Join(dir, "tmp")
	if err := os.WriteFile(tmp, []byte("new"), 0o600); err != nil {
		t.Fatal(err)
	}
	err = Replace(tmp, dst)
	var ie *InUseError
	if !errors.As(err, &ie) || ie.Path != dst || ie.Program() != "Word" {
		t.Fatalf("replace over a held file: %v", err)
	}
	windows.CloseHandle(h)
	if err := Replace(tmp, dst); err != nil {
		t.Fatalf("after the file was closed: %v", err)
	}
	if b, _ := os.ReadFile(dst); string(b) != "new" {
		t.Errorf("content %q", b)
	}
}

//go:build windows

package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"golang.org/x/sys/windows"

	"txct/store/safefile"
)

// A database with the read-only attribute (as a file copied from a CD or a
// write-protected USB stick) is refused for writing, left as it was, and
// still opens for reading.
func TestOpenReadOnlyAttribute(t *testing.T) {
	path := filepath.Join(t.TempDir(), "txct.db")
	before := makeDB(t, path)
	p, _ := windows.UTF16PtrFromString(path)
	if err := windows.SetFileAttributes(p, windows.FILE_ATTRIBUTE_READONLY); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { windows.SetFileAttributes(p, windows.FILE_ATTRIBUTE_NORMAL) })
	refusedButReadable(t, path, before, ErrReadOnlyFile)
}

// A database another program keeps open without sharing (a backup or sync
// tool) is waited for about two seconds, then reported as held, naming the
// file, and left as it was.
func TestOpenHeldDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "txct.db")
	before := makeDB(t, path)
	p, _ := windows.UTF16PtrFromString(path)
	h, err := windows.CreateFile(p, windows.GENERIC_READ, 0, nil, windows.OPEN_EXISTING, windows.FILE_ATTRIBUTE_NORMAL, 0)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Open(path, Options{})
	windows.CloseHandle(h)
	var ie *safefile.InUseError
	if !errors.As(err, &ie) || !ie.Open || ie.Path != path {
		t.Fatalf("open while held: %v", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("the held file changed")
	}
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatalf("after the program let go: %v", err)
	}
	s.Close()

	// A program that lets go within a moment (a scan) is waited for.
	h, err = windows.CreateFile(p, windows.GENERIC_READ, 0, nil, windows.OPEN_EXISTING, windows.FILE_ATTRIBUTE_NORMAL, 0)
	if err != nil {
		t.Fatal(err)
	}
	timer := time.AfterFunc(300*time.Millisecond, func() { windows.CloseHandle(h) })
	defer timer.Stop()
	s, err = Open(path, Options{})
	if err != nil {
		t.Fatalf("open while held for 300 ms: %v", err)
	}
	s.Close()
}

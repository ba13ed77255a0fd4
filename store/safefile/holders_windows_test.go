//go:build windows

package safefile

import (
	"os"
	"path/filepath"
	"testing"
	"unsafe"

	"golang.org/x/sys/windows"
)

// underWine reports whether the test runs under Wine, whose Restart Manager
// is a stub that never lists a program.
func underWine() bool {
	return windows.NewLazySystemDLL("ntdll.dll").NewProc("wine_get_version").Find() == nil
}

// Restart Manager lists this test's own process as holding a file it keeps
// open; holders leaves txct itself out, so the message falls back to the
// program guessed from the extension.
func TestRestartManagerListsHolder(t *testing.T) {
	// RM_PROCESS_INFO is 668 bytes: 12 for the process, 256 and 64
	// UTF-16 characters of names, four 4-byte fields.
	if n := unsafe.Sizeof(rmProcessInfo{}); n != 668 {
		t.Fatalf("rmProcessInfo is %d bytes, RM_PROCESS_INFO 668", n)
	}
	path := filepath.Join(t.TempDir(), "bien-ban.docx")
	if err := os.WriteFile(path, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	p, _ := windows.UTF16PtrFromString(path)
	h, err := windows.CreateFile(p, windows.GENERIC_READ, windows.FILE_SHARE_READ, nil, windows.OPEN_EXISTING, windows.FILE_ATTRIBUTE_NORMAL, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer windows.CloseHandle(h)
	list, err := rmHolders(path)
	if underWine() {
		t.Logf("under Wine Restart Manager gives %v, %v; the extension guess stands in", list, err)
	} else {
		if err != nil {
			t.Fatalf("Restart Manager: %v", err)
		}
		found := false
		for _, hi := range list {
			found = found || (hi.pid == uint32(os.Getpid()) && hi.name != "")
		}
		if !found {
			t.Fatalf("this process (%d) is not among the holders %+v", os.Getpid(), list)
		}
	}
	if got := holders(path); len(got) != 0 {
		t.Errorf("holders names txct itself: %v", got)
	}
	if got := (&InUseError{Path: path, Holders: holders(path)}).Program(); got != "Word" {
		t.Errorf("program %q, want the guess Word", got)
	}
}

// UNC names are network paths; local drives and device paths are not.
func TestOnNetworkUNC(t *testing.T) {
	for path, want := range map[string]bool{
		`\\may-chu\chung\txct.db`:         true,
		`//may-chu/chung/txct.db`:         true,
		`\\?\UNC\may-chu\chung\txct.db`:   true,
		`\\?\C:\Dữ liệu TXCT\txct.db`:     false,
		`\\.\PhysicalDrive0`:              false,
		os.Getenv("SystemRoot") + `\x.db`: false,
	} {
		if got := OnNetwork(path); got != want {
			t.Errorf("OnNetwork(%q) = %v, want %v", path, got, want)
		}
	}
}

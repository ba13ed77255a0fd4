//go:build windows

package safefile

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/sys/windows"
)

// openFolder makes a folder whose access list lets every user read what is
// made in it, as C:\out under C:\ does on a stock Windows (Users may read).
func openFolder(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "out")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	everyone, err := windows.CreateWellKnownSid(windows.WinWorldSid)
	if err != nil {
		t.Fatal(err)
	}
	user, err := windows.GetCurrentProcessToken().GetTokenUser()
	if err != nil {
		t.Fatal(err)
	}
	entry := func(sid *windows.SID, perm windows.ACCESS_MASK) windows.EXPLICIT_ACCESS {
		return windows.EXPLICIT_ACCESS{AccessPermissions: perm, AccessMode: windows.GRANT_ACCESS,
			Inheritance: windows.SUB_CONTAINERS_AND_OBJECTS_INHERIT,
			Trustee: windows.TRUSTEE{TrusteeForm: windows.TRUSTEE_IS_SID, TrusteeType: windows.TRUSTEE_IS_WELL_KNOWN_GROUP,
				TrusteeValue: windows.TrusteeValueFromSID(sid)}}
	}
	acl, err := windows.ACLFromEntries([]windows.EXPLICIT_ACCESS{entry(user.User.Sid, windows.GENERIC_ALL), entry(everyone, windows.GENERIC_READ)}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := windows.SetNamedSecurityInfo(dir, windows.SE_FILE_OBJECT,
		windows.DACL_SECURITY_INFORMATION|windows.PROTECTED_DACL_SECURITY_INFORMATION, nil, nil, acl, nil); err != nil {
		t.Fatal(err)
	}
	return dir
}

// A file or folder txct makes in a folder every user may read grants access
// to the current user only and does not inherit the folder's access list;
// a file made the plain way there is readable by everyone, and CheckPrivate
// says so.
func TestPrivateACL(t *testing.T) {
	out := openFolder(t)
	plain := filepath.Join(out, "plain.docx")
	if err := os.WriteFile(plain, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := CheckPrivate(plain); err == nil {
		t.Fatal("CheckPrivate passes a file that inherits Everyone's read access")
	}
	dir := filepath.Join(out, "a")
	if err := MkdirAll(dir); err != nil {
		t.Fatal(err)
	}
	f, err := CreateTemp(out, "x-*")
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	inner, err := CreateTemp(dir, "y-*")
	if err != nil {
		t.Fatal(err)
	}
	inner.Close()
	for _, p := range []string{dir, f.Name(), inner.Name()} {
		if err := CheckPrivate(p); err != nil {
			t.Error(err)
		}
	}
	if err := WriteFile(plain, []byte("x")); err != nil {
		t.Fatal(err)
	}
	if err := CheckPrivate(plain); err != nil {
		t.Errorf("replaced by WriteFile: %v", err)
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

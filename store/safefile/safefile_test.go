package safefile

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestReplaceAndCopy(t *testing.T) {
	dir := t.TempDir()
	dst := filepath.Join(dir, "doc.docx")
	if err := os.WriteFile(dst, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(dir, "src")
	if err := os.WriteFile(src, []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Copy(src, dst); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(dst); string(b) != "new" {
		t.Errorf("after Copy: %q", b)
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 2 {
		t.Errorf("temporary files left: %v", ents)
	}
}

func TestInUseErrorNamesProgram(t *testing.T) {
	for path, want := range map[string]string{`C:\out\bien-ban.docx`: "Word", "tong-hop.XLSX": "Excel", "txct.db": "", "a.md": ""} {
		if got := (&InUseError{Path: path}).Program(); got != want {
			t.Errorf("%s: %q, want %q", path, got, want)
		}
	}
	// What the system reports comes before the guess.
	e := &InUseError{Path: "bien-ban.docx", Holders: []string{"LibreOffice Writer", "Windows Explorer"}}
	if got := e.Program(); got != "LibreOffice Writer, Windows Explorer" {
		t.Errorf("with holders: %q", got)
	}
}

// The lock is the one bbolt takes: a second taker waits, then gets ErrLocked;
// once released, it is free again.
func TestLock(t *testing.T) {
	path := filepath.Join(t.TempDir(), "txct.db")
	if err := os.WriteFile(path, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	unlock, err := Lock(path, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Lock(path, 100*time.Millisecond); !errors.Is(err, ErrLocked) {
		t.Fatalf("second lock: %v", err)
	}
	unlock()
	unlock2, err := Lock(path, 100*time.Millisecond)
	if err != nil {
		t.Fatalf("after release: %v", err)
	}
	unlock2()
}

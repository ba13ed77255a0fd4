package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"txct/store/safefile"
)

// makeDB creates a database at path with one session and returns its bytes.
func makeDB(t *testing.T, path string) []byte {
	t.Helper()
	s, err := Open(path, Options{NoIndex: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateSession(sampleSession()); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// refusedButReadable checks that opening path for writing fails with want
// and names the file, that the file keeps its bytes, and that a read-only
// open still reads its one session.
func refusedButReadable(t *testing.T, path string, before []byte, want error) {
	t.Helper()
	s, err := Open(path, Options{})
	var oe *OpenError
	if !errors.Is(err, want) || !errors.As(err, &oe) || oe.Path != path {
		if err == nil {
			s.Close()
		}
		t.Fatalf("open for writing: %v, want %v", err, want)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("the refused file changed")
	}
	s, err = Open(path, Options{ReadOnly: true, NoIndex: true})
	if err != nil {
		t.Fatalf("read-only open: %v", err)
	}
	defer s.Close()
	if ss, err := s.Sessions(); err != nil || len(ss) != 1 {
		t.Errorf("sessions read: %v %v", ss, err)
	}
}

// A database on a network share is not opened for writing (a connection
// lost mid-session would lose typing and could damage it); commands that
// only read still work, and the file is left as it was.
func TestOpenOnNetworkDrive(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "txct.db")
	before := makeDB(t, path)
	onNetwork = func(p string) bool { return filepath.Dir(p) == dir }
	t.Cleanup(func() { onNetwork = safefile.OnNetwork })

	refusedButReadable(t, path, before, ErrNetwork)

	fresh := filepath.Join(dir, "new.db")
	if _, err := Open(fresh, Options{}); !errors.Is(err, ErrNetwork) {
		t.Fatalf("create on a share: %v", err)
	}
	if _, err := os.Stat(fresh); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a database was created on the share: %v", err)
	}
}

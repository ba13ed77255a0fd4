package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// backedUp makes a database with one session and a backup of it.
func backedUp(t *testing.T) (path, bk string) {
	t.Helper()
	s, path := openTemp(t)
	if _, err := s.CreateSession(sampleSession()); err != nil {
		t.Fatal(err)
	}
	bk = filepath.Join(t.TempDir(), "copy.db")
	if err := s.Backup(bk); err != nil {
		t.Fatal(err)
	}
	s.Close()
	return path, bk
}

// Restoring over a healthy database that nobody holds works and keeps the
// replaced file. On Windows this failed while restore itself held the file.
func TestRestoreOverHealthy(t *testing.T) {
	path, bk := backedUp(t)
	kept, err := Restore(path, bk, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if kept == "" {
		t.Fatal("no copy of the replaced file")
	}
	s, err := Open(path, Options{NoIndex: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Check(); err != nil {
		t.Error(err)
	}
	if _, err := os.Stat(path + ".restoring"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("temporary file left behind: %v", err)
	}
}

// Restoring onto a cut-short database never opens it: the copy kept is the
// damaged file byte for byte (bbolt faulted on it, and on Windows grew it).
func TestRestoreOverCutShort(t *testing.T) {
	path, bk := backedUp(t)
	full, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	cut := full[:len(full)*2/3]
	if err := os.WriteFile(path, cut, 0o600); err != nil {
		t.Fatal(err)
	}
	kept, err := Restore(path, bk, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(kept)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, cut) {
		t.Errorf("the damaged file changed before it was replaced: %d bytes, was %d", len(got), len(cut))
	}
	s, err := Open(path, Options{NoIndex: true})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
}

// A database another txct has open is not replaced, and the message says so.
func TestRestoreWhileOpen(t *testing.T) {
	path, bk := backedUp(t)
	s, err := Open(path, Options{NoIndex: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	before, _ := os.ReadFile(path)
	_, err = Restore(path, bk, time.Now())
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), path) {
		t.Fatalf("restore over an open database: %v", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("the open database was changed")
	}
}

func TestCommandQuoting(t *testing.T) {
	tests := []struct {
		goos string
		args []string
		want string
	}{
		{"windows", []string{"--db", `C:\Dữ liệu TXCT\txct.db`, "restore", `C:\b\txct-1.db`}, `txct --db "C:\Dữ liệu TXCT\txct.db" restore C:\b\txct-1.db`},
		{"linux", []string{"--db", "/home/an/Dữ liệu/txct.db", "restore", "/b/txct-1.db"}, `txct --db '/home/an/Dữ liệu/txct.db' restore /b/txct-1.db`},
		{"linux", []string{"restore", "/b/it's.db"}, `txct restore '/b/it'\''s.db'`},
		{"darwin", []string{"restore", `a\b`}, `txct restore 'a\b'`},
		{"linux", []string{"restore", ""}, `txct restore ''`},
	}
	for _, tt := range tests {
		if got := commandFor(tt.goos, tt.args...); got != tt.want {
			t.Errorf("%s %q: got %s, want %s", tt.goos, tt.args, got, tt.want)
		}
	}
}

// Leaving the app right after a backup does not make another.
func TestCloseBackupSkipsRecent(t *testing.T) {
	s, _ := openTemp(t)
	now := time.Now()
	first, err := s.CloseBackup(now)
	if err != nil || first == "" {
		t.Fatalf("first close backup: %q %v", first, err)
	}
	if again, err := s.CloseBackup(now.Add(time.Minute)); err != nil || again != "" {
		t.Fatalf("a minute later: %q %v, want skipped", again, err)
	}
	old := now.Add(-RecentBackup - time.Minute)
	if err := os.Chtimes(first, old, old); err != nil {
		t.Fatal(err)
	}
	if later, err := s.CloseBackup(now.Add(time.Second)); err != nil || later == "" {
		t.Fatalf("after the recent one aged: %q %v", later, err)
	}
}

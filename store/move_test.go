package store

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestMoveDataDir(t *testing.T) {
	root := t.TempDir()
	oldDir := filepath.Join(root, ".local", "share", "txct")
	newDir := filepath.Join(root, "AppData", "Local", "txct")
	s, err := Open(filepath.Join(oldDir, "txct.db"), Options{NoIndex: true})
	if err != nil {
		t.Fatal(err)
	}
	sess, err := s.CreateSession(sampleSession())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AutoBackup("close", time.Now()); err != nil {
		t.Fatal(err)
	}
	// While the old txct has it open, nothing moves.
	if from, _, err := moveDataDir(oldDir, newDir); err == nil || from != "" {
		t.Fatalf("moved an open database: %q %v", from, err)
	}
	s.Close()
	from, to, err := moveDataDir(oldDir, newDir)
	if err != nil || from != oldDir || to != newDir {
		t.Fatalf("move: %q %q %v", from, to, err)
	}
	s2, err := Open(filepath.Join(newDir, "txct.db"), Options{NoIndex: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if _, err := s2.Session(sess.ID); err != nil {
		t.Errorf("session after the move: %v", err)
	}
	if len(Backups(filepath.Join(newDir, "backups"))) != 1 {
		t.Error("the backups did not move with the database")
	}
	if _, err := os.Stat(filepath.Join(oldDir, "txct.db")); !os.IsNotExist(err) {
		t.Errorf("the old database is still there: %v", err)
	}
	// Once moved, never again, even if an old file comes back.
	os.MkdirAll(oldDir, 0o700)
	os.WriteFile(filepath.Join(oldDir, "txct.db"), []byte("x"), 0o600)
	if from, _, err := moveDataDir(oldDir, newDir); from != "" || err != nil {
		t.Errorf("second move: %q %v", from, err)
	}
}

// A folder already made at the new place (empty) gets the files one by one.
func TestMoveDataDirIntoExistingFolder(t *testing.T) {
	root := t.TempDir()
	oldDir, newDir := filepath.Join(root, "old"), filepath.Join(root, "new")
	s, err := Open(filepath.Join(oldDir, "txct.db"), Options{NoIndex: true})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	os.MkdirAll(filepath.Join(newDir, "other"), 0o700)
	if from, _, err := moveDataDir(oldDir, newDir); err != nil || from != oldDir {
		t.Fatalf("move: %q %v", from, err)
	}
	if _, err := os.Stat(filepath.Join(newDir, "txct.db")); err != nil {
		t.Error(err)
	}
}

//go:build unix

package safefile

import (
	"os"
	"path/filepath"
	"testing"
)

func TestPrivateModes(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "a", "b")
	if err := MkdirAll(dir); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(dir); fi.Mode().Perm() != 0o700 {
		t.Errorf("folder mode %v", fi.Mode().Perm())
	}
	f, err := CreateTemp(dir, "x-*")
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	if err := CheckPrivate(f.Name()); err != nil {
		t.Error(err)
	}
	plain := filepath.Join(dir, "plain")
	os.WriteFile(plain, nil, 0o644)
	if err := CheckPrivate(plain); err == nil {
		t.Error("CheckPrivate passes mode 0644")
	}
}

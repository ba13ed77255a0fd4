//go:build linux

package store

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/sys/unix"
)

// readOnlyDir returns a folder holding a copy of what fill wrote, where
// nothing can be written: a read-only bind mount when the tests run as root
// (modes do not stop root), else a folder and files without write permission.
func readOnlyDir(t *testing.T, fill func(dir string)) string {
	t.Helper()
	src := t.TempDir()
	fill(src)
	if os.Geteuid() != 0 {
		filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				os.Chmod(p, 0o400)
			}
			return nil
		})
		os.Chmod(src, 0o500)
		t.Cleanup(func() { os.Chmod(src, 0o700) })
		return src
	}
	ro := t.TempDir()
	if err := unix.Mount(src, ro, "", unix.MS_BIND, ""); err != nil {
		t.Skipf("as root without a read-only mount (%v), no folder here refuses writes", err)
	}
	t.Cleanup(func() { unix.Unmount(ro, unix.MNT_DETACH) })
	if err := unix.Mount("", ro, "", unix.MS_REMOUNT|unix.MS_BIND|unix.MS_RDONLY, ""); err != nil {
		t.Skipf("cannot remount read-only: %v", err)
	}
	if err := os.WriteFile(filepath.Join(ro, "probe"), nil, 0o600); err == nil {
		t.Fatal("the read-only folder takes writes")
	}
	return ro
}

// A database on a read-only drive (or in a read-only folder, or a file
// without write permission) is refused for writing with ErrReadOnlyFile,
// before anything is written; read-only commands still open it.
func TestOpenReadOnlyDrive(t *testing.T) {
	var before []byte
	dir := readOnlyDir(t, func(dir string) { before = makeDB(t, filepath.Join(dir, "txct.db")) })
	path := filepath.Join(dir, "txct.db")

	refusedButReadable(t, path, before, ErrReadOnlyFile)

	if _, err := Open(filepath.Join(dir, "new.db"), Options{}); !errors.Is(err, ErrReadOnlyFile) {
		t.Errorf("create in a read-only folder: %v", err)
	}
	if _, err := Open(filepath.Join(dir, "sub", "txct.db"), Options{}); !errors.Is(err, ErrReadOnlyFile) {
		t.Errorf("create under a read-only folder: %v", err)
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 1 {
		t.Errorf("files left in the read-only folder: %v", ents)
	}
}

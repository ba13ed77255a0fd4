//go:build linux || darwin

package safefile

import (
	"errors"
	"os"
	"path/filepath"

	"golang.org/x/sys/unix"
)

// OnNetwork reports whether path (or, when it does not exist yet, the
// nearest folder above it that does) is on a network file system.
func OnNetwork(path string) bool {
	p, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	for {
		var st unix.Statfs_t
		err := unix.Statfs(p, &st)
		if err == nil {
			return remoteFS(&st)
		}
		parent := filepath.Dir(p)
		if !errors.Is(err, os.ErrNotExist) || parent == p {
			return false
		}
		p = parent
	}
}

// IsReadOnly reports whether err is the system refusing to write: a
// read-only file system, or a file or folder this user may not write.
func IsReadOnly(err error) bool {
	return errors.Is(err, unix.EROFS) || errors.Is(err, unix.EACCES) || errors.Is(err, unix.EPERM)
}

// IsHeld is false on Unix: no program can keep another from opening a file
// (bbolt's own lock is reported as ErrLocked).
func IsHeld(error) bool { return false }

package store

import (
	"errors"
	"os"
	"path/filepath"

	"txct/store/safefile"
	"txct/store/userdirs"
)

// MoveToDataDir moves a database left in the folder txct used before it
// followed each system's rules (~/.local/share/txct on every system) to the
// system's data folder, once: only when the new place has no database yet.
// It returns the old and new folders when it moved something, and "" when
// there was nothing to move.
func MoveToDataDir() (from, to string, err error) {
	return moveDataDir(userdirs.LegacyDataDir(), userdirs.DataDir())
}

func moveDataDir(oldDir, newDir string) (string, string, error) {
	if filepath.Clean(oldDir) == filepath.Clean(newDir) {
		return "", "", nil
	}
	oldDB, newDB := filepath.Join(oldDir, "txct.db"), filepath.Join(newDir, "txct.db")
	if _, err := os.Stat(newDB); !errors.Is(err, os.ErrNotExist) {
		return "", "", nil
	}
	if _, err := os.Stat(oldDB); err != nil {
		return "", "", nil
	}
	// An older txct still running on the old file keeps it where it is.
	unlock, err := safefile.Lock(oldDB, DefaultLockTimeout)
	if errors.Is(err, safefile.ErrLocked) {
		return "", "", &OpenError{Path: oldDB, Err: ErrLocked}
	} else if err != nil {
		return "", "", &OpenError{Path: oldDB, Err: err}
	}
	unlock() // Windows renames no folder with an open file in it
	if err := safefile.MkdirAll(filepath.Dir(newDir)); err != nil {
		return "", "", err
	}
	// The whole folder goes, backups with it. A folder already there (empty,
	// or on another drive) gets the files one by one.
	if err := os.Rename(oldDir, newDir); err == nil {
		return oldDir, newDir, nil
	}
	if err := safefile.MkdirAll(newDir); err != nil {
		return "", "", err
	}
	if err := moveFile(oldDB, newDB); err != nil {
		return "", "", err
	}
	oldBk, newBk := filepath.Join(oldDir, "backups"), filepath.Join(newDir, "backups")
	if bs := Backups(oldBk); len(bs) > 0 {
		if err := safefile.MkdirAll(newBk); err != nil {
			return oldDir, newDir, err
		}
		for _, b := range bs {
			if err := moveFile(b, filepath.Join(newBk, filepath.Base(b))); err != nil {
				return oldDir, newDir, err
			}
		}
	}
	return oldDir, newDir, nil
}

// moveFile renames src to dst, or copies it and removes src when they are
// on different drives.
func moveFile(src, dst string) error {
	if err := os.Rename(src, dst); err == nil {
		return nil
	}
	if err := safefile.Copy(src, dst); err != nil {
		return err
	}
	return os.Remove(src)
}

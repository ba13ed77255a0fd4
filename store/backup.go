package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"txct/store/safefile"
)

// KeepBackups is how many automatic backups are kept; older ones are deleted.
const KeepBackups = 10

// BackupDir is where automatic backups of the store go.
func (s *Store) BackupDir() string { return backupDir(s.path, s.opts.BackupDir) }

func backupDir(path, dir string) string {
	if dir != "" {
		return dir
	}
	return filepath.Join(filepath.Dir(path), "backups")
}

// Backup writes a consistent copy of the database to dst through a bbolt
// read transaction (a hot copy: the TUI keeps working). The copy is written to
// a temporary file, synced and renamed, with mode 0600.
func (s *Store) Backup(dst string) error {
	if s.autosave != nil {
		if err := s.autosave.Flush(); err != nil {
			return err
		}
	}
	dir := filepath.Dir(dst)
	tmp, err := safefile.CreateTemp(dir, ".txct-backup-*")
	if err != nil {
		return fmt.Errorf("backup: cannot write in %s: %w", dir, err)
	}
	defer os.Remove(tmp.Name())
	err = s.view(func(tx *bolt.Tx) error {
		_, err := tx.WriteTo(tmp)
		return err
	})
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("backup to %s: %w", dst, err)
	}
	if err := safefile.Replace(tmp.Name(), dst); err != nil {
		return fmt.Errorf("backup to %s: %w", dst, err)
	}
	return syncDir(dir)
}

// AutoBackup writes a rotating backup into BackupDir and keeps the newest
// KeepBackups. reason goes into the file name ("close", "export", "daily").
func (s *Store) AutoBackup(reason string, now time.Time) (string, error) {
	dir := s.BackupDir()
	if err := safefile.MkdirAll(dir); err != nil {
		return "", fmt.Errorf("backup folder %s: %w", dir, err)
	}
	name := filepath.Join(dir, fmt.Sprintf("txct-%s-%s.db", now.Format("20060102-150405.000"), reason))
	if err := s.Backup(name); err != nil {
		return "", err
	}
	if err := s.update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketMeta).Put(keyBackupDay, []byte(now.Format(time.DateOnly)))
	}); err != nil {
		return name, err
	}
	return name, pruneBackups(dir, KeepBackups)
}

// RecentBackup is how old the newest automatic backup may be for the backup
// on leaving a session to be skipped: a secretary who opens and closes the
// app during a meeting does not wait for a copy of what was just copied.
const RecentBackup = 15 * time.Minute

// CloseBackup makes the backup for leaving the app after a session screen
// was used, unless an automatic backup is younger than RecentBackup. It
// returns "" when it skipped.
func (s *Store) CloseBackup(now time.Time) (string, error) {
	if bs := Backups(s.BackupDir()); len(bs) > 0 {
		if fi, err := os.Stat(bs[0]); err == nil && now.Sub(fi.ModTime()) < RecentBackup {
			return "", nil
		}
	}
	return s.AutoBackup("close", now)
}

// DailyBackup makes the once-a-day backup if none was made today.
func (s *Store) DailyBackup(now time.Time) (string, error) {
	var last string
	_ = s.view(func(tx *bolt.Tx) error {
		last = string(tx.Bucket(bucketMeta).Get(keyBackupDay))
		return nil
	})
	if last == now.Format(time.DateOnly) {
		return "", nil
	}
	return s.AutoBackup("daily", now)
}

// Backups lists the automatic backups in dir, newest first.
func Backups(dir string) []string {
	ents, _ := os.ReadDir(dir)
	var out []string
	for _, e := range ents {
		if !e.IsDir() && strings.HasPrefix(e.Name(), "txct-") && strings.HasSuffix(e.Name(), ".db") {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	slices.Sort(out)
	slices.Reverse(out)
	return out
}

func pruneBackups(dir string, keep int) error {
	all := Backups(dir)
	for i := keep; i < len(all); i++ {
		if err := os.Remove(all[i]); err != nil {
			return err
		}
	}
	return nil
}

// Restore replaces the database at path with the backup src, after checking
// that src is a readable txct database and that nobody has path open. The
// replaced file is kept beside it as path.replaced-<time>. It returns the name
// of that copy ("" when there was no file to replace).
//
// The file at path is never opened as a database: it may be the damaged file
// the user is restoring over, and bbolt would map (on Windows, grow) it. Its
// lock is taken as bbolt takes it, it is copied byte for byte, and the lock is
// let go before the backup's copy is renamed over it, since Windows refuses
// to replace a file that is open.
func Restore(path, src string, now time.Time) (string, error) {
	if err := inspect(src, DefaultLockTimeout); err != nil {
		return "", &OpenError{Path: src, Err: err}
	}
	tmp := path + ".restoring"
	if err := safefile.Copy(src, tmp); err != nil {
		return "", err
	}
	defer os.Remove(tmp)
	var kept string
	if _, err := os.Stat(path); err == nil {
		unlock, err := safefile.Lock(path, DefaultLockTimeout)
		if errors.Is(err, safefile.ErrLocked) {
			return "", &OpenError{Path: path, Err: ErrLocked}
		} else if err != nil {
			return "", &OpenError{Path: path, Err: err}
		}
		kept = fmt.Sprintf("%s.replaced-%s", path, now.Format("20060102-150405"))
		err = safefile.Copy(path, kept)
		unlock()
		if err != nil {
			return "", err
		}
	}
	if err := safefile.Replace(tmp, path); err != nil {
		return kept, err
	}
	return kept, syncDir(filepath.Dir(path))
}

// Package safefile writes files the way txct needs on every system: private
// to the user who runs txct (mode 0600 on Unix, an owner-only access list on
// Windows), replaced by rename so a kill never leaves half a file, and
// retried for a moment when Windows refuses to replace a file another program
// has open. It also takes the database's lock without opening the database,
// so a damaged file is never mapped or grown.
package safefile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// ErrLocked means another program (another txct) holds the file's lock.
var ErrLocked = errors.New("another txct has it open")

// InUseError is returned when a file could not be replaced because another
// program keeps it open (Windows refuses to rename over an open file).
type InUseError struct {
	Path string
	Err  error
	// Holders are the programs that have the file open, by the names
	// Windows shows (Restart Manager); empty when the system cannot tell.
	Holders []string
	// Open is set when the file could not even be opened (another program
	// keeps it without sharing), rather than replaced.
	Open bool
}

func (e *InUseError) Error() string {
	prog := e.Program()
	if prog == "" {
		prog = "the program that has it open"
	}
	return fmt.Sprintf("%s is open in another program: close it in %s and try again (%v)", e.Path, prog, e.Err)
}

// Holders names the programs other than txct that have path open, as the
// system reports them (Windows' Restart Manager); nil when it cannot tell.
func Holders(path string) []string { return holders(path) }

func (e *InUseError) Unwrap() error { return e.Err }

// Program names the program that holds the file: the ones Windows reports,
// else the likely one from the extension (Word for .docx, Excel for .xlsx);
// "" when it cannot tell (a database is held by a backup tool or an
// antivirus scan as often as not).
func (e *InUseError) Program() string {
	if len(e.Holders) > 0 {
		return strings.Join(e.Holders, ", ")
	}
	switch strings.ToLower(filepath.Ext(e.Path)) {
	case ".docx", ".doc":
		return "Word"
	case ".xlsx", ".xls":
		return "Excel"
	}
	return ""
}

// heldTries and heldWait bound the retry when a file is held: about two
// seconds in all, long enough for an antivirus scan or a backup tool to let
// go, short enough that the user is not left waiting.
const (
	heldTries = 20
	heldWait  = 100 * time.Millisecond
)

// retryHeld runs try until it succeeds, fails for another reason than held,
// or about two seconds have passed; it returns try's last error.
func retryHeld(try func() error, held func(error) bool) error {
	var err error
	for i := 0; i < heldTries; i++ {
		if err = try(); err == nil || !held(err) {
			return err
		}
		time.Sleep(heldWait)
	}
	return err
}

// Replace renames tmp to dst, replacing dst. When another program holds dst
// (Windows only), it retries for about two seconds, then returns an
// *InUseError naming dst. tmp is left for the caller to remove on error.
func Replace(tmp, dst string) error {
	err := retryHeld(func() error { return os.Rename(tmp, dst) }, inUse)
	if err != nil && inUse(err) {
		return &InUseError{Path: dst, Err: err, Holders: holders(dst)}
	}
	return err
}

// WaitOpenable waits, for about two seconds, while another program keeps
// path open without sharing it (Windows only), then returns an
// *InUseError with Open set if it still does. Any other outcome (the file
// opens, or is missing) is left to the caller's own open.
func WaitOpenable(path string) error {
	err := retryHeld(func() error {
		f, err := os.Open(path)
		if err == nil {
			f.Close()
		}
		return err
	}, IsHeld)
	if err != nil && IsHeld(err) {
		return &InUseError{Path: path, Err: err, Holders: holders(path), Open: true}
	}
	return nil
}

// CreateTemp creates a new temporary file in dir (see os.CreateTemp) that only
// the current user can read or write.
func CreateTemp(dir, pattern string) (*os.File, error) {
	f, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return nil, err
	}
	if err := Private(f.Name()); err != nil {
		f.Close()
		os.Remove(f.Name())
		return nil, err
	}
	return f, nil
}

// MkdirAll makes dir and its parents; a folder it makes is private to the user.
func MkdirAll(dir string) error {
	if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
		return nil
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	return Private(dir)
}

// Copy writes a private copy of src at dst (replacing dst) and syncs it. It
// only reads src: a damaged file is copied as it is, never opened for writing.
func Copy(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	return write(dst, in)
}

// WriteFile writes data to a private temporary file beside path, syncs it
// and renames it over path, so a kill never leaves half a file.
func WriteFile(path string, data []byte) error {
	return write(path, bytes.NewReader(data))
}

func write(path string, r io.Reader) error {
	tmp, err := WriteTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*", r)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	return Replace(tmp, path)
}

// WriteTemp writes r to a new private temporary file in dir (named as by
// os.CreateTemp), syncs it and returns its name. The caller renames or
// removes it.
func WriteTemp(dir, pattern string, r io.Reader) (string, error) {
	tmp, err := CreateTemp(dir, pattern)
	if err != nil {
		return "", fmt.Errorf("cannot write in %s: %w", dir, err)
	}
	_, err = io.Copy(tmp, r)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp.Name())
		return "", err
	}
	return tmp.Name(), nil
}

// Lock takes the lock bbolt takes on a database file, without opening the
// database, waiting at most timeout for another program to let go. It returns
// ErrLocked when the lock stays taken. The returned function releases it and
// closes the file.
func Lock(path string, timeout time.Duration) (unlock func(), err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	deadline := time.Now().Add(timeout)
	for {
		busy, err := tryLock(f)
		if err == nil {
			return func() { unlockFile(f); f.Close() }, nil
		}
		if !busy {
			f.Close()
			return nil, err
		}
		if time.Now().After(deadline) {
			f.Close()
			return nil, ErrLocked
		}
		time.Sleep(50 * time.Millisecond)
	}
}

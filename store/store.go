// Package store is txct's persistence: one bbolt file holding the sessions,
// their notes and remarks, the petition archive with its repeat index, and the
// names and places used before (for completion). It is the only package that
// imports bbolt. Every write goes through Store.update; autosaves from the TUI
// are batched by an Autosaver and reach the file within a second.
package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"txct/store/safefile"
	"txct/store/userdirs"
)

// Errors returned by Open and the accessors. Check them with errors.Is.
var (
	ErrLocked    = errors.New("another txct has it open")
	ErrNotTxct   = errors.New("not a txct database")
	ErrCorrupt   = errors.New("the database is damaged")
	ErrNewer     = errors.New("the database was written by a newer txct")
	ErrNotFound  = errors.New("not found")
	ErrReadOnly  = errors.New("opened read-only")
	ErrEmptyFile = errors.New("the file is empty")
	// ErrNoDatabase: a read-only command found no file at the path.
	ErrNoDatabase = errors.New("no database here")
	// ErrReadOnlyFile: the file cannot be written (a read-only drive or
	// folder, the read-only attribute, or no write permission). Open
	// reports it before anything is written.
	ErrReadOnlyFile = errors.New("the file cannot be written (read-only drive, folder or file)")
	// ErrNetwork: the file is on a network share. txct writes only to a
	// database on this computer: the connection dropping in the middle of a
	// session would lose what was typed and could damage the file.
	ErrNetwork = errors.New("the database is on a network drive")
)

// onNetwork tells whether a path is on a network share (a variable so tests
// can stand in for a share).
var onNetwork = safefile.OnNetwork

// DefaultLockTimeout is how long Open waits for another txct to let go of the
// file. A second txct on the same file must give up, naming it, within 2 s;
// this stays well under that.
const DefaultLockTimeout = 700 * time.Millisecond

// Options tune Open.
type Options struct {
	ReadOnly    bool
	LockTimeout time.Duration // 0 means DefaultLockTimeout
	// BackupDir is where automatic backups go; empty means "backups" beside the file.
	BackupDir string
	// NoIndex skips loading the repeat index (for commands that never match).
	NoIndex bool
	// Grow is about how many bytes an import about to run will add. The
	// file is mapped with that much room at open, so its one transaction
	// does not re-map the file as it grows, which copies every row it holds
	// each time.
	Grow int64
}

// Store is an open txct database.
type Store struct {
	db       *bolt.DB
	path     string
	opts     Options
	nextID   atomic.Uint64 // remark and session ids, allocated without a write
	index    *archiveIndex
	closed   atomic.Bool
	autosave *Autosaver

	changeMu sync.Mutex
	changed  chan struct{} // closed after each committed write, then replaced
}

// OpenError is what Open returns: it names the file and wraps the cause.
type OpenError struct {
	Path string
	Err  error
	// Restore is set when restoring a backup is the way out (a damaged
	// file, or one that looks foreign with backups beside it); Backup is
	// then the newest automatic backup, "" when none was found.
	Restore bool
	Backup  string
}

func (e *OpenError) Error() string {
	s := fmt.Sprintf("%s: %v", e.Path, e.Err)
	if !e.Restore {
		return s
	}
	if errors.Is(e.Err, ErrNotTxct) {
		s += "\nif this was a txct database and is damaged:"
	}
	if e.Backup == "" {
		return s + "\nno automatic backup was found; if you have a copy, run: " + e.RestoreCommand()
	}
	return s + fmt.Sprintf("\nthe newest automatic backup is %s\nto go back to it, run: %s", e.Backup, e.RestoreCommand())
}

// RestoreCommand is the command that restores the newest backup over the
// file, or a copy named FILE when there is none, quoted for the shell.
func (e *OpenError) RestoreCommand() string {
	b := e.Backup
	if b == "" {
		b = "FILE"
	}
	return Command("--db", e.Path, "restore", b)
}

func (e *OpenError) Unwrap() error { return e.Err }

// DefaultPath is $TXCT_DB, else txct.db in the system's data folder
// (userdirs.DataDir: %LOCALAPPDATA%\txct on Windows, ~/Library/Application
// Support/txct on macOS, $XDG_DATA_HOME/txct or ~/.local/share/txct elsewhere).
func DefaultPath() (string, error) {
	if p := os.Getenv("TXCT_DB"); p != "" {
		return p, nil
	}
	return filepath.Join(userdirs.DataDir(), "txct.db"), nil
}

// Open opens (creating if needed) the database at path. It never waits more
// than the lock timeout for another process, never modifies a file it does not
// recognise, and turns bbolt's panics on damaged pages into ErrCorrupt.
func Open(path string, opts Options) (*Store, error) {
	if opts.LockTimeout <= 0 {
		opts.LockTimeout = DefaultLockTimeout
	}
	fail := func(err error) (*Store, error) {
		switch {
		case safefile.IsHeld(err):
			err = &safefile.InUseError{Path: path, Err: err, Holders: safefile.Holders(path), Open: true}
		case !opts.ReadOnly && safefile.IsReadOnly(err):
			err = fmt.Errorf("%w: %w", ErrReadOnlyFile, err)
		}
		oe := &OpenError{Path: path, Err: err}
		if errors.Is(err, ErrCorrupt) || errors.Is(err, ErrNotTxct) {
			bs := Backups(backupDir(path, opts.BackupDir))
			// A txct file whose both meta pages are damaged looks foreign to
			// bbolt; with backups beside it, that is the likelier story.
			oe.Restore = errors.Is(err, ErrCorrupt) || len(bs) > 0
			if len(bs) > 0 {
				oe.Backup = bs[0]
			}
		}
		return nil, oe
	}
	if !opts.ReadOnly && onNetwork(path) {
		return fail(ErrNetwork)
	}
	// A backup or sync tool holding the file a moment is waited for.
	if err := safefile.WaitOpenable(path); err != nil {
		return nil, &OpenError{Path: path, Err: err}
	}
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		if opts.ReadOnly {
			return fail(ErrNoDatabase)
		}
		if err := create(path); err != nil {
			return fail(err)
		}
	case err != nil:
		return fail(err)
	case fi.IsDir():
		return fail(fmt.Errorf("is a directory"))
	case fi.Size() == 0:
		return fail(fmt.Errorf("%w: %w", ErrNotTxct, ErrEmptyFile))
	}
	// Look before writing: a read-only open checks magic and schema, so a file
	// that is not ours (or is damaged) is reported and left untouched.
	if err := precheck(path); err != nil {
		return fail(err)
	}
	if err := inspect(path, opts.LockTimeout); err != nil {
		return fail(err)
	}
	var mapSize int64
	if opts.Grow > 0 && !opts.ReadOnly {
		if fi, err := os.Stat(path); err == nil {
			mapSize = fi.Size() + opts.Grow
		}
	}
	db, err := openBolt(path, opts.ReadOnly, opts.LockTimeout, int(min(mapSize, maxMapHint)))
	if err != nil {
		return fail(err)
	}
	s := &Store{db: db, path: path, opts: opts}
	if err := s.loadCounters(); err != nil {
		db.Close()
		return fail(err)
	}
	if !opts.NoIndex {
		s.index = newArchiveIndex()
	}
	return s, nil
}

// maxMapHint bounds Options.Grow's mapping: on Windows the file is extended
// to the mapped size.
const maxMapHint = 1 << 30

// openBolt opens the bbolt file; mapSize, when not 0, is the size of the
// first mapping.
func openBolt(path string, readOnly bool, timeout time.Duration, mapSize int) (db *bolt.DB, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: %v", ErrCorrupt, r)
		}
	}()
	db, err = bolt.Open(path, 0o600, &bolt.Options{Timeout: timeout, ReadOnly: readOnly, InitialMmapSize: mapSize})
	if err == nil {
		return db, nil
	}
	switch {
	case errors.Is(err, berrors.ErrTimeout):
		return nil, ErrLocked
	case errors.Is(err, berrors.ErrInvalid), errors.Is(err, berrors.ErrVersionMismatch):
		return nil, ErrNotTxct
	case errors.Is(err, berrors.ErrChecksum), errors.Is(err, berrors.ErrInvalidMapping):
		return nil, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	return nil, err
}

// inspect opens the file read-only and checks that it is a txct database of a
// schema this build understands.
func inspect(path string, timeout time.Duration) error {
	if err := precheck(path); err != nil {
		return err
	}
	db, err := openBolt(path, true, timeout, 0)
	if err != nil {
		return err
	}
	defer db.Close()
	return guard(func() error {
		return db.View(func(tx *bolt.Tx) error {
			meta := tx.Bucket(bucketMeta)
			if meta == nil || string(meta.Get(keyMagic)) != Magic {
				return ErrNotTxct
			}
			v, err := strconv.Atoi(string(meta.Get(keySchema)))
			if err != nil {
				return fmt.Errorf("%w: schema version %q", ErrCorrupt, meta.Get(keySchema))
			}
			if v > SchemaVersion {
				return fmt.Errorf("%w (schema %d, this txct reads up to %d); update txct", ErrNewer, v, SchemaVersion)
			}
			for _, b := range allBuckets {
				if tx.Bucket(b) == nil {
					return fmt.Errorf("%w: bucket %s is missing", ErrCorrupt, b)
				}
			}
			return nil
		})
	})
}

// create makes a new database with the schema in a temporary file beside
// path and renames it into place, so a crash never leaves a half-made file.
func create(path string) error {
	dir := filepath.Dir(path)
	if err := safefile.MkdirAll(dir); err != nil {
		return fmt.Errorf("cannot create folder %s: %w", dir, err)
	}
	tmp, err := os.CreateTemp(dir, ".txct-new-*.db")
	if err != nil {
		return fmt.Errorf("cannot write in folder %s: %w", dir, err)
	}
	name := tmp.Name()
	tmp.Close()
	os.Remove(name) // bbolt creates it itself, with our mode
	defer os.Remove(name)
	db, err := bolt.Open(name, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		return err
	}
	err = db.Update(func(tx *bolt.Tx) error {
		for _, b := range allBuckets {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		meta := tx.Bucket(bucketMeta)
		if err := meta.Put(keyMagic, []byte(Magic)); err != nil {
			return err
		}
		if err := meta.Put(keySchema, []byte(strconv.Itoa(SchemaVersion))); err != nil {
			return err
		}
		return meta.Put(keyCreated, []byte(time.Now().UTC().Format(time.RFC3339)))
	})
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if err := safefile.Private(name); err != nil {
		return err
	}
	if err := safefile.Replace(name, path); err != nil {
		return err
	}
	return syncDir(dir)
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	_ = d.Sync() // not supported everywhere; the rename is still atomic
	return nil
}

// guard turns a panic inside bbolt (it panics on damaged pages) into ErrCorrupt.
func guard(fn func() error) (err error) {
	// A damaged page can also fault on the mapped file (SIGBUS); with
	// SetPanicOnFault that becomes a panic this goroutine can recover.
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: %v", ErrCorrupt, r)
		}
	}()
	return fn()
}

// Path is the file the store has open.
func (s *Store) Path() string { return s.path }

// ReadOnly reports whether the store was opened read-only.
func (s *Store) ReadOnly() bool { return s.opts.ReadOnly }

// Close flushes pending autosaves and closes the file.
func (s *Store) Close() error {
	if s.closed.Swap(true) {
		return nil
	}
	var err error
	if s.autosave != nil {
		err = s.autosave.Close()
	}
	if ierr := s.SaveIndex(); err == nil {
		err = ierr
	}
	if cerr := s.db.Close(); err == nil {
		err = cerr
	}
	return err
}

// view runs a read transaction, turning a bbolt panic into ErrCorrupt.
func (s *Store) view(fn func(tx *bolt.Tx) error) error {
	return guard(func() error { return s.db.View(fn) })
}

// update is the one write path: every change to the file goes through here.
// A committed write wakes whoever waits on Changed.
func (s *Store) update(fn func(tx *bolt.Tx) error) error {
	if s.opts.ReadOnly {
		return ErrReadOnly
	}
	err := guard(func() error { return s.db.Update(fn) })
	if err == nil {
		s.notifyChanged()
	}
	return err
}

// Changed returns a channel that is closed at the next committed write. To
// follow the saved state without missing a write, take the channel first,
// then read, then wait on it.
func (s *Store) Changed() <-chan struct{} {
	s.changeMu.Lock()
	defer s.changeMu.Unlock()
	if s.changed == nil {
		s.changed = make(chan struct{})
	}
	return s.changed
}

func (s *Store) notifyChanged() {
	s.changeMu.Lock()
	defer s.changeMu.Unlock()
	if s.changed != nil {
		close(s.changed)
		s.changed = nil
	}
}

// Check runs bbolt's consistency check over the whole file.
func (s *Store) Check() error {
	return s.view(func(tx *bolt.Tx) error {
		var errs []error
		for err := range tx.Check() {
			errs = append(errs, err)
		}
		if len(errs) > 0 {
			return fmt.Errorf("%w: %v", ErrCorrupt, errors.Join(errs...))
		}
		return nil
	})
}

func (s *Store) loadCounters() error {
	return s.view(func(tx *bolt.Tx) error {
		var max uint64
		for _, name := range [][]byte{bucketSessions, bucketRemarks} {
			b := tx.Bucket(name)
			if k, _ := b.Cursor().Last(); k != nil && fromU64(k) > max {
				max = fromU64(k)
			}
			if seq := b.Sequence(); seq > max {
				max = seq
			}
		}
		s.nextID.Store(max)
		return nil
	})
}

// NewID allocates an id for a session or remark without touching the disk,
// so the TUI can create a remark on a keystroke without waiting on a write.
// One process holds the file (bbolt's lock), so an in-memory counter is safe.
func (s *Store) NewID() uint64 { return s.nextID.Add(1) }

func (s *Store) bumpSequence(tx *bolt.Tx, bucket []byte, id uint64) error {
	b := tx.Bucket(bucket)
	if id > b.Sequence() {
		return b.SetSequence(id)
	}
	return nil
}

func getJSON(b *bolt.Bucket, key []byte, v any) error {
	data := b.Get(key)
	if data == nil {
		return ErrNotFound
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("%w: record %x: %v", ErrCorrupt, key, err)
	}
	return nil
}

func putJSON(b *bolt.Bucket, key []byte, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return b.Put(key, data)
}

package store

import (
	"slices"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"

	"txct/store/model"
)

// DefaultAutosaveDelay is how long a change may wait before it is written.
// A kill may lose at most the last second of typing; a quarter second leaves
// room for the fsync and still batches a burst of keystrokes into one
// transaction.
const DefaultAutosaveDelay = 250 * time.Millisecond

type opKind int

const (
	opSession opKind = iota
	opRemark
	opOrder
)

type op struct {
	kind    opKind
	session model.Session
	remark  model.Remark
	sid     uint64
	ids     []uint64
}

// Autosaver batches the TUI's changes and writes them in one transaction at
// most DefaultAutosaveDelay after the first unsaved change. Its Put methods
// only take a mutex and never wait on the disk, so a keystroke never does.
// A later change to the same record replaces the pending one.
type Autosaver struct {
	s       *Store
	delay   time.Duration
	mu      sync.Mutex
	pending map[string]op
	keys    []string // first-change order, so records are written before orders that name them
	timer   *time.Timer
	flushMu sync.Mutex // one flush at a time
	onSave  func(error)
	closed  bool
}

// Autosaver returns the store's autosaver, starting it on first use. onSave,
// if set, is called after every flush with its error (nil on success); it runs
// on the autosaver's goroutine.
func (s *Store) Autosaver(delay time.Duration, onSave func(error)) *Autosaver {
	if s.autosave != nil {
		return s.autosave
	}
	if delay <= 0 {
		delay = DefaultAutosaveDelay
	}
	s.autosave = &Autosaver{s: s, delay: delay, pending: map[string]op{}, onSave: onSave}
	return s.autosave
}

func (a *Autosaver) put(key string, o op) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.closed {
		return
	}
	if _, ok := a.pending[key]; !ok {
		a.keys = append(a.keys, key)
	} else if o.kind == opOrder {
		// An order names remarks queued after it was first queued (a deleted
		// remark brought back): it is written after them, or they would be
		// appended at the end instead of taking their place.
		a.keys = append(slices.DeleteFunc(a.keys, func(k string) bool { return k == key }), key)
	}
	a.pending[key] = o
	if a.timer == nil {
		a.timer = time.AfterFunc(a.delay, func() { _ = a.Flush() })
	}
}

// PutSession queues the session's fields and notes for writing.
func (a *Autosaver) PutSession(sess model.Session) {
	a.put("s"+string(u64(sess.ID)), op{kind: opSession, session: sess})
}

// PutRemark queues a remark for writing; a new one joins its session's order.
func (a *Autosaver) PutRemark(r model.Remark) {
	a.put("r"+string(u64(r.ID)), op{kind: opRemark, remark: r})
}

// PutOrder queues the order of a session's remarks; remarks left out are deleted.
func (a *Autosaver) PutOrder(sessionID uint64, ids []uint64) {
	a.put("o"+string(u64(sessionID)), op{kind: opOrder, sid: sessionID, ids: append([]uint64(nil), ids...)})
}

// Pending reports how many records wait to be written.
func (a *Autosaver) Pending() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return len(a.pending)
}

// Flush writes everything pending now, in one transaction. On failure the
// changes stay pending and are tried again with the next change or flush.
func (a *Autosaver) Flush() error {
	a.flushMu.Lock()
	defer a.flushMu.Unlock()
	a.mu.Lock()
	if a.timer != nil {
		a.timer.Stop()
		a.timer = nil
	}
	keys, pending := a.keys, a.pending
	a.keys, a.pending = nil, map[string]op{}
	a.mu.Unlock()
	if len(keys) == 0 {
		return nil
	}
	err := a.s.update(func(tx *bolt.Tx) error {
		changed := map[uint64]bool{} // sessions this batch changed, counted once
		for _, k := range keys {
			o := pending[k]
			var err error
			switch o.kind {
			case opSession:
				err = a.s.putSession(tx, o.session)
				changed[o.session.ID] = true
			case opRemark:
				err = a.s.putRemark(tx, &o.remark, true)
				changed[o.remark.SessionID] = true
			case opOrder:
				err = a.s.setOrder(tx, o.sid, o.ids)
				changed[o.sid] = true
			}
			if err != nil {
				return err
			}
		}
		for id := range changed {
			if err := bumpRev(tx, id); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		// Put back what was not written, unless newer changes replaced it.
		a.mu.Lock()
		var back []string
		for _, k := range keys {
			if _, newer := a.pending[k]; !newer {
				a.pending[k] = pending[k]
				back = append(back, k)
			}
		}
		a.keys = append(back, a.keys...)
		if a.timer == nil && !a.closed {
			a.timer = time.AfterFunc(a.delay, func() { _ = a.Flush() })
		}
		a.mu.Unlock()
	}
	if a.onSave != nil {
		a.onSave(err)
	}
	return err
}

// Close writes what is pending and stops accepting changes.
func (a *Autosaver) Close() error {
	err := a.Flush()
	a.mu.Lock()
	a.closed = true
	if a.timer != nil {
		a.timer.Stop()
		a.timer = nil
	}
	a.mu.Unlock()
	return err
}

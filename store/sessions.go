package store

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"txct/store/model"
)

// sessionRec is a session as stored: model.Session's own JSON (ids and times
// included) plus what only the store keeps about it.
type sessionRec struct {
	model.Session
	// Rev and ExportedRev are the session's change count and its value at
	// the last export (model.Session.ChangedSinceExport).
	Rev         uint64 `json:"rev,omitempty"`
	ExportedRev uint64 `json:"exported_rev,omitempty"`
	// Forwarded lists the archive records the session's petitions became;
	// Varied the earlier records its confirmed repeats gave a wording to.
	Forwarded []string `json:"forwarded,omitempty"`
	Varied    []string `json:"varied,omitempty"`
}

func toSessionRec(s model.Session) sessionRec {
	return sessionRec{Session: s, Rev: s.Rev, ExportedRev: s.ExportedRev}
}

func (r sessionRec) model() model.Session {
	s := r.Session
	s.Rev, s.ExportedRev = r.Rev, r.ExportedRev
	return s
}

// NewUID returns a random identity for a session that travels in bundles.
func NewUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// Summary is a session as the home screen lists it.
type Summary struct {
	model.Session
	Remarks int // number of remarks
}

// Sessions lists every session, newest session date first.
func (s *Store) Sessions() ([]Summary, error) {
	var out []Summary
	err := s.view(func(tx *bolt.Tx) error {
		order := tx.Bucket(bucketOrder)
		return tx.Bucket(bucketSessions).ForEach(func(k, v []byte) error {
			var r sessionRec
			if err := json.Unmarshal(v, &r); err != nil {
				return fmt.Errorf("%w: session %d: %v", ErrCorrupt, fromU64(k), err)
			}
			out = append(out, Summary{Session: r.model(), Remarks: len(order.Get(k)) / 8})
			return nil
		})
	})
	slices.SortStableFunc(out, func(a, b Summary) int {
		if c := strings.Compare(b.Date, a.Date); c != 0 {
			return c
		}
		if c := strings.Compare(b.Start, a.Start); c != 0 {
			return c
		}
		return int(int64(b.ID) - int64(a.ID))
	})
	return out, err
}

// Session returns one session.
func (s *Store) Session(id uint64) (model.Session, error) {
	var r sessionRec
	err := s.view(func(tx *bolt.Tx) error { return getJSON(tx.Bucket(bucketSessions), u64(id), &r) })
	if err != nil {
		return model.Session{}, fmt.Errorf("session %d: %w", id, err)
	}
	return r.model(), nil
}

// SessionByUID finds a session by its travelling identity.
func (s *Store) SessionByUID(uid string) (uint64, bool) {
	var id uint64
	_ = s.view(func(tx *bolt.Tx) error {
		id = fromU64(tx.Bucket(bucketSessUID).Get([]byte(uid)))
		return nil
	})
	return id, id != 0
}

// CreateSession validates and stores a new session, and returns it with its id.
func (s *Store) CreateSession(sess model.Session) (model.Session, error) {
	if err := sess.Validate(); err != nil {
		return sess, err
	}
	now := time.Now().UTC()
	if sess.UID == "" {
		sess.UID = NewUID()
	}
	sess.Created, sess.Updated = now, now
	err := s.update(func(tx *bolt.Tx) error {
		if sess.ID == 0 {
			sess.ID = newSessionID(tx)
		}
		return s.putSession(tx, sess)
	})
	return sess, err
}

// newSessionID numbers a new session after the highest on file, so the
// numbers people see and type (`txct export 3`) count sessions, not every
// record ever made: the only session is number 1, also after the demo was
// removed and loaded again. Remarks have their own ids.
func newSessionID(tx *bolt.Tx) uint64 {
	k, _ := tx.Bucket(bucketSessions).Cursor().Last()
	return fromU64(k) + 1
}

// UpdateSession stores the session's fields (notes included).
func (s *Store) UpdateSession(sess model.Session) error {
	if err := sess.Validate(); err != nil {
		return err
	}
	return s.update(func(tx *bolt.Tx) error {
		if err := s.putSession(tx, sess); err != nil {
			return err
		}
		return bumpRev(tx, sess.ID)
	})
}

func (s *Store) putSession(tx *bolt.Tx, sess model.Session) error {
	sess.Updated = time.Now().UTC()
	// What only the store keeps (the change count, the records the session
	// forwarded) is the file's, not the caller's copy's.
	rec := toSessionRec(sess)
	var old sessionRec
	if getJSON(tx.Bucket(bucketSessions), u64(sess.ID), &old) == nil {
		rec.Rev, rec.ExportedRev = old.Rev, old.ExportedRev
		rec.Forwarded, rec.Varied = old.Forwarded, old.Varied
	}
	if err := putJSON(tx.Bucket(bucketSessions), u64(sess.ID), rec); err != nil {
		return err
	}
	if err := tx.Bucket(bucketSessUID).Put([]byte(sess.UID), u64(sess.ID)); err != nil {
		return err
	}
	if err := s.bumpSequence(tx, bucketSessions, sess.ID); err != nil {
		return err
	}
	return s.noteNames(tx, sess)
}

// MarkExported records that the session's documents were exported now.
func (s *Store) MarkExported(id uint64, at time.Time) error {
	return s.update(func(tx *bolt.Tx) error {
		var r sessionRec
		b := tx.Bucket(bucketSessions)
		if err := getJSON(b, u64(id), &r); err != nil {
			return err
		}
		r.ExportedAt, r.ExportedRev = at.UTC(), r.Rev
		return putJSON(b, u64(id), r)
	})
}

// DeleteSession removes a session and its remarks.
func (s *Store) DeleteSession(id uint64) error {
	return s.update(func(tx *bolt.Tx) error { return deleteSession(tx, id) })
}

func deleteSession(tx *bolt.Tx, id uint64) error {
	var r sessionRec
	if err := getJSON(tx.Bucket(bucketSessions), u64(id), &r); err != nil {
		return err
	}
	rem := tx.Bucket(bucketRemarks)
	for _, rid := range unpackIDs(tx.Bucket(bucketOrder).Get(u64(id))) {
		if err := rem.Delete(u64(rid)); err != nil {
			return err
		}
	}
	if err := tx.Bucket(bucketOrder).Delete(u64(id)); err != nil {
		return err
	}
	if err := tx.Bucket(bucketSessUID).Delete([]byte(r.UID)); err != nil {
		return err
	}
	// A later session may take this number: it must not be listed as the
	// demo's, which `txct demo --remove` deletes.
	if d := demoRows(tx); slices.Contains(d.Sessions, id) {
		d.Sessions = slices.DeleteFunc(d.Sessions, func(x uint64) bool { return x == id })
		if err := putJSON(tx.Bucket(bucketMeta), keyDemoRows, d); err != nil {
			return err
		}
	}
	return tx.Bucket(bucketSessions).Delete(u64(id))
}

// Snapshot gathers what the exporters need about one session.
func (s *Store) Snapshot(id uint64) (model.Snapshot, error) {
	var snap model.Snapshot
	sess, err := s.Session(id)
	if err != nil {
		return snap, err
	}
	rems, err := s.Remarks(id)
	if err != nil {
		return snap, err
	}
	snap.Session, snap.Remarks, snap.Petitions = sess, rems, map[string]model.Petition{}
	for _, r := range rems {
		for _, pid := range r.RepeatOf {
			if p, err := s.clusteredPetition(pid); err == nil {
				snap.Petitions[pid] = p
			}
		}
		// A petition this session forwarded, edited since.
		if r.ArchiveID == "" || r.MergedInto != 0 {
			continue
		}
		if p, err := s.Petition(r.ArchiveID); err == nil && p.OriginSession() == sess.UID {
			if e, ok := p.EditOf(r); ok {
				if snap.Edited == nil {
					snap.Edited = map[uint64]model.Edit{}
				}
				snap.Edited[r.ID] = e
			}
		}
	}
	return snap, nil
}

// ExportSession gathers the session's snapshot, hands it to write (which
// produces the documents and returns their paths), then records the export
// and takes an automatic backup: every export leaves a copy to go back to.
func (s *Store) ExportSession(id uint64, now time.Time, write func(model.Snapshot) ([]string, error)) ([]string, error) {
	if s.autosave != nil {
		if err := s.autosave.Flush(); err != nil {
			return nil, err
		}
	}
	snap, err := s.Snapshot(id)
	if err != nil {
		return nil, err
	}
	files, err := write(snap)
	if err != nil {
		return files, err
	}
	if s.opts.ReadOnly {
		return files, nil
	}
	if err := s.MarkExported(id, now); err != nil {
		return files, err
	}
	if _, err := s.ForwardSession(id); err != nil {
		return files, fmt.Errorf("documents written, but the petitions did not reach the archive: %w", err)
	}
	if _, err := s.AutoBackup("export", now); err != nil {
		return files, fmt.Errorf("documents written, but the automatic backup failed: %w", err)
	}
	return files, nil
}

// bumpRev counts one change to session id (its fields, notes, remarks or
// their order), so a session changed after its export shows it. Writes made
// by the app itself (forwarding, imports) do not count.
func bumpRev(tx *bolt.Tx, id uint64) error {
	b := tx.Bucket(bucketSessions)
	var r sessionRec
	if err := getJSON(b, u64(id), &r); err != nil {
		return nil // a remark of a session not written yet: nothing to count
	}
	r.Rev++
	return putJSON(b, u64(id), r)
}

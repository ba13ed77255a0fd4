package store

import (
	"fmt"
	"slices"
	"time"

	bolt "go.etcd.io/bbolt"

	"txct/store/model"
)

// remarkRec is a remark as stored: the model plus what bundles leave out.
type remarkRec struct {
	model.Remark
	RID        uint64    `json:"id"`
	RSession   uint64    `json:"session"`
	RDismissed []string  `json:"dismissed,omitempty"`
	RMerged    uint64    `json:"merged_into,omitempty"`
	RSameAs    uint64    `json:"same_as,omitempty"`
	RGuessed   uint8     `json:"guessed,omitempty"`
	RCreated   time.Time `json:"created"`
	RUpdated   time.Time `json:"updated"`
}

func toRemarkRec(r model.Remark) remarkRec {
	return remarkRec{Remark: r, RID: r.ID, RSession: r.SessionID, RDismissed: r.Dismissed, RMerged: r.MergedInto, RSameAs: r.SameAs, RGuessed: uint8(r.Guessed), RCreated: r.Created, RUpdated: r.Updated}
}

func (r remarkRec) model() model.Remark {
	m := r.Remark
	m.ID, m.SessionID, m.Dismissed, m.MergedInto, m.Created, m.Updated = r.RID, r.RSession, r.RDismissed, r.RMerged, r.RCreated, r.RUpdated
	m.SameAs = r.RSameAs
	m.Guessed = model.Guessed(r.RGuessed)
	return m
}

// Remarks returns the remarks of a session in their order.
func (s *Store) Remarks(sessionID uint64) ([]model.Remark, error) {
	var out []model.Remark
	err := s.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketRemarks)
		for _, id := range unpackIDs(tx.Bucket(bucketOrder).Get(u64(sessionID))) {
			var r remarkRec
			if err := getJSON(b, u64(id), &r); err != nil {
				return fmt.Errorf("remark %d of session %d: %w", id, sessionID, err)
			}
			out = append(out, r.model())
		}
		return nil
	})
	return out, err
}

// AllRemarks calls fn for every remark of every session (statistics).
func (s *Store) AllRemarks(fn func(model.Remark)) error {
	return s.view(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketRemarks).ForEach(func(k, v []byte) error {
			var r remarkRec
			if err := getJSON(tx.Bucket(bucketRemarks), k, &r); err != nil {
				return err
			}
			fn(r.model())
			return nil
		})
	})
}

// SaveRemark stores a remark (insert or update) and appends it to its
// session's order if it is new. Ids come from NewID.
func (s *Store) SaveRemark(r model.Remark) (model.Remark, error) {
	if r.ID == 0 {
		r.ID = s.NewID()
	}
	err := s.update(func(tx *bolt.Tx) error {
		if err := s.putRemark(tx, &r, true); err != nil {
			return err
		}
		return bumpRev(tx, r.SessionID)
	})
	return r, err
}

func (s *Store) putRemark(tx *bolt.Tx, r *model.Remark, appendOrder bool) error {
	if tx.Bucket(bucketSessions).Get(u64(r.SessionID)) == nil {
		return fmt.Errorf("remark %d: session %d: %w", r.ID, r.SessionID, ErrNotFound)
	}
	var old remarkRec
	had := getJSON(tx.Bucket(bucketRemarks), u64(r.ID), &old) == nil
	if r.ArchiveID == "" {
		// The archive link is the store's: an editor holding the remark
		// from before it was forwarded does not drop it.
		r.ArchiveID = old.ArchiveID
	}
	if had {
		r.SameAs = old.RSameAs // set by the clerk on the round (SameDemand), not by the editor
	}
	if err := s.linkRepeats(tx, old.RepeatOf, r.RepeatOf, *r); err != nil {
		return err
	}
	now := time.Now().UTC()
	if r.Created.IsZero() {
		r.Created = now
	}
	r.Updated = now
	if err := putJSON(tx.Bucket(bucketRemarks), u64(r.ID), toRemarkRec(*r)); err != nil {
		return err
	}
	if err := s.bumpSequence(tx, bucketRemarks, r.ID); err != nil {
		return err
	}
	if err := s.noteRemarkNames(tx, *r); err != nil {
		return err
	}
	if !appendOrder {
		return nil
	}
	ob := tx.Bucket(bucketOrder)
	ids := unpackIDs(ob.Get(u64(r.SessionID)))
	if slices.Contains(ids, r.ID) {
		return nil
	}
	return ob.Put(u64(r.SessionID), packIDs(append(ids, r.ID)))
}

// SetOrder replaces the order of a session's remarks. Ids not listed are
// deleted; listed ids must exist.
func (s *Store) SetOrder(sessionID uint64, ids []uint64) error {
	return s.update(func(tx *bolt.Tx) error {
		if err := s.setOrder(tx, sessionID, ids); err != nil {
			return err
		}
		return bumpRev(tx, sessionID)
	})
}

func (s *Store) setOrder(tx *bolt.Tx, sessionID uint64, ids []uint64) error {
	rb, ob := tx.Bucket(bucketRemarks), tx.Bucket(bucketOrder)
	keep := make(map[uint64]bool, len(ids))
	var order []uint64
	for _, id := range ids {
		if rb.Get(u64(id)) == nil || keep[id] {
			continue // a remark not written yet is appended when it is
		}
		keep[id] = true
		order = append(order, id)
	}
	for _, id := range unpackIDs(ob.Get(u64(sessionID))) {
		if !keep[id] {
			var old remarkRec
			if getJSON(rb, u64(id), &old) == nil {
				if err := s.linkRepeats(tx, old.RepeatOf, nil, old.model()); err != nil {
					return err
				}
			}
			if err := rb.Delete(u64(id)); err != nil {
				return err
			}
		}
	}
	return ob.Put(u64(sessionID), packIDs(order))
}

// DeleteRemark removes one remark from its session.
func (s *Store) DeleteRemark(sessionID, id uint64) error {
	return s.update(func(tx *bolt.Tx) error {
		ids := unpackIDs(tx.Bucket(bucketOrder).Get(u64(sessionID)))
		if err := s.setOrder(tx, sessionID, slices.DeleteFunc(ids, func(x uint64) bool { return x == id })); err != nil {
			return err
		}
		return bumpRev(tx, sessionID)
	})
}

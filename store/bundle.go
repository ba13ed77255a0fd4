package store

import (
	"fmt"
	"slices"
	"time"

	bolt "go.etcd.io/bbolt"

	"txct/store/ingest"
	"txct/store/model"
)

// UnknownRepeat is a bundle's repeat_of link to a petition the archive does
// not hold; the link is kept as text.
type UnknownRepeat struct {
	Remark   int    // the remark's number in the bundle, from 1
	Petition string // the petition id it names
}

// ImportBundle writes a session bundle in one transaction. A bundle whose
// session UID is already here replaces that session's fields and remarks
// (importing twice makes no second copy). It returns the session id and
// each repeat_of link that names no petition in the archive; such links are
// kept as text. The bundle's same-demand clusters join this database's.
func (s *Store) ImportBundle(b *ingest.Bundle) (uint64, []UnknownRepeat, error) {
	sess := b.Session
	if sess.UID == "" {
		sess.UID = NewUID()
	}
	if err := sess.Validate(); err != nil {
		return 0, nil, fmt.Errorf("session: %w", err)
	}
	var warnings []UnknownRepeat
	now := time.Now().UTC()
	err := s.update(func(tx *bolt.Tx) error {
		if id := fromU64(tx.Bucket(bucketSessUID).Get([]byte(sess.UID))); id != 0 {
			var old model.Session
			if err := getJSON(tx.Bucket(bucketSessions), u64(id), &old); err != nil {
				return err
			}
			sess.ID, sess.Created, sess.ExportedAt = id, old.Created, old.ExportedAt
			if err := s.setOrder(tx, id, nil); err != nil { // drops the old remarks and their raises
				return err
			}
		} else {
			sess.ID, sess.Created = newSessionID(tx), now
		}
		if err := s.putSession(tx, sess); err != nil {
			return err
		}
		pets := tx.Bucket(bucketPetitions)
		ids := make([]uint64, len(b.Remarks))
		for i := range b.Remarks {
			ids[i] = s.NewID()
		}
		for i, r := range b.Remarks {
			r.ID, r.SessionID, r.Created = ids[i], sess.ID, now
			if i < len(b.MergedInto) && b.MergedInto[i] > 0 {
				r.MergedInto = ids[b.MergedInto[i]-1]
			}
			for _, pid := range r.RepeatOf {
				if pets.Get([]byte(pid)) == nil {
					warnings = append(warnings, UnknownRepeat{Remark: i + 1, Petition: pid})
				}
			}
			r.RepeatOf = slices.Clone(r.RepeatOf)
			if err := s.putRemark(tx, &r, true); err != nil {
				return err
			}
		}
		return joinClusters(tx, b.SameDemand)
	})
	if err != nil {
		return 0, nil, err
	}
	return sess.ID, warnings, nil
}

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
		var was []model.Remark // the remarks a re-import replaces
		if id := fromU64(tx.Bucket(bucketSessUID).Get([]byte(sess.UID))); id != 0 {
			var old model.Session
			if err := getJSON(tx.Bucket(bucketSessions), u64(id), &old); err != nil {
				return err
			}
			for _, rid := range unpackIDs(tx.Bucket(bucketOrder).Get(u64(id))) {
				var r remarkRec
				if err := getJSON(tx.Bucket(bucketRemarks), u64(rid), &r); err != nil {
					return err
				}
				was = append(was, r.model())
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
		ids := reuseIDs(was, b.Remarks)
		byID := map[uint64]model.Remark{}
		for _, r := range was {
			byID[r.ID] = r
		}
		for i := range ids {
			if ids[i] == 0 {
				ids[i] = s.NewID()
			}
		}
		for i, r := range b.Remarks {
			r.ID, r.SessionID, r.Created = ids[i], sess.ID, now
			if o, ok := byID[r.ID]; ok {
				// The clerk's mark on the round is this database's: a
				// bundle does not carry it, and must not drop it.
				r.SameAs, r.Created = o.SameAs, o.Created
			}
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

// reuseIDs gives each remark of a re-imported bundle the id of the remark
// it replaces (0: a new one), so marks this database keeps on it, such as
// a remark of another point marked as the same demand, still find it: the
// remark with the same archive record, else with the same voter and text,
// else, when the number of remarks is unchanged, the one at its place.
func reuseIDs(was, rems []model.Remark) []uint64 {
	ids := make([]uint64, len(rems))
	used := map[uint64]bool{}
	match := func(same func(o, r model.Remark) bool) {
		for i, r := range rems {
			if ids[i] != 0 {
				continue
			}
			for _, o := range was {
				if !used[o.ID] && same(o, r) {
					ids[i], used[o.ID] = o.ID, true
					break
				}
			}
		}
	}
	match(func(o, r model.Remark) bool { return r.ArchiveID != "" && o.ArchiveID == r.ArchiveID })
	match(func(o, r model.Remark) bool { return o.Voter == r.Voter && o.Text == r.Text })
	if len(was) == len(rems) {
		for i := range rems {
			if ids[i] == 0 && !used[was[i].ID] {
				ids[i], used[was[i].ID] = was[i].ID, true
			}
		}
	}
	return ids
}

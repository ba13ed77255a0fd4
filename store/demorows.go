package store

import (
	"encoding/json"
	"fmt"
	"slices"

	bolt "go.etcd.io/bbolt"

	"txct/store/model"
)

// keyDemoRows lists the records the demo created, so they can be told apart
// from real work and removed in one action.
var keyDemoRows = []byte("demo_rows")

// DemoRows are the archive petitions and sessions the demo created.
type DemoRows struct {
	Petitions []string `json:"petitions,omitempty"`
	Sessions  []uint64 `json:"sessions,omitempty"`
}

// Empty reports whether no demo record is on file.
func (d DemoRows) Empty() bool { return len(d.Petitions) == 0 && len(d.Sessions) == 0 }

func demoRows(tx *bolt.Tx) DemoRows {
	var d DemoRows
	if v := tx.Bucket(bucketMeta).Get(keyDemoRows); v != nil {
		_ = json.Unmarshal(v, &d)
	}
	return d
}

// DemoRows returns the records the demo created that are still on file.
func (s *Store) DemoRows() DemoRows {
	var d DemoRows
	_ = s.view(func(tx *bolt.Tx) error {
		d = demoRows(tx)
		return nil
	})
	return d
}

// IsDemoSession reports whether the demo created session id.
func (s *Store) IsDemoSession(id uint64) bool { return slices.Contains(s.DemoRows().Sessions, id) }

// AddDemoPetitions writes the demo's petitions whose ids are not on file yet,
// in one transaction, and records them as demo rows. A petition already on
// file, demo or real, is left exactly as it is. It returns how many were added.
func (s *Store) AddDemoPetitions(ps []model.Petition) (int, error) {
	var added []model.Petition
	err := s.update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketPetitions)
		d := demoRows(tx)
		for _, p := range ps {
			if p.ID == "" {
				return fmt.Errorf("demo petition has no id")
			}
			if b.Get([]byte(p.ID)) != nil {
				continue
			}
			if err := putJSON(b, []byte(p.ID), p); err != nil {
				return err
			}
			added = append(added, p)
			d.Petitions = append(d.Petitions, p.ID)
		}
		if len(added) == 0 {
			return nil
		}
		if err := putJSON(tx.Bucket(bucketMeta), keyDemoRows, d); err != nil {
			return err
		}
		return bumpArchiveGen(tx)
	})
	if err != nil {
		return 0, err
	}
	if s.index != nil {
		s.index.put(added...)
	}
	return len(added), nil
}

// MarkDemoSession records session id as created by the demo.
func (s *Store) MarkDemoSession(id uint64) error {
	return s.update(func(tx *bolt.Tx) error {
		d := demoRows(tx)
		if !slices.Contains(d.Sessions, id) {
			d.Sessions = append(d.Sessions, id)
		}
		return putJSON(tx.Bucket(bucketMeta), keyDemoRows, d)
	})
}

// RemoveDemo deletes every record the demo created, in one transaction: its
// sessions with their remarks (taking back the raises their confirmed repeats
// added) and its archive petitions. Real records are not touched. It returns
// what was removed.
func (s *Store) RemoveDemo() (DemoRows, error) {
	var d DemoRows
	var keys []string // index keys of the removed petitions
	err := s.update(func(tx *bolt.Tx) error {
		d = demoRows(tx)
		for _, id := range d.Sessions {
			if tx.Bucket(bucketSessions).Get(u64(id)) == nil {
				continue // deleted by hand already
			}
			if err := s.setOrder(tx, id, nil); err != nil {
				return err
			}
			if err := deleteSession(tx, id); err != nil {
				return err
			}
		}
		b := tx.Bucket(bucketPetitions)
		for _, id := range d.Petitions {
			var p model.Petition
			if getJSON(b, []byte(id), &p) != nil {
				continue
			}
			keys = append(keys, indexKeys(p)...)
			if err := b.Delete([]byte(id)); err != nil {
				return err
			}
		}
		if err := tx.Bucket(bucketMeta).Delete(keyDemoRows); err != nil {
			return err
		}
		return bumpArchiveGen(tx)
	})
	if err != nil {
		return DemoRows{}, err
	}
	if s.index != nil {
		s.index.apply(nil, keys)
	}
	return d, nil
}

// indexKeys are the repeat index's keys for p: its id and its variants'.
func indexKeys(p model.Petition) []string {
	var out []string
	for _, e := range indexEntries(p) {
		out = append(out, e.ID)
	}
	return out
}

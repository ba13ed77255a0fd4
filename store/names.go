package store

import (
	"encoding/binary"
	"slices"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"txct/store/model"
)

// NameKind says what a remembered name is, so completion offers voters for the
// voter field and places for the place field.
type NameKind string

// Kinds of remembered names.
const (
	NamePerson   NameKind = "person" // delegates, chairs, secretaries, voters
	NamePlace    NameKind = "place"  // session places, voter addresses
	NameGroup    NameKind = "group"  // delegate groups
	NameOrg      NameKind = "org"    // organisers
	NameLocale   NameKind = "locale" // localities for the date line
	NameAnswerer NameKind = "answerer"
)

// Names returns the remembered names of a kind, most recently used first.
func (s *Store) Names(kind NameKind) ([]string, error) {
	type nc struct {
		name string
		n    uint64
	}
	var all []nc
	err := s.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketNames).Bucket([]byte(kind))
		if b == nil {
			return nil
		}
		return b.ForEach(func(k, v []byte) error {
			var n uint64
			if len(v) == 8 {
				n = binary.BigEndian.Uint64(v)
			}
			all = append(all, nc{string(k), n})
			return nil
		})
	})
	slices.SortStableFunc(all, func(a, b nc) int {
		if a.n != b.n {
			if a.n > b.n {
				return -1
			}
			return 1
		}
		return strings.Compare(a.name, b.name)
	})
	out := make([]string, len(all))
	for i, a := range all {
		out[i] = a.name
	}
	return out, err
}

func (s *Store) remember(tx *bolt.Tx, kind NameKind, names ...string) error {
	root := tx.Bucket(bucketNames)
	b, err := root.CreateBucketIfNotExists([]byte(kind))
	if err != nil {
		return err
	}
	for _, n := range names {
		n = strings.TrimSpace(n)
		if n == "" || len(n) > 200 {
			continue
		}
		// The value is the last use, so repeated autosaves of one remark do
		// not inflate a name, and recent names come first.
		if err := b.Put([]byte(n), u64(uint64(time.Now().UnixNano()))); err != nil {
			return err
		}
	}
	return nil
}

func (s *Store) noteNames(tx *bolt.Tx, sess model.Session) error {
	if err := s.remember(tx, NamePerson, append([]string{sess.Chair, sess.Secretary}, sess.Delegates...)...); err != nil {
		return err
	}
	if err := s.remember(tx, NamePlace, sess.Place); err != nil {
		return err
	}
	if err := s.remember(tx, NameGroup, sess.DelegateGroup); err != nil {
		return err
	}
	if err := s.remember(tx, NameOrg, sess.Organiser); err != nil {
		return err
	}
	return s.remember(tx, NameLocale, sess.Locality)
}

func (s *Store) noteRemarkNames(tx *bolt.Tx, r model.Remark) error {
	// Only settled values are remembered: the autosaver writes drafts while
	// they are typed, and "Ông Ng" is not a name worth offering later.
	if r.Voter != "" && r.Text != "" {
		if err := s.remember(tx, NamePerson, r.Voter); err != nil {
			return err
		}
	}
	if r.Address != "" && r.Text != "" {
		if err := s.remember(tx, NamePlace, r.Address); err != nil {
			return err
		}
	}
	if r.Answer != nil && r.Answer.By != "" {
		return s.remember(tx, NameAnswerer, r.Answer.By)
	}
	return nil
}

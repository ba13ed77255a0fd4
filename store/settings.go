package store

import (
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// keyTelex holds whether the built-in Telex is on (meta bucket).
var keyTelex = []byte("telex")

// Telex reports whether the built-in Telex was left on. A database that never
// set it says off, the default. An unreadable value is an error naming the
// file, and reads as off.
func (s *Store) Telex() (bool, error) {
	var on bool
	err := s.view(func(tx *bolt.Tx) error {
		v := tx.Bucket(bucketMeta).Get(keyTelex)
		if v == nil {
			return nil
		}
		if err := json.Unmarshal(v, &on); err != nil {
			on = false
			return fmt.Errorf("%s: the stored Telex choice is unreadable (press F9 to choose again): %w", s.path, err)
		}
		return nil
	})
	return on, err
}

// SetTelex remembers whether the built-in Telex is on, for the next start.
func (s *Store) SetTelex(on bool) error {
	return s.update(func(tx *bolt.Tx) error { return putJSON(tx.Bucket(bucketMeta), keyTelex, on) })
}

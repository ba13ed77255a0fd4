package store

import (
	"encoding/json"

	bolt "go.etcd.io/bbolt"

	"txct/store/model"
)

// keyProfile holds the remembered issuer profile (meta bucket).
var keyProfile = []byte("issuer_profile")

// Profile returns the remembered issuer profile: who issues the minutes and
// the report unless a session or an export says otherwise. Empty until set.
func (s *Store) Profile() model.Profile {
	var p model.Profile
	_ = s.view(func(tx *bolt.Tx) error {
		if v := tx.Bucket(bucketMeta).Get(keyProfile); v != nil {
			_ = json.Unmarshal(v, &p)
		}
		return nil
	})
	return p
}

// SetProfile remembers the issuer profile.
func (s *Store) SetProfile(p model.Profile) error {
	return s.update(func(tx *bolt.Tx) error { return putJSON(tx.Bucket(bucketMeta), keyProfile, p) })
}

package store

import (
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// The Telex choice is kept in the file: off on a fresh database, then what
// was last set, across closing and opening again; an unreadable value is an
// error naming the file, never dropped silently.
func TestTelexSetting(t *testing.T) {
	s, path := openTemp(t)
	if on, err := s.Telex(); on || err != nil {
		t.Fatalf("fresh database: Telex %v, %v; want off", on, err)
	}
	if err := s.SetTelex(true); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err := Open(path, Options{NoIndex: true})
	if err != nil {
		t.Fatal(err)
	}
	if on, err := s.Telex(); !on || err != nil {
		t.Fatalf("after reopening: Telex %v, %v; want on", on, err)
	}
	if err := s.SetTelex(false); err != nil {
		t.Fatal(err)
	}
	if on, _ := s.Telex(); on {
		t.Fatal("turning it off did not hold")
	}
	_ = s.update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Put(keyTelex, []byte("{bật")) })
	on, err := s.Telex()
	if on || err == nil || !strings.Contains(err.Error(), path) {
		t.Errorf("unreadable value: Telex %v, error %v; want off and an error naming %s", on, err, path)
	}
	s.Close()
}

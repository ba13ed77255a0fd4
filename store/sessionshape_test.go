package store

import (
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// A session record written before the stored shape became model.Session's
// own JSON (the same keys, from a wrapper with shadow fields) reads back
// whole, ids and times included.
func TestStoredSessionShapeReadsOlderRecords(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "t.db"), Options{NoIndex: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	old := `{"title":"TXCT xã Tân Thành","kind":"sau_ky_hop","date":"2026-11-20","start":"08:00","end":"10:30",` +
		`"place":"Hội trường","delegate_group":"Tổ 3","delegates":["Ông A"],"chair":"","secretary":"","voters":40,"notes":null,` +
		`"id":7,"uid":"abc123","created":"2026-11-20T01:00:00Z","updated":"2026-11-20T02:00:00Z","exported_at":"0001-01-01T00:00:00Z"}`
	if err := s.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketSessions).Put(u64(7), []byte(old)) }); err != nil {
		t.Fatal(err)
	}
	got, err := s.Session(7)
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != 7 || got.UID != "abc123" || got.Title != "TXCT xã Tân Thành" || got.Voters != 40 ||
		!got.Created.Equal(time.Date(2026, 11, 20, 1, 0, 0, 0, time.UTC)) || !got.ExportedAt.IsZero() {
		t.Errorf("older record read as %+v", got)
	}
}

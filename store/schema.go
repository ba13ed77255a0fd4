package store

import "encoding/binary"

// SchemaVersion is written into the meta bucket when a database is created and
// checked on every open. Bump it with a migration when the layout changes.
const SchemaVersion = 1

// Magic marks a bbolt file as a txct database, so that another program's bbolt
// file given to --db is refused rather than written into.
const Magic = "txct"

// Buckets. Every bucket is declared here and created in one place (initSchema).
var (
	bucketMeta      = []byte("meta")        // magic, schema, created, last backup day
	bucketSessions  = []byte("sessions")    // u64 session id → model.Session (JSON)
	bucketSessUID   = []byte("session_uid") // session UID → u64 session id
	bucketRemarks   = []byte("remarks")     // u64 remark id → remarkRec (JSON)
	bucketOrder     = []byte("order")       // u64 session id → packed u64 remark ids, in order
	bucketPetitions = []byte("petitions")   // archive id → model.Petition (JSON)
	bucketNames     = []byte("names")       // nested: name kind → value → u64 use count
)

// bucketIndex holds the persisted repeat index ("blob") and the archive
// generation it was built from ("gen"). It is made on first save, so files
// from before it existed still open.
var bucketIndex = []byte("index")

var allBuckets = [][]byte{bucketMeta, bucketSessions, bucketSessUID, bucketRemarks, bucketOrder, bucketPetitions, bucketNames}

// Meta keys.
var (
	keyMagic         = []byte("magic")
	keySchema        = []byte("schema")
	keyCreated       = []byte("created")
	keyBackupDay     = []byte("backup_day")
	keyDeadline      = []byte("deadline_rule")
	keyDemoOffered   = []byte("demo_offered")
	keyArchiveGen    = []byte("archive_gen") // bumped when a petition's text or location changes
	keyIndexBlob     = []byte("blob")
	keyIndexGen      = []byte("gen")
	keyIndexVariants = []byte("variants")
)

// u64 encodes an id as 8 big-endian bytes, so byte order is numeric order and
// cursors scan ids in the order they were given (etcd's revision keys).
func u64(v uint64) []byte {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], v)
	return b[:]
}

func fromU64(b []byte) uint64 {
	if len(b) != 8 {
		return 0
	}
	return binary.BigEndian.Uint64(b)
}

func packIDs(ids []uint64) []byte {
	b := make([]byte, 8*len(ids))
	for i, id := range ids {
		binary.BigEndian.PutUint64(b[8*i:], id)
	}
	return b
}

func unpackIDs(b []byte) []uint64 {
	ids := make([]uint64, len(b)/8)
	for i := range ids {
		ids[i] = binary.BigEndian.Uint64(b[8*i:])
	}
	return ids
}

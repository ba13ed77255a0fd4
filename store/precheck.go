package store

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"io"
	"os"
)

// bbolt's meta page layout (bbolt internal/common/meta.go): a 16-byte page
// header, then magic, version, page size, flags, root bucket (root, sequence),
// freelist, high-water page id, txid and an FNV-64a checksum of what precedes it.
const (
	boltMagic   = 0xED0CDAED
	metaOff     = 16
	metaSumLen  = 56 // bytes of meta covered by the checksum
	metaPgidOff = metaOff + 40
	metaTxOff   = metaOff + 48
)

// precheck reads the two meta pages and checks the file is as long as the
// newest valid one says. bbolt maps the file and would fault (SIGBUS, which no
// recover catches) on a page past the end of a truncated copy, so a short file
// is refused here before bbolt touches it.
func precheck(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return err
	}
	var first [metaOff + metaSumLen + 8]byte
	if _, err := io.ReadFull(f, first[:]); err != nil {
		return fmt.Errorf("%w: too short for a database (%d bytes)", ErrNotTxct, fi.Size())
	}
	if binary.LittleEndian.Uint32(first[metaOff:]) != boltMagic {
		return ErrNotTxct
	}
	pageSize := int64(binary.LittleEndian.Uint32(first[metaOff+8:]))
	if pageSize < 512 || pageSize > 1<<20 {
		return fmt.Errorf("%w: page size %d", ErrCorrupt, pageSize)
	}
	best := -1
	var bestTx, bestPgid uint64
	for i := int64(0); i < 2; i++ {
		var m [metaOff + metaSumLen + 8]byte
		if _, err := f.ReadAt(m[:], i*pageSize); err != nil {
			continue
		}
		if binary.LittleEndian.Uint32(m[metaOff:]) != boltMagic {
			continue
		}
		h := fnv.New64a()
		h.Write(m[metaOff : metaOff+metaSumLen])
		if h.Sum64() != binary.LittleEndian.Uint64(m[metaOff+metaSumLen:]) {
			continue
		}
		tx := binary.LittleEndian.Uint64(m[metaTxOff:])
		if best < 0 || tx > bestTx {
			best, bestTx, bestPgid = int(i), tx, binary.LittleEndian.Uint64(m[metaPgidOff:])
		}
	}
	if best < 0 {
		return fmt.Errorf("%w: both meta pages are damaged", ErrCorrupt)
	}
	if need := int64(bestPgid) * pageSize; fi.Size() < need {
		return fmt.Errorf("%w: the file is cut short (%d bytes, its pages need %d)", ErrCorrupt, fi.Size(), need)
	}
	return nil
}

package match

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// persistVersion is bumped whenever the analysis or the layout changes, so a
// store holding an older blob rebuilds the index instead of loading it.
const persistVersion = 1

// ErrVersion reports a persisted index written by another version of the
// analysis; the caller should rebuild from the petitions.
var ErrVersion = errors.New("match: persisted index has another version")

// MarshalBinary encodes the index: its vocabulary and, per petition, the
// term ids and specifics. Postings, document frequencies and the typo
// neighbourhood are rebuilt on load. Deleted entries are not written.
func (ix *Index) MarshalBinary() ([]byte, error) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	b := make([]byte, 0, 64+len(ix.terms)*12+ix.live*256)
	b = binary.AppendUvarint(b, persistVersion)
	b = binary.AppendUvarint(b, uint64(len(ix.terms)))
	for _, t := range ix.terms {
		b = binary.AppendUvarint(b, uint64(len(t)))
		b = append(b, t...)
	}
	b = binary.AppendUvarint(b, uint64(ix.live))
	ids := func(xs []int32) {
		b = binary.AppendUvarint(b, uint64(len(xs)))
		prev := int32(0)
		for _, x := range xs {
			b = binary.AppendVarint(b, int64(x-prev)) // sorted: small deltas
			prev = x
		}
	}
	for i := range ix.docs {
		d := &ix.docs[i]
		if !d.alive {
			continue
		}
		b = binary.AppendUvarint(b, uint64(len(d.id)))
		b = append(b, d.id...)
		ids(d.terms)
		ids(d.loc)
		ids(d.specs)
	}
	return b, nil
}

// UnmarshalBinary replaces the index's content with data written by
// MarshalBinary. It returns ErrVersion for data of another version.
func (ix *Index) UnmarshalBinary(data []byte) error {
	r := reader{b: data}
	if v := r.uvarint(); v != persistVersion {
		if r.err != nil {
			return fmt.Errorf("match: decode index: %w", r.err)
		}
		return ErrVersion
	}
	fresh := NewIndex()
	fresh.Threshold = ix.Threshold
	n := r.count()
	fresh.terms = make([]string, 0, n)
	fresh.termID = make(map[string]int32, n)
	for i := 0; i < n && r.err == nil; i++ {
		fresh.intern(r.str())
	}
	ndocs := r.count()
	fresh.docs = make([]docEntry, 0, ndocs)
	fresh.byID = make(map[string]int32, ndocs)
	ids := func() []int32 {
		m := r.count()
		if m == 0 {
			return nil
		}
		xs := make([]int32, m)
		prev := int64(0)
		for k := range xs {
			prev += r.varint()
			if prev < 0 || prev >= int64(len(fresh.terms)) {
				r.fail()
			}
			xs[k] = int32(prev)
		}
		return xs
	}
	for i := 0; i < ndocs && r.err == nil; i++ {
		d := docEntry{id: r.str(), alive: true}
		d.terms, d.loc = ids(), ids()
		d.specs = ids()
		if r.err == nil {
			fresh.insert(d)
		}
	}
	if r.err != nil {
		return fmt.Errorf("match: decode index: %w", r.err)
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.termID, ix.terms, ix.df, ix.post = fresh.termID, fresh.terms, fresh.df, fresh.post
	ix.docs, ix.byID, ix.live, ix.dead, ix.lenSum = fresh.docs, fresh.byID, fresh.live, 0, fresh.lenSum
	ix.deletes, ix.norm = fresh.deletes, fresh.norm
	ix.renormAll()
	return nil
}

// reader decodes varints and strings, remembering the first error.
type reader struct {
	b   []byte
	err error
}

var errCorrupt = errors.New("corrupt data")

func (r *reader) fail() {
	if r.err == nil {
		r.err = errCorrupt
	}
	r.b = nil
}

func (r *reader) uvarint() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *reader) varint() int64 {
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return v
}

// count reads a length and checks it against the bytes left, so corrupt
// data cannot make us allocate gigabytes.
func (r *reader) count() int {
	v := r.uvarint()
	if v > uint64(len(r.b)) {
		r.fail()
		return 0
	}
	return int(v)
}

func (r *reader) str() string {
	n := r.count()
	if r.err != nil {
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

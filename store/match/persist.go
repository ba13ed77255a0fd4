package match

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
)

// persistVersion is bumped whenever the analysis or the layout changes, so a
// store holding an older blob rebuilds the index instead of loading it.
const persistVersion = 3

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
		b = binary.AppendUvarint(b, uint64(len(d.specs)))
		for _, x := range d.specs {
			b = binary.AppendVarint(b, int64(x))
		}
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
	fresh.tw = make([]float32, 0, n)
	fresh.df = make([]int32, 0, n)
	fresh.post = make([][]int32, 0, n)
	fresh.termID = make(map[string]int32, n)
	for i := 0; i < n && r.err == nil; i++ {
		fresh.intern(r.str())
	}
	// Every id list of every petition goes into one arena and every posting
	// list into another: a few large allocations instead of half a million
	// small ones, which is most of the load time.
	ndocs := r.count()
	spans := make([]span, 0, ndocs)
	docIDs := make([]string, 0, ndocs)
	arena := make([]int32, 0, len(r.b)) // a varint takes at least a byte
	nterms := int64(len(fresh.terms))
	list := func() {
		m := r.count()
		prev := int64(0)
		for k := 0; k < m && r.err == nil; k++ {
			prev += r.varint()
			if prev < 0 || prev >= nterms {
				r.fail()
			}
			arena = append(arena, int32(prev))
		}
	}
	// specList reads a petition's specifics (see docEntry.specs) and checks
	// their layout.
	specList := func() {
		m := r.count()
		from := len(arena)
		for k := 0; k < m && r.err == nil; k++ {
			x := r.varint()
			if x < math.MinInt32 || x > math.MaxInt32 {
				r.fail()
			}
			arena = append(arena, int32(x))
		}
		sp := arena[from:]
		for i := 0; i < len(sp) && r.err == nil; {
			if i+2 > len(sp) {
				r.fail()
				break
			}
			n := int(sp[i+1])
			if n < 1 || i+2+2*n > len(sp) {
				r.fail()
				break
			}
			for _, id := range sp[i+2 : i+2+n] {
				if id < 0 || int64(id) >= nterms {
					r.fail()
				}
			}
			i += 2 + 2*n
		}
	}
	for i := 0; i < ndocs && r.err == nil; i++ {
		docIDs = append(docIDs, r.str())
		var s span
		s.terms = len(arena)
		list()
		s.loc = len(arena)
		list()
		s.specs = len(arena)
		specList()
		s.end = len(arena)
		spans = append(spans, s)
	}
	if r.err == nil {
		fresh.load(docIDs, spans, slices.Clip(slices.Clone(arena)))
	}
	if r.err != nil {
		return fmt.Errorf("match: decode index: %w", r.err)
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.termID, ix.terms, ix.tw, ix.df, ix.post = fresh.termID, fresh.terms, fresh.tw, fresh.df, fresh.post
	ix.docs, ix.byID, ix.live, ix.dead, ix.lenSum = fresh.docs, fresh.byID, fresh.live, 0, fresh.lenSum
	ix.deletes, ix.inv = fresh.deletes, fresh.inv
	ix.renormAll()
	return nil
}

// span locates one petition's id lists in the decoding arena.
type span struct{ terms, loc, specs, end int }

// load fills a fresh index from decoded documents; spans index the arena.
func (ix *Index) load(ids []string, spans []span, arena []int32) {
	ix.docs = make([]docEntry, len(ids))
	ix.inv = make([]float32, len(ids))
	ix.byID = make(map[string]int32, len(ids))
	for i, s := range spans {
		d := &ix.docs[i]
		d.id, d.alive = ids[i], true
		d.terms = arena[s.terms:s.loc:s.loc]
		d.loc = arena[s.loc:s.specs:s.specs]
		d.specs = arena[s.specs:s.end:s.end]
		d.total = ix.staticTotal(d.terms)
		for _, t := range arena[s.terms:s.specs] {
			ix.df[t]++
		}
		ix.byID[d.id] = int32(i)
		ix.lenSum += int64(len(d.terms))
	}
	ix.live = len(ids)
	total := 0
	for _, n := range ix.df {
		total += int(n)
	}
	posts := make([]int32, total)
	off := 0
	for t, n := range ix.df {
		ix.post[t] = posts[off : off : off+int(n)]
		off += int(n)
	}
	for i, s := range spans {
		for _, t := range arena[s.terms:s.specs] {
			ix.post[t] = append(ix.post[t], int32(i))
		}
	}
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

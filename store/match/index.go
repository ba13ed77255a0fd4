package match

import (
	"runtime"
	"sync"

	"txct/store/model"
)

// Index is an in-memory inverted index over archived petitions. Terms are
// folded word unigrams and bigrams (filler words as separate, light terms and
// road numbers as one token each); postings are int32 document slots, and
// every document keeps its sorted term ids for re-scoring.
//
// Locking: Check, Len and MarshalBinary take a read lock and may run from
// many goroutines at once; Put, Add, Remove and UnmarshalBinary take the
// write lock. Set Threshold before sharing the index.
type Index struct {
	// Threshold is the score from which Check flags a remark as a repeat.
	Threshold float64

	mu      sync.RWMutex
	termID  map[string]int32
	terms   []string  // term id → term
	tw      []float32 // term id → static weight
	df      []int32   // term id → live documents holding it
	post    [][]int32 // term id → document slots (dead slots are skipped)
	docs    []docEntry
	byID    map[string]int32
	live    int
	dead    int
	lenSum  int64              // sum of live documents' text lengths (in terms)
	deletes map[uint64][]int32 // typo neighbourhood: hash of a one-letter deletion → unigram ids
	inv     []float32          // slot → 1 / BM25 length factor, 0 once removed
	scratch sync.Pool          // *scratch for Check
}

// docEntry is one indexed petition.
type docEntry struct {
	id    string
	terms []int32 // sorted, unique: terms of the text
	loc   []int32 // sorted, unique: terms of the location not in terms
	// specs are the specifics, flat: class, n, n unigram ids, n mark
	// hashes (markHash, 0 for a phrase written without marks), class, …
	specs []int32
	total float32 // static weight of terms (see staticWeight)
	alive bool
}

// DefaultThreshold is the Threshold NewIndex sets. It was chosen coarsely on
// the dev pack (the evaluation test reports F1 at its neighbours); since a
// pair's score does not depend on the archive, it holds at any archive size.
const DefaultThreshold = 0.35

// NewIndex returns an empty index.
func NewIndex() *Index {
	return &Index{
		Threshold: DefaultThreshold,
		termID:    make(map[string]int32),
		byID:      make(map[string]int32),
		deletes:   make(map[uint64][]int32),
	}
}

// Build returns an index over ps. The text analysis runs on all cores, a
// chunk of petitions at a time, while the previous chunk is indexed, so
// building from scratch is fast enough for a store to do at start-up and the
// analysed text of only a few chunks is held at once.
func Build(ps []model.Petition) *Index {
	ix := NewIndex()
	workers := runtime.GOMAXPROCS(0)
	chunks := make(chan []analyzed, 1)
	go func() {
		defer close(chunks)
		for lo := 0; lo < len(ps); lo += buildChunk {
			chunk := ps[lo:min(len(ps), lo+buildChunk)]
			an := make([]analyzed, len(chunk))
			var wg sync.WaitGroup
			for w := 0; w < workers; w++ {
				wg.Add(1)
				go func(w int) {
					defer wg.Done()
					for i := w; i < len(chunk); i += workers {
						an[i] = analyzeDoc(chunk[i].Text, chunk[i].Location)
					}
				}(w)
			}
			wg.Wait()
			chunks <- an
		}
	}()
	ix.mu.Lock()
	defer ix.mu.Unlock()
	lo := 0
	for an := range chunks {
		for i := range an {
			ix.put(ps[lo+i].ID, an[i])
		}
		lo += len(an)
	}
	ix.renormAll()
	return ix
}

// buildChunk is how many petitions Build analyses before indexing them.
const buildChunk = 4096

// analyzed is a document's terms before interning.
type analyzed struct {
	text, loc []string
	specs     []specific
}

func analyzeDoc(text, location string) analyzed {
	tt := analyze(text)
	sp := specifics(tt)
	lt := analyze(location)
	sp = append(sp, specifics(lt)...)
	return analyzed{text: termsOf(tt), loc: termsOf(lt), specs: sp}
}

// Add indexes p, replacing any petition with the same id.
func (ix *Index) Add(p model.Petition) { ix.Put(p.ID, p.Text, p.Location) }

// Put indexes a text under id, replacing any entry with the same id. The
// location (commune, village, street) counts for matching places but not for
// the share of the text a remark covers.
func (ix *Index) Put(id, text, location string) {
	a := analyzeDoc(text, location)
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.put(id, a)
}

// Remove drops the entry with this id; an unknown id is ignored.
func (ix *Index) Remove(id string) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.remove(id)
}

// Len returns the number of indexed entries.
func (ix *Index) Len() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.live
}

// Has reports whether an entry with this id is indexed.
func (ix *Index) Has(id string) bool {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	_, ok := ix.byID[id]
	return ok
}

func (ix *Index) put(id string, a analyzed) {
	ix.remove(id)
	d := docEntry{id: id, alive: true}
	d.terms = ix.internSet(a.text)
	d.loc = subtract(ix.internSet(a.loc), d.terms)
	for _, s := range a.specs {
		d.specs = append(d.specs, int32(s.class), int32(len(s.phrase)))
		for _, w := range s.phrase {
			d.specs = append(d.specs, ix.intern(w))
		}
		d.specs = appendMarks(d.specs, s)
	}
	ix.insert(d)
}

// insert appends d as a new slot and posts its terms.
func (ix *Index) insert(d docEntry) {
	slot := int32(len(ix.docs))
	d.total = ix.staticTotal(d.terms)
	ix.docs = append(ix.docs, d)
	ix.byID[d.id] = slot
	for _, t := range d.terms {
		ix.post[t] = append(ix.post[t], slot)
		ix.df[t]++
	}
	for _, t := range d.loc {
		ix.post[t] = append(ix.post[t], slot)
		ix.df[t]++
	}
	ix.live++
	ix.lenSum += int64(len(d.terms))
	ix.inv = append(ix.inv, 1)
	ix.renorm(slot)
}

// renorm sets the inverse of the BM25 length factor of slot, 1 + k1·(1 − b
// + b·len/avg), so ranking multiplies by it.
// The average drifts as petitions come and go; factors are refreshed on
// compaction, which is close enough for ranking candidates.
func (ix *Index) renorm(slot int32) {
	avg := float64(ix.lenSum) / float64(max(ix.live, 1))
	if avg == 0 {
		avg = 1
	}
	l := float64(len(ix.docs[slot].terms))
	ix.inv[slot] = float32(1 / (1 + bm25K1*(1-bm25B+bm25B*l/avg)))
}

func (ix *Index) remove(id string) {
	slot, ok := ix.byID[id]
	if !ok {
		return
	}
	d := &ix.docs[slot]
	for _, t := range d.terms {
		ix.df[t]--
	}
	for _, t := range d.loc {
		ix.df[t]--
	}
	ix.lenSum -= int64(len(d.terms))
	d.alive = false
	ix.inv[slot] = 0
	delete(ix.byID, id)
	ix.live--
	ix.dead++
	if ix.dead > 1024 && ix.dead > ix.live/2 {
		ix.compact()
	}
}

// compact drops dead slots and rebuilds the postings.
func (ix *Index) compact() {
	docs := ix.docs
	ix.docs = make([]docEntry, 0, ix.live)
	ix.inv = make([]float32, 0, ix.live)
	for i := range ix.post {
		ix.post[i] = ix.post[i][:0]
		ix.df[i] = 0
	}
	ix.live, ix.dead, ix.lenSum = 0, 0, 0
	for _, d := range docs {
		if d.alive {
			ix.insert(d)
		}
	}
	ix.renormAll()
}

// renormAll refreshes every length factor against the current average.
func (ix *Index) renormAll() {
	for i := range ix.docs {
		if ix.docs[i].alive {
			ix.renorm(int32(i))
		}
	}
}

// intern returns the id of term s, adding it when new.
func (ix *Index) intern(s string) int32 {
	if id, ok := ix.termID[s]; ok {
		return id
	}
	id := int32(len(ix.terms))
	ix.termID[s] = id
	ix.terms = append(ix.terms, s)
	ix.tw = append(ix.tw, float32(staticWeight(s)))
	ix.df = append(ix.df, 0)
	ix.post = append(ix.post, nil)
	ix.addDeletes(s, id)
	return id
}

// staticTotal is the static weight of a document's terms.
func (ix *Index) staticTotal(ids []int32) float32 {
	var sum float32
	for _, id := range ids {
		sum += ix.tw[id]
	}
	return sum
}

// internSet interns ts and returns the sorted, unique ids.
func (ix *Index) internSet(ts []string) []int32 {
	ids := make([]int32, 0, len(ts))
	for _, t := range ts {
		ids = append(ids, ix.intern(t))
	}
	return sortUnique(ids)
}

func sortUnique(ids []int32) []int32 {
	// insertion sort: a petition has a few dozen terms
	for i := 1; i < len(ids); i++ {
		for j := i; j > 0 && ids[j] < ids[j-1]; j-- {
			ids[j], ids[j-1] = ids[j-1], ids[j]
		}
	}
	out := ids[:0]
	for i, id := range ids {
		if i == 0 || id != ids[i-1] {
			out = append(out, id)
		}
	}
	return out[:len(out):len(out)]
}

// subtract returns the ids of a (sorted) not in b (sorted).
func subtract(a, b []int32) []int32 {
	var out []int32
	j := 0
	for _, x := range a {
		for j < len(b) && b[j] < x {
			j++
		}
		if j < len(b) && b[j] == x {
			continue
		}
		out = append(out, x)
	}
	return out
}

// contains reports whether sorted ids holds x.
func contains(ids []int32, x int32) bool {
	lo, hi := 0, len(ids)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if ids[m] < x {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo < len(ids) && ids[lo] == x
}

package store

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"sync"

	bolt "go.etcd.io/bbolt"

	"txct/store/match"
	"txct/store/model"
)

// archiveIndex keeps the repeat index in step with the archive. It is built
// from the petitions on first use (LoadIndex), off the UI goroutine, and then
// updated by every import and edit. The full records of the hits are read
// from the file (a few keys in one read transaction), so the archive is not
// held in memory twice.
type archiveIndex struct {
	once    sync.Once
	err     error
	mu      sync.RWMutex
	ix      *match.Index
	ready   bool
	loading bool             // LoadIndex has started reading the archive
	dirty   bool             // differs from the persisted blob
	queued  []model.Petition // changes made while the index was loading
	// variants counts the index entries that are other wordings of a
	// petition rather than petitions.
	variants int
	// gen counts the changes to ix (made under mu); checked holds the
	// index's answers by text for the index as it was at gen. The session
	// screen checks each remark as it is typed and the pre-export check
	// asks again for every remark of the session.
	gen     uint64
	checkMu sync.Mutex
	checked map[checkKey]checkedResult
}

type checkKey struct {
	text string
	top  int
}

type checkedResult struct {
	gen uint64
	res match.Result
}

// maxChecked bounds the remembered answers; past it they are forgotten.
const maxChecked = 4096

// check is ix.Check(text, top), answered from what was remembered while the
// index has not changed since. The caller holds mu for reading.
func (a *archiveIndex) check(text string, top int) match.Result {
	key := checkKey{text, top}
	a.checkMu.Lock()
	c, ok := a.checked[key]
	a.checkMu.Unlock()
	if ok && c.gen == a.gen {
		return c.res
	}
	res := a.ix.Check(text, top)
	a.checkMu.Lock()
	if a.checked == nil || len(a.checked) >= maxChecked {
		a.checked = map[checkKey]checkedResult{}
	}
	a.checked[key] = checkedResult{gen: a.gen, res: res}
	a.checkMu.Unlock()
	return res
}

// variantSep joins a petition id and a variant's ref into the variant's key
// in the repeat index; ids and refs never hold a NUL.
const variantSep = "\x00"

func variantKey(id, ref string) string { return id + variantSep + ref }

// baseID is the petition id of an index key.
func baseID(key string) string {
	if i := strings.Index(key, variantSep); i >= 0 {
		return key[:i]
	}
	return key
}

// indexEntries is what the repeat index holds for p: its own text and each
// variant wording, all at its location.
func indexEntries(p model.Petition) []model.Petition {
	out := []model.Petition{{ID: p.ID, Text: p.Text, Location: p.Location}}
	for _, v := range p.Variants {
		out = append(out, model.Petition{ID: variantKey(p.ID, v.Ref), Text: v.Text, Location: p.Location})
	}
	return out
}

func newArchiveIndex() *archiveIndex {
	return &archiveIndex{ix: match.NewIndex()}
}

func (a *archiveIndex) put(ps ...model.Petition) { a.apply(ps, nil) }

// apply removes the index keys in removed (petition ids and variant keys)
// and indexes ps with their variants, in place.
func (a *archiveIndex) apply(ps []model.Petition, removed []string) {
	a.mu.Lock()
	a.gen++ // what was remembered of the index is stale
	defer a.mu.Unlock()
	if !a.ready {
		// Before a load starts, the file is the truth and a load will read
		// it; during a load, changes may miss its snapshot, so keep them.
		if a.loading {
			for _, k := range removed {
				a.queued = append(a.queued, model.Petition{ID: k, Source: removeMark})
			}
			a.queued = append(a.queued, ps...)
		}
		return
	}
	a.applyLocked(ps, removed)
}

// removeMark marks a queued removal.
const removeMark = "\x00remove"

func (a *archiveIndex) applyLocked(ps []model.Petition, removed []string) {
	for _, k := range removed {
		if a.ix.Has(k) {
			a.ix.Remove(k)
			if k != baseID(k) {
				a.variants--
			}
		}
	}
	for _, p := range ps {
		for _, e := range indexEntries(p) {
			if e.ID != p.ID && !a.ix.Has(e.ID) {
				a.variants++
			}
			a.ix.Add(e)
		}
	}
	a.dirty = true
}

// build makes the index from ps, the whole archive, unless it is loaded or
// loading; LoadIndex then has nothing left to do.
func (a *archiveIndex) build(ps []model.Petition) {
	a.mu.Lock()
	a.gen++ // what was remembered of the index is stale
	defer a.mu.Unlock()
	switch {
	case a.ready:
		a.applyLocked(ps, nil)
		return
	case a.loading:
		a.queued = append(a.queued, ps...)
		return
	}
	var e entrySet
	for _, p := range ps {
		e.add(p)
	}
	a.ix, a.ready, a.dirty, a.variants = match.Build(e.all), true, true, e.variants
}

// entrySet is what the repeat index holds for a set of petitions.
type entrySet struct {
	all      []model.Petition
	variants int
}

func (e *entrySet) add(p model.Petition) {
	e.all = append(e.all, indexEntries(p)...)
	e.variants += len(p.Variants)
}

// LoadIndex builds the repeat index from the archive. It runs once; later
// calls return the first result. Safe to call from any goroutine.
func (s *Store) LoadIndex() error {
	if s.index == nil {
		return fmt.Errorf("the repeat index is not enabled for this command")
	}
	a := s.index
	a.once.Do(func() {
		a.mu.Lock()
		a.gen++ // what was remembered of the index is stale
		if a.ready {
			a.mu.Unlock()
			return // built from the first import
		}
		a.loading = true
		a.mu.Unlock()
		// A persisted index of the current archive loads in a fraction of
		// the time a build takes (about 0.2 s against 3–6 s at 100,000).
		ix, variants, err := s.loadPersistedIndex()
		if err == nil && ix == nil {
			var e entrySet
			err = s.Petitions(func(p model.Petition) error {
				// The index reads only id, text and location; the rest
				// would double the memory a 100,000-row build needs.
				e.add(p)
				return nil
			})
			if err == nil {
				ix, variants = match.Build(e.all), e.variants
				a.dirty = true
			}
		}
		if err != nil {
			a.err = err
			return
		}
		a.mu.Lock()
		a.gen++ // what was remembered of the index is stale
		a.ix, a.ready, a.variants = ix, true, variants
		for _, p := range a.queued {
			if p.Source == removeMark {
				a.applyLocked(nil, []string{p.ID})
			} else {
				a.applyLocked([]model.Petition{p}, nil)
			}
		}
		a.queued = nil
		a.mu.Unlock()
	})
	return a.err
}

// loadPersistedIndex returns the saved index, and how many of its entries
// are variants, if it was built from the archive as it is now, or nil.
func (s *Store) loadPersistedIndex() (*match.Index, int, error) {
	var ix *match.Index
	var variants int
	err := s.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketIndex)
		if b == nil {
			return nil
		}
		if !bytes.Equal(b.Get(keyIndexGen), tx.Bucket(bucketMeta).Get(keyArchiveGen)) {
			return nil
		}
		blob := b.Get(keyIndexBlob)
		if blob == nil {
			return nil
		}
		// Decoded in place: the index copies what it keeps, and a copy of
		// the blob (tens of MB at 100,000 petitions) would only raise the
		// app's peak memory.
		ix = match.NewIndex()
		if err := ix.UnmarshalBinary(blob); err != nil {
			ix = nil // another version or damaged: rebuild
		}
		variants = int(fromU64(b.Get(keyIndexVariants)))
		return nil
	})
	if err != nil || ix == nil {
		return nil, 0, err
	}
	return ix, variants, nil
}

// SaveIndex persists the repeat index if it changed since it was loaded, so
// the next start loads it instead of rebuilding. Close calls it.
func (s *Store) SaveIndex() error {
	if s.index == nil || s.opts.ReadOnly {
		return nil
	}
	a := s.index
	a.mu.Lock()
	defer a.mu.Unlock()
	if !a.ready || !a.dirty {
		return nil
	}
	blob, err := a.ix.MarshalBinary()
	if err != nil {
		return err
	}
	err = s.update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists(bucketIndex)
		if err != nil {
			return err
		}
		gen := tx.Bucket(bucketMeta).Get(keyArchiveGen)
		if gen == nil {
			gen = u64(0)
		}
		if err := b.Put(keyIndexBlob, blob); err != nil {
			return err
		}
		if err := b.Put(keyIndexVariants, u64(uint64(max(a.variants, 0)))); err != nil {
			return err
		}
		return b.Put(keyIndexGen, gen)
	})
	if err == nil {
		a.dirty = false
	}
	return err
}

// IndexReady reports whether repeat checks can run.
func (s *Store) IndexReady() bool {
	if s.index == nil {
		return false
	}
	s.index.mu.RLock()
	defer s.index.mu.RUnlock()
	return s.index.ready
}

// Repeat is an archived petition a remark may repeat, with its score (0–1)
// and the part of the remark that matched it.
type Repeat struct {
	Petition model.Petition
	Score    float64
	// Span is the part of the remark (rune offsets) that matched: one
	// demand of a remark that holds several.
	Span match.Span
	// Shared is what the remark and the petition both name (hamlet, road,
	// bridge, school, project …) and where, in both texts.
	Shared []match.Shared
}

// RepeatResult is the one decision on a remark: whether it repeats an
// archived petition, the matches worth showing, best first, and an earlier
// remark of the same session that makes the same demand.
type RepeatResult struct {
	Repeat bool
	Hits   []Repeat
	// Sibling is the merge group (its first remark's id) of the earlier
	// remark most like this one, 0 when none is alike enough.
	Sibling      uint64
	SiblingScore float64
}

// PanelSize is how many matches a remark shows.
const PanelSize = 5

// RemarkRepeats is the matches a remark shows wherever it is displayed
// without its session around it (the delegates' live view): FindRepeats
// with the petitions a person dismissed left out.
func (s *Store) RemarkRepeats(text string, dismissed []string) (RepeatResult, error) {
	return s.FindRepeats(text, RepeatOptions{Top: PanelSize, Dismissed: dismissed})
}

// RepeatOptions say what FindRepeats leaves out.
type RepeatOptions struct {
	// Top is how many matches to return; 5 when 0.
	Top int
	// Dismissed are petition ids a person rejected for this remark: never
	// shown, never the reason for a flag.
	Dismissed []string
	// Earlier are the remarks said before this one in the session, for the
	// merge offer.
	Earlier []model.Remark
	// Similar, if set, is how alike the text and Earlier[k] are, as
	// match.Similar says (a match.Similarities scores a whole session at
	// once); unset, match.Similar is asked.
	Similar func(k int) float64
	// Session is the uid of the session the text is typed in: the records
	// it forwarded itself are left out.
	Session string
	// History folds into each hit the records marked as the same demand
	// (first raised, every raising), for showing: such a petition is
	// never written back.
	History bool
}

// MinShown is the lowest score worth showing: below it a match shares a
// word or two and would only push real candidates out of sight.
const MinShown = 0.15

// MergeThreshold is the similarity from which an earlier remark of the same
// session is offered for merging ("nhiều cử tri cùng kiến nghị").
const MergeThreshold = 0.5

// FindRepeats decides whether text repeats archived petitions: the matches
// scoring at least MinShown that were not dismissed, best first, flagged
// when the best reaches the engine's threshold. The capture panel, `txct
// check` and everything else that asks use this one decision. It loads the
// index first if needed.
func (s *Store) FindRepeats(text string, opts RepeatOptions) (RepeatResult, error) {
	if err := s.LoadIndex(); err != nil {
		return RepeatResult{}, err
	}
	top := opts.Top
	if top <= 0 {
		top = PanelSize
	}
	a := s.index
	a.mu.RLock()
	// Variants are entries of their own and the session's own records are
	// left out: ask for more, keep each petition's best.
	res := a.check(text, top+len(opts.Dismissed)+8)
	threshold := a.ix.Threshold
	a.mu.RUnlock()
	var out RepeatResult
	similar := opts.Similar
	if similar == nil {
		similar = func(k int) float64 { return match.Similar(text, opts.Earlier[k].Text) }
	}
	for k, r := range opts.Earlier {
		if r.Text == "" {
			continue
		}
		if sc := similar(k); sc >= MergeThreshold && sc > out.SiblingScore {
			lead := r.ID
			if r.MergedInto != 0 {
				lead = r.MergedInto
			}
			out.Sibling, out.SiblingScore = lead, sc
		}
	}
	err := s.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketPetitions)
		seen := map[string]bool{}
		for _, h := range res.Hits {
			id := baseID(h.ID)
			if h.Score < MinShown || seen[id] || slices.Contains(opts.Dismissed, id) || len(out.Hits) == top {
				continue
			}
			seen[id] = true
			var p model.Petition
			if err := getJSON(b, []byte(id), &p); err != nil {
				return fmt.Errorf("petition %q: %w", id, err)
			}
			if opts.Session != "" && p.OriginSession() == opts.Session {
				continue // a remark never repeats itself
			}
			if opts.History {
				p = foldCluster(tx, p)
			}
			out.Hits = append(out.Hits, Repeat{Petition: p, Score: h.Score, Span: h.Span,
				Shared: match.SharedSpecifics(text, h.Span, p.Text, p.Location)})
		}
		return nil
	})
	// The engine's own flag also covers input it refuses to flag (pasted
	// junk); a best match left out passes the flag to the next one.
	out.Repeat = len(out.Hits) > 0 && out.Hits[0].Score >= threshold &&
		(res.Repeat || len(res.Hits) > 0 && baseID(res.Hits[0].ID) != out.Hits[0].Petition.ID)
	return out, err
}

// ExplainRepeat says how text matches the archived petition id: the score
// the engine gives the pair, the part of text that matched it and what
// both name. The review uses it for links a person confirmed.
func (s *Store) ExplainRepeat(text, id string) (Repeat, error) {
	if err := s.LoadIndex(); err != nil {
		return Repeat{}, err
	}
	a := s.index
	a.mu.RLock()
	h, ok := a.ix.Explain(text, id)
	a.mu.RUnlock()
	p, err := s.Petition(id)
	if err != nil || !ok {
		return Repeat{Petition: p}, err
	}
	return Repeat{Petition: p, Score: h.Score, Span: h.Span, Shared: match.SharedSpecifics(text, h.Span, p.Text, p.Location)}, nil
}

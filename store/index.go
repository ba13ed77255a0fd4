package store

import (
	"bytes"
	"fmt"
	"slices"
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
}

func newArchiveIndex() *archiveIndex {
	return &archiveIndex{ix: match.NewIndex()}
}

func (a *archiveIndex) put(ps ...model.Petition) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if !a.ready {
		// Before a load starts, the file is the truth and a load will read
		// it; during a load, changes may miss its snapshot, so keep them.
		if a.loading {
			a.queued = append(a.queued, ps...)
		}
		return
	}
	for _, p := range ps {
		a.ix.Add(p)
	}
	a.dirty = true
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
		a.loading = true
		a.mu.Unlock()
		// A persisted index of the current archive loads in a fraction of
		// the time a build takes (about 0.2 s against 3–6 s at 100,000).
		ix, err := s.loadPersistedIndex()
		if err == nil && ix == nil {
			var all []model.Petition
			err = s.Petitions(func(p model.Petition) error {
				// The index reads only these; the rest would double the
				// memory a 100,000-row build needs.
				all = append(all, model.Petition{ID: p.ID, Text: p.Text, Location: p.Location})
				return nil
			})
			if err == nil {
				ix = match.Build(all)
				a.dirty = true
			}
		}
		if err != nil {
			a.err = err
			return
		}
		a.mu.Lock()
		a.ix, a.ready = ix, true
		for _, p := range a.queued {
			a.ix.Add(p)
			a.dirty = true
		}
		a.queued = nil
		a.mu.Unlock()
	})
	return a.err
}

// loadPersistedIndex returns the saved index if it was built from the
// archive as it is now, or nil.
func (s *Store) loadPersistedIndex() (*match.Index, error) {
	var blob []byte
	err := s.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketIndex)
		if b == nil {
			return nil
		}
		if !bytes.Equal(b.Get(keyIndexGen), tx.Bucket(bucketMeta).Get(keyArchiveGen)) {
			return nil
		}
		blob = bytes.Clone(b.Get(keyIndexBlob))
		return nil
	})
	if err != nil || blob == nil {
		return nil, err
	}
	ix := match.NewIndex()
	if err := ix.UnmarshalBinary(blob); err != nil {
		return nil, nil // another version or damaged: rebuild
	}
	return ix, nil
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
	res := a.ix.Check(text, top+len(opts.Dismissed))
	threshold := a.ix.Threshold
	a.mu.RUnlock()
	var hits []match.Hit
	for _, h := range res.Hits {
		if h.Score >= MinShown && !slices.Contains(opts.Dismissed, h.ID) && len(hits) < top {
			hits = append(hits, h)
		}
	}
	// The engine's own flag also covers input it refuses to flag (pasted
	// junk); a dismissed best match passes the flag to the next one.
	out := RepeatResult{Repeat: len(hits) > 0 && hits[0].Score >= threshold && (res.Repeat || len(res.Hits) > 0 && res.Hits[0].ID != hits[0].ID)}
	for _, r := range opts.Earlier {
		if r.Text == "" {
			continue
		}
		if sc := match.Similar(text, r.Text); sc >= MergeThreshold && sc > out.SiblingScore {
			lead := r.ID
			if r.MergedInto != 0 {
				lead = r.MergedInto
			}
			out.Sibling, out.SiblingScore = lead, sc
		}
	}
	err := s.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketPetitions)
		for _, h := range hits {
			var p model.Petition
			if err := getJSON(b, []byte(h.ID), &p); err != nil {
				return fmt.Errorf("petition %q: %w", h.ID, err)
			}
			out.Hits = append(out.Hits, Repeat{Petition: p, Score: h.Score, Span: h.Span})
		}
		return nil
	})
	return out, err
}

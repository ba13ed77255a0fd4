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

// Repeat is an archived petition a remark may repeat, with its score (0–1).
type Repeat struct {
	Petition model.Petition
	Score    float64
}

// RepeatResult is the outcome of one repeat check: the engine's own flag and
// the best matches, best first.
type RepeatResult struct {
	Repeat bool
	Hits   []Repeat
}

// PanelSize is how many matches a remark shows, and MinShown the lowest
// score shown: below it a "match" shares a word or two and would only push
// real candidates out of sight.
const (
	PanelSize = 5
	MinShown  = 0.15
)

// RemarkRepeats is the matches a remark shows wherever it is displayed (the
// session screen's panel, the delegates' live view): the best PanelSize at
// or above MinShown, leaving out the petitions a person dismissed. Repeat
// stays set only if the engine's own best match survived the filter.
func (s *Store) RemarkRepeats(text string, dismissed []string) (RepeatResult, error) {
	var out RepeatResult
	if strings.TrimSpace(text) == "" {
		return out, nil
	}
	res, err := s.FindRepeats(text, PanelSize+len(dismissed))
	for _, h := range res.Hits {
		if !slices.Contains(dismissed, h.Petition.ID) && h.Score >= MinShown && len(out.Hits) < PanelSize {
			out.Hits = append(out.Hits, h)
		}
	}
	out.Repeat = res.Repeat && len(out.Hits) > 0 && len(res.Hits) > 0 && out.Hits[0].Petition.ID == res.Hits[0].Petition.ID
	return out, err
}

// FindRepeats matches text against the archive. It loads the index first if
// needed.
func (s *Store) FindRepeats(text string, top int) (RepeatResult, error) {
	if err := s.LoadIndex(); err != nil {
		return RepeatResult{}, err
	}
	a := s.index
	a.mu.RLock()
	res := a.ix.Check(text, top)
	a.mu.RUnlock()
	out := RepeatResult{Repeat: res.Repeat}
	err := s.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketPetitions)
		for _, h := range res.Hits {
			var p model.Petition
			if err := getJSON(b, []byte(h.ID), &p); err != nil {
				return fmt.Errorf("petition %q: %w", h.ID, err)
			}
			out.Hits = append(out.Hits, Repeat{Petition: p, Score: h.Score})
		}
		return nil
	})
	return out, err
}

package store

import (
	"fmt"
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
	once   sync.Once
	err    error
	mu     sync.RWMutex
	ix     *match.Index
	ready  bool
	queued []model.Petition // changes made while the index was loading
}

func newArchiveIndex() *archiveIndex {
	return &archiveIndex{ix: match.NewIndex()}
}

func (a *archiveIndex) put(ps ...model.Petition) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if !a.ready {
		a.queued = append(a.queued, ps...)
		return
	}
	for _, p := range ps {
		a.ix.Add(p)
	}
}

// LoadIndex builds the repeat index from the archive. It runs once; later
// calls return the first result. Safe to call from any goroutine.
func (s *Store) LoadIndex() error {
	if s.index == nil {
		return fmt.Errorf("the repeat index is not enabled for this command")
	}
	a := s.index
	a.once.Do(func() {
		var all []model.Petition
		a.err = s.Petitions(func(p model.Petition) error {
			all = append(all, p)
			return nil
		})
		if a.err != nil {
			return
		}
		ix := match.Build(all)
		a.mu.Lock()
		a.ix, a.ready = ix, true
		for _, p := range a.queued {
			a.ix.Add(p)
		}
		a.queued = nil
		a.mu.Unlock()
	})
	return a.err
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
